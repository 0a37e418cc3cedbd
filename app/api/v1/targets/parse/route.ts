// POST /api/v1/targets/parse: a plan's Vietnamese text in, the targets it states out, as proposals
// (docs/api.md, "Reading plan text"; described in lib/api/openapi.ts). Public, needs no account,
// writes nothing and sets no cookie: the reader (lib/domain/plan-text/read.ts) is pure, and the
// catalogue it maps onto is read through the public cache.
//
//   Content-Type: text/plain (any charset parameter; the bytes must be UTF-8), at most 64 KB
//   200 { data: [ proposed targets ], notUnderstood: [ { reason, sentence, statement } ] }
//   400 another content type, or not UTF-8; 413 past 64 KB (the rest is not read); 405 any other method;
//   429 with Retry-After past PER_ADDRESS (a burst of 30, then one every 2 s per client address,
//   an IPv6 address with its /64) or OVERALL (a burst of 300, then 10 a second for the process):
//   reading is CPU work no cache can spare, so a hostile caller must not hold the server with it.
import { NextResponse } from "next/server";
import { apiError, postOnly, withApiErrors } from "@/lib/api/http";
import { RateBudget } from "@/lib/api/rate-budget";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { addressKey } from "@/lib/auth/rate-limit";
import { readPlanTextBody, toParseAnswer } from "@/lib/api/parse-targets";
import { withRequestVersion } from "@/lib/cache/public";
import { getTargetCatalogue } from "@/lib/data/catalogue";
import { readPlanText } from "@/lib/domain/plan-text/read";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

const PER_ADDRESS = new RateBudget(30, 2000);
const OVERALL = new RateBudget(300, 100);

function tooManyRequests(waitMs: number): Response {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  const res = apiError(
    "too_many_requests",
    `Quá nhiều yêu cầu đọc văn bản; hãy thử lại sau ${seconds} giây / too many texts to read; try again in ${seconds} s`,
  );
  res.headers.set("retry-after", String(seconds));
  return res;
}

export const POST = withApiErrors(async (req: Request) => {
  const wait = PER_ADDRESS.take(addressKey(clientIpFrom(req.headers))) || OVERALL.take("all");
  if (wait > 0) {
    await req.body?.cancel().catch(() => {});
    return tooManyRequests(wait);
  }
  const text = await readPlanTextBody(req);
  if (text.trim() === "") return NextResponse.json({ data: [], notUnderstood: [] }, { headers: NO_STORE });
  const catalogue = await withRequestVersion(() => getTargetCatalogue());
  const reading = readPlanText(text, { indicators: catalogue.indicators.map((i) => ({ code: i.code, name: i.name })) });
  return NextResponse.json(toParseAnswer(reading, catalogue), { headers: NO_STORE });
});

const methodNotAllowed = postOnly(["văn bản thuần", "plain text"]);
export const GET = methodNotAllowed;
export const PUT = methodNotAllowed;
export const PATCH = methodNotAllowed;
export const DELETE = methodNotAllowed;
