import { NextResponse, type NextRequest } from "next/server";
import { ApiError, csvResponse, wantsCsv, withApiErrors } from "@/lib/api/http";
import { toApiProgress } from "@/lib/api/serialize";
import { listTargetProgress } from "@/lib/data/progress";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { parseParam, ZAsOf } from "@/lib/validation/api";
import { ZPlanFilter } from "@/lib/validation/plans";
import { z } from "zod";

export const dynamic = "force-dynamic";

const ZIndicatorCode = z.string().regex(/^[A-Za-z0-9_]{1,40}$/, { error: "mã chỉ tiêu không hợp lệ / invalid indicator code" });

export const GET = withApiErrors(async (req: NextRequest) => {
  const sp = req.nextUrl.searchParams;
  const csv = wantsCsv(sp);
  const unit = parseParam(ZPlanFilter.shape.unit, "unit", sp.get("unit"));
  const year = parseParam(ZPlanFilter.shape.year, "year", sp.get("year"));
  const indicator = parseParam(ZIndicatorCode, "indicator", sp.get("indicator"));
  const asOf = parseParam(ZAsOf, "asOf", sp.get("asOf")) ?? isoDateInTimeZone();
  const rows = await listTargetProgress({ unit, year, indicator, asOf });
  if (rows === null) throw new ApiError("not_found", `Không có đơn vị mã "${unit}". / No unit with this code.`);
  const data = rows.map((r) => ({ ...toApiProgress(r.targetId, r.progress), planId: r.planId, planCode: r.planCode, indicator: r.indicatorCode, unit: r.unitCode }));
  if (csv) {
    return csvResponse("progress.csv", ["targetId", "planId", "planCode", "indicator", "unit", "year", "actual", "achieved", "percent", "status"], data);
  }
  return NextResponse.json({ data, asOf });
});
