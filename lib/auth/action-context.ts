import "server-only";
// What every account server action starts with (the signed-in actor, the locale,
// the client's address) and how it turns a failure into an ActionState: expected
// errors carry their message, anything else is logged and answered generically.
import { headers } from "next/headers";
import { AccountError } from "../data/accounts-core";
import { inLocale } from "../i18n/locale";
import type { Locale } from "../i18n/locale";
import { getLocale } from "../i18n/server";
import type { TActionState } from "../validation/action-state";
import { clientIpFrom } from "./client-ip";
import { ForbiddenError, type TActor } from "./permissions";
import { getActor } from "./session";
import { messages } from "../i18n/messages";
import type { TMessages } from "../i18n/messages";

export type TActionContext = { actor: TActor | null; locale: Locale; t: TMessages["accounts"]; ip: string | null };

export async function actionContext(): Promise<TActionContext> {
  const [actor, locale, h] = await Promise.all([getActor(), getLocale(), headers()]);
  return { actor, locale, t: messages(locale).accounts, ip: clientIpFrom(h) };
}

/** Field errors in the locale: "vi / en" messages keep their half. */
export function localizeFieldErrors(fieldErrors: Record<string, string[]>, locale: Locale): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, ms]) => [k, ms.map((m) => inLocale(m, locale))]));
}

export function actionFailure(e: unknown, ctx: Pick<TActionContext, "locale" | "t">): TActionState {
  if (e instanceof AccountError) {
    const fieldErrors = e.fieldErrors ? localizeFieldErrors(e.fieldErrors, ctx.locale) : e.field ? { [e.field]: [inLocale(e.message, ctx.locale)] } : undefined;
    return { ok: false, message: inLocale(e.message, ctx.locale), ...(fieldErrors ? { fieldErrors } : {}) };
  }
  if (e instanceof ForbiddenError) return { ok: false, message: ctx.t.common.forbidden };
  console.error("account action failed:", e);
  return { ok: false, message: ctx.t.common.unexpected };
}
