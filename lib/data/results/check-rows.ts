import "server-only";
// Checking a batch before anything is written (saveResults, ./save.ts): every row is parsed,
// then checked on its own (target, unit, permissions, period, figures), then against what
// is stored (baselines, sub-target ≤ parent, optimistic locking). The rules are
// lib/domain/results.ts; this file reads what they need and collects their problems.
import { can, type TActor } from "../../auth/permissions";
import { db } from "../../db/client";
import {
  baselineProblem,
  bothCounts,
  cellKey,
  childProblem,
  conflictProblem,
  factorBaselineProblem,
  figureProblem,
  parentProblem,
  periodProblem,
  unitsProblem,
  type TRowProblem,
  type TWriteError,
} from "../../domain/results";
import { unitTree, validInYear } from "../../domain/unit-tree";
import type { Prisma } from "../../generated/prisma/client";
import type { TResultData } from "../../validation/results";
import { num } from "../decimal";
import { listUnits, type TUnit } from "../units";
import { measureProblems, parseRow } from "./parse-rows";
import { currentOf, currentSelect, type TStoredResult } from "./stored";

const targetCheckSelect = {
  id: true,
  kind: true,
  unitId: true,
  periodStart: true,
  periodEnd: true,
  baseline: true,
  parentId: true,
  indicatorId: true,
  groupId: true,
  statement: true,
  indicator: { select: { measure: true, measureUnit: true } },
  parent: { select: { id: true, statement: true, indicator: { select: { measure: true, measureUnit: true } } } },
  children: { select: { id: true, statement: true, indicator: { select: { measure: true, measureUnit: true } } } },
} satisfies Prisma.TargetSelect;

type TCheckTarget = Prisma.TargetGetPayload<{ select: typeof targetCheckSelect }>;

/** A row that passed every check, with what is stored for its cell. */
export type TCheckedRow = {
  index: number;
  data: TResultData;
  target: TCheckTarget;
  unit: TUnit;
  publish: boolean;
  key: string;
  existing: TStoredResult | null;
};

/** The batch checked: the rows to write, or every problem found. */
export type TCheckedBatch = { ok: true; rows: TCheckedRow[]; units: TUnit[] } | { ok: false; errors: TWriteError[] };

/** Checks a batch (`publish`: the default for rows that do not say); nothing is written. */
export async function checkRows(me: TActor, inputs: unknown[], publish: boolean | undefined): Promise<TCheckedBatch> {
  const errors: TWriteError[] = [];
  const add = (row: number, problems: (TRowProblem | null)[]) => {
    for (const p of problems) if (p) errors.push({ row, ...p });
  };
  const parsed = inputs.map((input, row) => {
    const r = parseRow(input);
    if (!r.ok) add(row, r.problems);
    return r.ok ? r.data : null;
  });

  const units = await listUnits();
  const targetIds = [...new Set(parsed.flatMap((d) => (d ? [d.targetId] : [])))];
  const targets = targetIds.length ? await db().target.findMany({ where: { id: { in: targetIds } }, select: targetCheckSelect }) : [];
  const ctx: TRowContext = { me, units, targetById: new Map(targets.map((t) => [t.id, t])), publish };

  const rows: TCheckedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  parsed.forEach((d, index) => {
    if (!d) return;
    const checked = checkOne(ctx, index, d, inputs[index]);
    if (!checked.ok) return add(index, checked.problems);
    const first = firstRowOfKey.get(checked.row.key);
    if (first === undefined) firstRowOfKey.set(checked.row.key, index);
    const problems = [...checked.problems, first === undefined ? null : { field: "targetId", code: "duplicate_row" as const, params: { firstRow: first + 1 } }];
    if (problems.some((p) => p !== null)) return add(index, problems);
    rows.push(checked.row);
  });

  await checkAgainstStored(rows, (row, problems) => add(row, problems));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows, units };
}

type TRowContext = { me: TActor; units: TUnit[]; targetById: Map<string, TCheckTarget>; publish: boolean | undefined };

type TOneChecked = { ok: true; row: TCheckedRow; problems: TRowProblem[] } | { ok: false; problems: TRowProblem[] };

/**
 * One row on its own: its target and unit exist, the actor may write (and publish) there,
 * the unit and year fit the target, the figures fit the measure. Once its cell is known the
 * row comes back with it, problems or not: a later row for the same cell is a duplicate.
 */
