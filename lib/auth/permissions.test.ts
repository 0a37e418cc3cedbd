import { describe, expect, it } from "vitest";
import { can, inJurisdiction, PERMISSIONS, type TActor, type TPermission } from "./permissions";

// The seeded tree: Việt Nam > Sóc Trăng > Châu Thành; Việt Nam > Sơn La; Việt Nam > Bạc Liêu.
const units = [
  { id: "vn", parentId: null },
  { id: "st", parentId: "vn" },
  { id: "ct", parentId: "st" },
  { id: "sl", parentId: "vn" },
  { id: "bl", parentId: "vn" },
];
const admin: TActor = { id: "a", role: "ADMIN", unitId: null, email: "admin@x", name: "A" };
const stOfficer: TActor = { id: "s", role: "PROVINCIAL_OFFICER", unitId: "st", email: "s@x", name: "S" };
const slOfficer: TActor = { id: "l", role: "PROVINCIAL_OFFICER", unitId: "sl", email: "l@x", name: "L" };
const ctStaff: TActor = { id: "c", role: "DISTRICT_STAFF", unitId: "ct", email: "c@x", name: "C" };

describe("jurisdiction", () => {
  it("covers the actor's unit and what lies below it", () => {
    expect(inJurisdiction(stOfficer, "st", units)).toBe(true);
    expect(inJurisdiction(stOfficer, "ct", units)).toBe(true);
    expect(inJurisdiction(stOfficer, "sl", units)).toBe(false);
    expect(inJurisdiction(stOfficer, "vn", units)).toBe(false);
    expect(inJurisdiction(ctStaff, "ct", units)).toBe(true);
    expect(inJurisdiction(ctStaff, "st", units)).toBe(false);
    expect(inJurisdiction(admin, "sl", units)).toBe(true);
    expect(inJurisdiction(stOfficer, "unknown", units)).toBe(false);
  });
});

// Every permission × role × own/other unit, with the expected decision.
type Row = [TPermission, TActor, string | null, boolean];
const matrix: Row[] = [
  ["result.edit", admin, "sl", true],
  ["result.edit", stOfficer, "ct", true],
  ["result.edit", stOfficer, "sl", false],
  ["result.edit", slOfficer, "ct", false],
  ["result.edit", ctStaff, "ct", true],
  ["result.edit", ctStaff, "st", false],
  ["result.edit", ctStaff, "sl", false],
  ["result.publish", admin, "ct", true],
  ["result.publish", stOfficer, "ct", true],
  ["result.publish", stOfficer, "sl", false],
  ["result.publish", ctStaff, "ct", false],
  ["result.reopen", stOfficer, "st", true],
  ["result.reopen", slOfficer, "st", false],
  ["result.reopen", ctStaff, "ct", false],
  ["plan.edit", stOfficer, "ct", true],
  ["plan.edit", slOfficer, "ct", false],
  ["plan.edit", ctStaff, "ct", false],
  ["plan.publish", stOfficer, "st", true],
  ["plan.publish", ctStaff, "ct", false],
  ["plan.edit", admin, null, true],
  ["plan.edit", stOfficer, null, false],
  ["user.manage", admin, null, true],
  ["user.manage", stOfficer, null, false],
  ["user.manage", ctStaff, null, false],
  ["audit.read.all", admin, null, true],
  ["audit.read.all", stOfficer, null, false],
  ["audit.read.unit", ctStaff, "ct", true],
  ["audit.read.unit", ctStaff, "sl", false],
  ["token.own", ctStaff, null, true],
];

describe("permission matrix", () => {
  it.each(matrix)("%s by %o on %s → %s", (perm, actor, unit, expected) => {
    expect(can(actor, perm, units, unit)).toBe(expected);
  });

  it("denies everything to the public (no actor)", () => {
    for (const p of PERMISSIONS) expect(can(null, p, units, "st")).toBe(false);
  });
});
