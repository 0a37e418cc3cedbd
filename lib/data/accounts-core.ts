// Accounts, the part the web app and the operators' command line share. It takes
// the Prisma client as a parameter and imports nothing "server-only", so
// scripts/admin.ts can use it on its own connection. It does NOT decide who may
// do this: the web app's wrapper (lib/data/accounts.ts) checks `user.manage` /
// ownership first; the command line is for operators who hold the database.
//
// Every change is written with its audit row in one short transaction (`tx` only
// inside it). Snapshots in the audit log never contain the password hash.
//
// A password someone else chose (an administrator creating an account or resetting its
// password, here or with `npm run admin`) must be replaced at the next sign-in: those two set
// mustChangePassword, the holder's own change clears it (lib/auth/first-password.ts). The
// seeded demo accounts are written by prisma/seed.ts, not here, and do not have it.
//
// A password change (the holder's own or an administrator's reset) and disabling an account
// revoke every active personal access token of the account, in the same transaction, each
// audited as a "token.revoke" (with `cause` in its after-snapshot). Enabling an account again
// brings none back (docs/api.md, "Personal access tokens").
//
// The last enabled administrator cannot be disabled or demoted. Changes that could take an
// administrator away hold one transaction-level advisory lock (ADMIN_CHANGE_LOCK) before they
// read anything, so two of them at once (two administrators disabling each other) run one after
// the other and the second sees the first's result.
//
// Refusals are the one error model (lib/errors.ts): an AppError with a kind and problem
// codes (texts in lib/i18n/problems/accounts.ts), never a sentence; the web pages show
// them in the reader's language, the command line in both.
import type { z } from "zod";
import { AppError } from "../errors";
import { randomBytes, randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "../auth/password";
import type { TActor, TRole } from "../auth/permissions";
import type { Db } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { writeAudit, type TAuditInput, type TAuditSource } from "./audit-write";
import { isoDateInTimeZone } from "../domain/numbers";
import { zodProblems } from "../validation/fields";
import { LEVEL_OF_ROLE, ZEmail, ZOwnPasswordChange, ZPasswordReset, ZUserCreate, ZUserUpdate, type TUserCreateInput, type TUserUpdateInput } from "../validation/accounts";

// ---------------------------------------------------------------------------
// Context: the client, who acts, and how audit rows are written
// ---------------------------------------------------------------------------

/** An audit row as writeAudit takes it, with the actor's label always given. */
export type TAuditRow = TAuditInput & { actorLabel: string };

/** Writes one audit row inside the caller's transaction; lib/data/audit.ts `writeAudit` fits. */
export type TAuditWriter = (tx: Prisma.TransactionClient, entry: TAuditRow) => Promise<void>;

export type TAccountsCtx = {
  db: Db;
  /** Who acts: the signed-in actor (web) or null with actorLabel "cli" (command line). */
  actor: TActor | null;
  actorLabel: string;
  /** How the change came in: the account pages ("web") or the operators' command line ("cli"). */
  source: TAuditSource;
  ip?: string | null;
  /** Defaults to writeAuditRow (plain JSON snapshots). */
  audit?: TAuditWriter;
};

/** The one audit writer (lib/data/audit-write.ts); it needs no server-only module, so the command line uses it too. */
const writeAuditRow: TAuditWriter = writeAudit;

export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export async function audited<T>(ctx: TAccountsCtx, fn: (tx: Prisma.TransactionClient, audit: (row: Omit<TAuditRow, "actor" | "actorLabel" | "ip">) => Promise<void>) => Promise<T>): Promise<T> {
  const write = ctx.audit ?? writeAuditRow;
  return ctx.db.$transaction(
    (tx) => fn(tx, (row) => write(tx, { ...row, actor: ctx.actor, actorLabel: ctx.actorLabel, source: ctx.source, ip: ctx.ip ?? null })),
    TX_OPTIONS,
  );
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/** Input the schema refuses: one problem per field, with the schema's message. */
function invalid(error: z.ZodError): AppError {
  return new AppError("invalid", zodProblems(error));
}

export const accountNotFound = () => new AppError("not_found", { code: "account_not_found" });

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** What is read of an account; its count of active tokens (not revoked, not expired) is as of now. */
const accountSelect = () =>
  ({
    id: true,
    email: true,
    name: true,
    role: true,
    unitId: true,
    disabled: true,
    createdAt: true,
    passwordChangedAt: true,
    mustChangePassword: true,
    unit: { select: { key: true, code: true, name: true, nameEn: true, level: true } },
    _count: { select: { tokens: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
  }) satisfies Prisma.UserSelect;

type TAccountRow = Prisma.UserGetPayload<{ select: ReturnType<typeof accountSelect> }>;

export type TAccount = {
  id: string;
  email: string;
  name: string;
  role: TRole;
  unitId: string | null;
  unit: { key: string; code: string; name: string; nameEn: string | null; level: "NATION" | "PROVINCE" | "DISTRICT" | "COMMUNE" } | null;
  disabled: boolean;
  createdAt: Date;
  passwordChangedAt: Date;
  /** The password was set by an administrator: the holder must choose a new one at the next sign-in. */
  mustChangePassword: boolean;
  /** Tokens neither revoked nor expired. */
  activeTokens: number;
};

function shapeAccount(u: TAccountRow): TAccount {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    unitId: u.unitId,
    unit: u.unit,
    disabled: u.disabled,
    createdAt: u.createdAt,
    passwordChangedAt: u.passwordChangedAt,
    mustChangePassword: u.mustChangePassword,
    activeTokens: u._count.tokens,
  };
}

/** What the audit log keeps of an account. */
function snapshot(u: { id: string; email: string; name: string; role: TRole; unitId: string | null; disabled: boolean; mustChangePassword: boolean }) {
  return { id: u.id, email: u.email, name: u.name, role: u.role, unitId: u.unitId, disabled: u.disabled, mustChangePassword: u.mustChangePassword };
}

export async function listAccountsWith(db: Db): Promise<TAccount[]> {
  const rows = await db.user.findMany({ select: accountSelect(), orderBy: [{ role: "asc" }, { email: "asc" }] });
  return rows.map(shapeAccount);
}

export async function getAccountWith(db: Db, id: string): Promise<TAccount | null> {
  const u = await db.user.findUnique({ where: { id }, select: accountSelect() });
  return u ? shapeAccount(u) : null;
}

/** The account with this email (any case), or an AppError "not_found" naming it. */
export async function requireAccountByEmail(db: Db, emailIn: string): Promise<TAccount> {
  const parsed = ZEmail.safeParse(emailIn);
  if (!parsed.success) throw new AppError("invalid", { code: "invalid_email", field: "email", params: { email: String(emailIn).slice(0, 200) } });
  const u = await db.user.findUnique({ where: { email: parsed.data }, select: accountSelect() });
  if (!u) throw new AppError("not_found", { code: "no_account_with_email", field: "email", params: { email: parsed.data } });
  return shapeAccount(u);
}

async function requireAccount(db: Db | Prisma.TransactionClient, id: string) {
  const u = await db.user.findUnique({ where: { id }, select: accountSelect() });
  if (!u) throw accountNotFound();
  return u;
}

// ---------------------------------------------------------------------------
// Rules shared by create and update
// ---------------------------------------------------------------------------

/**
 * The unit id for a role: none for administrators; otherwise a unit that exists, of a level the
 * role may hold (LEVEL_OF_ROLE: a province for a provincial officer, a district or a commune for
 * district or commune staff). A NEW account needs a unit that still exists: one that has ended
 * (validTo before today, in Vietnam) is refused, naming the unit it went into. An existing account
 * may keep, or be given, a unit that has ended (its history: the plans and results of that unit).
 */
async function unitForRole(db: Db, role: TRole, unitCode: string | null, opts: { forNewAccount: boolean }): Promise<string | null> {
  const field = "unitCode";
  if (role === "ADMIN") {
    if (unitCode) throw new AppError("invalid", { code: "unit_for_admin", field });
    return null;
  }
  if (!unitCode) throw new AppError("invalid", { code: "unit_required", field, params: { role } });
  const unit = await db.adminUnit.findUnique({
    where: { key: unitCode },
    select: {
      id: true,
      key: true,
      name: true,
      level: true,
      validTo: true,
      successor: { select: { key: true, name: true } },
      successions: { select: { successor: { select: { key: true, name: true } } }, orderBy: { successor: { searchName: "asc" } } },
    },
  });
  if (!unit) throw new AppError("not_found", { code: "unit_not_found", field, params: { code: unitCode } });
  if (!LEVEL_OF_ROLE[role].includes(unit.level)) throw new AppError("invalid", { code: "unit_level", field, params: { unit: unit.name, role } });
  if (opts.forNewAccount && unit.validTo) {
    const lastDay = unit.validTo.toISOString().slice(0, 10);
    if (lastDay < isoDateInTimeZone()) {
      const parts = unit.successor ? [] : unit.successions.map((s) => `${s.successor.name} (${s.successor.key})`);
      throw new AppError("invalid", {
        code: "unit_ended",
        field,
        params: {
          unit: unit.name,
          key: unit.key,
          to: lastDay,
          successor: unit.successor?.name ?? null,
          successorKey: unit.successor?.key ?? null,
          successors: parts.length ? parts.join(", ") : null,
        },
      });
    }
  }
  return unit.id;
}

/** The key of the advisory lock held by every change that could take an administrator away. */
const ADMIN_CHANGE_LOCK = 616461001;

/**
 * Serializes the changes that could leave no enabled administrator (disabling an account,
 * changing its role): taken first in their transaction, released at its end. Without it two
 * administrators disabling each other at once would each still count the other.
 */
async function lockAdminChanges(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`;
}

/**
 * Refuses to take away the last enabled administrator (nobody could manage accounts any more).
 * Called under lockAdminChanges, with `user` read after it.
 */
async function assertNotLastAdmin(tx: Prisma.TransactionClient, user: { id: string; role: TRole; disabled: boolean }) {
  if (user.role !== "ADMIN" || user.disabled) return;
  const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: user.id } } });
  if (others === 0) throw new AppError("conflict", { code: "last_admin" });
}

// ---------------------------------------------------------------------------
// An account's tokens (lib/data/tokens-core.ts holds the rest)
// ---------------------------------------------------------------------------

/** What the audit log keeps of a token (never the token or its hash): read with tokenAuditSelect. */
export const tokenAuditSelect = { id: true, userId: true, name: true, prefix: true, scope: true, expiresAt: true, revokedAt: true } satisfies Prisma.ApiTokenSelect;

export function tokenSnapshot(t: Prisma.ApiTokenGetPayload<{ select: typeof tokenAuditSelect }>) {
  return {
    id: t.id,
    userId: t.userId,
    name: t.name,
    prefix: t.prefix,
    scope: t.scope,
    expiresAt: t.expiresAt.toISOString(),
    revokedAt: t.revokedAt ? t.revokedAt.toISOString() : null,
  };
}

/** Why tokens were revoked with their account's change (the `cause` of their audit rows). */
type TRevokeCause = "user.disable" | "user.reset_password" | "user.change_password";

/**
 * Revokes every active token (not revoked, not expired) of the account, inside the caller's
 * transaction and after it wrote the account's row (so a token being created at the same moment,
 * which holds that row FOR SHARE, is either refused or already visible here). Each is audited
 * as a "token.revoke" with its cause. Returns how many.
 */
async function revokeTokensOf(
  tx: Prisma.TransactionClient,
  audit: (row: Omit<TAuditRow, "actor" | "actorLabel" | "ip">) => Promise<void>,
  userId: string,
  at: Date,
  cause: TRevokeCause,
): Promise<number> {
  const tokens = await tx.apiToken.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: at } },
    select: tokenAuditSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (tokens.length === 0) return 0;
  await tx.apiToken.updateMany({ where: { id: { in: tokens.map((t) => t.id) }, revokedAt: null }, data: { revokedAt: at } });
  for (const t of tokens) {
    await audit({ action: "token.revoke", entity: "api_token", entityId: t.id, before: tokenSnapshot(t), after: { ...tokenSnapshot({ ...t, revokedAt: at }), cause } });
  }
  return tokens.length;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown }; cause?: { code?: unknown } } | null;
  return err?.code === "P2002" || err?.meta?.code === "23505" || err?.cause?.code === "23505";
}

/** A random password for a new or reset account: 20 characters, shown once. */
export function generatePassword(): string {
  return randomBytes(15).toString("base64url");
}

// ---------------------------------------------------------------------------
// Changes
// ---------------------------------------------------------------------------

export type TPasswordOutcome = { account: TAccount; password: string; generated: boolean };

export async function createAccountWith(ctx: TAccountsCtx, input: TUserCreateInput): Promise<TPasswordOutcome> {
  const parsed = ZUserCreate.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const d = parsed.data;
  const unitId = await unitForRole(ctx.db, d.role, d.unitCode, { forNewAccount: true });
  const duplicate = () => new AppError("conflict", { code: "duplicate_email", field: "email", params: { email: d.email } });
  if (await ctx.db.user.findUnique({ where: { email: d.email }, select: { id: true } })) throw duplicate();
  const generated = d.password === undefined;
  const password = d.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const id = `user-${randomUUID()}`;
  try {
    await audited(ctx, async (tx, audit) => {
      // The password was chosen by someone else (or generated and shown to them): the holder replaces it first.
      const u = await tx.user.create({ data: { id, email: d.email, name: d.name, role: d.role, unitId, passwordHash, mustChangePassword: true }, select: accountSelect() });
      await audit({ action: "user.create", entity: "user", entityId: id, before: null, after: snapshot(u) });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate();
    throw e;
  }
  return { account: shapeAccount(await requireAccount(ctx.db, id)), password, generated };
}

/** Changes an account's role and jurisdiction (and name, when given). */
export async function updateAccountWith(ctx: TAccountsCtx, id: string, input: TUserUpdateInput): Promise<TAccount> {
  const parsed = ZUserUpdate.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const d = parsed.data;
  const unitId = await unitForRole(ctx.db, d.role, d.unitCode, { forNewAccount: false });
  if (ctx.actor?.id === id && d.role !== ctx.actor.role) throw new AppError("invalid", { code: "own_role", field: "role" });
  await audited(ctx, async (tx, audit) => {
    if (d.role !== "ADMIN") await lockAdminChanges(tx);
    const before = await requireAccount(tx, id);
    if (d.role !== "ADMIN") await assertNotLastAdmin(tx, before);
    const after = await tx.user.update({ where: { id }, data: { role: d.role, unitId, ...(d.name ? { name: d.name } : {}) }, select: accountSelect() });
    await audit({ action: "user.update", entity: "user", entityId: id, before: snapshot(before), after: snapshot(after) });
  });
  return shapeAccount(await requireAccount(ctx.db, id));
}

/**
 * Disables an account (its sessions stop working at once and its active tokens are revoked, for
 * good) or enables it again (no token comes back: the holder makes new ones).
 */
export async function setAccountDisabledWith(ctx: TAccountsCtx, id: string, disabled: boolean): Promise<TAccount> {
  if (disabled && ctx.actor?.id === id) throw new AppError("invalid", { code: "own_disable" });
  await audited(ctx, async (tx, audit) => {
    if (disabled) await lockAdminChanges(tx);
    const before = await requireAccount(tx, id);
    if (before.disabled === disabled) return;
    if (disabled) await assertNotLastAdmin(tx, before);
    const after = await tx.user.update({ where: { id }, data: { disabled }, select: accountSelect() });
    await audit({ action: disabled ? "user.disable" : "user.enable", entity: "user", entityId: id, before: snapshot(before), after: snapshot(after) });
    if (disabled) await revokeTokensOf(tx, audit, id, new Date(), "user.disable");
  });
  return shapeAccount(await requireAccount(ctx.db, id));
}

/**
 * Sets a new password (the given one, or a generated one), ends the account's sessions and
 * revokes its active tokens; the holder must choose their own at the next sign-in (mustChangePassword).
 */
export async function resetAccountPasswordWith(ctx: TAccountsCtx, id: string, passwordIn?: string): Promise<TPasswordOutcome> {
  const parsed = ZPasswordReset.safeParse({ password: passwordIn });
  if (!parsed.success) throw invalid(parsed.error);
  const generated = parsed.data.password === undefined;
  const password = parsed.data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const now = new Date();
  await audited(ctx, async (tx, audit) => {
    const before = await requireAccount(tx, id);
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: now, mustChangePassword: true } });
    await audit({
      action: "user.reset_password",
      entity: "user",
      entityId: id,
      before: { passwordChangedAt: before.passwordChangedAt.toISOString(), mustChangePassword: before.mustChangePassword },
      after: { passwordChangedAt: now.toISOString(), generated, mustChangePassword: true },
    });
    await revokeTokensOf(tx, audit, id, now, "user.reset_password");
  });
  return { account: shapeAccount(await requireAccount(ctx.db, id)), password, generated };
}

/**
 * The account holder changes their own password: the current one must be right.
 * Every session of the account ends, this one included (lib/auth/session.ts compares
 * passwordChangedAt with the session's start), and every active token is revoked. A password
 * an administrator set (mustChangePassword) is thereby replaced: the flag is cleared.
 */
export async function changeOwnPasswordWith(ctx: TAccountsCtx, id: string, input: { current: unknown; next: unknown; confirm: unknown }): Promise<void> {
  const parsed = ZOwnPasswordChange.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error);
  const user = await ctx.db.user.findUnique({ where: { id }, select: { passwordHash: true, disabled: true, passwordChangedAt: true, mustChangePassword: true } });
  if (!user || user.disabled) throw new AppError("invalid", { code: "account_unavailable" });
  if (!(await verifyPassword(parsed.data.current, user.passwordHash))) throw new AppError("invalid", { code: "wrong_password", field: "current" });
  const passwordHash = await hashPassword(parsed.data.next);
  const changedAt = new Date();
  await audited(ctx, async (tx, audit) => {
    await tx.user.update({ where: { id }, data: { passwordHash, passwordChangedAt: changedAt, mustChangePassword: false } });
    await audit({
      action: "user.change_password",
      entity: "user",
      entityId: id,
      before: { passwordChangedAt: user.passwordChangedAt.toISOString(), mustChangePassword: user.mustChangePassword },
      after: { passwordChangedAt: changedAt.toISOString(), mustChangePassword: false },
    });
    await revokeTokensOf(tx, audit, id, changedAt, "user.change_password");
  });
}
