// One result row as the officer's grid, the spreadsheet import and
// `POST /api/v1/results` send it (CONTRACT.md "Write API"). Numbers may be JSON
// numbers or Vietnamese-formatted text ("2.400", "18,66"), parsed by THE number
// parser; a malformed one is refused with that parser's message, never guessed.
//
// What is checked here needs no database: types, formats and lengths. Whether the
// target, unit and year fit together, permissions, value ranges and conflicts are
// checked by lib/data/results-write.ts.
//
// Absent vs empty: an optional field that is absent (undefined) keeps the stored
// value when a result is updated; null or "" clears it.
import { z } from "zod";
import { parseVietnameseNumber } from "../domain/numbers";

/** Largest magnitude a result column (numeric(16,4)) holds. */
const MAX_ABS = 1e12;

/** Error codes this schema puts in `params.code` of its custom issues. */
export type TResultFieldErrorCode = "required" | "invalid" | "invalid_number";

const required = (vi: string, en: string) => (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null || iss.input === "" ? `Thiếu ${vi} / ${en} is required` : `${vi[0]!.toUpperCase()}${vi.slice(1)} không hợp lệ / invalid ${en}`;

/** "" and null mean "cleared"; undefined means "not given". */
const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** A number: a finite JSON number, or Vietnamese-formatted text. At most 4 decimals (the column's scale). */
function vietnameseNumber(vi: string, en: string) {
  return z
    .union([z.number(), z.string()], { error: required(vi, en) })
    .transform((v, ctx) => {
      let value: number;
      if (typeof v === "number") {
        value = v;
      } else {
        const parsed = parseVietnameseNumber(v);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: parsed.error, params: { code: "invalid_number", parserCode: parsed.code } });
          return z.NEVER;
        }
        value = parsed.value;
      }
      if (!Number.isFinite(value) || Math.abs(value) >= MAX_ABS) {
        ctx.addIssue({ code: "custom", message: `${cap(vi)} quá lớn hoặc không phải là số / the ${en} is too large or not a number`, params: { code: "invalid_number" } });
        return z.NEVER;
      }
      const scaled = value * 1e4;
      if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
        ctx.addIssue({ code: "custom", message: `${cap(vi)} có tối đa 4 chữ số thập phân / the ${en} has at most 4 decimals`, params: { code: "invalid_number" } });
        return z.NEVER;
      }
      return value === 0 ? 0 : value;
    });
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whole number, from a JSON number or digit text (CSV, form fields). */
function wholeNumber(vi: string, en: string, min: number, max: number) {
  return z
    .union([z.number(), z.string().trim().regex(/^\d{1,9}$/, { error: `${cap(vi)} phải là số nguyên / the ${en} must be a whole number` }).transform(Number)], {
      error: required(vi, en),
    })
    .pipe(
      z
        .number()
        .int({ error: `${cap(vi)} phải là số nguyên / the ${en} must be a whole number` })
        .min(min, { error: `${cap(vi)} phải từ ${min} / the ${en} must be ${min} or more` })
        .max(max, { error: `${cap(vi)} phải không quá ${max} / the ${en} must be at most ${max}` }),
    );
}

/** Free text kept as typed, except: trimmed, "\r\n" → "\n", no control characters other than newline. */
const ZNote = z
  .string({ error: "Ghi chú phải là văn bản / the note must be text" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .max(2000, { error: "Ghi chú tối đa 2000 ký tự / the note has at most 2000 characters" })
      .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), {
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
      .regex(/^[A-Za-z0-9_-]{1,80}$/, { error: "Mã chỉ tiêu (targetId) không hợp lệ / invalid targetId" }),
    unitCode: z
      .string({ error: required("mã đơn vị (unitCode)", "unitCode") })
      .trim()
      .regex(/^[A-Za-z0-9]{1,12}$/, { error: "Mã đơn vị (unitCode) không hợp lệ (chỉ gồm chữ và số) / invalid unitCode" }),
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

export type TResultFieldError = { field?: string; code: TResultFieldErrorCode; message: string };

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
    const custom = issue.code === "custom" ? (issue.params as { code?: TResultFieldErrorCode } | undefined)?.code : undefined;
    const isMissing = field !== undefined && isAbsent((input as Record<string, unknown> | null)?.[field]);
    errors.push({ ...(field ? { field } : {}), code: custom ?? (isMissing ? "required" : "invalid"), message: issue.message });
  }
  return { ok: false, errors };
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
      .refine((s) => !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s), {
        error: "Lý do chứa ký tự điều khiển không hợp lệ / the reason contains control characters",
      }),
  );
