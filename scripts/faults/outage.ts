// `outage`: PostgreSQL "restarted" under a running portal (docs/architecture.md, "When the
// database is away"). SIMULATED: the portal reaches a throw-away database through a small TCP
// proxy this script owns (scripts/faults/proxy.ts); the "restart" cuts every connection and
// refuses new ones for FAULTS_OUTAGE_SECONDS (10), then accepts again. The machine's PostgreSQL
// server is never restarted.
//
// FAULTS_OUTAGE_CLIENTS (6) clients send requests all along, in turn a public page, a read API
// and an API result batch (each client its own result, updated with its version), 50 ms apart.
// Figures: the requests sent during the outage by status (503 expected, JSON under /api), their
// latency p50/max, those in flight when it began, and the time from the database's return to
// the first 200 (of each kind), without restarting the portal.
import { join } from "node:path";
import { failed, newAgent, postResults, publishedTargets, refusedOf, send, statusOf, valueFor, writableCells, type Cell, type Outcome } from "./client";
import { TcpProxy } from "./proxy";
import { adminToken, ADMIN_URL, hide, Instance, sleep, tempDir, throwawayDatabase } from "./portal";
import { counts, logSummary, n0, n1, Report, s1, spread, table } from "./report";

const OUTAGE_S = Number(process.env.FAULTS_OUTAGE_SECONDS ?? 10);
const CLIENTS = Number(process.env.FAULTS_OUTAGE_CLIENTS ?? 6);
const BEFORE_S = 5;
const AFTER_S = 10;

type Kind = "page" | "api read" | "api write";
type Sent = { kind: Kind; path: string; o: Outcome; json: boolean | null; code: string | null; retryAfter: string | null };

export async function outage(port: number, say: (m: string) => void): Promise<Report> {
  const rep = new Report("outage", "PostgreSQL restarted under a running portal (SIMULATED by a TCP proxy)");
  const db = await throwawayDatabase("outage");
  const dir = tempDir("outage");
  const target = new URL(ADMIN_URL);
  const proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  const proxyPort = await proxy.listen();
  const viaProxy = new URL(db.url);
  viaProxy.hostname = "127.0.0.1";
  viaProxy.port = String(proxyPort);
  rep.backend =
    `PostgreSQL, throw-away database ${db.name} on ${hide(ADMIN_URL)} (dropped at the end), reached by the portal through this script's TCP proxy on 127.0.0.1:${proxyPort}. ` +
    `The restart is SIMULATED by the proxy (every connection cut, new ones refused for ${OUTAGE_S} s); the PostgreSQL server itself is not restarted.`;
  const portal = new Instance({ name: "portal", port, databaseUrl: viaProxy.toString(), dataDir: join(dir, "data"), logFile: join(dir, "portal.log") });
  try {
    say("starting the portal through the proxy…");
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
    cutAt = performance.now();
    const cut = await proxy.cut();
    say(`database away (proxy: ${cut} connection(s) cut, new ones refused) for ${OUTAGE_S} s…`);
    await sleep(OUTAGE_S * 1000);
    await proxy.resume();
    backAt = performance.now();
    say("database back (proxy accepting again); waiting for the first 200 of each kind…");
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
    rep.add(`requests: ${n0(sent.length)} in ${s1(total)} from ${CLIENTS} clients (a page, a read API, a result batch in turn, 50 ms apart); outage ${OUTAGE_S} s; proxy cut ${cut} connection(s)`);
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
    await proxy.close();
    await db.drop();
  }
  return rep;
}
