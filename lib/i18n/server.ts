import "server-only";
// The reader's language on the server (a cookie), and the message catalogue in it.
import { cookies } from "next/headers";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locale";
import { messages, type TMessages } from "./messages";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/**
 * The catalogue in the reader's language: `m` is all of it (m.compare, m.grid…), `t` its
 * common part (navigation, plans, pages), the one most pages need.
 */
export async function getMessages(): Promise<{ locale: Locale; t: TMessages["common"]; m: TMessages }> {
  const locale = await getLocale();
  const m = messages(locale);
  return { locale, t: m.common, m };
}
