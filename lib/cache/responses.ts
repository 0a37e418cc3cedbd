// The public response cache (docs/architecture.md, "Speed: the public response cache"): the
// bytes of every public page and read-API answer, kept per process and served again until the
// public data changes. Plain Node (no Next.js, no "server-only"): the portal's HTTP server
// (scripts/serve.ts) asks it before handing a request to Next.js.
//
// Correct with several processes on one database: an entry is keyed by the public data version
// (public_data_version, bumped by a commit trigger on every write, whoever writes: the screen, a
// spreadsheet, the API, the command line, SQL) and by Vietnam's date (statuses depend on it). A
// request reads the version after it arrived (requests arriving together share one read), so the
// first read after a committed write never gets an older answer.
//
// What is cached: GET requests without a session cookie for the public paths, answered 200 with
// no Set-Cookie; keyed by the path and query, the reader's language cookie, the host (the open-data
// page prints it), the encoding the answer is sent in, and the headers Next.js varies its answers
// on (React Server Component requests). Everything else goes to Next.js untouched.
import { createHash } from "node:crypto";

/** Paths whose GET answers are the same for every anonymous reader (given the key below). */
const PUBLIC_PATH = /^\/(?:$|plans(?:\/|$|\?)|units(?:\/|$|\?)|compare(?:\/|$|\?)|progress(?:\/|$|\?)|open-data(?:\/|$|\?)|api\/v1\/(?!results))/;

/** Cookies that make an answer personal (a session): such requests are never served from the cache. */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?next-auth\.session-token(?:\.\d+)?=/;

/** The language cookie (lib/i18n/locale.ts LOCALE_COOKIE). */
const LANG_COOKIE = /(?:^|;\s*)lang=([a-z]{2})/;

/** Request headers Next.js varies an answer on (its Vary header), besides the encoding. */
const VARY_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;

/**
 * Response headers not kept with an entry (they belong to one exchange). Everything else is kept
 * and sent again with the body, the Content-Security-Policy above all: a kept page's scripts carry
 * the nonce of the render that made it, and only the policy of that render names it (why serving
 * one nonce to many readers is safe: proxy.ts).
 */
const HOP_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "set-cookie", "etag", "content-length"]);

export type TRequestLike = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

const header = (req: TRequestLike, name: string): string => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
};

/** The encoding an answer is asked in, as the cache keys it: gzip when the client takes it, else none. */
export function encodingOf(req: TRequestLike): "gzip" | "identity" {
  return /\bgzip\b/i.test(header(req, "accept-encoding")) ? "gzip" : "identity";
}

/**
 * The cache key of a request (without the data version and the day), or null when the request
 * must go to Next.js: not a GET, not a public path, a session cookie, or an address too long to key.
 */
export function cacheKeyOf(req: TRequestLike): string | null {
  if (req.method !== "GET" || !req.url || req.url.length > 2000) return null;
  if (!PUBLIC_PATH.test(req.url)) return null;
  const cookie = header(req, "cookie");
  if (SESSION_COOKIE.test(cookie)) return null;
  const lang = LANG_COOKIE.exec(cookie)?.[1] ?? "";
  const vary = VARY_HEADERS.map((h) => header(req, h));
  // Hash the long, rarely-equal parts (a router state tree) so keys stay short.
  const tail = vary.some(Boolean) ? createHash("sha1").update(vary.join("\n")).digest("base64url") : "";
  return [req.url, lang, header(req, "host"), header(req, "x-forwarded-proto"), encodingOf(req), tail].join("\u0001");
}

export type TEntry = {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
  etag: string;
};

/** The headers of an answer worth keeping: none that belong to one exchange; null if it must not be kept. */
export function keepableHeaders(status: number, headers: Record<string, number | string | string[] | undefined>): Record<string, string | string[]> | null {
  if (status !== 200) return null;
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) {
    const name = k.toLowerCase();
    if (v === undefined) continue;
    if (name === "set-cookie") return null; // a personal answer (a session, a CSRF token)
    if (HOP_HEADERS.has(name)) continue;
    out[name] = typeof v === "number" ? String(v) : v;
  }
  // Next.js marks its dynamic pages "no-store". A kept answer is the same for every anonymous
  // reader and has an ETag: the browser may keep it and ask again (304), never a shared cache.
  if (typeof out["cache-control"] === "string" && out["cache-control"].includes("no-store")) out["cache-control"] = "private, no-cache";
  return out;
}

