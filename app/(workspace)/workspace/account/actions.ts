"use server";
// Changing one's own password. Every session of the account ends, this one
// included, so nothing is revalidated here: the form shows the outcome and
// sends the person to the sign-in page.
import { actionContext, actionFailure, localizeFieldErrors } from "@/lib/auth/action-context";
import { changeOwnPassword } from "@/lib/data/accounts";
import type { TActionState } from "@/lib/validation/action-state";
import { fieldErrorsOf, ZOwnPasswordChange } from "@/lib/validation/accounts";

const text = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};

export async function changePasswordAction(_prev: TActionState, fd: FormData): Promise<TActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  const input = { current: text(fd, "current"), next: text(fd, "next"), confirm: text(fd, "confirm") };
  const parsed = ZOwnPasswordChange.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: localizeFieldErrors(fieldErrorsOf(parsed.error), ctx.locale) };
  // Everyone signed in may change their own password: the account is the resource, the actor its owner.
  try {
    await changeOwnPassword(ctx.actor, parsed.data, { ip: ctx.ip });
    return { ok: true, message: ctx.t.account.changed };
  } catch (e) {
    return actionFailure(e, ctx);
  }
}
