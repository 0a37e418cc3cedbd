// Personal access tokens in the database, the part the web app and the operators'
// command line share (Prisma client as a parameter, nothing "server-only").
// Who may do this is decided by the callers: lib/data/tokens.ts (token.own, and
// user.manage to revoke someone else's) or the operator at the command line.
import { randomUUID } from "node:crypto";
import type { TActor } from "../auth/permissions";
import { generateToken, hashToken, looksLikeToken } from "../auth/tokens";
import type { Db } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../errors";
import { ZTokenName } from "../validation/accounts";
import { zodProblems } from "../validation/fields";
import { accountNotFound, audited, type TAccountsCtx } from "./accounts-core";
import { isId } from "../domain/ids";

/** Most tokens one account may hold at once (not revoked). */
export const MAX_ACTIVE_TOKENS = 20;

/** lastUsedAt is written at most this often per token, so busy scripts do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

const tokenSelect = { id: true, userId: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } satisfies Prisma.ApiTokenSelect;

export type TTokenInfo = Prisma.ApiTokenGetPayload<{ select: typeof tokenSelect }>;

/** What the audit log keeps of a token (never the token or its hash). */
const snapshot = (t: TTokenInfo) => ({
  id: t.id,
  userId: t.userId,
  name: t.name,
  prefix: t.prefix,
  revokedAt: t.revokedAt ? t.revokedAt.toISOString() : null,
});

export type TCreatedToken = { id: string; token: string; prefix: string; name: string };

/** Creates a token for an enabled account; the clear token is returned here and never again. */
export async function createTokenWith(ctx: TAccountsCtx, userId: string, nameIn: unknown): Promise<TCreatedToken> {
  const name = ZTokenName.safeParse(nameIn);
  if (!name.success) throw new AppError("invalid", zodProblems(name.error, "name"));
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true, disabled: true, email: true } });
  if (!user) throw accountNotFound();
  if (user.disabled) throw new AppError("invalid", { code: "account_disabled", params: { email: user.email } });
  const { token, tokenHash, prefix } = generateToken();
  const id = `token-${randomUUID()}`;
  await audited(ctx, async (tx, audit) => {
    const active = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (active >= MAX_ACTIVE_TOKENS) throw new AppError("invalid", { code: "too_many_tokens", params: { max: MAX_ACTIVE_TOKENS } });
    const t = await tx.apiToken.create({ data: { id, userId, name: name.data, tokenHash, prefix, expiresAt: new Date(Date.now() + 90 * 86_400_000) }, select: tokenSelect });
    await audit({ action: "token.create", entity: "api_token", entityId: id, before: null, after: snapshot(t) });
  });
  return { id, token, prefix, name: name.data };
}

/** An account's tokens, newest first (revoked ones too, so their history shows). */
export async function listTokensWith(db: Db, userId: string): Promise<TTokenInfo[]> {
  return db.apiToken.findMany({ where: { userId }, select: tokenSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
}

/** Every account's tokens that are not revoked, newest first (for the administrators' account list). */
export async function listActiveTokensWith(db: Db): Promise<TTokenInfo[]> {
  return db.apiToken.findMany({ where: { revokedAt: null }, select: tokenSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
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
    await audit({ action: "token.revoke", entity: "api_token", entityId: id, before: snapshot(before), after: snapshot(after) });
    return { token: after, alreadyRevoked: false };
  });
}

/**
 * The account a token stands for: null for unknown or revoked tokens and disabled accounts. It
 * says whether the account must choose a new password first (the write API refuses it then).
 */
export async function actorFromTokenWith(db: Db, token: string | null): Promise<(TActor & { mustChangePassword: boolean }) | null> {
  if (!token || !looksLikeToken(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true, mustChangePassword: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabled) return null;
  const now = Date.now();
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    // Best effort: a failed bookkeeping write must not refuse a valid token.
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  const u = row.user;
  return { id: u.id, role: u.role, unitId: u.unitId, email: u.email, name: u.name, mustChangePassword: u.mustChangePassword };
}
