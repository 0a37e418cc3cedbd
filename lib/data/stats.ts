import "server-only";
// Headline figures for the public home page: what the public can see. For today they are added
// up from each plan's summary (lib/data/plan-summaries.ts: recounted only for the plans a write
// touched); if the summary cannot answer now, counted by the database.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { isoDateInTimeZone } from "../domain/numbers";
import { planSummaries, summaryUsable } from "./progress-summary";
import { VISIBLE_RESULT } from "./public-results";

export type THeadline = { plans: number; targets: number; units: number; results: number };

/** Public results without a target (not in the plans' summaries): a figure a plan states only while that plan is published. */
const looseResults = () => db().result.count({ where: { AND: [VISIBLE_RESULT, { targetId: null }] } });

async function loadGetHeadlineFigures(): Promise<THeadline> {
  const today = isoDateInTimeZone();
  if (await summaryUsable(today, today)) {
    const [plans, loose] = await Promise.all([planSummaries(), looseResults()]);
    let targets = 0;
    let results = loose;
    for (const p of plans.values()) {
      for (const c of p.byUnit.values()) targets += c.total;
      results += p.results;
    }
    return { plans: plans.size, targets, units: new Set([...plans.values()].map((p) => p.issuerUnitId)).size, results };
  }
  const [plans, targets, units, results] = await Promise.all([
    db().plan.count({ where: { status: "PUBLISHED" } }),
    db().target.count({ where: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }),
    db().plan.findMany({ where: { status: "PUBLISHED" }, distinct: ["issuerUnitId"], select: { issuerUnitId: true } }),
    db().result.count({ where: VISIBLE_RESULT }),
  ]);
  return { plans, targets, units: units.length, results };
}

/** Cached for the public until the next write (lib/cache/public). */
export function getHeadlineFigures(): Promise<THeadline> {
  return cachedPublic(["headline"], () => loadGetHeadlineFigures());
}
