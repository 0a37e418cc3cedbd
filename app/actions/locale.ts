"use server";
// The language switch. A signed-out visitor uses it too, so it does not run on defineAction
// (lib/actions/pipeline.ts), whose first step refuses anyone signed out; it has the same shape,
// (previous state, form) → TActionState, without the actor step. It cannot be refused: an
// unknown language reads as Vietnamese and anything but a path of this site (lib/auth/safe-return.ts)
// as "/". It sets the cookie and returns to the same page (redirect() ends the action, so it never
// answers with a state).
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/safe-return";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locale";
import type { TActionState } from "@/lib/validation/action-state";

export async function setLocaleAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  const back = safeReturnPath(formData.get("back"), "/");
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  redirect(back);
}
