// Reading the body of POST /api/v1/results (README "Write API"): JSON or CSV,
// bounded in size, turned into the row objects saveResults expects. Problems with
// the body itself become ApiErrors (400 unreadable, 413 too large, 422 wrong
// columns or rows); the rows' content is checked by saveResults. A workbook (XLSX,
// any zip) is refused with a 400 as it is, never unpacked (docs/architecture.md,
// "Spreadsheets and zip bombs"). Numbers in CSV cells
// and JSON strings stay text, so THE number parser reads them with the target's
// measure ("18,000" for a count is refused as ambiguous; JSON numbers are not).
//
// The answers: 200 { data: saved rows, warnings: [{ row, line?, field, code, message, params }] },
// or for a refused batch { error: { code, message, details: [{ row, line?, field?, code, message, current? }] } }.
// Messages are the problem texts in both languages ("tiếng Việt / English", problemBilingual).
import { readBodyCapped } from "../auth/request-body";
import type { TRefused, TSaveOutcome, TSavedResult } from "../data/results-write";
import { problemBilingual } from "../i18n/problems";
import { isZip } from "../spreadsheets/zip";
import { ApiError, mediaType } from "./http";
import { parseCsv } from "./csv-parse";

/** Largest body accepted, in bytes. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** The columns of a result row, in the order a CSV template lists them. */
export const RESULT_COLUMNS = ["targetId", "unitCode", "year", "value", "baseline", "note", "evidenceUrl", "version", "publish"] as const;
const REQUIRED_COLUMNS = ["targetId", "unitCode", "year", "value"] as const;

export type TUpload = {
  rows: unknown[];
  format: "json" | "csv";
  /** For CSV: the file line each row starts on (1-based, the header is line 1). */
  lines: number[] | null;
};

const tooLarge = () =>
  new ApiError(
    "too_large",
    `Dữ liệu gửi lên quá lớn (tối đa ${MAX_BODY_BYTES / 1024 / 1024} MB); hãy chia thành nhiều lô / the request body is too large (at most ${MAX_BODY_BYTES / 1024 / 1024} MB); split it into several batches`,
  );

/** The body's bytes, refusing more than `max` bytes (without reading them all). */
async function readBodyBytes(req: Request, max: number): Promise<Uint8Array> {
  const bytes = await readBodyCapped(req, max);
  if (!bytes) throw tooLarge();
  return bytes;
}

const XLSX_TYPES = new Set(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/vnd.ms-excel", "application/zip", "application/x-zip-compressed"]);

/**
 * The API reads JSON and CSV only: a workbook (a zip, by its first bytes or its declared type) is
 * refused as it is, never unpacked. Workbooks are imported on the import page, whose reader
 * checks the zip first (lib/spreadsheets/read-xlsx.ts, against zip bombs).
 */
function refuseWorkbook(bytes: Uint8Array, contentType: string | null): void {
  const type = mediaType(contentType);
  if (isZip(bytes) || XLSX_TYPES.has(type)) throw new ApiError("bad_request", problemBilingual({ code: "sheet_xlsx_not_in_api" }));
}

/** The body as text, refusing more than `max` bytes (without reading them all), a workbook, and text that is not UTF-8. */
export async function readBodyText(req: Request, max = MAX_BODY_BYTES): Promise<string> {
  const bytes = await readBodyBytes(req, max);
  refuseWorkbook(bytes, req.headers.get("content-type"));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(
      "bad_request",
      "Dữ liệu không phải văn bản UTF-8; với Excel hãy lưu dạng “CSV UTF-8” / the body is not UTF-8 text; from Excel, save as “CSV UTF-8”",
    );
  }
}

/** JSON: an array of rows, or `{ "rows": [ … ] }`. */
export function rowsFromJson(text: string): unknown[] {
  if (text.trim() === "") throw new ApiError("bad_request", "Thiếu nội dung: gửi một mảng JSON các dòng kết quả / the body is empty: send a JSON array of result rows");
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const detail = e instanceof Error ? e.message.slice(0, 200) : "";
    throw new ApiError("bad_request", `JSON không hợp lệ / malformed JSON${detail ? `: ${detail}` : ""}`);
  }
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === "object" && !Array.isArray(doc)) {
    const keys = Object.keys(doc);
    const rows = (doc as { rows?: unknown }).rows;
    if (Array.isArray(rows) && keys.length === 1) return rows;
    const extra = keys.filter((k) => k !== "rows");
    if (Array.isArray(rows) && extra.length > 0) {
      throw new ApiError(
        "bad_request",
        `Khóa không được hỗ trợ: ${extra.slice(0, 5).join(", ")}; chỉ gửi { "rows": [ … ] } (publish đặt trên từng dòng) / unsupported keys: ${extra.slice(0, 5).join(", ")}; send { "rows": [ … ] } only (publish is set per row)`,
      );
    }
  }
  throw new ApiError("bad_request", 'Nội dung phải là một mảng các dòng, hoặc { "rows": [ … ] } / the body must be an array of rows, or { "rows": [ … ] }');
}

