// An uploaded CSV file (UTF-8; "," or ";", as a Vietnamese Excel writes it) → its lines,
// numbered as a spreadsheet program shows them, for read-rows.ts. Every field stays text.
import { parseCsv, type TCsvRecord } from "../api/csv-parse";
import { MAX_DATA_ROWS } from "./format";
import { fileError, type TParsedFile } from "./read-file";
import { isBlankLine, readRows, type TCell, type TSheetLine } from "./read-rows";

export function readCsv(bytes: Uint8Array): TParsedFile {
  const text = decodeUtf8(bytes);
  if (text === null) return fileError("file_not_utf8");
  // lib/api/csv-parse.ts: RFC 4180, "," or ";" (a Vietnamese Excel's CSV), blank lines skipped.
  const csv = parseCsv(text, { maxRecords: MAX_DATA_ROWS + 1 });
  if (!csv.ok) {
    if (csv.code === "too_many_records") return fileError("file_too_many_rows", { limit: MAX_DATA_ROWS });
    return fileError("file_csv_malformed", { line: csv.line, detail: csv.message });
  }
  const lines: TSheetLine[] = spreadsheetRows(csv.records).map((r) => ({ line: r.line, cells: new Map<number, TCell>(r.fields.map((f, i) => [i + 1, { value: f }])) }));
  return readRows("csv", lines.filter((l) => !isBlankLine(l.cells)));
}

/** Strict UTF-8 (null when the bytes are not UTF-8); the CSV reader drops a byte-order mark. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The records with their rows as a spreadsheet program shows them: a record whose quoted note
 * spans two lines of the file is still one row (the reader gives the line where a record starts).
 */
function spreadsheetRows(records: TCsvRecord[]): TCsvRecord[] {
  const newlines = (f: string) => f.match(/\r\n|\r|\n/g)?.length ?? 0;
  let prev: { line: number; span: number; row: number } | null = null;
  return records.map((r) => {
    const row: number = prev ? prev.row + 1 + (r.line - prev.line - prev.span) : r.line;
    prev = { line: r.line, span: 1 + r.fields.reduce((n, f) => n + newlines(f), 0), row };
    return { line: row, fields: r.fields };
  });
}
