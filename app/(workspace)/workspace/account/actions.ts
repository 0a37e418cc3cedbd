"use server";
// Changing one's own password (everyone signed in: the account is the resource, the actor
// its owner). Every session of the account ends, this one included, so nothing is
// revalidated here: the form shows the outcome and sends the person to the sign-in page.
import type { z } from "zod";
import { defineAction } from "@/lib/actions/pipeline";
import { changeOwnPassword } from "@/lib/data/accounts";
import { ZOwnPasswordChange } from "@/lib/validation/accounts";

export const changePasswordAction = defineAction<z.output<typeof ZOwnPasswordChange>>({
  input: ZOwnPasswordChange,
  // The one action open to someone who must choose a new password first (it clears that).
  beforePasswordChange: true,
  run: async (input, { actor, ip, m }) => {
    await changeOwnPassword(actor, input, { ip });
    return { ok: true, message: m.accounts.account.changed };
  },
});