/**
 * CSV: a header row naming the columns (any order, any case; targetId, unitCode,
 * year and value required), then one result per row. Cells are passed on as text,
 * so Vietnamese-formatted numbers ("2.400", "18,66") are read by THE number parser;
 * an empty cell counts as empty (it clears an optional field).
 */
export function rowsFromCsv(text: string, maxRows: number): { rows: Record<string, string>[]; lines: number[] } {
  const parsed = parseCsv(text, { maxRecords: maxRows + 1 });
  if (!parsed.ok) {
    const status = parsed.code === "too_many_records" ? "invalid" : "bad_request";
    throw new ApiError(status, parsed.message, [{ row: null, line: parsed.line, message: parsed.message }]);
  }
  const [header, ...records] = parsed.records;
  if (!header) throw new ApiError("bad_request", "Tệp CSV trống: cần một dòng tiêu đề và các dòng dữ liệu / the CSV is empty: it needs a header row and data rows");
  const columns = columnsOf(header);
  const width = columns.filter((c) => c !== "").length;

  const rows: Record<string, string>[] = [];
  const lines: number[] = [];
  const shapeErrors: { row: number; line: number; message: string }[] = [];
  records.forEach((rec, index) => {
    const f = rec.fields;
    // Extra empty cells at the end (spreadsheets write them) are ignored.
    let n = f.length;
    while (n > width && f[n - 1]!.trim() === "") n--;
    if (n !== width) {
      const split = n === width + 1 ? splitNumberIn(f, columns) : null;
      shapeErrors.push({
        row: index,
        line: rec.line,
        message: split
          ? `Dòng ${rec.line} có ${n} ô, tiêu đề có ${width} cột: có lẽ số “${split.text}” ở cột ${split.column} bị dấu phẩy tách làm hai ô. Nếu là hàng nghìn, hãy nhập ${split.text.replace(",", ".")} (cách viết Việt Nam); số thập phân thì đặt trong ngoặc kép ("${split.text}") / line ${rec.line} has ${n} cells, the header has ${width} columns: the number "${split.text}" in column ${split.column} was probably split in two at its comma. For thousands write ${split.text.replace(",", ".")} (Vietnamese format); put a decimal in quotes ("${split.text}")`
          : `Dòng ${rec.line} có ${n} ô, tiêu đề có ${width} cột / line ${rec.line} has ${n} cells, the header has ${width} columns`,
      });
      return;
    }
    const row: Record<string, string> = {};
    columns.forEach((c, i) => {
      if (c) row[c] = f[i] ?? "";
    });
    rows.push(row);
    lines.push(rec.line);
  });
  if (shapeErrors.length > 0) {
    throw new ApiError(
      "invalid",
      `${shapeErrors.length} dòng CSV không đúng số cột; không dòng nào được lưu / ${shapeErrors.length} CSV row(s) have the wrong number of cells; nothing was saved`,
      shapeErrors,
    );
  }
  return { rows, lines };
}

/** The header row's columns, in order ("" for a trailing empty one); refused when one is unknown, repeated or missing. */
function columnsOf(header: { fields: string[]; line: number }): string[] {
  const byLower = new Map<string, string>(RESULT_COLUMNS.map((c) => [c.toLowerCase(), c]));
  const columns: string[] = [];
  const problems: string[] = [];
  header.fields.forEach((raw, i) => {
    const name = raw.trim();
    const col = byLower.get(name.toLowerCase());
    if (!col) {
      if (name === "" && i === header.fields.length - 1) return; // a trailing delimiter
      problems.push(`cột không hỗ trợ “${name.slice(0, 40)}” / unknown column “${name.slice(0, 40)}”`);
    } else if (columns.includes(col)) {
      problems.push(`cột “${col}” lặp lại / column “${col}” appears twice`);
    }
    columns.push(col ?? "");
  });
  for (const c of REQUIRED_COLUMNS) if (!columns.includes(c)) problems.push(`thiếu cột “${c}” / missing column “${c}”`);
  if (problems.length > 0) {
    throw new ApiError(
      "invalid",
      `Dòng tiêu đề CSV không hợp lệ: ${problems.join("; ")}. Các cột: ${RESULT_COLUMNS.join(", ")} / invalid CSV header`,
      [{ row: null, line: header.line, message: problems.join("; ") }],
    );
  }
  return columns;
}

