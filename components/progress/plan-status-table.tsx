import Link from "next/link";
import type { TPlanStatusRow } from "@/lib/data/overview";
import { formatNumber } from "@/lib/domain/numbers";
import { statusLabel } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";
import { STATUS_DISPLAY_ORDER } from "./status-summary";
import { messages } from "@/lib/i18n/messages";

/** Each plan's targets by status: one row per document, one column per status (words and symbols in the header). */
export function PlanStatusTable({ rows, locale }: { rows: TPlanStatusRow[]; locale: Locale }) {
  const d = messages(locale).dashboards;
  if (rows.length === 0) {
    return (
      <p className="muted" data-empty="plan-status">
        {d.noPlanTargets}
      </p>
    );
  }
  const n = (v: number) => formatNumber(v, { locale });
  return (
    <div className="table-wrap">
      <table className="plan-status stack-on-phone">
        <caption>{d.plansByStatusTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{d.planCol}</th>
            {STATUS_DISPLAY_ORDER.map((s) => (
              <th scope="col" key={s} className="num">
                <span className={`status ${s}`}>{statusLabel(s, locale)}</span>
              </th>
            ))}
            <th scope="col" className="num">
              {d.totalCol}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.planId} data-plan-id={r.planId}>
              <th scope="row">
                <Link href={`/plans/${r.planId}`}>{r.planCode ?? d.noNumber}</Link>
                <span className="sub-mark" lang="vi">
                  {r.planTitle}
                </span>
              </th>
              {STATUS_DISPLAY_ORDER.map((s) => (
                <td key={s} className={r.counts[s] === 0 ? "num muted zero" : "num"} data-status={s} data-label={statusLabel(s, locale)}>
                  {n(r.counts[s])}
                </td>
              ))}
              <td className="num" data-label={d.totalCol}>
                <strong>{n(r.counts.total)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
