// A plan's result grid as a spreadsheet (XLSX or CSV), and back. Pure: no database,
// no session; the export route and the import (lib/spreadsheets/import-results.ts)
// bring the grid from lib/data/results-write.ts and hand the rows to saveResults.
//
// One row per cell of the grid (target × unit × year). Columns, matched by name on
// import (in any order; "Giá trị (value)", "value" and "Giá trị" all name `value`):
//   targetId, unitCode, year, value, baseline, note, evidenceUrl, version  → imported
//   target, unit, measureUnit, status                                      → shown only, ignored
// Numbers: XLSX cells hold real numbers (Excel formats them for the reader's locale);
// a text cell, and every CSV field, is read as a Vietnamese number ("2.400", "18,66")
// by THE number parser through ZResultInput, so "2.40" is refused, never guessed; and,
// given the target's measure, "18,000" typed for a count is refused as ambiguous.
import ExcelJS from "exceljs";
import type { TGrid, TWriteError, TWriteWarning } from "../data/results-write";
import { formatNumber } from "../domain/numbers";
import { normalizeSearch } from "../domain/text";
import { numberErrorsForMeasure, parseResultInput, type TResultData } from "../validation/results";
import { parseCsv } from "../api/csv-parse";
import type { TActionState } from "../validation/action-state";

/** Largest file accepted for import. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most data rows (non-empty rows below the header) a file may have. */
export const MAX_DATA_ROWS = 5000;
/** Most bytes an XLSX may unpack to (its parts' declared sizes), against zip bombs. */
export const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

export const DATA_SHEET = "Kết quả";
export const GUIDE_SHEET = "Hướng dẫn";

export type TColumnKey = "targetId" | "target" | "unitCode" | "unit" | "year" | "measureUnit" | "value" | "baseline" | "note" | "evidenceUrl" | "status" | "version";
type TImportKey = "targetId" | "unitCode" | "year" | "value" | "baseline" | "note" | "evidenceUrl" | "version";

type TColumn = {
  key: TColumnKey;
  /** Vietnamese name, shown in the XLSX header as "label (key)". */
  label: string;
  width: number;
  /** Read by the import (else shown only). */
  imported: boolean;
  required: boolean;
  /** For the "Hướng dẫn" sheet. */
  help: string;
  example: string;
};

export const GRID_COLUMNS: readonly TColumn[] = [
  { key: "targetId", label: "Mã chỉ tiêu", width: 30, imported: true, required: true, help: "Mã của chỉ tiêu trong cổng. Không sửa.", example: "target-58-jobs" },
  { key: "target", label: "Chỉ tiêu", width: 60, imported: false, required: false, help: "Nội dung chỉ tiêu, để đối chiếu. Chỉ để xem: khi nhập, cột này bị bỏ qua.", example: "Giải quyết việc làm cho 2.400 lao động" },
  { key: "unitCode", label: "Mã đơn vị", width: 11, imported: true, required: true, help: "Mã đơn vị hành chính (mã chính thức). Không sửa.", example: "942" },
  { key: "unit", label: "Tên đơn vị", width: 24, imported: false, required: false, help: "Tên đơn vị hành chính. Chỉ để xem.", example: "Huyện Châu Thành" },
  { key: "year", label: "Năm", width: 8, imported: true, required: true, help: "Năm của kết quả. Không sửa.", example: "2023" },
  { key: "measureUnit", label: "Đơn vị tính", width: 13, imported: false, required: false, help: "Đơn vị tính của chỉ tiêu (%, người, hộ…). Chỉ để xem.", example: "người" },
  { key: "value", label: "Giá trị", width: 14, imported: true, required: true, help: "Kết quả đạt được. Nhập số; nếu nhập dạng chữ thì theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân (2.400; 18,66). Tỷ lệ phần trăm nhập số phần trăm (18,66 chứ không phải 0,1866). Để trống nếu chưa có kết quả: dòng đó được bỏ qua.", example: "2.400" },
  { key: "baseline", label: "Giá trị gốc", width: 14, imported: true, required: false, help: "Giá trị cuối năm trước (cần cho chỉ tiêu giảm tỷ lệ nếu chỉ tiêu chưa có giá trị gốc). Để trống là không có.", example: "5,12" },
  { key: "note", label: "Ghi chú", width: 40, imported: true, required: false, help: "Nguồn số liệu hoặc giải thích, tối đa 2.000 ký tự.", example: "Báo cáo tổng kết năm 2023 của UBND huyện" },
  { key: "evidenceUrl", label: "Đường dẫn minh chứng", width: 40, imported: true, required: false, help: "Địa chỉ http:// hoặc https:// của văn bản, báo cáo làm minh chứng.", example: "https://chauthanh.soctrang.gov.vn/bao-cao-2023" },
  { key: "status", label: "Trạng thái", width: 22, imported: false, required: false, help: "Trạng thái của kết quả đã lưu (chưa nhập, nháp, đã gửi duyệt, đã duyệt). Chỉ để xem. Kết quả đã duyệt bị khóa: phải mở lại trên cổng trước khi sửa.", example: "Nháp" },
  { key: "version", label: "Phiên bản", width: 11, imported: true, required: false, help: "Phiên bản của kết quả đã lưu, để phát hiện người khác đã sửa trong lúc bạn điền tệp. Không sửa; để trống với kết quả mới.", example: "1" },
];

