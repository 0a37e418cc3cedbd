import "server-only";
// Published results, as the public sees them.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { resultSelect, type TResultRow } from "./plans";
import { PUBLIC_RESULT, publicResult } from "./public-results";

async function loadListPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  const rows = await db().result.findMany({
    where: { AND: [PUBLIC_RESULT, { unitId: { in: unitIds } }, { OR: [{ targetId: null }, { target: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }] }] },
    select: resultSelect,
    orderBy: [{ year: "desc" }, { indicator: { code: "asc" } }, { id: "asc" }],
    take: opts.take ?? 200,
  });
  return rows.map(publicResult);
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  return cachedPublic(["results-for-units", unitIds, opts], () => loadListPublishedResultsForUnits(unitIds, opts));
}
