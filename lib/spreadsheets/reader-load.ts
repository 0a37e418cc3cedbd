import "server-only";
// Loads what the downloads for people hold, through the public data functions (published data
// only, cached until the next write: lib/cache/public.ts), and shapes it (reader.ts). Progress
// comes from the one progress function, as on the pages: progressOf for a plan's targets (the
// plan and unit pages), listTargetProgress for the progress table (the API and the home page).
import { countStatuses } from "../data/dashboards";
import { listPlanStatusCounts } from "../data/overview";
import { getPublishedPlan, listPublishedPlans, type TPlanDetail } from "../data/plans";
import { listTargetProgress } from "../data/progress";
import { listPublishedResultsForUnits } from "../data/results";
import { progressOf } from "../data/target-view";
import { listUnits, unitScope } from "../data/units";
import { UNIT_KEY_PATTERN } from "../domain/ids";
import { unitTree } from "../domain/unit-tree";
import { planReaderBook, progressReaderBook, unitReaderBook, type TProgressLine, type TReaderContext } from "./reader";
import type { TReaderBook } from "./reader-format";

/** Most results a unit's workbook lists (as many as the unit page's trends read). */
const UNIT_RESULTS = 5000;

async function publishedPlans(ids: string[]): Promise<TPlanDetail[]> {
  const plans = await Promise.all(ids.map((id) => getPublishedPlan(id)));
  return plans.filter((p): p is TPlanDetail => p !== null);
}

/** A published plan's workbook; null when no published plan has this id. */
export async function loadPlanReaderBook(id: string, ctx: TReaderContext): Promise<TReaderBook | null> {
  const plan = await getPublishedPlan(id);
  if (!plan) return null;
  return planReaderBook(plan, progressOf(plan.targets, ctx.asOf), ctx);
}

/** A unit's workbook (by its key: "94", "92-2025"); null when no unit has this key. */
export async function loadUnitReaderBook(key: string, ctx: TReaderContext): Promise<TReaderBook | null> {
  if (!UNIT_KEY_PATTERN.test(key)) return null;
  const units = await listUnits();
  const unit = units.find((u) => u.key === key);
  if (!unit) return null;
  const scope = [...unitScope(units, unit.id)];
  const [list, byPlan, results] = await Promise.all([
    listPublishedPlans({ unit: unit.key }, { all: true }),
    listPlanStatusCounts(ctx.asOf, unit.key),
    listPublishedResultsForUnits(scope, { take: UNIT_RESULTS }),
  ]);
  const plans = await publishedPlans(list.items.map((p) => p.id));
  return unitReaderBook(unit, { plans: plans.map((plan) => ({ plan, progress: progressOf(plan.targets, ctx.asOf) })), byPlan: byPlan ?? [], results }, ctx);
}

/** The progress table's workbook (every published target, or a unit's, a year's, an indicator's); null for an unknown unit. */
export async function loadProgressReaderBook(filter: { unit?: string; year?: number; indicator?: string }, ctx: TReaderContext): Promise<TReaderBook | null> {
  const rows = await listTargetProgress({ ...filter, asOf: ctx.asOf });
  if (rows === null) return null;
  const unit = filter.unit ? (unitTree(await listUnits()).withKey(filter.unit) ?? null) : null;
  // The words of each target (wording, unit, group, period) from its plan, as the plan page reads it.
  const plans = new Map((await publishedPlans([...new Set(rows.map((r) => r.planId))])).map((p) => [p.id, p]));
  const lines: TProgressLine[] = rows.map((r) => {
    const plan = plans.get(r.planId);
    return { targetId: r.targetId, progress: r.progress, target: plan?.targets.find((t) => t.id === r.targetId) ?? null, plan: plan ? { code: plan.code, title: plan.title } : null };
  });
  return progressReaderBook(lines, countStatuses(rows), { unit, year: filter.year, indicator: filter.indicator }, ctx);
}
