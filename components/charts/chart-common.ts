// Shared, client-safe chart settings: colours that also differ in dash pattern and point style.
import { formatNumber, type Locale } from "@/lib/domain/numbers";

export type TChartDataset = { label: string; values: (number | null)[] };
export type TChartProps = {
  labels: string[];
  datasets: TChartDataset[];
  ariaLabel: string;
  caption: string;
  locale: Locale;
  /** The value axis's title, with its unit ("Điểm % giảm", "Số lượng (người)"). */
  valueAxisTitle?: string;
  /** The category axis's title ("Năm"). */
  categoryAxisTitle?: string;
};

export const PALETTE = ["#1f5fa8", "#b3541e", "#2e7d32", "#6a1b9a", "#00838f", "#5d4037"];
export const DASHES: number[][] = [[], [6, 4], [2, 3], [10, 3, 2, 3], [1, 1], [12, 6]];
export const POINTS = ["circle", "rect", "triangle", "rectRot", "crossRot", "star"] as const;
/** Bar fills: solid, light, outline-ish, so bars differ without colour. */
export const BAR_ALPHA = ["ff", "66", "22", "aa", "44", "88"];

/** A status's colour family, as `statusTone` (lib/domain/progress) gives it. */
export type TChartTone = "good" | "warning" | "bad" | "neutral";

/**
 * Bars coloured by status use the status badges' colours: the CSS variables --ok, --warn, --bad
 * and --muted of app/globals.css (a canvas cannot read CSS variables; a unit test keeps them equal).
 */
export const TONE_COLOURS: Record<TChartTone, string> = {
  good: "#1d6b35",
  warning: "#8a5300",
  bad: "#a3161b",
  neutral: "#4a5563",
};

/** What a target asks (required amount, level): light grey with a dark outline, never a status colour. */
export const TARGET_FILL = "#eceff3";
export const TARGET_BORDER = "#4a5563";

export const fmt = (v: number | null | undefined, locale: Locale) => formatNumber(v ?? null, { locale, maxFractionDigits: 2 });
