import type { ReactNode } from "react";
import { formatNumber } from "@/lib/domain/numbers";
import { LineChart } from "@/components/charts/lazy";
import { DownloadLinks, withQuery } from "@/components/downloads/download-links";
import { ChartDataTable } from "@/components/charts/data-table";
import { PlanStatusTable } from "@/components/progress/plan-status-table";
import { StatusSummary } from "@/components/progress/status-summary";
import type { TBehindTarget, TPlanStatusRow } from "@/lib/data/overview";
import { BehindList } from "@/components/progress/behind-list";
import type { TIndicatorTrend, TStatusCountsLike } from "@/lib/data/dashboards";
import type { Locale } from "@/lib/domain/numbers";
import { messages } from "@/lib/i18n/messages";

/** A unit's dashboard: its published targets by status (in all and per plan) and its indicators by year. */
export function UnitDashboard({
  unitCode,
  unitKey,
  asOf,
  asOfControl,
  counts,
  plans,
  behind,
  trends,
  locale,
}: {
  unitCode: string;
  /** The unit's key ("94", "92-2025"): its page's address and its workbook's. */
  unitKey: string;
  /** A date other than today, carried into the download links. */
  asOf?: string;
  asOfControl?: ReactNode;
  counts: TStatusCountsLike;
  plans: TPlanStatusRow[];
  behind: { items: TBehindTarget[]; total: number };
  trends: TIndicatorTrend[];
  locale: Locale;
}) {
  const d = messages(locale).dashboards;
  const dl_ = messages(locale).downloads.links;
  const dl = (table: string, format: string) => `/api/v1/dashboards/unit/${unitCode}?format=${format}&table=${table}${asOf ? `&asOf=${asOf}` : ""}`;
  return (
    <section aria-labelledby="dashboard" className="dashboard">
      <h2 id="dashboard">{d.overviewTitle}</h2>
      {asOfControl}
      {/* The unit's workbook for people, then the dashboard tables in the API's machine-readable form. */}
      <DownloadLinks
        xlsx={withQuery(`/units/${unitKey}/download`, { asOf })}
        machine={[
          { label: `CSV (${dl_.tableStatus})`, href: dl("status", "csv") },
          { label: `CSV (${dl_.tablePlans})`, href: dl("plans", "csv") },
          { label: `CSV (${dl_.tableIndicators})`, href: dl("indicators", "csv") },
          { label: "XLSX", href: dl("status", "xlsx") },
        ]}
        locale={locale}
      />
      <StatusSummary counts={counts} locale={locale} caption={d.statusCaption(counts.total)} />
      <PlanStatusTable rows={plans} locale={locale} />
      {counts.total > 0 && <BehindList data={behind} locale={locale} headingLevel={3} />}
      <h3>{d.trendsTitle}</h3>
      {trends.length === 0 ? (
        <p className="muted" data-empty="trends">
          {d.noTrends}
        </p>
      ) : (
        <div className="chart-group">
        {trends.map((tr) => {
          const labels = tr.years.map(String);
          const name = d.trendName(tr.indicator, tr.measureUnit);
          const short = (x: string) => (x.length > 48 ? `${x.slice(0, 47)}…` : x);
          const cols = tr.series.map((s) => ({ label: s.label ? `${s.unit} — ${s.label}` : s.unit, values: s.values }));
          const chartCols = cols.map((c) => ({ ...c, label: short(c.label) }));
          return (
            <div className="chart-item" key={`${tr.indicatorCode}-${tr.groupCode}`} data-trend={tr.indicatorCode} data-group={tr.groupCode}>
              <h4>{tr.indicator}</h4>
              <LineChart labels={labels} datasets={chartCols} ariaLabel={name} caption={name} locale={locale} valueAxisTitle={tr.measureUnit} categoryAxisTitle={d.year} />
              <ChartDataTable caption={name} labels={labels} labelHeader={d.year} columns={cols} locale={locale} seriesAsRows />
              <ApproximateValues trend={tr} locale={locale} />
            </div>
          );
        })}
        </div>
      )}
    </section>
  );
}

/** Values the source gives as bounds ("hơn 80", "khoảng 700"): said in words, since the chart can only draw the number. */
function ApproximateValues({ trend, locale }: { trend: TIndicatorTrend; locale: Locale }) {
  const d = messages(locale).dashboards;
  const items = trend.series.flatMap((s) =>
    trend.years.flatMap((y, i) => {
      const q = s.qualifiers[i];
      const v = s.values[i];
      if (v === null || v === undefined || !q || q === "EXACT") return [];
      const word = q === "OVER" ? d.over : d.about;
      return [`${y} – ${s.unit}${s.label ? ` (${s.label})` : ""}: ${word} ${formatNumber(v, { locale })} ${trend.measureUnit}`];
    }),
  );
  if (items.length === 0) return null;
  return (
    <div className="muted approx-note">
      <p>{d.approxIntro}</p>
      <ul>
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </div>
  );
}
