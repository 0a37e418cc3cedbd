import "server-only";
// What the officer's entry grid shows for one plan (read-only): its measurable targets ×
// the units in the actor's jurisdiction × the years of each target's period, with the
// stored result of each cell and what the actor may do there. Writes go through
// ./save.ts and ./transitions.ts, which check everything again.
import { can, ForbiddenError, hasPermission, type TActor } from "../../auth/permissions";
import { db } from "../../db/client";
import { isId } from "../../domain/ids";
import { isRateMeasure } from "../../domain/numbers";
import { cellKey, type TResultStatus } from "../../domain/results";
import { unitTree, validInYear } from "../../domain/unit-tree";
import type { Prisma } from "../../generated/prisma/client";
import { num, withTargetNumbers } from "../decimal";
import { listUnits, type TUnit } from "../units";
import { currentActor, resultFieldsSelect } from "./stored";
import type { TargetAmounts } from "../../domain/targets";

export type TGridResult = {
  id: string;
  value: number;
  baseline: number | null;
  note: string | null;
  evidenceUrl: string | null;
  status: TResultStatus;
  version: number;
  isDemo: boolean;
  enteredBy: { id: string; name: string } | null;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  /** Why an approver returned it to its author (RETURNED; kept on a draft until it is submitted again). */
  returnReason?: string | null;
  updatedAt: string;
};

export type TGridCell = {
  targetId: string;
  unitId: string;
  unitCode: string;
  year: number;
  result: TGridResult | null;
  /**
   * A published figure of a unit merged into the actor's (its reading scope), shown to read
   * and trace, never to change (docs/domain.md, "Who may do what").
   */
  readOnly: boolean;
  /** What the actor may do here (the server checks again on every write). */
  canEdit: boolean;
  canPublish: boolean;
  canReopen: boolean;
};

export type TGridTarget = TargetAmounts & {
  id: string;
  position: number;
  parentId: string | null;
  statement: string;
  group: { code: string; name: string; nameEn: string };
  equivalentValue: number | null;
  equivalentUnit: string | null;
  status: TResultStatus;
  unitId: string;
  indicator: { id: string; code: string; name: string; nameEn: string; measure: "RATE" | "COUNT" | "AMOUNT"; measureUnit: string; measureUnitEn: string };
  /** Rate (0–100), count (whole) or amount: how the grid should validate and format input. */
  valueKind: "rate" | "count" | "amount";
  years: number[];
};

/**
 * Years of a target's period in which its unit did not exist (it ended at a reform, or began
 * after the period started): nobody can enter a figure for them, and the page says why.
 */
export type TGridGap = {
  targetId: string;
  statement: string;
  unit: { name: string; nameEn: string | null; validFrom: Date | null; validTo: Date | null };
  /** The unit it went into wholly, if any. */
  successor: { name: string; nameEn: string | null } | null;
  years: number[];
};

export type TGrid = {
  plan: { id: string; code: string | null; title: string; status: TResultStatus; periodStart: number; periodEnd: number; issuerUnitId: string };
  targets: TGridTarget[];
  /** Units with at least one cell, in listUnits order. */
  units: Pick<TUnit, "id" | "code" | "name" | "shortName" | "nameEn" | "level" | "parentId">[];
  cells: TGridCell[];
  gaps: TGridGap[];
};

const gridTargetSelect = {
  id: true,
  position: true,
  parentId: true,
  kind: true,
  statement: true,
  group: { select: { code: true, name: true, nameEn: true } },
  lower: true,
  upper: true,
  strict: true,
  approximate: true,
  baseline: true,
  equivalentValue: true,
  equivalentUnit: true,
  periodStart: true,
  periodEnd: true,
  annual: true,
  status: true,
  unitId: true,
  indicator: { select: { id: true, code: true, name: true, nameEn: true, measure: true, measureUnit: true, measureUnitEn: true } },
} satisfies Prisma.TargetSelect;

const gridResultSelect = { ...resultFieldsSelect, isDemo: true, approvedBy: { select: { id: true, name: true } } } satisfies Prisma.ResultSelect;

type TCellAt = { targetId: string; unit: TUnit; year: number; readOnly: boolean };

