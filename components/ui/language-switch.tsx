"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { setLocaleAction } from "@/app/actions/locale";
import type { Locale } from "@/lib/i18n/locale";

export function LanguageSwitch({ locale, label, ariaLabel }: { locale: Locale; label: string; ariaLabel: string }) {
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <form action={setLocaleAction} className="lang-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="back" value={search ? `${pathname}?${search}` : pathname} />
      <button type="submit" aria-label={ariaLabel} lang={other}>
        {label}
      </button>
    </form>
  );
}
