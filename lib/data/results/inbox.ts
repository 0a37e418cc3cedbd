import "server-only";
// The approval inbox (/workspace/inbox): every SUBMITTED value in the approver's jurisdiction,
// across plans, oldest first, 50 a page, with who submitted it and when (the audit log's
// "result.submit"), and what the filters (plan, unit, year) may choose from. Approving and
// returning go through ./transitions.ts (publishResults, returnResults), which check
// everything again. One read of what waits (the filters' choices and the counts), one of the
// page, one of its submissions: never a query per plan or per value.
import { can, ForbiddenError, hasPermission, type TActor } from "../../auth/permissions";
import { db } from "../../db/client";
import { isId } from "../../domain/ids";
import { isRateMeasure } from "../../domain/numbers";
import type { Prisma } from "../../generated/prisma/client";
import { num } from "../decimal";
import { listUnits, type TUnit } from "../units";
import { currentActor } from "./stored";

export const INBOX_PAGE_SIZE = 50;

/** The years a result may have (the database's check). */
const MIN_YEAR = 1945;
const MAX_YEAR = 2100;

/** What the approver filters by: a plan (id), a unit (key, exactly that unit), a year; and the page (1-based). */
export type TInboxFilter = { planId?: string | null; unitKey?: string | null; year?: number | null; page?: number | null };

export type TInboxItem = {
  id: string;
  version: number;
  value: number;
  baseline: number | null;
  year: number;
  note: string | null;
  evidenceUrl: string | null;
  isDemo: boolean;
  unit: { id: string; key: string; name: string; nameEn: string | null };
  /** The target the value is for (its sentence as the plan states it), and its plan. */
  target: { id: string; statement: string; plan: { id: string; code: string | null; title: string } } | null;
  indicator: { name: string; nameEn: string; measureUnit: string; measureUnitEn: string; valueKind: "rate" | "count" | "amount" };
  group: { code: string; name: string; nameEn: string };
  /** Who sent it for approval and when (the last "result.submit"; else who last entered it). */
  submittedBy: string | null;
  submittedAt: string;
};

export type TInbox = {
  items: TInboxItem[];
  /** Values matching the filter, and waiting in all. */
  total: number;
  waiting: number;
  page: number;
  pageCount: number;
  pageSize: number;
  /** The filter as applied: unknown or out-of-range choices are dropped (`dropped` names them). */
  filter: { planId: string | null; unitKey: string | null; year: number | null };
  dropped: ("plan" | "unit" | "year" | "page")[];
  /** What the filters may choose from: only what waits, with how many values each. */
  choices: {
    plans: { id: string; code: string | null; title: string; count: number }[];
    units: { key: string; name: string; nameEn: string | null; count: number }[];
    years: { year: number; count: number }[];
  };
};

const itemSelect = {
  id: true,
  version: true,
  value: true,
  baseline: true,
  year: true,
  note: true,
  evidenceUrl: true,
  isDemo: true,
  unitId: true,
  updatedAt: true,
  enteredBy: { select: { name: true } },
  target: { select: { id: true, statement: true, plan: { select: { id: true, code: true, title: true } } } },
  indicator: { select: { name: true, nameEn: true, measure: true, measureUnit: true, measureUnitEn: true } },
  group: { select: { code: true, name: true, nameEn: true } },
} satisfies Prisma.ResultSelect;

/** The submitted values the actor may approve: where (the units), or everywhere (null) for administrators. */
async function waitingWhere(me: TActor, units: TUnit[]): Promise<Prisma.ResultWhereInput> {
  if (me.role === "ADMIN") return { status: "SUBMITTED" };
  const ids = units.filter((u) => can(me, "result.publish", units, u.id)).map((u) => u.id);
  return { status: "SUBMITTED", unitId: { in: ids } };
}

/** How many submitted values wait for the actor's approval (0 for those who may not approve). */
export async function countInbox(actor: TActor | null): Promise<number> {
  const me = await currentActor(actor);
  if (!me || !hasPermission(me, "result.publish")) return 0;
  return db().result.count({ where: await waitingWhere(me, await listUnits()) });
}

/**
 * One page of the actor's inbox. Throws ForbiddenError for those who may not approve
 * (district and commune staff). Bad filter values never fail: they are dropped and named.
 */
