import { BarChart } from "@/components/charts/bar-chart";
import { ChartDataTable } from "@/components/charts/data-table";
import type { TPlanChartGroup } from "@/lib/data/dashboards";
import { formatPercent, type Locale } from "@/lib/domain/numbers";
import { dashboardsDictionary } from "@/lib/i18n/dashboards";

/**
 * "Biểu đồ tiến độ": required vs achieved per year (or for the whole period), or the level vs the
 * value for a reach target without a baseline; sub-targets beside their parent.
 */
export function PlanCharts({ planId, asOf, groups, locale }: { planId: string; asOf?: string; groups: TPlanChartGroup[]; locale: Locale }) {
  const q = asOf ? `&asOf=${asOf}` : "";
  const d = dashboardsDictionary[locale];
  const title = d.planChartTitle;
  return (
    <section aria-labelledby="progress-chart" className="dashboard">
      <h2 id="progress-chart">{title}</h2>
      <p className="toolbar no-print">
        <span>{d.planDownload}</span>
        <a href={`/api/v1/dashboards/plan/${planId}?format=csv${q}`} download>
          CSV
        </a>
        <a href={`/api/v1/dashboards/plan/${planId}?format=xlsx${q}`} download>
          XLSX
        </a>
      </p>
      {groups.length === 0 ? (
        <p className="muted" data-empty="progress-chart">
          {d.planEmpty}
        </p>
      ) : (
        groups.map((g) => (
          <div className="chart-group" key={g.parentId} data-chart-group={g.parentId}>
            {g.charts.map((c) => {
              const labels = c.rows.map((r) => (r.year === null ? r.period : String(r.year)));
              const cols =
                c.measure === "level"
                  ? [
                      { label: d.level, values: c.rows.map((r) => r.level) },
                      { label: d.actual, values: c.rows.map((r) => r.actual) },
                    ]
                  : [
                      { label: d.required, values: c.rows.map((r) => r.required) },
                      { label: d.achieved, values: c.rows.map((r) => r.achieved) },
                    ];
              const name = c.measure === "level" ? d.levelAndActual(c.title) : d.requiredAndAchieved(c.title);
              // The caption says the status in words, so colour is never the only signal.
              const verdict = c.rows.map((r) => `${r.year ?? r.period}: ${r.statusLabel} (${formatPercent(r.percent, { locale })})`).join("; ");
              return (
                <div key={c.targetId} className={c.parentId ? "chart-item sub" : "chart-item"} data-chart-target={c.targetId}>
                  <h3>
                    {c.parentId && <span className="sub-mark">↳ {d.ofWhich} </span>}
                    {c.title}
                  </h3>
                  <BarChart labels={labels} datasets={cols} ariaLabel={`${name}. ${verdict}`} caption={`${name}. ${verdict}`} locale={locale} />
                  <ChartDataTable
                    caption={name}
                    labels={labels}
                    labelHeader={d.year}
                    columns={cols}
                    locale={locale}
                    extra={{
                      label: d.percentStatus,
                      cells: c.rows.map((r) => (
                        <>
                          {formatPercent(r.percent, { locale })} · <span className={`status ${r.status}`}>{r.statusLabel}</span>
                        </>
                      )),
                    }}
                  />
                </div>
              );
            })}
          </div>
        ))
      )}
    </section>
  );
}
