import { describe, expect, it } from "vitest";
import { cacheKeyOf, etagOf, generationOf, keepableHeaders, notModified, ResponseCache, versionReader, type TEntry } from "./responses";

const req = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers: { host: "portal.test", ...headers } });

describe("which requests the public response cache answers", () => {
  it.each([
    ["/", true],
    ["/plans", true],
    ["/plans?q=soc+trang&page=2", true],
    ["/plans/plan-199-kh-ubnd-2022", true],
    ["/plans/plan-199-kh-ubnd-2022/download", true],
    ["/units/94", true],
    ["/compare?indicator=jobs&year=2024", true],
    ["/progress/download", true],
    ["/open-data", true],
    ["/api/v1/progress?unit=94", true],
    ["/api/v1/openapi.json", true],
    ["/api/v1/results", false],
    ["/api/auth/session", false],
    ["/workspace", false],
    ["/workspace/plans/x/export", false],
    ["/sign-in", false],
    ["/plansx", false],
    ["/_next/static/chunks/a.js", false],
  ])("%s → %s", (url, cached) => {
    expect(cacheKeyOf(req(url)) !== null).toBe(cached);
  });

  it("never a signed-in reader's request, nor anything but GET", () => {
    expect(cacheKeyOf(req("/plans", { cookie: "lang=en; next-auth.session-token=abc" }))).toBeNull();
    expect(cacheKeyOf(req("/plans", { cookie: "__Secure-next-auth.session-token.0=abc" }))).toBeNull();
    expect(cacheKeyOf(req("/plans", {}, "POST"))).toBeNull();
    expect(cacheKeyOf(req("/plans", {}, "HEAD"))).toBeNull();
    expect(cacheKeyOf(req(`/plans?q=${"x".repeat(2100)}`))).toBeNull();
    // A CSRF or callback cookie of the sign-in page is not a session.
    expect(cacheKeyOf(req("/plans", { cookie: "next-auth.csrf-token=x; next-auth.callback-url=y" }))).not.toBeNull();
  });

  it("keys by address, language, host, encoding and the headers Next.js varies on", () => {
    const base = cacheKeyOf(req("/plans"));
    expect(cacheKeyOf(req("/plans"))).toBe(base);
    expect(cacheKeyOf(req("/plans", { cookie: "lang=en" }))).not.toBe(base);
    expect(cacheKeyOf(req("/plans", { cookie: "lang=vi" }))).not.toBe(cacheKeyOf(req("/plans", { cookie: "lang=en" })));
    expect(cacheKeyOf(req("/plans", { host: "other.test" }))).not.toBe(base);
    expect(cacheKeyOf(req("/plans", { "accept-encoding": "gzip, deflate, br" }))).not.toBe(base);
    expect(cacheKeyOf(req("/plans", { "accept-encoding": "gzip" }))).toBe(cacheKeyOf(req("/plans", { "accept-encoding": "br, gzip" })));
    expect(cacheKeyOf(req("/plans", { rsc: "1" }))).not.toBe(base);
    expect(cacheKeyOf(req("/plans", { rsc: "1", "next-router-state-tree": "a" }))).not.toBe(cacheKeyOf(req("/plans", { rsc: "1", "next-router-state-tree": "b" })));
    expect(cacheKeyOf(req("/plans?page=2"))).not.toBe(base);
  });
});

