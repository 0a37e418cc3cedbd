import "server-only";
// Personal access tokens for the web app and the write API: the permission checks
// (token.own for one's own tokens; user.manage to revoke anyone's) around the shared
// logic in lib/data/tokens-core.ts. Every create and revoke is audited (writeAudit).
import { assertCan, can, type TActor } from "../auth/permissions";
import { bearerToken } from "../auth/tokens";
import { db } from "../db/client";
import { ctxOf } from "./accounts";
import { actorFromTokenWith, createTokenWith, listTokensWith, revokeTokenWith, type TCreatedToken, type TRevokeOutcome, type TTokenInfo } from "./tokens-core";

export type { TCreatedToken, TTokenInfo } from "./tokens-core";

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

/** Revokes one of the actor's tokens; administrators (user.manage) may revoke anyone's. */
export async function revokeToken(actor: TActor | null, id: string, opts: { ip?: string | null } = {}): Promise<TRevokeOutcome> {
  assertCan(actor, "token.own");
  const ownerId = can(actor, "user.manage") ? undefined : actor.id;
  return revokeTokenWith(ctxOf(actor, opts.ip), id, { ownerId });
}

/**
 * The actor behind an `Authorization: Bearer gnp_…` header, or null when the header is
 * missing or malformed, the token is unknown or revoked, or the account is disabled.
 */
export async function actorFromBearer(authorizationHeader: string | null | undefined): Promise<TActor | null> {
  return actorFromTokenWith(db(), bearerToken(authorizationHeader));
}
