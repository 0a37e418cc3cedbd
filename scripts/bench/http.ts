// The benchmark's HTTP client: Node's http module, keep-alive connections, every latency kept.
import http from "node:http";
import { brotliDecompressSync, gunzipSync, inflateSync } from "node:zlib";

export const CONNECTIONS = 20;

/** What a browser sends: it takes compressed answers, and asks pages for HTML. */
export function headersFor(path: string): Record<string, string> {
  const accept = path.startsWith("/_next/")
    ? "*/*"
    : path.startsWith("/api/")
      ? "application/json"
      : "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  return { accept, "accept-encoding": "gzip, br", "accept-language": "vi" };
}

export type Answer = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Bytes received for the body (compressed if the server compressed it). */
  wireBytes: number;
  /** The body as received, when asked for. */
  body: Buffer | null;
  ms: number;
};

/** A national page may take minutes under load today; longer than this counts as a failure. */
const TIMEOUT_MS = 600_000;

export function get(base: URL, path: string, opts: { agent: http.Agent; headers?: Record<string, string>; keepBody?: boolean; onSocket?: (s: object) => void }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = http.request(
      { host: base.hostname, port: base.port, path, method: "GET", agent: opts.agent, headers: opts.headers ?? headersFor(path) },
      (res) => {
        const chunks: Buffer[] = [];
        let n = 0;
        res.on("data", (c: Buffer) => {
          n += c.length;
          if (opts.keepBody) chunks.push(c);
        });
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wireBytes: n, body: opts.keepBody ? Buffer.concat(chunks) : null, ms: performance.now() - t0 }),
        );
        res.on("error", reject);
      },
    );
    if (opts.onSocket) req.on("socket", opts.onSocket);
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", reject);
    req.end();
  });
}

/** The body as the page or program reads it (undoing the server's compression). */
export function decode(a: Answer): Buffer {
  const body = a.body ?? Buffer.alloc(0);
  switch (a.headers["content-encoding"]) {
    case "gzip":
      return gunzipSync(body);
    case "br":
      return brotliDecompressSync(body);
    case "deflate":
      return inflateSync(body);
    default:
      return body;
  }
}

export const newAgent = (sockets: number) => new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets, keepAliveMsecs: 1000 });

export type LoadResult = {
  path: string;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  max: number;
  /** Mean body bytes on the wire, and the decoded size of one answer. */
  wireBytes: number;
  bytes: number;
  encoding: string;
  connections: number;
  /** Answers other than 200 (status → count), and requests that failed outright. */
  bad: Map<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;
}

/**
 * `connections` clients, each sending its next request as soon as the previous answer has been
 * read, first for `warmupSeconds` (not counted), then for `seconds`; requests still in flight at
 * the end are waited for and counted, and the time includes them.
 */
export async function loadPath(base: URL, path: string, seconds: number, warmupSeconds = 1, connections = CONNECTIONS): Promise<LoadResult> {
  const agent = newAgent(connections);
  const headers = headersFor(path);
  const bad = new Map<string, number>();
  const note = (what: string) => bad.set(what, (bad.get(what) ?? 0) + 1);
  let sample: Answer | null = null;
  const latencies: number[] = [];
  let wire = 0;
  const sockets = new Set<object>();

  const phase = async (ms: number, record: boolean) => {
    const end = performance.now() + ms;
    const client = async () => {
      while (performance.now() < end) {
        try {
          const keepBody = record && sample === null;
          const a = await get(base, path, { agent, headers, keepBody, onSocket: record ? (s) => sockets.add(s) : undefined });
          if (a.status !== 200) note(String(a.status));
          if (!record) continue;
          if (keepBody) sample = a;
          latencies.push(a.ms);
          wire += a.wireBytes;
        } catch (e) {
          note((e as Error).message.slice(0, 60));
          if (bad.size > 0 && [...bad.values()].reduce((x, y) => x + y, 0) > 50) return; // a dead portal: stop early
        }
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: connections }, client));
    return (performance.now() - t0) / 1000;
  };

  try {
    await phase(warmupSeconds * 1000, false);
    const elapsed = await phase(seconds * 1000, true);
    const sorted = [...latencies].sort((a, b) => a - b);
    const s = sample as Answer | null;
    return {
      path,
      requests: latencies.length,
      seconds: elapsed,
      rps: latencies.length / elapsed,
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      max: sorted[sorted.length - 1] ?? NaN,
      wireBytes: latencies.length ? wire / latencies.length : NaN,
      bytes: s ? decode(s).length : NaN,
      encoding: (s?.headers["content-encoding"] as string | undefined) ?? "none",
      connections: sockets.size,
      bad,
    };
  } finally {
    agent.destroy();
  }
}
