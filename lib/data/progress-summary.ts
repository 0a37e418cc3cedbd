import "server-only";
// The progress summary: one row per target with its status as of a day, computed by
// the one progress function, so that counts by status are a GROUP BY in the database
// rather than a loop over every result in memory.
//
// Freshness: triggers (migration 20261123150538_progress_summary) append the target's id
// to target_change whenever the target, its results or its parent's results are written,
// by the portal or anything else, and a plan's status change queues its targets.
// refreshProgressSummary recomputes the queued targets and the published targets last computed
// for another day, in batches, then removes the queue rows it has seen; once it has found none
// of the latter for a day (progress_summary_state), it reads only the queue that day. Refreshers
// take an advisory lock, so two never interleave.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { STATUS_ORDER, type Progress } from "../domain/progress";
import { emptyStatusCounts, type TStatusCountsLike } from "./dashboards";
import { computeTargetProgress, progressRowOf } from "./progress-compute";
import { BEHIND_STATUSES, countByPlan, loadPlanSummaries, worstBehind } from "./plan-summaries";
import { isoDateInTimeZone } from "../domain/numbers";

const REFRESH_LOCK = 72707370;
const BATCH = 500;
const LOCK_TIMEOUT = "5s";
/** Enough rounds for a day's rollover of a national portal (100.000 targets). */
const MAX_ROUNDS = 200;

type Tx = Prisma.TransactionClient;

/** Brings the summary up to date for `asOf` (today). Returns how many targets were recomputed. */
export async function refreshProgressSummary(asOf: string): Promise<number> {
  let total = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const done = await db().$transaction(async (tx) => refreshBatch(tx, asOf), { timeout: 60_000, maxWait: 30_000 });
    total += done;
    if (done < BATCH) return total;
  }
  throw new Error(`progress summary: more than ${MAX_ROUNDS * BATCH} targets left to recompute`);
}

/**
 * Whether the summary can answer for `asOf`: it must be today's, and brought up to date
 * now. If the refresh fails (a lock timeout, say), callers compute from the results
 * instead: a slower page, never a wrong or failed one.
 */
export async function summaryUsable(asOf: string, today: string): Promise<boolean> {
  if (asOf !== today) return false;
  try {
    // Once per public-data version and day, however many readers ask: every write that can
    // change a target's progress bumps the version (lib/cache/public.ts); a failed refresh
    // is not kept, so the next reader tries again.
    await cachedPublic(["progress-summary-refresh", asOf], () => refreshProgressSummary(asOf));
    return true;
  } catch (e) {
    const reason = e instanceof Error ? e.message.split("\n").filter(Boolean).slice(-1)[0] : String(e);
    console.error(`[progress] summary refresh failed (${reason}); computing from the results instead`);
    return false;
  }
}

async function refreshBatch(tx: Tx, asOf: string): Promise<number> {
  // A reader never waits long for a refresh: past this, it computes from the results.
  await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
  // Up to BATCH queued targets (oldest first), with every queue row each has: a target written
  // many times (a year of results, an import) is computed once. Only the rows read here are
  // removed afterwards, so a change committed meanwhile stays queued.
  const changes = await tx.$queryRaw<{ id: bigint; targetId: string }[]>`
    WITH queued AS (
      SELECT "targetId" FROM "target_change" GROUP BY "targetId" ORDER BY min("id") LIMIT ${BATCH}
    )
    SELECT c."id", c."targetId" FROM "target_change" c JOIN queued USING ("targetId")`;
  // Every published target not computed for this day: looked for until none is found that day
  // (a scan of every target); after that only the queue can hold one (see progress_summary_state).
  const [state] = await tx.$queryRaw<{ complete: boolean }[]>`
    SELECT "completeFor" IS NOT DISTINCT FROM ${asOf}::date AS "complete" FROM "progress_summary_state" WHERE "id" = 1`;
  const stale = state?.complete
    ? []
    : await tx.$queryRaw<{ id: string }[]>`
    SELECT t."id" FROM "target" t
      JOIN "plan" p ON p."id" = t."planId"
      LEFT JOIN "target_progress" tp ON tp."targetId" = t."id"
    WHERE t."status" = 'PUBLISHED' AND p."status" = 'PUBLISHED'
      AND (tp."targetId" IS NULL OR tp."computedFor" <> ${asOf}::date)
    LIMIT ${BATCH}`;
  // Fewer than a batch: all of them are computed in this transaction, so the day is complete.
  if (state && !state.complete && stale.length < BATCH) {
    await tx.$executeRaw`UPDATE "progress_summary_state" SET "completeFor" = ${asOf}::date WHERE "id" = 1`;
  }
  const ids = [...new Set([...changes.map((c) => c.targetId), ...stale.map((s) => s.id)])];
  if (ids.length === 0) return 0;
  // Read after the queue rows: the data is at least as new as every change seen.
  const computed = await computeTargetProgress({ id: { in: ids } }, asOf, tx);
  if (computed.length > 0) {
    const targetIds = computed.map((c) => c.target.id);
    const statuses = computed.map((c) => c.progress.status);
    const percents = computed.map((c) => (c.progress.percent === null ? null : String(c.progress.percent)));
    const progress = computed.map((c) => JSON.stringify(c.progress));
    await tx.$executeRaw`
      INSERT INTO "target_progress" ("targetId", "computedFor", "status", "percent", "progress", "computedAt")
      SELECT u.id, ${asOf}::date, u.status, u.percent::numeric, u.progress::jsonb, now()
      FROM unnest(${targetIds}::text[], ${statuses}::text[], ${percents}::text[], ${progress}::text[]) AS u(id, status, percent, progress)
      ON CONFLICT ("targetId") DO UPDATE SET
        "computedFor" = EXCLUDED."computedFor", "status" = EXCLUDED."status", "percent" = EXCLUDED."percent",
        "progress" = EXCLUDED."progress", "computedAt" = EXCLUDED."computedAt"`;
  }
  if (changes.length > 0) {
    const seen = changes.map((c) => c.id);
    await tx.$executeRaw`DELETE FROM "target_change" WHERE "id" = ANY(${seen}::bigint[])`;
  }
  return Math.max(new Set(changes.map((c) => c.targetId)).size, stale.length);
}

