import "server-only";
// Public overview: how many published targets are in each status, as of a date.
// For today the database counts them from the progress summary (GROUP BY); for another
// date they are computed. Either way the statuses come from the one progress function.
import { cachedPublic } from "../cache/public";
import { isoDateInTimeZone } from "../domain/numbers";
import { countStatuses } from "./dashboards";
import { listTargetProgress } from "./progress";
import { db } from "../db/client";
import { countSummaryStatuses, countSummaryStatusesByPlan, summaryUsable, type TStatusCounts } from "./progress-summary";
import { listUnits, unitScope } from "./units";

export type { TStatusCounts };

/** The unit ids a unit code stands for (itself, below it, merged into it); null for an unknown code. */
async function scopeOf(unitCode: string): Promise<string[] | null> {
  const units = await listUnits();
  const unit = units.find((u) => u.code === unitCode);
  return unit ? [...unitScope(units, unit.id)] : null;
}

export type TPlanStatusRow = { planId: string; planCode: string | null; planTitle: string; issueYear: number; counts: TStatusCounts };

/** A unit's published targets by status, per plan (newest plans first); null for an unknown unit. */
async function loadListPlanStatusCounts(asOf: string, unitCode: string): Promise<TPlanStatusRow[] | null> {
  const unitIds = await scopeOf(unitCode);
  if (!unitIds) return null;
  let byPlan: Map<string, TStatusCounts>;
  if (await summaryUsable(asOf, isoDateInTimeZone())) {
    byPlan = await countSummaryStatusesByPlan(unitIds);
  } else {
    const rows = (await listTargetProgress({ asOf, unit: unitCode })) ?? [];
    byPlan = new Map([...new Set(rows.map((r) => r.planId))].map((id) => [id, countStatuses(rows.filter((r) => r.planId === id))]));
  }
  const plans = await db().plan.findMany({
    where: { id: { in: [...byPlan.keys()] } },
    select: { id: true, code: true, title: true, issueYear: true },
    orderBy: [{ issueYear: "desc" }, { code: "asc" }, { id: "asc" }],
  });
  return plans.map((p) => ({ planId: p.id, planCode: p.code, planTitle: p.title, issueYear: p.issueYear, counts: byPlan.get(p.id)! }));
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPlanStatusCounts(asOf: string, unitCode: string): Promise<TPlanStatusRow[] | null> {
  return cachedPublic(["plan-status-counts", asOf, unitCode], () => loadListPlanStatusCounts(asOf, unitCode));
}

/** Counts for every published target, or for one unit's (with the units below and merged into it); null for an unknown unit. */
async function loadGetStatusCounts(asOf: string, unitCode?: string): Promise<TStatusCounts | null> {
  let unitIds: string[] | null = null;
  if (unitCode !== undefined) {
    unitIds = await scopeOf(unitCode);
    if (!unitIds) return null;
  }
  if (await summaryUsable(asOf, isoDateInTimeZone())) return countSummaryStatuses(unitIds);
  return countStatuses((await listTargetProgress({ asOf, unit: unitCode })) ?? []);
}

/** Cached for the public until the next write (lib/cache/public). */
export function getStatusCounts(asOf: string, unitCode?: string): Promise<TStatusCounts | null> {
  return cachedPublic(["status-counts", asOf, unitCode ?? null], () => loadGetStatusCounts(asOf, unitCode));
}
