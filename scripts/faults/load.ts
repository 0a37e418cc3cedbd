// `load`: FAULTS_CLIENTS (50) concurrent clients for FAULTS_SECONDS (60), each with its own
// keep-alive connection, sending its next request as soon as the last is answered:
// - 40 % read public pages (/, /plans, a plan, a province, /compare) as anonymous browsers;
// - 30 % read the API (plans, a plan, progress, units);
// - 30 % are writers: each owns FAULTS_WRITER_ROWS (2) cells (target, unit, year) no other
//   writer touches, and sends batches updating them, each with the version of its last answer.
// Afterwards every writer's last acknowledged value and version are compared with the database's
// (a lost update: the database holds something else). Backends: FAULTS_LOAD_BACKENDS
// ("embedded,postgres"; the embedded database in a fresh folder, PostgreSQL a throw-away database).
import { join } from "node:path";
import pg from "pg";
import { failed, newAgent, postResults, publishedTargets, refusedOf, savedOf, send, statusOf, valueFor, writableCells, type Cell, type Outcome } from "./client";
import { adminToken, ADMIN_URL, hide, Instance, tempDir, throwawayDatabase } from "./portal";
import { counts, logSummary, n0, n1, Report, s1, spread, table } from "./report";

const CLIENTS = Number(process.env.FAULTS_CLIENTS ?? 50);
const SECONDS = Number(process.env.FAULTS_SECONDS ?? 60);
const WRITER_ROWS = Number(process.env.FAULTS_WRITER_ROWS ?? 2);

type Kind = "page" | "api read" | "api write";
type Owned = { cell: Cell; id?: string; version?: number; value?: number; uncertain: boolean };

