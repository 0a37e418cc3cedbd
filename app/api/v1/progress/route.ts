import { NextResponse, type NextRequest } from "next/server";
import { ApiError, csvStreamResponse, pageLinks, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { toApiProgress } from "@/lib/api/serialize";
import { xlsxResponse } from "@/lib/api/xlsx";
import { countStatuses } from "@/lib/data/dashboards";
import { STATUS_ORDER } from "@/lib/domain/progress";
import { statusLabel } from "@/lib/i18n/messages";
import { listTargetProgress } from "@/lib/data/progress";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { pageSizeUpTo, parseParam, ZAsOf, ZPage } from "@/lib/validation/api";
import { ZPlanFilter } from "@/lib/validation/plans";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** JSON pages: 500 targets by default, at most 2.000; the CSV is every row, streamed. */
const DEFAULT_PAGE_SIZE = 500;
const ZProgressPageSize = pageSizeUpTo(2000);

const ZIndicatorCode = z.string().regex(/^[A-Za-z0-9_]{1,40}$/, { error: "mã chỉ tiêu không hợp lệ / invalid indicator code" });

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest) => {
    const sp = req.nextUrl.searchParams;
    const format = sp.get("format") ?? "json";
    if (format !== "json" && format !== "csv" && format !== "xlsx") {
      throw new ApiError("bad_request", `Định dạng không hỗ trợ: "${format.slice(0, 20)}" (dùng json, csv hoặc xlsx). / Unsupported format (use json, csv or xlsx).`);
    }
    const unit = parseParam(ZPlanFilter.shape.unit, "unit", sp.get("unit"));
    const year = parseParam(ZPlanFilter.shape.year, "year", sp.get("year"));
    const indicator = parseParam(ZIndicatorCode, "indicator", sp.get("indicator"));
    const asOf = parseParam(ZAsOf, "asOf", sp.get("asOf")) ?? isoDateInTimeZone();
    const page = parseParam(ZPage, "page", sp.get("page")) ?? 1;
    const pageSize = parseParam(ZProgressPageSize, "pageSize", sp.get("pageSize")) ?? DEFAULT_PAGE_SIZE;
    const rows = await listTargetProgress({ unit, year, indicator, asOf });
    if (rows === null) throw new ApiError("not_found", `Không có đơn vị mã "${unit}". / No unit with this code.`);
    const shape = (r: (typeof rows)[number]) => ({ ...toApiProgress(r.targetId, r.progress), planId: r.planId, planCode: r.planCode, indicator: r.indicatorCode, group: r.groupCode, unit: r.unitCode });
    const columns = ["targetId", "planId", "planCode", "indicator", "group", "unit", "year", "actual", "achieved", "percent", "status"];
    // The full dump, written a block of rows at a time as the reader takes it.
    if (format === "csv") return csvStreamResponse("progress.csv", columns, rows.length, (i) => shape(rows[i]!));
    const data = format === "xlsx" ? rows.map(shape) : [];
    if (format === "xlsx") {
      // The overview table (targets per status) and the rows behind it.
      const counts = countStatuses(rows);
      return xlsxResponse("progress.xlsx", [
        {
          name: "Theo trạng thái",
          columns: ["status", "statusLabel", "targets"],
          rows: [...STATUS_ORDER.map((s) => ({ status: s, statusLabel: statusLabel(s, "vi"), targets: counts[s] })), { status: "total", statusLabel: "Tổng số", targets: counts.total }],
        },
        { name: "Tiến độ chỉ tiêu", columns, rows: data },
      ]);
    }
    const total = rows.length;
    const pageCount = Math.max(1, Math.ceil(total / pageSize));
    // As /api/v1/plans: a page past the end answers the last page.
    const shown = Math.min(page, pageCount);
    const from = (shown - 1) * pageSize;
    return NextResponse.json({
      data: rows.slice(from, from + pageSize).map(shape),
      asOf,
      meta: { total, page: shown, pageSize, pageCount },
      links: pageLinks(req.nextUrl, shown, pageCount),
    });
  }),
);
