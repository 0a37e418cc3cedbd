// Query parameters of the unit registry search (the /units page, GET /api/v1/units and the unit
// pickers of the workspace forms), and the unit key of GET /api/v1/units/{key}: validated in one
// place. Messages are "tiếng Việt / English".
import { z } from "zod";
import { isIsoDate } from "../domain/numbers";
import { UNIT_KEY_PATTERN } from "../domain/ids";
import { ZSearchText } from "./plans";

export const UNITS_PAGE_SIZE = 50;
export const UNITS_MAX_PAGE_SIZE = 200;
export const UNIT_LEVELS = ["NATION", "PROVINCE", "DISTRICT", "COMMUNE"] as const;
export type TUnitLevel = (typeof UNIT_LEVELS)[number];

/** "" and absent both mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

/** A unit's key: its code ("92", "00004"), or code and year for an ended unit whose code a later unit reuses ("92-2025"). */
export const ZUnitKey = z
  .string()
  .trim()
  .regex(UNIT_KEY_PATTERN, { error: "Khóa đơn vị không hợp lệ: là mã đơn vị, ví dụ 92 hoặc 00004, hoặc mã kèm năm kết thúc, ví dụ 92-2025 / invalid unit key: a unit code such as 92 or 00004, or a code and the year it ended such as 92-2025" });

/** One level, or several separated by commas ("district,commune"): units of any of them. */
export const ZUnitLevels = z
  .string()
  .trim()
  .transform((v) => [...new Set(v.split(",").map((x) => x.trim().toUpperCase()))])
  .pipe(
    z.array(
      z.enum(UNIT_LEVELS, {
        error: "phải là nation, province, district hoặc commune (có thể nhiều cấp, cách nhau bằng dấu phẩy, ví dụ district,commune) / must be nation, province, district or commune (several separated by commas, e.g. district,commune)",
      }),
    ),
  );

/** At most this many units in `within`. */
export const UNITS_WITHIN_MAX = 8;

/** One unit key, or several separated by commas ("94,92"): the units below any of them. */
export const ZUnitKeys = z
  .string()
  .trim()
  .transform((v) => [...new Set(v.split(",").map((x) => x.trim()))])
  .pipe(
    z
      .array(
        z.string().regex(UNIT_KEY_PATTERN, {
          error: "Khóa đơn vị không hợp lệ: là mã đơn vị, ví dụ 08 hoặc 00004, hoặc mã kèm năm kết thúc, ví dụ 92-2025; nhiều khóa cách nhau bằng dấu phẩy / invalid unit key: a unit code such as 08 or 00004, or a code and the year it ended such as 92-2025; several keys separated by commas",
        }),
      )
      .max(UNITS_WITHIN_MAX, { error: `Tối đa ${UNITS_WITHIN_MAX} đơn vị / at most ${UNITS_WITHIN_MAX} units` }),
  );

export const ZValidOn = z
  .string()
  .trim()
  .refine(isIsoDate, { error: "Ngày phải có dạng YYYY-MM-DD và là một ngày có thật, ví dụ 2025-07-01 / the date must be a real date written YYYY-MM-DD, e.g. 2025-07-01" });

const ZPage = z
  .string()
  .trim()
  .regex(/^\d{1,6}$/, { error: "Số trang phải là số nguyên dương / the page must be a positive whole number" })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: "Số trang phải từ 1 / the page must be 1 or more" }));

const ZUnitsPageSize = z
  .string()
  .trim()
  .regex(/^\d{1,4}$/, { error: "Cỡ trang phải là số nguyên / pageSize must be a whole number" })
  .transform(Number)
  .pipe(
    z
      .number()
      .int()
      .min(1, { error: "Cỡ trang phải từ 1 / pageSize must be 1 or more" })
      .max(UNITS_MAX_PAGE_SIZE, { error: `Cỡ trang tối đa ${UNITS_MAX_PAGE_SIZE} / pageSize must be at most ${UNITS_MAX_PAGE_SIZE}` }),
  );

export const ZUnitsQuery = z.object({
  q: optional(ZSearchText),
  level: optional(ZUnitLevels),
  parent: optional(ZUnitKey),
  within: optional(ZUnitKeys),
  validOn: optional(ZValidOn),
  page: optional(ZPage),
  pageSize: optional(ZUnitsPageSize),
});

/** A search of the registry, as parsed (every field optional). */
export type TUnitsQuery = {
  q?: string;
  /** The one level asked for (`level=province`). */
  level?: TUnitLevel;
  /** Several levels asked for at once (`level=district,commune`); `level` is then unset. */
  levels?: TUnitLevel[];
  /** A unit key: the units directly below it. */
  parent?: string;
  /** Unit keys: the units strictly below any of them, down to three levels (children, grandchildren, great-grandchildren). */
  within?: string[];
  validOn?: string;
  page?: number;
  pageSize?: number;
};

/** The parameters this schema reads, in the order they are reported. */
export const UNITS_QUERY_KEYS = ["q", "level", "parent", "within", "validOn", "page", "pageSize"] as const;

/** Reads a URLSearchParams-like record; repeated parameters use their first value. */
export function unitsQueryInput(params: Record<string, string | string[] | undefined> | URLSearchParams): Record<(typeof UNITS_QUERY_KEYS)[number], string | undefined> {
  const get = (k: string) => {
    if (params instanceof URLSearchParams) return params.get(k) ?? undefined;
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  return Object.fromEntries(UNITS_QUERY_KEYS.map((k) => [k, get(k)])) as Record<(typeof UNITS_QUERY_KEYS)[number], string | undefined>;
}

/**
 * Every parameter that parses, and the problems of those that do not (a page reports a bad
 * parameter and still applies the others; the API refuses the request).
 */
export function parseUnitsQuery(input: Record<string, string | undefined>): { query: TUnitsQuery; issues: { param: string; message: string }[] } {
  const query: Record<string, unknown> = {};
  const issues: { param: string; message: string }[] = [];
  for (const k of UNITS_QUERY_KEYS) {
    const r = ZUnitsQuery.shape[k].safeParse(input[k]);
    if (r.success) {
      if (r.data === undefined) continue;
      // One level is `level` (what the /units page shows in its select); several are `levels`.
      if (k === "level" && Array.isArray(r.data)) {
        if (r.data.length === 1) query.level = r.data[0];
        else query.levels = r.data;
      } else query[k] = r.data;
    } else issues.push({ param: k, message: r.error.issues[0]?.message ?? "không hợp lệ / invalid" });
  }
  return { query: query as TUnitsQuery, issues };
}
