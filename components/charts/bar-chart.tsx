"use client";
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type LegendItem } from "chart.js";
import { Bar } from "react-chartjs-2";
import { BAR_ALPHA, fmt, PALETTE, TARGET_BORDER, TARGET_FILL, TONE_COLOURS, type TChartProps, type TChartTone } from "./chart-common";

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export type TBarDataset = {
  label: string;
  /** One value per label; [from, to] draws a floating bar (a required range "từ 2 đến 3"). */
  values: (number | [number, number] | null)[];
  /** The tooltip line of each bar, already in words (value with unit, status); else "label: value". */
  tooltips?: string[];
  /** Colour each bar by its status tone (the badges' colours). */
  tones?: TChartTone[] | null;
  /** "target": what a target asks, drawn light grey with an outline. */
  role?: "target" | "measured";
};

/**
 * A bar chart with an accessible name; pair it with a server-rendered data table.
 * `horizontal`: one bar per row (long unit names), the box as tall as the rows need.
 */
export function BarChart({
  labels,
  datasets,
  ariaLabel,
  caption,
  locale,
  horizontal = false,
  valueAxisTitle,
  categoryAxisTitle,
}: Omit<TChartProps, "datasets"> & { datasets: TBarDataset[]; horizontal?: boolean }) {
  const value = horizontal ? "x" : "y";
  const category = horizontal ? "y" : "x";
  const toned = (i: number) => Boolean(datasets[i]?.tones);
  return (
    <figure className="chart">
      <div className="chart-box" style={horizontal ? { height: `${Math.max(8, labels.length * datasets.length * 1.9 + 4)}rem` } : undefined}>
        <Bar
          role="img"
          aria-label={ariaLabel}
          data={{
            labels,
            datasets: datasets.map((d, i) => {
              if (d.tones) {
                const colours = d.tones.map((t) => TONE_COLOURS[t]);
                return { label: d.label, data: d.values, backgroundColor: colours, borderColor: colours, borderWidth: 2 };
              }
              if (d.role === "target") return { label: d.label, data: d.values, backgroundColor: TARGET_FILL, borderColor: TARGET_BORDER, borderWidth: 2 };
              return {
                label: d.label,
                data: d.values,
                backgroundColor: PALETTE[i % PALETTE.length]! + BAR_ALPHA[i % BAR_ALPHA.length]!,
                borderColor: PALETTE[i % PALETTE.length],
                borderWidth: 2,
              };
            }),
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            locale: locale === "vi" ? "vi-VN" : "en-US",
            indexAxis: horizontal ? "y" : "x",
            scales: {
              [value]: {
                beginAtZero: true,
                title: { display: Boolean(valueAxisTitle), text: valueAxisTitle ?? "" },
                ticks: { callback: (v: number | string) => fmt(Number(v), locale) },
              },
              [category]: { title: { display: Boolean(categoryAxisTitle), text: categoryAxisTitle ?? "" } },
            },
            plugins: {
              legend: {
                position: "bottom",
                display: datasets.length > 1 || !horizontal,
                labels: {
                  // A series coloured by status has no single colour: its key is neutral (the figure
                  // caption says what the colours mean, tooltips and the table name each status).
                  generateLabels: (chart) =>
                    ChartJS.defaults.plugins.legend.labels.generateLabels(chart).map((item: LegendItem) =>
                      item.datasetIndex !== undefined && toned(item.datasetIndex)
                        ? { ...item, fillStyle: TONE_COLOURS.neutral, strokeStyle: TONE_COLOURS.neutral }
                        : item,
                    ),
                },
              },
              tooltip: {
                callbacks: {
                  label: (c) =>
                    datasets[c.datasetIndex]?.tooltips?.[c.dataIndex] ?? `${c.dataset.label}: ${fmt(horizontal ? c.parsed.x : c.parsed.y, locale)}`,
                },
              },
            },
          }}
        >
          {ariaLabel}
        </Bar>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
