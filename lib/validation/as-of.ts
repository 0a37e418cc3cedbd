// ?asOf= on the public pages (the API answers 400 instead: lib/validation/api.ts ZAsOf).
import { isIsoDate } from "../domain/numbers";

/**
 * The date progress is computed for, from ?asOf=YYYY-MM-DD (today when absent). A date that is
 * not real, or outside 1945–2100, is reported and replaced by today: never an error page.
 */
export function readAsOf(raw: string | string[] | undefined, today: string): { asOf: string; invalid: boolean } {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v === "") return { asOf: today, invalid: false };
  const year = Number(v.slice(0, 4));
  if (isIsoDate(v) && year >= 1945 && year <= 2100) return { asOf: v, invalid: false };
  return { asOf: today, invalid: true };
}
