import type { ProgressStatus } from "@/lib/domain/progress";
import { statusLabel } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";

/** Status shown with a symbol and words, never by colour alone. */
export function StatusBadge({ status, locale }: { status: ProgressStatus; locale: Locale }) {
  return <span className={`status ${status}`}>{statusLabel(status, locale)}</span>;
}
