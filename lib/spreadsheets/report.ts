// The import's report, at the rows of the file: what was written, or why the file was refused.
// Errors and warnings are problems (codes with parameters, lib/errors.ts), never sentences: the
// import form says them in the reader's language (problemText, rowWarningMessage).
import type { TWriteError, TWriteWarning } from "../data/results-write";
import type { TErrorKind, TProblem } from "../errors";
import type { TActionState } from "../validation/action-state";
import type { TImportRow } from "./read-file";

/** One line of the report: a problem at its file row ("Dòng 7 – value: …"). */
export type TRowError = Omit<TProblem, "row"> & { line: number };

/** A warning of the write path (saved, but worth a second look), at its file row. */
export type TRowWarning = (TWriteWarning extends infer W ? (W extends TWriteWarning ? Omit<W, "row"> : never) : never) & { line: number };

export type TImportReport = {
  format: "xlsx" | "csv";
  /** Rows written (0 when the file was rejected). */
  imported: number;
  /** Rows equal to what is stored, left alone. */
  unchanged: number;
  /** Rows without a value (unfilled lines of the grid), left alone. */
  blank: number;
  /** The write path's verdict on a rejected file: forbidden (outside the actor's rights), invalid, conflict. */
  kind?: TErrorKind;
  errors: TRowError[];
  /** Rows written that are worth a second look (a count above the parent unit's, a baseline unlike last year's). */
  warnings: TRowWarning[];
};

/** What the import form's server action answers: the house action state, plus the report. */
export type TImportState = TActionState & { report?: TImportReport };

const at = (line: number, p: Pick<TProblem, "code" | "params" | "field">): TRowError => ({
  line,
  ...(p.field ? { field: p.field } : {}),
  code: p.code,
  ...(p.params ? { params: p.params } : {}),
});

/** The write path's errors (by batch index) as report lines (by file row); a row's own problems replace its errors. */
export function rowErrorsOf(rows: TImportRow[], errors: TWriteError[]): TRowError[] {
  const out: TRowError[] = rows.flatMap((r) => r.problems.map((p) => at(r.line, p)));
  for (const e of errors) {
    const r = rows[e.row];
    if (r && r.problems.length > 0) continue;
    out.push(at(r?.line ?? 0, e));
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The write path's warnings (by batch index) at their file rows. */
export function rowWarningsOf(rows: TImportRow[], warnings: TWriteWarning[]): TRowWarning[] {
  return warnings.map(({ row, ...w }) => ({ line: rows[row]?.line ?? 0, ...w }) as TRowWarning).sort((a, b) => a.line - b.line);
}
