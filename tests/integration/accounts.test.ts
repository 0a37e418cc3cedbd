// Accounts for any province and for commune staff (lib/data/accounts-core.ts, through the web
// app's lib/data/accounts.ts), on both backends: an administrator gives Tuyên Quang (08) a
// provincial officer and one of its communes a commune staff account; a unit of the wrong level
// is refused, and so is a unit that has ended for a new account (naming the unit it went into),
// while an existing account may still be given one (its history); a refusal writes nothing.
// A password someone else set must be changed at the first sign-in (mustChangePassword: set on
// creation and on an administrator's reset, on the web and at the command line, cleared by the
// holder's own change; their tokens are refused meanwhile); an administrator sees every
// account's active tokens and revokes another's, audited under the administrator's name.
import { afterAll, describe, expect, it } from "vitest";
import { can, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { changeOwnPassword, createAccount, getAccount, resetAccountPassword, updateAccount } from "@/lib/data/accounts";
import { createAccountWith, resetAccountPasswordWith, type TAccountsCtx } from "@/lib/data/accounts-core";
import { actorFromBearer, createToken, getRevocableToken, listActiveTokensByAccount, revokeToken } from "@/lib/data/tokens";
import { verifyPassword } from "@/lib/auth/password";
import { listUnits } from "@/lib/data/units";
import { AppError } from "@/lib/errors";
import { problemBilingual, problemText } from "@/lib/i18n/problems";
import { demoActor, withPg, refusal } from "./helpers";

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
  const tokens = (await db().apiToken.findMany({ where: { userId: { in: made } }, select: { id: true } })).map((t) => t.id);
  await db().auditLog.deleteMany({ where: { entity: "api_token", entityId: { in: tokens } } });
  await db().user.deleteMany({ where: { id: { in: made } } });
});


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

/** The account as stored. */
const stored = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { mustChangePassword: true, passwordHash: true } });

/** A signed-in actor for an account made here. */
const actorOf = (a: { id: string; role: TActor["role"]; unitId: string | null; email: string; name: string }): TActor => ({ id: a.id, role: a.role, unitId: a.unitId, email: a.email, name: a.name });

describe("a password someone else set is changed at the first sign-in", () => {
  const EMAIL = "doi-mat-khau@accounts.test";
  const CLI_EMAIL = "cli-doi-mat-khau@accounts.test";

  it("an administrator's new account must change its password; the seeded demo accounts need not", async () => {
    const created = await createAccount(admin, { ...input("PROVINCIAL_OFFICER", "08", EMAIL), password: "Mật khẩu ban đầu 2025" });
    made.push(created.account.id);
    expect(created.account.mustChangePassword).toBe(true);
    expect((await stored(created.account.id)).mustChangePassword).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "user", entityId: created.account.id, action: "user.create" } });
    expect(audit.after).toMatchObject({ mustChangePassword: true });
    // prisma/seed.ts writes the demo accounts itself: none of them has to.
    expect(await db().user.count({ where: { id: { startsWith: "user-" }, email: { endsWith: "@demo.gov.vn" }, mustChangePassword: true } })).toBe(0);
  });

  it("the holder's own change clears it (and every session ends); an administrator's reset sets it again, audited", async () => {
    const account = await requireAccount(EMAIL);
    const holder = actorOf(account);
    await changeOwnPassword(holder, { current: "Mật khẩu ban đầu 2025", next: "Mật khẩu của riêng tôi", confirm: "Mật khẩu của riêng tôi" });
    expect((await stored(account.id)).mustChangePassword).toBe(false);
    expect((await getAccount(admin, account.id)).mustChangePassword).toBe(false);
    const own = await db().auditLog.findFirstOrThrow({ where: { entity: "user", entityId: account.id, action: "user.change_password" } });
    expect(own).toMatchObject({ actorId: account.id, before: { mustChangePassword: true }, after: { mustChangePassword: false } });

    const reset = await resetAccountPassword(admin, account.id);
    expect(reset.generated).toBe(true);
    expect(reset.account.mustChangePassword).toBe(true);
    const row = await stored(account.id);
    expect(row.mustChangePassword).toBe(true);
    expect(await verifyPassword(reset.password, row.passwordHash)).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "user", entityId: account.id, action: "user.reset_password" } });
    expect(audit).toMatchObject({ actorId: admin.id, before: { mustChangePassword: false }, after: { mustChangePassword: true, generated: true } });
    // The own change again, with the administrator's password as the current one.
    await changeOwnPassword(holder, { current: reset.password, next: "Mật khẩu thứ hai của tôi", confirm: "Mật khẩu thứ hai của tôi" });
    expect((await stored(account.id)).mustChangePassword).toBe(false);
  });

  it("the command line (npm run admin -- user create / reset-password) sets it too", async () => {
    const cli: TAccountsCtx = { db: db(), actor: null, actorLabel: "cli", source: "cli" };
    const created = await createAccountWith(cli, { email: CLI_EMAIL, name: "Cán bộ dòng lệnh", role: "PROVINCIAL_OFFICER", unitCode: "08", password: "Mật khẩu dòng lệnh 2025" });
    made.push(created.account.id);
    expect((await stored(created.account.id)).mustChangePassword).toBe(true);
    await db().user.update({ where: { id: created.account.id }, data: { mustChangePassword: false } });
    await resetAccountPasswordWith(cli, created.account.id, "Mật khẩu đặt lại 2025");
    expect((await stored(created.account.id)).mustChangePassword).toBe(true);
  });

  it("while it is set, the write API refuses the account's tokens, saying why; once changed, they work", async () => {
    const account = await requireAccount(EMAIL);
    const holder = actorOf(account);
    const before = await createToken(holder, "Script trước khi đặt lại");
    await resetAccountPassword(admin, account.id);
    // The reset revoked the tokens made before it; one made while the flag is set (e.g. by an operator) is refused, saying why.
    expect(await actorFromBearer(`Bearer ${before.token}`)).toBeNull();
    const token = await createToken(holder, "Script kiểm thử");
    const refused = await refusal(actorFromBearer(`Bearer ${token.token}`));
    expect(refused.kind).toBe("forbidden");
    expect(refused.problems.map((p) => p.code)).toEqual(["must_change_password"]);
    expect(problemBilingual(refused.problems[0]!)).toMatch(/^Hãy đặt mật khẩu mới trước khi tiếp tục.* \/ Choose a new password before continuing/);
    await db().user.update({ where: { id: account.id }, data: { mustChangePassword: false } });
    expect((await actorFromBearer(`Bearer ${token.token}`))?.id).toBe(account.id);
  });
});

