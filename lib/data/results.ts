import "server-only";
// Published results, as the public sees them.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { resultSelect, type TResultRow } from "./plans";

async function loadListPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  return db().result.findMany({
    where: { status: "PUBLISHED", unitId: { in: unitIds }, OR: [{ targetId: null }, { target: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }] },
    select: resultSelect,
    orderBy: [{ year: "desc" }, { indicator: { code: "asc" } }, { id: "asc" }],
    take: opts.take ?? 200,
  });
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  return cachedPublic(["results-for-units", unitIds, opts], () => loadListPublishedResultsForUnits(unitIds, opts));
}
