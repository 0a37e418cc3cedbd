import "server-only";
// Public overview: how many published targets are in each status, as of a date.
// For today the database counts them from the progress summary (GROUP BY); for another
// date they are computed. Either way the statuses come from the one progress function.
import { cachedPublic } from "../cache/public";
import { isoDateInTimeZone } from "../domain/numbers";
import { countStatuses } from "./dashboards";
import { listTargetProgress } from "./progress";
import { countSummaryStatuses, summaryUsable, type TStatusCounts } from "./progress-summary";
import { listUnits, unitScope } from "./units";

export type { TStatusCounts };

/** Counts for every published target, or for one unit's (with the units below and merged into it); null for an unknown unit. */
async function loadGetStatusCounts(asOf: string, unitCode?: string): Promise<TStatusCounts | null> {
  let unitIds: string[] | null = null;
  if (unitCode !== undefined) {
    const units = await listUnits();
    const unit = units.find((u) => u.code === unitCode);
    if (!unit) return null;
    unitIds = [...unitScope(units, unit.id)];
  }
  if (await summaryUsable(asOf, isoDateInTimeZone())) return countSummaryStatuses(unitIds);
  return countStatuses((await listTargetProgress({ asOf, unit: unitCode })) ?? []);
}

/** Cached for the public until the next write (lib/cache/public). */
export function getStatusCounts(asOf: string, unitCode?: string): Promise<TStatusCounts | null> {
  return cachedPublic(["status-counts", asOf, unitCode ?? null], () => loadGetStatusCounts(asOf, unitCode));
}
