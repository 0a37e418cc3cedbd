// Accounts for any province and for commune staff (lib/data/accounts-core.ts, through the web
// app's lib/data/accounts.ts), on both backends: an administrator gives Tuyên Quang (08) a
// provincial officer and one of its communes a commune staff account; a unit of the wrong level
// is refused, and so is a unit that has ended for a new account (naming the unit it went into),
// while an existing account may still be given one (its history); a refusal writes nothing.
import { afterAll, describe, expect, it } from "vitest";
import { can, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createAccount, updateAccount } from "@/lib/data/accounts";
import { listUnits } from "@/lib/data/units";
import { AppError } from "@/lib/errors";
import { problemBilingual, problemText } from "@/lib/i18n/problems";
import { demoActor, withPg } from "./helpers";

const admin = demoActor("user-admin");

/** Xã Phú Linh, a commune of Tuyên Quang from 1 July 2025 (prisma/data/admin-units/units-from-2025-07-01.csv). */
const COMMUNE = "00706";
/** Xã Ngọc Đường, another commune of Tuyên Quang. */
const OTHER_COMMUNE = "00700";
const PROVINCIAL = "tinh.tuyen-quang@accounts.test";
const COMMUNE_STAFF = "xa.phu-linh@accounts.test";
const REFUSED = "refused@accounts.test";

const made: string[] = [];

afterAll(async () => {
  await db().auditLog.deleteMany({ where: { entity: "user", entityId: { in: made } } });
  await db().user.deleteMany({ where: { id: { in: made } } });
});

/** The refusal a call throws: its kind and problems (it must be an AppError). */
async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

const input = (role: string, unitCode: string, email = REFUSED) => ({ email, name: "Cán bộ thử nghiệm", role, unitCode, password: "" });

describe("accounts for a province of today and for commune staff", () => {
  it("a provincial officer for Tuyên Quang (08)", async () => {
    const created = await createAccount(admin, input("PROVINCIAL_OFFICER", "08", PROVINCIAL));
    made.push(created.account.id);
    expect(created.generated).toBe(true);
    expect(created.account).toMatchObject({ role: "PROVINCIAL_OFFICER", unit: { key: "08", name: "Tỉnh Tuyên Quang", level: "PROVINCE" } });
    expect(await db().auditLog.count({ where: { entity: "user", entityId: created.account.id, action: "user.create" } })).toBe(1);
  });

  it("commune staff for Xã Phú Linh, a commune of Tuyên Quang: its own commune only, proposing results", async () => {
    const created = await createAccount(admin, input("DISTRICT_STAFF", COMMUNE, COMMUNE_STAFF));
    made.push(created.account.id);
    expect(created.account).toMatchObject({ role: "DISTRICT_STAFF", unit: { key: COMMUNE, name: "Xã Phú Linh", level: "COMMUNE" } });

    const units = await listUnits();
    const idOf = (key: string) => units.find((u) => u.key === key)!.id;
    const staff: TActor = { id: created.account.id, role: "DISTRICT_STAFF", unitId: created.account.unitId, email: COMMUNE_STAFF, name: created.account.name };
    expect(can(staff, "result.edit", units, idOf(COMMUNE))).toBe(true);
    expect(can(staff, "result.publish", units, idOf(COMMUNE))).toBe(false);
    expect(can(staff, "result.edit", units, idOf(OTHER_COMMUNE))).toBe(false);
    expect(can(staff, "plan.edit", units, idOf(COMMUNE))).toBe(false);
    // The province's officer works in the commune too.
    const officer = await db().user.findUniqueOrThrow({ where: { email: PROVINCIAL } });
    const provincial: TActor = { id: officer.id, role: "PROVINCIAL_OFFICER", unitId: officer.unitId, email: PROVINCIAL, name: officer.name };
    expect(can(provincial, "result.publish", units, idOf(COMMUNE))).toBe(true);
  });

  it("the command line's role names are accepted (\"commune\" is district or commune staff)", async () => {
    const created = await createAccount(admin, { ...input("commune", OTHER_COMMUNE, "xa.ngoc-duong@accounts.test") });
    made.push(created.account.id);
    expect(created.account).toMatchObject({ role: "DISTRICT_STAFF", unit: { key: OTHER_COMMUNE } });
  });
});

