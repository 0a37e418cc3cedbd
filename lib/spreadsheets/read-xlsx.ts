// An uploaded XLSX file → the lines of its data sheet, for read-rows.ts: numbers stay numbers,
// text stays text; a cell that holds neither (a date, TRUE/FALSE, a formula error) is a problem
// of its row.
//
// Against zip bombs (docs/architecture.md, "Spreadsheets and zip bombs") the portal reads the zip
// itself (zip.ts) and exceljs never unpacks anything:
//   1. the central directory is read and anything odd refused (listZip);
//   2. the workbook and its relationships are unpacked and read (by exceljs's own readers of
//      them), to know which part is the data sheet: the sheet named "Kết quả"/"Results", else
//      the first that is not the guide (the other worksheets are never unpacked);
//   3. the data sheet is unpacked and scanned (sheet-scan.ts): past MAX_DATA_ROWS rows or
//      MAX_SHEET_CELLS cells it is refused, without reading the rest;
//   4. the other parts are unpacked, every byte counted against one budget for the whole file
//      (MAX_UNZIPPED_BYTES), zlib stopped at each entry's declared size;
//   5. exceljs reads a plain (stored) zip of exactly those checked bytes.
import ExcelJS from "exceljs";
import { DATA_SHEET_NAMES, GUIDE_SHEET_NAMES, MAX_DATA_ROWS, MAX_SHEET_CELLS, MAX_UNZIPPED_BYTES } from "./format";
import { fileError, type TParsedFile } from "./read-file";
import { isBlankLine, readRows, type TCell, type TSheetLine } from "./read-rows";
import { scanSheet } from "./sheet-scan";
import { inflateEntry, listZip, storedZip, type TBudget, type TZipEntry, type TZipRefusal } from "./zip";

/** The parts exceljs reads as worksheets: its own pattern, unanchored as it is (exceljs/lib/xlsx/xlsx.js, load). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKBOOK_PART = "xl/workbook.xml";
const WORKBOOK_RELS_PART = "xl/_rels/workbook.xml.rels";

/** exceljs's readers of the workbook part and of a relationships part (not in its typings). */
type TXlsxReaders = {
  parseWorkbook(chunks: Iterable<Buffer>): Promise<{ sheets?: { name?: string; rId?: string }[] }>;
  parseRels(chunks: Iterable<Buffer>): Promise<{ Id?: string; Target?: string }[] | undefined>;
};

const zipRefused = (refusal: TZipRefusal) =>
  refusal === "too_large" ? fileError("file_unpacked_too_large", { limit: MAX_UNZIPPED_BYTES }) : fileError(refusal === "unsafe" ? "file_zip_unsafe" : "file_unreadable");

/**
 * The part of the data sheet, chosen as the reading below chooses the sheet: by its name in any
 * language, else the first sheet that is not a guide. Sheets and their parts are matched as
 * exceljs matches them (WorkbookXform.reconcile). Null: no such sheet.
 */
async function dataSheetPart(workbookXml: Buffer, relsXml: Buffer, parts: Set<string>): Promise<string | null> {
  const readers = new ExcelJS.Workbook().xlsx as unknown as TXlsxReaders;
  const sheets = (await readers.parseWorkbook([workbookXml])).sheets ?? [];
  const targets = new Map<string, string>();
  for (const rel of (await readers.parseRels([relsXml])) ?? []) if (rel.Id && rel.Target) targets.set(rel.Id, rel.Target);
  const candidates = sheets.flatMap((s) => {
    const target = s.rId ? targets.get(s.rId) : undefined;
    const part = target === undefined ? null : `xl/${target.replace(/^(\s|\/xl\/)+/, "")}`;
    return part !== null && WORKSHEET_PART.test(part) && parts.has(part) ? [{ name: s.name ?? "", part }] : [];
  });
  return (candidates.find((c) => DATA_SHEET_NAMES.includes(c.name)) ?? candidates.find((c) => !GUIDE_SHEET_NAMES.includes(c.name)))?.part ?? null;
}

type TChecked = { ok: true; zip: Buffer } | { ok: false; result: TParsedFile };

