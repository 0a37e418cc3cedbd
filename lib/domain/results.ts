/**
 * The rules a result row must keep (docs/domain.md, "Results"), as pure functions: each
 * check answers a problem (a code and its parameters, lib/errors.ts) or null, never a
 * sentence; lib/i18n/problems/results.ts says each code in both languages. The write path
 * (lib/data/results/) reads the database and the permissions, then asks these.
 * Pure: imports only lib/domain and lib/errors.ts.
 */
import type { TErrorKind, TProblem } from "../errors";
import { isRateMeasure, isWholeNumberMeasure, type NumberMeasure } from "./numbers";
import { needsBaseline } from "./targets";
import { hasControlCharacters } from "./text";

// ---------------------------------------------------------------------------
// Statuses and their changes
// ---------------------------------------------------------------------------

/**
 * A result is entered as a draft, submitted for approval, then approved and published; an
 * approver may instead return a submitted value to its author with a reason (RETURNED), who
 * corrects it and submits it again.
 */
export const RESULT_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"] as const;
export type TResultStatus = (typeof RESULT_STATUSES)[number];

export function isResultStatus(s: unknown): s is TResultStatus {
  return (RESULT_STATUSES as readonly unknown[]).includes(s);
}

/** The status changes after saving: from which statuses, to which one. */
export const RESULT_TRANSITIONS = {
  submit: { from: ["DRAFT", "RETURNED"], to: "SUBMITTED" },
  publish: { from: ["DRAFT", "SUBMITTED", "RETURNED"], to: "PUBLISHED" },
  return: { from: ["SUBMITTED"], to: "RETURNED" },
  reopen: { from: ["PUBLISHED"], to: "DRAFT" },
} as const satisfies Record<string, { from: readonly TResultStatus[]; to: TResultStatus }>;

export type TResultTransition = keyof typeof RESULT_TRANSITIONS;

/** Statuses whose value its author may still change (save again): everything not approved. */
export const EDITABLE_STATUSES = ["DRAFT", "SUBMITTED", "RETURNED"] as const satisfies readonly TResultStatus[];

/** True when a stored result (or an empty cell, null) may still be typed into. */
export function isEditableStatus(status: TResultStatus | null | undefined): boolean {
  return status === null || status === undefined || (EDITABLE_STATUSES as readonly TResultStatus[]).includes(status);
}

/**
 * Where a cell stands in the officers' working day (the grid's status filter, the workspace's
 * groups): "none" (no value yet), a status, or "todo" (to report: no value yet or only a draft).
 */
export const CELL_FILTERS = ["all", "todo", "none", "draft", "submitted", "returned", "published"] as const;
export type TCellFilter = (typeof CELL_FILTERS)[number];

export function isCellFilter(s: unknown): s is TCellFilter {
  return (CELL_FILTERS as readonly unknown[]).includes(s);
}

/** True when a cell whose stored status is `status` (null: no value yet) passes the filter. */
export function matchesCellFilter(filter: TCellFilter, status: TResultStatus | null | undefined): boolean {
  switch (filter) {
    case "all":
      return true;
    case "todo":
      return !status || status === "DRAFT";
    case "none":
      return !status;
    default:
      return status === filter.toUpperCase();
  }
}

/**
 * The last calendar year that has ended on `today` (a "YYYY-MM-DD" in Vietnam): results up to
 * it are due ("Cần báo cáo năm 2025" from 1/1/2026).
 */
