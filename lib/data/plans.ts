import { PUBLIC_RESULT, publicFigureSelect, publicResult, VISIBLE_RESULT } from "./public-results";
import "server-only";
// Published plans: list with search and filters, and the detail of one plan.
// Only PUBLISHED plans, targets and results are ever read here: this is the
// public side.
import { searchWordForms } from "../domain/text";
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { PAGE_SIZE, type TPlanFilter } from "../validation/plans";
import { withTargetNumbers } from "./decimal";
import { groupSelect } from "./groups";
import { listUnits, unitScopeByCode, unitSelect, type TUnit } from "./units";
import { isId } from "../domain/ids";

const planSummarySelect = {
  id: true,
  code: true,
  type: true,
  title: true,
  issuer: true,
  issuedOn: true,
  issueYear: true,
  periodStart: true,
  periodEnd: true,
  periodInferred: true,
  issueYearInferred: true,
  sourceUrl: true,
  sourcePublisher: true,
  sourceTitle: true,
  sourcePublishedOn: true,
  sourceNote: true,
  updatedAt: true,
  issuerUnit: { select: unitSelect },
  programme: { select: { id: true, code: true, name: true, nameEn: true, kind: true, periodStart: true, periodEnd: true, periodInferred: true } },
  _count: { select: { targets: { where: { status: "PUBLISHED" } } } },
} satisfies Prisma.PlanSelect;

export type TPlanSummary = Prisma.PlanGetPayload<{ select: typeof planSummarySelect }>;

export type TPlanPage = { items: TPlanSummary[]; total: number; page: number; pageSize: number; pageCount: number };

/** Builds the where-clause for the public plan list (also used by the CSV export). */
async function planWhere(filter: TPlanFilter): Promise<Prisma.PlanWhereInput | null> {
  const and: Prisma.PlanWhereInput[] = [{ status: "PUBLISHED" }];
  if (filter.q) {
    // Every word must occur in the normalised code, title and unit names (or, typed without its
    // space, as two words: "soctrang" finds "soc trang").
    for (const forms of searchWordForms(filter.q)) and.push({ OR: forms.map((f) => ({ searchText: { contains: f } })) });
  }
  if (filter.unit) {
    const scope = await unitScopeByCode(filter.unit);
    if (!scope) return null;
    and.push({ OR: [{ issuerUnitId: { in: scope } }, { targets: { some: { unitId: { in: scope }, status: "PUBLISHED" } } }] });
  }
  if (filter.year) and.push({ periodStart: { lte: filter.year }, periodEnd: { gte: filter.year } });
  if (filter.type) and.push({ type: filter.type });
  return { AND: and };
}

async function loadListPublishedPlans(filter: TPlanFilter, opts: { pageSize?: number; all?: boolean } = {}): Promise<TPlanPage> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const where = await planWhere(filter);
  if (!where) return { items: [], total: 0, page: 1, pageSize, pageCount: 1 };
  const total = await db().plan.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(filter.page ?? 1, pageCount);
  const items = await db().plan.findMany({
    where,
    select: planSummarySelect,
    orderBy: [{ issueYear: "desc" }, { issuedOn: { sort: "desc", nulls: "last" } }, { code: "asc" }, { id: "asc" }],
    ...(opts.all ? {} : { skip: (page - 1) * pageSize, take: pageSize }),
  });
  return { items, total, page, pageSize, pageCount };
}

export const targetSelect = {
  id: true,
  position: true,
  kind: true,
  lower: true,
  upper: true,
  strict: true,
  approximate: true,
  baseline: true,
  periodStart: true,
  periodEnd: true,
  annual: true,
  parentId: true,
  group: { select: groupSelect },
  equivalentValue: true,
  equivalentUnit: true,
  statement: true,
  qualitativeStatus: true,
  unit: { select: unitSelect },
  indicator: {
    select: { id: true, code: true, name: true, nameEn: true, measureUnit: true, measureUnitEn: true, measure: true, lowerIsBetter: true },
  },
} satisfies Prisma.TargetSelect;

/** A result as stored, with what its public figure needs (lib/data/public-results.ts); read through publicResult. */
export const resultSelect = {
  ...publicFigureSelect,
  id: true,
  targetId: true,
  unitId: true,
  year: true,
  qualifier: true,
  label: true,
  note: true,
  evidenceUrl: true,
  sourceNote: true,
  isDemo: true,
  reportedInPlanId: true,
  group: { select: groupSelect },
  unit: { select: unitSelect },
  indicator: { select: { id: true, code: true, name: true, nameEn: true, measureUnit: true, measureUnitEn: true } },
} satisfies Prisma.ResultSelect;

/** A result as the public sees it (`adjusting`: a correction of it is under way, the figure shown is the published one). */
export type TResultRow = ReturnType<typeof publicResult<Prisma.ResultGetPayload<{ select: typeof resultSelect }>>>;

