// POST /api/v1/results: officers' batches of results with a personal access token
// (README "Write API"; described in lib/api/openapi.ts).
//
//   Authorization: Bearer gnp_…            (401 without a valid token)
//   Content-Type: application/json          an array of rows, or { "rows": [ … ] }
//   Content-Type: text/csv                  a header row with the same column names
//
// All rows go through saveResults, THE write path: all checked first, one bad row
// rejects the batch (nothing written). 200 { data: saved, warnings }; otherwise
// { error: { code, message, details: [{ row, field?, code, message, line? }] } }.
import { NextResponse } from "next/server";
import { ApiError, apiError, withApiErrors } from "@/lib/api/http";
import { readResultUpload, refusedError, savedAnswer } from "@/lib/api/results-upload";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { actorFromBearer } from "@/lib/data/tokens";
import { MAX_BATCH_ROWS, saveResults } from "@/lib/data/results-write";

export const dynamic = "force-dynamic";

function unauthorized(hadHeader: boolean) {
  const res = apiError(
    "unauthorized",
    hadHeader
      ? "Token truy cập không hợp lệ, đã bị thu hồi, hoặc tài khoản đã bị khóa / the access token is invalid or revoked, or the account is disabled"
      : "Cần token truy cập: gửi tiêu đề Authorization: Bearer gnp_… (tạo token ở Bàn làm việc → Token API) / an access token is required: send Authorization: Bearer gnp_… (create one under Workspace → API tokens)",
  );
  res.headers.set("WWW-Authenticate", hadHeader ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"');
  return res;
}

export const POST = withApiErrors(async (req: Request) => {
  const authorization = req.headers.get("authorization");
  const actor = await actorFromBearer(authorization);
  if (!actor) return unauthorized(!!authorization);

  const upload = await readResultUpload(req, MAX_BATCH_ROWS);
  if (upload.rows.length === 0) throw new ApiError("invalid", "Lô dữ liệu không có dòng nào / the batch has no rows");

  const outcome = await saveResults(actor, upload.rows, { ip: clientIpFrom(req.headers) ?? undefined, source: "api" });
  if (!outcome.ok) throw refusedError(outcome, upload);
  return NextResponse.json(savedAnswer(outcome, upload));
});

const methodNotAllowed = async () => {
  const res = apiError("method_not_allowed", "Địa chỉ này chỉ nhận POST; xem /api/v1/openapi.json / this endpoint accepts POST only; see /api/v1/openapi.json");
  res.headers.set("Allow", "POST");
  return res;
};
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
