import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { apiError } from "@/lib/api/http";
import { authOptions } from "@/lib/auth/options";
import { AUTH_MAX_BODY_BYTES, readBodyCapped } from "@/lib/auth/request-body";

type TContext = { params: Promise<{ nextauth: string[] }> };

const handler = NextAuth(authOptions) as (req: NextRequest, ctx: TContext) => Promise<Response>;

export const GET = (req: NextRequest, ctx: TContext) => handler(req, ctx);

/**
 * Sign-in, sign-out and the CSRF form post small forms: a body over AUTH_MAX_BODY_BYTES is refused
 * (413) before next-auth reads it, with or without a Content-Length (lib/auth/request-body.ts).
 */
export async function POST(req: NextRequest, ctx: TContext): Promise<Response> {
  const body = await readBodyCapped(req, AUTH_MAX_BODY_BYTES);
  if (!body) {
    const kb = AUTH_MAX_BODY_BYTES / 1024;
    return apiError("too_large", `Yêu cầu quá lớn (tối đa ${kb} KB) / the request body is too large (at most ${kb} KB)`);
  }
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return handler(new NextRequest(req.url, { method: req.method, headers, body: body.byteLength ? body : undefined }), ctx);
}