const IMPORT_KEYS = GRID_COLUMNS.filter((c) => c.imported).map((c) => c.key as TImportKey);
const REQUIRED_KEYS = GRID_COLUMNS.filter((c) => c.required).map((c) => c.key);
/** Keys of the CSV export, in column order. */
export const CSV_COLUMNS: string[] = GRID_COLUMNS.map((c) => c.key);

// ---------------------------------------------------------------------------
// Export: the sheet model
// ---------------------------------------------------------------------------

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

const STATUS_TEXT = { DRAFT: "Nháp", SUBMITTED: "Đã gửi duyệt", PUBLISHED: "Đã duyệt (khóa)" } as const;
const NOT_ENTERED = "Chưa nhập";
const DEMO_MARK = " – số liệu minh họa (demo)";

/** One row per grid cell, in the grid's order (targets by position, then units, then years). */
export function gridSheetRows(grid: TGrid): TGridSheetRow[] {
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
        status: r ? `${STATUS_TEXT[r.status]}${r.isDemo ? DEMO_MARK : ""}` : NOT_ENTERED,
        version: r ? r.version : null,
      },
    ];
  });
}

/** Rows for `toCsv(CSV_COLUMNS, …)`: numbers written the Vietnamese way ("2.400", "18,66"), as the import reads them. */
export function gridCsvRows(grid: TGrid): Record<string, unknown>[] {
  return gridSheetRows(grid).map((r) => ({
    ...r,
    value: r.value === null ? null : formatNumber(r.value),
    baseline: r.baseline === null ? null : formatNumber(r.baseline),
  }));
}

