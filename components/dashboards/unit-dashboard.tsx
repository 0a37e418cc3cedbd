import { formatNumber } from "@/lib/domain/numbers";
import { LineChart } from "@/components/charts/line-chart";
import { ChartDataTable } from "@/components/charts/data-table";
import { StatusSummary } from "@/components/progress/status-summary";
import type { TIndicatorTrend, TStatusCountsLike } from "@/lib/data/dashboards";
import type { Locale } from "@/lib/domain/numbers";

/** A unit's dashboard: its published targets by status and its indicators by year. */
export function UnitDashboard({ unitCode, counts, trends, locale }: { unitCode: string; counts: TStatusCountsLike; trends: TIndicatorTrend[]; locale: Locale }) {
  const vi = locale === "vi";
  const dl = (table: string, format: string) => `/api/v1/dashboards/unit/${unitCode}?format=${format}&table=${table}`;
  return (
    <section aria-labelledby="dashboard" className="dashboard">
      <h2 id="dashboard">{vi ? "Tổng quan tiến độ" : "Progress overview"}</h2>
      <p className="toolbar no-print">
        <span>{vi ? "Tải bảng trạng thái:" : "Download the status table:"}</span>
        <a href={dl("status", "csv")} download>CSV</a>
        <a href={dl("status", "xlsx")} download>XLSX</a>
        <span>{vi ? "Bảng chỉ số theo năm:" : "Indicators by year:"}</span>
        <a href={dl("indicators", "csv")} download>CSV</a>
        <a href={dl("indicators", "xlsx")} download>XLSX</a>
      </p>
      <StatusSummary counts={counts} locale={locale} caption={vi ? `Chỉ tiêu theo trạng thái (${counts.total} chỉ tiêu)` : `Targets by status (${counts.total} targets)`} />
      <h3>{vi ? "Xu hướng các chỉ số" : "Indicator trends"}</h3>
      {trends.length === 0 ? (
        <p className="muted" data-empty="trends">
          {vi ? "Chưa có kết quả được công bố cho đơn vị này." : "No published results for this unit yet."}
        </p>
      ) : (
        <div className="chart-group">
        {trends.map((tr) => {
          const labels = tr.years.map(String);
          const name = `${tr.indicator} (${tr.measureUnit}) ${vi ? "theo năm" : "by year"}`;
          const short = (x: string) => (x.length > 48 ? `${x.slice(0, 47)}…` : x);
          const cols = tr.series.map((s) => ({ label: s.label ? `${s.unit} — ${s.label}` : s.unit, values: s.values }));
          const chartCols = cols.map((c) => ({ ...c, label: short(c.label) }));
          return (
            <div className="chart-item" key={tr.indicatorCode} data-trend={tr.indicatorCode}>
              <h4>{tr.indicator}</h4>
              <LineChart labels={labels} datasets={chartCols} ariaLabel={name} caption={name} locale={locale} />
              <ChartDataTable caption={name} labels={labels} labelHeader={vi ? "Năm" : "Year"} columns={cols} locale={locale} seriesAsRows />
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
  const vi = locale === "vi";
  const items = trend.series.flatMap((s) =>
    trend.years.flatMap((y, i) => {
      const q = s.qualifiers[i];
      const v = s.values[i];
      if (v === null || v === undefined || !q || q === "EXACT") return [];
      const word = q === "OVER" ? (vi ? "hơn" : "over") : vi ? "khoảng" : "about";
      return [`${y} – ${s.unit}${s.label ? ` (${s.label})` : ""}: ${word} ${formatNumber(v, { locale })} ${trend.measureUnit}`];
    }),
  );
  if (items.length === 0) return null;
  return (
    <div className="muted approx-note">
      <p>{vi ? "Theo nguồn, các giá trị sau là số xấp xỉ, không phải số chính xác:" : "The source gives these values as bounds or approximations:"}</p>
      <ul>
        {items.map((x) => (
          <li key={x}>{x}</li>
        ))}
      </ul>
    </div>
  );
}
