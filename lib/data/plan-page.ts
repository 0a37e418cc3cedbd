import "server-only";
// What a plan's page reads (docs/domain.md, "A plan's page at national size"). A plan small
// enough to show whole is read whole. A large one, for today, is read in parts: its table of
// units is counted by the database from the progress summary (each top-level target's block
// under its unit, as lib/data/plan-view.ts groups them), and only the shown unit's targets and
// their results are read; so a city's plan of 3.000 targets costs one unit's reading after a
// write, not the whole plan's. Another day than today is computed from the whole plan.
import { Prisma } from "../generated/prisma/client";
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { isoDateInTimeZone } from "../domain/numbers";
import { STATUS_ORDER, type Progress, type ProgressStatus } from "../domain/progress";
import { emptyCounts, pickUnit, PLAN_ROWS_MAX, planView, planViewOfUnit, sortUnitBlocks, type TPlanUnitBlock, type TPlanView } from "./plan-view";
import { getPublishedPlan, getPublishedPlanHead, loadTargetsWithResults, type TPlanHead, type TTargetRow } from "./plans";
import { summaryUsable } from "./progress-summary";
import { progressOf } from "./target-view";
import { listUnits } from "./units";

export type TPlanPage = { plan: TPlanHead; view: TPlanView; progress: Map<string, Progress> };

type TViewOpts = { asOf: string; unitKey?: string | null; page?: number | null; unitsPage?: number | null };

/** The published plan `id` as its page shows it; null when there is none. */
export async function readPlanPage(id: string, opts: TViewOpts): Promise<TPlanPage | null> {
  const head = await getPublishedPlanHead(id);
  if (!head) return null;
  const today = isoDateInTimeZone();
  if (head._count.targets > PLAN_ROWS_MAX && opts.asOf === today && (await summaryUsable(today, today))) {
    const units = await cachedPublic(["plan-units", id, today], () => loadUnitBlocks(id));
    if (units.length > 0) {
      const picked = pickUnit(units, { issuerUnitId: head.issuerUnit.id, unitKey: opts.unitKey });
      const targets = await cachedPublic(["plan-unit-targets", id, picked.unit.id], () => loadUnitTargets(id, picked.unit.id));
      return { plan: head, view: planViewOfUnit(units, picked, targets, opts), progress: progressOf(targets, opts.asOf) };
    }
  }
  const plan = await getPublishedPlan(id);
  if (!plan) return null;
  const progress = progressOf(plan.targets, opts.asOf);
  return { plan: head, view: planView(plan.targets, progress, { issuerUnitId: head.issuerUnit.id, ...opts }), progress };
}

/**
 * The plan's published targets, each with the unit of its block: a top-level target's own unit
 * (top-level: no parent among the plan's published targets), and its sub-targets' the same.
 */
const blocksSql = (planId: string) => Prisma.sql`
  WITH RECURSIVE pub AS (
    SELECT "id", "parentId", "unitId" FROM "target" WHERE "planId" = ${planId} AND "status" = 'PUBLISHED'
  ), tree AS (
    SELECT p."id", p."unitId" AS "block", 0 AS "depth" FROM pub p
    WHERE p."parentId" IS NULL OR NOT EXISTS (SELECT 1 FROM pub q WHERE q."id" = p."parentId")
    UNION ALL
    SELECT c."id", tree."block", tree."depth" + 1 FROM pub c JOIN tree ON c."parentId" = tree."id"
  )`;

/** Every unit with targets in the plan: its targets, top-level targets and today's statuses (from the summary). */
async function loadUnitBlocks(planId: string): Promise<TPlanUnitBlock[]> {
  const [rows, units] = await Promise.all([
    db().$queryRaw<{ block: string; status: string | null; n: number; tops: number }[]>`
      ${blocksSql(planId)}
      SELECT tree."block", tp."status", count(*)::int AS n, (count(*) FILTER (WHERE tree."depth" = 0))::int AS tops
      FROM tree LEFT JOIN "target_progress" tp ON tp."targetId" = tree."id"
      GROUP BY tree."block", tp."status"`,
    listUnits(),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const blocks = new Map<string, TPlanUnitBlock>();
  for (const r of rows) {
    const unit = byId.get(r.block);
    if (!unit) continue;
    const b = blocks.get(r.block) ?? blocks.set(r.block, { unit, targets: 0, tops: 0, counts: emptyCounts() }).get(r.block)!;
    b.targets += r.n;
    b.tops += r.tops;
    if (r.status && (STATUS_ORDER as readonly string[]).includes(r.status)) b.counts[r.status as ProgressStatus] += r.n;
  }
  return sortUnitBlocks([...blocks.values()]);
}

/** The targets of one unit's block, with their public results. */
async function loadUnitTargets(planId: string, unitId: string): Promise<TTargetRow[]> {
  const ids = await db().$queryRaw<{ id: string }[]>`
    ${blocksSql(planId)}
    SELECT tree."id" FROM tree WHERE tree."block" = ${unitId}`;
  return loadTargetsWithResults({ id: { in: ids.map((r) => r.id) } });
}
