// Personal access tokens that expire, have a scope, and die with the password (security issue #13,
// finding 7), on both backends:
// - every token has a lifetime (1 to 365 days, 90 unless chosen) and a scope (write unless chosen),
//   both checked by their schemas, on the tokens page's action, in the data layer and at the command line;
// - an expired token is refused: 401 saying when it expired;
// - a write token asking to publish is refused whole (403, naming the scope); a publish token may;
// - the holder's password change, an administrator's reset and disabling the account revoke every
//   active token in the same transaction, audited one entry per token; enabling brings none back.
// Everything created here is removed afterwards.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { changeOwnPassword, createAccount, getAccount, resetAccountPassword, setAccountDisabled } from "@/lib/data/accounts";
import { actorFromBearer, createToken, listActiveTokensByAccount, tokenFromBearer } from "@/lib/data/tokens";
import { formatDateTime } from "@/lib/domain/numbers";
import { AppError } from "@/lib/errors";
import { demoActors, runAdminCli, refusal } from "./helpers";

// The session and Next's request helpers are stand-ins for the tokens page's action; the data layer is the real one.
const session = vi.hoisted(() => ({ actor: null as TActor | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "vi" }));

const { POST } = await import("@/app/api/v1/results/route");
const { createTokenAction } = await import("@/app/(workspace)/workspace/tokens/actions");

// The command line runs as new Node processes: slow on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const { admin, socTrang, chauThanh } = demoActors();
const DAY_MS = 86_400_000;
const JOBS = "target-58-jobs";
const VOCATIONAL = "target-58-vocational-training";
const TOUCHED = [JOBS, VOCATIONAL];
const HOLDER = "token-lifetime@tokens.test";

const madeUsers: string[] = [];

beforeEach(() => {
  session.actor = null;
});

async function touchedResults() {
  return db().result.findMany({ where: { targetId: { in: TOUCHED } } });
}

async function clearResults() {
  const ids = (await touchedResults()).map((r) => r.id);
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
}

afterAll(async () => {
  await clearResults();
  const demo = [socTrang.id, chauThanh.id];
  const tokens = await db().apiToken.findMany({
    where: { OR: [{ userId: { in: madeUsers } }, { userId: { in: demo }, name: { startsWith: "lifetime" } }, { userId: { in: demo }, name: { startsWith: "cli " } }] },
    select: { id: true },
  });
  const tokenIds = tokens.map((t) => t.id);
  await db().auditLog.deleteMany({ where: { OR: [{ entity: "api_token", entityId: { in: tokenIds } }, { entity: "user", entityId: { in: madeUsers } }] } });
  await db().apiToken.deleteMany({ where: { id: { in: tokenIds } } });
  await db().user.deleteMany({ where: { id: { in: madeUsers } } });
});


const URL_ = "http://localhost/api/v1/results";
const postJson = (token: string, rows: unknown) =>
  POST(new Request(URL_, { method: "POST", body: JSON.stringify(rows), headers: { "content-type": "application/json", authorization: `Bearer ${token}` } }));
const postCsv = (token: string, csv: string) => POST(new Request(URL_, { method: "POST", body: csv, headers: { "content-type": "text/csv; charset=utf-8", authorization: `Bearer ${token}` } }));

type TErrorBody = { error: { code: string; message: string; details?: { row: number; line?: number | null; field?: string; code?: string; message: string }[] } };

async function writeCounts() {
  return { results: await db().result.count(), audit: await db().auditLog.count() };
}

