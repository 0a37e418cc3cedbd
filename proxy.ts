// Next 16 proxy (formerly middleware): runs before every route.
// Requests whose path is not valid percent-encoding ("/api/v1/units/%ZZ") never reach a route:
// Next.js fails decoding the path and, having no /400 page in an App Router app, answers a bare
// 500. Answer them here instead: 400, in JSON under /api/ like every other API error.
import { NextResponse, type NextRequest } from "next/server";

export function proxy(req: NextRequest) {
  const path = req.nextUrl.pathname;
  try {
    decodeURIComponent(path);
    return NextResponse.next();
  } catch {
    if (path.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: "bad_request", message: "Địa chỉ có mã hóa phần trăm không hợp lệ. / The address has invalid percent-encoding." } },
        { status: 400 },
      );
    }
    return new NextResponse("Yêu cầu không hợp lệ. / Bad request.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}

export const config = { matcher: "/((?!_next/static|_next/image|favicon.ico).*)" };