const NUMBER_COLUMNS = new Set(["value", "baseline"]);

/**
 * An unquoted "18,000" in a comma-separated row becomes two cells ("18", "000") and one
 * cell too many: the number as typed, when a number column is followed by such a pair.
 */
function splitNumberIn(fields: string[], columns: string[]): { text: string; column: string } | null {
  for (let i = 0; i < columns.length && i + 1 < fields.length; i++) {
    if (!NUMBER_COLUMNS.has(columns[i]!)) continue;
    const a = fields[i]!.trim();
    const b = fields[i + 1]!.trim();
    if (/^[-+]?\d{1,3}$/.test(a) && /^\d{3}$/.test(b)) return { text: `${a},${b}`, column: columns[i]! };
  }
  return null;
}

/** Which reader a request needs: text/csv → CSV; JSON types, or a body that starts like JSON → JSON. */
function formatOf(contentType: string | null, text: string): "json" | "csv" {
  const type = mediaType(contentType);
  if (type === "text/csv" || type === "application/csv") return "csv";
  if (type === "application/json" || type.endsWith("+json")) return "json";
  if (/^\s*[[{]/.test(text)) return "json";
  throw new ApiError(
    "bad_request",
    `Kiểu nội dung không hỗ trợ${type ? ` (${type.slice(0, 60)})` : ""}: dùng Content-Type: application/json hoặc text/csv / unsupported content type: use application/json or text/csv`,
  );
}

/** Reads and decodes an upload of result rows; at most `maxRows` rows. */
export async function readResultUpload(req: Request, maxRows: number): Promise<TUpload> {
  const text = await readBodyText(req);
  const format = formatOf(req.headers.get("content-type"), text);
  if (format === "csv") {
    const { rows, lines } = rowsFromCsv(text, maxRows);
    return { rows, format, lines };
  }
  const rows = rowsFromJson(text);
  if (rows.length > maxRows) {
    throw new ApiError("invalid", `Mỗi lần gửi tối đa ${maxRows} dòng (đã gửi ${rows.length}); hãy chia thành nhiều lô / at most ${maxRows} rows per batch (got ${rows.length}); split it`);
  }
  return { rows, format, lines: null };
}

/** A warning in the 200 answer: saved, but worth a second look. */
export type TUploadWarning = {
  /** 0-based index of the row in the batch. */
  row: number;
  /** CSV only: the line of the file the row starts on (the header is line 1). */
  line?: number | null;
  field: string;
  code: string;
  /** Vietnamese / English. */
  message: string;
  params: Record<string, unknown>;
};

/** CSV only: the line of the file a row of the batch starts on. */
const lineOf = (upload: Pick<TUpload, "lines">, row: number) => (upload.lines ? { line: upload.lines[row] ?? null } : {});

/** The 200 answer of a saved batch: the rows as saved and the warnings (an empty array when none). */
export function savedAnswer(outcome: Extract<TSaveOutcome, { ok: true }>, upload: Pick<TUpload, "lines">): { data: TSavedResult[]; warnings: TUploadWarning[] } {
  return {
    data: outcome.saved,
    warnings: outcome.warnings.map((w) => ({ row: w.row, ...lineOf(upload, w.row), field: w.field, code: w.code, message: problemBilingual(w), params: w.params })),
  };
}

/** A refused batch's error: its kind, a summary (how many rows, nothing saved) and each row's problems. */
export function refusedError(outcome: TRefused, upload: Pick<TUpload, "lines">): ApiError {
  const rows = new Set(outcome.errors.map((e) => e.row)).size;
  const details = outcome.errors.map((e) => ({
    row: e.row,
    ...lineOf(upload, e.row),
    ...(e.field ? { field: e.field } : {}),
    code: e.code,
    message: problemBilingual(e),
    ...(e.current ? { current: e.current } : {}),
  }));
  return new ApiError(outcome.kind, problemBilingual({ code: `batch_${outcome.kind}`, params: { rows } }), details);
}
