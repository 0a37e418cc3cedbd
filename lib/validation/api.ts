// Query parameters shared by API endpoints.
import { z } from "zod";
import { isIsoDate } from "../domain/numbers";
import { ApiError } from "../api/http";
import { AS_OF_MAX, AS_OF_MIN, asOfInRange } from "./as-of";

/** A real date, YYYY-MM-DD, within the range the pages accept too (lib/validation/as-of.ts). */
export const ZAsOf = z
  .string()
  .refine((s) => isIsoDate(s) && asOfInRange(s), {
    error: `asOf phải là một ngày có thật, dạng YYYY-MM-DD, từ ${AS_OF_MIN} đến ${AS_OF_MAX} / asOf must be a real date written YYYY-MM-DD, from ${AS_OF_MIN} to ${AS_OF_MAX}`,
  });

export const ZPageSize = z
  .string()
  .regex(/^\d{1,4}$/, { error: "pageSize phải là số nguyên / pageSize must be an integer" })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: "pageSize ≥ 1" }).max(100, { error: "pageSize ≤ 100" }));

/** A page number (1, 2, …) of a paginated answer. */
export const ZPage = z
  .string()
  .regex(/^\d{1,6}$/, { error: "page phải là số nguyên dương / page must be a positive integer" })
  .transform(Number)
  .pipe(z.number().int().min(1, { error: "page ≥ 1" }));

/** A page size up to `max` (lists whose rows are small allow more than the default 100). */
export const pageSizeUpTo = (max: number) =>
  z
    .string()
    .regex(/^\d{1,5}$/, { error: "pageSize phải là số nguyên / pageSize must be an integer" })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: "pageSize ≥ 1" }).max(max, { error: `pageSize ≤ ${max}` }));

/** Parses or throws a 400 ApiError that names the parameter. */
export function parseParam<T>(schema: z.ZodType<T>, name: string, value: string | null): T | undefined {
  if (value === null || value === "") return undefined;
  const r = schema.safeParse(value);
  if (!r.success) throw new ApiError("bad_request", `${name}: ${r.error.issues[0]?.message ?? "invalid"}`);
  return r.data;
}
