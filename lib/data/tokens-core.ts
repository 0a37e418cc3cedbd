// Personal access tokens in the database, the part the web app and the operators'
// command line share (Prisma client as a parameter, nothing "server-only").
// Who may do this is decided by the callers: lib/data/tokens.ts (token.own, and
// user.manage to revoke someone else's) or the operator at the command line.
//
// Every token has a lifetime (1 to 365 days, 90 unless chosen) and a scope (WRITE unless
// chosen; lib/auth/tokens.ts). A token is refused once revoked, once expired, or while its
// account is disabled; a password change or reset and disabling the account revoke its
// tokens (lib/data/accounts-core.ts). docs/api.md, "Personal access tokens".
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { TActor } from "../auth/permissions";
import { generateToken, hashToken, isExpired, looksLikeToken, tokenExpiry, ZTokenDays, ZTokenScope, type TTokenScope } from "../auth/tokens";
import type { Db } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { ZTokenName } from "../validation/accounts";
import { zodProblems } from "../validation/fields";
import { accountNotFound, audited, tokenSnapshot, type TAccountsCtx } from "./accounts-core";
import { isId } from "../domain/ids";

/** Most tokens one account may hold at once (neither revoked nor expired). */
export const MAX_ACTIVE_TOKENS = 20;

/** lastUsedAt is written at most this often per token, so busy scripts do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

const tokenSelect = {
  id: true,
  userId: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} satisfies Prisma.ApiTokenSelect;

export type TTokenInfo = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

export type TCreatedToken = { id: string; token: string; prefix: string; name: string; scope: TTokenScope; expiresAt: Date };

/** What a new token is given: a name, and optionally its lifetime in days and its scope. */
export type TTokenInput = { name: unknown; days?: unknown; scope?: unknown };

const ZTokenCreate = z.object({ name: ZTokenName, days: ZTokenDays, scope: ZTokenScope });

/**
 * Creates a token for an enabled account; the clear token is returned here and never again.
 * Its lifetime (`days`, 1 to 365, default 90) and scope (`scope`, "write" or "publish", default
 * write) are checked by the schemas of lib/auth/tokens.ts: a bad one is refused naming its field.
 */
export async function createTokenWith(ctx: TAccountsCtx, userId: string, input: TTokenInput): Promise<TCreatedToken> {
  const parsed = ZTokenCreate.safeParse({ name: input.name, days: input.days, scope: input.scope });
  if (!parsed.success) throw new AppError("invalid", zodProblems(parsed.error));
  const { name, days, scope } = parsed.data;
  const { token, tokenHash, prefix } = generateToken();
  const id = `token-${randomUUID()}`;
  const created = await audited(ctx, async (tx, audit) => {
    // The account's row is held (FOR SHARE) until this commits: disabling the account or changing
    // its password, which write that row and then revoke its tokens, wait for this token and
    // revoke it too, or have committed first and are seen here.
    const [user] = await tx.$queryRaw<{ disabled: boolean; email: string }[]>`SELECT disabled, email FROM app_user WHERE id = ${userId} FOR SHARE`;
    if (!user) throw accountNotFound();
    if (user.disabled) throw new AppError("invalid", { code: "account_disabled", params: { email: user.email } });
    const now = new Date();
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null, expiresAt: { gt: now } } });
    if (active >= MAX_ACTIVE_TOKENS) throw new AppError("invalid", { code: "too_many_tokens", params: { max: MAX_ACTIVE_TOKENS } });
    const t = await tx.apiToken.create({ data: { id, userId, name, tokenHash, prefix, scope, createdAt: now, expiresAt: tokenExpiry(days, now) }, select: tokenSelect });
    await audit({ action: "token.create", entity: "api_token", entityId: id, before: null, after: tokenSnapshot(t) });
    return t;
  });
  return { id, token, prefix, name, scope: created.scope, expiresAt: created.expiresAt };
}

/** An account's tokens, newest first (revoked and expired ones too, so their history shows). */
export async function listTokensWith(db: Db, userId: string): Promise<TTokenInfo[]> {
  return db.apiToken.findMany({ where: { userId }, select: tokenSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** Every account's active tokens (neither revoked nor expired), newest first (for the administrators' account list). */
export async function listActiveTokensWith(db: Db): Promise<TTokenInfo[]> {
  return db.apiToken.findMany({ where: { revokedAt: null, expiresAt: { gt: new Date() } }, select: tokenSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

export type TTokenWithOwner = TTokenInfo & { owner: { email: string } };

/** One token and its owner's email; with `ownerId`, only a token of that account (someone else's is null, as unknown ones). */
export async function getTokenWith(db: Db, id: string, opts: { ownerId?: string } = {}): Promise<TTokenWithOwner | null> {
  if (!isId(id)) return null;
  const t = await db.apiToken.findUnique({ where: { id }, select: { ...tokenSelect, user: { select: { email: true } } } });
  if (!t || (opts.ownerId !== undefined && t.userId !== opts.ownerId)) return null;
  const { user, ...token } = t;
  return { ...token, owner: { email: user.email } };
}

export type TRevokeOutcome = { token: TTokenInfo; alreadyRevoked: boolean };

/**
 * Revokes a token. With `ownerId`, only a token of that account is found (someone
 * else's is "not found", so ids cannot be probed). Revoking twice changes nothing.
 */
export async function revokeTokenWith(ctx: TAccountsCtx, id: string, opts: { ownerId?: string } = {}): Promise<TRevokeOutcome> {
  const notFound = () => new AppError("not_found", { code: "token_not_found", params: { id: String(id).slice(0, 80) } });
  if (!isId(id)) throw notFound();
  return audited(ctx, async (tx, audit) => {
    const before = await tx.apiToken.findUnique({ where: { id }, select: tokenSelect });
    if (!before || (opts.ownerId !== undefined && before.userId !== opts.ownerId)) throw notFound();
    if (before.revokedAt) return { token: before, alreadyRevoked: true };
    const after = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() }, select: tokenSelect });
    await audit({ action: "token.revoke", entity: "api_token", entityId: id, before: tokenSnapshot(before), after: tokenSnapshot(after) });
    return { token: after, alreadyRevoked: false };
  });
}

/** A token that verified: whom it stands for, what it may do, until when. */
export type TVerifiedToken = { tokenId: string; actor: TActor; scope: TTokenScope; expiresAt: Date; mustChangePassword: boolean };

/**
 * The account a token stands for, with the token's scope: null for unknown or revoked tokens and
 * disabled accounts. An expired token is refused with an AppError "unauthorized" (code
 * token_expired, saying when), so the write API can say why. It says whether the account must
 * choose a new password first (the write API refuses it then).
 */
export async function actorFromTokenWith(db: Db, token: string | null, now: Date = new Date()): Promise<TVerifiedToken | null> {
  if (!token || !looksLikeToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scope: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true, mustChangePassword: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (isExpired(row.expiresAt, now)) throw new AppError("unauthorized", { code: "token_expired", params: { expiredAt: row.expiresAt.toISOString() } });
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Best effort: a failed bookkeeping write must not refuse a valid token.
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now } }).catch(() => {});
  }
  const u = row.user;
  return {
    tokenId: row.id,
    actor: { id: u.id, role: u.role, unitId: u.unitId, email: u.email, name: u.name },
    scope: row.scope,
    expiresAt: row.expiresAt,
    mustChangePassword: u.mustChangePassword,
  };
}
