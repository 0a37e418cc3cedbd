import type { NextRequest } from "next/server";
import { ApiError, csvResponse, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { downloadFormat, xlsxResponse } from "@/lib/api/xlsx";
import { unitDashboardDownload } from "@/lib/data/dashboards-load";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { parseParam, ZAsOf } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest, ctx: { params: Promise<{ code: string }> }) => {
    const { code } = await ctx.params;
    const sp = req.nextUrl.searchParams;
    const format = downloadFormat(sp);
    if (!format) throw new ApiError("bad_request", "Định dạng không hỗ trợ (dùng csv hoặc xlsx). / Unsupported format (use csv or xlsx).");
    const table = sp.get("table") ?? "status";
    if (table !== "status" && table !== "plans" && table !== "indicators") {
      throw new ApiError("bad_request", 'table phải là "status", "plans" hoặc "indicators". / table must be "status", "plans" or "indicators".');
    }
    const asOf = parseParam(ZAsOf, "asOf", sp.get("asOf")) ?? isoDateInTimeZone();
    const data = await unitDashboardDownload(code, asOf);
    if (!data) throw new ApiError("not_found", `Không có đơn vị mã "${code.slice(0, 12)}". / No unit with this code.`);
    if (format === "csv") {
      const t = data[table];
      return csvResponse(`unit-${code}-${table}.csv`, t.columns, t.rows);
    }
    return xlsxResponse(`unit-${code}.xlsx`, [data.status, data.plans, data.indicators]);
  }),
);
