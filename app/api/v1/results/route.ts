// POST /api/v1/results: officers' batches of results with a personal access token
// (README "Write API"; described in lib/api/openapi.ts).
//
//   Authorization: Bearer gnp_…            (401 without a valid token, or an expired one, saying when)
//   Content-Type: application/json          an array of rows, or { "rows": [ … ] }
//   Content-Type: text/csv                  a header row with the same column names
//
// A token of scope WRITE saves drafts only: a batch with a row asking to publish is refused
// whole (403, naming the scope, one detail per such row) before anything is checked or written.
//
// All rows go through saveResults, THE write path: all checked first, one bad row
// rejects the batch (nothing written). 200 { data: saved, warnings }; otherwise
// { error: { code, message, details: [{ row, field?, code, message, line? }] } }.
import { NextResponse } from "next/server";
import { ApiError, apiError, postOnly, withApiErrors } from "@/lib/api/http";
import { readResultUpload, refusedError, savedAnswer } from "@/lib/api/results-upload";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { tokenFromBearer, tokenScopeProblems, type TBearer } from "@/lib/data/tokens";
import { MAX_BATCH_ROWS, saveResults } from "@/lib/data/results-write";
import { isAppError } from "@/lib/errors";
import { problemBilingual } from "@/lib/i18n/problems";

export const dynamic = "force-dynamic";

/** 401: no token, or one that is invalid, revoked, of a disabled account, or expired (`why`: the message saying so). */
function unauthorized(hadHeader: boolean, why?: string) {
  const res = apiError(
    "unauthorized",
    why ??
      (hadHeader
        ? "Token truy cập không hợp lệ, đã bị thu hồi, hoặc tài khoản đã bị khóa / the access token is invalid or revoked, or the account is disabled"
        : "Cần token truy cập: gửi tiêu đề Authorization: Bearer gnp_… (tạo token ở Bàn làm việc → Token API) / an access token is required: send Authorization: Bearer gnp_… (create one under Workspace → API tokens)"),
  );
  res.headers.set("WWW-Authenticate", hadHeader ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"');
  return res;
}

/** The request's token, or the 401 answer (an expired token's answer says when it expired). */
async function bearerOf(authorization: string | null): Promise<TBearer | Response> {
  try {
    return (await tokenFromBearer(authorization)) ?? unauthorized(!!authorization);
  } catch (e) {
    if (isAppError(e) && e.kind === "unauthorized") return unauthorized(true, e.problems.map((p) => problemBilingual(p)).join(" "));
    throw e;
  }
}

export const POST = withApiErrors(async (req: Request) => {
  const authorization = req.headers.get("authorization");
  const bearer = await bearerOf(authorization);
  if (bearer instanceof Response) return bearer;
  const { actor } = bearer;

  const upload = await readResultUpload(req, MAX_BATCH_ROWS);
  if (upload.rows.length === 0) throw new ApiError("invalid", "Lô dữ liệu không có dòng nào / the batch has no rows");

  // The token's scope first: a WRITE token asking to publish is refused whole, whatever else the rows say.
  const outOfScope = tokenScopeProblems(bearer, upload.rows);
  if (outOfScope.length > 0) {
    const details = outOfScope.map((p) => ({ row: p.row!, ...(upload.lines ? { line: upload.lines[p.row!] ?? null } : {}), field: p.field, code: p.code, message: problemBilingual(p) }));
    throw new ApiError("forbidden", problemBilingual({ code: "batch_token_scope", params: { rows: outOfScope.length, scope: bearer.scope.toLowerCase() } }), details);
  }

  const outcome = await saveResults(actor, upload.rows, { ip: clientIpFrom(req.headers) ?? undefined, source: "api" });
  if (!outcome.ok) throw refusedError(outcome, upload);
  return NextResponse.json(savedAnswer(outcome, upload));
});

const methodNotAllowed = postOnly();
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
