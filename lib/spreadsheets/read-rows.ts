// The rows of an uploaded sheet, whatever its format: read-xlsx.ts and read-csv.ts hand over
// their non-blank lines, cells by position; the first is the header, which names the columns
// (format.ts), and every line below it becomes an input for saveResults.
import type { TProblem } from "../errors";
import { headerKey, IMPORT_KEYS, MAX_DATA_ROWS, REQUIRED_KEYS, type TColumnKey } from "./format";
import { fileError, type TFileError, type TImportRow, type TParsedFile } from "./read-file";

/** Cell content after reading, before it becomes an input field; `problem` when it could not be read. */
export type TCell = { value: string | number | null; problem?: Pick<TProblem, "code" | "params"> };

/** A line of the sheet: its row number as a spreadsheet program shows it, and its cells by position (1 = column A). */
export type TSheetLine = { line: number; cells: Map<number, TCell> };

const EMPTY: TCell = { value: null };

const isBlank = (c: TCell | undefined) => !c || (c.problem === undefined && (c.value === null || (typeof c.value === "string" && c.value.trim() === "")));

/** True when no cell of the line holds anything (such lines are skipped, and not counted). */
export const isBlankLine = (cells: Map<number, TCell>) => [...cells.values()].every((c) => isBlank(c));

/** The file's rows: the header (the first line) names the columns, the lines below are the data. */
export function readRows(format: "xlsx" | "csv", lines: TSheetLine[]): TParsedFile {
  const [headerLine, ...data] = lines;
  if (!headerLine) return fileError("file_no_header");
  const header = mapHeader(headerLine.cells);
  if (!header.ok) return header;
  if (data.length > MAX_DATA_ROWS) return fileError("file_too_many_rows", { limit: MAX_DATA_ROWS });
  const rows: TImportRow[] = [];
  let blank = 0;
  for (const l of data) {
    const row = rowToInput(l.line, l.cells, header.columns);
    if (row) rows.push(row);
    else blank++;
  }
  return { ok: true, format, rows, blank };
}

type THeaderMap = { ok: true; columns: Map<number, TColumnKey> } | { ok: false; error: TFileError };

/** Reads the header row (cells by position). Column names in a problem come one a line. */
function mapHeader(cells: Map<number, TCell>): THeaderMap {
  const columns = new Map<number, TColumnKey>();
  const unknown: string[] = [];
  const seen = new Map<TColumnKey, number>();
  const duplicate: string[] = [];
  for (const [pos, cell] of [...cells].sort((a, b) => a[0] - b[0])) {
    const text = (cell.value === null ? "" : String(cell.value)).trim();
    if (text === "") continue;
    const key = headerKey(text);
    if (!key) {
      unknown.push(text.slice(0, 60));
      continue;
    }
    if (seen.has(key)) duplicate.push(key);
    seen.set(key, pos);
    columns.set(pos, key);
  }
  if (unknown.length > 0) return fileError("file_unknown_columns", { columns: unknown.join("\n") });
  if (duplicate.length > 0) return fileError("file_duplicate_columns", { columns: [...new Set(duplicate)].join("\n") });
  const missing = REQUIRED_KEYS.filter((k) => !seen.has(k));
  if (missing.length > 0) return fileError("file_missing_columns", { columns: missing.join("\n") });
  return { ok: true, columns };
}

/** A CSV writer's guard against formulas ("'=…", "'-…") is taken off again. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/**
 * One sheet row (cells by position) → an input for saveResults, or null when it holds
 * nothing to save: no value and no baseline, note or evidence link (an unfilled row of
 * the exported grid, or an empty line).
 */
function rowToInput(line: number, cells: Map<number, TCell>, columns: Map<number, TColumnKey>): TImportRow | null {
  const byKey = new Map<TColumnKey, TCell>();
  for (const [pos, key] of columns) byKey.set(key, cells.get(pos) ?? EMPTY);
  if ((["value", "baseline", "note", "evidenceUrl"] as const).every((k) => isBlank(byKey.get(k)))) return null;

  const input: Record<string, unknown> = {};
  const problems: TProblem[] = [];
  for (const key of IMPORT_KEYS) {
    if (!byKey.has(key)) continue; // column absent: the stored value is kept
    const cell = byKey.get(key)!;
    if (cell.problem) {
      problems.push({ ...cell.problem, field: key });
      continue;
    }
    let v = cell.value;
    if (typeof v === "string") v = unguard(v);
    if (v === null || (typeof v === "string" && v.trim() === "")) {
      // Required fields: absent, so the message says "missing"; optional ones: "" clears them.
      if (key === "baseline" || key === "note" || key === "evidenceUrl") input[key] = "";
      continue;
    }
    if (typeof v === "number" && (key === "targetId" || key === "unitCode" || key === "note" || key === "evidenceUrl")) {
      v = String(v);
    }
    input[key] = v;
  }
  return { line, input, problems };
}