/** "ket-qua-58-KH-UBND.xlsx": the plan's number in ASCII, else its id. */
export function gridFileName(plan: { id: string; code: string | null }, ext: "xlsx" | "csv"): string {
  const fromCode = (plan.code ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, (c) => (c === "đ" ? "d" : "D"))
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const slug = fromCode || plan.id.replace(/[^A-Za-z0-9_-]+/g, "-");
  return `ket-qua-${slug}.${ext}`;
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
 * The XLSX file: sheet "Kết quả" (bold frozen header, widths, filter; shown-only columns
 * shaded; numbers stored as numbers, ids as text) and sheet "Hướng dẫn" (the columns explained).
 */
export async function buildGridWorkbook(grid: TGrid, opts: { now?: Date } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Cổng theo dõi mục tiêu giảm nghèo";
  wb.created = opts.now ?? new Date();

  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  ws.columns = GRID_COLUMNS.map((c) => ({
    header: `${c.label} (${c.key})`,
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

  for (const r of gridSheetRows(grid)) {
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

  addGuideSheet(wb, grid, opts.now ?? new Date());
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function addGuideSheet(wb: ExcelJS.Workbook, grid: TGrid, now: Date) {
  const g = wb.addWorksheet(GUIDE_SHEET);
  g.columns = [
    { key: "a", width: 28 },
    { key: "b", width: 90 },
    { key: "c", width: 12 },
    { key: "d", width: 34 },
  ];
  const title = g.addRow([`Hướng dẫn nhập kết quả: ${grid.plan.code ?? "văn bản không ghi số"}`]);
  title.font = { bold: true, size: 14 };
  g.addRow([grid.plan.title]).font = { italic: true };
  g.addRow([`Tệp xuất ngày ${now.toISOString().slice(0, 10).split("-").reverse().join("/")}. Mỗi dòng của trang “${DATA_SHEET}” là một chỉ tiêu của một đơn vị trong một năm.`]);
  g.addRow([]);
  const steps = [
    `1. Điền cột “Giá trị” (và nếu cần “Giá trị gốc”, “Ghi chú”, “Đường dẫn minh chứng”) ở trang “${DATA_SHEET}”. Giữ nguyên hàng tiêu đề và các cột mã, năm, phiên bản.`,
    "2. Lưu tệp dạng .xlsx (hoặc CSV UTF-8) rồi tải lên ở trang “Nhập kết quả từ tệp” của kế hoạch.",
    "3. Cổng kiểm tra mọi dòng trước. Chỉ cần một dòng sai, cả tệp bị từ chối và không có gì được ghi; bảng báo lỗi nêu số dòng và cột cần sửa. Tệp hợp lệ được ghi một lần, trong một giao dịch.",
    "4. Dòng để trống giá trị được bỏ qua; dòng không thay đổi so với số liệu đã lưu cũng được bỏ qua. Không thể xóa kết quả bằng tệp.",
    "5. Kết quả mới được lưu ở trạng thái nháp (trừ khi chọn duyệt và công bố ngay khi tải lên, nếu bạn có quyền). Kết quả đã duyệt bị khóa: mở lại trên cổng, kèm lý do, trước khi sửa.",
    `6. Giới hạn: tệp tối đa 5 MB và ${formatNumber(MAX_DATA_ROWS)} dòng.`,
  ];
  for (const s of steps) {
    const row = g.addRow([s]);
    g.mergeCells(`A${row.number}:D${row.number}`);
    row.alignment = { wrapText: true, vertical: "top" };
    row.height = 30;
  }
  g.addRow([]);
  const head = g.addRow(["Cột", "Ý nghĩa", "Bắt buộc", "Ví dụ"]);
  head.font = { bold: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  for (const c of GRID_COLUMNS) {
    const row = g.addRow([`${c.label} (${c.key})`, c.help, c.required ? "Có" : c.imported ? "Không" : "Chỉ để xem", c.example]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  g.addRow([]);
  const num = g.addRow(["Số", "Ô số được lưu là số; Excel hiển thị theo cài đặt vùng của máy. Nếu nhập dạng chữ, dùng kiểu Việt Nam: 2.400 là hai nghìn bốn trăm, 18,66 là mười tám phẩy sáu sáu. Số viết kiểu khác (ví dụ 2.40 hay 1,234.5) bị từ chối kèm lời giải thích, không bao giờ bị đoán. Với chỉ tiêu đếm (người, hộ, mô hình…), “18,000” bị từ chối vì không rõ là 18 hay 18.000: hãy nhập 18.000 hoặc 18."]);
  num.alignment = { wrapText: true, vertical: "top" };
  num.getCell(1).font = { bold: true };
}

// ---------------------------------------------------------------------------
// Import: reading a file into result inputs
// ---------------------------------------------------------------------------

export type TFileErrorCode =
  | "empty_file"
  | "too_large"
  | "unsupported_type"
  | "unreadable"
  | "not_utf8"
  | "csv_malformed"
  | "no_sheet"
  | "no_header"
  | "missing_columns"
  | "unknown_columns"
  | "duplicate_columns"
  | "too_many_rows"
  | "too_many_changes";

/** Something wrong with the file as a whole: nothing in it is read. */
export type TFileError = { code: TFileErrorCode; columns?: string[]; limit?: number; line?: number; /** The CSV reader's own message ("vi / en"). */ detail?: string };

/** A cell the reader could not turn into a value (a date, a formula error…). */
export type TCellProblem = { field: string; message: string };

export type TImportRow = {
  /** The row number a spreadsheet program shows (1 = the header row of the export). */
  line: number;
  /** What goes to saveResults (numbers may still be Vietnamese text). */
  input: Record<string, unknown>;
  problems: TCellProblem[];
};

export type TParsedFile =
  | { ok: true; format: "xlsx" | "csv"; rows: TImportRow[]; blank: number }
  | { ok: false; error: TFileError };

/** Cell content after reading, before it becomes an input field. */
type TCell = { value: string | number | null; problem?: string };

const EMPTY: TCell = { value: null };

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
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

/** Which column a header names: "Giá trị (value)", "value", "VALUE", "Giá trị", "gia tri" → value. */
export function headerKey(text: string): TColumnKey | null {
  const t = text.trim();
  const inParens = /\(([^()]*)\)\s*$/.exec(t)?.[1];
  const squash = (s: string) => normalizeSearch(s).replace(/[\s_.-]/g, "");
  for (const candidate of [inParens, t]) {
    if (!candidate) continue;
    const c = squash(candidate);
    const hit = GRID_COLUMNS.find((col) => col.key.toLowerCase() === c || squash(col.label) === c);
    if (hit) return hit.key;
  }
  return null;
}

type THeaderMap = { ok: true; columns: Map<number, TColumnKey> } | { ok: false; error: TFileError };

/** Reads the header row (cells by position). */
function mapHeader(cells: Map<number, string>): THeaderMap {
  const columns = new Map<number, TColumnKey>();
  const unknown: string[] = [];
  const seen = new Map<TColumnKey, number>();
  const duplicate: string[] = [];
  for (const [pos, raw] of [...cells].sort((a, b) => a[0] - b[0])) {
    const text = raw.trim();
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
  if (unknown.length > 0) return { ok: false, error: { code: "unknown_columns", columns: unknown } };
  if (duplicate.length > 0) return { ok: false, error: { code: "duplicate_columns", columns: [...new Set(duplicate)] } };
  const missing = REQUIRED_KEYS.filter((k) => !seen.has(k));
  if (missing.length > 0) return { ok: false, error: { code: "missing_columns", columns: missing } };
  return { ok: true, columns };
}

const isBlank = (c: TCell | undefined) => !c || (c.problem === undefined && (c.value === null || (typeof c.value === "string" && c.value.trim() === "")));

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
  const problems: TCellProblem[] = [];
  for (const key of IMPORT_KEYS) {
    if (!byKey.has(key)) continue; // column absent: the stored value is kept
    const cell = byKey.get(key)!;
    if (cell.problem) {
      problems.push({ field: key, message: cell.problem });
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

/** Reads a file the officer uploaded: XLSX (by its content) or CSV (UTF-8, by its name or type). */
export async function parseGridFile(file: { name: string; type?: string; bytes: Uint8Array }): Promise<TParsedFile> {
  const { bytes } = file;
  if (bytes.length === 0) return { ok: false, error: { code: "empty_file" } };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, error: { code: "too_large", limit: MAX_FILE_BYTES } };
  if (isZip(bytes)) return parseXlsx(bytes);
  const name = file.name.toLowerCase();
  const type = (file.type ?? "").toLowerCase();
  if (name.endsWith(".csv") || name.endsWith(".txt") || type.startsWith("text/csv") || type.startsWith("text/plain")) return parseCsvFile(bytes);
  if (name.endsWith(".xlsx")) return { ok: false, error: { code: "unreadable" } };
  return { ok: false, error: { code: "unsupported_type" } };
}

/** Strict UTF-8 (null when the bytes are not UTF-8); the CSV reader drops a byte-order mark. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function parseCsvFile(bytes: Uint8Array): TParsedFile {
  const text = decodeUtf8(bytes);
  if (text === null) return { ok: false, error: { code: "not_utf8" } };
  // lib/api/csv-parse.ts: RFC 4180, "," or ";" (a Vietnamese Excel's CSV), blank lines skipped.
  const csv = parseCsv(text, { maxRecords: MAX_DATA_ROWS + 1 });
  if (!csv.ok) {
    if (csv.code === "too_many_records") return { ok: false, error: { code: "too_many_rows", limit: MAX_DATA_ROWS } };
    return { ok: false, error: { code: "csv_malformed", line: csv.line, detail: csv.message } };
  }
  // Report rows as a spreadsheet program shows them: a record whose quoted note spans two
  // lines of the file is still one row (the reader gives the line where a record starts).
  const newlines = (f: string) => f.match(/\r\n|\r|\n/g)?.length ?? 0;
  let prev: { line: number; span: number; row: number } | null = null;
  const records = csv.records.map((r) => {
    const row: number = prev ? prev.row + 1 + (r.line - prev.line - prev.span) : r.line;
    prev = { line: r.line, span: 1 + r.fields.reduce((n, f) => n + newlines(f), 0), row };
    return { line: row, fields: r.fields };
  });
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  const headerRec = nonEmpty[0];
  if (!headerRec) return { ok: false, error: { code: "no_header" } };
  const header = mapHeader(new Map(headerRec.fields.map((f, i) => [i + 1, f])));
  if (!header.ok) return header;
  const data = nonEmpty.slice(1);
  if (data.length > MAX_DATA_ROWS) return { ok: false, error: { code: "too_many_rows", limit: MAX_DATA_ROWS } };
  const rows: TImportRow[] = [];
  let blank = 0;
  for (const r of data) {
    const cells = new Map<number, TCell>(r.fields.map((f, i) => [i + 1, { value: f }]));
    const row = rowToInput(r.line, cells, header.columns);
    if (row) rows.push(row);
    else blank++;
  }
  return { ok: true, format: "csv", rows, blank };
}

/** An XLSX cell's value as text or number; dates, booleans and formula errors are problems. */
function readXlsxCell(v: ExcelJS.CellValue): TCell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === "number") return Number.isFinite(v) ? { value: v } : { value: null, problem: "Ô không chứa số hợp lệ / the cell holds no valid number" };
  if (typeof v === "string") return { value: v };
  if (typeof v === "boolean") return { value: null, problem: "Ô chứa giá trị đúng/sai (TRUE/FALSE), không phải số hay chữ / the cell holds TRUE/FALSE" };
  if (v instanceof Date) {
    return {
      value: null,
      problem: "Ô đang ở dạng ngày tháng; hãy định dạng lại ô là số hoặc văn bản rồi nhập lại / the cell is formatted as a date; format it as a number or text",
    };
  }
  if (typeof v === "object") {
    if ("error" in v) return { value: null, problem: `Ô có lỗi công thức ${String(v.error)} / the cell holds a formula error` };
    if ("richText" in v) return { value: v.richText.map((p) => p.text).join("") };
    if ("formula" in v || "sharedFormula" in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined) {
        return { value: null, problem: "Công thức chưa có kết quả; hãy mở tệp bằng Excel và lưu lại / the formula has no computed result; open and save the file in Excel" };
      }
      if (result !== null && typeof result === "object" && "error" in result) {
        return { value: null, problem: `Ô có lỗi công thức ${String((result as { error: unknown }).error)} / the cell holds a formula error` };
      }
      return readXlsxCell(result as ExcelJS.CellValue);
    }
    if ("hyperlink" in v) {
      const text = (v as { text?: unknown }).text;
      if (typeof text === "string" && text.trim() !== "") return { value: text };
      if (text && typeof text === "object" && "richText" in text) return { value: (text as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join("") };
      return { value: v.hyperlink };
    }
  }
  return { value: null, problem: "Không đọc được nội dung ô / the cell could not be read" };
}

async function parseXlsx(bytes: Uint8Array): Promise<TParsedFile> {
  const unzipped = zipUncompressedSize(bytes);
  if (unzipped === null) return { ok: false, error: { code: "unreadable" } };
  if (unzipped > MAX_UNZIPPED_BYTES) return { ok: false, error: { code: "too_large", limit: MAX_FILE_BYTES } };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: { code: "unreadable" } };
  }
  const ws = wb.getWorksheet(DATA_SHEET) ?? wb.worksheets.find((s) => s.name !== GUIDE_SHEET);
  if (!ws) return { ok: false, error: { code: "no_sheet" } };

  const lines: { line: number; cells: Map<number, TCell> }[] = [];
  let tooMany = false;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (tooMany) return;
    const cells = new Map<number, TCell>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells.set(col, readXlsxCell(cell.value));
    });
    if ([...cells.values()].every((c) => isBlank(c))) return;
    lines.push({ line: rowNumber, cells });
    if (lines.length > MAX_DATA_ROWS + 1) tooMany = true;
  });
  if (tooMany) return { ok: false, error: { code: "too_many_rows", limit: MAX_DATA_ROWS } };
  const headerLine = lines[0];
  if (!headerLine) return { ok: false, error: { code: "no_header" } };
  const headerText = new Map<number, string>();
  for (const [col, c] of headerLine.cells) headerText.set(col, c.value === null ? "" : String(c.value));
  const header = mapHeader(headerText);
  if (!header.ok) return header;
  const rows: TImportRow[] = [];
  let blank = 0;
  for (const l of lines.slice(1)) {
    const row = rowToInput(l.line, l.cells, header.columns);
    if (row) rows.push(row);
    else blank++;
  }
  return { ok: true, format: "xlsx", rows, blank };
}

// ---------------------------------------------------------------------------
// Import: what to send, and the per-row report
// ---------------------------------------------------------------------------

/** One line of the report: "Dòng 7 – value: …". */
export type TRowError = { line: number; field?: string; message: string };

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
  /** The write path's verdict on a rejected file: 403 outside the actor's rights, 422 invalid, 409 conflicts. */
  status?: 403 | 409 | 422;
  errors: TRowError[];
  /** Rows written that are worth a second look (a count above the parent unit's, a baseline unlike last year's). */
  warnings: TRowWarning[];
};

const sameText = (given: string | null | undefined, stored: string | null) => given === undefined || (given ?? null) === stored;
const sameNumber = (given: number | null | undefined, stored: number | null) => given === undefined || (given ?? null) === stored;

/**
 * Rows worth sending to saveResults: those of this plan's grid that change something.
 * A row equal to the stored result (value, baseline, note, evidence link) is left out,
 * so an exported file comes back without touching approved (locked) results or bumping
 * versions. A row for a target that is not in the grid (another plan, or nothing the
 * actor may fill) gets a problem of its own.
 */
export function selectChangedRows(rows: TImportRow[], grid: TGrid): { rows: TImportRow[]; unchanged: number } {
  const targetById = new Map(grid.targets.map((t) => [t.id, t]));
  const cellByKey = new Map(grid.cells.map((c) => [`${c.targetId}|${c.unitCode}|${c.year}`, c]));
  const out: TImportRow[] = [];
  let unchanged = 0;
  for (const row of rows) {
    if (row.problems.length > 0) {
      out.push(row);
      continue;
    }
    const parsed = parseResultInput(row.input);
    if (!parsed.ok) {
      out.push(row);
      continue;
    }
    const d: TResultData = parsed.data;
    const target = targetById.get(d.targetId);
    if (!target) {
      out.push({
        ...row,
        problems: [
          {
            field: "targetId",
            message: `Chỉ tiêu “${d.targetId}” không thuộc kế hoạch này hoặc không thuộc phạm vi bạn được nhập / the target is not in this plan, or not yours to fill`,
          },
        ],
      });
      continue;
    }
    // A number the target's measure makes ambiguous ("18,000" for a count) is never "unchanged":
    // the write path refuses it.
    if (numberErrorsForMeasure(row.input, target.indicator).length > 0) {
      out.push(row);
      continue;
    }
    const stored = cellByKey.get(`${d.targetId}|${d.unitCode}|${d.year}`)?.result;
    if (
      stored &&
      d.value === stored.value &&
      sameNumber(d.baseline, stored.baseline) &&
      sameText(d.note, stored.note) &&
      sameText(d.evidenceUrl, stored.evidenceUrl)
    ) {
      unchanged++;
      continue;
    }
    out.push(row);
  }
  return { rows: out, unchanged };
}

/**
 * The batch for saveResults. A row with a problem of its own is sent as `null`, which the
 * write path always refuses: the whole file is then rejected (nothing written) while every
 * other row is still checked, so the report is complete.
 */
export function batchOf(rows: TImportRow[]): unknown[] {
  return rows.map((r) => (r.problems.length > 0 ? null : r.input));
}

/** The write path's errors (by batch index) as report lines (by file row); own problems replace a row's errors. */
export function rowErrorsOf(rows: TImportRow[], errors: TWriteError[]): TRowError[] {
  const out: TRowError[] = [];
  rows.forEach((r) => {
    for (const p of r.problems) out.push({ line: r.line, field: p.field, message: p.message });
  });
  for (const e of errors) {
    const r = rows[e.row];
    if (!r) {
      out.push({ line: 0, ...(e.field ? { field: e.field } : {}), message: e.message });
      continue;
    }
    if (r.problems.length > 0) continue;
    out.push({ line: r.line, ...(e.field ? { field: e.field } : {}), message: e.message });
  }
  return out.sort((a, b) => a.line - b.line);
}

/** The write path's warnings (by batch index) at their file rows. */
export function rowWarningsOf(rows: TImportRow[], warnings: TWriteWarning[]): TRowWarning[] {
  return warnings
    .map(({ row, ...w }) => ({ line: rows[row]?.line ?? 0, ...w }) as TRowWarning)
    .sort((a, b) => a.line - b.line);
}

/** What the import form's server action returns: the house ActionState, plus the report. */
export type TImportState = TActionState & { report?: TImportReport };
