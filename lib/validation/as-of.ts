// The date progress is computed for ("as of"): one range for the public pages' ?asOf= (here) and
// the API's asOf= (lib/validation/api.ts ZAsOf, which answers 400 instead).
import { parseVietnameseDate } from "../domain/numbers";

/** The first and last dates progress may be computed for: the years a plan or a result may have (1945–2100). */
export const AS_OF_MIN = "1945-01-01";
export const AS_OF_MAX = "2100-12-31";

/** Is this real date (YYYY-MM-DD) within AS_OF_MIN…AS_OF_MAX? (Such strings compare as dates.) */
export const asOfInRange = (isoDate: string): boolean => isoDate >= AS_OF_MIN && isoDate <= AS_OF_MAX;

/**
 * The date progress is computed for, from ?asOf= (today when absent): typed as the people who
 * use the portal write it, dd/mm/yyyy, or YYYY-MM-DD as links and the API give it. A date that
 * is not real, or outside AS_OF_MIN…AS_OF_MAX, is reported and replaced by today: never an error page.
 */
export function readAsOf(raw: string | string[] | undefined, today: string): { asOf: string; invalid: boolean } {
  const v = Array.isArray(raw) ? raw[0] : raw;
  if (v === undefined || v.trim() === "") return { asOf: today, invalid: false };
  const parsed = parseVietnameseDate(v.slice(0, 40));
  if (parsed.ok && asOfInRange(parsed.value)) return { asOf: parsed.value, invalid: false };
  return { asOf: today, invalid: true };
}
