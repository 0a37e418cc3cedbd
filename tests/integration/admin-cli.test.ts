// The operators' command line (scripts/admin.ts, README "Operators' command line")
// as a real child process on the test database (both backends, through DATABASE_URL):
// `token create` prints exactly one token line that then authenticates; accounts are
// created, disabled (their tokens stop working), enabled and given new passwords;
// mistakes exit with 1 and a message. Everything it creates is removed afterwards.
import { afterAll, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { actorFromBearer } from "@/lib/data/tokens";
import { runAdminCli, type TCliRun } from "./helpers";

// Each test runs the command line several times, each a new Node process: slow on a busy machine.
vi.setConfig({ testTimeout: 180_000 });

const NEW_EMAIL = "cli-test-district@demo.gov.vn";

const admin = (...args: string[]): Promise<TCliRun> => runAdminCli(args);

const TOKEN_LINE = /^gnp_[A-Za-z0-9_-]{43}\n$/;

afterAll(async () => {
  const users = await db().user.findMany({ where: { email: NEW_EMAIL }, select: { id: true } });
  const userIds = users.map((u) => u.id);
  const tokens = await db().apiToken.findMany({ where: { OR: [{ userId: { in: userIds } }, { user: { email: "soctrang@demo.gov.vn" }, name: { startsWith: "cli" } }] }, select: { id: true } });
  const tokenIds = tokens.map((t) => t.id);
  await db().auditLog.deleteMany({ where: { OR: [{ entity: "user", entityId: { in: userIds } }, { entity: "api_token", entityId: { in: tokenIds } }] } });
  await db().apiToken.deleteMany({ where: { id: { in: tokenIds } } });
  await db().user.deleteMany({ where: { id: { in: userIds } } });
});

describe("npm run admin -- token …", () => {
  it("token create prints exactly one token line, which authenticates as that account; list and revoke", async () => {
    const r = await admin("token", "create", "soctrang@demo.gov.vn");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(TOKEN_LINE);
    const token = r.stdout.trim();
    expect(await actorFromBearer(`Bearer ${token}`)).toMatchObject({ id: "user-soctrang", role: "PROVINCIAL_OFFICER" });

    const row = await db().apiToken.findFirstOrThrow({ where: { prefix: token.slice(0, 8), userId: "user-soctrang" }, orderBy: { createdAt: "desc" } });
    expect(row.name).toMatch(/^cli /);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "api_token", entityId: row.id } });
    expect(audit).toMatchObject({ action: "token.create", actorLabel: "cli", actorId: null });

    const named = await admin("token", "create", "SocTrang@Demo.gov.vn", "--name", "cli báo cáo");
    expect(named.code, named.stderr).toBe(0);
    expect(named.stdout).toMatch(TOKEN_LINE);

    const list = await admin("token", "list", "soctrang@demo.gov.vn");
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(row.id);
    expect(list.stdout).toContain("cli báo cáo");
    expect(list.stdout).not.toContain(token);

    const revoke = await admin("token", "revoke", row.id);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).toBe("");
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();
    expect((await db().auditLog.findMany({ where: { entity: "api_token", entityId: row.id } })).map((a) => a.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("exits 1 with a message for an unknown email or token, 2 for wrong usage", async () => {
    const unknown = await admin("token", "create", "nobody@demo.gov.vn");
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toContain("nobody@demo.gov.vn");
    const noToken = await admin("token", "revoke", "token-does-not-exist");
    expect(noToken.code).toBe(1);
    expect(noToken.stderr).toMatch(/no such token/);
    const usage = await admin("token", "frobnicate");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Usage");
    expect(usage.stdout).toBe("");
  });
});

describe("npm run admin -- user …", () => {
  it("creates, disables (its token is revoked), enables (it stays revoked) and resets the password of an account", async () => {
    // District or commune staff: a commune of today (Phường Ba Đình).
    const created = await admin("user", "create", NEW_EMAIL, "--name", "Cán bộ thử nghiệm", "--role", "district", "--unit", "00004");
    expect(created.code, created.stderr).toBe(0);
    const password = created.stdout.trim();
    expect(created.stdout).toMatch(/^\S{20}\n$/);
    const user = await db().user.findUniqueOrThrow({ where: { email: NEW_EMAIL } });
    expect(user).toMatchObject({ name: "Cán bộ thử nghiệm", role: "DISTRICT_STAFF", unitId: "unit-00004", disabled: false });
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    expect(await db().auditLog.count({ where: { entity: "user", entityId: user.id, action: "user.create", actorLabel: "cli" } })).toBe(1);

    const duplicate = await admin("user", "create", NEW_EMAIL.toUpperCase(), "--name", "X", "--role", "district", "--unit", "00004");
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toMatch(/already exists/);

    const tokenRun = await admin("token", "create", NEW_EMAIL);
    expect(tokenRun.stdout).toMatch(TOKEN_LINE);
    const token = tokenRun.stdout.trim();
    // A password the operator set is changed at the first sign-in; until then the token is refused (403).
    expect(user.mustChangePassword).toBe(true);
    await expect(actorFromBearer(`Bearer ${token}`)).rejects.toMatchObject({ kind: "forbidden", problems: [{ code: "must_change_password" }] });
    await db().user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    expect(await actorFromBearer(`Bearer ${token}`)).toMatchObject({ id: user.id });

    const disable = await admin("user", "disable", NEW_EMAIL);
    expect(disable.code, disable.stderr).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).disabled).toBe(true);
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();
    const noTokenWhileDisabled = await admin("token", "create", NEW_EMAIL);
    expect(noTokenWhileDisabled.code).toBe(1);
    expect(noTokenWhileDisabled.stdout).toBe("");

    const enable = await admin("user", "enable", NEW_EMAIL);
    expect(enable.code, enable.stderr).toBe(0);
    // Disabling revoked the token: enabling the account does not bring it back.
    expect(await actorFromBearer(`Bearer ${token}`)).toBeNull();

    const chosen = await admin("user", "reset-password", NEW_EMAIL, "--password", "Mật khẩu mới 2025");
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(chosen.stdout).toBe("");
    const afterChosen = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword("Mật khẩu mới 2025", afterChosen.passwordHash)).toBe(true);
    expect(afterChosen.mustChangePassword).toBe(true);
    expect(afterChosen.passwordChangedAt.getTime()).toBeGreaterThan(user.passwordChangedAt.getTime());

    const generated = await admin("user", "reset-password", NEW_EMAIL);
    expect(generated.code, generated.stderr).toBe(0);
    const newPassword = generated.stdout.trim();
    expect(await verifyPassword(newPassword, (await db().user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash)).toBe(true);

    const short = await admin("user", "reset-password", NEW_EMAIL, "--password", "short");
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/at least 10/);

    const actions = (await db().auditLog.findMany({ where: { entity: "user", entityId: user.id }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.create", "user.disable", "user.enable", "user.reset_password", "user.reset_password"]);
    const snapshots = JSON.stringify((await db().auditLog.findMany({ where: { entity: "user", entityId: user.id } })).map((a) => [a.before, a.after]));
    expect(snapshots).not.toContain(user.passwordHash.slice(10));
    expect(snapshots).not.toContain(newPassword);
  });

  it("refuses a bad role, an unknown unit, a unit of the wrong level, and an unknown email (exit 1)", async () => {
    const cases: [string[], RegExp][] = [
      [["user", "create", "cli-x@demo.gov.vn", "--name", "X", "--role", "boss"], /admin, provincial or district/],
      [["user", "create", "cli-x@demo.gov.vn", "--name", "X", "--role", "provincial", "--unit", "999"], /999/],
      [["user", "create", "cli-x@demo.gov.vn", "--name", "X", "--role", "provincial", "--unit", "942"], /needs a province/],
      [["user", "create", "cli-x@demo.gov.vn", "--name", "X", "--role", "district", "--unit", "942"], /ended on 30\/06\/2025/],
      [["user", "create", "not-an-email", "--name", "X", "--role", "admin"], /invalid email/i],
      [["user", "disable", "nobody@demo.gov.vn"], /nobody@demo\.gov\.vn/],
    ];
    // Independent and refused before any write: run side by side.
    const runs = await Promise.all(cases.map(([args]) => admin(...args)));
    runs.forEach((r, i) => {
      const [args, message] = cases[i]!;
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(message);
    });
    expect(await db().user.count({ where: { email: "cli-x@demo.gov.vn" } })).toBe(0);
    const missingRole = await admin("user", "create", "cli-x@demo.gov.vn", "--name", "X");
    expect(missingRole.code).toBe(2);
  });

  it("will not disable the last active administrator", async () => {
    const r = await admin("user", "disable", "admin@demo.gov.vn");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/last active administrator/);
    expect((await db().user.findUniqueOrThrow({ where: { email: "admin@demo.gov.vn" } })).disabled).toBe(false);
  });
});
