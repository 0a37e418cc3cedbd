// The portal's HTTP server (run by `npm start`, docs/architecture.md "Speed: the public response
// cache"): Next.js behind the public response cache (lib/cache/responses.ts). A public GET that
// the cache holds for the current data version and day is answered from memory, with an ETag
// (304 when the reader has it); a miss is rendered by Next.js once (readers of the same cold
// address wait for that render) and kept. Everything else goes to Next.js untouched.
//
// Run as: node --import tsx scripts/serve.ts  (DATABASE_URL set, the app built; PORT)
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import pg from "pg";
import { clientAddress, CLIENT_IP_HEADER } from "../lib/auth/client-ip";
import { cacheKeyOf, etagOf, generationOf, keepableHeaders, notModified, ResponseCache, versionReader, type TEntry } from "../lib/cache/responses";
import { PROJECT_ROOT } from "../lib/db/migrations-dir";
import { DatabaseWatch, isConnectionError } from "../lib/db/outage";
import { isoDateInTimeZone } from "../lib/domain/numbers";
import { getServerEnv } from "../lib/env";
import { isApi, refusedMethod } from "../lib/http-methods";
import { CLIENT_SCHEME_HEADER, clientScheme, securityHeaders } from "../lib/security-headers";

const env = getServerEnv();
const app = next({ dev: false, dir: PROJECT_ROOT, port: env.PORT });
const handle = app.getRequestHandler();

const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
// An idle connection dropped by a database restart is not a reason to stop the portal.
pool.on("error", () => {});
// While the database is away, every request gets a 503 at once (lib/db/outage.ts).
const watch = new DatabaseWatch(() => pool.query("SELECT 1"));
const readVersion = versionReader(async () => {
  const r = await pool.query<{ version: string }>(`SELECT "version"::text AS "version" FROM "public_data_version" WHERE "id" = 1`);
  return r.rows[0]?.version ?? "0";
});
const cache = env.PORTAL_RESPONSE_CACHE_MB > 0 ? new ResponseCache(env.PORTAL_RESPONSE_CACHE_MB * 1024 * 1024) : null;

/** A kept answer, with the headers it was rendered with: its Content-Security-Policy names the nonce in its body (why reusing it is safe: proxy.ts). */
function send(req: IncomingMessage, res: ServerResponse, e: TEntry, hit: string) {
  if (notModified(req, e.etag)) {
    const h: Record<string, string | string[]> = { etag: e.etag, "x-portal-cache": hit };
    for (const name of ["cache-control", "vary"]) if (e.headers[name]) h[name] = e.headers[name]!;
    res.writeHead(304, h);
    res.end();
    return;
  }
  res.writeHead(e.status, { ...e.headers, etag: e.etag, "content-length": e.body.byteLength, "x-portal-cache": hit });
  res.end(e.body);
}

/** Lets Next.js answer while keeping a copy of what it sends; resolves with the entry, or null when it must not be kept. */
function renderAndKeep(req: IncomingMessage, res: ServerResponse, version: string, day: string): Promise<TEntry | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    const add = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding) : Buffer.from(chunk as Uint8Array));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      add(chunk, rest[0]);
      return write(chunk, ...rest);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      add(chunk, rest[0]);
      return end(chunk, ...rest);
    }) as typeof res.end;
    res.once("finish", () => {
      const headers = keepableHeaders(res.statusCode, res.getHeaders());
      if (!headers) return resolve(null);
      const body = Buffer.concat(chunks);
      resolve({ status: res.statusCode, headers, body, etag: etagOf(version, day, body) });
    });
    res.once("close", () => resolve(null));
    // Next.js renders the whole answer: a conditional request is answered by this server, from the kept copy.
    delete req.headers["if-none-match"];
    delete req.headers["if-modified-since"];
    void handle(req, res);
  });
}

/** The security headers of an answer this server writes itself (Next.js's carry them from proxy.ts); no script runs on these. */
function ownSecurityHeaders(req: IncomingMessage): Record<string, string> {
  return { ...securityHeaders({ https: req.headers[CLIENT_SCHEME_HEADER] === "https" }), "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'" };
}

