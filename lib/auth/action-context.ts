import "server-only";
// What every account server action starts with (the signed-in actor, the locale,
// the client's address) and how it turns a failure into an ActionState: expected
// errors carry their message, anything else is logged and answered generically.
import { headers } from "next/headers";
import { AccountError } from "../data/accounts-core";
import { accountsDict, localizeMessage, type TAccountsDict } from "../i18n/accounts";
import type { Locale } from "../i18n/locale";
import { getLocale } from "../i18n/server";
import type { TActionState } from "../validation/action-state";
import { clientIpFrom } from "./client-ip";
import { ForbiddenError, type TActor } from "./permissions";
import { getActor } from "./session";

export type TActionContext = { actor: TActor | null; locale: Locale; t: TAccountsDict; ip: string | null };

export async function actionContext(): Promise<TActionContext> {
  const [actor, locale, h] = await Promise.all([getActor(), getLocale(), headers()]);
  return { actor, locale, t: accountsDict[locale], ip: clientIpFrom(h) };
}

/** Field errors in the locale: "vi / en" messages keep their half. */
export function localizeFieldErrors(fieldErrors: Record<string, string[]>, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, ms]) => [k, ms.map((m) => localizeMessage(m, locale))]));
}

export function actionFailure(e: unknown, ctx: Pick<TActionContext, "locale" | "t">): TActionState {
  if (e instanceof AccountError) {
    const fieldErrors = e.fieldErrors ? localizeFieldErrors(e.fieldErrors, ctx.locale) : e.field ? { [e.field]: [localizeMessage(e.message, ctx.locale)] } : undefined;
    return { ok: false, message: localizeMessage(e.message, ctx.locale), ...(fieldErrors ? { fieldErrors } : {}) };
  }
  if (e instanceof ForbiddenError) return { ok: false, message: ctx.t.common.forbidden };
  console.error("account action failed:", e);
  return { ok: false, message: ctx.t.common.unexpected };
}
