// Query parameters of the plan list (page and API), validated in one place.
import { z } from "zod";
import { DOCUMENT_TYPES } from "../data/enums";
import { UNIT_KEY_PATTERN } from "../domain/ids";
import { hasControlCharacters } from "../domain/text";

export const PAGE_SIZE = 20;

/** "" and absent both mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** Free text: trimmed, bounded, and free of control characters (which PostgreSQL text cannot hold). */
export const ZSearchText = z
  .string()
  .max(200, { error: "Từ khóa tối đa 200 ký tự / at most 200 characters" })
  .refine((s) => !hasControlCharacters(s), { error: "Từ khóa chứa ký tự điều khiển không hợp lệ / the text contains control characters" })
  .transform((s) => s.trim())
  .transform((s) => (s === "" ? undefined : s));

export const ZUnitCode = z.string().trim().regex(UNIT_KEY_PATTERN, { error: "Mã đơn vị không hợp lệ (chữ và số, ví dụ 94 hoặc 92-2025) / invalid unit code" });

export const ZYear = z
  .string()
  .trim()
  .regex(/^\d{4}$/, { error: "Năm phải gồm 4 chữ số, ví dụ 2023 / the year must have 4 digits, e.g. 2023" })
  .transform(Number)
  .pipe(z.number().int().min(1945, { error: "Năm phải từ 1945 / year must be 1945 or later" }).max(2100, { error: "Năm phải trước 2100 / year must be before 2100" }));

export const ZPlanFilter = z.object({
  q: optional(ZSearchText),
  unit: optional(ZUnitCode),
  year: optional(ZYear),
  type: optional(
    z
      .string()
      .trim()
      .transform((v) => v.toUpperCase())
      .pipe(z.enum(DOCUMENT_TYPES, { error: "Loại văn bản không hợp lệ / unknown document type" })),
  ),
  page: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,6}$/, { error: "Số trang phải là số nguyên dương / the page must be a positive whole number" })
      .transform(Number)
      .pipe(z.number().int().min(1, { error: "Số trang phải từ 1 / the page must be 1 or more" })),
  ),
});

export type TPlanFilter = Partial<z.infer<typeof ZPlanFilter>>;

/** Reads a URLSearchParams-like record; repeated parameters use their first value. */
export function planFilterInput(params: Record<string, string | string[] | undefined> | URLSearchParams) {
  const get = (k: string) => {
    if (params instanceof URLSearchParams) return params.get(k) ?? undefined;
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  return { q: get("q"), unit: get("unit"), year: get("year"), type: get("type"), page: get("page") };
}
