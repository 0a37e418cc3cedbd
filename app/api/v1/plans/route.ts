import { NextResponse, type NextRequest } from "next/server";
import { ApiError, csvResponse, pageLinks, wantsCsv, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { toApiPlan } from "@/lib/api/serialize";
import { listPublishedPlans } from "@/lib/data/plans";
import { parseParam, ZPageSize } from "@/lib/validation/api";
import { planFilterInput, ZPlanFilter } from "@/lib/validation/plans";

export const dynamic = "force-dynamic";

const CSV_COLUMNS = ["id", "code", "type", "title", "issuedOn", "issuer", "unitCode", "unitName", "unitLevel", "periodStart", "periodEnd", "sourceUrl"];

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest) => {
    const sp = req.nextUrl.searchParams;
    const csv = wantsCsv(sp);
    const parsed = ZPlanFilter.safeParse(planFilterInput(sp));
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new ApiError("bad_request", `${String(i?.path[0] ?? "query")}: ${i?.message ?? "invalid"}`);
    }
    const pageSize = parseParam(ZPageSize, "pageSize", sp.get("pageSize")) ?? 100;
    const result = await listPublishedPlans(parsed.data, csv ? { all: true } : { pageSize });
    const data = result.items.map(toApiPlan);
    if (csv) {
      return csvResponse(
        "plans.csv",
        CSV_COLUMNS,
        data.map((p) => ({ ...p, unitCode: p.unit.code, unitName: p.unit.name, unitLevel: p.unit.level })),
      );
    }
    return NextResponse.json({
      data,
      meta: { total: result.total, page: result.page, pageSize: result.pageSize, pageCount: result.pageCount },
      links: pageLinks(req.nextUrl, result.page, result.pageCount),
    });
  }),
);
