// What an officer sends to create or edit a plan and its targets. Format checks
// only; permissions, unit existence and workflow rules are in lib/data/plans-write.ts,
// target consistency in lib/domain/targets.ts (validateTargetSpecDetailed). Messages
// are written "tiếng Việt / English", like every schema's (lib/i18n/locale.ts `inLocale`).
import { z } from "zod";
import { parseVietnameseDate } from "../domain/numbers";
import { hasControlCharacters } from "../domain/text";
import { TARGET_KINDS } from "../domain/targets";
import { DOCUMENT_TYPES } from "../data/enums";
import { cap, emptyToNull, vietnameseNumber } from "./fields";
import { ZUnitCode, ZYear } from "./plans";
import { ZResultInput } from "./results";

const noControl = (s: string) => !hasControlCharacters(s, { lineBreaks: true });

const text = (vi: string, en: string, min: number, max: number) =>
  z
    .string({ error: `Thiếu ${vi} / the ${en} is required` })
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(min, { error: min <= 1 ? `Thiếu ${vi} / the ${en} is required` : `${cap(vi)} cần ít nhất ${min} ký tự / the ${en} needs at least ${min} characters` })
        .max(max, { error: `${cap(vi)} tối đa ${max} ký tự / the ${en} has at most ${max} characters` })
        .refine(noControl, { error: `${cap(vi)} chứa ký tự điều khiển không hợp lệ / the ${en} contains control characters` }),
    );

const optionalText = (vi: string, en: string, max: number) => z.preprocess(emptyToNull, text(vi, en, 1, max).nullable().optional());

/**
 * Số, ký hiệu exactly as issued: starts with the number, then "/" and the symbol,
 * e.g. "58/KH-UBND", "1845/UBND-VX", "03-NQ/TU". Kept as typed (trimmed).
 */
export const ZDocumentCode = z
  .string()
  .trim()
  .max(60, { error: "Số, ký hiệu tối đa 60 ký tự / the number and symbol have at most 60 characters" })
  .regex(/^\d+[\p{L}\p{N}.&-]*(\/[\p{L}\p{N}.&-]+)+$/u, {
    error: "Số, ký hiệu phải có dạng số/ký hiệu, ví dụ 58/KH-UBND (không có khoảng trắng) / write the number and symbol as number/symbol, e.g. 58/KH-UBND (no spaces)",
  });

const ZDate = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const r = parseVietnameseDate(s);
    if (!r.ok) {
      // The Vietnamese half may quote what was typed: a " / " in it would split the message there.
      ctx.addIssue({ code: "custom", message: `${r.error.replaceAll(" / ", "/")} / ${r.errorEn}` });
      return z.NEVER;
    }
    return r.value; // YYYY-MM-DD
  });

const ZHttpUrl = z
  .string()
  .trim()
  .max(500, { error: "Đường dẫn tối đa 500 ký tự / the link has at most 500 characters" })
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
      } catch {
        return false;
      }
    },
    { error: "Đường dẫn phải bắt đầu bằng http:// hoặc https:// / the link must start with http:// or https://" },
  );

const ZYearInput = z.union([z.number().int(), z.string()]).transform(String).pipe(ZYear);

export const ZCitationInput = z.object({
  code: z.preprocess(emptyToNull, ZDocumentCode.nullable().optional()),
  type: z.enum(DOCUMENT_TYPES, { error: "Loại văn bản căn cứ không hợp lệ / invalid type of the cited document" }),
  issuer: text("cơ quan ban hành văn bản căn cứ", "issuer of the cited document", 2, 200),
  issuedOn: z.preprocess(emptyToNull, ZDate.nullable().optional()),
  title: optionalText("trích yếu văn bản căn cứ", "title of the cited document", 500),
});

export const ZTaskInput = z.object({
  description: text("nội dung nhiệm vụ", "task", 3, 1000),
  responsible: text("cơ quan thực hiện", "responsible agency", 2, 300),
});

export const ZPlanInput = z
  .object({
    code: z.preprocess(emptyToNull, ZDocumentCode.nullable().optional()),
    type: z.enum(DOCUMENT_TYPES, { error: "Chọn loại văn bản / choose the document type" }),
    issuer: text("cơ quan ban hành", "issuer", 2, 200),
    issuerUnitCode: ZUnitCode,
    issuedOn: z.preprocess(emptyToNull, ZDate.nullable().optional()),
    title: text("trích yếu", "title", 5, 500),
    summary: optionalText("tóm tắt", "summary", 3000),
    periodStart: ZYearInput,
    periodEnd: ZYearInput,
    programmeCode: z.preprocess(emptyToNull, z.string().trim().max(60).nullable().optional()),
    sourceUrl: z.preprocess(emptyToNull, ZHttpUrl.nullable().optional()),
    sourceNote: optionalText("ghi chú nguồn", "source note", 500),
    citations: z.array(ZCitationInput).max(30, { error: "Tối đa 30 văn bản căn cứ / at most 30 cited documents" }).default([]),
    tasks: z.array(ZTaskInput).max(100, { error: "Tối đa 100 nhiệm vụ / at most 100 tasks" }).default([]),
  })
  .superRefine((p, ctx) => {
    if (p.periodStart > p.periodEnd) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "Năm kết thúc phải sau hoặc bằng năm bắt đầu / the last year must not be before the first" });
    if (p.code && !p.issuedOn) ctx.addIssue({ code: "custom", path: ["issuedOn"], message: "Văn bản có số hiệu cần ngày ban hành (dd/mm/yyyy) / a numbered document needs its date of issue (dd/mm/yyyy)" });
  });

export type TPlanInput = z.infer<typeof ZPlanInput>;

const optionalNumber = (vi: string, en: string) => z.preprocess(emptyToNull, vietnameseNumber(vi, en).nullable().optional());
const bool = z.preprocess((v) => v === true || v === "true" || v === "on" || v === "1", z.boolean());

/** The version of a target an edit was made on (optimistic lock): the same field, and messages, as a result's. Empty: none named. */
export const ZTargetVersion = ZResultInput.shape.version;

export const ZTargetInput = z.object({
  indicatorCode: z.preprocess(emptyToNull, z.string().trim().max(60).nullable().optional()),
  unitCode: ZUnitCode,
  /** Population group code from the catalogue; empty = the whole population. */
  groupCode: z.preprocess(emptyToNull, z.string().trim().max(40).nullable().optional()),
  kind: z.enum(TARGET_KINDS, { error: "Chọn loại chỉ tiêu / choose the target kind" }),
  lower: optionalNumber("giá trị chỉ tiêu", "target value"),
  upper: optionalNumber("cận trên", "upper bound"),
  strict: bool.default(false),
  approximate: bool.default(false),
  baseline: optionalNumber("giá trị gốc", "baseline"),
  periodStart: ZYearInput,
  periodEnd: ZYearInput,
  annual: bool.default(false),
  parentId: z.preprocess(emptyToNull, z.string().trim().max(80).nullable().optional()),
  equivalentValue: optionalNumber("giá trị tương đương", "equivalent value"),
  equivalentUnit: optionalText("đơn vị tương đương", "equivalent unit", 40),
  statement: text("nguyên văn chỉ tiêu", "wording of the target", 3, 1000),
  /** Required to edit a stored target (lib/data/plans-write.ts saveTarget); ignored when adding one. */
  version: ZTargetVersion,
});

export type TTargetInput = z.infer<typeof ZTargetInput>;
