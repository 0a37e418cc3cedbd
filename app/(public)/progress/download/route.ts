// GET /progress/download?unit=&year=&indicator=&asOf=&format=xlsx|csv&lang=vi|en: the progress
// table the public pages show (published targets by status) and each target's progress, as a
// workbook for people (docs/api.md, "Downloads for people"). The filters are those of
// GET /api/v1/progress, which stays the machine-readable form.
import { z } from "zod";
import { loadProgressReaderBook } from "@/lib/spreadsheets/reader-load";
import { ReaderDownloadError, readerDownload } from "@/lib/spreadsheets/reader-http";
import { ZPlanFilter } from "@/lib/validation/plans";

export const dynamic = "force-dynamic";

const ZIndicatorCode = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "mã chỉ số không hợp lệ / invalid indicator code" });

export const GET = readerDownload(async (req, q) => {
  const unit = q.param(ZPlanFilter.shape.unit, "unit");
  const year = q.param(ZPlanFilter.shape.year, "year");
  const indicator = q.param(ZIndicatorCode, "indicator");
  const book = await loadProgressReaderBook({ unit, year, indicator }, q.context(`/progress/download${req.nextUrl.search}`));
  if (!book) throw new ReaderDownloadError(404, q.t.errors.unitNotFound(String(unit ?? "").slice(0, 20)));
  return book;
});
