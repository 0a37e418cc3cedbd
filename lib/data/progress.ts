import "server-only";
// Progress of published targets for the API and dashboards. Targets and their
// results are filtered in SQL; the status maths is lib/domain/progress.
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { Progress } from "../domain/progress";
import { num } from "./decimal";
import { targetSelect } from "./plans";
import { progressOf } from "./target-view";
import { listUnits, unitScope } from "./units";

export type TProgressFilter = { unit?: string; year?: number; indicator?: string; asOf: string };

export type TProgressRow = {
  targetId: string;
  planId: string;
  planCode: string | null;
  indicatorCode: string | null;
  unitCode: string;
  progress: Progress;
};

export async function listTargetProgress(filter: TProgressFilter): Promise<TProgressRow[] | null> {
  const and: Prisma.TargetWhereInput[] = [{ status: "PUBLISHED", plan: { status: "PUBLISHED" } }];
  if (filter.unit) {
    const units = await listUnits();
    const unit = units.find((u) => u.code === filter.unit);
    if (!unit) return null;
    and.push({ unitId: { in: [...unitScope(units, unit.id)] } });
  }
  if (filter.year) and.push({ periodStart: { lte: filter.year }, periodEnd: { gte: filter.year } });
  if (filter.indicator) and.push({ indicator: { code: filter.indicator } });
  const where = { AND: and };
  const select = {
    ...targetSelect,
    planId: true,
    plan: { select: { code: true } },
    results: { where: { status: "PUBLISHED" }, select: { year: true, value: true, baseline: true } },
  } satisfies Prisma.TargetSelect;
  const targets = await db().target.findMany({ where, select, orderBy: [{ planId: "asc" }, { position: "asc" }] });
  // Share targets need their parent's results even when the filter leaves the parent out.
  const missingParents = [...new Set(targets.map((t) => t.parentId).filter((p): p is string => !!p && !targets.some((t) => t.id === p)))];
  const parents = missingParents.length
    ? await db().target.findMany({ where: { id: { in: missingParents }, status: "PUBLISHED" }, select })
    : [];
  const rows = [...targets, ...parents].map((t) => ({
    ...t,
    lower: num(t.lower),
    upper: num(t.upper),
    baseline: num(t.baseline),
    equivalentValue: num(t.equivalentValue),
  }));
  const progress = progressOf(rows, filter.asOf);
  return targets.map((t) => {
    let p = progress.get(t.id)!;
    if (filter.year && p.yearly) p = p.yearly.find((y) => y.year === filter.year) ?? p;
    return { targetId: t.id, planId: t.planId, planCode: t.plan.code, indicatorCode: t.indicator?.code ?? null, unitCode: t.unit.code, progress: p };
  });
}