/** A weak validator of an entry: its version, day and body (so two processes agree). */
export function etagOf(version: string, day: string, body: Buffer): string {
  return `W/"${version}-${day}-${createHash("sha1").update(body).digest("base64url").slice(0, 16)}"`;
}

/** Does the request's If-None-Match name this validator? */
export function notModified(req: TRequestLike, etag: string): boolean {
  const inm = header(req, "if-none-match");
  if (!inm) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return inm === "*" || inm.split(",").some((t) => bare(t) === bare(etag));
}

/**
 * The entries of one data version and day, the least recently used dropped first once their
 * bytes pass `maxBytes`. A newer version or day replaces the whole generation.
 */
/** What an entry counts against the cache's size: its body, its key, and about 512 bytes of headers. */
const sizeOf = (key: string, entry: TEntry) => entry.body.byteLength + key.length + 512;

export class ResponseCache {
  private generation = "";
  private entries = new Map<string, TEntry>();
  private bytes = 0;
  /** Renders in flight, by key: readers of the same cold key wait for one render. */
  private pending = new Map<string, Promise<TEntry | null>>();

  constructor(private readonly maxBytes: number) {}

  /** Moves to this version and day: the entries of any other are dropped. False: an older generation (do not keep). */
  private at(generation: string): boolean {
    if (generation === this.generation) return true;
    // Versions only grow and days only advance (generationOf compares as text); a reader holding an older one must not replace a newer one.
    if (generation < this.generation) return false;
    this.generation = generation;
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
    return true;
  }

  get(generation: string, key: string): TEntry | undefined {
    if (!this.at(generation)) return undefined;
    const e = this.entries.get(key);
    if (e) {
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  /** The render in flight for this key, if any. */
  inFlight(generation: string, key: string): Promise<TEntry | null> | undefined {
    return generation === this.generation ? this.pending.get(key) : undefined;
  }

  /** Marks a render of this key as in flight, until `done` settles (with the entry, or null: not kept). */
  track(generation: string, key: string, done: Promise<TEntry | null>): void {
    if (!this.at(generation)) return;
    this.pending.set(key, done);
    const forget = () => {
      if (this.pending.get(key) === done) this.pending.delete(key);
    };
    done.then(forget, forget);
  }

  set(generation: string, key: string, entry: TEntry): void {
    if (!this.at(generation)) return;
    const size = sizeOf(key, entry);
    if (size > this.maxBytes / 4) return; // one answer never takes most of the cache
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= sizeOf(key, old);
    }
    this.entries.set(key, entry);
    this.bytes += size;
    while (this.bytes > this.maxBytes && this.entries.size > 0) {
      const [k, e] = this.entries.entries().next().value!;
      this.entries.delete(k);
      this.bytes -= sizeOf(k, e);
    }
  }

  /** What the cache holds (for the tests). */
  stats(): { generation: string; entries: number; bytes: number } {
    return { generation: this.generation, entries: this.entries.size, bytes: this.bytes };
  }
}

/**
 * Reads of the data version that never answer with a version older than the request: a read
 * started before a request arrived is not reused for it; requests arriving while no read has
 * started yet share the next one (started on the next turn of the event loop).
 */
export function versionReader(read: () => Promise<string>): () => Promise<string> {
  let next: Promise<string> | null = null;
  return () => {
    if (next) return next;
    const p = new Promise<string>((resolve, reject) => {
      setImmediate(() => {
        // Requests arriving from now on wait for a read started after them.
        next = null;
        read().then(resolve, reject);
      });
    });
    next = p;
    return p;
  };
}

/** The generation of an entry: the data version (zero-padded, so that it compares as text) and the day. */
export function generationOf(version: string, day: string): string {
  return `${day}|${version.padStart(20, "0")}`;
}