// ---------------------------------------------------------------------------
// Which units a target's grid has rows for (shared with the workspace, lib/data/workspace.ts)
// ---------------------------------------------------------------------------

const childrenByList = new WeakMap<readonly TUnit[], Map<string, TUnit[]>>();
const positionsByList = new WeakMap<readonly TUnit[], Map<string, number>>();

/** Each unit's children (by parent), computed once per list of units. */
function childrenOf(units: readonly TUnit[]): Map<string, TUnit[]> {
  let map = childrenByList.get(units);
  if (!map) {
    map = new Map();
    for (const u of units) if (u.parentId) map.set(u.parentId, [...(map.get(u.parentId) ?? []), u]);
    childrenByList.set(units, map);
  }
  return map;
}

/** Each unit's position in the list (the grid's row order). */
function positionsOf(units: readonly TUnit[]): Map<string, number> {
  let map = positionsByList.get(units);
  if (!map) {
    map = new Map(units.map((u, i) => [u.id, i]));
    positionsByList.set(units, map);
  }
  return map;
}

/** The units that hold a figure for each target ("targetId" → unit ids). */
export function figureUnitsByTarget(figures: readonly { targetId: string | null; unitId: string }[]): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const f of figures) if (f.targetId) (out.get(f.targetId) ?? out.set(f.targetId, new Set()).get(f.targetId)!).add(f.unitId);
  return new Map([...out].map(([k, v]) => [k, [...v]]));
}

/**
 * The units a target's grid has a row for, before permissions: the target's own unit, the
 * (former) districts below it, and any unit below it that already holds a figure for it. A
 * province's thousands of communes are not rows of its grid: a commune's figures belong to
 * targets set for that commune (or come in by spreadsheet or the API). Walks down from the
 * target's unit only (never the whole registry).
 */
export function rowUnitIds(units: readonly TUnit[], targetUnitId: string, figureUnitIds: Iterable<string>): Set<string> {
  const tree = unitTree(units);
  const out = new Set<string>();
  const own = tree.get(targetUnitId);
  if (!own) return out;
  out.add(own.id);
  const children = childrenOf(units);
  const stack = own.level === "NATION" || own.level === "PROVINCE" ? [own.id] : [];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      if (c.level === "DISTRICT") out.add(c.id);
      else if (c.level === "NATION" || c.level === "PROVINCE") stack.push(c.id);
    }
  }
  for (const id of figureUnitIds) if (tree.isWithin(id, own.id)) out.add(id);
  return out;
}

/**
 * The plan's grid for the actor. Qualitative targets (no figures) are left out. Null when
 * the plan does not exist, or is an unpublished plan the actor has no business with.
 * Throws ForbiddenError when the actor may not enter results at all.
 */
