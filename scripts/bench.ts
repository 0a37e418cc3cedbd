// npm run bench — speed and memory of the public pages and the progress API, measured
// over HTTP against the portal started exactly as `npm start` starts it, on a throw-away
// embedded database under the system's temp folder (deleted afterwards).
//
// The database holds the seeded sources plus a synthetic load, clearly marked: units
// "Tỉnh thử hiệu năng NN" (codes B01…), plans titled "[Dữ liệu thử hiệu năng] …", results
// with isDemo = true. Sizes: BENCH_PROVINCES (default 60) × BENCH_DISTRICTS (8) districts,
// one plan per province with BENCH_TARGETS (6) count targets per district, annual results
// for 2021–2024. The first row is a static file from the same server, the reference the other
// figures are compared with. It prints figures; it asserts nothing (timings vary on shared machines).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const PROVINCES = Number(process.env.BENCH_PROVINCES ?? 60);
const DISTRICTS = Number(process.env.BENCH_DISTRICTS ?? 8);
const TARGETS = Number(process.env.BENCH_TARGETS ?? 6);
const WARM_RUNS = Number(process.env.BENCH_RUNS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3399);
const BASE = `http://127.0.0.1:${PORT}`;

const dataDir = mkdtempSync(join(tmpdir(), "portal-bench-"));
let server: ChildProcess | null = null;

function cleanup() {
  if (server && server.exitCode === null) server.kill("SIGTERM");
}
process.on("SIGINT", () => {
  cleanup();
  process.exit(130);
});

async function waitForPortal(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`${BASE}/api/v1/openapi.json`);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    if (server?.exitCode !== null) throw new Error("the portal stopped while starting; see the output above");
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the portal did not answer within 5 minutes");
}

/** Synthetic provinces, districts, plans, targets and published results (one SQL statement each). */
async function loadSynthetic(c: pg.Client): Promise<{ targets: number; results: number }> {
  const ind = (await c.query<{ id: string }>(`SELECT "id" FROM "indicator" WHERE "code" = 'jobs'`)).rows[0]!.id;
  await c.query("BEGIN");
  await c.query(
    `INSERT INTO "admin_unit" ("id", "key", "code", "name", "shortName", "level", "parentId", "searchName")
     SELECT 'bench-p' || p, 'B' || lpad(p::text, 2, '0'), 'B' || lpad(p::text, 2, '0'), 'Tỉnh thử hiệu năng ' || p, 'Thử ' || p, 'PROVINCE', 'unit-vn', 'tinh thu hieu nang ' || p
     FROM generate_series(1, $1::int) p`,
    [PROVINCES],
  );
  await c.query(
    `INSERT INTO "admin_unit" ("id", "key", "code", "name", "shortName", "level", "parentId", "searchName")
     SELECT 'bench-p' || p || '-d' || d, 'B' || lpad(p::text, 2, '0') || lpad(d::text, 2, '0'), 'B' || lpad(p::text, 2, '0') || lpad(d::text, 2, '0'), 'Huyện thử ' || p || '.' || d, 'Huyện thử ' || d, 'DISTRICT', 'bench-p' || p, 'huyen thu ' || p || ' ' || d
     FROM generate_series(1, $1::int) p, generate_series(1, $2::int) d`,
    [PROVINCES, DISTRICTS],
  );
  await c.query(
    `INSERT INTO "plan" ("id", "type", "issuer", "issuerUnitId", "issueYear", "title", "periodStart", "periodEnd", "searchText", "status", "updatedAt")
     SELECT 'bench-plan-' || p, 'KE_HOACH', 'UBND tỉnh thử ' || p, 'bench-p' || p, 2021,
            '[Dữ liệu thử hiệu năng] Kế hoạch giảm nghèo 2021–2025, tỉnh thử ' || p, 2021, 2025,
            'du lieu thu hieu nang ke hoach giam ngheo tinh thu ' || p, 'PUBLISHED', now()
     FROM generate_series(1, $1::int) p`,
    [PROVINCES],
  );
  const t = await c.query(
    `INSERT INTO "target" ("id", "planId", "position", "indicatorId", "unitId", "kind", "lower", "periodStart", "periodEnd", "annual", "statement", "status", "updatedAt")
     SELECT 'bench-t-' || p || '-' || d || '-' || k, 'bench-plan-' || p, d * 100 + k, $4, 'bench-p' || p || '-d' || d, 'COUNT',
            1000 + k * 100, 2021, 2025, (k % 2 = 0), '[thử] giải quyết việc làm cho ' || (1000 + k * 100) || ' lao động', 'PUBLISHED', now()
     FROM generate_series(1, $1::int) p, generate_series(1, $2::int) d, generate_series(1, $3::int) k`,
    [PROVINCES, DISTRICTS, TARGETS, ind],
  );
  const r = await c.query(
    `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "isDemo", "updatedAt")
     SELECT 'bench-r-' || t."id" || '-' || y, t."id", t."indicatorId", t."unitId", y, (200 + (hashtext(t."id" || y) & 511)), 'PUBLISHED', true, now()
     FROM "target" t, generate_series(2021, 2024) y
     WHERE t."id" LIKE 'bench-t-%'`,
  );
  await c.query("COMMIT");
  return { targets: t.rowCount ?? 0, results: r.rowCount ?? 0 };
}