describe("a token's lifetime", () => {
  it("is 90 days unless chosen; any whole number of days from 1 to 365 may be chosen", async () => {
    const plain = await createToken(socTrang, "lifetime default");
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: plain.id } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(90 * DAY_MS);
    expect(plain.expiresAt).toEqual(row.expiresAt);
    for (const days of [1, 7, "30", 365]) {
      const t = await createToken(socTrang, `lifetime ${days}`, { days });
      const r = await db().apiToken.findUniqueOrThrow({ where: { id: t.id } });
      expect(r.expiresAt.getTime() - r.createdAt.getTime()).toBe(Number(days) * DAY_MS);
    }
    // The audit row keeps the expiry and the scope (never the token).
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "api_token", entityId: plain.id, action: "token.create" } });
    expect(audit.after).toMatchObject({ expiresAt: row.expiresAt.toISOString(), scope: "WRITE" });
  });

  it("refuses no expiry, more than 365 days and anything but a whole number of days, naming the field, and creates nothing", async () => {
    const before = await db().apiToken.count();
    for (const days of [0, -1, 366, 1000, 1.5, "", "never", "none", "90 days", "1e2", "∞"]) {
      const e = await refusal(createToken(socTrang, "lifetime refused", { days }));
      expect(e.kind).toBe("invalid");
      expect(e.problems).toEqual([expect.objectContaining({ field: "days", code: "invalid_field" })]);
      expect(String(e.problems[0]!.params?.message)).toMatch(/từ 1 đến 365/);
      expect(String(e.problems[0]!.params?.messageEn)).toMatch(/from 1 to 365.*every token expires/);
    }
    expect(await db().apiToken.count()).toBe(before);
  });

  it("an expired token is refused: 401 saying when it expired, and nothing is written", async () => {
    const t = await createToken(socTrang, "lifetime expired", { scope: "publish" });
    expect((await actorFromBearer(`Bearer ${t.token}`))?.id).toBe(socTrang.id);
    const expiredAt = new Date(Date.now() - 60_000);
    await db().apiToken.update({ where: { id: t.id }, data: { expiresAt: expiredAt, lastUsedAt: null } });

    const e = await refusal(actorFromBearer(`Bearer ${t.token}`));
    expect(e.kind).toBe("unauthorized");
    expect(e.problems).toEqual([{ code: "token_expired", params: { expiredAt: expiredAt.toISOString() } }]);

    const before = await writeCounts();
    const res = await postJson(t.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 2400 }]);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const body = (await res.json()) as TErrorBody;
    expect(body.error.code).toBe("unauthorized");
    expect(body.error.message).toContain(`Token đã hết hạn lúc ${formatDateTime(expiredAt)}`);
    expect(body.error.message).toContain(`The token expired on ${formatDateTime(expiredAt)}`);
    expect(body.error.message).toContain(expiredAt.toISOString());
    expect(await writeCounts()).toEqual(before);
    // A refused token is not "used".
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).lastUsedAt).toBeNull();

    // No longer among the account's active tokens (administrators' list, the "lock?" question's count).
    expect(((await listActiveTokensByAccount(admin)).get(socTrang.id) ?? []).map((x) => x.id)).not.toContain(t.id);
  });

  it("an expired token no longer counts against the most an account may hold", async () => {
    const account = await getAccount(admin, socTrang.id);
    const t = await createToken(socTrang, "lifetime counted");
    expect((await getAccount(admin, socTrang.id)).activeTokens).toBe(account.activeTokens + 1);
    await db().apiToken.update({ where: { id: t.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await getAccount(admin, socTrang.id)).activeTokens).toBe(account.activeTokens);
  });
});

describe("a token's scope", () => {
  it("is write unless chosen; write or publish in any case; anything else is refused naming the field", async () => {
    const plain = await createToken(socTrang, "lifetime scope default");
    expect(plain.scope).toBe("WRITE");
    expect((await tokenFromBearer(`Bearer ${plain.token}`))?.scope).toBe("WRITE");
    const publish = await createToken(socTrang, "lifetime scope publish", { scope: "Publish" });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: publish.id } })).scope).toBe("PUBLISH");
    for (const scope of ["admin", "read", "", "write,publish", 1]) {
      const e = await refusal(createToken(socTrang, "lifetime scope refused", { scope }));
      expect(e.problems).toEqual([expect.objectContaining({ field: "scope", code: "invalid_field" })]);
      expect(String(e.problems[0]!.params?.messageEn)).toMatch(/write \(saves drafts only\) or publish/);
    }
  });

  it("a write token asking to publish is refused whole (403, naming the scope, each such row), and nothing is written", async () => {
    const { token } = await createToken(socTrang, "lifetime write");
    const before = await writeCounts();
    const res = await postJson(token, [
      { targetId: VOCATIONAL, unitCode: "942", year: 2023, value: 10 },
      { targetId: JOBS, unitCode: "942", year: 2023, value: 2400, publish: true },
    ]);
    expect(res.status).toBe(403);
    const body = (await res.json()) as TErrorBody;
    expect(body.error.code).toBe("forbidden");
    expect(body.error.message).toMatch(/^1 dòng yêu cầu công bố \(publish\) nhưng token có phạm vi write.* \/ 1 row\(s\) ask to publish, but the token has the write scope/);
    expect(body.error.details).toEqual([{ row: 1, field: "publish", code: "token_scope_publish", message: expect.stringMatching(/phạm vi write.* \/ This token has the write scope/) }]);
    expect(await writeCounts()).toEqual(before);
    expect(await touchedResults()).toEqual([]);

    // CSV: "có" asks to publish too; the detail gives the file's line.
    const csv = await postCsv(token, `targetId,unitCode,year,value,publish\n${VOCATIONAL},942,2023,10,\n${JOBS},942,2023,2.400,có\n`);
    expect(csv.status).toBe(403);
    expect(((await csv.json()) as TErrorBody).error.details).toEqual([expect.objectContaining({ row: 1, line: 3, code: "token_scope_publish" })]);
    expect(await writeCounts()).toEqual(before);

    // Drafts are what it is for.
    const drafts = await postJson(token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 2400, publish: false }]);
    expect(drafts.status, await drafts.clone().text()).toBe(200);
    expect(((await drafts.json()) as { data: { status: string }[] }).data[0]!.status).toBe("DRAFT");
    await clearResults();
  });

  it("a publish token publishes where its owner may, and never beyond", async () => {
    const province = await createToken(socTrang, "lifetime publish", { scope: "publish" });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: province.id } })).scope).toBe("PUBLISH");
    const ok = await postJson(province.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 2400, publish: true }]);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { data: { status: string }[] }).data[0]!.status).toBe("PUBLISHED");
    await clearResults();

    // District staff may not publish: a publish scope does not change that (the row's own refusal).
    const district = await createToken(chauThanh, "lifetime publish district", { scope: "publish" });
    const res = await postJson(district.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 2400, publish: true }]);
    expect(res.status).toBe(403);
    expect(((await res.json()) as TErrorBody).error.details).toEqual([expect.objectContaining({ row: 0, code: "forbidden_publish", field: "publish" })]);
    expect(await touchedResults()).toEqual([]);
  });
});