export async function listResultsForGrid(actor: TActor, planId: string): Promise<TGrid | null> {
  const me = await currentActor(actor);
  if (!me || !hasPermission(me, "result.edit")) throw new ForbiddenError();
  if (!isId(planId)) return null;
  const plan = await db().plan.findUnique({
    where: { id: planId },
    select: { id: true, code: true, title: true, status: true, periodStart: true, periodEnd: true, issuerUnitId: true },
  });
  if (!plan) return null;
  const [units, targets] = await Promise.all([
    listUnits(),
    db().target.findMany({ where: { planId, kind: { not: "QUALITATIVE" }, indicatorId: { not: null } }, orderBy: { position: "asc" }, select: gridTargetSelect }),
  ]);
  const tree = unitTree(units);
  // Rows: the target's unit, the (former) districts below it, and any unit that already holds
  // a figure for it (rowUnitIds), where the actor may enter results.
  const figures = targets.length
    ? await db().result.findMany({ where: { targetId: { in: targets.map((t) => t.id) } }, select: { targetId: true, unitId: true, year: true, status: true } })
    : [];
  const figureUnits = figureUnitsByTarget(figures);
  const withFigures = new Set(figures.map((r) => `${r.targetId}|${r.unitId}`));
  const published = new Set(figures.filter((r) => r.status === "PUBLISHED").map((r) => cellKey(r.targetId ?? "", r.unitId, r.year)));
  const position = positionsOf(units);
  // Outside the jurisdiction but in the reading scope (a unit merged into the actor's): the
  // published figures only, to read.
  const toRead = (u: TUnit, t: { id: string; unitId: string }) =>
    plan.status === "PUBLISHED" && withFigures.has(`${t.id}|${u.id}`) && !can(me, "result.edit", units, u.id) && can(me, "plan.read", units, u.id);
  const gridTargets: TGridTarget[] = [];
  const cellsAt: TCellAt[] = [];
  const gaps: TGridGap[] = [];
  for (const t of targets) {
    if (!t.indicator) continue;
    const years = Array.from({ length: t.periodEnd - t.periodStart + 1 }, (_, i) => t.periodStart + i);
    const own = tree.get(t.unitId);
    const missing = own ? years.filter((y) => !validInYear(own, y)) : [];
    if (own && missing.length && can(me, "plan.read", units, own.id)) {
      const successor = tree.get(own.successorId);
      gaps.push({ targetId: t.id, statement: t.statement, unit: own, successor: successor ?? null, years: missing });
    }
    const cells: TCellAt[] = [];
    const rowUnits = rowUnitIds(units, t.unitId, figureUnits.get(t.id) ?? []);
    // The candidates (rows, and figures to read) in listUnits order.
    const candidates = [...new Set([...rowUnits, ...(figureUnits.get(t.id) ?? [])])].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
    for (const id of candidates) {
      const unit = tree.get(id);
      if (!unit) continue;
      if (rowUnits.has(id) && can(me, "result.edit", units, id)) {
        for (const year of years) if (validInYear(unit, year)) cells.push({ targetId: t.id, unit, year, readOnly: false });
      } else if (toRead(unit, t)) {
        for (const year of years) if (published.has(cellKey(t.id, unit.id, year))) cells.push({ targetId: t.id, unit, year, readOnly: true });
      }
    }
    if (cells.length === 0) continue;
    cellsAt.push(...cells);
    const m = t.indicator;
    gridTargets.push({ ...withTargetNumbers(t), indicator: m, valueKind: isRateMeasure(m) ? "rate" : m.measure === "COUNT" ? "count" : "amount", years });
  }
  if (gridTargets.length === 0 && plan.status !== "PUBLISHED" && !can(me, "plan.edit", units, plan.issuerUnitId)) return null;

  const unitIds = new Set(cellsAt.map((c) => c.unit.id));
  return {
    plan,
    targets: gridTargets,
    units: units
      .filter((u) => unitIds.has(u.id))
      .map((u) => ({ id: u.id, code: u.code, name: u.name, shortName: u.shortName, nameEn: u.nameEn, level: u.level, parentId: u.parentId })),
    cells: await cellsOf(me, units, gridTargets, cellsAt, [...unitIds]),
    gaps,
  };
}

/** Every cell with its stored result (one read) and what the actor may do there. */
async function cellsOf(me: TActor, units: TUnit[], targets: TGridTarget[], cellsAt: TCellAt[], unitIds: string[]): Promise<TGridCell[]> {
  const results = targets.length
    ? await db().result.findMany({ where: { targetId: { in: targets.map((t) => t.id) }, unitId: { in: unitIds } }, select: gridResultSelect })
    : [];
  const resultByKey = new Map(results.map((r) => [cellKey(r.targetId ?? "", r.unitId, r.year), r]));
  return cellsAt.map(({ targetId, unit, year, readOnly }) => {
    const r = resultByKey.get(cellKey(targetId, unit.id, year));
    return {
      targetId,
      unitId: unit.id,
      unitCode: unit.code,
      year,
      result: r
        ? {
            id: r.id,
            value: num(r.value) ?? 0,
            baseline: num(r.baseline),
            note: r.note,
            evidenceUrl: r.evidenceUrl,
            status: r.status,
            version: r.version,
            isDemo: r.isDemo,
            enteredBy: r.enteredBy,
            approvedBy: r.approvedBy,
            approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
            returnReason: r.returnReason,
            updatedAt: r.updatedAt.toISOString(),
          }
        : null,
      readOnly,
      canEdit: !readOnly && r?.status !== "PUBLISHED",
      canPublish: !readOnly && can(me, "result.publish", units, unit.id) && r?.status !== "PUBLISHED",
      canReopen: !readOnly && !!r && r.status === "PUBLISHED" && can(me, "result.reopen", units, unit.id),
    };
  });
}
