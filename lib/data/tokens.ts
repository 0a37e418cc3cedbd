import "server-only";
// Personal access tokens for the web app and the write API: the permission checks
// (token.own for one's own tokens; user.manage to revoke anyone's) around the shared
// logic in lib/data/tokens-core.ts. Every create and revoke is audited (writeAudit).
import { mustChangePasswordFirst } from "../auth/first-password";
import { assertCan, can, type TActor } from "../auth/permissions";
import { bearerToken, scopeMayPublish, type TTokenScope } from "../auth/tokens";
import { db } from "../db/client";
import { AppError, type TProblem } from "../errors";
import { ZResultInput } from "../validation/results";
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

/**
 * A new token for the actor's own account, for `days` (1 to 365; 90 when not given) with a
 * `scope` ("write", the default, or "publish"). The clear token is in the answer, and nowhere else, ever.
 */
export async function createToken(actor: TActor | null, name: string, opts: { days?: unknown; scope?: unknown; ip?: string | null } = {}): Promise<TCreatedToken> {
  assertCan(actor, "token.own");
  return createTokenWith(ctxOf(actor, opts.ip), actor.id, { name, days: opts.days, scope: opts.scope });
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

/** The token of a request's `Authorization: Bearer gnp_…` header, verified: whom it stands for and its scope. */
export type TBearer = { tokenId: string; actor: TActor; scope: TTokenScope; expiresAt: Date };

/**
 * The token behind an `Authorization: Bearer gnp_…` header, or null when the header is
 * missing or malformed, the token is unknown or revoked, or the account is disabled. An
 * expired token is refused with an AppError "unauthorized" (token_expired, saying when: the
 * API answers 401). An account that must choose a new password first
 * (lib/auth/first-password.ts) is refused with an AppError "forbidden" (the API answers 403
 * saying why).
 */
export async function tokenFromBearer(authorizationHeader: string | null | undefined): Promise<TBearer | null> {
  const found = await actorFromTokenWith(db(), bearerToken(authorizationHeader));
  if (!found) return null;
  if (mustChangePasswordFirst(found)) throw new AppError("forbidden", { code: "must_change_password" });
  return { tokenId: found.tokenId, actor: found.actor, scope: found.scope, expiresAt: found.expiresAt };
}

/** The actor behind an `Authorization: Bearer gnp_…` header (tokenFromBearer without the token's details). */
export async function actorFromBearer(authorizationHeader: string | null | undefined): Promise<TActor | null> {
  return (await tokenFromBearer(authorizationHeader))?.actor ?? null;
}

/** Does a row of a batch ask to publish? Read by the rows' own schema (lib/validation/results.ts: true, "1", "có"…). */
function asksToPublish(row: unknown): boolean {
  if (row === null || typeof row !== "object" || Array.isArray(row)) return false;
  const parsed = ZResultInput.shape.publish.safeParse((row as Record<string, unknown>).publish);
  return parsed.success && parsed.data === true;
}

/**
 * What the token's scope refuses in a batch of result rows: a WRITE token saves drafts only, so
 * each row that asks to publish is a problem (field "publish", code token_scope_publish, naming
 * the scope). A PUBLISH token is refused nothing here: the owner's own right to publish is
 * checked row by row by the one write path (lib/data/results-write.ts).
 */
export function tokenScopeProblems(token: Pick<TBearer, "scope">, rows: unknown[]): TProblem[] {
  if (scopeMayPublish(token.scope)) return [];
  return rows.flatMap((row, i) => (asksToPublish(row) ? [{ row: i, field: "publish", code: "token_scope_publish", params: { scope: token.scope.toLowerCase() } }] : []));
}