describe("the tokens page's form", () => {
  const form = (fields: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.set(k, v);
    return fd;
  };

  it("creates a token with the chosen lifetime and scope, saying both", async () => {
    session.actor = socTrang;
    const r = await createTokenAction({ ok: false }, form({ name: "lifetime form", days: "30", scope: "PUBLISH" }));
    expect(r).toMatchObject({ ok: true, secret: expect.stringMatching(/^gnp_/) });
    const row = await db().apiToken.findFirstOrThrow({ where: { userId: socTrang.id, name: "lifetime form" } });
    expect(row.scope).toBe("PUBLISH");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * DAY_MS);
    expect(r.message).toBe(`Đã tạo token. Đây là lần duy nhất token được hiển thị. Phạm vi: Lưu và công bố (publish). Hết hạn lúc ${formatDateTime(row.expiresAt)}.`);
  });

  it("refuses a lifetime or a scope it does not offer, beside the field, keeping what was typed", async () => {
    session.actor = socTrang;
    const before = await db().apiToken.count();
    const r = await createTokenAction({ ok: false }, form({ name: "lifetime form refused", days: "0", scope: "ADMIN" }));
    expect(r.ok).toBe(false);
    expect(r.fieldErrors?.days?.[0]).toMatch(/^Thời hạn của token là một số ngày nguyên từ 1 đến 365/);
    expect(r.fieldErrors?.scope?.[0]).toMatch(/^Phạm vi của token là write/);
    expect(r.values).toMatchObject({ name: "lifetime form refused", days: "0" });
    const long = await createTokenAction({ ok: false }, form({ name: "lifetime form refused", days: "3650", scope: "WRITE" }));
    expect(long.fieldErrors?.days?.[0]).toMatch(/từ 1 đến 365/);
    expect(await db().apiToken.count()).toBe(before);
  });
});

