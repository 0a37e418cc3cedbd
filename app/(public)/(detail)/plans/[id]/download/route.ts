// GET /plans/{id}/download?format=xlsx|csv&lang=vi|en&asOf=YYYY-MM-DD: a published plan's targets
// and results as a workbook for people (docs/api.md, "Downloads for people"). The API's
// /api/v1/plans/{id} stays the machine-readable form.
import { isId } from "@/lib/domain/ids";
import { loadPlanReaderBook } from "@/lib/spreadsheets/reader-load";
import { ReaderDownloadError, readerDownload } from "@/lib/spreadsheets/reader-http";

export const dynamic = "force-dynamic";

export const GET = readerDownload<{ params: Promise<{ id: string }> }>(async (_req, q, ctx) => {
  const { id } = await ctx.params;
  const book = isId(id) ? await loadPlanReaderBook(id, q.context(`/plans/${id}`)) : null;
  if (!book) throw new ReaderDownloadError(404, q.t.errors.planNotFound(id.slice(0, 80)));
  return book;
});
