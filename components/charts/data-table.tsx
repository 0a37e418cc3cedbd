import { formatNumber, type Locale } from "@/lib/domain/numbers";
import { messages } from "@/lib/i18n/messages";

type TColumn = { label: string; values: (number | null)[]; texts?: string[] };

/**
 * The table alternative of a chart (server-rendered): same labels and numbers. One row per
 * label and one column per series, or (`seriesAsRows`, for many or long series names and few
 * years) the other way round.
 */
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
  columns: TColumn[];
  locale: Locale;
  extra?: { label: string; cells: React.ReactNode[] };
  seriesAsRows?: boolean;
}) {
  const d = messages(locale).dashboards;
  const cell = (c: TColumn, i: number) => c.texts?.[i] ?? formatNumber(c.values[i] ?? null, { locale, maxFractionDigits: 2 });
  // Rows and columns of the table, whichever way round.
  const rows = seriesAsRows
    ? columns.map((c) => ({ key: c.label, head: c.label, cells: labels.map((_, i) => cell(c, i)), extra: undefined }))
    : labels.map((l, i) => ({ key: l, head: l, cells: columns.map((c) => cell(c, i)), extra: extra?.cells[i] }));
  const headers = seriesAsRows ? labels : columns.map((c) => c.label);
  return (
    <details className="chart-table">
      <summary>{d.showAsTable}</summary>
      <div className="table-wrap">
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{seriesAsRows ? d.seriesHeader : labelHeader}</th>
              {headers.map((h) => (
                <th scope="col" className="num" key={h}>
                  {h}
                </th>
              ))}
              {!seriesAsRows && extra && <th scope="col">{extra.label}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.head}</th>
                {r.cells.map((c, i) => (
                  <td className="num" key={headers[i]}>
                    {c}
                  </td>
                ))}
                {!seriesAsRows && extra && <td>{r.extra}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