/** An answer this server writes itself, never kept: `{ error: { code, message } }` under /api/; elsewhere `page`, or the message as plain text. */
function ownAnswer(req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, opts: { headers?: Record<string, string>; page?: string } = {}) {
  const api = isApi(req.url);
  res.writeHead(status, {
    ...ownSecurityHeaders(req),
    ...opts.headers,
    "content-type": api ? "application/json; charset=utf-8" : opts.page ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
    "cache-control": "no-store",
  });
  res.end(api ? JSON.stringify({ error: { code, message } }) : (opts.page ?? message));
}

/** The database is away: 503 with Retry-After, a short page outside the API (no script). */
function unavailable(req: IncomingMessage, res: ServerResponse) {
  const message = "Cơ sở dữ liệu tạm thời không trả lời; vui lòng thử lại sau ít phút. / The database is not answering for the moment; please try again in a few minutes.";
  const page = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>503</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem"><h1>Tạm thời gián đoạn / Temporarily unavailable</h1><p>${message}</p></body></html>`;
  ownAnswer(req, res, 503, "unavailable", message, { headers: { "retry-after": "5" }, page });
}

/** A method the portal does not take at this address (lib/http-methods.ts): 405 with `Allow`. */
function methodNotAllowed(req: IncomingMessage, res: ServerResponse, allow: string) {
  const message = `Phương thức ${req.method ?? ""} không dùng được ở địa chỉ này (chỉ ${allow}). / The method ${req.method ?? ""} is not allowed at this address (only ${allow}).`;
  ownAnswer(req, res, 405, "method_not_allowed", message, { headers: { allow } });
}

/** After Next.js answered with a server error, finds out whether the database went away (then later requests get 503 at once). */
function watchFailures(res: ServerResponse) {
  res.once("finish", () => {
    if (res.statusCode >= 500) pool.query("SELECT 1").catch((e: unknown) => isConnectionError(e) && watch.markDown());
  });
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  const allow = refusedMethod(req.method, req.url);
  if (allow) return methodNotAllowed(req, res, allow);
  // Built files need no database; everything else waits for it to answer.
  if (!(req.url ?? "").startsWith("/_next/static/")) {
    if (!(await watch.usable())) return unavailable(req, res);
    watchFailures(res);
  }
  const key = cache ? cacheKeyOf(req) : null;
  if (!cache || !key) return handle(req, res);
  let version: string;
  try {
    version = await readVersion();
  } catch (e) {
    if (isConnectionError(e)) {
      watch.markDown();
      return unavailable(req, res);
    }
    return handle(req, res); // another failure: Next.js answers (and says so)
  }
  const day = isoDateInTimeZone();
  const generation = generationOf(version, day);
  const hit = cache.get(generation, key);
  if (hit) return send(req, res, hit, "hit");
  const rendering = cache.inFlight(generation, key);
  if (rendering) {
    const e = await rendering;
    if (e) return send(req, res, e, "wait");
    return handle(req, res);
  }
  const done = renderAndKeep(req, res, version, day);
  cache.track(generation, key, done);
  const entry = await done;
  if (entry) cache.set(generation, key, entry);
}

await app.prepare();
const server = createServer((req, res) => {
  // The one client address the app believes (lib/auth/client-ip.ts): a value the client sent is replaced.
  const ip = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], env.PORTAL_TRUSTED_PROXIES);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  else delete req.headers[CLIENT_IP_HEADER];
  // How the client reached the portal, the same way (lib/security-headers.ts): HSTS goes only to HTTPS.
  req.headers[CLIENT_SCHEME_HEADER] = clientScheme(req.headers["x-forwarded-proto"], env.PORTAL_TRUSTED_PROXIES);
  serve(req, res).catch((e) => {
    console.error("[portal] request failed:", e);
    if (!res.headersSent) {
      res.writeHead(500, { ...ownSecurityHeaders(req), "content-type": "text/plain; charset=utf-8" });
      res.end("Hệ thống tạm thời không xử lý được yêu cầu. / The service could not handle the request.");
    } else res.destroy();
  });
});
// Idle keep-alive connections stay open longer than clients and proxies keep theirs (Node's 5 s
// default closes a socket just as a client reuses it: the client sees ECONNRESET).
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// The loopback address only unless HOST says otherwise (SECURITY.md).
const host = env.HOST ?? "127.0.0.1";
server.listen(env.PORT, host, () => console.log(`[portal] ready on ${host}:${env.PORT}${cache ? `, public response cache ${env.PORTAL_RESPONSE_CACHE_MB} MiB` : ""}`));
const stop = () => {
  server.close();
  void pool.end();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