function checkOne(ctx: TRowContext, index: number, d: TResultData, input: unknown): TOneChecked {
  const target = ctx.targetById.get(d.targetId);
  // A code names the unit that had it in the row's year (codes are reused across the 2025 reform).
  const unit = unitTree(ctx.units).inYear(d.unitCode, d.year);
  if (!target || !unit) {
    const problems: TRowProblem[] = [];
    if (!target) problems.push({ field: "targetId", code: "target_not_found", params: { targetId: d.targetId } });
    if (!unit) problems.push({ field: "unitCode", code: "unit_not_found", params: { unitCode: d.unitCode } });
    return { ok: false, problems };
  }
  const publish = d.publish ?? ctx.publish ?? false;
  const where = { unitName: unit.name, unitNameEn: unit.nameEn ?? unit.name };
  if (!can(ctx.me, "result.edit", ctx.units, unit.id)) return { ok: false, problems: [{ field: "unitCode", code: "forbidden", params: where }] };
  if (publish && !can(ctx.me, "result.publish", ctx.units, unit.id)) return { ok: false, problems: [{ field: "publish", code: "forbidden_publish", params: where }] };

  const tree = unitTree(ctx.units);
  const targetUnit = tree.get(target.unitId);
  const problems: (TRowProblem | null)[] = [
    tree.isWithin(unit.id, target.unitId)
      ? null
      : { field: "unitCode", code: "unit_not_in_target", params: { ...where, targetUnitName: targetUnit?.name ?? target.unitId } },
    periodProblem(d.year, target, { name: unit.name, existed: validInYear(unit, d.year) }),
    ...figureProblems(target, d, input),
  ];
  const key = cellKey(target.id, unit.id, d.year);
  return { ok: true, row: { index, data: d, target, unit, publish, key, existing: null }, problems: problems.filter((p) => p !== null) };
}

/**
 * The figures for the target's measure: text numbers read again with it, then their ranges, then
 * what the target's kind asks of them (a share of units counts whole units, at most the target's
 * number; a factor's baseline is above 0).
 */
function figureProblems(target: TCheckTarget, d: TResultData, input: unknown): (TRowProblem | null)[] {
  if (target.kind === "QUALITATIVE" || !target.indicator) return [{ field: "targetId", code: "not_measurable" }];
  const ambiguous = measureProblems(input, target.indicator);
  const refused = new Set(ambiguous.map((p) => p.field));
  const value = refused.has("value") ? null : figureProblem(target.indicator, d.value, "value");
  const hasBaseline = d.baseline !== undefined && d.baseline !== null && !refused.has("baseline");
  const baseline = hasBaseline ? figureProblem(target.indicator, d.baseline!, "baseline") : null;
  return [
    ...ambiguous,
    value,
    baseline,
    refused.has("value") || value ? null : unitsProblem(target.kind, d.value, num(target.baseline), target.indicator.measureUnit),
    !hasBaseline || baseline ? null : factorBaselineProblem(target.kind, d.baseline),
  ];
}

/**
 * The rows against what is stored for them, their parent targets and their children (one
 * read): a decrease, an average decrease and a factor need a baseline, a sub-target's count stays within its parent's (the
 * batch's value first), and a stored result must be the version the row names.
 * Sets `existing` on every row.
 */
async function checkAgainstStored(rows: TCheckedRow[], add: (row: number, problems: (TRowProblem | null)[]) => void): Promise<void> {
  const wanted = new Map<string, { targetId: string; unitId: string; year: number }>();
  const want = (targetId: string, unitId: string, year: number) => wanted.set(cellKey(targetId, unitId, year), { targetId, unitId, year });
  for (const r of rows) {
    want(r.target.id, r.unit.id, r.data.year);
    if (r.target.parentId) want(r.target.parentId, r.unit.id, r.data.year);
    for (const c of r.target.children) want(c.id, r.unit.id, r.data.year);
  }
  const stored = new Map<string, TStoredResult>();
  if (wanted.size > 0) {
    for (const s of await db().result.findMany({ where: { OR: [...wanted.values()] }, select: currentSelect })) {
      if (s.targetId) stored.set(cellKey(s.targetId, s.unitId, s.year), s);
    }
  }
  const batchValue = new Map(rows.map((r) => [r.key, r.data.value]));
  const valueAt = (targetId: string, r: TCheckedRow) => {
    const key = cellKey(targetId, r.unit.id, r.data.year);
    return batchValue.has(key) ? batchValue.get(key) : num(stored.get(key)?.value);
  };

  for (const r of rows) {
    const { data: d, target: t } = r;
    r.existing = stored.get(r.key) ?? null;
    // A child in the batch is checked against this row (as its parent), not the other way round.
    const children = t.children.filter((c) => bothCounts(t.indicator, c.indicator) && !batchValue.has(cellKey(c.id, r.unit.id, d.year)));
    add(r.index, [
      baselineProblem(t.kind, [d.baseline === undefined ? num(r.existing?.baseline) : d.baseline, num(t.baseline)]),
      t.parent && bothCounts(t.indicator, t.parent.indicator) ? parentProblem(d.value, t.parent, valueAt(t.parent.id, r)) : null,
      ...children.map((c) => childProblem(d.value, c, valueAt(c.id, r))),
      r.existing ? conflictProblem(d.version, currentOf(r.existing)) : null,
    ]);
  }
}