export function lastEndedYear(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

// ---------------------------------------------------------------------------
// A reason (returning a value to its author)
// ---------------------------------------------------------------------------

export const REASON_MIN = 5;
export const REASON_MAX = 2000;

/**
 * A reason as kept (line breaks normalised, trimmed), or its problem: 5–2000 characters, no
 * control characters but newlines. `change` names what it is the reason for, for the text.
 */
export function checkReason(reason: unknown, change: TResultTransition): { ok: true; reason: string } | { ok: false; problem: TRowProblem } {
  const text = typeof reason === "string" ? reason.replace(/\r\n?/g, "\n").trim() : "";
  const params = { change, min: REASON_MIN, max: REASON_MAX, length: text.length };
  if (text.length === 0) return { ok: false, problem: { field: "reason", code: "reason_required", params } };
  if (text.length < REASON_MIN) return { ok: false, problem: { field: "reason", code: "reason_too_short", params } };
  if (text.length > REASON_MAX) return { ok: false, problem: { field: "reason", code: "reason_too_long", params } };
  if (hasControlCharacters(text, { lineBreaks: true })) return { ok: false, problem: { field: "reason", code: "reason_invalid", params } };
  return { ok: true, reason: text };
}

// ---------------------------------------------------------------------------
// The problems of a write, and the kind of a refused batch
// ---------------------------------------------------------------------------

/** Every code a write may be refused with, and the kind of failure it is. */
export const WRITE_ERROR_KIND = {
  // outside the actor's permissions (or no such account)
  forbidden: "forbidden",
  forbidden_publish: "forbidden",
  // no such result (submit, publish, return, reopen)
  not_found: "not_found",
  // the row is invalid
  required: "invalid",
  invalid: "invalid",
  invalid_number: "invalid",
  too_many_rows: "invalid",
  duplicate_row: "invalid",
  target_not_found: "invalid",
  unit_not_found: "invalid",
  unit_not_in_target: "invalid",
  unit_not_valid: "invalid",
  year_out_of_period: "invalid",
  not_measurable: "invalid",
  out_of_range: "invalid",
  not_whole: "invalid",
  negative: "invalid",
  baseline_required: "invalid",
  baseline_not_positive: "invalid",
  exceeds_units: "invalid",
  reason_required: "invalid",
  reason_too_short: "invalid",
  reason_too_long: "invalid",
  reason_invalid: "invalid",
  exceeds_parent: "invalid",
  below_child: "invalid",
  // the stored result is not what the caller thinks
  version_required: "conflict",
  version_conflict: "conflict",
  locked: "conflict",
  invalid_status: "conflict",
} as const satisfies Record<string, TErrorKind>;

export type TWriteErrorCode = keyof typeof WRITE_ERROR_KIND;
export type TWriteKind = (typeof WRITE_ERROR_KIND)[TWriteErrorCode];

/** The stored result a conflict is about, so the caller can show who changed what. */
export type TCurrentResult = {
  id: string;
  value: number;
  baseline: number | null;
  version: number;
  status: TResultStatus;
  enteredBy: { id: string; name: string } | null;
  updatedAt: string;
};

/** One problem of a write: `row` is the 0-based index in the batch (of the id, for status changes). */
export type TWriteError = TProblem & { row: number; code: TWriteErrorCode; current?: TCurrentResult };

/** A problem of one row, before it is placed in its batch. */
export type TRowProblem = Omit<TWriteError, "row">;

/** A refused batch is as bad as its worst row: forbidden, then not found, invalid, conflict. */
const KIND_PRECEDENCE: readonly TWriteKind[] = ["forbidden", "not_found", "invalid", "conflict"];

export function kindOf(errors: readonly Pick<TWriteError, "code">[]): TWriteKind {
  const kinds = new Set(errors.map((e) => WRITE_ERROR_KIND[e.code]));
  return KIND_PRECEDENCE.find((k) => kinds.has(k)) ?? "invalid";
}

// ---------------------------------------------------------------------------
// One row on its own
// ---------------------------------------------------------------------------

/** The identity of a (target, unit, year) cell. */
export const cellKey = (targetId: string, unitId: string, year: number) => `${targetId}|${unitId}|${year}`;

/** A problem when the year lies outside the target's period, or the unit did not exist that year. */
export function periodProblem(
  year: number,
  target: { periodStart: number; periodEnd: number },
  unit: { name: string; existed: boolean },
): TRowProblem | null {
  if (year < target.periodStart || year > target.periodEnd) {
    return { field: "year", code: "year_out_of_period", params: { year, periodStart: target.periodStart, periodEnd: target.periodEnd } };
  }
  if (!unit.existed) return { field: "unitCode", code: "unit_not_valid", params: { unitName: unit.name, year } };
  return null;
}

/** The range problem of one figure for the indicator's kind of measure: a rate is 0–100, a count whole, nothing negative. */
export function figureProblem(measure: NumberMeasure, value: number, what: "value" | "baseline"): TRowProblem | null {
  const at = { field: what, params: { what, value } };
  if (isRateMeasure(measure)) return value < 0 || value > 100 ? { ...at, code: "out_of_range" } : null;
  if (value < 0) return { ...at, code: "negative" };
  if (measure.measure === "COUNT" && !Number.isInteger(value)) {
    return { ...at, code: "not_whole", params: { ...at.params, measureUnit: measure.measureUnit ?? "" } };
  }
  return null;
}

/**
 * A target measured from a baseline (a decrease, an average decrease, an increase by a factor:
 * `needsBaseline`, lib/domain/targets.ts) needs one from somewhere: the row's, the stored
 * result's, or the target's own.
 */
export function baselineProblem(kind: string, baselines: (number | null | undefined)[]): TRowProblem | null {
  if (!needsBaseline(kind) || baselines.some((b) => b !== null && b !== undefined)) return null;
  return { field: "baseline", code: "baseline_required", params: { kind } };
}

/** An increase by a factor multiplies its baseline: a baseline of 0 given with a result cannot be. */
export function factorBaselineProblem(kind: string, baseline: number | null | undefined): TRowProblem | null {
  if (kind !== "INCREASE_FACTOR" || baseline !== 0) return null;
  return { field: "baseline", code: "baseline_not_positive", params: { what: "baseline", value: baseline } };
}

/**
 * A share of units ("30% huyện nghèo thoát nghèo") counts units: a result is a whole number of
 * them, and never more than the target's number of units (its baseline) when the plan states it.
 */
export function unitsProblem(kind: string, value: number, units: number | null, measureUnit: string): TRowProblem | null {
  if (kind !== "SHARE_OF_UNITS") return null;
  if (!Number.isInteger(value)) return { field: "value", code: "not_whole", params: { what: "value", value, measureUnit } };
  if (units !== null && value > units) return { field: "value", code: "exceeds_units", params: { value, units } };
  return null;
}

type TLinkedTarget = { statement: string; indicator: NumberMeasure | null };

/** A sub-target's count may not exceed its parent target's for the same unit and year. */
export function parentProblem(value: number, parent: TLinkedTarget, parentValue: number | null | undefined): TRowProblem | null {
  if (parentValue === null || parentValue === undefined || value <= parentValue) return null;
  return { field: "value", code: "exceeds_parent", params: { value, parentValue, parentStatement: parent.statement } };
}

/** A target's count may not fall below a sub-target's stored result for the same unit and year. */
export function childProblem(value: number, child: TLinkedTarget, childValue: number | null | undefined): TRowProblem | null {
  if (childValue === null || childValue === undefined || value >= childValue) return null;
  return { field: "value", code: "below_child", params: { value, childValue, childStatement: child.statement } };
}

/** Counts of a target and of its parent or child are compared only when both are counts. */
export const bothCounts = (a: NumberMeasure | null | undefined, b: NumberMeasure | null | undefined) => isWholeNumberMeasure(a) && isWholeNumberMeasure(b);

// ---------------------------------------------------------------------------
// A row against what is stored
// ---------------------------------------------------------------------------

/** What a conflict's text needs of the stored result. */
function storedParams(current: TCurrentResult) {
  return { value: current.value, version: current.version, who: current.enteredBy?.name ?? null };
}

/**
 * Why a stored result blocks writing a row that carries `version` (null when it does not):
 * approved results are locked; an update must name the current version.
 */
export function conflictProblem(version: number | undefined, current: TCurrentResult): TRowProblem | null {
  if (current.status === "PUBLISHED") return { code: "locked", params: storedParams(current), current };
  if (version === undefined) return { field: "version", code: "version_required", params: storedParams(current), current };
  if (version !== current.version) return { field: "version", code: "version_conflict", params: { ...storedParams(current), yourVersion: version }, current };
  return null;
}

/** A write that lost its optimistic lock to someone else's, found out while writing. */
export function lostLockProblem(current: TCurrentResult | null): TRowProblem {
  return { code: "version_conflict", ...(current ? { current } : {}) };
}

/**
 * Why a stored result may not make a status change (null when it may): its status must be
 * one the change starts from (an approved one is locked), and, when the caller names the
 * version it saw, that version must still be the current one.
 */
export function transitionProblem(change: TResultTransition, current: TCurrentResult, expectedVersion?: number): TRowProblem | null {
  const { from, to } = RESULT_TRANSITIONS[change];
  if (!(from as readonly TResultStatus[]).includes(current.status)) {
    if (current.status === "PUBLISHED" && to !== "PUBLISHED") return { code: "locked", params: storedParams(current), current };
    return { code: "invalid_status", params: { status: current.status }, current };
  }
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    return { field: "version", code: "version_conflict", params: { ...storedParams(current), yourVersion: expectedVersion }, current };
  }
  return null;
}
