// `outage`: PostgreSQL restarted under a running portal (docs/architecture.md, "When the
// database is away"), in one of two modes:
//
// - SIMULATED (the default): the portal reaches a throw-away database through a small TCP proxy
//   this script owns (scripts/faults/proxy.ts); the "restart" cuts every connection and refuses
//   new ones for FAULTS_OUTAGE_SECONDS (10), then accepts again. The PostgreSQL server is never
//   restarted.
// - REAL, when FAULTS_PG_CTL is set to a pg_ctl command prefix for the server at
//   TEST_POSTGRES_URL (e.g. `runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D
//   /tmp/pgr/data -l /tmp/pgr/log`, run by `sh -c`): the portal connects to that server directly
//   (no proxy); the script runs `<prefix> stop -m fast`, waits FAULTS_OUTAGE_SECONDS, then
//   `<prefix> start -w` (with `-o "$FAULTS_PG_START_OPTIONS"` when set; unset, the port and
//   socket must be in the cluster's postgresql.conf). The server's pg_postmaster_start_time()
//   before and after is reported as evidence. Use a private cluster: TEST_POSTGRES_URL must be
//   set explicitly, and when the prefix names a data folder (-D) it must be that server's.
//
// FAULTS_OUTAGE_CLIENTS (6) clients send requests all along, in turn a public page, a read API
// and an API result batch (each client its own result, updated with its version), 50 ms apart.
// Figures: the requests sent during the outage by status (503 expected, JSON under /api), their
// latency p50/max, those in flight when it began, and the time from the database's return to
// the first 200 (of each kind), without restarting the portal.
import { spawn } from "node:child_process";
import { realpathSync } from "node:fs";
import { join } from "node:path";
import { failed, newAgent, postResults, publishedTargets, refusedOf, send, statusOf, valueFor, writableCells, type Cell, type Outcome } from "./client";
import { TcpProxy } from "./proxy";
import { adminToken, ADMIN_URL, hide, Instance, onCleanup, sleep, tempDir, throwawayDatabase, withClient } from "./portal";
import { counts, logSummary, n0, n1, Report, s1, spread, table } from "./report";

const OUTAGE_S = Number(process.env.FAULTS_OUTAGE_SECONDS ?? 10);
const CLIENTS = Number(process.env.FAULTS_OUTAGE_CLIENTS ?? 6);
const BEFORE_S = 5;
const AFTER_S = 10;
/** A pg_ctl command prefix: set, the outage really stops and starts that PostgreSQL server. */
const PG_CTL = process.env.FAULTS_PG_CTL?.trim() || "";
const PG_START_OPTIONS = process.env.FAULTS_PG_START_OPTIONS?.trim() || "";

