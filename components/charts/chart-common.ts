// Shared, client-safe chart settings: colours that also differ in dash pattern and point style.
import { formatNumber, type Locale } from "@/lib/domain/numbers";

export type TChartDataset = { label: string; values: (number | null)[] };
export type TChartProps = { labels: string[]; datasets: TChartDataset[]; ariaLabel: string; caption: string; locale: Locale };

export const PALETTE = ["#1f5fa8", "#b3541e", "#2e7d32", "#6a1b9a", "#00838f", "#5d4037"];
export const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 1], [12, 6]];
export const POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"] as const;
/** Bar fills: solid, light, outline-ish, so bars differ without colour. */
export const BAR_ALPHA = ["ff", "66", "22", "aa", "44", "88"];

export const fmt = (v: number | null | undefined, locale: Locale) => formatNumber(v ?? null, { locale, maxFractionDigits: 2 });
