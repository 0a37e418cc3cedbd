import "server-only";
// What an officer's workspace lists (docs/domain.md, "Results: the officers' working day"):
// - `work`: the plans (any status) they work on: issued in their jurisdiction, with a target
//   there, or with at least one row of the result grid they may fill in, which includes a
//   province target's row for their district (lib/data/results/grid.ts `rowUnitIds`);
// - `read`: the published plans of the units merged into theirs (their reading scope), which
//   they read but do not rewrite;
// - `due`: their work by what is due: the grid cells to report (years that have ended, with no
//   value yet or only a draft, on published plans), the values returned to them, and the
//   values submitted and waiting for approval, counted by plan and year.
// One set of queries whatever the number of plans; the unit tree (13k units) is walked down
// from each target's unit, never searched whole per target.
import { can, inJurisdiction, inReadingScope, jurisdictionRoots, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { cellKey, lastEndedYear, type TResultStatus } from "../domain/results";
import { isoDateInTimeZone } from "../domain/numbers";
import { unitTree, validInYear } from "../domain/unit-tree";
import { figureUnitsByTarget, rowUnitIds } from "./results/grid";
import { listUnits } from "./units";

const planSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  issuerUnit: { select: { name: true, nameEn: true } },
  _count: { select: { targets: true } },
} as const;

const inUnits = (ids: string[]) => ({ OR: [{ issuerUnitId: { in: ids } }, { targets: { some: { unitId: { in: ids } } } }] });

/** A plan as the workspace's due lists name it. */
export type TDuePlan = { id: string; code: string | null; title: string };

/** Cells of one plan and year: how many (`count`), of which without any value yet (`empty`). */
export type TDueEntry = { plan: TDuePlan; year: number; count: number; empty: number };

export type TDue = {
  /** The last calendar year that has ended (Vietnam's date): results up to it are due. */
  lastEndedYear: number;
  /** By year, latest first: cells with no value yet or only a draft. */
  toReport: { year: number; entries: TDueEntry[] }[];
  /** Values an approver returned (status RETURNED), by plan and year. */
  returned: TDueEntry[];
  /** Values submitted and waiting for approval, by plan and year. */
  submitted: TDueEntry[];
};

/**
 * The actor's workspace lists. `today` ("YYYY-MM-DD", default today in Vietnam) decides which
 * years are due.
 */
export async function listPlansForActor(actor: TActor, opts: { today?: string } = {}) {
  const orderBy = [{ issueYear: "desc" as const }, { id: "asc" as const }];
  const units = await listUnits();
  const tree = unitTree(units);
  const admin = actor.role === "ADMIN";
  const working = admin ? [] : units.filter((u) => inJurisdiction(actor, u.id, units)).map((u) => u.id);
  // A target set for a unit above the actor's (a province target, for district staff) has
  // rows for the units below it: the actor's among them.
  const above = admin ? [] : [...new Set(jurisdictionRoots(actor, units).flatMap((r) => tree.ancestors(r).map((a) => a.id)))];

  const targets = await db().target.findMany({
    where: { kind: { not: "QUALITATIVE" }, indicatorId: { not: null }, ...(admin ? {} : { unitId: { in: [...working, ...above] } }) },
    select: { id: true, planId: true, unitId: true, periodStart: true, periodEnd: true, plan: { select: { status: true } } },
  });
  const figures = targets.length
    ? await db().result.findMany({ where: { targetId: { in: targets.map((t) => t.id) } }, select: { targetId: true, unitId: true, year: true, status: true } })
    : [];
  const cells = editableCells(actor, units, targets, figures);
  const withRows = [...new Set(cells.map((c) => c.planId))];

  const workingSet = new Set(working);
  const readOnly = admin ? [] : units.filter((u) => !workingSet.has(u.id) && inReadingScope(actor, u.id, units)).map((u) => u.id);
  const [work, read] = await Promise.all([
    db().plan.findMany({ where: admin ? {} : { OR: [inUnits(working), { id: { in: withRows } }] }, select: planSelect, orderBy }),
    readOnly.length ? db().plan.findMany({ where: { status: "PUBLISHED", ...inUnits(readOnly) }, select: planSelect, orderBy }) : [],
  ]);
  const mine = new Set(work.map((p) => p.id));
  const planById = new Map(work.map((p) => [p.id, { id: p.id, code: p.code, title: p.title }]));
  return { work, read: read.filter((p) => !mine.has(p.id)), due: dueOf(cells, planById, lastEndedYear(opts.today ?? isoDateInTimeZone())) };
}

type TCell = { planId: string; planPublished: boolean; year: number; status: TResultStatus | null };

/** Every grid cell the actor may fill in, across the given targets, with its stored status. */
function editableCells(
  actor: TActor,
  units: Awaited<ReturnType<typeof listUnits>>,
  targets: { id: string; planId: string; unitId: string; periodStart: number; periodEnd: number; plan: { status: string } }[],
  figures: { targetId: string | null; unitId: string; year: number; status: TResultStatus }[],
): TCell[] {
  const tree = unitTree(units);
  const statusAt = new Map(figures.map((f) => [cellKey(f.targetId ?? "", f.unitId, f.year), f.status]));
  const figureUnits = figureUnitsByTarget(figures);
  const mayEdit = new Map<string, boolean>();
  const edits = (id: string) => mayEdit.get(id) ?? mayEdit.set(id, can(actor, "result.edit", units, id)).get(id)!;
  const out: TCell[] = [];
  for (const t of targets) {
    for (const unitId of rowUnitIds(units, t.unitId, figureUnits.get(t.id) ?? [])) {
      const unit = tree.get(unitId);
      if (!unit || !edits(unitId)) continue;
      for (let year = t.periodStart; year <= t.periodEnd; year++) {
        if (!validInYear(unit, year)) continue;
        out.push({ planId: t.planId, planPublished: t.plan.status === "PUBLISHED", year, status: statusAt.get(cellKey(t.id, unitId, year)) ?? null });
      }
    }
  }
  return out;
}

/** The cells grouped by what is due, by plan and year. */
function dueOf(cells: TCell[], planById: Map<string, TDuePlan>, lastEnded: number): TDue {
  const group = (pick: (c: TCell) => boolean): TDueEntry[] => {
    const by = new Map<string, TDueEntry>();
    for (const c of cells) {
      const plan = planById.get(c.planId);
      if (!plan || !pick(c)) continue;
      const key = `${c.planId}|${c.year}`;
      const e = by.get(key) ?? by.set(key, { plan, year: c.year, count: 0, empty: 0 }).get(key)!;
      e.count++;
      if (c.status === null) e.empty++;
    }
    return [...by.values()].sort((a, b) => b.year - a.year || a.plan.id.localeCompare(b.plan.id));
  };
  const toReport = group((c) => c.planPublished && c.year <= lastEnded && (c.status === null || c.status === "DRAFT"));
  const years = [...new Set(toReport.map((e) => e.year))].sort((a, b) => b - a);
  return {
    lastEndedYear: lastEnded,
    toReport: years.map((year) => ({ year, entries: toReport.filter((e) => e.year === year) })),
    returned: group((c) => c.status === "RETURNED"),
    submitted: group((c) => c.status === "SUBMITTED"),
  };
}
