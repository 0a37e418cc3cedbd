import type { NextRequest } from "next/server";
import { ApiError, csvResponse, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { parseDownloadQuery } from "@/lib/api/download-query";
import { xlsxResponse } from "@/lib/api/xlsx";
import { unitDashboardDownload } from "@/lib/data/dashboards-load";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest, ctx: { params: Promise<{ code: string }> }) => {
    const { code } = await ctx.params;
    const sp = req.nextUrl.searchParams;
    const { format, asOf } = parseDownloadQuery(sp);
    const table = sp.get("table") ?? "status";
    if (table !== "status" && table !== "plans" && table !== "indicators") {
      throw new ApiError("bad_request", 'table phải là "status", "plans" hoặc "indicators". / table must be "status", "plans" or "indicators".');
    }
    const data = await unitDashboardDownload(code, asOf);
    if (!data) throw new ApiError("not_found", `Không có đơn vị mã "${code.slice(0, 12)}". / No unit with this code.`);
    if (format === "csv") {
      const t = data[table];
      return csvResponse(`unit-${code}-${table}.csv`, t.columns, t.rows);
    }
    return xlsxResponse(`unit-${code}.xlsx`, [data.status, data.plans, data.indicators]);
  }),
);
