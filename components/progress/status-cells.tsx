// A table's columns of targets by status (documents by status, units of a large plan by
// status): one header cell per status in words, and one cell per status in a row.
import { formatNumber } from "@/lib/domain/numbers";
import type { ProgressStatus } from "@/lib/domain/progress";
import type { Locale } from "@/lib/i18n/locale";
import { statusLabel } from "@/lib/i18n/messages";
import { STATUS_DISPLAY_ORDER } from "./status-summary";

export function StatusHeaderCells({ locale }: { locale: Locale }) {
  return STATUS_DISPLAY_ORDER.map((s) => (
    <th scope="col" key={s} className="num">
      <span className={`status ${s}`}>{statusLabel(s, locale)}</span>
    </th>
  ));
}

export function StatusCountCells({ counts, locale }: { counts: Record<ProgressStatus, number>; locale: Locale }) {
  return STATUS_DISPLAY_ORDER.map((s) => (
    <td key={s} className={counts[s] === 0 ? "num muted zero" : "num"} data-status={s} data-label={statusLabel(s, locale)}>
      {formatNumber(counts[s], { locale })}
    </td>
  ));
}
