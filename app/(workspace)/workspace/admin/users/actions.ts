"use server";
// Account management (administrators, permission user.manage, checked by lib/data/accounts.ts).
// Each action is a schema and a step on the one pipeline (lib/actions/pipeline.ts).
import { z } from "zod";
import { defineAction } from "@/lib/actions/pipeline";
import { createAccount, resetAccountPassword, setAccountDisabled, updateAccount } from "@/lib/data/accounts";
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
  run: async ({ id, disabled }, { actor, ip, m }) => {
    await setAccountDisabled(actor, id, disabled, { ip });
    return { ok: true, message: disabled ? m.accounts.users.disabledDone : m.accounts.users.enabledDone };
  },
  revalidate: () => [PATH],
});

export const resetPasswordAction = defineAction<{ id: string }, { secret?: string }>({
  input: z.object({ id: ZId }),
  run: async ({ id }, { actor, ip, m }) => {
    const r = await resetAccountPassword(actor, id, { ip });
    return { ok: true, message: m.accounts.users.resetDone, secret: r.password };
  },
  revalidate: () => [PATH],
});
