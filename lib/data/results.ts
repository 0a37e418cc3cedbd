import "server-only";
// Published results, as the public sees them.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { resultSelect, type TResultRow } from "./plans";
import { publicResult, VISIBLE_RESULT, VISIBLE_RESULT_FROM, VISIBLE_RESULT_SQL } from "./public-results";

const publicOfUnits = (unitIds: string[]) => ({ AND: [VISIBLE_RESULT, { unitId: { in: unitIds } }] });
const ORDER = [{ year: "desc" as const }, { indicator: { code: "asc" as const } }, { id: "asc" as const }];

async function loadListPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  const rows = await db().result.findMany({ where: publicOfUnits(unitIds), select: resultSelect, orderBy: ORDER, take: opts.take ?? 200 });
  return rows.map(publicResult);
}

/** Rows per page of a unit's published results. */
export const UNIT_RESULTS_PAGE = 50;

export type TResultsPage = { items: TResultRow[]; total: number; page: number; pageCount: number };

/** One page of the published results of the given units, newest year first; a page past the end gives the last. */
async function loadPublishedResultsPage(unitIds: string[], page: number): Promise<TResultsPage> {
  // The page's ids and the total in one query (in ORDER's order), then the page's rows.
  const pick = (p: number) => db().$queryRaw<{ id: string; total: number }[]>`
    SELECT r."id", (count(*) OVER ())::int AS "total"
    FROM ${VISIBLE_RESULT_FROM} JOIN "indicator" i ON i."id" = r."indicatorId"
    WHERE ${VISIBLE_RESULT_SQL} AND r."unitId" = ANY(${unitIds}::text[])
    ORDER BY r."year" DESC, i."code" ASC, r."id" ASC
    LIMIT ${UNIT_RESULTS_PAGE} OFFSET ${(p - 1) * UNIT_RESULTS_PAGE}`;
  let p = Math.max(1, page);
  let picked = await pick(p);
  let total = picked[0]?.total ?? 0;
  if (picked.length === 0 && p > 1) {
    // Past the end: count, and show the last page.
    total = await db().result.count({ where: publicOfUnits(unitIds) });
    p = Math.max(1, Math.ceil(total / UNIT_RESULTS_PAGE));
    picked = total > 0 ? await pick(p) : [];
  }
  const rows = picked.length ? await db().result.findMany({ where: { id: { in: picked.map((r) => r.id) } }, select: resultSelect, orderBy: ORDER }) : [];
  return { items: rows.map(publicResult), total, page: p, pageCount: Math.max(1, Math.ceil(total / UNIT_RESULTS_PAGE)) };
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPublishedResultsPage(unitIds: string[], page: number): Promise<TResultsPage> {
  return cachedPublic(["results-page", unitIds, page], () => loadPublishedResultsPage(unitIds, page));
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  return cachedPublic(["results-for-units", unitIds, opts], () => loadListPublishedResultsForUnits(unitIds, opts));
}

/**
 * What a unit's trends draw (lib/data/dashboards.ts indicatorTrends keeps, for each indicator,
 * group, unit, label and year, the first figure in the order above): that figure only, chosen by
 * the database, for every year. A city's scope holds tens of thousands of figures; its trends
 * need one per line and year.
 */
async function loadTrendResults(unitIds: string[]): Promise<TResultRow[]> {
  const picked = await db().$queryRaw<{ id: string }[]>`
    SELECT DISTINCT ON (r."indicatorId", r."groupId", r."unitId", COALESCE(r."label", ''), r."year") r."id"
    FROM ${VISIBLE_RESULT_FROM}
    WHERE ${VISIBLE_RESULT_SQL} AND r."unitId" = ANY(${unitIds}::text[])
    ORDER BY r."indicatorId", r."groupId", r."unitId", COALESCE(r."label", ''), r."year", r."id"`;
  if (picked.length === 0) return [];
  const rows = await db().result.findMany({ where: { id: { in: picked.map((r) => r.id) } }, select: resultSelect, orderBy: ORDER });
  return rows.map(publicResult);
}

/** Cached for the public until the next write (lib/cache/public). */
export function listTrendResults(unitIds: string[]): Promise<TResultRow[]> {
  return cachedPublic(["trend-results", unitIds], () => loadTrendResults(unitIds));
}