describe("tokens die with the password and with the account", () => {
  let holder: TActor;
  const PASSWORDS = ["Mật khẩu ban đầu 2025", "Mật khẩu của riêng tôi", "Mật khẩu thứ hai của tôi"] as const;

  beforeAll(async () => {
    const created = await createAccount(admin, { email: HOLDER, name: "Người giữ token", role: "PROVINCIAL_OFFICER", unitCode: "08", password: PASSWORDS[0] });
    madeUsers.push(created.account.id);
    holder = { id: created.account.id, role: "PROVINCIAL_OFFICER", unitId: created.account.unitId, email: HOLDER, name: created.account.name };
    // Its tokens work (a password an administrator set must be changed first otherwise).
    await db().user.update({ where: { id: holder.id }, data: { mustChangePassword: false } });
  });

  /** Revocations audited for these tokens: [token id, actor id, cause]. */
  async function revocations(ids: string[]) {
    const rows = await db().auditLog.findMany({ where: { entity: "api_token", entityId: { in: ids }, action: "token.revoke" }, orderBy: { id: "asc" } });
    return rows.map((a) => [a.entityId, a.actorId, (a.after as { cause?: string } | null)?.cause ?? null]);
  }

  it("the holder's own password change revokes every active token, in the same transaction, one audit entry each", async () => {
    const a = await createToken(holder, "Script A");
    const b = await createToken(holder, "Script B", { scope: "publish" });
    const gone = await createToken(holder, "Đã thu hồi");
    await db().apiToken.update({ where: { id: gone.id }, data: { revokedAt: new Date(Date.now() - 1000) } });
    const old = await createToken(holder, "Đã hết hạn");
    await db().apiToken.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });

    // A refused change (wrong current password) revokes nothing.
    await refusal(changeOwnPassword(holder, { current: "sai mật khẩu", next: PASSWORDS[1], confirm: PASSWORDS[1] }));
    expect((await actorFromBearer(`Bearer ${a.token}`))?.id).toBe(holder.id);

    await changeOwnPassword(holder, { current: PASSWORDS[0], next: PASSWORDS[1], confirm: PASSWORDS[1] });
    expect(await actorFromBearer(`Bearer ${a.token}`)).toBeNull();
    expect(await actorFromBearer(`Bearer ${b.token}`)).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { id: holder.id } });
    for (const t of [a, b]) expect((await db().apiToken.findUniqueOrThrow({ where: { id: t.id } })).revokedAt).toEqual(user.passwordChangedAt);
    expect(await revocations([a.id, b.id, gone.id, old.id])).toEqual([
      [a.id, holder.id, "user.change_password"],
      [b.id, holder.id, "user.change_password"],
    ]);
    // Through the write API too: refused (401).
    const res = await postJson(b.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 1 }]);
    expect(res.status).toBe(401);
  });

  it("an administrator's reset revokes them, audited under the administrator", async () => {
    const c = await createToken(holder, "Script C");
    await resetAccountPassword(admin, holder.id);
    expect(await actorFromBearer(`Bearer ${c.token}`)).toBeNull();
    expect(await revocations([c.id])).toEqual([[c.id, admin.id, "user.reset_password"]]);
  });

  it("disabling the account revokes them, and enabling it again brings none back", async () => {
    await db().user.update({ where: { id: holder.id }, data: { mustChangePassword: false } });
    const d = await createToken(holder, "Script D");
    expect((await actorFromBearer(`Bearer ${d.token}`))?.id).toBe(holder.id);
    await setAccountDisabled(admin, holder.id, true);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: d.id } })).revokedAt).not.toBeNull();
    await setAccountDisabled(admin, holder.id, false);
    expect(await actorFromBearer(`Bearer ${d.token}`)).toBeNull();
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: d.id } })).revokedAt).not.toBeNull();
    expect(await revocations([d.id])).toEqual([[d.id, admin.id, "user.disable"]]);
    expect((await getAccount(admin, holder.id)).activeTokens).toBe(0);
    // A new token works.
    const e = await createToken(holder, "Script E");
    expect((await actorFromBearer(`Bearer ${e.token}`))?.id).toBe(holder.id);
  });
});

describe("npm run admin -- token create --days --scope", () => {
  const TOKEN_LINE = /^gnp_[A-Za-z0-9_-]{43}\n$/;
  const rowOf = (token: string) => db().apiToken.findFirstOrThrow({ where: { prefix: token.slice(0, 8), userId: socTrang.id }, orderBy: { createdAt: "desc" } });

  it("prints only the token; 90 days and write unless --days and --scope say otherwise; token list shows both", async () => {
    const chosen = await runAdminCli(["token", "create", "soctrang@demo.gov.vn", "--name", "cli lifetime", "--days", "7", "--scope", "publish"]);
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).toMatch(TOKEN_LINE);
    const row = await rowOf(chosen.stdout.trim());
    expect(row).toMatchObject({ name: "cli lifetime", scope: "PUBLISH" });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * DAY_MS);
    expect(chosen.stderr).toMatch(/scope publish/);

    const plain = await runAdminCli(["token", "create", "soctrang@demo.gov.vn"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(TOKEN_LINE);
    const plainRow = await rowOf(plain.stdout.trim());
    expect(plainRow.scope).toBe("WRITE");
    expect(plainRow.expiresAt.getTime() - plainRow.createdAt.getTime()).toBe(90 * DAY_MS);

    const list = await runAdminCli(["token", "list", "soctrang@demo.gov.vn"]);
    expect(list.code, list.stderr).toBe(0);
    const line = list.stdout.split("\n").find((l) => l.startsWith(`${row.id}\t`));
    expect(line).toContain("\tactive\tpublish\texpires ");
  });

  it("refuses a lifetime past 365 days and an unknown scope (exit 1, nothing on stdout, nothing created)", async () => {
    const before = await db().apiToken.count({ where: { userId: socTrang.id } });
    const long = await runAdminCli(["token", "create", "soctrang@demo.gov.vn", "--days", "400"]);
    expect(long.code).toBe(1);
    expect(long.stdout).toBe("");
    expect(long.stderr).toMatch(/from 1 to 365/);
    const scope = await runAdminCli(["token", "create", "soctrang@demo.gov.vn", "--scope", "admin"]);
    expect(scope.code).toBe(1);
    expect(scope.stdout).toBe("");
    expect(scope.stderr).toMatch(/write \(saves drafts only\) or publish/);
    expect(await db().apiToken.count({ where: { userId: socTrang.id } })).toBe(before);
  });
});
