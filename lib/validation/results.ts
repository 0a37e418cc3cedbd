// One result row as the officer's grid, the spreadsheet import and
// `POST /api/v1/results` send it (README "Write API"). Numbers may be JSON
// numbers or Vietnamese-formatted text ("2.400", "18,66"), parsed by THE number
// parser; a malformed one is refused with that parser's message, never guessed.
//
// What is checked here needs no database: types, formats and lengths. Whether the
// target, unit and year fit together, permissions, value ranges and conflicts are
// checked by lib/data/results-write.ts.
//
// Absent vs empty: an optional field that is absent (undefined) keeps the stored
// value when a result is updated; null or "" clears it.
//
// One rule needs the target's measure, so it is checked once the target is known
// (numberErrorsForMeasure, called by the write path): a count typed "18,000" is
// ambiguous (18 the Vietnamese way, 18.000 the English way) and refused by THE parser.
import { z } from "zod";
import { parseVietnameseNumber, type NumberMeasure } from "../domain/numbers";
import { cap, emptyToNull, required, vietnameseNumber, wholeNumber, type TFieldErrorCode } from "./fields";
import { ID_PATTERN } from "../domain/ids";
import { UNIT_KEY_PATTERN } from "../domain/ids";
import { hasControlCharacters } from "../domain/text";

/** Free text kept as typed, except: trimmed, "\r\n" → "\n", no control characters other than newline. */
const ZNote = z
  .string({ error: "Ghi chú phải là văn bản / the note must be text" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .max(2000, { error: "Ghi chú tối đa 2000 ký tự / the note has at most 2000 characters" })
      .refine((s) => !hasControlCharacters(s, { lineBreaks: true }), {
        error: "Ghi chú chứa ký tự điều khiển không hợp lệ / the note contains control characters",
      }),
  );

const ZEvidenceUrl = z
  .string({ error: "Đường dẫn minh chứng phải là văn bản / the evidence link must be text" })
  .trim()
  .max(500, { error: "Đường dẫn minh chứng tối đa 500 ký tự / the evidence link has at most 500 characters" })
  .refine(
    (s) => {
      if (/[\s\u0000-\u001f\u007f]/.test(s)) return false;
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
      } catch {
        return false;
      }
    },
    { error: "Đường dẫn minh chứng phải là địa chỉ http:// hoặc https:// / the evidence link must be an http(s) URL" },
  );

const ZBooleanish = z.preprocess(
  (v) => {
    if (typeof v !== "string") return v;
    const s = v.trim().toLowerCase();
    if (s === "") return undefined;
    if (["true", "1", "yes", "có", "x"].includes(s)) return true;
    if (["false", "0", "no", "không"].includes(s)) return false;
    return v;
  },
  z.boolean({ error: "publish phải là true hoặc false / publish must be true or false" }).optional(),
);

export const ZResultInput = z.object(
  {
    targetId: z
      .string({ error: required("mã chỉ tiêu (targetId)", "targetId") })
      .trim()
      .regex(ID_PATTERN, { error: "Mã chỉ tiêu (targetId) không hợp lệ / invalid targetId" }),
    unitCode: z
      .string({ error: required("mã đơn vị (unitCode)", "unitCode") })
      .trim()
      .regex(UNIT_KEY_PATTERN, { error: "Mã đơn vị (unitCode) không hợp lệ (chữ và số, ví dụ 94 hoặc 92-2025) / invalid unitCode" }),
    year: wholeNumber("năm", "year", 1945, 2100),
    value: vietnameseNumber("giá trị", "value"),
    baseline: z.preprocess(emptyToNull, vietnameseNumber("giá trị gốc", "baseline").nullable().optional()),
    note: z.preprocess(emptyToNull, ZNote.nullable().optional()),
    evidenceUrl: z.preprocess(emptyToNull, ZEvidenceUrl.nullable().optional()),
    version: z.preprocess((v) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v), wholeNumber("phiên bản (version)", "version", 1, 1_000_000_000).optional()),
    publish: ZBooleanish,
  },
  { error: "Mỗi dòng phải là một đối tượng { targetId, unitCode, year, value, … } / each row must be an object" },
);

/** What a caller sends (numbers may be Vietnamese-formatted text). */
export type TResultInput = z.input<typeof ZResultInput>;
/** A row after parsing: numbers are numbers. */
export type TResultData = z.output<typeof ZResultInput>;

export type TResultFieldError = { field?: string; code: TFieldErrorCode; message: string };

/** Parses one row; on failure, one error per offending field (first message of each). */
export function parseResultInput(input: unknown): { ok: true; data: TResultData } | { ok: false; errors: TResultFieldError[] } {
  const r = ZResultInput.safeParse(input);
  if (r.success) return { ok: true, data: r.data };
  const errors: TResultFieldError[] = [];
  const seen = new Set<string>();
  for (const issue of r.error.issues) {
    const field = issue.path.length > 0 ? String(issue.path[0]) : undefined;
    const key = field ?? "";
    if (seen.has(key)) continue;
    seen.add(key);
    const custom = issue.code === "custom" ? (issue.params as { code?: TFieldErrorCode } | undefined)?.code : undefined;
    const isMissing = field !== undefined && isAbsent((input as Record<string, unknown> | null)?.[field]);
    errors.push({ ...(field ? { field } : {}), code: custom ?? (isMissing ? "required" : "invalid"), message: issue.message });
  }
  return { ok: false, errors };
}

/** The number fields a row may carry as text. */
const NUMBER_FIELDS = ["value", "baseline"] as const;

/**
 * THE number parser again, now that the target's measure is known, on the number fields
 * that arrived as text (JSON numbers and XLSX numeric cells are not ambiguous): one error
 * per field it refuses for this measure ("18,000" for a count). Messages are
 * "Tiếng Việt / English". Fields the measure-free parse already refused are left out.
 */
export function numberErrorsForMeasure(input: unknown, measure: NumberMeasure | null | undefined): TResultFieldError[] {
  if (!measure || input === null || typeof input !== "object") return [];
  const errors: TResultFieldError[] = [];
  for (const field of NUMBER_FIELDS) {
    const v = (input as Record<string, unknown>)[field];
    if (typeof v !== "string" || v.trim() === "") continue;
    if (!parseVietnameseNumber(v).ok) continue;
    const r = parseVietnameseNumber(v, { measure });
    if (!r.ok) errors.push({ field, code: "invalid_number", message: `${r.error} / ${r.errorEn}` });
  }
  return errors;
}

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null || v === "";
}

/** A reason for reopening an approved result: 5–2000 characters, no control characters but newlines. */
export const ZReopenReason = z
  .string({ error: "Cần nêu lý do mở lại / a reason is required" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(5, { error: "Lý do mở lại cần ít nhất 5 ký tự / the reason needs at least 5 characters" })
      .max(2000, { error: "Lý do tối đa 2000 ký tự / the reason has at most 2000 characters" })
      .refine((s) => !hasControlCharacters(s, { lineBreaks: true }), {
        error: "Lý do chứa ký tự điều khiển không hợp lệ / the reason contains control characters",
      }),
  );
