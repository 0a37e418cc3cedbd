// Workbooks and CSV files for people (not for machines: the API's CSV/JSON are the contract and
// stay as they are). A reader sheet has title lines (what, as of when, source, licence), a bold
// frozen header in the reader's language, columns as wide as their content, and numbers stored
// as numbers with a display format, so Excel or LibreOffice set to Vietnamese shows "2.400" and
// "18,66" (the format code is the locale-free '#,##0'; the program shows its own separators).
// The reader CSV is UTF-8 with a byte-order mark; in Vietnamese it separates cells with ";" and
// writes a decimal comma, as Excel in vi-VN reads it; in English "," and a decimal point.
// Pure: the sheets are made by reader.ts, the data loaded by reader-load.ts.
import ExcelJS from "exceljs";
import { formatNumber } from "../domain/numbers";
import type { Locale } from "../i18n/locale";

/**
 * What a column holds: text; a number (shown with its own decimals, thousands grouped); a whole
 * number (grouped); a year (never grouped: 2023, not 2.023); a share in percent (85.3 means
 * 85,3%: stored as the fraction 0.853 with a percent format).
 */
export type TCellKind = "text" | "number" | "integer" | "year" | "percent";

export type TReaderColumn = {
  key: string;
  header: string;
  kind: TCellKind;
  /** Long text: wrapped, and the column no wider than this (default 60 for text, 18 for numbers). */
  maxWidth?: number;
};

export type TReaderCell = string | number | null;

export type TReaderSheet = {
  /** The sheet's name (at most 31 characters). */
  name: string;
  /** Title lines above the table: the first is the title, the others say as of when, the source, the licence. */
  title: string[];
  columns: TReaderColumn[];
  rows: Record<string, TReaderCell>[];
};

/** A whole download: the workbook's sheets, the sheet the CSV holds, and the file name without extension. */
export type TReaderBook = { fileBase: string; sheets: TReaderSheet[]; csv: TReaderSheet };

const MAX_DECIMALS = 4;

/** How many decimals a stored number has (at most 4, as the database keeps). */
function decimalsOf(v: number): number {
  const s = Math.abs(v).toFixed(MAX_DECIMALS).replace(/0+$/, "");
  const dot = s.indexOf(".");
  return dot === -1 ? 0 : s.length - dot - 1;
}

/**
 * The Excel number format of a cell: '#,##0' for whole numbers, '#,##0.0#…' with the number's
 * own decimals otherwise ("4,52" stays 4,52, not 4,5), '0' for years, '0.0%' for shares.
 */
export function excelNumberFormat(kind: Exclude<TCellKind, "text">, v: number): string {
  if (kind === "year") return "0";
  if (kind === "percent") return "0.0%";
  if (kind === "integer") return "#,##0";
  const d = decimalsOf(v);
  return d === 0 ? "#,##0" : `#,##0.${"0".repeat(d)}`;
}

/** A cell as the reader sees it (for widths, and the CSV): "2.400", "18,66", "85,3%", "2023". */
export function displayText(kind: TCellKind, v: TReaderCell, locale: Locale): string {
  if (v === null || v === "") return "";
  if (typeof v === "string") return v;
  if (!Number.isFinite(v)) return "";
  if (kind === "year") return String(v);
  if (kind === "percent") return `${formatNumber(v, { locale, maxFractionDigits: 1, minFractionDigits: 1 })}%`;
  return formatNumber(v, { locale, maxFractionDigits: MAX_DECIMALS });
}

