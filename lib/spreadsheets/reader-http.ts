import "server-only";
// The routes of the downloads for people (/plans/{id}/download, /units/{key}/download,
// /progress/download): ?format=xlsx (default) or csv, ?lang=vi|en (default: the reader's cookie,
// else Vietnamese), ?asOf=YYYY-MM-DD (default today in Vietnam). A parameter that cannot be read
// is a 400, something that does not exist a 404, each a small page saying why in the reader's
// language; never a 500 nor a stack trace. Unlike the API's answers these vary with the cookie.
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { withRequestVersion } from "../cache/public";
import { isoDateInTimeZone } from "../domain/numbers";
import { inLocale, LOCALE_COOKIE, toLocale, type Locale } from "../i18n/locale";
import { messages } from "../i18n/messages";
import { ZAsOf } from "../validation/api";
import type { TReaderContext } from "./reader";
import { buildReaderWorkbook, readerCsv, type TReaderBook } from "./reader-format";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download that cannot be given: 400 (a parameter) or 404 (nothing with this id or key). */
export class ReaderDownloadError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

export type TReaderQuery = {
  format: "xlsx" | "csv";
  locale: Locale;
  sp: URLSearchParams;
  /** What the download says about itself: as of when, from which page. */
  context: (path: string) => TReaderContext;
  /** A query parameter read with a schema (zod messages are "tiếng Việt / English"); absent or empty: undefined. */
  param: <T>(schema: z.ZodType<T>, name: string) => T | undefined;
  t: ReturnType<typeof messages>["downloads"];
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page saying why there is no file, in the reader's language. */
export function readerErrorResponse(status: number, message: string, locale: Locale): Response {
  const t = messages(locale).downloads.errors;
  const html =
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(t.title)}</title></head><body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">` +
    `<h1 style="font-size: 1.4rem">${escapeHtml(t.title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">${escapeHtml(t.back)}</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}

/** The reader's language: ?lang=, else the cookie the language switch sets, else Vietnamese. */
function readLocale(req: NextRequest): { locale: Locale; bad: string | null } {
  const fromCookie = toLocale(req.cookies.get(LOCALE_COOKIE)?.value);
  const lang = req.nextUrl.searchParams.get("lang");
  if (lang === null || lang === "") return { locale: fromCookie, bad: null };
  if (lang === "vi" || lang === "en") return { locale: lang, bad: null };
  return { locale: fromCookie, bad: lang };
}

/** The file: XLSX (every sheet) or the reader CSV (the book's main table). */
async function fileResponse(book: TReaderBook, q: Pick<TReaderQuery, "format" | "locale">): Promise<Response> {
  const headers = (type: string, ext: string) => ({
    "content-type": type,
    "content-disposition": `attachment; filename="${book.fileBase}.${ext}"`,
    // The file follows the reader's language cookie, so shared caches must not mix languages.
    "cache-control": "private, no-cache",
    vary: "Cookie",
  });
  if (q.format === "csv") return new Response(readerCsv(book.csv, q.locale), { headers: headers("text/csv; charset=utf-8", "csv") });
  const bytes = await buildReaderWorkbook(book, { locale: q.locale, creator: messages(q.locale).common.siteName });
  return new Response(bytes, { headers: headers(XLSX_TYPE, "xlsx") });
}

/** Wraps a download route: reads the common parameters, turns refusals into 400/404 pages. */
export function readerDownload<C>(load: (req: NextRequest, q: TReaderQuery, ctx: C) => Promise<TReaderBook>) {
  return (req: NextRequest, ctx: C): Promise<Response> =>
    withRequestVersion(async () => {
      const { locale, bad } = readLocale(req);
      const t = messages(locale).downloads;
      try {
        const sp = req.nextUrl.searchParams;
        if (bad !== null) throw new ReaderDownloadError(400, t.errors.lang(bad.slice(0, 20)));
        const format = sp.get("format") || "xlsx";
        if (format !== "xlsx" && format !== "csv") throw new ReaderDownloadError(400, t.errors.format(format.slice(0, 20)));
        const param = <T>(schema: z.ZodType<T>, name: string): T | undefined => {
          const raw = sp.get(name);
          if (raw === null || raw === "") return undefined;
          const r = schema.safeParse(raw);
          if (!r.success) throw new ReaderDownloadError(400, t.errors.param(name, inLocale(r.error.issues[0]?.message ?? "", locale)));
          return r.data;
        };
        const today = isoDateInTimeZone();
        const asOf = param(ZAsOf, "asOf") ?? today;
        const context = (path: string): TReaderContext => ({ locale, asOf, today, url: `${req.nextUrl.origin}${path}` });
        const book = await load(req, { format, locale, sp, context, param, t }, ctx);
        return await fileResponse(book, { format, locale });
      } catch (e) {
        if (e instanceof ReaderDownloadError) return readerErrorResponse(e.status, e.message, locale);
        console.error("Download error:", e);
        return readerErrorResponse(503, t.errors.unexpected, locale);
      }
    });
}
