// Shapes shared by the result grid (client) and its server actions and page.
// Everything here is plain data: numbers and dates arrive already formatted.
import type { TCellFilter, TResultStatus } from "@/lib/domain/results";
import type { TActionState } from "@/lib/validation/action-state";

/** A row's identity in forms and messages: "targetId|unitCode|year". */
export const rowKeyOf = (targetId: string, unitCode: string, year: number | string) => `${targetId}|${unitCode}|${year}`;

/** The stored result a conflict is about, formatted for the reader. */
export type TConflictView = {
  code: "version_conflict" | "version_required" | "locked" | "invalid_status";
  value: string;
  version: number;
  status: TResultStatus;
  who: string | null;
  at: string;
};

/** One message on a row, as the grid shows it (built from the action state). */
export type TRowError = { message: string; field?: string; conflict?: TConflictView };

/** fieldErrors keys: the row key, then "#" and the field when the message is about one input. */
export const FIELD_SEP = "#";

/**
 * The one action state (lib/validation/action-state.ts) with the grid's extras: `fieldErrors`
 * is keyed by "rowKey#field" (or the bare row key); `conflicts` carries, per row key, what is
 * stored now when someone else changed it or it was approved meanwhile.
 */
export type TGridActionState = TActionState & TGridExtras;

export type TGridExtras = {
  conflicts?: Record<string, TConflictView & { message: string }>;
  /** Messages not tied to a row. */
  details?: string[];
  /** After a save: rows saved but worth checking (key = row key; field = the input concerned). */
  warnings?: TGridWarningView[];
  /** The rows written (saved or changed status), in grid order: focus goes back to the first. */
  savedKeys?: string[];
};

/** The rows the grid shows (URL search parameters `status` and `year`). */
export type TGridFilter = { status: TCellFilter; year: number | null };

/** A warning of the write path on one row, in the reader's language. */
export type TGridWarningView = { key: string; field: "value" | "baseline"; code: string; message: string };

/** The grid's form: every input of every row belongs to it (the `form` attribute). */
export const GRID_FORM_ID = "results-grid-form";

/** Columns of the grid's table. */
export const GRID_COLS = 8;

export type THistoryEntryView = {
  id: string;
  at: string;
  who: string;
  action: string;
  change: string;
  status: string | null;
  reason: string | null;
};

/** The history of one result, as the page gives it; `entries` is null when the actor may not read it. */
export type THistoryView = { resultId: string; entries: THistoryEntryView[] | null; title: string };

/** The target a group of rows belongs to. */
export type TGridTargetView = {
  id: string;
  text: string;
  statement: string;
  isSub: boolean;
  measureUnit: string;
};

/** One (target, unit, year) of the grid, as the page gives it to the client. */
export type TGridRowView = {
  key: string;
  targetId: string;
  unitCode: string;
  unitName: string;
  year: number;
  /** What the inputs' labels call the target ("Lao động được giải quyết việc làm"). */
  labelWhat: string;
  measureUnit: string;
  valueKind: "rate" | "count" | "amount";
  /**
   * The baseline input, when the row asks for one (rates, and the kinds measured from a baseline:
   * docs/domain.md): its unit, and the year whose end it is the value of (null: the target's
   * reference point, for an increase by a factor).
   */
  baseline: null | { unit: string; endOfYear: number | null };
  result: null | {
    id: string;
    valueText: string;
    /** What the value input starts with (Vietnamese format). */
    valueInput: string;
    baselineInput: string;
    note: string;
    evidenceUrl: string;
    status: TResultStatus;
    version: number;
    isDemo: boolean;
    enteredBy: string | null;
    updatedAt: string;
    approvedBy: string | null;
    approvedAt: string | null;
    /** Why an approver returned it (a returned value, or the draft made of it until it is submitted again). */
    returnReason: string | null;
  };
  canEdit: boolean;
  canPublish: boolean;
  canReopen: boolean;
  canReadHistory: boolean;
};

export type TGridGroupView = { target: TGridTargetView; rows: TGridRowView[] };

// ---------------------------------------------------------------------------
// The approval inbox (/workspace/inbox)
// ---------------------------------------------------------------------------

/** The inbox action's answer: problems about the reason in `fieldErrors.reason`, about a value in `rowErrors[id]`. */
export type TInboxExtras = { rowErrors?: Record<string, string[]> };
export type TInboxActionState = TActionState & TInboxExtras;

/** One value awaiting approval, formatted for the reader. */
export type TInboxItemView = {
  id: string;
  version: number;
  unitName: string;
  year: number;
  /** The target's sentence as its plan states it (else the indicator's name). */
  target: string;
  /** The plan ("58/KH-UBND"), linked to its grid filtered to what waits. */
  plan: { label: string; href: string } | null;
  value: string;
  baseline: string | null;
  submittedBy: string | null;
  submittedAt: string;
  isDemo: boolean;
};
