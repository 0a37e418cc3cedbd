import "server-only";
// Accounts for the web app: administrators manage everyone's (user.manage), every
// signed-in person changes their own password. Permission checks here, the shared
// logic in lib/data/accounts-core.ts, every change audited with writeAudit.
import { assertCan, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { AppError } from "../errors";
import type { TUserCreateInput, TUserUpdateInput } from "../validation/accounts";
import { isId } from "../domain/ids";
import {
  accountNotFound,
  changeOwnPasswordWith,
  createAccountWith,
  getAccountWith,
  listAccountsWith,
  resetAccountPasswordWith,
  setAccountDisabledWith,
  updateAccountWith,
  type TAccount,
  type TAccountsCtx,
  type TPasswordOutcome,
} from "./accounts-core";
import { actorLabelOf, writeAudit } from "./audit";

export type { TAccount, TPasswordOutcome } from "./accounts-core";

/** The shared logic's context for a signed-in actor of the web app (lib/data/tokens.ts uses it too). */
export function ctxOf(actor: TActor, ip?: string | null): TAccountsCtx {
  return { db: db(), actor, actorLabel: actorLabelOf(actor), source: "web", ip: ip ?? null, audit: writeAudit };
}

export async function listAccounts(actor: TActor | null): Promise<TAccount[]> {
  assertCan(actor, "user.manage");
  return listAccountsWith(db());
}

/** One account, for an administrator (e.g. to ask "lock x@y?" before locking it); not found is an AppError. */
export async function getAccount(actor: TActor | null, id: string): Promise<TAccount> {
  assertCan(actor, "user.manage");
  const account = isId(id) ? await getAccountWith(db(), id) : null;
  if (!account) throw accountNotFound();
  return account;
}

export async function createAccount(actor: TActor | null, input: TUserCreateInput, opts: { ip?: string | null } = {}): Promise<TPasswordOutcome> {
  assertCan(actor, "user.manage");
  return createAccountWith(ctxOf(actor, opts.ip), input);
}

export async function updateAccount(actor: TActor | null, id: string, input: TUserUpdateInput, opts: { ip?: string | null } = {}): Promise<TAccount> {
  assertCan(actor, "user.manage");
  return updateAccountWith(ctxOf(actor, opts.ip), id, input);
}

export async function setAccountDisabled(actor: TActor | null, id: string, disabled: boolean, opts: { ip?: string | null } = {}): Promise<TAccount> {
  assertCan(actor, "user.manage");
  return setAccountDisabledWith(ctxOf(actor, opts.ip), id, disabled);
}

export async function resetAccountPassword(actor: TActor | null, id: string, opts: { ip?: string | null } = {}): Promise<TPasswordOutcome> {
  assertCan(actor, "user.manage");
  return resetAccountPasswordWith(ctxOf(actor, opts.ip), id);
}

/** The signed-in person's own account (for the account page). */
export async function getOwnAccount(actor: TActor | null): Promise<TAccount | null> {
  if (!actor) return null;
  return getAccountWith(db(), actor.id);
}

/** Changes the actor's own password; all their sessions end, this one included. */
export async function changeOwnPassword(actor: TActor | null, input: { current: unknown; next: unknown; confirm: unknown }, opts: { ip?: string | null } = {}): Promise<void> {
  if (!actor) throw new AppError("unauthorized", { code: "signed_out" });
  return changeOwnPasswordWith(ctxOf(actor, opts.ip), actor.id, input);
}
