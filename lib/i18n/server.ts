import "server-only";
import { cookies } from "next/headers";
import { dictionary, type Dict } from "./dictionary";
import { LOCALE_COOKIE, toLocale, type Locale } from "./locale";

export async function getLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export async function getDict(): Promise<{ locale: Locale; t: Dict }> {
  const locale = await getLocale();
  return { locale, t: dictionary[locale] };
}
