import { statusLabel, type ProgressStatus } from "@/lib/domain/progress";
import { formatNumber } from "@/lib/domain/numbers";
import type { TStatusCounts } from "@/lib/data/overview";
import type { Locale } from "@/lib/i18n/locale";
import { dashboardsDictionary } from "@/lib/i18n/dashboards";

/** Reading order of statuses in tables: best to worst, then no data. */
export const STATUS_DISPLAY_ORDER: ProgressStatus[] = ["exceeded", "met", "on_track", "at_risk", "off_track", "missed", "no_data"];

/** Counts of targets per status: words, symbols and numbers, never colour alone. */
export function StatusSummary({ counts, locale, caption }: { counts: TStatusCounts; locale: Locale; caption: string }) {
  const d = dashboardsDictionary[locale];
  return (
    <table className="status-summary">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{d.statusCol}</th>
          <th scope="col" className="num">
            {d.targetsCol}
          </th>
        </tr>
      </thead>
      <tbody>
        {STATUS_DISPLAY_ORDER.map((s) => (
          <tr key={s}>
            <td>
              <span className={`status ${s}`}>{statusLabel(s, locale)}</span>
            </td>
            <td className="num">{formatNumber(counts[s], { locale })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
