"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useActionState } from "react";
import { safeReturnPath } from "@/lib/auth/safe-return";
import type { Locale } from "@/lib/i18n/locale";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";

/** Switches the interface language and comes back to the same page; the action comes from the layout (app/actions/locale.ts). */
export function LanguageSwitch({ locale, label, ariaLabel, setLocale }: { locale: Locale; label: string; ariaLabel: string; setLocale: TFormAction }) {
  const [, action] = useActionState(setLocale, INITIAL_ACTION_STATE);
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <form action={action} className="lang-switch">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="back" value={safeReturnPath(search ? `${pathname}?${search}` : pathname, "/")} />
      <button type="submit" aria-label={ariaLabel} lang={other}>
        {label}
      </button>
    </form>
  );
}
