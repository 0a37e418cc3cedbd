// Next 16 proxy (formerly middleware): runs before every route but the static files (see
// `config` below; next.config.ts gives those the same headers).
//
// 1. Requests whose path is not valid percent-encoding ("/api/v1/units/%ZZ") never reach a route:
//    Next.js fails decoding the path and, having no /400 page in an App Router app, answers a bare
//    500. Answer them here instead: 400, in JSON under /api/ like every other API error.
// 2. Next.js serves its own root error page at the address "/_global-error", answering 500 to
//    anyone who asks for it. It is not a page of ours: it is answered as not found (404).
// 3. Every answer gets the security headers (lib/security-headers.ts): a Content-Security-Policy
//    with a fresh nonce for this request, passed to Next.js in the request's own policy header
//    (Next.js puts it on every script it renders; every page is rendered per request, as the root
//    layout reads the session), nosniff, a Referrer-Policy, and HSTS when the client came over
//    HTTPS (scripts/serve.ts says so in CLIENT_SCHEME_HEADER, which it always sets itself).
//
// The public response cache (lib/cache/responses.ts) serves a kept page again, with the policy
// header it was rendered with, so the nonce in a kept page is seen by many readers. That is safe:
// a script an attacker gets into a page (through the data, or the address) is rendered after
// they put it there, by the render that draws that page's nonce; they can learn the nonce only
// from a page already rendered, whose bytes no longer change. A write to the public data starts
// a new cache generation (new renders, new nonces).
import { NextResponse, type NextRequest } from "next/server";
import { settings } from "./lib/env";
import { isApi } from "./lib/http-methods";
import { CLIENT_SCHEME_HEADER, contentSecurityPolicy, newNonce, securityHeaders } from "./lib/security-headers";

export function proxy(req: NextRequest) {
  const https = req.headers.get(CLIENT_SCHEME_HEADER) === "https";
  const policy = contentSecurityPolicy(newNonce(), { https, dev: settings().NODE_ENV === "development" });
  const path = req.nextUrl.pathname;
  const res = !decodable(path) ? badRequest(path) : NOT_OURS.has(path) ? notFound(req, policy) : pass(req, policy);
  res.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(securityHeaders({ https }))) res.headers.set(name, value);
  return res;
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** The request as Next.js renders it: with this request's policy (and so its nonce). */
function withPolicy(req: NextRequest, policy: string) {
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", policy);
  return { request: { headers } };
}

/** On to the route. */
function pass(req: NextRequest, policy: string): NextResponse {
  return NextResponse.next(withPolicy(req, policy));
}

/** Addresses Next.js answers itself that are no page of the portal. */
const NOT_OURS = new Set(["/_global-error"]);

/** The portal's own not-found page (app/not-found.tsx), 404. */
function notFound(req: NextRequest, policy: string): NextResponse {
  return NextResponse.rewrite(new URL("/_not-found", req.url), withPolicy(req, policy));
}

function badRequest(path: string): NextResponse {
  if (isApi(path)) {
    return NextResponse.json(
      { error: { code: "bad_request", message: "Địa chỉ có mã hóa phần trăm không hợp lệ. / The address has invalid percent-encoding." } },
      { status: 400 },
    );
  }
  return new NextResponse("Yêu cầu không hợp lệ. / Bad request.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
