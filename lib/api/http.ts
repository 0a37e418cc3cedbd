// HTTP plumbing of the API: one error shape, CSV output, and a wrapper that
// turns any unexpected failure into a JSON error without a stack trace.
import { NextResponse } from "next/server";
import { AppError, httpStatusOf, type TErrorKind } from "../errors";
import { problemBilingual } from "../i18n/problems";

/** The API's error codes are the error model's kinds (lib/errors.ts), with their HTTP statuses. */
export type ApiErrorCode = TErrorKind;

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function apiError(code: ApiErrorCode, message: string, details?: unknown) {
  // "unavailable" (503) says when to try again, as the server's own 503s do (scripts/serve.ts).
  const headers = code === "unavailable" ? { "retry-after": "5" } : undefined;
  return NextResponse.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status: httpStatusOf(code), headers });
}

/** The media type of a Content-Type header, without its parameters, in lower case ("" when none). */
export const mediaType = (contentType: string | null) => (contentType ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * The answer of a POST-only endpoint to any other method: 405 with `Allow: POST`. `body` names what
 * it takes, in both languages (e.g. ["văn bản thuần", "plain text"]).
 */
export function postOnly(body?: readonly [vi: string, en: string]) {
  return async (): Promise<Response> => {
    const res = apiError(
      "method_not_allowed",
      `Địa chỉ này chỉ nhận POST${body ? ` (${body[0]})` : ""}; xem /api/v1/openapi.json / this endpoint accepts POST${body ? ` (${body[1]})` : ""} only; see /api/v1/openapi.json`,
    );
    res.headers.set("Allow", "POST");
    return res;
  };
}

export function withApiErrors<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (e) {
      if (e instanceof ApiError) return apiError(e.code, e.message, e.details);
      // Any expected failure of the data layer, in both languages (the API's readers are either).
      if (e instanceof AppError) {
        const messages = e.problems.map((p) => problemBilingual(p));
        return apiError(e.kind, messages.length ? messages.join(" ") : problemBilingual({ code: e.kind === "forbidden" ? "forbidden" : e.kind === "not_found" ? "not_found" : "unexpected" }));
      }
      console.error("API error:", e);
      return apiError("unavailable", "Hệ thống tạm thời không xử lý được yêu cầu. / The service could not handle the request; try again later.");
    }
  };
}

/** One CSV cell: quoted when needed; text that a spreadsheet would run as a formula is neutralised. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  if (typeof v === "boolean") return v ? "true" : "false";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: Record<string, unknown>[]): string {
  const lines = [columns.join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(","));
  return lines.join("\r\n") + "\r\n";
}

export function csvResponse(filename: string, columns: readonly string[], rows: Record<string, unknown>[]) {
  // A byte-order mark lets spreadsheet programs read Vietnamese text as UTF-8.
  return new Response("\uFEFF" + toCsv(columns, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}

/**
 * A CSV of `count` rows, the row `i` made by `row(i)` only when the reader takes it: written a
 * block at a time (the whole file is never held as text), with the byte-order mark and the header
 * as csvResponse writes them.
 */
export function csvStreamResponse(filename: string, columns: readonly string[], count: number, row: (i: number) => Record<string, unknown>): Response {
  const BLOCK = 1000;
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + columns.join(",") + "\r\n"));
    },
    pull(controller) {
      if (next >= count) {
        controller.close();
        return;
      }
      const lines: string[] = [];
      for (const end = Math.min(count, next + BLOCK); next < end; next++) {
        const r = row(next);
        lines.push(columns.map((c) => csvCell(r[c])).join(","));
      }
      controller.enqueue(encoder.encode(lines.join("\r\n") + "\r\n"));
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}

export function wantsCsv(sp: URLSearchParams): boolean {
  const f = sp.get("format");
  if (f !== null && f !== "csv" && f !== "json") throw new ApiError("bad_request", `Định dạng không hỗ trợ: "${f.slice(0, 20)}" (dùng json hoặc csv). / Unsupported format (use json or csv).`);
  return f === "csv";
}

/** Where a paginated answer's pages are: the request's own address with another `page` (other parameters kept). */
export type TPageLinks = { self: string; first: string; last: string; prev: string | null; next: string | null };

export function pageLinks(url: URL, page: number, pageCount: number): TPageLinks {
  const at = (p: number) => {
    const sp = new URLSearchParams(url.searchParams);
    sp.set("page", String(p));
    return `${url.pathname}?${sp.toString()}`;
  };
  const last = Math.max(1, pageCount);
  return { self: at(page), first: at(1), last: at(last), prev: page > 1 ? at(Math.min(page - 1, last)) : null, next: page < pageCount ? at(page + 1) : null };
}
