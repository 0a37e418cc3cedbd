// Shapes shared by the result grid (client) and its server actions and page.
// Everything here is plain data: numbers and dates arrive already formatted.
import type { TResultStatus } from "@/lib/domain/results";
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
};

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
  };
  canEdit: boolean;
  canPublish: boolean;
  canReopen: boolean;
  canReadHistory: boolean;
};

export type TGridGroupView = { target: TGridTargetView; rows: TGridRowView[] };
