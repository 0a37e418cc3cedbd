import type { ProgressStatus } from "@/lib/domain/progress";
import { statusLabel } from "@/lib/i18n/messages";
import { formatNumber } from "@/lib/domain/numbers";
import type { TStatusCounts } from "@/lib/data/overview";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";

/** Reading order of statuses in tables: best to worst, then no data. */
export const STATUS_DISPLAY_ORDER: ProgressStatus[] = ["exceeded", "met", "on_track", "at_risk", "off_track", "missed", "no_data"];

/** Counts of targets per status: words, symbols and numbers, never colour alone; a share bar above for a glance. */
export function StatusSummary({ counts, locale, caption }: { counts: TStatusCounts; locale: Locale; caption: string }) {
  const d = messages(locale).dashboards;
  const shown = STATUS_DISPLAY_ORDER.filter((s) => counts[s] > 0);
  const parts = shown.map((s) => `${formatNumber(counts[s], { locale })} ${statusLabel(s, locale)}`);
  return (
    <div className="status-overview">
      {counts.total > 0 && (
        <div className="status-bar" role="img" aria-label={d.shareBar(parts.join(", "), formatNumber(counts.total, { locale }))}>
          {shown.map((s) => (
            <span key={s} className={`status-seg ${s}`} style={{ flexGrow: counts[s] }} title={`${statusLabel(s, locale)}: ${formatNumber(counts[s], { locale })}`} />
          ))}
        </div>
      )}
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
    </div>
  );
}
