// GET /api/v1/compare?indicator=&year=&sort=&format=json|csv|xlsx: one indicator across
// provinces and their districts (lib/data/rollups.ts; described in lib/api/openapi.ts).
// year defaults to the latest year with published results for the indicator.
import { NextResponse, type NextRequest } from "next/server";
import { buildCompareWorkbook, COMPARE_CSV_COLUMNS, compareCsvRows, toApiCompareIndicator, toApiCompareRow } from "@/lib/api/compare";
import { ApiError, csvResponse, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { compareIndicator, listComparableIndicators, orderComparison } from "@/lib/data/rollups";
import { parseParam } from "@/lib/validation/api";
import { ZCompareFormat, ZCompareSort, ZIndicatorCode, ZYear } from "@/lib/validation/compare";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest) => {
    const sp = req.nextUrl.searchParams;
    const format = parseParam(ZCompareFormat, "format", sp.get("format")) ?? "json";
    const indicatorCode = parseParam(ZIndicatorCode, "indicator", sp.get("indicator"));
    if (!indicatorCode) throw new ApiError("bad_request", "indicator: cần mã chỉ tiêu, ví dụ indicator=jobs / an indicator code is required, e.g. indicator=jobs");
    let year = parseParam(ZYear, "year", sp.get("year"));
    const sort = parseParam(ZCompareSort, "sort", sp.get("sort")) ?? "name";

    if (year === undefined) {
      const comparable = await listComparableIndicators();
      year = comparable.find((i) => i.code === indicatorCode)?.years[0];
    }
    const comparison = await compareIndicator({ indicatorCode, year: year ?? new Date().getFullYear() });
    if (!comparison) throw new ApiError("not_found", `Không có chỉ tiêu mã "${indicatorCode}". / No indicator with this code.`);
    const rows = orderComparison(comparison.rows, sort);
    const name = `so-sanh-${comparison.indicator.code}-${comparison.year}`;

    if (format === "csv") return csvResponse(`${name}.csv`, COMPARE_CSV_COLUMNS, compareCsvRows(comparison.indicator, comparison.year, rows));
    if (format === "xlsx") {
      const body = await buildCompareWorkbook(comparison.indicator, comparison.year, rows);
      return new Response(body as Uint8Array<ArrayBuffer>, {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": `attachment; filename="${name}.xlsx"`,
        },
      });
    }
    return NextResponse.json({
      indicator: toApiCompareIndicator(comparison.indicator),
      year: comparison.year,
      // The sources give no national figures: no reference line is recorded.
      reference: null,
      data: rows.map(toApiCompareRow),
    });
  }),
);
