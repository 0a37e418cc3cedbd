// The query of a dashboard download: ?format=csv|xlsx (csv by default) and ?asOf=YYYY-MM-DD (today by default).
import { isoDateInTimeZone } from "../domain/numbers";
import { parseParam, ZAsOf } from "../validation/api";
import { ApiError } from "./http";
import { downloadFormat } from "./xlsx";

export function parseDownloadQuery(sp: URLSearchParams): { format: "csv" | "xlsx"; asOf: string } {
  const format = downloadFormat(sp);
  if (!format) throw new ApiError("bad_request", "Định dạng không hỗ trợ (dùng csv hoặc xlsx). / Unsupported format (use csv or xlsx).");
  return { format, asOf: parseParam(ZAsOf, "asOf", sp.get("asOf")) ?? isoDateInTimeZone() };
}
