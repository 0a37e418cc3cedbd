// Query parameters of the province comparison (page and API), validated in one place.
import { z } from "zod";

export { ZYear } from "./plans";

export const ZIndicatorCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "Mã chỉ tiêu không hợp lệ (chữ, số, “-”, “_”, tối đa 40 ký tự) / invalid indicator code" });

export const ZGroupCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9-]{1,40}$/, { error: "Mã nhóm đối tượng không hợp lệ (chữ thường, số, “-”, ví dụ khmer) / invalid population group code (e.g. khmer)" });

/** name / value ascending; a leading "-" sorts descending. */
export const COMPARE_SORTS = ["name", "-name", "value", "-value"] as const;
export type TCompareSort = (typeof COMPARE_SORTS)[number];

export const ZCompareSort = z.enum(COMPARE_SORTS, { error: "Cách sắp xếp không hợp lệ (name, -name, value, -value) / invalid sort (name, -name, value, -value)" });

export const COMPARE_FORMATS = ["json", "csv", "xlsx"] as const;
export const ZCompareFormat = z.enum(COMPARE_FORMATS, { error: "Định dạng không hỗ trợ (json, csv hoặc xlsx) / unsupported format (json, csv or xlsx)" });
