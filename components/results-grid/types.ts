// Shapes shared by the result grid (client) and its server actions and page.
// Everything here is plain data: numbers and dates arrive already formatted.
import type { TActionState } from "@/lib/validation/action-state";

export type TGridStatus = "DRAFT" | "SUBMITTED" | "PUBLISHED";

/** A row's identity in forms and messages: "targetId|unitCode|year". */
export const rowKeyOf = (targetId: string, unitCode: string, year: number | string) => `${targetId}|${unitCode}|${year}`;

/** The stored result a conflict is about, formatted for the reader. */
export type TConflictView = {
  code: "version_conflict" | "version_required" | "locked" | "invalid_status";
  value: string;
  version: number;
  status: TGridStatus;
  who: string | null;
  at: string;
};

/** One message on a row, as the grid shows it (built from the action state). */
export type TRowError = { message: string; field?: string; conflict?: TConflictView };

/** fieldErrors keys: the row key, then "#" and the field when the message is about one input. */
export const FIELD_SEP = "#";

/**
 * The house ActionState (lib/validation/action-state.ts): `fieldErrors` is keyed by
 * "rowKey#field" (or the bare row key); `conflicts` carries, per row key, what is
 * stored now when someone else changed it or it was approved meanwhile.
 */
export type TGridActionState = TActionState & {
  conflicts?: Record<string, TConflictView & { message: string }>;
  /** Messages not tied to a row. */
  details?: string[];
  /** After a save: rows saved but worth checking (key = row key; field = the input concerned). */
  warnings?: TGridWarningView[];
  /** Changes on every answer, so the same message is announced again. */
  seq?: number;
};

/** A warning of the write path on one row, in the reader's language. */
export type TGridWarningView = { key: string; field: "value" | "baseline"; code: string; message: string };

export type TReopenActionState = TActionState & { seq?: number };

export type THistoryEntryView = {
  id: string;
  at: string;
  who: string;
  action: string;
  change: string;
  status: string | null;
  reason: string | null;
};

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
    status: TGridStatus;
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
