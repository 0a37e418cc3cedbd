// Locale handling: Vietnamese first, English second. The choice is a cookie.
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "lang";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : "vi";
}

/**
 * One language of a bilingual text written "tiếng Việt / English" (the zod schemas' messages and
 * the API's error messages are): the Vietnamese is what comes before the first " / ", the English
 * all that follows it (so an English half may itself contain " / "); the first letter is made a
 * capital. A text without " / " is returned as it is. The only place that splits such texts.
 */
export function inLocale(message: string, locale: Locale): string {
  const at = message.indexOf(" / ");
  if (at === -1) return message;
  const text = (locale === "en" ? message.slice(at + 3) : message.slice(0, at)).trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}
