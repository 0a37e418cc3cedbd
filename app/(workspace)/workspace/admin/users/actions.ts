"use server";
// Account management (administrators, permission user.manage, checked by lib/data/accounts.ts).
// Each action is a schema and a step on the one pipeline (lib/actions/pipeline.ts). Locking,
// unlocking, resetting a password and revoking someone's token ask first (`confirm`): posted
// without confirm=yes, they change nothing and answer the question.
import { z } from "zod";
import { defineAction } from "@/lib/actions/pipeline";
import { revokeQuestion } from "@/lib/i18n/accounts";
import { createAccount, getAccount, resetAccountPassword, setAccountDisabled, updateAccount } from "@/lib/data/accounts";
import { getRevocableToken, revokeToken } from "@/lib/data/tokens";
import { ZId } from "@/lib/validation/fields";
import { ZUserCreate, ZUserUpdate } from "@/lib/validation/accounts";

const PATH = "/workspace/admin/users";

const ZUpdate = ZUserUpdate.pick({ role: true, unitCode: true }).extend({ id: ZId });
const ZSetDisabled = z.object({ id: ZId, disabled: z.enum(["true", "false"]).transform((v) => v === "true") });

export const createUserAction = defineAction<z.output<typeof ZUserCreate>, { secret?: string }>({
  input: ZUserCreate,
  // The form keeps what was typed when refused (never the password: the pipeline leaves secrets out).
  keepValues: true,
  run: async (input, { actor, ip, m }) => {
    const r = await createAccount(actor, { ...input, unitCode: input.unitCode ?? "" }, { ip });
    return r.generated
      ? { ok: true, message: m.accounts.users.created(r.account.email), secret: r.password }
      : { ok: true, message: m.accounts.users.createdGiven(r.account.email) };
  },
  revalidate: () => [PATH],
});

export const updateUserAction = defineAction<z.output<typeof ZUpdate>>({
  input: ZUpdate,
  run: async ({ id, role, unitCode }, { actor, ip, m }) => {
    await updateAccount(actor, id, { role, unitCode: unitCode ?? "" }, { ip });
    return { ok: true, message: m.accounts.users.saved };
  },
  revalidate: () => [PATH],
});

export const setUserDisabledAction = defineAction<z.output<typeof ZSetDisabled>>({
  input: ZSetDisabled,
  confirm: async ({ id, disabled }, { actor, m }) => {
    const a = await getAccount(actor, id);
    if (a.disabled === disabled) return null; // already so: nothing changes, nothing to ask
    return disabled ? m.accounts.users.disableQuestion(a.email, a.activeTokens) : m.accounts.users.enableQuestion(a.email);
  },
  run: async ({ id, disabled }, { actor, ip, m }) => {
    await setAccountDisabled(actor, id, disabled, { ip });
    return { ok: true, message: disabled ? m.accounts.users.disabledDone : m.accounts.users.enabledDone };
  },
  revalidate: () => [PATH],
});

export const resetPasswordAction = defineAction<{ id: string }, { secret?: string }>({
  input: z.object({ id: ZId }),
  confirm: async ({ id }, { actor, m }) => m.accounts.users.resetQuestion((await getAccount(actor, id)).email),
  run: async ({ id }, { actor, ip, m }) => {
    const r = await resetAccountPassword(actor, id, { ip });
    return { ok: true, message: m.accounts.users.resetDone, secret: r.password };
  },
  revalidate: () => [PATH],
});

/** An administrator revokes another account's token (audited with the administrator as the actor). */
export const revokeUserTokenAction = defineAction<{ id: string }>({
  input: z.object({ id: ZId }),
  confirm: async ({ id }, { actor, m }) => {
    const tok = await getRevocableToken(actor, id);
    if (tok.revokedAt) return null;
    return revokeQuestion(m.accounts.tokens, tok, actor.id);
  },
  run: async ({ id }, { actor, ip, m }) => {
    const r = await revokeToken(actor, id, { ip });
    return { ok: true, message: r.alreadyRevoked ? m.accounts.tokens.alreadyRevoked : m.accounts.tokens.revoked };
  },
  revalidate: () => [PATH, "/workspace/tokens"],
});