describe("refusals, which write nothing", () => {
  it.each([
    ["PROVINCIAL_OFFICER", COMMUNE, "Xã Phú Linh", /cán bộ cấp tỉnh cần một tỉnh/],
    ["DISTRICT_STAFF", "08", "Tỉnh Tuyên Quang", /cán bộ huyện\/xã cần một huyện hoặc một xã/],
    ["PROVINCIAL_OFFICER", "VN", "Việt Nam", /cán bộ cấp tỉnh/],
  ])("a %s for %s: a unit of the wrong level", async (role, key, name, rule) => {
    const e = await refusal(createAccount(admin, input(role, key)));
    expect(e.kind).toBe("invalid");
    expect(e.problems).toEqual([{ code: "unit_level", field: "unitCode", params: { unit: name, role } }]);
    expect(problemText(e.problems[0]!, "vi")).toMatch(rule);
  });

  it("a province that has ended, for a new account: refused, naming the unit it went into", async () => {
    const e = await refusal(createAccount(admin, input("PROVINCIAL_OFFICER", "94")));
    expect(e.kind).toBe("invalid");
    expect(e.problems[0]).toMatchObject({ code: "unit_ended", field: "unitCode", params: { unit: "Tỉnh Sóc Trăng", key: "94", to: "2025-06-30", successor: "Thành phố Cần Thơ", successorKey: "92" } });
    expect(problemBilingual(e.problems[0]!)).toBe(
      "Tỉnh Sóc Trăng (mã 94) đã kết thúc ngày 30/06/2025; tài khoản mới cần một đơn vị đang tồn tại: hãy chọn đơn vị kế tục, Thành phố Cần Thơ (mã 92) / " +
        "Tỉnh Sóc Trăng (code 94) ended on 30/06/2025; a new account needs a unit that exists today: choose its successor, Thành phố Cần Thơ (code 92)",
    );
    // Tuyên Quang before the reform, by its key with a year.
    const old = await refusal(createAccount(admin, input("PROVINCIAL_OFFICER", "08-2025")));
    expect(old.problems[0]).toMatchObject({ code: "unit_ended", params: { key: "08-2025", successor: "Tỉnh Tuyên Quang", successorKey: "08" } });
  });

  it("a district (all ended on 30/06/2025) or a divided commune, for new staff: refused, naming what there is", async () => {
    const district = await refusal(createAccount(admin, input("DISTRICT_STAFF", "942")));
    expect(district.problems[0]).toMatchObject({ code: "unit_ended", params: { unit: "Huyện Châu Thành", successor: null } });
    expect(problemText(district.problems[0]!, "vi")).toBe("Huyện Châu Thành (mã 942) đã kết thúc ngày 30/06/2025; tài khoản mới cần một đơn vị đang tồn tại");

    const split = await withPg((c) =>
      c.query<{ key: string; n: string }>(
        `SELECT u."key", count(*) AS n FROM "unit_succession" s JOIN "admin_unit" u ON u."id" = s."predecessorId"
         WHERE s."share" = 'PARTIAL' AND u."level" = 'COMMUNE' GROUP BY u."key" ORDER BY u."key" LIMIT 1`,
      ),
    );
    const key = split.rows[0]!.key;
    const divided = await refusal(createAccount(admin, input("DISTRICT_STAFF", key)));
    const params = divided.problems[0]!.params!;
    expect(params).toMatchObject({ key, successor: null });
    expect(String(params.successors).split(", ")).toHaveLength(Number(split.rows[0]!.n));
    expect(problemText(divided.problems[0]!, "en")).toContain("it was divided between");
  });

  it.each([
    ["99999", "not_found", "unit_not_found"],
    ["", "invalid", "unit_required"],
  ])("unit %j: %s", async (key, kind, code) => {
    const e = await refusal(createAccount(admin, input("DISTRICT_STAFF", key)));
    expect(e.kind).toBe(kind);
    expect(e.problems[0]).toMatchObject({ code, field: "unitCode" });
  });

  it("a malformed key is refused by the schema, in both languages", async () => {
    const e = await refusal(createAccount(admin, input("DISTRICT_STAFF", "<script>")));
    expect(e.kind).toBe("invalid");
    expect(e.problems[0]?.field).toBe("unitCode");
    expect(problemBilingual(e.problems[0]!)).toMatch(/^Mã đơn vị chỉ gồm chữ và số.* \/ A unit key is letters and digits/);
  });

  it("none of them created an account or wrote to the audit log", async () => {
    expect(await db().user.count({ where: { email: REFUSED } })).toBe(0);
    expect(await db().auditLog.count({ where: { entity: "user", after: { path: ["email"], equals: REFUSED } } })).toBe(0);
  });
});

describe("an existing account keeps its history", () => {
  it("may be given a province that has ended (its former plans and results), and a province of today again", async () => {
    const officer = await db().user.findUniqueOrThrow({ where: { email: PROVINCIAL } });
    // Tuyên Quang before the reform (08-2025), which went into today's (08) with Hà Giang.
    const history = await updateAccount(admin, officer.id, { role: "PROVINCIAL_OFFICER", unitCode: "08-2025" });
    expect(history.unit).toMatchObject({ key: "08-2025", code: "08", name: "Tỉnh Tuyên Quang" });
    const back = await updateAccount(admin, officer.id, { role: "PROVINCIAL_OFFICER", unitCode: "08" });
    expect(back.unit?.key).toBe("08");
    // The level rule holds for updates too.
    const wrong = await refusal(updateAccount(admin, officer.id, { role: "PROVINCIAL_OFFICER", unitCode: COMMUNE }));
    expect(wrong.problems[0]?.code).toBe("unit_level");
  });
});
