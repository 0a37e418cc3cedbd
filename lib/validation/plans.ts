// Query parameters of the plan list (page and API), validated in one place.
import { z } from "zod";
import { DOCUMENT_TYPES } from "../data/enums";

export const PAGE_SIZE = 20;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Tối đa ${max} ký tự / at most ${max} characters` })
    .optional()
    .transform((v) => (v ? v : undefined));

export const ZPlanFilter = z.object({
  q: optionalText(200),
  unit: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{1,12}$/, { error: "Mã đơn vị không hợp lệ / invalid unit code" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, { error: "Năm phải gồm 4 chữ số / year must have 4 digits" })
    .transform(Number)
    .pipe(z.number().int().min(1945).max(2100))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  type: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.enum(DOCUMENT_TYPES, { error: "Loại văn bản không hợp lệ / unknown document type" }))
    .optional()
    .or(z.literal("").transform(() => undefined)),
  page: z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { error: "Số trang không hợp lệ / invalid page" })
    .transform(Number)
    .pipe(z.number().int().min(1))
    .optional()
    .or(z.literal("").transform(() => undefined)),
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
