import { describe, expect, it } from "vitest";
import { can, inJurisdiction, inReadingScope, jurisdictionRoots, PERMISSIONS, type TActor, type TPermission } from "./permissions";

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
  ["unit.manage", admin, null, true],
  ["unit.manage", stOfficer, null, false],
  ["unit.manage", stOfficer, "st", false],
  ["unit.manage", ctStaff, null, false],
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

// Across a reform: Sóc Trăng (with Châu Thành) ended on 30/6/2025 and went wholly into the
// new Cần Thơ ("cto", a commune "ctc" below it); the old Cần Thơ ("cto0") went into it too.
describe("jurisdiction across a reform", () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const reformed = [
    { id: "vn", parentId: null },
    { id: "st", parentId: "vn", validTo: day("2025-06-30"), successorId: "cto" },
    { id: "ct", parentId: "st", validTo: day("2025-06-30") },
    { id: "cto0", parentId: "vn", validTo: day("2025-06-30"), successorId: "cto" },
    { id: "cto", parentId: "vn", validFrom: day("2025-07-01") },
    { id: "ctc", parentId: "cto", validFrom: day("2025-07-01") },
    { id: "sl", parentId: "vn" },
  ];
  const ctoOfficer: TActor = { id: "n", role: "PROVINCIAL_OFFICER", unitId: "cto", email: "n@x", name: "N" };

  it("an account whose province was merged works in the successor too, and keeps its own", () => {
    expect(jurisdictionRoots(stOfficer, reformed)).toEqual(["st", "cto"]);
    for (const u of ["st", "ct", "cto", "ctc"]) expect(can(stOfficer, "result.edit", reformed, u)).toBe(true);
    // Not the other units merged into the successor, nor anything else.
    expect(can(stOfficer, "result.edit", reformed, "cto0")).toBe(false);
    expect(can(stOfficer, "result.edit", reformed, "sl")).toBe(false);
    // A district's account follows its own unit only (Châu Thành went into communes, in part).
    expect(jurisdictionRoots(ctStaff, reformed)).toEqual(["ct"]);
  });

  it("the successor's officers read the predecessors' figures and history, and never write them", () => {
    for (const u of ["st", "ct", "cto0"]) {
      expect(inReadingScope(ctoOfficer, u, reformed)).toBe(true);
      expect(can(ctoOfficer, "plan.read", reformed, u)).toBe(true);
      expect(can(ctoOfficer, "audit.read.unit", reformed, u)).toBe(true);
      for (const p of ["result.edit", "result.publish", "result.reopen", "plan.edit", "plan.publish"] as const) expect(can(ctoOfficer, p, reformed, u)).toBe(false);
    }
    expect(can(ctoOfficer, "result.edit", reformed, "ctc")).toBe(true);
    expect(can(ctoOfficer, "plan.read", reformed, "sl")).toBe(false);
    expect(can(ctoOfficer, "audit.read.unit", reformed, "sl")).toBe(false);
  });
});
