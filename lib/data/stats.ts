import "server-only";
// Headline figures for the public home page: counted by the database.
import { db } from "../db/client";

export type THeadline = { plans: number; targets: number; units: number; results: number };

export async function getHeadlineFigures(): Promise<THeadline> {
  const [plans, targets, units, results] = await Promise.all([
    db().plan.count({ where: { status: "PUBLISHED" } }),
    db().target.count({ where: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }),
    db().plan.findMany({ where: { status: "PUBLISHED" }, distinct: ["issuerUnitId"], select: { issuerUnitId: true } }),
    db().result.count({ where: { status: "PUBLISHED" } }),
  ]);
  return { plans, targets, units: units.length, results };
}
