// Small display helpers shared by plan and unit pages.
import type { Locale } from "@/lib/i18n/locale";

export function periodText(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

export function unitName(u: { name: string; nameEn: string | null }, locale: Locale): string {
  return locale === "en" && u.nameEn ? u.nameEn : u.name;
}