describe("which answers are kept", () => {
  it("a 200 without cookies, minus the headers of one exchange", () => {
    expect(keepableHeaders(200, { "content-type": "text/html", "content-length": 12, date: "x", etag: "y", vary: "rsc" })).toEqual({ "content-type": "text/html", vary: "rsc" });
    expect(keepableHeaders(200, { "set-cookie": ["a=b"] })).toBeNull();
    // A page Next.js marks no-store may be kept by the browser and revalidated with its ETag; an API answer keeps its own.
    expect(keepableHeaders(200, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" })).toEqual({ "cache-control": "private, no-cache" });
    expect(keepableHeaders(200, { "cache-control": "public, max-age=0, must-revalidate" })).toEqual({ "cache-control": "public, max-age=0, must-revalidate" });
    expect(keepableHeaders(404, {})).toBeNull();
    expect(keepableHeaders(304, {})).toBeNull();
    expect(keepableHeaders(500, {})).toBeNull();
  });

  it("keeps the security headers with the body, the policy naming the body's nonce above all", () => {
    const security = {
      "content-security-policy": "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
      "strict-transport-security": "max-age=31536000",
    };
    expect(keepableHeaders(200, { "content-type": "text/html", date: "x", ...security })).toEqual({ "content-type": "text/html", ...security });
  });

  it("answers If-None-Match with the entry's validator, weak or not", () => {
    const etag = etagOf("7", "2026-11-30", Buffer.from("x"));
    expect(etag).toMatch(/^W\/"7-2026-11-30-[\w-]{16}"$/);
    expect(etagOf("7", "2026-11-30", Buffer.from("y"))).not.toBe(etag);
    expect(notModified(req("/", { "if-none-match": etag }), etag)).toBe(true);
    expect(notModified(req("/", { "if-none-match": `"a", ${etag.slice(2)}` }), etag)).toBe(true);
    expect(notModified(req("/", { "if-none-match": "*" }), etag)).toBe(true);
    expect(notModified(req("/", { "if-none-match": 'W/"6-2026-11-30-x"' }), etag)).toBe(false);
    expect(notModified(req("/"), etag)).toBe(false);
  });
});

const entry = (body: string): TEntry => ({ status: 200, headers: {}, body: Buffer.from(body), etag: "e" });

describe("the cache", () => {
  it("keeps one data version and day: a write (a newer version) or a new day drops every entry", () => {
    const c = new ResponseCache(1 << 20);
    const v1 = generationOf("9", "2026-11-30");
    c.set(v1, "a", entry("one"));
    expect(c.get(v1, "a")?.body.toString()).toBe("one");
    const v2 = generationOf("10", "2026-11-30");
    expect(v2 > v1).toBe(true);
    expect(c.get(v2, "a")).toBeUndefined();
    // A reader still holding the older version neither reads nor writes the newer generation.
    c.set(v2, "a", entry("two"));
    c.set(v1, "a", entry("stale"));
    expect(c.get(v2, "a")?.body.toString()).toBe("two");
    expect(c.get(v1, "a")).toBeUndefined();
    expect(c.get(v2, "a")?.body.toString()).toBe("two");
    const nextDay = generationOf("10", "2026-12-01");
    expect(c.get(nextDay, "a")).toBeUndefined();
  });

  it("drops the least recently used entries past its size, and never keeps one answer bigger than a quarter of it", () => {
    const c = new ResponseCache(3000);
    const g = generationOf("1", "2026-11-30");
    // Each entry counts its body, its key and 512 bytes of headers: 613 bytes here; four fit.
    for (const k of ["a", "b", "c", "d"]) c.set(g, k, entry("x".repeat(100)));
    expect(c.stats()).toMatchObject({ entries: 4, bytes: 4 * 613 });
    c.get(g, "a"); // a is now the most recently used
    c.set(g, "e", entry("x".repeat(100)));
    expect(c.get(g, "b")).toBeUndefined();
    expect(c.get(g, "a")).toBeDefined();
    expect(c.stats().bytes).toBeLessThanOrEqual(3000);
    c.set(g, "big", entry("x".repeat(1200)));
    expect(c.get(g, "big")).toBeUndefined();
  });

  it("shares one render of a cold address among its readers", async () => {
    const c = new ResponseCache(1 << 20);
    const g = generationOf("1", "2026-11-30");
    let done!: (e: TEntry | null) => void;
    const p = new Promise<TEntry | null>((r) => (done = r));
    c.track(g, "k", p);
    expect(c.inFlight(g, "k")).toBe(p);
    expect(c.inFlight(generationOf("2", "2026-11-30"), "k")).toBeUndefined();
    done(entry("x"));
    await p;
    await Promise.resolve();
    expect(c.inFlight(g, "k")).toBeUndefined();
  });
});

describe("reading the data version", () => {
  it("requests arriving together share one read; a read already started is never reused for a later request", async () => {
    let reads = 0;
    let version = 1;
    const started: (() => void)[] = [];
    const read = versionReader(
      () =>
        new Promise<string>((resolve) => {
          reads++;
          const v = String(version);
          started.push(() => resolve(v));
        }),
    );
    const a = read();
    const b = read();
    expect(a).toBe(b);
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(1);
    // A write commits while the first read is in flight; a request arriving now must see it.
    version = 2;
    const c = read();
    expect(c).not.toBe(a);
    await new Promise((r) => setImmediate(r));
    expect(reads).toBe(2);
    started.forEach((f) => f());
    expect(await a).toBe("1");
    expect(await c).toBe("2");
  });
});
