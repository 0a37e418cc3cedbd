// An uploaded XLSX file → the lines of its data sheet, for read-rows.ts: numbers stay numbers,
// text stays text; a cell that holds neither (a date, TRUE/FALSE, a formula error) is a problem
// of its row. Bounded before it is unpacked (declared sizes, against zip bombs) and while read.
import ExcelJS from "exceljs";
import { DATA_SHEET_NAMES, GUIDE_SHEET_NAMES, MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from "./format";
import { fileError, type TParsedFile } from "./read-file";
import { isBlankLine, readRows, type TCell, type TSheetLine } from "./read-rows";

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

export async function readXlsx(bytes: Uint8Array): Promise<TParsedFile> {
  const unzipped = zipUncompressedSize(bytes);
  if (unzipped === null) return fileError("file_unreadable");
  if (unzipped > MAX_UNZIPPED_BYTES) return fileError("file_too_large", { limit: MAX_FILE_BYTES });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
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

/**
 * Sum of the declared uncompressed sizes of a zip's entries (from its central directory),
 * or null when the central directory cannot be read. ZIP64 entries count as too large.
 */
export function zipUncompressedSize(b: Uint8Array): number | null {
  const u16 = (p: number) => (b[p] ?? 0) | ((b[p + 1] ?? 0) << 8);
  const u32 = (p: number) => (u16(p) + u16(p + 2) * 0x10000) >>> 0;
  let eocd = -1;
  for (let p = b.length - 22; p >= Math.max(0, b.length - 22 - 0xffff); p--) {
    if (b[p] === 0x50 && b[p + 1] === 0x4b && b[p + 2] === 0x05 && b[p + 3] === 0x06) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = u16(eocd + 10);
  let p = u32(eocd + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > b.length || u32(p) !== 0x02014b50) return null;
    const size = u32(p + 24);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY;
    total += size;
    p += 46 + u16(p + 28) + u16(p + 30) + u16(p + 32);
  }
  return total;
}
