"use client";
// The charts as pages use them: chart.js and its React wrapper load after the page, only where a
// chart is shown (they are a quarter of a page's JavaScript), in a box of the chart's size so the
// page does not jump. Every chart has a data table beside it, rendered on the server, which is
// what a reader without JavaScript (or before the chart loads) reads.
import dynamic from "next/dynamic";

const box = () => <div className="chart-box chart-loading" aria-hidden="true" />;

export const BarChart = dynamic(() => import("./bar-chart").then((m) => m.BarChart), { ssr: false, loading: box });
export const LineChart = dynamic(() => import("./line-chart").then((m) => m.LineChart), { ssr: false, loading: box });
