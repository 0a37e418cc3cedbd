// Query parameters of the province comparison (page and API), validated in one place.
import { z } from "zod";

export { ZYear } from "./plans";
// The comparison's province view is paged like the API's lists.
export { ZPage } from "./api";

export const ZIndicatorCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "Mã chỉ tiêu không hợp lệ (chữ, số, “-”, “_”, tối đa 40 ký tự) / invalid indicator code" });

export const ZGroupCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, { error: "Mã nhóm đối tượng không hợp lệ (chữ thường, số, “-”, ví dụ khmer) / invalid population group code (e.g. khmer)" });

/**
 * The province whose units below it are listed (`/compare?province=95`): a unit code, as the
 * comparison groups its rows by the province's code (lib/data/rollups.ts, groupComparison). A
 * unit with no province above it (the nation, an island district) is its own "province".
 */
export const ZProvinceCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{1,12}$/, { error: "Mã tỉnh không hợp lệ: là mã đơn vị, ví dụ 95 / invalid province code: a unit code such as 95" });

/** name / value ascending; a leading "-" sorts descending. */
export const COMPARE_SORTS = ["name", "-name", "value", "-value"] as const;
export type TCompareSort = (typeof COMPARE_SORTS)[number];

export const ZCompareSort = z.enum(COMPARE_SORTS, { error: "Cách sắp xếp không hợp lệ (name, -name, value, -value) / invalid sort (name, -name, value, -value)" });

export const COMPARE_FORMATS = ["json", "csv", "xlsx"] as const;
export const ZCompareFormat = z.enum(COMPARE_FORMATS, { error: "Định dạng không hỗ trợ (json, csv hoặc xlsx) / unsupported format (json, csv or xlsx)" });
