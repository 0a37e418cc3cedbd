// POST /api/v1/targets/parse: a plan's Vietnamese text in, the targets it states out, as proposals
// (docs/api.md, "Reading plan text"; described in lib/api/openapi.ts). Public, needs no account,
// writes nothing and sets no cookie: the reader (lib/domain/plan-text/read.ts) is pure, and the
// catalogue it maps onto is read through the public cache.
//
//   Content-Type: text/plain (any charset parameter; the bytes must be UTF-8), at most 64 KB
//   200 { data: [ proposed targets ], notUnderstood: [ { reason, sentence, statement } ] }
//   400 another content type, or not UTF-8; 413 past 64 KB (the rest is not read); 405 any other method.
import { NextResponse } from "next/server";
import { postOnly, withApiErrors } from "@/lib/api/http";
import { readPlanTextBody, toParseAnswer } from "@/lib/api/parse-targets";
import { withRequestVersion } from "@/lib/cache/public";
import { getTargetCatalogue } from "@/lib/data/catalogue";
import { readPlanText } from "@/lib/domain/plan-text/read";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "no-store" };

export const POST = withApiErrors(async (req: Request) => {
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