export async function listInbox(actor: TActor | null, filterIn: TInboxFilter = {}): Promise<TInbox> {
  const me = await currentActor(actor);
  if (!me || !hasPermission(me, "result.publish")) throw new ForbiddenError();
  const units = await listUnits();
  const where = await waitingWhere(me, units);

  // Everything waiting, lightly: the filters' choices and the counts.
  const waiting = await db().result.findMany({ where, select: { unitId: true, year: true, target: { select: { planId: true } } } });
  const unitById = new Map(units.map((u) => [u.id, u]));
  const dropped: TInbox["dropped"] = [];

  const planCounts = countBy(waiting, (r) => r.target?.planId ?? null);
  const unitCounts = countBy(waiting, (r) => r.unitId);
  const yearCounts = countBy(waiting, (r) => r.year);

  // A filter names a plan, unit or year that exists (nothing may wait there, any more); anything
  // else is dropped and named.
  const planIds = [...planCounts.keys()].filter((k): k is string => k !== null);
  let planId = filterIn.planId ?? null;
  if (planId !== null && !isId(planId)) planId = null;
  const plans = await plansOf(planId !== null && !planCounts.has(planId) ? [...planIds, planId] : planIds);
  if (filterIn.planId && (planId === null || !plans.some((p) => p.id === planId))) {
    dropped.push("plan");
    planId = null;
  }
  let unitKey = filterIn.unitKey ?? null;
  const unit = unitKey === null ? undefined : units.find((u) => u.key === unitKey);
  if (unitKey !== null && !unit) {
    dropped.push("unit");
    unitKey = null;
  }
  let year = filterIn.year ?? null;
  if (year !== null && !(Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR)) {
    dropped.push("year");
    year = null;
  }
  const matches = (r: (typeof waiting)[number]) =>
    (planId === null || r.target?.planId === planId) && (unitKey === null || r.unitId === unit?.id) && (year === null || r.year === year);
  const total = planId === null && unitKey === null && year === null ? waiting.length : waiting.filter(matches).length;
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  let page = filterIn.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > pageCount) {
    if (filterIn.page !== null && filterIn.page !== undefined) dropped.push("page");
    page = Math.min(Math.max(1, Number.isInteger(page) ? page : 1), pageCount);
  }

  const pageWhere: Prisma.ResultWhereInput = {
    ...where,
    ...(planId !== null ? { target: { planId } } : {}),
    ...(unitKey !== null && unit ? { unitId: unit.id } : {}),
    ...(year !== null ? { year } : {}),
  };
  const rows = total
    ? await db().result.findMany({ where: pageWhere, select: itemSelect, orderBy: [{ updatedAt: "asc" }, { id: "asc" }], skip: (page - 1) * INBOX_PAGE_SIZE, take: INBOX_PAGE_SIZE })
    : [];
  const submissions = rows.length
    ? await db().auditLog.findMany({
        where: { entity: "result", action: "result.submit", entityId: { in: rows.map((r) => r.id) } },
        orderBy: { id: "desc" },
        select: { entityId: true, at: true, actorLabel: true, actor: { select: { name: true } } },
      })
    : [];
  const lastSubmission = new Map<string, (typeof submissions)[number]>();
  for (const s of submissions) if (s.entityId && !lastSubmission.has(s.entityId)) lastSubmission.set(s.entityId, s);

  return {
    items: rows.map((r) => {
      const u = unitById.get(r.unitId);
      const s = lastSubmission.get(r.id);
      const m = r.indicator;
      return {
        id: r.id,
        version: r.version,
        value: num(r.value) ?? 0,
        baseline: num(r.baseline),
        year: r.year,
        note: r.note,
        evidenceUrl: r.evidenceUrl,
        isDemo: r.isDemo,
        unit: { id: r.unitId, key: u?.key ?? r.unitId, name: u?.name ?? r.unitId, nameEn: u?.nameEn ?? null },
        target: r.target,
        indicator: { name: m.name, nameEn: m.nameEn, measureUnit: m.measureUnit, measureUnitEn: m.measureUnitEn, valueKind: isRateMeasure(m) ? "rate" : m.measure === "COUNT" ? "count" : "amount" },
        group: r.group,
        submittedBy: s ? (s.actor?.name ?? s.actorLabel) : (r.enteredBy?.name ?? null),
        submittedAt: (s?.at ?? r.updatedAt).toISOString(),
      };
    }),
    total,
    waiting: waiting.length,
    page,
    pageCount,
    pageSize: INBOX_PAGE_SIZE,
    filter: { planId, unitKey, year },
    dropped,
    // What waits, and the choice made even when nothing waits there any more (count 0).
    choices: {
      plans: waitingPlans(planCounts, plans.filter((p) => planCounts.has(p.id) || p.id === planId)),
      units: [...new Set([...unitCounts.keys(), ...(unitKey !== null && unit ? [unit.id] : [])])]
        .flatMap((id) => {
          const u = unitById.get(id);
          return u ? [{ key: u.key, name: u.name, nameEn: u.nameEn, count: unitCounts.get(id) ?? 0 }] : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name, "vi")),
      years: [...new Set([...yearCounts.keys(), ...(year !== null ? [year] : [])])].map((y) => ({ year: y, count: yearCounts.get(y) ?? 0 })).sort((a, b) => b.year - a.year),
    },
  };
}

function countBy<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, number> {
  const out = new Map<K, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
  return out;
}

function plansOf(ids: string[]) {
  return ids.length ? db().plan.findMany({ where: { id: { in: ids } }, select: { id: true, code: true, title: true, issueYear: true } }) : Promise.resolve([]);
}

function waitingPlans(counts: Map<string | null, number>, plans: Awaited<ReturnType<typeof plansOf>>): TInbox["choices"]["plans"] {
  return plans
    .map((p) => ({ id: p.id, code: p.code, title: p.title, count: counts.get(p.id) ?? 0, issueYear: p.issueYear }))
    .sort((a, b) => b.issueYear - a.issueYear || a.id.localeCompare(b.id))
    .map(({ issueYear: _issueYear, ...p }) => p);
}
