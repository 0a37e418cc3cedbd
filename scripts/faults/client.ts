// The fault scripts' client side: requests of any method (GETs go through the bench's client,
// scripts/bench/http.ts), signing in as a browser does, the published targets a writer may use,
// and the writers of API result batches (POST /api/v1/results, docs/api.md).
import http from "node:http";
import { decode, get, headersFor, newAgent, percentile } from "../bench/http";

export { newAgent, percentile };

export type Reply = {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The body as the program reads it (decompressed). */
  body: Buffer;
  /** When it was sent and answered (performance.now()), and the difference. */
  t0: number;
  t1: number;
  ms: number;
};

/** Any request; `error` instead of a reply when it failed outright (refused, reset, timed out). */
export type Outcome = Reply | { error: string; t0: number; t1: number; ms: number };
export const failed = (o: Outcome): o is { error: string; t0: number; t1: number; ms: number } => "error" in o;

export async function send(
  base: URL,
  method: string,
  path: string,
  opts: { agent?: http.Agent; headers?: Record<string, string>; body?: string | Buffer; timeoutMs?: number } = {},
): Promise<Outcome> {
  const t0 = performance.now();
  const agent = opts.agent ?? newAgent(1);
  const own = !opts.agent;
  try {
    if (method === "GET" && !opts.body) {
      // The bench's client, with a shorter patience than its 10 minutes when asked.
      const a = await withTimeout(get(base, path, { agent, keepBody: true, headers: opts.headers ?? headersFor(path) }), opts.timeoutMs);
      const t1 = performance.now();
      return { status: a.status, headers: a.headers, body: decode(a), t0, t1, ms: t1 - t0 };
    }
    return await new Promise<Outcome>((resolve) => {
      const body = opts.body === undefined ? undefined : Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
      const req = http.request(
        {
          host: base.hostname,
          port: base.port,
          path,
          method,
          agent,
          headers: { ...headersFor(path), ...(body ? { "content-length": String(body.length) } : {}), ...opts.headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            const t1 = performance.now();
            const raw = { status: res.statusCode ?? 0, headers: res.headers, wireBytes: 0, body: Buffer.concat(chunks), ms: t1 - t0 };
            resolve({ status: raw.status, headers: res.headers, body: decode(raw), t0, t1, ms: t1 - t0 });
          });
          res.on("error", (e) => resolve(failure(e, t0)));
        },
      );
      req.setTimeout(opts.timeoutMs ?? 120_000, () => req.destroy(new Error(`no answer within ${(opts.timeoutMs ?? 120_000) / 1000} s`)));
      req.on("error", (e) => resolve(failure(e, t0)));
      req.end(body);
    });
  } catch (e) {
    return failure(e as Error, t0);
  } finally {
    if (own) agent.destroy();
  }
}

function failure(e: Error, t0: number) {
  const t1 = performance.now();
  const code = (e as NodeJS.ErrnoException).code;
  return { error: code ?? e.message.slice(0, 60), t0, t1, ms: t1 - t0 };
}

