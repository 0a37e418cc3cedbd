"use client";
import { CategoryScale, Chart as ChartJS, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";
import { Line } from "react-chartjs-2";
import { DASHES, fmt, PALETTE, POINTS, type TChartProps } from "./chart-common";

ChartJS.register(LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** A line chart (one line per series, each with its own dash and point style); pair it with a data table. */
export function LineChart({ labels, datasets, ariaLabel, caption, locale, valueAxisTitle, categoryAxisTitle }: TChartProps) {
  return (
    <figure className="chart">
      <div className="chart-box">
        <Line
          role="img"
          aria-label={ariaLabel}
          data={{
            labels,
            datasets: datasets.map((d, i) => ({
              label: d.label,
              data: d.values,
              borderColor: PALETTE[i % PALETTE.length],
              backgroundColor: PALETTE[i % PALETTE.length],
              borderDash: DASHES[i % DASHES.length],
              pointStyle: POINTS[i % POINTS.length],
              pointRadius: 5,
              spanGaps: true,
            })),
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            locale: locale === "vi" ? "vi-VN" : "en-US",
            scales: {
              x: { offset: true, title: { display: Boolean(categoryAxisTitle), text: categoryAxisTitle ?? "" } },
              y: { beginAtZero: true, title: { display: Boolean(valueAxisTitle), text: valueAxisTitle ?? "" }, ticks: { callback: (v) => fmt(Number(v), locale) } },
            },
            plugins: {
              legend: { position: "bottom", labels: { usePointStyle: true } },
              tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${fmt(c.parsed.y, locale)}` } },
            },
          }}
        >
          {ariaLabel}
        </Line>
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
