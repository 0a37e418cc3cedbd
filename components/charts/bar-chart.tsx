"use client";
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from "chart.js";
import { Bar } from "react-chartjs-2";
import { BAR_ALPHA, fmt, PALETTE, type TChartProps } from "./chart-common";

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * A bar chart with an accessible name; pair it with a server-rendered data table.
 * `horizontal`: one bar per row (long unit names), the box as tall as the rows need.
 */
export function BarChart({ labels, datasets, ariaLabel, caption, locale, horizontal = false }: TChartProps & { horizontal?: boolean }) {
  const value = horizontal ? "x" : "y";
  return (
    <figure className="chart">
      <div className="chart-box" style={horizontal ? { height: `${Math.max(8, labels.length * datasets.length * 1.9 + 4)}rem` } : undefined}>
        <Bar
          role="img"
          aria-label={ariaLabel}
          data={{
            labels,
            datasets: datasets.map((d, i) => ({
              label: d.label,
              data: d.values,
              backgroundColor: PALETTE[i % PALETTE.length]! + BAR_ALPHA[i % BAR_ALPHA.length]!,
              borderColor: PALETTE[i % PALETTE.length],
              borderWidth: 2,
            })),
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            locale: locale === "vi" ? "vi-VN" : "en-US",
            indexAxis: horizontal ? "y" : "x",
            scales: { [value]: { beginAtZero: true, ticks: { callback: (v: number | string) => fmt(Number(v), locale) } } },
            plugins: {
              legend: { position: "bottom", display: datasets.length > 1 || !horizontal },
              tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${fmt(horizontal ? c.parsed.x : c.parsed.y, locale)}` } },
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
