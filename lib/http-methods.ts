// Which HTTP methods the portal's server passes on (scripts/serve.ts, docs/architecture.md). Pages
// are read (GET, HEAD) and take forms and server actions (POST); the API's routes answer the
// methods they export and 405 to the others (OPTIONS is Next.js's own answer). Anything else
// (TRACE, WebDAV's PROPFIND, …) never reaches Next.js, which would render a page for it or fail.

const PAGE_METHODS = ["GET", "HEAD", "POST"] as const;
const API_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** null when `method` may go on to Next.js; otherwise the `Allow` header of the 405 to answer. */
export function refusedMethod(method: string | undefined, url: string | undefined): string | null {
  const allowed: readonly string[] = isApi(url) ? API_METHODS : PAGE_METHODS;
  return method && allowed.includes(method) ? null : allowed.join(", ");
}

export const isApi = (url: string | undefined) => (url ?? "").startsWith("/api/");
