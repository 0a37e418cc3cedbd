import Link from "next/link";
import type { TPlanStatusRow } from "@/lib/data/overview";
import { formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { StatusCountCells, StatusHeaderCells } from "./status-cells";
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
            <StatusHeaderCells locale={locale} />
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
              <StatusCountCells counts={r.counts} locale={locale} />
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
