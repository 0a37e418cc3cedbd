// A plan's result grid as a file to fill in: XLSX (a data sheet and a guide sheet) or CSV, in
// the reader's language (Vietnamese by default). The columns the import reads keep their keys in
// every language: the XLSX header is "label (key)", the CSV header the keys (format.ts). Pure: the
// export route brings the grid from lib/data/results-write.ts (listResultsForGrid).
import ExcelJS from "exceljs";
import type { TGrid } from "../data/results-write";
import { formatDate, formatNumber } from "../domain/numbers";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locale";
import { messages } from "../i18n/messages";
import { columnHeader, GRID_COLUMNS, MAX_DATA_ROWS, MAX_FILE_BYTES, workbookTexts } from "./format";

export type TGridSheetRow = {
  targetId: string;
  target: string;
  unitCode: string;
  unit: string;
  year: number;
  measureUnit: string;
  value: number | null;
  baseline: number | null;
  note: string | null;
  evidenceUrl: string | null;
  status: string;
  version: number | null;
};

/** One row per grid cell, in the grid's order (targets by position, then units, then years). */
export function gridSheetRows(grid: TGrid, locale: Locale = DEFAULT_LOCALE): TGridSheetRow[] {
  const w = workbookTexts(locale);
  const targetById = new Map(grid.targets.map((t) => [t.id, t]));
  const unitById = new Map(grid.units.map((u) => [u.id, u]));
  return grid.cells.flatMap((c) => {
    const t = targetById.get(c.targetId);
    if (!t) return [];
    const r = c.result;
    return [
      {
        targetId: c.targetId,
        target: t.parentId ? `↳ ${t.statement}` : t.statement,
        unitCode: c.unitCode,
        unit: unitById.get(c.unitId)?.name ?? c.unitCode,
        year: c.year,
        measureUnit: t.indicator.measureUnit,
        value: r ? r.value : null,
        baseline: r ? r.baseline : null,
        note: r?.note ?? null,
        evidenceUrl: r?.evidenceUrl ?? null,
        status: r ? `${w.status[r.status]}${r.isDemo ? w.demoMark : ""}` : w.notEntered,
        version: r ? r.version : null,
      },
    ];
  });
}

/** Rows for `toCsv(CSV_COLUMNS, …)`: numbers written the Vietnamese way ("2.400", "18,66"), as the import reads them. */
export function gridCsvRows(grid: TGrid, locale: Locale = DEFAULT_LOCALE): Record<string, unknown>[] {
  return gridSheetRows(grid, locale).map((r) => ({
    ...r,
    value: r.value === null ? null : formatNumber(r.value),
    baseline: r.baseline === null ? null : formatNumber(r.baseline),
  }));
}

/** "ket-qua-58-KH-UBND.xlsx" ("results-…" in English): the plan's number in ASCII, else its id. */
export function gridFileName(plan: { id: string; code: string | null }, ext: "xlsx" | "csv", locale: Locale = DEFAULT_LOCALE): string {
  const fromCode = (plan.code ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const slug = fromCode || plan.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  return `${workbookTexts(locale).fileName}-${slug}.${ext}`;
}

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDE3EA" } };
const READ_ONLY_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F4F7" } };
const READ_ONLY_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF4A5260" } };

function columnLetter(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * The XLSX file: the data sheet (bold frozen header, widths, filter; shown-only columns
 * shaded; numbers stored as numbers, ids as text) and the guide sheet (the columns explained).
 */
export async function buildGridWorkbook(grid: TGrid, opts: { now?: Date; locale?: Locale } = {}): Promise<Uint8Array> {
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const wb = new ExcelJS.Workbook();
  wb.creator = messages(locale).common.siteName;
  wb.created = opts.now ?? new Date();
  addDataSheet(wb, grid, locale);
  addGuideSheet(wb, grid, opts.now ?? new Date(), locale);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function addDataSheet(wb: ExcelJS.Workbook, grid: TGrid, locale: Locale) {
  const ws = wb.addWorksheet(workbookTexts(locale).dataSheet, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.columns = GRID_COLUMNS.map((c) => ({
    header: columnHeader(c.key, locale),
    key: c.key,
    width: c.width,
    // Ids as text, so that Excel keeps "942" a code and does not reformat it.
    style: c.key === "targetId" || c.key === "unitCode" ? { numFmt: "@" } : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: "thin", color: { argb: "FF8A94A3" } } };
  });

  for (const r of gridSheetRows(grid, locale)) {
    const row = ws.addRow(r);
    GRID_COLUMNS.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      if (!c.imported) {
        cell.fill = READ_ONLY_FILL;
        cell.font = READ_ONLY_FONT;
      }
      if (c.key === "target" || c.key === "note") cell.alignment = { wrapText: true, vertical: "top" };
      else cell.alignment = { vertical: "top" };
    });
  }
  ws.autoFilter = { from: "A1", to: `${columnLetter(GRID_COLUMNS.length)}1` };
}

function addGuideSheet(wb: ExcelJS.Workbook, grid: TGrid, now: Date, locale: Locale) {
  const w = workbookTexts(locale);
  const g = wb.addWorksheet(w.guideSheet);
  g.columns = [
    { key: "a", width: 28 },
    { key: "b", width: 90 },
    { key: "c", width: 12 },
    { key: "d", width: 34 },
  ];
  g.addRow([w.guideTitle(grid.plan.code)]).font = { bold: true, size: 14 };
  g.addRow([grid.plan.title]).font = { italic: true };
  g.addRow([w.guideExported(formatDate(now), w.dataSheet)]);
  g.addRow([]);
  const maxSize = `${Math.round(MAX_FILE_BYTES / (1024 * 1024))} MB`;
  for (const s of w.guideSteps(w.dataSheet, maxSize, formatNumber(MAX_DATA_ROWS, { locale }))) {
    const row = g.addRow([s]);
    g.mergeCells(`A${row.number}:D${row.number}`);
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = 30;
  }
  g.addRow([]);
  const head = g.addRow([w.guideHead.column, w.guideHead.meaning, w.guideHead.required, w.guideHead.example]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const c of GRID_COLUMNS) {
    const { help, example } = w.columns[c.key];
    const row = g.addRow([columnHeader(c.key, locale), help, c.required ? w.requiredYes : c.imported ? w.requiredNo : w.shownOnly, example]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  g.addRow([]);
  const num = g.addRow([w.numbersTitle, w.numbersText]);
  num.alignment = { wrapText: true, vertical: "top" };
  num.getCell(1).font = { bold: true };
}
