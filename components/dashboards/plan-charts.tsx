import { BarChart } from "@/components/charts/lazy";
import { ChartDataTable } from "@/components/charts/data-table";
import { DownloadLinks, withQuery } from "@/components/downloads/download-links";
import type { TPlanChart, TPlanChartGroup } from "@/lib/data/dashboards";
import { formatPercent, type Locale } from "@/lib/domain/numbers";
import { messages } from "@/lib/i18n/messages";

/**
 * "Biểu đồ tiến độ": required vs achieved per year (or for the whole period), or the level vs the
 * value for a reach target without a baseline; sub-targets beside their parent. Each chart names
 * its unit on the value axis and says what it plots; result bars take their status's colour, and
 * the status is also said in the tooltip, the caption and the data table.
 */
export function PlanCharts({ planId, asOf, groups, locale }: { planId: string; asOf?: string; groups: TPlanChartGroup[]; locale: Locale }) {
  const q = asOf ? `&asOf=${asOf}` : "";
  const d = messages(locale).dashboards;
  const title = d.planChartTitle;
  return (
    <section aria-labelledby="progress-chart" className="dashboard">
      <h2 id="progress-chart">{title}</h2>
      {/* The workbook for people, then the target × year table in the API's machine-readable form. */}
      <DownloadLinks
        xlsx={withQuery(`/plans/${planId}/download`, { asOf })}
        machine={[
          { label: "CSV", href: `/api/v1/dashboards/plan/${planId}?format=csv${q}` },
          { label: "XLSX", href: `/api/v1/dashboards/plan/${planId}?format=xlsx${q}` },
        ]}
        locale={locale}
      />
      {groups.length === 0 ? (
        <p className="muted" data-empty="progress-chart">
          {d.planEmpty}
        </p>
      ) : (
        <>
          <p className="muted chart-key">{d.colourKey}</p>
          {groups.map((g) => (
            <div className="chart-group" key={g.parentId} data-chart-group={g.parentId}>
              {g.charts.map((c) => (
                <PlanChart key={c.targetId} c={c} locale={locale} />
              ))}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function PlanChart({ c, locale }: { c: TPlanChart; locale: Locale }) {
  const d = messages(locale).dashboards;
  const labels = c.rows.map((r) => (r.year === null ? r.period : String(r.year)));
  const name = c.measure === "level" ? d.levelAndActual(c.title) : d.requiredAndAchieved(c.title);
  const measured = c.series.find((s) => s.role === "measured");
  // The caption says each value and its status in words, so colour is never the only signal.
  const verdict = c.rows
    .map((r, i) => {
      const value = measured?.values[i] === null || !measured ? "" : `${measured.texts[i]} — `;
      return `${r.year ?? r.period}: ${value}${r.statusLabel}${r.percent === null ? "" : ` (${formatPercent(r.percent, { locale })})`}`;
    })
    .join("; ");
  const columns = [
    ...c.series.map((s) => ({ label: s.label, values: s.values.map((v) => (Array.isArray(v) ? v[0] : v)), texts: s.texts })),
    ...(c.valuesBehind ? [{ label: c.valuesBehind.label, values: c.rows.map(() => null), texts: c.valuesBehind.texts }] : []),
  ];
  return (
    <div className={c.parentId ? "chart-item sub" : "chart-item"} data-chart-target={c.targetId}>
      <h3>
        {c.parentId && <span className="sub-mark">↳ {d.ofWhich} </span>}
        {c.title}
      </h3>
      <BarChart
        labels={labels}
        datasets={c.series.map((s) => ({ label: s.label, values: s.values, tooltips: s.tooltips, tones: s.tones, role: s.role }))}
        valueAxisTitle={c.axisTitle}
        categoryAxisTitle={d.year}
        ariaLabel={`${name}. ${c.axisTitle}. ${c.note} ${verdict}`}
        caption={`${c.note} ${verdict}.`}
        locale={locale}
      />
      <ChartDataTable
        caption={`${name} — ${c.axisTitle}`}
        labels={labels}
        labelHeader={d.year}
        columns={columns}
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
}
