// npm run bench [-- --postgres | --both] — what issue #12 asks the portal to meet, measured over
// HTTP against the portal started exactly as `npm start` starts it, with the whole country loaded.
//
// Data: the seeded registry (34 provinces and 3.321 communes of today, and the units before the
// 2025 reform) and sources, plus a marked synthetic load (scripts/bench/data.ts): one published
// plan per province, "[Dữ liệu thử hiệu năng] …", with 20 province and BENCH_TARGETS (18) commune
// count targets per commune, and published results 2021–2025 (isDemo) for each: ≥ 300.000 results.
//
// Backends (scripts/bench/portal.ts): the embedded database by default, in a throw-away folder;
// `--postgres` on DATABASE_URL, or on a throw-away database on TEST_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres); `--both` runs one then the other.
//
// Figures, per backend, in one run:
// 1. each path at 20 keep-alive connections for BENCH_SECONDS (6) after a 1 s warm-up: req/s, its
//    share of a static file's req/s (the same server's /_next/static JS file, measured first and
//    last, their mean), p50, p95, the answer's size (decoded, and on the wire when compressed);
// 2. cold after write: a published result changed by SQL (as psql or the CLI would), then the first
//    read of the plan page, the unit page, / and /compare timed, BENCH_COLD_RUNS (5) times;
// 3. first-load JS of each page: its /_next/static scripts, gzipped;
// 4. the memory of the portal's processes (peak during the run, and after it).
// It prints figures and asserts nothing. Exit 1 only if the portal does not start or a path
// answers other than 200.
import os from "node:os";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { dataSizes, loadSynthetic, pick, removeSynthetic, TARGETS_PER_COMMUNE, TARGETS_PER_PROVINCE, type Loaded, type Picks, type Sizes } from "./bench/data";
import { CONNECTIONS, decode, get, headersFor, loadPath, newAgent, type LoadResult } from "./bench/http";
import { memorySampler, Portal, type Backend, type Proc } from "./bench/portal";

const args = process.argv.slice(2);
const unknown = args.filter((a) => !["--postgres", "--both", "--embedded"].includes(a));
if (unknown.length) {
  console.error(`[bench] unknown argument(s): ${unknown.join(" ")} (use --postgres, --both, or nothing for the embedded database)`);
  process.exit(2);
}
const BACKENDS: Backend[] = args.includes("--both") ? ["embedded", "postgres"] : args.includes("--postgres") ? ["postgres"] : ["embedded"];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
const WARMUP_SECONDS = 1;
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3399);

const log = (m: string) => console.log(`[bench] ${m}`);
const n0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString("en-US") : "–");
const n1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const ratio = (x: number, y: number) => (Number.isFinite(x / y) ? `${(x / y).toFixed(2)}×` : "–");
const kb = (bytes: number) => (Number.isFinite(bytes) ? (bytes / 1024).toFixed(1) : "–");
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};

/** A text table: the first column left-aligned, the others right-aligned. */
function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ").trimEnd();
  return [line(head), w.map((x) => "-".repeat(x)).join("  "), ...rows.map(line)];
}

type Report = { backend: Backend; lines: string[]; failures: string[] };

type Cold = { path: string; write: number[]; cold: number[]; next: number[]; shown: number };
type Js = { page: string; scripts: number; raw: number; gz: number; inlineGz: number; html: number };
/** What one backend's run measured so far: the report prints whatever is there. */
type Run = {
  backend: Backend;
  portal: Portal;
  loadBefore: number[];
  loaded?: Loaded;
  sizes?: Sizes;
  picks?: Picks;
  firstMs?: number;
  staticPath?: string;
  staticFirst?: LoadResult;
  results: LoadResult[];
  staticLast?: LoadResult;
  cold: Cold[];
  js: Js[];
  peak?: { processes: Proc[]; total: number };
  after?: Proc[];
};

