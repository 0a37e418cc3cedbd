import { formatNumber, type Locale } from "@/lib/domain/numbers";
import { messages } from "@/lib/i18n/messages";

/** The table alternative of a chart (server-rendered): same labels and numbers. */
export function ChartDataTable({
  caption,
  labels,
  labelHeader,
  columns,
  locale,
  extra,
  seriesAsRows = false,
}: {
  caption: string;
  labels: string[];
  labelHeader: string;
  /** `texts`: the cells already in words ("khoảng 25.000 người", "từ 2 đến 3 điểm %"), shown instead of the bare numbers. */
  columns: { label: string; values: (number | null)[]; texts?: string[] }[];
  locale: Locale;
  extra?: { label: string; cells: React.ReactNode[] };
  /** One row per series and one column per label (for many or long series names, few years). */
  seriesAsRows?: boolean;
}) {
  const d = messages(locale).dashboards;
  const fmt = (v: number | null | undefined) => formatNumber(v ?? null, { locale, maxFractionDigits: 2 });
  if (seriesAsRows) {
    return (
      <details className="chart-table">
        <summary>{d.showAsTable}</summary>
        <div className="table-wrap">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{d.seriesHeader}</th>
                {labels.map((l) => (
                  <th scope="col" className="num" key={l}>
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  {labels.map((l, i) => (
                    <td className="num" key={l}>
                      {c.texts?.[i] ?? fmt(c.values[i])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    );
  }
  return (
    <details className="chart-table">
      <summary>{d.showAsTable}</summary>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              {columns.map((c) => (
                <th scope="col" className="num" key={c.label}>
                  {c.label}
                </th>
              ))}
              {extra && <th scope="col">{extra.label}</th>}
            </tr>
          </thead>
          <tbody>
            {labels.map((l, i) => (
              <tr key={l}>
                <th scope="row">{l}</th>
                {columns.map((c) => (
                  <td className="num" key={c.label}>
                    {c.texts?.[i] ?? fmt(c.values[i])}
                  </td>
                ))}
                {extra && <td>{extra.cells[i]}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
