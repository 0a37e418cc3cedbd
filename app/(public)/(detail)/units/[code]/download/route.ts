// GET /units/{key}/download?format=xlsx|csv&lang=vi|en&asOf=YYYY-MM-DD: a unit's plans' targets,
// its targets by status per document, and its published results, as a workbook for people
// (docs/api.md, "Downloads for people"). The key is the unit's ("94", "92-2025"), as in its page's address.
import { loadUnitReaderBook } from "@/lib/spreadsheets/reader-load";
import { ReaderDownloadError, readerDownload } from "@/lib/spreadsheets/reader-http";

export const dynamic = "force-dynamic";

export const GET = readerDownload<{ params: Promise<{ code: string }> }>(async (_req, q, ctx) => {
  const { code } = await ctx.params;
  const book = await loadUnitReaderBook(code, q.context(`/units/${encodeURIComponent(code)}`));
  if (!book) throw new ReaderDownloadError(404, q.t.errors.unitNotFound(code.slice(0, 20)));
  return book;
});