export type TTargetRow = Omit<Prisma.TargetGetPayload<{ select: typeof targetSelect }>, "lower" | "upper" | "baseline" | "equivalentValue"> & {
  lower: number | null;
  upper: number | null;
  baseline: number | null;
  equivalentValue: number | null;
  results: TResultRow[];
};

const planDetailSelect = {
  ...planSummarySelect,
  summary: true,
  status: true,
  publishedAt: true,
  citations: {
    orderBy: { position: "asc" },
    select: { id: true, code: true, type: true, issuer: true, issuedOn: true, title: true, citedPlanId: true, citedPlan: { select: { status: true } } },
  },
  tasks: { orderBy: { position: "asc" }, select: { id: true, description: true, responsible: true } },
} satisfies Prisma.PlanSelect;

export type TPlanDetail = Prisma.PlanGetPayload<{ select: typeof planDetailSelect }> & {
  targets: TTargetRow[];
  reportedResults: TResultRow[];
  unitPath: TUnit[];
};

/** A plan as its page heads it: everything but its targets, and whether any target has a public result. */
export type TPlanHead = Omit<TPlanDetail, "targets"> & { hasTargetResults: boolean };

async function loadGetPublishedPlanHead(id: string): Promise<TPlanHead | null> {
  if (!isId(id)) return null;
  const plan = await db().plan.findFirst({ where: { id, status: "PUBLISHED" }, select: planDetailSelect });
  if (!plan) return null;
  const [reported, onTarget, units] = await Promise.all([
    // Figures the plan states without a target of its own.
    db()
      .result.findMany({
        where: { AND: [VISIBLE_RESULT, { reportedInPlanId: id, targetId: null }] },
        select: resultSelect,
        orderBy: [{ year: "asc" }, { indicator: { code: "asc" } }, { id: "asc" }],
      })
      .then((rows) => rows.map(publicResult)),
    db().result.findFirst({ where: { AND: [PUBLIC_RESULT, { target: { planId: id, status: "PUBLISHED" } }] }, select: { id: true } }),
    listUnits(),
  ]);
  const unitPath: TUnit[] = [];
  let u: TUnit | undefined = units.find((x) => x.id === plan.issuerUnit.id);
  while (u && unitPath.length < 10) {
    unitPath.unshift(u);
    const parentId: string | null = u.parentId;
    u = parentId ? units.find((x) => x.id === parentId) : undefined;
  }
  return { ...plan, unitPath: unitPath.filter((x) => x.level !== "NATION"), reportedResults: reported, hasTargetResults: onTarget !== null };
}

/** Published targets (those `where` selects, in the plan's order) with their public results, oldest year first. */
export async function loadTargetsWithResults(where: Prisma.TargetWhereInput): Promise<TTargetRow[]> {
  const targets = await db().target.findMany({ where: { AND: [where, { status: "PUBLISHED" }] }, select: targetSelect, orderBy: { position: "asc" } });
  const results = targets.length
    ? (
        await db().result.findMany({
          where: { AND: [PUBLIC_RESULT, { targetId: { in: targets.map((t) => t.id) } }] },
          select: resultSelect,
          orderBy: [{ year: "asc" }, { indicator: { code: "asc" } }, { id: "asc" }],
        })
      ).map(publicResult)
    : [];
  const byTarget = new Map<string, TResultRow[]>();
  for (const r of results) if (r.targetId) (byTarget.get(r.targetId) ?? byTarget.set(r.targetId, []).get(r.targetId)!).push(r);
  return targets.map((t) => ({ ...withTargetNumbers(t), results: byTarget.get(t.id) ?? [] }));
}

async function loadGetPublishedPlan(id: string): Promise<TPlanDetail | null> {
  const head = await getPublishedPlanHead(id);
  if (!head) return null;
  const { hasTargetResults: _, ...plan } = head;
  return { ...plan, targets: await loadTargetsWithResults({ planId: id }) };
}

/** Cached for the public until the next write (lib/cache/public). */
export function listPublishedPlans(filter: TPlanFilter, opts: { pageSize?: number; all?: boolean } = {}): Promise<TPlanPage> {
  return cachedPublic(["plans", filter, opts], () => loadListPublishedPlans(filter, opts));
}

/** Cached for the public until the next write (lib/cache/public). */
export function getPublishedPlanHead(id: string): Promise<TPlanHead | null> {
  return cachedPublic(["plan-head", id], () => loadGetPublishedPlanHead(id));
}

/** Cached for the public until the next write (lib/cache/public). */
export function getPublishedPlan(id: string): Promise<TPlanDetail | null> {
  return cachedPublic(["plan", id], () => loadGetPublishedPlan(id));
}
