// Locale handling: Vietnamese first, English second. The choice is a cookie.
export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "vi";
export const LOCALE_COOKIE = "lang";

export function toLocale(value: string | undefined | null): Locale {
  return value === "en" ? "en" : "vi";
}