/** Steps 1 to 4: the parts exceljs may read, checked and unpacked, as a stored zip; or the refusal. */
async function checkedWorkbook(bytes: Uint8Array): Promise<TChecked> {
  const refused = (result: TParsedFile): TChecked => ({ ok: false, result });
  const listing = listZip(bytes);
  if (!listing.ok) return refused(zipRefused(listing.refusal));
  const files = listing.entries.filter((e) => !e.dir);
  const byName = new Map(files.map((e) => [e.name, e]));
  const budget: TBudget = { left: MAX_UNZIPPED_BYTES };
  const unpacked = new Map<string, Buffer>();
  const unpack = (list: TZipEntry[]): TZipRefusal | null => {
    // Declared sizes first, so that an honest bomb is refused before anything is unpacked;
    // inflateEntry then holds every entry to its declared size.
    if (list.reduce((sum, e) => sum + e.size, 0) > budget.left) return "too_large";
    for (const e of list) {
      const r = inflateEntry(bytes, e, budget);
      if (!r.ok) return r.refusal;
      unpacked.set(e.name, r.data);
    }
    return null;
  };

  const workbook = byName.get(WORKBOOK_PART);
  const rels = byName.get(WORKBOOK_RELS_PART);
  if (!workbook || !rels) return refused(fileError("file_no_sheet"));
  const bookRefusal = unpack([workbook, rels]);
  if (bookRefusal) return refused(zipRefused(bookRefusal));
  let sheetPart: string | null;
  try {
    sheetPart = await dataSheetPart(unpacked.get(WORKBOOK_PART)!, unpacked.get(WORKBOOK_RELS_PART)!, new Set(byName.keys()));
  } catch {
    return refused(fileError("file_unreadable"));
  }
  if (sheetPart === null) return refused(fileError("file_no_sheet"));

  const sheetRefusal = unpack([byName.get(sheetPart)!]);
  if (sheetRefusal) return refused(zipRefused(sheetRefusal));
  const scan = scanSheet(unpacked.get(sheetPart)!, { rows: MAX_DATA_ROWS + 1, cells: MAX_SHEET_CELLS });
  if (!scan.ok) return refused(scan.over === "rows" ? fileError("file_too_many_rows", { limit: MAX_DATA_ROWS }) : fileError("file_too_many_cells", { limit: MAX_SHEET_CELLS }));

  // Every other part but the other worksheets (exceljs would build them all).
  const rest = files.filter((e) => !unpacked.has(e.name) && !WORKSHEET_PART.test(e.name));
  const restRefusal = unpack(rest);
  if (restRefusal) return refused(zipRefused(restRefusal));
  const kept = files.filter((e) => unpacked.has(e.name));
  return { ok: true, zip: storedZip(kept.map((e) => ({ name: e.name, data: unpacked.get(e.name)!, crc: e.crc }))) };
}

export async function readXlsx(bytes: Uint8Array): Promise<TParsedFile> {
  const checked = await checkedWorkbook(bytes);
  if (!checked.ok) return checked.result;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(checked.zip as unknown as ExcelJS.Buffer);
  } catch {
    return fileError("file_unreadable");
  }
  // The data sheet by its name in any language, else the first sheet that is not a guide.
  const ws = wb.worksheets.find((s) => DATA_SHEET_NAMES.includes(s.name)) ?? wb.worksheets.find((s) => !GUIDE_SHEET_NAMES.includes(s.name));
  if (!ws) return fileError("file_no_sheet");

  const lines: TSheetLine[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    const cells = new Map<number, TCell>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells.set(col, readXlsxCell(cell.value));
    });
    if (isBlankLine(cells)) return;
    lines.push({ line: rowNumber, cells });
    if (lines.length > MAX_DATA_ROWS + 1) tooMany = true;
  });
  if (tooMany) return fileError("file_too_many_rows", { limit: MAX_DATA_ROWS });
  return readRows("xlsx", lines);
}

type TCellProblemCode = "cell_not_number" | "cell_boolean" | "cell_date" | "cell_formula_error" | "cell_formula_no_result" | "cell_unreadable";

const problem = (code: TCellProblemCode, params?: { error: string }): TCell => ({ value: null, problem: { code, ...(params ? { params } : {}) } });

/** An XLSX cell's value as text or number; dates, booleans and formula errors are problems. */
function readXlsxCell(v: ExcelJS.CellValue): TCell {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === "number") return Number.isFinite(v) ? { value: v } : problem("cell_not_number");
  if (typeof v === "string") return { value: v };
  if (typeof v === "boolean") return problem("cell_boolean");
  if (v instanceof Date) return problem("cell_date");
  if (typeof v === "object") {
    if ("error" in v) return problem("cell_formula_error", { error: String(v.error) });
    if ("richText" in v) return { value: v.richText.map((p) => p.text).join("") };
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined) return problem("cell_formula_no_result");
      if (result !== null && typeof result === "object" && "error" in result) return problem("cell_formula_error", { error: String((result as { error: unknown }).error) });
      return readXlsxCell(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      if (typeof text === "string" && text.trim() !== "") return { value: text };
      if (text && typeof text === "object" && "richText" in text) return { value: (text as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join("") };
      return { value: v.hyperlink };
    }
  }
  return problem("cell_unreadable");
}