function withTimeout<T>(p: Promise<T>, ms: number | undefined): Promise<T> {
  if (!ms) return p;
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms / 1000} s`), { code: "TIMEOUT" })), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e as Error)),
    );
  });
}

export const json = <T>(r: Outcome): T => {
  if (failed(r)) throw new Error(`request failed: ${r.error}`);
  return JSON.parse(r.body.toString("utf8")) as T;
};

/** What a status or failure is called in the figures: "200", "503", "ECONNREFUSED"… */
export const statusOf = (o: Outcome) => (failed(o) ? o.error : String(o.status));

// ---------------------------------------------------------------------------
// Signing in (next-auth's credentials flow, as the sign-in page does it)
// ---------------------------------------------------------------------------

/** `name=value` of each cookie a reply sets. */
export function cookiesOf(r: Outcome): Map<string, string> {
  const out = new Map<string, string>();
  if (failed(r)) return out;
  const set = r.headers["set-cookie"] ?? [];
  for (const c of set) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    if (i > 0) out.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
  }
  return out;
}

export const cookieHeader = (cookies: Map<string, string>) => [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");

export const SESSION_COOKIE = "next-auth.session-token";

export type SignIn = {
  server: string;
  status: number | string;
  /** Where next-auth sends the browser (the `url` of its JSON answer, or a redirect's location). */
  to: string;
  /** The `error` of that address ("invalid", "throttled:30"…), or null. */
  error: string | null;
  session: string | null;
  ms: number;
};

/** 1. GET /api/auth/csrf (cookie + token); 2. POST the credentials with them; 3. the session cookie, if any. */
export async function signIn(base: URL, server: string, email: string, password: string): Promise<SignIn> {
  const c = await send(base, "GET", "/api/auth/csrf", { headers: { accept: "application/json" } });
  const { csrfToken } = json<{ csrfToken: string }>(c);
  const cookies = cookiesOf(c);
  const form = new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/workspace" }).toString();
  const r = await send(base, "POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", cookie: cookieHeader(cookies) },
    body: form,
  });
  if (failed(r)) return { server, status: r.error, to: "", error: r.error, session: null, ms: r.ms };
  let to = (r.headers.location as string | undefined) ?? "";
  if (!to) {
    try {
      to = (JSON.parse(r.body.toString("utf8")) as { url?: string }).url ?? "";
    } catch {
      to = r.body.toString("utf8").slice(0, 80);
    }
  }
  const error = (() => {
    try {
      return new URL(to, base).searchParams.get("error");
    } catch {
      return null;
    }
  })();
  const session = cookiesOf(r).get(SESSION_COOKIE) ?? null;
  return { server, status: r.status, to: to.replace(base.origin, ""), error, session, ms: r.ms };
}

// ---------------------------------------------------------------------------
// The published targets and the cells (target, unit, year) a writer may fill
// ---------------------------------------------------------------------------

export type Target = {
  id: string;
  planId: string;
  kind: string;
  indicator: { code: string; unit: string } | null;
  unit: { code: string; level: string };
  periodStart: number;
  periodEnd: number;
  parentId: string | null;
  hasChildren: boolean;
};

export type Cell = { targetId: string; planId: string; unitCode: string; year: number; percent: boolean };

/** Every published target, from GET /api/v1/plans and /api/v1/plans/{id}. */
export async function publishedTargets(base: URL): Promise<Target[]> {
  const plans: { id: string }[] = [];
  for (let page = 1; page <= 100; page++) {
    const r = json<{ data?: { id: string }[]; meta?: { pageCount: number }; error?: { message: string } }>(await send(base, "GET", `/api/v1/plans?pageSize=100&page=${page}`));
    if (!r.data) throw new Error(`GET /api/v1/plans: ${r.error?.message ?? "no data"}`);
    plans.push(...r.data);
    if (page >= (r.meta?.pageCount ?? 1)) break;
  }
  const out: Target[] = [];
  for (const p of plans) {
    const plan = json<{ targets: (Omit<Target, "planId" | "hasChildren"> & { indicator: { code: string; unit: string } | null })[] }>(
      await send(base, "GET", `/api/v1/plans/${encodeURIComponent(p.id)}`),
    );
    const parents = new Set(plan.targets.map((t) => t.parentId).filter(Boolean));
    for (const t of plan.targets) out.push({ ...t, planId: p.id, hasChildren: parents.has(t.id) });
  }
  return out;
}

/** A target whose results need no baseline nor a parent's or children's figures: a plain count or level. */
export const plainTarget = (t: Target) =>
  ["count", "reach_at_least", "reach_at_most"].includes(t.kind) && t.indicator !== null && !t.parentId && !t.hasChildren;

/**
 * The cells writers may fill: for each plain target and each year of its period before 2025
 * (a code names one unit in those years), the target's unit and every unit below it that
 * existed on 1 January (GET /api/v1/units?within=).
 */
export async function writableCells(base: URL, targets: Target[]): Promise<Cell[]> {
  const cells: Cell[] = [];
  const below = new Map<string, string[]>();
  for (const t of targets.filter(plainTarget)) {
    for (let y = t.periodStart; y <= Math.min(t.periodEnd, 2024); y++) {
      const key = `${t.unit.code}@${y}`;
      if (!below.has(key)) {
        const codes: string[] = [];
        for (let page = 1; page <= 20; page++) {
          const r = json<{ data: { code: string }[]; pageCount: number }>(
            await send(base, "GET", `/api/v1/units?within=${encodeURIComponent(t.unit.code)}&validOn=${y}-01-01&pageSize=200&page=${page}`),
          );
          codes.push(...r.data.map((u) => u.code));
          if (page >= r.pageCount) break;
        }
        below.set(key, codes);
      }
      const percent = t.indicator!.unit === "%";
      for (const unitCode of [t.unit.code, ...below.get(key)!]) cells.push({ targetId: t.id, planId: t.planId, unitCode, year: y, percent });
    }
  }
  return cells;
}

/** A value valid for the cell's measure: a whole count, or a rate from 0 to 100. */
export const valueFor = (cell: Cell, n: number) => (cell.percent ? Math.round(((n * 7.3) % 100) * 100) / 100 : n);

export type Row = { targetId: string; unitCode: string; year: number; value: number; note?: string; version?: number; publish?: boolean };

export const rowOf = (cell: Cell, value: number, extra: Partial<Row> = {}): Row => ({ targetId: cell.targetId, unitCode: cell.unitCode, year: cell.year, value, ...extra });

type Saved = { data: { id: string; targetId: string; unitCode: string; year: number; value: number; version: number; status: string }[] };
type Refused = { error: { code: string; message: string; details?: { row: number | null; code?: string; message: string; current?: { version?: number; value?: number } }[] } };

export function postResults(base: URL, token: string, rows: Row[], agent?: http.Agent, timeoutMs?: number): Promise<Outcome> {
  return send(base, "POST", "/api/v1/results", {
    agent,
    timeoutMs,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(rows),
  });
}

export const savedOf = (r: Reply) => (JSON.parse(r.body.toString("utf8")) as Saved).data;
export const refusedOf = (r: Reply): Refused | null => {
  try {
    return JSON.parse(r.body.toString("utf8")) as Refused;
  } catch {
    return null;
  }
};

// ---------------------------------------------------------------------------
// Batches of new rows, each marked by its note, for the kill -9 and backup scenarios
// ---------------------------------------------------------------------------

export type Batch = {
  /** "faults <tag> b<n>": the note of every row of the batch, to find it in the database. */
  note: string;
  rows: Row[];
  sentAt: number;
  answeredAt?: number;
  /** The result ids of an acknowledged batch (200). */
  ids?: string[];
  outcome?: string;
};

/**
 * Writers sending batches of `rowsPerBatch` new cells, one after the other per writer, until
 * `stop()` or the first failure to connect. A batch refused for some of its rows (422) gives
 * those cells up and sends the others again in a new batch; nothing of a refused batch is
 * written (the API's all-or-nothing).
 */
export class BatchWriter {
  readonly batches: Batch[] = [];
  private next = 0;
  private stopping = false;
  private readonly dropped: string[] = [];
  private loops: Promise<void>[] = [];
  statuses = new Map<string, number>();

  constructor(
    private readonly base: URL,
    private readonly token: string,
    private readonly cells: Cell[],
    private readonly tag: string,
    private readonly rowsPerBatch: number,
  ) {}

  get acked(): Batch[] {
    return this.batches.filter((b) => b.ids);
  }
  get exhausted(): boolean {
    return this.next >= this.cells.length;
  }
  /** Why cells were given up (422 details), the first few. */
  get refusals(): string[] {
    return this.dropped;
  }

  start(writers: number): void {
    this.loops = Array.from({ length: writers }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.loops);
  }

  private async loop(): Promise<void> {
    const agent = newAgent(1);
    let retry: Cell[] = [];
    try {
      while (!this.stopping) {
        const cells = retry.length ? retry : this.cells.slice(this.next, (this.next += this.rowsPerBatch));
        retry = [];
        if (cells.length === 0) return; // every cell written
        const n = this.batches.length + 1;
        const note = `faults ${this.tag} b${n}`;
        const b: Batch = { note, rows: cells.map((c, i) => rowOf(c, valueFor(c, n * 10 + i + 1), { note })), sentAt: performance.now() };
        this.batches.push(b);
        const r = await postResults(this.base, this.token, b.rows, agent, 60_000);
        b.answeredAt = performance.now();
        b.outcome = statusOf(r);
        this.statuses.set(b.outcome, (this.statuses.get(b.outcome) ?? 0) + 1);
        if (failed(r)) return; // the portal went away: this writer is done
        if (r.status === 200) {
          const saved = new Map(savedOf(r).map((d) => [`${d.targetId}|${d.unitCode}|${d.year}`, d.id]));
          b.ids = b.rows.map((row) => saved.get(`${row.targetId}|${row.unitCode}|${row.year}`) ?? "?");
        } else if (r.status === 422 || r.status === 409 || r.status === 403) {
          const bad = new Set((refusedOf(r)?.error.details ?? []).map((d) => d.row).filter((x): x is number => typeof x === "number"));
          for (const d of refusedOf(r)?.error.details ?? []) if (this.dropped.length < 5) this.dropped.push(`${cells[d.row ?? 0]?.targetId}/${cells[d.row ?? 0]?.unitCode}/${cells[d.row ?? 0]?.year}: ${d.message.slice(0, 140)}`);
          if (bad.size === 0) return; // refused as a whole: stop rather than loop
          retry = cells.filter((_, i) => !bad.has(i));
        } else if (r.status >= 500) {
          await new Promise((res) => setTimeout(res, 200));
        }
      }
    } finally {
      agent.destroy();
    }
  }
}

export type Presence = {
  /** Acknowledged batches whose every row is there with its value, and the rows they hold. */
  ackedPresent: number;
  ackedMissing: Batch[];
  ackedRows: number;
  /** Every batch sent (answered or not) by how many of its rows are there: whole, none, part. */
  whole: number;
  none: number;
  half: { note: string; found: number; of: number }[];
  /** Rows found per batch note. */
  found: Map<string, number>;
};

/** Which batches are in a database, read through `query` (a pg client's). */
export async function presence(
  query: (sql: string, params: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>,
  batches: Batch[],
  tag: string,
): Promise<Presence> {
  const byNote = new Map<string, { n: number; values: Map<string, number> }>();
  const r = await query(`SELECT "id", "note", "value"::float8 AS "value" FROM "result" WHERE "note" LIKE $1`, [`faults ${tag} b%`]);
  for (const row of r.rows) {
    const note = row.note as string;
    const e = byNote.get(note) ?? { n: 0, values: new Map() };
    e.n++;
    e.values.set(row.id as string, Number(row.value));
    byNote.set(note, e);
  }
  const p: Presence = { ackedPresent: 0, ackedMissing: [], ackedRows: 0, whole: 0, none: 0, half: [], found: new Map([...byNote].map(([k, v]) => [k, v.n])) };
  for (const b of batches) {
    const found = byNote.get(b.note);
    const n = found?.n ?? 0;
    if (n === 0) p.none++;
    else if (n === b.rows.length) p.whole++;
    else p.half.push({ note: b.note, found: n, of: b.rows.length });
    if (b.ids) {
      p.ackedRows += b.ids.length;
      const ok = b.ids.every((id, i) => found?.values.get(id) === b.rows[i]!.value);
      if (ok) p.ackedPresent++;
      else p.ackedMissing.push(b);
    }
  }
  return p;
}

/** Batches by how many of their rows a presence check found: "whole", "absent" or "half". */
export function classify(batches: Batch[], p: Presence): Record<"whole" | "absent" | "half", number> {
  const out = { whole: 0, absent: 0, half: 0 };
  for (const b of batches) {
    const n = p.found.get(b.note) ?? 0;
    out[n === 0 ? "absent" : n === b.rows.length ? "whole" : "half"]++;
  }
  return out;
}
