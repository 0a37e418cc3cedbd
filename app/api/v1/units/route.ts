import { NextResponse, type NextRequest } from "next/server";
import { ApiError, csvResponse, wantsCsv, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { searchAllUnits, searchUnits } from "@/lib/data/units-search";
import { parseUnitsQuery, unitsQueryInput, type TUnitsQuery } from "@/lib/validation/units";
import { toApiUnit, UNIT_CSV_COLUMNS, unitCsvRow } from "./shape";

export const dynamic = "force-dynamic";

/** The relative URL of another page of the same query. */
function pageLink(query: TUnitsQuery, page: number): string {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  if (query.level) sp.set("level", query.level.toLowerCase());
  if (query.parent) sp.set("parent", query.parent);
  if (query.validOn) sp.set("validOn", query.validOn);
  if (query.pageSize) sp.set("pageSize", String(query.pageSize));
  sp.set("page", String(page));
  return `/api/v1/units?${sp.toString()}`;
}

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest) => {
    const sp = req.nextUrl.searchParams;
    const csv = wantsCsv(sp);
    const { query, issues } = parseUnitsQuery(unitsQueryInput(sp));
    if (issues.length) throw new ApiError("bad_request", issues.map((i) => `${i.param}: ${i.message}`).join("; "));
    const result = csv ? await searchAllUnits(query) : await searchUnits(query);
    if (!result) {
      throw new ApiError("not_found", `Không có đơn vị với khóa "${query.parent}" (tham số parent). / No unit with this key (parameter parent).`);
    }
    const data = result.items.map(toApiUnit);
    if (csv) return csvResponse("units.csv", UNIT_CSV_COLUMNS, data.map(unitCsvRow));
    return NextResponse.json({
      data,
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      pageCount: result.pageCount,
      links: {
        next: result.page < result.pageCount ? pageLink(query, result.page + 1) : null,
        prev: result.page > 1 ? pageLink(query, result.page - 1) : null,
      },
    });
  }),
);
