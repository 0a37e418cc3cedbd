import "server-only";
// Warnings of a saved batch: saved, but the officer is told. A warning is a problem
// (lib/errors.ts: a code, its parameters, the field and row it is about) that never
// refuses a row; each screen says it in its own words from the parameters.
import { can, type TActor } from "../../auth/permissions";
import { db } from "../../db/client";
import { isWholeNumberMeasure } from "../../domain/numbers";
import { cellKey, type TResultStatus } from "../../domain/results";
import { num } from "../decimal";
import type { TUnit } from "../units";
import type { TCheckedRow } from "./check-rows";

/** Who and what a warning is about (names as stored, numbers as numbers: the reader formats them). */
type TWarningWhere = { targetId: string; year: number; unitCode: string; unitName: string; unitNameEn: string };

/** Saved, but the officer is told. `row` is the 0-based index of the row in the batch. */
export type TWriteWarning =
  | {
      row: number;
      field: "value";
      /** A count above the parent unit's figure for the same target (or indicator) and year. */
      code: "exceeds_parent_unit";
      params: TWarningWhere & { value: number; parentUnitCode: string; parentUnitName: string; parentUnitNameEn: string; parentValue: number };
    }
  | {
      row: number;
      field: "baseline";
      /** The baseline differs from the previous year's published result for the same target and unit. */
      code: "baseline_differs_from_previous_year";
      params: TWarningWhere & { baseline: number; previousYear: number; previousValue: number };
    };

export type TWriteWarningCode = TWriteWarning["code"];

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const indicatorKey = (r: { indicatorId: string | null; groupId: string | null }) => `${r.indicatorId}|${r.groupId}`;

/** What is stored that the warnings compare with, as the actor may see it. */
type TComparable = {
  /** Visible results by target, unit and year. */
  byTarget: Map<string, number>;
  /** Visible results without a target, by indicator and group, unit and year (the first found). */
  byIndicator: Map<string, number>;
  /** Published results by target, unit and year. */
  publishedByTarget: Map<string, number>;
};

/**
 * Saved, but worth a second look:
 * - a count above the parent unit's figure: the same target (else the parent's result
 *   without a target for the same indicator and population group), the same year, a result the actor can see
 *   (published, or in their jurisdiction), or the parent's row in the same batch;
 * - a baseline given that differs from the previous year's published result for the
 *   same target and unit (or that row of the same batch, when it is being published).
 */
export async function warningsFor(me: TActor, rows: TCheckedRow[], units: TUnit[]): Promise<TWriteWarning[]> {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const parentOf = (r: TCheckedRow) => (r.unit.parentId ? unitById.get(r.unit.parentId) : undefined);
  const stored = await comparable(me, rows, units, parentOf);
  if (!stored) return [];
  const inBatch = new Map(rows.map((r) => [r.key, r]));
  const out: TWriteWarning[] = [];
  for (const r of rows) {
    const parent = parentOf(r);
    const aboveParent = parent ? parentUnitWarning(r, parent, inBatch, stored) : null;
    const baseline = baselineWarning(r, inBatch, stored);
    if (aboveParent) out.push(aboveParent);
    if (baseline) out.push(baseline);
  }
  return out.sort((a, b) => a.row - b.row);
}

/** One read of what the rows' warnings compare with; null when no row needs any. */
async function comparable(me: TActor, rows: TCheckedRow[], units: TUnit[], parentOf: (r: TCheckedRow) => TUnit | undefined): Promise<TComparable | null> {
  type TWhere = { targetId: string | null; indicatorId?: string; groupId?: string; unitId: string; year: number; status?: "PUBLISHED" };
  const where: TWhere[] = [];
  for (const r of rows) {
    const parent = parentOf(r);
    if (parent && isWholeNumberMeasure(r.target.indicator)) {
      where.push({ targetId: r.target.id, unitId: parent.id, year: r.data.year });
      where.push({ targetId: null, indicatorId: r.target.indicatorId!, groupId: r.target.groupId, unitId: parent.id, year: r.data.year });
    }
    if (r.data.baseline !== undefined && r.data.baseline !== null) {
      where.push({ targetId: r.target.id, unitId: r.unit.id, year: r.data.year - 1, status: "PUBLISHED" });
    }
  }
  if (where.length === 0) return null;
  const stored = await db().result.findMany({
    where: { OR: where },
    select: { targetId: true, indicatorId: true, groupId: true, unitId: true, year: true, value: true, status: true },
    orderBy: { id: "asc" },
  });
  const visible = (s: { unitId: string; status: TResultStatus }) => s.status === "PUBLISHED" || can(me, "result.edit", units, s.unitId);
  const out: TComparable = { byTarget: new Map(), byIndicator: new Map(), publishedByTarget: new Map() };
  for (const s of stored) {
    const value = num(s.value);
    if (value === null) continue;
    if (s.targetId !== null && s.status === "PUBLISHED") out.publishedByTarget.set(cellKey(s.targetId, s.unitId, s.year), value);
    if (!visible(s)) continue;
    if (s.targetId !== null) out.byTarget.set(cellKey(s.targetId, s.unitId, s.year), value);
    else if (!out.byIndicator.has(cellKey(indicatorKey(s), s.unitId, s.year))) out.byIndicator.set(cellKey(indicatorKey(s), s.unitId, s.year), value);
  }
  return out;
}

function whereOf(r: TCheckedRow): TWarningWhere {
  return { targetId: r.target.id, year: r.data.year, unitCode: r.unit.code, unitName: r.unit.name, unitNameEn: r.unit.nameEn ?? r.unit.name };
}

/** A count above the parent unit's figure (the batch's row for it first). */
function parentUnitWarning(r: TCheckedRow, parent: TUnit, inBatch: Map<string, TCheckedRow>, stored: TComparable): TWriteWarning | null {
  const { data: d, target: t } = r;
  if (!isWholeNumberMeasure(t.indicator)) return null;
  const batchRow = inBatch.get(cellKey(t.id, parent.id, d.year));
  const parentValue = batchRow
    ? batchRow.data.value
    : (stored.byTarget.get(cellKey(t.id, parent.id, d.year)) ?? stored.byIndicator.get(cellKey(indicatorKey(t), parent.id, d.year)) ?? null);
  if (parentValue === null || d.value <= parentValue || sameNumber(d.value, parentValue)) return null;
  return {
    row: r.index,
    field: "value",
    code: "exceeds_parent_unit",
    params: { ...whereOf(r), value: d.value, parentUnitCode: parent.code, parentUnitName: parent.name, parentUnitNameEn: parent.nameEn ?? parent.name, parentValue },
  };
}

/** A baseline unlike the previous year's published result (the batch's row for it, when published in the same write). */
function baselineWarning(r: TCheckedRow, inBatch: Map<string, TCheckedRow>, stored: TComparable): TWriteWarning | null {
  const { data: d, target: t, unit } = r;
  if (d.baseline === undefined || d.baseline === null) return null;
  const previousYear = d.year - 1;
  const batchRow = inBatch.get(cellKey(t.id, unit.id, previousYear));
  const previousValue = batchRow?.publish ? batchRow.data.value : (stored.publishedByTarget.get(cellKey(t.id, unit.id, previousYear)) ?? null);
  if (previousValue === null || sameNumber(d.baseline, previousValue)) return null;
  return { row: r.index, field: "baseline", code: "baseline_differs_from_previous_year", params: { ...whereOf(r), baseline: d.baseline, previousYear, previousValue } };
}
