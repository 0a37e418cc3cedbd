// What a plan's result sheet is, for the export (export.ts) and the import (read-*.ts) alike:
// its columns, the limits of an upload, and how a header names a column.
//
// One row per cell of the grid (target × unit × year). Columns, matched by name on import (in
// any order, in either language: "Giá trị (value)", "Value (value)", "value", "Giá trị" and
// "Value" all name `value`):
//   targetId, unitCode, year, value, baseline, note, evidenceUrl, version  → imported
//   target, unit, measureUnit, status                                      → shown only, ignored
// Every text (labels, help, the guide sheet) is in the catalogue, lib/i18n/spreadsheets.ts.
import { normalizeSearch } from "../domain/text";
import { LOCALES, type Locale } from "../i18n/locale";
import { messages } from "../i18n/messages";

/** Largest file accepted for import. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most data rows (non-empty rows below the header) a file may have. */
export const MAX_DATA_ROWS = 5000;
/**
 * Most bytes an XLSX may unpack to, all its parts together: THE budget against zip bombs
 * (zip.ts, read-xlsx.ts). Counted while unpacking, whatever the zip declares. A full sheet of
 * MAX_DATA_ROWS rows with long texts unpacks to about 4 MB; 32 MB leaves room for pictures
 * and extra sheets, and bounds what one import holds in memory.
 */
export const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024;
/** Most cells (filled or only formatted) the data sheet may have: MAX_DATA_ROWS rows and the header, 60 columns each (the export has 12). exceljs keeps every one in memory. */
export const MAX_SHEET_CELLS = (MAX_DATA_ROWS + 1) * 60;
/** Most entries (parts) the zip of an XLSX may hold; a workbook has a dozen or two. */
export const MAX_ZIP_ENTRIES = 1000;

export type TColumnKey = "targetId" | "target" | "unitCode" | "unit" | "year" | "measureUnit" | "value" | "baseline" | "note" | "evidenceUrl" | "status" | "version";
export type TImportKey = "targetId" | "unitCode" | "year" | "value" | "baseline" | "note" | "evidenceUrl" | "version";

type TColumn = {
  key: TColumnKey;
  width: number;
  /** Read by the import (else shown only). */
  imported: boolean;
  required: boolean;
};

export const GRID_COLUMNS: readonly TColumn[] = [
  { key: "targetId", width: 30, imported: true, required: true },
  { key: "target", width: 60, imported: false, required: false },
  { key: "unitCode", width: 11, imported: true, required: true },
  { key: "unit", width: 24, imported: false, required: false },
  { key: "year", width: 8, imported: true, required: true },
  { key: "measureUnit", width: 13, imported: false, required: false },
  { key: "value", width: 14, imported: true, required: true },
  { key: "baseline", width: 14, imported: true, required: false },
  { key: "note", width: 40, imported: true, required: false },
  { key: "evidenceUrl", width: 40, imported: true, required: false },
  { key: "status", width: 22, imported: false, required: false },
  { key: "version", width: 11, imported: true, required: false },
];

export const IMPORT_KEYS = GRID_COLUMNS.filter((c) => c.imported).map((c) => c.key as TImportKey);
export const REQUIRED_KEYS = GRID_COLUMNS.filter((c) => c.required).map((c) => c.key);
/** Keys of the CSV export, in column order (the CSV header is the keys, in every language). */
export const CSV_COLUMNS: string[] = GRID_COLUMNS.map((c) => c.key);

/** The texts of the workbook in one language. */
export const workbookTexts = (locale: Locale) => messages(locale).spreadsheets.workbook;

/** A column's header in the XLSX: "label (key)", so the key the import reads is there in every language. */
export function columnHeader(key: TColumnKey, locale: Locale): string {
  return `${workbookTexts(locale).columns[key].label} (${key})`;
}

/** The names of the data sheet and of the guide sheet, in every language (the import knows them all). */
export const DATA_SHEET_NAMES: readonly string[] = LOCALES.map((l) => workbookTexts(l).dataSheet);
export const GUIDE_SHEET_NAMES: readonly string[] = LOCALES.map((l) => workbookTexts(l).guideSheet);

const squash = (s: string) => normalizeSearch(s).replace(/[\s_.-]/g, "");

/** Which column a header names: "Giá trị (value)", "value", "VALUE", "Giá trị", "gia tri", "Value" → value. */
export function headerKey(text: string): TColumnKey | null {
  const t = text.trim();
  const inParens = /\(([^()]*)\)\s*$/.exec(t)?.[1];
  for (const candidate of [inParens, t]) {
    if (!candidate) continue;
    const c = squash(candidate);
    const hit = GRID_COLUMNS.find((col) => col.key.toLowerCase() === c || LOCALES.some((l) => squash(workbookTexts(l).columns[col.key].label) === c));
    if (hit) return hit.key;
  }
  return null;
}
