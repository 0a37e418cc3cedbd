import "server-only";
// Headline figures for the public home page: counted by the database.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { PUBLIC_RESULT } from "./public-results";

export type THeadline = { plans: number; targets: number; units: number; results: number };

async function loadGetHeadlineFigures(): Promise<THeadline> {
  const [plans, targets, units, results] = await Promise.all([
    db().plan.count({ where: { status: "PUBLISHED" } }),
    db().target.count({ where: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }),
    db().plan.findMany({ where: { status: "PUBLISHED" }, distinct: ["issuerUnitId"], select: { issuerUnitId: true } }),
    db().result.count({ where: PUBLIC_RESULT }),
  ]);
  return { plans, targets, units: units.length, results };
}

/** Cached for the public until the next write (lib/cache/public). */
export function getHeadlineFigures(): Promise<THeadline> {
  return cachedPublic(["headline"], () => loadGetHeadlineFigures());
}
