import type { NextRequest } from "next/server";
import { ApiError, csvResponse, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { parseDownloadQuery } from "@/lib/api/download-query";
import { xlsxResponse } from "@/lib/api/xlsx";
import { planDashboardDownload } from "@/lib/data/dashboards-load";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => {
    const { id } = await ctx.params;
    const sp = req.nextUrl.searchParams;
    const { format, asOf } = parseDownloadQuery(sp);
    const data = await planDashboardDownload(id, asOf);
    if (!data) throw new ApiError("not_found", `Không có văn bản "${id.slice(0, 80)}". / No published plan with this id.`);
    const name = `plan-${data.planId}`;
    if (format === "csv") return csvResponse(`${name}.csv`, data.table.columns, data.table.rows);
    return xlsxResponse(`${name}.xlsx`, [data.table]);
  }),
);