async function runBackend(backend: Backend): Promise<Report> {
  const failures: string[] = [];
  const portal = new Portal(backend, PORT);
  const st: Run = { backend, portal, loadBefore: os.loadavg(), results: [], cold: [], js: [] };
  let client: pg.Client | null = null;
  let memory: ReturnType<typeof memorySampler> | null = null;
  const one = newAgent(1);
  /** A phase that fails is said, and the run goes on with the next one. */
  const phase = async (name: string, fn: () => Promise<void>) => {
    if (interrupted) return;
    try {
      await fn();
    } catch (e) {
      failures.push(`${name}: ${(e as Error).message}`);
    }
  };
  const connect = async () => {
    const x = new pg.Client({ connectionString: portal.clientUrl });
    x.on("error", () => undefined); // a lost connection is met, and said, by the next query
    await x.connect();
    return x;
  };
  const recover = async (after: string) => {
    if (interrupted) return;
    const restarted = await portal.recover(log, async () => {
      await client?.end().catch(() => undefined);
      client = null;
    });
    if (!restarted) return;
    failures.push(`the portal stopped answering during ${after}; it was started again for what follows`);
    client = await connect();
  };
  /** The bench's database connection (a new one after the portal was started again). */
  const db = () => {
    if (!client) throw new Error("no database connection");
    return client;
  };
  try {
    log(`— ${backend} —`);
    try {
      await portal.start(log);
    } catch (e) {
      failures.push(`the portal did not start: ${(e as Error).message}`);
      return { backend, lines: [], failures };
    }
    client = await connect();
    const c = client;
    if ((await c.query(`SELECT 1 FROM "plan" WHERE "id" LIKE 'bench-plan-%' LIMIT 1`)).rowCount) {
      log(`removing the synthetic rows of an earlier run…`);
      await removeSynthetic(c);
    }
    log(`loading the synthetic data (${TARGETS_PER_PROVINCE} targets per province, ${TARGETS_PER_COMMUNE} per commune, results 2021–2025)…`);
    const loaded = (st.loaded = await loadSynthetic(c));
    log(
      `loaded ${n0(loaded.plans)} plans, ${n0(loaded.targets)} targets, ${n0(loaded.results)} results in ${n1(loaded.ms / 1000)} s ` +
        `(${Object.entries(loaded.steps).map(([k, v]) => `${k} ${n1(v / 1000)} s`).join(", ")}; ${loaded.triggers ? "through the row triggers" : "row triggers' work done once in bulk"})`,
    );
    st.sizes = await dataSizes(c);
    const picks = (st.picks = await pick(c));

    memory = memorySampler(portal);
    // The first read after the load computes every new target's progress (lib/data/progress-summary).
    const first = await get(portal.base, "/", { agent: one, keepBody: true });
    if (first.status !== 200) failures.push(`/ answered ${first.status} (first read after the load)`);
    st.firstMs = first.ms;
    log(`first read of / after the load (every new target's progress computed): ${n0(first.ms)} ms`);
    const staticPath = (st.staticPath = /<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(decode(first).toString("utf8"))?.[1]);
    if (!staticPath) throw new Error("the home page names no /_next/static script (the static reference)");

    const paths = [
      "/",
      "/plans",
      `/plans/${picks.planId}`,
      `/units/${picks.provinceKey}`,
      `/units/${picks.communeKey}`,
      "/compare?indicator=jobs&year=2024",
      "/api/v1/progress",
      `/api/v1/progress?unit=${picks.provinceKey}`,
      "/api/v1/plans",
      "/api/v1/compare?indicator=jobs&year=2024",
      "/open-data",
    ];
    const run = async (path: string): Promise<LoadResult | undefined> => {
      if (interrupted) return undefined;
      log(`load: ${path}`);
      const r = await loadPath(portal.base, path, SECONDS, WARMUP_SECONDS, CONNECTIONS);
      for (const [what, count] of r.bad) failures.push(`${path} answered ${/^\d+$/.test(what) ? what : `with an error (${what})`} × ${count}`);
      log(`  ${n0(r.rps)} req/s, p50 ${n1(r.p50)} ms, p95 ${n1(r.p95)} ms, ${kb(r.bytes)} KB, ${r.requests} requests in ${n1(r.seconds)} s`);
      if ([...r.bad.keys()].some((k) => !/^\d+$/.test(k)) || portal.stopped) await recover(`the load of ${path}`);
      return r;
    };
    st.staticFirst = await run(staticPath);
    for (const p of paths) {
      const r = await run(p);
      if (r) st.results.push(r);
    }
    st.staticLast = await run(staticPath);

    await phase("cold reads after a write", async () => {
      log("cold reads after a write…");
      const coldPaths = [`/plans/${picks.planId}`, `/units/${picks.provinceKey}`, "/", "/compare?indicator=jobs&year=2024"];
      // Each write sets the result to a figure found nowhere else (987.6xx), looked for in the answer;
      // the loaded figure is put back afterwards.
      const original = (await db().query<{ value: string }>(`SELECT "value" FROM "result" WHERE "id" = $1`, [picks.resultId])).rows[0]?.value;
      try {
        for (const [i, path] of coldPaths.entries()) {
          const row: Cold = { path, write: [], cold: [], next: [], shown: 0 };
          st.cold.push(row);
          for (let k = 0; k < COLD_RUNS && !interrupted; k++) {
            const warm = await get(portal.base, path, { agent: one });
            const value = 987_600 + i * 10 + k;
            const t0 = performance.now();
            await db().query(`UPDATE "result" SET "value" = $2, "updatedAt" = now() WHERE "id" = $1`, [picks.resultId, value]);
            row.write.push(performance.now() - t0);
            const after = await get(portal.base, path, { agent: one, keepBody: true });
            const next = await get(portal.base, path, { agent: one });
            for (const x of [warm, after, next]) if (x.status !== 200) failures.push(`${path} answered ${x.status} (cold after write)`);
            row.cold.push(after.ms);
            row.next.push(next.ms);
            const text = decode(after).toString("utf8");
            if ([value.toLocaleString("vi-VN"), value.toLocaleString("en-US"), String(value)].some((v) => text.includes(v))) row.shown++;
          }
        }
      } finally {
        await db().query(`UPDATE "result" SET "value" = $2, "updatedAt" = now() WHERE "id" = $1`, [picks.resultId, original]);
      }
    });
    await recover("the cold reads");

    await phase("first-load JS", async () => {
      log("first-load JS…");
      const pages = ["/", "/plans", `/plans/${picks.planId}`, `/units/${picks.provinceKey}`, "/compare?indicator=jobs&year=2024", "/open-data", "/units"];
      const plain = { "accept-encoding": "identity" };
      for (const page of pages) {
        if (interrupted) return;
        const a = await get(portal.base, page, { agent: one, keepBody: true, headers: { ...headersFor(page), ...plain } });
        if (a.status !== 200) failures.push(`${page} answered ${a.status} (first-load JS)`);
        const html = decode(a).toString("utf8");
        const srcs = [
          // noModule scripts (legacy polyfills) are never fetched by the browsers the portal supports.
          ...new Set([...html.matchAll(/<script(?![^>]*\snoModule)[^>]*\ssrc="([^"]+)"/gi)].map((m) => m[1]!.replace(/&amp;/g, "&")).filter((x) => x.startsWith("/_next/static/"))),
        ];
        let raw = 0;
        let gz = 0;
        for (const src of srcs) {
          const x = await get(portal.base, src, { agent: one, keepBody: true, headers: { accept: "*/*", ...plain } });
          if (x.status !== 200) failures.push(`${src} answered ${x.status} (script of ${page})`);
          const body = decode(x);
          raw += body.length;
          gz += gzipSync(body, { level: 9 }).length;
        }
        const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
        st.js.push({ page, scripts: srcs.length, raw, gz, inlineGz: gzipSync(Buffer.from(inline), { level: 9 }).length, html: Buffer.byteLength(html) });
      }
    });
  } catch (e) {
    failures.push((e as Error).stack ?? String(e));
  } finally {
    one.destroy();
    if (memory) {
      st.peak = memory.stop();
      st.after = portal.memory();
    }
    try {
      if (client && backend === "postgres" && !portal.created) {
        log("removing the synthetic rows from DATABASE_URL…");
        await removeSynthetic(client);
      }
    } catch (e) {
      failures.push(`could not remove the synthetic rows: ${(e as Error).message}`);
    }
    await client?.end().catch(() => undefined);
    await portal.stop().catch((e) => failures.push(`could not clean up: ${(e as Error).message}`));
  }
  return { backend, lines: report(st), failures };
}

function report(st: Run): string[] {
  const out: string[] = [];
  const { backend, portal } = st;
  const cpus = os.cpus();
  out.push("");
  out.push(`==== npm run bench: ${backend === "embedded" ? "embedded PostgreSQL (PGlite)" : "PostgreSQL"} ====`);
  out.push(
    `date ${new Date().toISOString().replace(/\.\d+Z$/, "Z")} · machine: ${cpus[0]?.model.trim() ?? "?"} × ${cpus.length} CPUs, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}; load average before the run ${st.loadBefore.map((x) => x.toFixed(2)).join(" ")}`,
  );
  out.push(`backend: ${portal.description}`);
  if (st.sizes && st.loaded && st.picks) out.push(dataLine(st.sizes, st.loaded, st.picks));
  if (st.loaded) out.push(`synthetic load: ${n1(st.loaded.ms / 1000)} s in one transaction; first read of / after it (every new target's progress computed): ${n0(st.firstMs ?? NaN)} ms`);
  out.push(`load: ${CONNECTIONS} keep-alive connections per path, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s; anonymous GETs with accept-encoding "gzip, br" (pages: accept text/html).`);

  const staticRuns = [st.staticFirst, st.staticLast].filter((r): r is LoadResult => r !== undefined && r.requests > 0);
  const staticRps = staticRuns.length ? staticRuns.reduce((n, r) => n + r.rps, 0) / staticRuns.length : NaN;
  if (st.staticFirst) {
    out.push(
      `static reference ${st.staticPath} (${kb(st.staticFirst.bytes)} KB): ${n0(st.staticFirst.rps)} req/s first, ${n0(st.staticLast?.rps ?? NaN)} req/s last, ` +
        `mean ${n0(staticRps)} req/s = 100 %`,
    );
    out.push("");
    const rows = [st.staticFirst, ...st.results, ...(st.staticLast ? [st.staticLast] : [])].map((r, i, all) => [
      i === 0 ? `${r.path} (static, first)` : st.staticLast && i === all.length - 1 ? "static file (last)" : r.path,
      n0(r.rps),
      `${n0((r.rps / staticRps) * 100)} %`,
      n1(r.p50),
      n1(r.p95),
      kb(r.bytes),
      r.requests === 0 ? "–" : r.encoding === "none" ? "(not compressed)" : `${kb(r.wireBytes)} ${r.encoding}`,
      `${n0(r.requests)}${r.connections === CONNECTIONS || r.requests === 0 ? "" : ` (${r.connections} connections)`}${r.bad.size ? " + failures" : ""}`,
    ]);
    out.push(...table(["path", "req/s", "% of static", "p50 ms", "p95 ms", "size KB", "on the wire KB", "requests"], rows));
    out.push("size = the HTML or JSON as read (decoded); on the wire = the compressed body sent; KB = 1024 bytes; requests = answered in the measured seconds.");
  }

  if (st.cold.length && st.picks) {
    out.push("");
    out.push(`cold read after a write (UPDATE of published result ${st.picks.resultId} by SQL, then the first GET; ${COLD_RUNS} times each; one connection):`);
    const warmP95 = new Map(st.results.map((r) => [r.path, r.p95]));
    out.push(
      ...table(
        ["path", "write ms", "cold median ms", "cold max ms", "warm p95 ms", "median/p95", "max/p95", "next read ms", "new figure in it"],
        st.cold.map((r) => {
          const p95 = warmP95.get(r.path) ?? NaN;
          const max = r.cold.length ? Math.max(...r.cold) : NaN;
          return [
            r.path,
            n1(median(r.write)),
            n1(median(r.cold)),
            n1(max),
            n1(p95),
            ratio(median(r.cold), p95),
            ratio(max, p95),
            n1(median(r.next)),
            `${r.shown}/${r.cold.length}`,
          ];
        }),
      ),
    );
    out.push(
      "warm p95 = under load at 20 connections (table above); next read = the read after the cold one; new figure in it = the cold read's body holds the value just written " +
        "(987.6xx; a page that does not show this one result, such as the home page's counts, says 0).",
    );
  }

  if (st.js.length) {
    out.push("");
    out.push("first-load JS (the page's /_next/static scripts but noModule polyfills, each gzipped at level 9, summed; inline = the page's inline scripts, gzipped):");
    out.push(...table(["page", "scripts", "JS KB", "JS KB gzip", "inline KB gzip", "HTML KB"], st.js.map((r) => [r.page, String(r.scripts), kb(r.raw), kb(r.gz), kb(r.inlineGz), kb(r.html)])));
  }

  if (st.peak && st.after) {
    out.push("");
    const total = (ps: Proc[]) => ps.reduce((n, p) => n + p.rssMiB, 0);
    out.push(`memory of the portal (resident): after the run ${n0(total(st.after))} MiB; peak during the run ${n0(st.peak.total)} MiB (sampled every 0.5 s)`);
    const shown = new Set<number>();
    for (const p of st.after) {
      const pk = st.peak.processes.find((x) => x.pid === p.pid);
      shown.add(p.pid);
      out.push(`  ${n0(p.rssMiB).padStart(6)} MiB after, ${n0(pk?.rssMiB ?? NaN).padStart(6)} MiB peak  ${p.name}`);
    }
    for (const p of st.peak.processes) if (!shown.has(p.pid)) out.push(`  ${"gone".padStart(6)}      after, ${n0(p.rssMiB).padStart(6)} MiB peak  ${p.name} (pid ${p.pid}, ended during the run)`);
    if (backend === "postgres") out.push("  (the PostgreSQL server's own processes are not counted)");
  }
  return out;
}

function dataLine(s: Sizes, l: Loaded, p: Picks): string {
  return (
    `data: ${n0(s.units)} units (${s.provinces} provinces and ${n0(s.communes)} communes of today, the rest before the 2025 reform); ` +
    `${n0(s.plans)} published plans, ${n0(s.targets)} published targets, ${n0(s.publishedResults)} published results ` +
    `(of which synthetic: ${l.plans} plans, ${n0(l.targets)} targets, ${n0(l.results)} results); database ${n0(s.databaseMiB)} MiB; ` +
    `largest plan ${p.planId} (${p.provinceName}, ${n0(p.planTargets)} targets); commune page /units/${p.communeKey}`
  );
}

let interrupted = false;
process.on("SIGINT", () => {
  // The portal gets the same signal (same process group) and stops; the throw-away folders and
  // databases are removed by the finally blocks as the run unwinds.
  if (interrupted) process.exit(130);
  interrupted = true;
  log("interrupted: cleaning up (Ctrl-C again to quit at once)");
});

async function main() {
  const reports: Report[] = [];
  for (const b of BACKENDS) {
    if (interrupted) break;
    const r = await runBackend(b);
    reports.push(r);
    for (const l of r.lines) console.log(l);
  }
  const failures = reports.flatMap((r) => r.failures.map((f) => `${r.backend}: ${f}`));
  console.log("");
  if (failures.length) {
    for (const f of failures) console.error(`[bench] FAILED ${f}`);
    process.exitCode = 1;
  } else {
    log(`done (${BACKENDS.join(" and ")}); figures only, nothing asserted.`);
  }
}

main().catch((e) => {
  console.error(`[bench] failed: ${(e as Error).stack ?? e}`);
  process.exitCode = 1;
});
