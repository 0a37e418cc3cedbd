// GET /workspace/plans/{id}/export?format=xlsx|csv: the plan's result grid as the
// actor may fill it (their jurisdiction only, from listResultsForGrid), ready to be
// filled in and imported again at /workspace/plans/{id}/import; in the reader's language
// (the guide sheet, the headers' labels, the statuses), the column keys the same in both.
// Signed-out: a browser is sent to the sign-in page, anything else gets 401 JSON; an account
// that must choose a new password first is sent to its account page (403 for a program). Refusals are
// problems (AppError), answered in both languages by withApiErrors.
import type { NextRequest } from "next/server";
import { csvResponse, withApiErrors } from "@/lib/api/http";
import { actorForRoute } from "@/lib/auth/session";
import { listResultsForGrid } from "@/lib/data/results-write";
import { AppError } from "@/lib/errors";
import { getLocale } from "@/lib/i18n/server";
import { buildGridWorkbook, gridCsvRows, gridFileName } from "@/lib/spreadsheets/export";
import { CSV_COLUMNS } from "@/lib/spreadsheets/format";

export const dynamic = "force-dynamic";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PRIVATE = "private, no-store";

export const GET = withApiErrors(async (req: NextRequest, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await ctx.params;
  const actor = await actorForRoute(req, `${req.nextUrl.pathname}${req.nextUrl.search}`);
  if (actor instanceof Response) return actor;
  if (!actor) throw new AppError("unauthorized", { code: "sheet_signed_out" });
  const format = req.nextUrl.searchParams.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") throw new AppError("bad_request", { code: "sheet_bad_format", params: { format: format.slice(0, 20) } });

  const grid = await listResultsForGrid(actor, id); // throws ForbiddenError (an AppError) outside the actor's rights
  if (!grid) throw new AppError("not_found", { code: "sheet_plan_not_found" });

  const locale = await getLocale();
  if (format === "csv") {
    const res = csvResponse(gridFileName(grid.plan, "csv", locale), CSV_COLUMNS, gridCsvRows(grid, locale));
    res.headers.set("cache-control", PRIVATE);
    return res;
  }
  const body = await buildGridWorkbook(grid, { locale });
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": XLSX_TYPE,
      "content-disposition": `attachment; filename="${gridFileName(grid.plan, "xlsx", locale)}"`,
      "cache-control": PRIVATE,
    },
  });
});
