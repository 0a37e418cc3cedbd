import { NextResponse, type NextRequest } from "next/server";
import { ApiError, csvStreamResponse, wantsCsv, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { searchAllUnits, searchUnits, unknownUnitKeys } from "@/lib/data/units-search";
import { parseUnitsQuery, unitsQueryInput, type TUnitsQuery } from "@/lib/validation/units";
import { toApiUnit, UNIT_CSV_COLUMNS, unitCsvRow } from "./shape";

export const dynamic = "force-dynamic";

/** The relative URL of another page of the same query. */
function pageLink(query: TUnitsQuery, page: number): string {
  const sp = new URLSearchParams();
  if (query.q) sp.set("q", query.q);
  const levels = query.levels?.length ? query.levels : query.level ? [query.level] : [];
  if (levels.length) sp.set("level", levels.map((l) => l.toLowerCase()).join(","));
  if (query.parent) sp.set("parent", query.parent);
  if (query.within?.length) sp.set("within", query.within.join(","));
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
      const unknown = await unknownUnitKeys([...(query.parent ? [query.parent] : []), ...(query.within ?? [])]);
      const param = query.parent && unknown.includes(query.parent) ? "parent" : "within";
      const keys = unknown.map((k) => `"${k}"`).join(", ");
      throw new ApiError("not_found", `Không có đơn vị với khóa ${keys} (tham số ${param}). / No unit with the key ${keys} (parameter ${param}).`);
    }
    // The whole registry as CSV is streamed a block at a time (lib/api/http csvStreamResponse).
    if (csv) return csvStreamResponse("units.csv", UNIT_CSV_COLUMNS, result.items.length, (i) => unitCsvRow(toApiUnit(result.items[i]!)));
    const data = result.items.map(toApiUnit);
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
