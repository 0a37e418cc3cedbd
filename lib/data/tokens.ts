import "server-only";
// Personal access tokens for the web app and the write API: the permission checks
// (token.own for one's own tokens; user.manage to revoke anyone's) around the shared
// logic in lib/data/tokens-core.ts. Every create and revoke is audited (writeAudit).
import { mustChangePasswordFirst } from "../auth/first-password";
import { assertCan, can, type TActor } from "../auth/permissions";
import { bearerToken } from "../auth/tokens";
import { db } from "../db/client";
import { AppError } from "../errors";
import { ctxOf } from "./accounts";
import {
  actorFromTokenWith,
  createTokenWith,
  getTokenWith,
  listActiveTokensWith,
  listTokensWith,
  revokeTokenWith,
  type TCreatedToken,
  type TRevokeOutcome,
  type TTokenInfo,
  type TTokenWithOwner,
} from "./tokens-core";

export type { TCreatedToken, TTokenInfo, TTokenWithOwner } from "./tokens-core";

/** A new token for the actor's own account. The clear token is in the answer, and nowhere else, ever. */
export async function createToken(actor: TActor | null, name: string, opts: { ip?: string | null } = {}): Promise<TCreatedToken> {
  assertCan(actor, "token.own");
  return createTokenWith(ctxOf(actor, opts.ip), actor.id, name);
}

/** The actor's own tokens, newest first. */
export async function listTokens(actor: TActor | null): Promise<TTokenInfo[]> {
  assertCan(actor, "token.own");
  return listTokensWith(db(), actor.id);
}

/** Every account's active tokens, by account id (administrators: the account list shows them, each with a revoke button). */
export async function listActiveTokensByAccount(actor: TActor | null): Promise<Map<string, TTokenInfo[]>> {
  assertCan(actor, "user.manage");
  const out = new Map<string, TTokenInfo[]>();
  for (const t of await listActiveTokensWith(db())) {
    const list = out.get(t.userId);
    if (list) list.push(t);
    else out.set(t.userId, [t]);
  }
  return out;
}

/**
 * One token the actor may revoke, with its owner (to ask "revoke …?" first): their own, or
 * anyone's for administrators. Another's token, or none, is "not found" (ids cannot be probed).
 */
export async function getRevocableToken(actor: TActor | null, id: string): Promise<TTokenWithOwner> {
  assertCan(actor, "token.own");
  const token = await getTokenWith(db(), id, { ownerId: can(actor, "user.manage") ? undefined : actor.id });
  if (!token) throw new AppError("not_found", { code: "token_not_found", params: { id: String(id).slice(0, 80) } });
  return token;
}

/** Revokes one of the actor's tokens; administrators (user.manage) may revoke anyone's. */
export async function revokeToken(actor: TActor | null, id: string, opts: { ip?: string | null } = {}): Promise<TRevokeOutcome> {
  assertCan(actor, "token.own");
  const ownerId = can(actor, "user.manage") ? undefined : actor.id;
  return revokeTokenWith(ctxOf(actor, opts.ip), id, { ownerId });
}

/**
 * The actor behind an `Authorization: Bearer gnp_…` header, or null when the header is
 * missing or malformed, the token is unknown or revoked, or the account is disabled. An
 * account that must choose a new password first (lib/auth/first-password.ts) is refused
 * with an AppError "forbidden" (the API answers 403 saying why).
 */
export async function actorFromBearer(authorizationHeader: string | null | undefined): Promise<TActor | null> {
  const found = await actorFromTokenWith(db(), bearerToken(authorizationHeader));
  if (!found) return null;
  if (mustChangePasswordFirst(found)) throw new AppError("forbidden", { code: "must_change_password" });
  const { mustChangePassword: _settled, ...actor } = found;
  return actor;
}
