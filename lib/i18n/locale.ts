// Locale handling: Vietnamese first, English second. The choice is a cookie.
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "lang";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : "vi";
}

/** One language of a bilingual message written "tiếng Việt / English" (validation messages are). */
export function inLocale(message: string, locale: Locale): string {
  return message.split(" / ")[locale === "vi" ? 0 : 1] ?? message;
}