/** Resident memory (MiB) of a process and of each process below it, by name (Linux /proc). */
function processTree(pid: number): { name: string; rssMiB: number }[] {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const name = cmd.some((a) => a.includes("next-server")) || /next-server/.test(status)
      ? "Next.js server"
      : cmd.some((a) => a.endsWith("scripts/start.ts"))
        ? "start script + embedded PostgreSQL (PGlite)"
        : (cmd.slice(0, 2).join(" ").slice(0, 40) || "process");
    const own = { name, rssMiB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [own, ...kids.flatMap(processTree)];
  } catch {
    return [];
  }
}

async function timeGet(path: string): Promise<{ ms: number; status: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(BASE + path);
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status, bytes: body.byteLength };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]!;
};
const f = (n: number) => n.toFixed(0).padStart(6);

async function main() {
  console.log(`[bench] data: ${dataDir} (deleted at the end); portal on ${BASE}`);
  server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    // Always the embedded database: the figures are for the default install.
    env: Object.fromEntries(Object.entries({ ...process.env, PORTAL_DATA_DIR: dataDir, PORT: String(PORT) }).filter(([k]) => k !== "DATABASE_URL")) as NodeJS.ProcessEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitForPortal();
  const lock = JSON.parse(readFileSync(join(dataDir, "embedded.lock"), "utf8")) as { url: string };
  const client = new pg.Client({ connectionString: lock.url });
  await client.connect();
  const t0 = performance.now();
  const loaded = await loadSynthetic(client);
  console.log(`[bench] synthetic load: ${PROVINCES} provinces × ${DISTRICTS} districts, ${loaded.targets} targets, ${loaded.results} results in ${f(performance.now() - t0)} ms`);

  // The reference: a static file served by the same server in the same run (the machine is shared and noisy).
  const home = await (await fetch(`${BASE}/`)).text();
  const staticPath = /\/_next\/static\/[^"']+\.js/.exec(home)?.[0] ?? "/readme";
  const paths = [
    staticPath,
    "/",
    "/units?q=vinh+thinh",
    "/units/92",
    "/api/v1/units?q=vinh+thinh",
    "/api/v1/units?level=commune&page=60",
    "/plans",
    "/plans?q=thu+hieu+nang+12",
    "/plans/bench-plan-1",
    "/units/B01",
    "/compare?indicator=jobs&year=2024",
    "/api/v1/progress",
    "/api/v1/progress?unit=B01&format=csv",
    "/api/v1/compare?indicator=jobs&year=2024",
  ];
  const write = async (i: number) =>
    client.query(`UPDATE "result" SET "value" = "value" + 1, "updatedAt" = now() WHERE "id" = $1`, [`bench-r-bench-t-1-1-1-${2021 + (i % 4)}`]);

  const rows: string[] = [];
  let i = 0;
  for (const path of paths) {
    await write(i++); // every first read below follows a write: the cache and summary are stale
    const first = await timeGet(path);
    const warm: number[] = [];
    for (let k = 0; k < WARM_RUNS; k++) warm.push((await timeGet(path)).ms);
    await write(i++);
    const afterWrite = await timeGet(path);
    rows.push(`${path.padEnd(42)} ${String(first.status).padStart(4)} ${f(first.ms)} ${f(median(warm))} ${f(p95(warm))} ${f(afterWrite.ms)} ${(first.bytes / 1024).toFixed(0).padStart(6)}`);
  }
  // Throughput with several readers at once (cached answers), and with a writer among them.
  const burst = async (path: string, total: number, concurrency: number, writeEvery = 0) => {
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < total) {
        const k = next++;
        if (writeEvery && k % writeEvery === 0) await write(i++);
        const r = await fetch(BASE + path);
        await r.arrayBuffer();
        if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return (total / (performance.now() - t0)) * 1000;
  };
  const throughput = [
    [`/plans/bench-plan-1, 10 readers`, await burst("/plans/bench-plan-1", 200, 10)],
    [`/api/v1/progress?unit=B01, 10 readers`, await burst("/api/v1/progress?unit=B01", 200, 10)],
    [`/units/B01, 10 readers, a write every 20 reads`, await burst("/units/B01", 200, 10, 20)],
  ] as const;

  // Unit search as a person types it: 40 commune names never asked before (so never cached),
  // each searched once without diacritics among every unit of the registry.
  const names = (
    await client.query<{ q: string }>(
      `SELECT regexp_replace("searchName", '^(xa|phuong|thi tran|dac khu) ', '') AS q FROM "admin_unit" WHERE "level" = 'COMMUNE' ORDER BY hashtext("id") LIMIT 40`,
    )
  ).rows.map((r) => r.q);
  const searches: number[] = [];
  let found = 0;
  for (const q of names) {
    const t = await timeGet(`/api/v1/units?q=${encodeURIComponent(q)}`);
    if (t.status !== 200) throw new Error(`unit search for "${q}" answered ${t.status}`);
    searches.push(t.ms);
    found++;
  }
  const statics: number[] = [];
  for (let k = 0; k < WARM_RUNS; k++) statics.push((await timeGet(staticPath)).ms);
  const unitCount = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "admin_unit"`)).rows[0]!.n);

  // A new day: every target's progress is recomputed once (simulated by marking the summary stale).
  await client.query(`UPDATE "target_progress" SET "computedFor" = DATE '2000-01-01'`);
  await write(i++);
  const day = await timeGet("/");

  console.log("");
  console.log(`${"GET".padEnd(42)} code  first  warm½  warm95 write  KiB`);
  console.log(`${"".padEnd(42)}       (ms)   (ms)   (ms)   (ms)`);
  for (const r of rows) console.log(r);
  console.log("");
  for (const [what, rps] of throughput) console.log(`[bench] throughput ${what}: ${rps.toFixed(0)} requests/s`);
  console.log(
    `[bench] unit search among ${unitCount} units, ${found} new queries (uncached) over HTTP: median ${median(searches).toFixed(1)} ms, p95 ${p95(searches).toFixed(1)} ms, max ${Math.max(...searches).toFixed(1)} ms; ` +
      `static file in the same run: median ${median(statics).toFixed(1)} ms (search median = ${(median(searches) / median(statics)).toFixed(1)}× the static file)`,
  );
  console.log(`[bench] first read on a new day (all ${loaded.targets + 18} targets' progress recomputed): GET / ${f(day.ms)} ms`);
  const tree = server?.pid ? processTree(server.pid) : [];
  const total = tree.reduce((n, p) => n + p.rssMiB, 0);
  console.log(`[bench] memory of the portal: ${tree.length ? `${total.toFixed(0)} MiB resident in all` : "n/a (no /proc)"}`);
  for (const p of tree) console.log(`[bench]   ${p.rssMiB.toFixed(0).padStart(5)} MiB  ${p.name}`);
  console.log("[bench] first = first request after a write (cache and progress summary stale); warm = cached; write = first request after one more write.");
  await client.end();
}

main()
  .catch((e) => {
    console.error(`[bench] failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    cleanup();
    for (let k = 0; k < 50 && server && server.exitCode === null; k++) await new Promise((r) => setTimeout(r, 200));
    if (existsSync(dataDir)) rmSync(dataDir, { recursive: true, force: true });
  });