export type TStatusCounts = TStatusCountsLike;

/** How many published targets (of the given units, or all) are in each status: the per-plan counts added up. */
export async function countSummaryStatuses(unitIds: string[] | null): Promise<TStatusCounts> {
  const counts = emptyStatusCounts();
  for (const plan of (await countSummaryStatusesByPlan(unitIds)).values()) {
    for (const s of STATUS_ORDER) counts[s] += plan[s];
    counts.total += plan.total;
  }
  return counts;
}

/** Every published plan's counts, kept per plan and recounted only where a write moved its stamp (lib/data/plan-summaries.ts). Call after summaryUsable. */
export const planSummaries = () => cachedPublic(["plan-summaries", isoDateInTimeZone()], () => loadPlanSummaries());

/** Published targets (of the given units, or all) per plan and status (plans with at least one target). Call after summaryUsable. */
export async function countSummaryStatusesByPlan(unitIds: string[] | null): Promise<Map<string, TStatusCounts>> {
  return countByPlan(await planSummaries(), unitIds);
}

export { BEHIND_STATUSES };

/**
 * Published targets that are missed, off track or at risk, worst first (then the lowest share
 * achieved), at most `limit`; for a unit's scope when `unitIds` is given. Call after summaryUsable.
 */
export async function listSummaryBehind(unitIds: string[] | null, limit: number): Promise<{ targetId: string; progress: Progress }[]> {
  const picked = worstBehind(await planSummaries(), unitIds, limit);
  if (picked.length === 0) return [];
  const ids = picked.map((p) => p.targetId);
  const rows = await db().$queryRaw<{ targetId: string; progress: Progress }[]>`
    SELECT "targetId", "progress" FROM "target_progress" WHERE "targetId" = ANY(${ids}::text[])`;
  const byId = new Map(rows.map((r) => [r.targetId, r.progress]));
  return picked.flatMap((p) => (byId.has(p.targetId) ? [{ targetId: p.targetId, progress: byId.get(p.targetId)! }] : []));
}

/** The summary's progress of the targets `where` selects, in plan and position order. */
export async function readSummaryProgress(where: Prisma.TargetWhereInput, asOf: string) {
  const targets = await db().target.findMany({
    where,
    select: {
      id: true,
      planId: true,
      plan: { select: { code: true } },
      indicator: { select: { code: true } },
      group: { select: { code: true } },
      unit: { select: { code: true } },
      progressSummary: { select: { progress: true, computedFor: true } },
    },
    orderBy: [{ planId: "asc" }, { position: "asc" }],
  });
  // A target the refresh has not reached yet (more than MAX_ROUNDS batches) is computed here.
  const missing = targets.filter((t) => !t.progressSummary || t.progressSummary.computedFor.toISOString().slice(0, 10) !== asOf).map((t) => t.id);
  const late = new Map(
    missing.length ? (await computeTargetProgress({ id: { in: missing } }, asOf)).map((c) => [c.target.id, c.progress]) : [],
  );
  return targets.map((t) => progressRowOf(t, late.get(t.id) ?? (t.progressSummary!.progress as unknown as Progress)));
}
