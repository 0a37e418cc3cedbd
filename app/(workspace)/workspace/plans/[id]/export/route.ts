// GET /workspace/plans/{id}/export?format=xlsx|csv: the plan's result grid as the
// actor may fill it (their jurisdiction only, from listResultsForGrid), ready to be
// filled in and imported again at /workspace/plans/{id}/import.
// Signed-out: a browser is sent to the sign-in page, anything else gets 401 JSON.
import { NextResponse, type NextRequest } from "next/server";
import { apiError, csvResponse, withApiErrors } from "@/lib/api/http";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { listResultsForGrid } from "@/lib/data/results-write";
import { buildGridWorkbook, CSV_COLUMNS, gridCsvRows, gridFileName } from "@/lib/spreadsheets/grid-file";

export const dynamic = "force-dynamic";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PRIVATE = "private, no-store";

export const GET = withApiErrors(async (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const actor = await getActor();
  if (!actor) {
    if ((req.headers.get("accept") ?? "").includes("text/html")) {
      const back = `${req.nextUrl.pathname}${req.nextUrl.search}`;
      return NextResponse.redirect(new URL(`/sign-in?callbackUrl=${encodeURIComponent(back)}`, req.url), 303);
    }
    return apiError("unauthorized", "Cần đăng nhập để tải bảng kết quả. / Sign in to download the result sheet.");
  }
  const format = req.nextUrl.searchParams.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") {
    return apiError("bad_request", `Định dạng không hỗ trợ: "${format.slice(0, 20)}" (dùng xlsx hoặc csv). / Unsupported format (use xlsx or csv).`);
  }

  let grid;
  try {
    grid = await listResultsForGrid(actor, id);
  } catch (e) {
    if (e instanceof ForbiddenError) return apiError("forbidden", e.message);
    throw e;
  }
  if (!grid) return apiError("not_found", "Không tìm thấy kế hoạch. / Plan not found.");

  if (format === "csv") {
    const res = csvResponse(gridFileName(grid.plan, "csv"), CSV_COLUMNS, gridCsvRows(grid));
    res.headers.set("cache-control", PRIVATE);
    return res;
  }
  const body = await buildGridWorkbook(grid);
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${gridFileName(grid.plan, "xlsx")}"`,
      "cache-control": PRIVATE,
    },
  });
});
