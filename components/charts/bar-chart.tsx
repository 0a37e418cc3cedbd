"use client";
import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from "chart.js";
import { Bar } from "react-chartjs-2";
import { BAR_ALPHA, fmt, PALETTE, type TChartProps } from "./chart-common";

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** A bar chart with an accessible name; pair it with a server-rendered data table. */
export function BarChart({ labels, datasets, ariaLabel, caption, locale }: TChartProps) {
  return (
    <figure className="chart">
      <div className="chart-box">
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
            scales: { y: { beginAtZero: true, ticks: { callback: (v) => fmt(Number(v), locale) } } },
            plugins: {
              legend: { position: "bottom" },
              tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${fmt(c.parsed.y, locale)}` } },
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
