import { NextResponse, type NextRequest } from "next/server";
import { ApiError, csvStreamResponse, wantsCsv, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { toApiPlanDetail } from "@/lib/api/serialize";
import { getPublishedPlan } from "@/lib/data/plans";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { parseParam, ZAsOf } from "@/lib/validation/api";

export const dynamic = "force-dynamic";

const CSV_COLUMNS = [
  "planId", "planCode", "targetId", "parentId", "indicatorCode", "indicatorName", "measureUnit", "kind", "lower", "upper", "strict",
  "baseline", "unitCode", "unitName", "periodStart", "periodEnd", "statement", "actual", "achieved", "percent", "status",
];

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => {
    const { id } = await ctx.params;
    const sp = req.nextUrl.searchParams;
    const csv = wantsCsv(sp);
    const asOf = parseParam(ZAsOf, "asOf", sp.get("asOf")) ?? isoDateInTimeZone();
    const plan = await getPublishedPlan(id);
    if (!plan) throw new ApiError("not_found", `Không có văn bản đã công bố với id "${id.slice(0, 80)}". / No published plan with this id.`);
    const body = toApiPlanDetail(plan, asOf);
    if (csv) {
      // Streamed a block at a time: a province's plan may hold thousands of targets.
      return csvStreamResponse(`plan-${plan.id}.csv`, CSV_COLUMNS, body.targets.length, (i) => {
        const t = body.targets[i]!;
        return {
          planId: body.id,
          planCode: body.code,
          targetId: t.id,
          parentId: t.parentId,
          indicatorCode: t.indicator?.code,
          indicatorName: t.indicator?.name,
          measureUnit: t.indicator?.unit,
          kind: t.kind,
          lower: t.lower,
          upper: t.upper,
          strict: t.strict,
          baseline: t.baseline,
          unitCode: t.unit.code,
          unitName: t.unit.name,
          periodStart: t.periodStart,
          periodEnd: t.periodEnd,
          statement: t.statement,
          actual: t.progress.actual,
          achieved: t.progress.achieved,
          percent: t.progress.percent,
          status: t.progress.status,
        };
      });
    }
    return NextResponse.json(body);
  }),
);
