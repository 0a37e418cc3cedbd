// GET /api/v1/compare?indicator=&group=&year=&sort=&page=&pageSize=&format=json|csv|xlsx: one indicator and
// population group across provinces and their districts (lib/data/rollups.ts; described in
// lib/api/openapi.ts). group defaults to the whole population when it has figures, else the
// first group that has; year to the latest year with published figures for that group.
import { NextResponse, type NextRequest } from "next/server";
import { buildCompareWorkbook, COMPARE_CSV_COLUMNS, compareCsvLines, toApiCompareIndicator, toApiCompareRow, toApiCompareTotal } from "@/lib/api/compare";
import { apiGroup } from "@/lib/api/serialize";
import { ApiError, csvStreamResponse, pageLinks, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { compareIndicator, defaultCompareGroup, getIndicatorByCode, listComparableIndicators, orderComparison } from "@/lib/data/rollups";
import { pageSizeUpTo, parseParam, ZPage } from "@/lib/validation/api";
import { ZCompareFormat, ZCompareSort, ZGroupCode, ZIndicatorCode, ZYear } from "@/lib/validation/compare";

export const dynamic = "force-dynamic";

/** JSON pages: 500 rows by default, at most 2.000 (a whole country is tens of thousands); CSV and XLSX give every row. */
const ZComparePageSize = pageSizeUpTo(2000);
const DEFAULT_PAGE_SIZE = 500;

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest) => {
    const sp = req.nextUrl.searchParams;
    const format = parseParam(ZCompareFormat, "format", sp.get("format")) ?? "json";
    const indicatorCode = parseParam(ZIndicatorCode, "indicator", sp.get("indicator"));
    if (!indicatorCode) throw new ApiError("bad_request", "indicator: cần mã chỉ tiêu, ví dụ indicator=jobs / an indicator code is required, e.g. indicator=jobs");
    let year = parseParam(ZYear, "year", sp.get("year"));
    const askedGroup = parseParam(ZGroupCode, "group", sp.get("group"));
    const sort = parseParam(ZCompareSort, "sort", sp.get("sort")) ?? "name";
    const page = parseParam(ZPage, "page", sp.get("page")) ?? 1;
    const pageSize = parseParam(ZComparePageSize, "pageSize", sp.get("pageSize")) ?? DEFAULT_PAGE_SIZE;

    const comparable = (await listComparableIndicators()).find((i) => i.code === indicatorCode);
    const groupCode = askedGroup ?? defaultCompareGroup(comparable);
    year ??= comparable?.groups.find((g) => g.code === groupCode)?.years[0];
    const comparison = await compareIndicator({ indicatorCode, groupCode, year: year ?? new Date().getFullYear() });
    if (!comparison) {
      if (!(await getIndicatorByCode(indicatorCode))) throw new ApiError("not_found", `Không có chỉ tiêu mã "${indicatorCode}". / No indicator with this code.`);
      throw new ApiError("not_found", `Không có nhóm đối tượng mã "${groupCode}". / No population group with this code.`);
    }
    const rows = orderComparison(comparison.rows, sort);
    const name = `so-sanh-${comparison.indicator.code}-${comparison.group.code}-${comparison.year}`;

    if (format === "csv") {
      // Streamed a block at a time: a whole country's series is tens of thousands of lines.
      const lines = compareCsvLines(comparison, rows);
      return csvStreamResponse(`${name}.csv`, COMPARE_CSV_COLUMNS, lines.count, lines.row);
    }
    if (format === "xlsx") {
      const body = await buildCompareWorkbook(comparison, rows);
      return new Response(body as Uint8Array<ArrayBuffer>, {
        headers: {
          "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "content-disposition": `attachment; filename="${name}.xlsx"`,
        },
      });
    }
    const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
    // As the other lists: a page past the end answers the last page.
    const shown = Math.min(page, pageCount);
    const from = (shown - 1) * pageSize;
    return NextResponse.json({
      indicator: toApiCompareIndicator(comparison.indicator),
      group: apiGroup(comparison.group),
      /** The other groups with figures of this indicator: each is its own series, never mixed. */
      groups: (comparable?.groups ?? []).map((g) => ({ ...apiGroup(g), years: g.years })),
      year: comparison.year,
      // The sources give no national figures: no reference line is recorded.
      reference: null,
      data: rows.slice(from, from + pageSize).map((r) => toApiCompareRow(r, comparison.group)),
      // Every province's total on every page: they are few, and each sums rows of every page.
      totals: comparison.totals.map(toApiCompareTotal),
      meta: { total: rows.length, page: shown, pageSize, pageCount },
      links: pageLinks(req.nextUrl, shown, pageCount),
    });
  }),
);
