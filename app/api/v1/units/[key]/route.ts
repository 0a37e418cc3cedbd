import { NextResponse, type NextRequest } from "next/server";
import { ApiError, withApiErrors } from "@/lib/api/http";
import { withConditionalGet } from "@/lib/api/conditional";
import { getUnitByKey } from "@/lib/data/units-search";
import { ZUnitKey } from "@/lib/validation/units";
import { toApiUnitDetail } from "../shape";

export const dynamic = "force-dynamic";

export const GET = withApiErrors(
  withConditionalGet(async (req: NextRequest, ctx: { params: Promise<{ key: string }> }) => {
    const { key } = await ctx.params;
    const format = req.nextUrl.searchParams.get("format");
    if (format !== null && format !== "json") {
      throw new ApiError("bad_request", `Định dạng không hỗ trợ: "${format.slice(0, 20)}" (một đơn vị chỉ có dạng json). / Unsupported format (a unit is given as json only).`);
    }
    const parsed = ZUnitKey.safeParse(key);
    if (!parsed.success) throw new ApiError("bad_request", `key: ${parsed.error.issues[0]?.message ?? "không hợp lệ / invalid"}`);
    const unit = await getUnitByKey(parsed.data);
    if (!unit) {
      throw new ApiError("not_found", `Không có đơn vị với khóa "${parsed.data}"; tìm đơn vị tại /api/v1/units?q=… / No unit with this key; search units at /api/v1/units?q=…`);
    }
    return NextResponse.json(toApiUnitDetail(unit));
  }),
);
