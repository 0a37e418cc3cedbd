import "server-only";
// Published results, as the public sees them.
import { db } from "../db/client";
import { resultSelect, type TResultRow } from "./plans";

export async function listPublishedResultsForUnits(unitIds: string[], opts: { take?: number } = {}): Promise<TResultRow[]> {
  return db().result.findMany({
    where: { status: "PUBLISHED", unitId: { in: unitIds }, OR: [{ targetId: null }, { target: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }] },
    select: resultSelect,
    orderBy: [{ year: "desc" }, { indicator: { code: "asc" } }, { id: "asc" }],
    take: opts.take ?? 200,
  });
}