/** The width that fits a column: its longest cell (long text wrapped at maxWidth), and its header on at most two or three lines. */
export function columnWidth(col: TReaderColumn, rows: Record<string, TReaderCell>[], locale: Locale): number {
  const max = col.maxWidth ?? (col.kind === "text" ? 60 : 18);
  let content = 0;
  for (const r of rows) {
    const text = displayText(col.kind, r[col.key] ?? null, locale);
    for (const line of text.split("\n")) content = Math.max(content, line.length);
  }
  const words = col.header.split(/\s+/);
  const longestWord = Math.max(...words.map((w) => w.length));
  // A short header stays on one line; a long one may wrap, needing its longest word and a third of its length.
  const header = col.header.length <= 14 ? col.header.length : Math.max(longestWord, Math.ceil(col.header.length / 3));
  return Math.min(max, Math.max(8, content, header) + 2);
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE3EA" } };
const TITLE_FONT: Partial<ExcelJS.Font> = { bold: true, size: 14 };
const NOTE_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF4A5260" } };

/** The row the header is on: after the title lines and one empty row. */
export const headerRowOf = (sheet: TReaderSheet) => sheet.title.length + 2;

/** Numbers as stored in the workbook: a share in percent becomes its fraction. */
function stored(kind: TCellKind, v: TReaderCell): TReaderCell {
  if (typeof v !== "number" || !Number.isFinite(v)) return typeof v === "number" ? null : v;
  return kind === "percent" ? Number((v / 100).toFixed(MAX_DECIMALS + 2)) : v;
}

function addSheet(wb: ExcelJS.Workbook, sheet: TReaderSheet, locale: Locale) {
  const headerRow = headerRowOf(sheet);
  const ws = wb.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  ws.columns = sheet.columns.map((c) => ({ key: c.key, width: columnWidth(c, sheet.rows, locale) }));
  sheet.title.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? TITLE_FONT : NOTE_FONT;
  });
  const header = ws.getRow(headerRow);
  sheet.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: "top", wrapText: true, horizontal: c.kind === "text" ? "left" : "right" };
    cell.border = { bottom: { style: "thin", color: { argb: "FF8A94A3" } } };
  });
  sheet.rows.forEach((r, n) => {
    const row = ws.getRow(headerRow + 1 + n);
    sheet.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      const v = stored(c.kind, r[c.key] ?? null);
      cell.value = v === "" ? null : v;
      if (typeof v === "number" && c.kind !== "text") cell.numFmt = excelNumberFormat(c.kind, v);
      cell.alignment = c.kind === "text" ? { vertical: "top", wrapText: true } : { vertical: "top" };
    });
  });
  if (sheet.columns.length > 0) {
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: sheet.columns.length } };
  }
}

/** The XLSX file of a download, every sheet with its title lines, frozen header, widths and formats. */
export async function buildReaderWorkbook(book: TReaderBook, opts: { locale: Locale; creator: string; now?: Date }): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = opts.creator;
  wb.created = opts.now ?? new Date();
  wb.title = book.sheets[0]?.title[0] ?? "";
  for (const s of book.sheets) addSheet(wb, s, opts.locale);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** The separator and decimal mark of a reader CSV: Excel in vi-VN reads ";" and ","; in English "," and ".". */
export const csvConventions = (locale: Locale) => (locale === "en" ? { sep: ",", decimal: "." } : { sep: ";", decimal: "," });

/** A number in a reader CSV: no thousands separator (never misread), the locale's decimal mark. */
function csvNumber(v: number, decimal: string): string {
  const s = v.toFixed(MAX_DECIMALS).replace(/\.?0+$/, "");
  const out = s === "-0" ? "0" : s;
  return decimal === "." ? out : out.replace(".", decimal);
}

function csvText(s: string, sep: string): string {
  // Text that a spreadsheet would run as a formula is neutralised.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The reader CSV of one sheet (its table only, no title lines: a CSV is one table): UTF-8 with
 * a byte-order mark, CRLF, headers in the reader's language; a share's header says "(%)" and its
 * cells hold the percent ("85,3").
 */
export function readerCsv(sheet: TReaderSheet, locale: Locale): string {
  const { sep, decimal } = csvConventions(locale);
  const head = sheet.columns.map((c) => csvText(c.kind === "percent" ? `${c.header} (%)` : c.header, sep));
  const lines = [head.join(sep)];
  for (const r of sheet.rows) {
    lines.push(
      sheet.columns
        .map((c) => {
          const v = r[c.key] ?? null;
          if (v === null) return "";
          if (typeof v === "number") return Number.isFinite(v) ? csvNumber(v, decimal) : "";
          return csvText(v, sep);
        })
        .join(sep),
    );
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** An ASCII file name part: "58/KH-UBND" → "58-KH-UBND", "11/NQ-HĐND" → "11-NQ-HDND". */
export function asciiSlug(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