export async function load(backend: "embedded" | "postgres", port: number, say: (m: string) => void): Promise<Report> {
  const rep = new Report("load", `${CLIENTS} concurrent clients for ${SECONDS} s (${backend === "embedded" ? "embedded PostgreSQL (PGlite)" : "PostgreSQL"})`);
  const dir = tempDir(`load-${backend}`);
  const db = backend === "postgres" ? await throwawayDatabase("load") : null;
  rep.backend = db
    ? `PostgreSQL, throw-away database ${db.name} on ${hide(ADMIN_URL)} (dropped at the end)`
    : `embedded PostgreSQL (PGlite) in a fresh folder ${join(dir, "data")} (deleted at the end)`;
  const portal = new Instance({ name: "portal", port, databaseUrl: db?.url, dataDir: join(dir, "data"), logFile: join(dir, "portal.log") });
  try {
    say(`starting the portal (${backend})…`);
    const up = await portal.start(say);
    rep.add(`started in ${s1(up)}${portal.built ? " (built first)" : ""}`);
    const { token } = await adminToken({ databaseUrl: db?.url, dataDir: join(dir, "data") }, say);
    const targets = await publishedTargets(portal.base);
    const cells = await writableCells(portal.base, targets);
    const plan = targets.reduce((a, t) => (a.set(t.planId, (a.get(t.planId) ?? 0) + 1), a), new Map<string, number>());
    const bigPlan = [...plan].sort((a, b) => b[1] - a[1])[0]![0];
    const pages = ["/", "/plans", `/plans/${bigPlan}`, "/units/14", "/compare?indicator=jobs&year=2022"];
    const reads = ["/api/v1/plans", `/api/v1/plans/${bigPlan}`, "/api/v1/progress?pageSize=100", "/api/v1/units?q=son%20la&validOn=2024-01-01"];

    const writers = Math.max(1, Math.round(CLIENTS * 0.3));
    const pageReaders = Math.round(CLIENTS * 0.4);
    const kinds: Kind[] = Array.from({ length: CLIENTS }, (_, i) => (i < writers ? "api write" : i < writers + pageReaders ? "page" : "api read"));
    if (writers * WRITER_ROWS > cells.length) throw new Error(`only ${cells.length} writable cells for ${writers} writers × ${WRITER_ROWS}`);
    // Spread the writers' cells over the targets: every writer's own, none shared.
    const spreadCells = [...cells].sort((a, b) => hash(`${a.targetId}|${a.unitCode}|${a.year}`) - hash(`${b.targetId}|${b.unitCode}|${b.year}`));
    const owned: Owned[][] = Array.from({ length: writers }, (_, w) => spreadCells.slice(w * WRITER_ROWS, (w + 1) * WRITER_ROWS).map((cell) => ({ cell, uncertain: false })));

    type Rec = { kind: Kind; o: Outcome };
    const recs: Rec[] = [];
    const refusals: string[] = [];
    let stop = false;
    const client = async (i: number) => {
      const agent = newAgent(1);
      const kind = kinds[i]!;
      let n = 0;
      try {
        while (!stop) {
          n++;
          let o: Outcome;
          if (kind === "api write") {
            const mine = owned[i]!.filter((x) => !x.uncertain);
            if (mine.length === 0) return;
            const rows = mine.map((x, k) => ({
              targetId: x.cell.targetId,
              unitCode: x.cell.unitCode,
              year: x.cell.year,
              value: valueFor(x.cell, n * 100 + i + k),
              ...(x.version ? { version: x.version } : {}),
            }));
            o = await postResults(portal.base, token, rows, agent, 300_000);
            if (!failed(o) && o.status === 200) {
              const saved = new Map(savedOf(o).map((d) => [`${d.targetId}|${d.unitCode}|${d.year}`, d]));
              for (const [k, x] of mine.entries()) {
                const d = saved.get(`${x.cell.targetId}|${x.cell.unitCode}|${x.cell.year}`);
                if (d) Object.assign(x, { id: d.id, version: d.version, value: rows[k]!.value });
              }
            } else {
              // No acknowledgement: what the database holds for these cells is not known to this writer any more.
              if (!failed(o) && refusals.length < 5) refusals.push(`${o.status}: ${(refusedOf(o)?.error.details?.[0]?.message ?? refusedOf(o)?.error.message ?? "").slice(0, 160)}`);
              for (const x of mine) x.uncertain = true;
            }
          } else {
            const list = kind === "page" ? pages : reads;
            o = await send(portal.base, "GET", list[(i + n) % list.length]!, { agent, timeoutMs: 300_000 });
          }
          recs.push({ kind, o });
        }
      } finally {
        agent.destroy();
      }
    };
    say(`${CLIENTS} clients (${pageReaders} pages, ${CLIENTS - writers - pageReaders} API reads, ${writers} writers × ${WRITER_ROWS} rows) for ${SECONDS} s…`);
    const t0 = performance.now();
    const loops = Array.from({ length: CLIENTS }, (_, i) => client(i));
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stop = true;
    await Promise.all(loops);
    const elapsed = (performance.now() - t0) / 1000;

    rep.add(
      `clients: ${CLIENTS} (${pageReaders} public pages, ${CLIENTS - writers - pageReaders} API reads, ${writers} writers each owning ${WRITER_ROWS} rows), one keep-alive connection each, ` +
        `${SECONDS} s (requests in flight at the end waited for: ${n1(elapsed)} s in all)`,
    );
    rep.add(`pages: ${pages.join(", ")}; API reads: ${reads.join(", ")}; writes: POST /api/v1/results, drafts, each row with its last version`);
    rep.add("");
    const rows = (["page", "api read", "api write", "all"] as const).map((k) => {
      const xs = recs.filter((r) => k === "all" || r.kind === k);
      const sp = spread(xs.map((r) => r.o.ms));
      const gets = xs.filter((r) => r.kind !== "api write" && !failed(r.o));
      const share = (v: string) => (gets.length ? `${n0((gets.filter((r) => !failed(r.o) && String(r.o.headers["x-portal-cache"]) === v).length / gets.length) * 100)} %` : "–");
      const hits = spread(gets.filter((r) => !failed(r.o) && r.o.headers["x-portal-cache"] === "hit").map((r) => r.o.ms));
      return [k, n0(xs.length), n1(xs.length / elapsed), n1(sp.p50), n1(sp.p95), n1(sp.max), share("hit"), share("wait"), n1(hits.p50), counts(xs.map((r) => statusOf(r.o)))];
    });
    rep.add(...table(["kind", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "cache hit", "cache wait", "hit p50 ms", "by status"], rows));
    rep.add(
      "cache hit / wait = GETs answered from the response cache at once / after waiting for another reader's render of the same address (x-portal-cache); " +
        "every acknowledged write, a draft too, bumps the public data version, so the next read of each address renders again.",
    );

    // Lost updates: the database against every writer's last acknowledgement.
    const url = db ? db.url : portal.embeddedUrl();
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => undefined);
    await c.connect();
    let lost = 0;
    let checked = 0;
    const examples: string[] = [];
    try {
      const all = owned.flat().filter((x) => x.id && !x.uncertain);
      const got = await c.query<{ id: string; value: number; version: number }>(`SELECT "id", "value"::float8 AS "value", "version" FROM "result" WHERE "id" = ANY($1)`, [all.map((x) => x.id)]);
      const byId = new Map(got.rows.map((r) => [r.id, r]));
      for (const x of all) {
        checked++;
        const r = byId.get(x.id!);
        if (!r || Number(r.value) !== x.value || r.version !== x.version) {
          lost++;
          if (examples.length < 3) examples.push(`${x.cell.targetId}/${x.cell.unitCode}/${x.cell.year}: acknowledged ${x.value} v${x.version}, database ${r ? `${r.value} v${r.version}` : "no row"}`);
        }
      }
    } finally {
      await c.end().catch(() => undefined);
    }
    const acks = recs.filter((r) => r.kind === "api write" && !failed(r.o) && r.o.status === 200).length;
    const uncertain = owned.flat().filter((x) => x.uncertain).length;
    rep.add("");
    rep.add(`acknowledged write batches: ${n0(acks)}; rows checked against their last acknowledgement: ${checked}${uncertain ? ` (${uncertain} left out: their last batch had no 200)` : ""}`);
    rep.add(`lost updates (expected 0): ${lost}${examples.length ? ` (${examples.join("; ")})` : ""}`);
    if (refusals.length) rep.add(`refused batches: ${refusals.join(" | ")}`);
    const fivexx = recs.filter((r) => !failed(r.o) && r.o.status >= 500);
    const errors = recs.filter((r) => failed(r.o));
    if (fivexx.length) rep.finding(`load (${backend}): ${fivexx.length} answer(s) 5xx (${counts(fivexx.map((r) => `${statusOf(r.o)} ${r.kind}`))})`);
    if (errors.length) rep.finding(`load (${backend}): ${errors.length} request(s) failed outright (${counts(errors.map((r) => `${statusOf(r.o)} ${r.kind}`))})`);
    if (lost) rep.finding(`load (${backend}): ${lost} lost update(s)`);
    const other = recs.filter((r) => !failed(r.o) && r.o.status !== 200 && r.o.status < 500);
    if (other.length) rep.finding(`load (${backend}): ${other.length} answer(s) neither 200 nor 5xx (${counts(other.map((r) => `${statusOf(r.o)} ${r.kind}`))})`);
    const mem = portal.memory();
    rep.add(`memory of the portal's processes after the run: ${n0(mem.reduce((s, p) => s + p.rssMiB, 0))} MiB resident${backend === "postgres" ? " (the PostgreSQL server not counted)" : ""}`);
    rep.add(...logSummary(portal));
  } finally {
    await portal.stop();
    await db?.drop();
  }
  return rep;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