/** `sh -c "<prefix> <args>"`: exit status, output and the milliseconds it took. */
function pgCtl(args: string): Promise<{ status: number | null; out: string; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const c = spawn("sh", ["-c", `${PG_CTL} ${args}`], { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    c.stdout.on("data", (b: Buffer) => out.push(b));
    c.stderr.on("data", (b: Buffer) => out.push(b));
    c.on("error", (e) => out.push(Buffer.from(String(e))));
    c.on("close", (status) => resolve({ status, out: Buffer.concat(out).toString("utf8").trim(), ms: performance.now() - t0 }));
  });
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const startArgs = () => `start -w${PG_START_OPTIONS ? ` -o ${quote(PG_START_OPTIONS)}` : ""}`;

/** The server's start time (changes with every real restart). */
const postmasterStart = () =>
  withClient(ADMIN_URL, async (c) => (await c.query<{ t: Date }>("SELECT pg_postmaster_start_time() AS t")).rows[0]!.t.toISOString());

/** Refuses to restart a server that is not the one FAULTS_PG_CTL names, or the default one. */
async function checkRealServer(): Promise<{ dataDir: string; started: string }> {
  if (!process.env.TEST_POSTGRES_URL) throw new Error("FAULTS_PG_CTL restarts the server at TEST_POSTGRES_URL: set TEST_POSTGRES_URL explicitly (a private cluster, not a shared one)");
  const dataDir = await withClient(ADMIN_URL, async (c) => (await c.query<{ d: string }>("SELECT current_setting('data_directory') AS d")).rows[0]!.d);
  const named = PG_CTL.match(/(?:^|\s)(?:-D\s*|--pgdata[=\s])(\S+)/)?.[1];
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  if (named && real(named) !== real(dataDir)) throw new Error(`FAULTS_PG_CTL names the data folder ${named}, but the server at ${hide(ADMIN_URL)} runs on ${dataDir}: refusing to restart it`);
  const status = await pgCtl("status");
  if (status.status !== 0) throw new Error(`FAULTS_PG_CTL: \`${PG_CTL} status\` failed (exit ${status.status}): ${status.out}`);
  return { dataDir, started: await postmasterStart() };
}

type Kind = "page" | "api read" | "api write";
type Sent = { kind: Kind; path: string; o: Outcome; json: boolean | null; code: string | null; retryAfter: string | null };

export async function outage(port: number, say: (m: string) => void): Promise<Report> {
  const real = PG_CTL !== "";
  const rep = new Report("outage", real ? "PostgreSQL REALLY restarted under a running portal (pg_ctl stop -m fast, then start)" : "PostgreSQL restarted under a running portal (SIMULATED by a TCP proxy)");
  const server = real ? await checkRealServer() : null;
  const db = await throwawayDatabase("outage");
  const dir = tempDir("outage");
  const target = new URL(ADMIN_URL);
  const proxy = real ? null : new TcpProxy(target.hostname, Number(target.port || 5432));
  let portalUrl = db.url;
  if (proxy) {
    const proxyPort = await proxy.listen();
    const viaProxy = new URL(db.url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxyPort);
    portalUrl = viaProxy.toString();
    rep.backend =
      `PostgreSQL, throw-away database ${db.name} on ${hide(ADMIN_URL)} (dropped at the end), reached by the portal through this script's TCP proxy on 127.0.0.1:${proxyPort}. ` +
      `The restart is SIMULATED by the proxy (every connection cut, new ones refused for ${OUTAGE_S} s); the PostgreSQL server itself is not restarted.`;
  } else {
    rep.backend =
      `PostgreSQL, throw-away database ${db.name} on ${hide(ADMIN_URL)} (data folder ${server!.dataDir}; dropped at the end), reached by the portal directly (no proxy). ` +
      `The restart is REAL: the server is stopped with \`${PG_CTL} stop -m fast\`, left down for ${OUTAGE_S} s, and started again with \`${PG_CTL} ${startArgs()}\`.`;
  }
  const portal = new Instance({ name: "portal", port, databaseUrl: portalUrl, dataDir: join(dir, "data"), logFile: join(dir, "portal.log") });
  // Real mode: should the script stop between the stop and the start, the server is started again.
  let serverDown = false;
  const restartAtCleanup = real
    ? onCleanup(`start the PostgreSQL server again (${PG_CTL} ${startArgs()})`, async () => {
        if (serverDown) await pgCtl(startArgs());
      })
    : null;
  try {
    say(real ? `starting the portal directly on ${hide(ADMIN_URL)} (real restart mode, FAULTS_PG_CTL)…` : "starting the portal through the proxy…");
    const up = await portal.start(say);
    const pid = portal.pid;
    rep.add(`started in ${s1(up)}${portal.built ? " (built first)" : ""}; portal process ${pid}`);
    const { token } = await adminToken({ databaseUrl: db.url, dataDir: join(dir, "cli") }, say);
    const targets = await publishedTargets(portal.base);
    const cells = (await writableCells(portal.base, targets)).filter((c) => !c.percent);
    const plan = targets[0]!.planId;
    const pages = ["/", "/plans", `/plans/${plan}`];
    const reads = ["/api/v1/plans", `/api/v1/plans/${plan}`, "/api/v1/progress?pageSize=50"];

    const sent: Sent[] = [];
    let running = true;
    let cutAt = NaN;
    let backAt = NaN;
    const client = async (k: number) => {
      const agent = newAgent(1);
      const cell: Cell = cells[k % cells.length]!;
      let version: number | undefined;
      let n = 0;
      try {
        while (running) {
          const kind: Kind = (["page", "api read", "api write"] as const)[(k + n) % 3]!;
          n++;
          let path: string;
          let o: Outcome;
          if (kind === "api write") {
            path = "/api/v1/results";
            o = await postResults(portal.base, token, [{ targetId: cell.targetId, unitCode: cell.unitCode, year: cell.year, value: valueFor(cell, n), ...(version ? { version } : {}) }], agent, 60_000);
            if (!failed(o) && o.status === 200) version = (JSON.parse(o.body.toString("utf8")) as { data: { version: number }[] }).data[0]?.version;
            else if (!failed(o) && o.status === 409) {
              // A write whose answer was lost in the cut may have been saved: carry on from the stored version.
              const current = refusedOf(o)?.error.details?.[0]?.current?.version;
              if (current) version = current;
            }
          } else {
            path = kind === "page" ? pages[n % pages.length]! : reads[n % reads.length]!;
            o = await send(portal.base, "GET", path, { agent, timeoutMs: 60_000 });
          }
          const api = path.startsWith("/api/");
          const type = failed(o) ? "" : String(o.headers["content-type"] ?? "");
          let code: string | null = null;
          if (!failed(o) && o.status >= 500 && type.includes("json")) {
            try {
              code = (JSON.parse(o.body.toString("utf8")) as { error?: { code?: string } }).error?.code ?? null;
            } catch {
              code = "unreadable";
            }
          }
          sent.push({ kind, path, o, json: failed(o) || !api ? null : type.includes("application/json"), code, retryAfter: failed(o) ? null : ((o.headers["retry-after"] as string | undefined) ?? null) });
          await sleep(50);
        }
      } finally {
        agent.destroy();
      }
    };
    const t0 = performance.now();
    const loops = Array.from({ length: CLIENTS }, (_, k) => client(k));
    say(`${CLIENTS} clients for ${BEFORE_S} s before the outage…`);
    await sleep(BEFORE_S * 1000);
    let cut = 0;
    let how = "";
    if (proxy) {
      cutAt = performance.now();
      cut = await proxy.cut();
      say(`database away (proxy: ${cut} connection(s) cut, new ones refused) for ${OUTAGE_S} s…`);
      await sleep(OUTAGE_S * 1000);
      await proxy.resume();
      backAt = performance.now();
      how = `proxy cut ${cut} connection(s)`;
      say("database back (proxy accepting again); waiting for the first 200 of each kind…");
    } else {
      cut = await withClient(ADMIN_URL, async (c) => Number((await c.query<{ n: string }>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1", [db.name])).rows[0]!.n));
      cutAt = performance.now();
      serverDown = true;
      const stop = await pgCtl("stop -m fast");
      if (stop.status !== 0) throw new Error(`\`${PG_CTL} stop -m fast\` failed (exit ${stop.status}): ${stop.out}`);
      say(`PostgreSQL server STOPPED (pg_ctl stop -m fast, ${n0(stop.ms)} ms; ${cut} connection(s) of the portal's database open before); down for ${OUTAGE_S} s…`);
      await sleep(OUTAGE_S * 1000);
      const start = await pgCtl(startArgs());
      if (start.status !== 0) throw new Error(`\`${PG_CTL} ${startArgs()}\` failed (exit ${start.status}): ${start.out}`);
      serverDown = false;
      backAt = performance.now();
      const startedAgain = await postmasterStart();
      how =
        `server REALLY stopped and started: stop -m fast took ${n0(stop.ms)} ms, start -w ${n0(start.ms)} ms, down ${s1(backAt - cutAt)} in all; ` +
        `${cut} connection(s) of the portal's database open at the stop; pg_postmaster_start_time() ${server!.started} before, ${startedAgain} after` +
        (startedAgain === server!.started ? " (UNCHANGED: not restarted?)" : "");
      if (startedAgain === server!.started) rep.finding("outage: the server's start time did not change across the restart");
      say(`PostgreSQL server STARTED again (pg_ctl start -w, ${n0(start.ms)} ms); waiting for the first 200 of each kind…`);
    }
    const firstOk = (kind?: Kind) => sent.find((s) => (!kind || s.kind === kind) && s.o.t0 >= backAt && !failed(s.o) && s.o.status === 200);
    const deadline = backAt + 120_000;
    while (performance.now() < deadline && !(["page", "api read", "api write"] as const).every((k) => firstOk(k))) await sleep(100);
    await sleep(AFTER_S * 1000);
    running = false;
    await Promise.all(loops);
    const total = performance.now() - t0;

    const during = sent.filter((s) => s.o.t0 >= cutAt && s.o.t0 < backAt);
    const inFlight = sent.filter((s) => s.o.t0 < cutAt && s.o.t1 > cutAt);
    const after = sent.filter((s) => s.o.t0 >= backAt);
    const before = sent.filter((s) => s.o.t1 <= cutAt);
    rep.add(`requests: ${n0(sent.length)} in ${s1(total)} from ${CLIENTS} clients (a page, a read API, a result batch in turn, 50 ms apart); outage ${OUTAGE_S} s; ${how}`);
    rep.add("");
    rep.add(
      ...table(
        ["requests", "count", "by status", "p50 ms", "max ms"],
        [
          ["answered before the outage", before],
          ["in flight when it began", inFlight],
          ["sent during the outage", during],
          ...(["page", "api read", "api write"] as const).map((k) => [`  of which ${k}`, during.filter((s) => s.kind === k)] as const),
          ["sent after the database's return", after],
        ].map(([label, xs]) => {
          const list = xs as Sent[];
          const sp = spread(list.map((s) => s.o.ms));
          return [label as string, n0(list.length), counts(list.map((s) => statusOf(s.o))), n1(sp.p50), n1(sp.max)];
        }),
      ),
    );
    const api503 = during.filter((s) => s.path.startsWith("/api/") && !failed(s.o) && s.o.status === 503);
    const api503Json = api503.filter((s) => s.json && s.code === "unavailable").length;
    const retry = during.filter((s) => !failed(s.o) && s.o.status === 503 && s.retryAfter).length;
    const all503 = during.filter((s) => !failed(s.o) && s.o.status === 503).length;
    rep.add("");
    const noRetry = during.filter((s) => !failed(s.o) && s.o.status === 503 && !s.retryAfter);
    rep.add(
      `503 answers under /api/ during the outage that are JSON {"error":{"code":"unavailable"}}: ${api503Json} of ${api503.length}; with Retry-After: ${retry} of ${all503}` +
        (noRetry.length ? ` (without: ${counts(noRetry.map((s) => `${s.kind} ${s.path.split("?")[0]}`))}, i.e. answered by Next.js's route, not the server's outage gate)` : ""),
    );
    const back = firstOk();
    rep.add(
      `time from the database's return to the first 200: ${back ? `${n0(back.o.t1 - backAt)} ms (${back.kind} ${back.path})` : "none within 120 s"}; by kind: ` +
        (["page", "api read", "api write"] as const).map((k) => {
          const f = firstOk(k);
          return `${k} ${f ? `${n0(f.o.t1 - backAt)} ms` : "none"}`;
        }).join(", "),
    );
    const stillBad = after.filter((s) => failed(s.o) || s.o.status !== 200);
    const last503 = after.filter((s) => !failed(s.o) && s.o.status === 503).at(-1);
    rep.add(
      `after the return: ${n0(after.length)} requests, not 200: ${counts(stillBad.map((s) => statusOf(s.o)))}` +
        (last503 ? `; the last 503 was sent ${n0(last503.o.t0 - backAt)} ms after the return` : ""),
    );
    rep.add(`the portal was not restarted: process ${pid} ${portal.running && portal.pid === pid ? "still running" : "GONE"}`);

    const bad5xx = [...during, ...inFlight, ...after].filter((s) => !failed(s.o) && s.o.status >= 500 && s.o.status !== 503);
    if (bad5xx.length) {
      const ex = bad5xx[0]!;
      rep.finding(`outage: ${bad5xx.length} answer(s) other than 503 among the 5xx (${counts(bad5xx.map((s) => `${statusOf(s.o)} ${s.kind}`))}); e.g. ${ex.path}: ${(failed(ex.o) ? "" : ex.o.body.toString("utf8")).slice(0, 160).replace(/\s+/g, " ")}`);
    }
    const refused = [...during, ...after].filter((s) => failed(s.o));
    if (refused.length) rep.finding(`outage: ${refused.length} request(s) failed outright (${counts(refused.map((s) => statusOf(s.o)))})`);
    if (api503.length !== api503Json) rep.finding(`outage: ${api503.length - api503Json} 503 answer(s) under /api/ were not the JSON "unavailable" error`);
    if (!back) rep.finding("outage: no 200 within 120 s of the database's return");
    else if (stillBad.some((s) => failed(s.o) || s.o.status !== 503)) rep.finding(`outage: after the database's return, ${stillBad.length} request(s) were not answered 200 (${counts(stillBad.filter((s) => failed(s.o) || s.o.status !== 503).map((s) => `${statusOf(s.o)} ${s.kind}`))})`);
    rep.add(...logSummary(portal));
  } finally {
    await portal.stop();
    await proxy?.close();
    await restartAtCleanup?.now();
    await db.drop();
  }
  return rep;
}
