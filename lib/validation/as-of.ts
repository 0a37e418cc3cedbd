// ?asOf= on the public pages (the API answers 400 instead: lib/validation/api.ts ZAsOf).
import { parseVietnameseDate } from "../domain/numbers";

/**
 * The date progress is computed for, from ?asOf= (today when absent): typed as the people who
 * use the portal write it, dd/mm/yyyy, or YYYY-MM-DD as links and the API give it. A date that
 * is not real, or outside 1945–2100, is reported and replaced by today: never an error page.
 */
export function readAsOf(raw: string | string[] | undefined, today: string): { asOf: string; invalid: boolean } {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === "") return { asOf: today, invalid: false };
  const parsed = parseVietnameseDate(v.slice(0, 40));
  if (!parsed.ok) return { asOf: today, invalid: true };
  const year = Number(parsed.value.slice(0, 4));
  if (year >= 1945 && year <= 2100) return { asOf: parsed.value, invalid: false };
  return { asOf: today, invalid: true };
}
