import "server-only";
// Public overview: how many published targets are in each status, as of a date.
// For today the database counts them from the progress summary (GROUP BY); for another
// date they are computed. Either way the statuses come from the one progress function.
import { cachedPublic } from "../cache/public";
import { isoDateInTimeZone } from "../domain/numbers";
import { countStatuses } from "./dashboards";
import { listTargetProgress } from "./progress";
import { db } from "../db/client";
import type { Progress } from "../domain/progress";
import { withTargetNumbers } from "./decimal";
import { targetSelect } from "./plans";
import { BEHIND_STATUSES, countSummaryStatuses, countSummaryStatusesByPlan, listSummaryBehind, summaryUsable, type TStatusCounts } from "./progress-summary";
import { unitScopeByCode } from "./units";

export type { TStatusCounts };

export type TPlanStatusRow = { planId: string; planCode: string | null; planTitle: string; issueYear: number; counts: TStatusCounts };

/** A unit's published targets by status, per plan (newest plans first); null for an unknown unit. */
async function loadListPlanStatusCounts(asOf: string, unitCode: string): Promise<TPlanStatusRow[] | null> {
  const unitIds = await unitScopeByCode(unitCode);
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

/**
 * Today's published targets by status for every plan, for the status line of plan cards; an
 * empty map when the summary cannot answer now (the cards then show no line, never a wrong one).
 */
export function listTodayStatusCountsByPlan(): Promise<Map<string, TStatusCounts>> {
  const today = isoDateInTimeZone();
  return cachedPublic(["plan-status-today", today], async () => ((await summaryUsable(today, today)) ? countSummaryStatusesByPlan(null) : new Map()));
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPlanStatusCounts(asOf: string, unitCode: string): Promise<TPlanStatusRow[] | null> {
  return cachedPublic(["plan-status-counts", asOf, unitCode], () => loadListPlanStatusCounts(asOf, unitCode));
}

const BEHIND_LIMIT = 10;

export type TBehindTarget = {
  progress: Progress;
  target: Awaited<ReturnType<typeof loadTargetsForList>>[number];
};

async function loadTargetsForList(ids: string[]) {
  const rows = await db().target.findMany({
    where: { id: { in: ids } },
    select: { ...targetSelect, unitId: true, plan: { select: { id: true, code: true, title: true } } },
  });
  return rows.map(withTargetNumbers);
}

/**
 * "Where are we behind": published targets missed, off track or at risk, worst first, then the
 * lowest share achieved (at most ten); for one unit's scope when a code is given. Null for an unknown unit.
 */
async function loadListTargetsBehind(asOf: string, unitCode?: string): Promise<{ items: TBehindTarget[]; total: number } | null> {
  let unitIds: string[] | null = null;
  if (unitCode !== undefined) {
    unitIds = await unitScopeByCode(unitCode);
    if (!unitIds) return null;
  }
  const counts = (await getStatusCounts(asOf, unitCode))!;
  const total = BEHIND_STATUSES.reduce((n, s) => n + counts[s], 0);
  let picked: { targetId: string; progress: Progress }[];
  if (await summaryUsable(asOf, isoDateInTimeZone())) {
    picked = await listSummaryBehind(unitIds, BEHIND_LIMIT);
  } else {
    const rank = (s: string) => (BEHIND_STATUSES as readonly string[]).indexOf(s);
    const rows = ((await listTargetProgress({ asOf, unit: unitCode })) ?? []).filter((r) => rank(r.progress.status) >= 0);
    rows.sort((a, b) => rank(a.progress.status) - rank(b.progress.status) || (a.progress.percent ?? Infinity) - (b.progress.percent ?? Infinity));
    picked = rows.slice(0, BEHIND_LIMIT);
  }
  const targets = new Map((await loadTargetsForList(picked.map((p) => p.targetId))).map((t) => [t.id, t]));
  return { items: picked.flatMap((p) => (targets.has(p.targetId) ? [{ progress: p.progress, target: targets.get(p.targetId)! }] : [])), total };
}

/** Cached for the public until the next write (lib/cache/public). */
export function listTargetsBehind(asOf: string, unitCode?: string): Promise<{ items: TBehindTarget[]; total: number } | null> {
  return cachedPublic(["targets-behind", asOf, unitCode ?? null], () => loadListTargetsBehind(asOf, unitCode));
}

/** Counts for every published target, or for one unit's (with the units below and merged into it); null for an unknown unit. */
async function loadGetStatusCounts(asOf: string, unitCode?: string): Promise<TStatusCounts | null> {
  let unitIds: string[] | null = null;
  if (unitCode !== undefined) {
    unitIds = await unitScopeByCode(unitCode);
    if (!unitIds) return null;
  }
  if (await summaryUsable(asOf, isoDateInTimeZone())) return countSummaryStatuses(unitIds);
  return countStatuses((await listTargetProgress({ asOf, unit: unitCode })) ?? []);
}

/** Cached for the public until the next write (lib/cache/public). */
export function getStatusCounts(asOf: string, unitCode?: string): Promise<TStatusCounts | null> {
  return cachedPublic(["status-counts", asOf, unitCode ?? null], () => loadGetStatusCounts(asOf, unitCode));
}
