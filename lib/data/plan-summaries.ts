import "server-only";
// Today's counts by status, kept per plan (docs/architecture.md, "The progress summary").
//
// Counting every published target by status is a GROUP BY over the whole summary (60.000
// targets at national size): too slow to run again after every published figure. So each
// plan's counts (by unit and status) and its targets that need attention are kept in memory
// with the plan's stamp (plan_stamp, moved by triggers whenever the plan, one of its targets or
// one of their summary rows is written, whoever writes). A reader reads the stamps of the
// published plans (one small query) and recounts only the plans whose stamp moved; a write to
// one plan costs one plan's recount. Correct with several processes: the stamps are in the
// database, and a plan is recounted after its stamp is read, so a kept count is never older
// than its stamp.
import { db } from "../db/client";
import type { Db } from "../db/prisma";
import { STATUS_ORDER, type ProgressStatus } from "../domain/progress";
import { emptyStatusCounts, type TStatusCountsLike } from "./dashboards";
import { PUBLIC_RESULT_SQL } from "./public-results";

/** Statuses that need attention, worst first. */
export const BEHIND_STATUSES = ["missed", "off_track", "at_risk"] as const;

/** A published target that needs attention, with what orders the list "where are we behind". */
export type TBehindEntry = { targetId: string; unitId: string; rank: number; percent: number | null; issueYear: number };

export type TPlanSummary = {
  planId: string;
  issuerUnitId: string;
  /** Public results on the plan's published targets. */
  results: number;
  /** The plan's stamp when counted; null when the plan had none (counted again next time). */
  stamp: string | null;
  /** Published targets by unit and status. */
  byUnit: Map<string, TStatusCountsLike>;
  behind: TBehindEntry[];
};

const g = globalThis as unknown as { __planSummaries?: WeakMap<Db, Map<string, TPlanSummary>> };
const stores = (g.__planSummaries ??= new WeakMap());

/**
 * Every published plan's summary, recounting only the plans whose stamp moved since this process
 * last counted them. Read the summary rows of today only: call once the summary is brought up to
 * date for today (summaryUsable).
 */
export async function loadPlanSummaries(): Promise<Map<string, TPlanSummary>> {
  const client = db();
  const store = stores.get(client) ?? stores.set(client, new Map()).get(client)!;
  const plans = await client.$queryRaw<{ id: string; issueYear: number; issuerUnitId: string; stamp: string | null }[]>`
    SELECT p."id", p."issueYear", p."issuerUnitId", s."stamp"::text AS "stamp"
    FROM "plan" p LEFT JOIN "plan_stamp" s ON s."planId" = p."id"
    WHERE p."status" = 'PUBLISHED'`;
  const changed = plans.filter((p) => p.stamp === null || store.get(p.id)?.stamp !== p.stamp);
  const fresh = new Map<string, TPlanSummary>(
    changed.map((p) => [p.id, { planId: p.id, issuerUnitId: p.issuerUnitId, results: 0, stamp: p.stamp, byUnit: new Map(), behind: [] }]),
  );
  if (changed.length > 0) {
    const ids = changed.map((p) => p.id);
    const [counts, behind, results] = await Promise.all([
      client.$queryRaw<{ planId: string; unitId: string; status: string; n: number }[]>`
        SELECT t."planId", t."unitId", tp."status", count(*)::int AS n
        FROM "target" t JOIN "target_progress" tp ON tp."targetId" = t."id"
        WHERE t."planId" = ANY(${ids}::text[]) AND t."status" = 'PUBLISHED'
        GROUP BY t."planId", t."unitId", tp."status"`,
      client.$queryRaw<{ planId: string; targetId: string; unitId: string; status: string; percent: number | null }[]>`
        SELECT t."planId", t."id" AS "targetId", t."unitId", tp."status", tp."percent"::float8 AS "percent"
        FROM "target" t JOIN "target_progress" tp ON tp."targetId" = t."id"
        WHERE t."planId" = ANY(${ids}::text[]) AND t."status" = 'PUBLISHED'
          AND tp."status" IN ('missed', 'off_track', 'at_risk')`,
      // A result's writes move its target's summary row, so its plan's stamp.
      client.$queryRaw<{ planId: string; n: number }[]>`
        SELECT t."planId", count(*)::int AS n
        FROM "result" r JOIN "target" t ON t."id" = r."targetId"
        WHERE t."planId" = ANY(${ids}::text[]) AND t."status" = 'PUBLISHED' AND ${PUBLIC_RESULT_SQL}
        GROUP BY t."planId"`,
    ]);
    for (const r of results) fresh.get(r.planId)!.results = r.n;
    for (const r of counts) {
      const byUnit = fresh.get(r.planId)!.byUnit;
      const c = byUnit.get(r.unitId) ?? byUnit.set(r.unitId, emptyStatusCounts()).get(r.unitId)!;
      if ((STATUS_ORDER as readonly string[]).includes(r.status)) c[r.status as ProgressStatus] += r.n;
      c.total += r.n;
    }
    const year = new Map(changed.map((p) => [p.id, p.issueYear]));
    for (const r of behind) {
      fresh.get(r.planId)!.behind.push({
        targetId: r.targetId,
        unitId: r.unitId,
        rank: (BEHIND_STATUSES as readonly string[]).indexOf(r.status),
        percent: r.percent,
        issueYear: year.get(r.planId)!,
      });
    }
  }
  const out = new Map<string, TPlanSummary>();
  for (const p of plans) out.set(p.id, fresh.get(p.id) ?? store.get(p.id)!);
  // Keep what was read now (plans no longer published are dropped with it).
  store.clear();
  for (const [id, s] of out) if (s.stamp !== null) store.set(id, s);
  return out;
}

/** Published targets per plan and status, of the given units or all (plans with at least one such target). */
export function countByPlan(summaries: ReadonlyMap<string, TPlanSummary>, unitIds: readonly string[] | null): Map<string, TStatusCountsLike> {
  const scope = unitIds ? new Set(unitIds) : null;
  const out = new Map<string, TStatusCountsLike>();
  for (const s of summaries.values()) {
    const counts = emptyStatusCounts();
    for (const [unitId, c] of s.byUnit) {
      if (scope && !scope.has(unitId)) continue;
      for (const st of STATUS_ORDER) counts[st] += c[st];
      counts.total += c.total;
    }
    if (counts.total > 0) out.set(s.planId, counts);
  }
  return out;
}

/**
 * The `limit` targets that need attention most, of the given units or all: worst status first,
 * then the lowest share achieved (none last), then the newest plan, then the target's id.
 */
export function worstBehind(summaries: ReadonlyMap<string, TPlanSummary>, unitIds: readonly string[] | null, limit: number): TBehindEntry[] {
  const scope = unitIds ? new Set(unitIds) : null;
  const all: TBehindEntry[] = [];
  for (const s of summaries.values()) for (const e of s.behind) if (!scope || scope.has(e.unitId)) all.push(e);
  return all.sort(compareBehind).slice(0, limit);
}

export function compareBehind(a: TBehindEntry, b: TBehindEntry): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.percent !== b.percent) return a.percent === null ? 1 : b.percent === null ? -1 : a.percent - b.percent;
  if (a.issueYear !== b.issueYear) return b.issueYear - a.issueYear;
  return a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0;
}
