import "server-only";
// Conditional GETs for the open-data API: every public answer depends only on the published
// data (whose version a commit trigger bumps, lib/cache/public.ts) and on the day (progress is
// "as of today"), so that pair is the ETag. A client or proxy that sends it back gets
// 304 Not Modified without the portal reading or serialising anything. The version is read
// once per request: the handler's cached reads use the same one.
import { publicDataVersion, withRequestVersion } from "../cache/public";
import { isoDateInTimeZone } from "../domain/numbers";

const CACHE_CONTROL = "public, max-age=0, must-revalidate";

export function withConditionalGet<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>) {
  return (...args: A): Promise<Response> => withRequestVersion(() => answer(...args));
  async function answer(...args: A): Promise<Response> {
    const etag = `W/"${await publicDataVersion()}-${isoDateInTimeZone()}"`;
    const sent = args[0].headers.get("if-none-match");
    if (sent && sent.split(",").some((t) => t.trim() === etag || t.trim() === "*")) {
      return new Response(null, { status: 304, headers: { etag, "cache-control": CACHE_CONTROL } });
    }
    const res = await handler(...args);
    if (res.status === 200) {
      res.headers.set("etag", etag);
      res.headers.set("cache-control", CACHE_CONTROL);
    }
    return res;
  }
}
