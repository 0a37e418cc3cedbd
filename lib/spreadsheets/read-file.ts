// Reading a file the officer uploaded into result inputs: XLSX (read-xlsx.ts, known by its
// content) or CSV (read-csv.ts, UTF-8, known by its name or type), then the rows whatever the
// format (read-rows.ts). Pure: no database, no session.
//
// Numbers: XLSX cells hold real numbers (Excel formats them for the reader's locale); a text
// cell, and every CSV field, is passed on as text, to be read as a Vietnamese number ("2.400",
// "18,66") by THE number parser through ZResultInput, so "2.40" is refused, never guessed.
//
// What goes wrong is a problem (lib/errors.ts): the file as a whole (`TFileError`, nothing in it
// is read) or a cell, at its row; texts in lib/i18n/problems/spreadsheets.ts.
import type { TProblem } from "../errors";
import { MAX_FILE_BYTES } from "./format";
import { oneAtATime } from "./one-at-a-time";
import { readCsv } from "./read-csv";
import { readXlsx } from "./read-xlsx";
import { isZip } from "./zip";

export type TFileErrorCode =
  | "file_missing"
  | "file_empty"
  | "file_too_large"
  | "file_unsupported_type"
  | "file_unreadable"
  | "file_not_utf8"
  | "file_csv_malformed"
  | "file_no_sheet"
  | "file_no_header"
  | "file_missing_columns"
  | "file_unknown_columns"
  | "file_duplicate_columns"
  | "file_too_many_rows"
  | "file_too_many_changes"
  | "file_unpacked_too_large"
  | "file_zip_unsafe"
  | "file_too_many_cells"
  | "file_busy";

/**
 * Something wrong with the file as a whole: nothing in it is read. Params: `limit` (bytes, rows),
 * `columns` (names, one a line), `line` and `detail` (the CSV reader's own message, "vi / en").
 */
export type TFileError = TProblem & { code: TFileErrorCode };

export type TImportRow = {
  /** The row number a spreadsheet program shows (1 = the header row of the export). */
  line: number;
  /** What goes to saveResults (numbers may still be Vietnamese text). */
  input: Record<string, unknown>;
  /** Cells that could not be read (a date, a formula error…), by field. */
  problems: TProblem[];
};

export type TParsedFile = { ok: true; format: "xlsx" | "csv"; rows: TImportRow[]; blank: number } | { ok: false; error: TFileError };

/** A refusal of the whole file. */
export function fileError(code: TFileErrorCode, params?: TFileError["params"]): { ok: false; error: TFileError } {
  return { ok: false, error: { code, ...(params ? { params } : {}) } };
}

/**
 * Reads a file the officer uploaded: XLSX (by its content) or CSV (UTF-8, by its name or type).
 * One file at a time in this process (one-at-a-time.ts): a second one waits its turn briefly,
 * else is refused as busy (`file_busy`).
 */
export async function parseGridFile(file: { name: string; type?: string; bytes: Uint8Array }): Promise<TParsedFile> {
  const { bytes } = file;
  if (bytes.length === 0) return fileError("file_empty");
  if (bytes.length > MAX_FILE_BYTES) return fileError("file_too_large", { limit: MAX_FILE_BYTES });
  const read = await oneAtATime(() => readFile(file));
  return read.ok ? read.value : fileError("file_busy");
}

async function readFile(file: { name: string; type?: string; bytes: Uint8Array }): Promise<TParsedFile> {
  const { bytes } = file;
  if (isZip(bytes)) return readXlsx(bytes);
  const name = file.name.toLowerCase();
  const type = (file.type ?? "").toLowerCase();
  if (name.endsWith(".csv") || name.endsWith(".txt") || type.startsWith("text/csv") || type.startsWith("text/plain")) return readCsv(bytes);
  if (name.endsWith(".xlsx")) return fileError("file_unreadable");
  return fileError("file_unsupported_type");
}