describe("administrators revoke another account's token", () => {
  it("lists every account's active tokens for an administrator only", async () => {
    const account = await requireAccount("doi-mat-khau@accounts.test");
    const byAccount = await listActiveTokensByAccount(admin);
    expect(byAccount.get(account.id)?.map((t) => t.name)).toContain("Script kiểm thử");
    const officer = demoActor("user-soctrang");
    expect((await refusal(listActiveTokensByAccount(officer))).kind).toBe("forbidden");
  });

  it("another officer cannot even see it; the administrator revokes it, audited with the administrator as the actor", async () => {
    const account = await requireAccount("doi-mat-khau@accounts.test");
    const token = (await db().apiToken.findFirstOrThrow({ where: { userId: account.id, revokedAt: null, name: "Script kiểm thử" } }))!;
    const officer = demoActor("user-soctrang");
    expect((await refusal(getRevocableToken(officer, token.id))).kind).toBe("not_found");
    expect((await refusal(revokeToken(officer, token.id))).kind).toBe("not_found");
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).toBeNull();

    const seen = await getRevocableToken(admin, token.id);
    expect(seen.owner.email).toBe("doi-mat-khau@accounts.test");
    const r = await revokeToken(admin, token.id, { ip: "10.9.8.7" });
    expect(r.alreadyRevoked).toBe(false);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: token.id } })).revokedAt).not.toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "api_token", entityId: token.id, action: "token.revoke" } });
    expect(audit).toMatchObject({ actorId: admin.id, source: "web", ip: "10.9.8.7", after: { userId: account.id } });
    expect(audit.actorLabel).toContain(admin.email);
    // Gone from the list; revoking twice changes nothing.
    expect((await listActiveTokensByAccount(admin)).get(account.id) ?? []).toHaveLength(0);
    expect((await revokeToken(admin, token.id)).alreadyRevoked).toBe(true);
    expect(await db().auditLog.count({ where: { entity: "api_token", entityId: token.id, action: "token.revoke" } })).toBe(1);
  });
});

async function requireAccount(email: string) {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return { id: u.id, role: u.role, unitId: u.unitId, email: u.email, name: u.name };
}
