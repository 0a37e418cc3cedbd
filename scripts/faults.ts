// npm run faults [-- <scenario>...] — what issue #13 ("Faults and load") asks the portal to
// survive, tried over HTTP against portals started as `npm start` starts them (scripts/start.ts,
// with their own build NEXT_DIST_DIR=.next-faults, PORTAL_DEMO=1 and ports from FAULTS_PORT).
// Like `npm run bench`, it prints figures and asserts nothing: what the issue expects is said
// beside each figure, and what did not behave so is listed again at the end ("FINDING").
//
// Scenarios (all by default, in this order):
//   processes  two portal processes on one PostgreSQL database: a publish through one read through
//              the other at once; a session cookie from one used on the other; 6 wrong passwords
//              for one email spread over both (how many reached a password check).
//   outage     PostgreSQL "restarted" under a running portal, SIMULATED by a TCP proxy the script
//              owns between the portal and PostgreSQL (the shared server is never restarted):
//              requests during the outage by status, their latency, the time to the first 200.
//              With FAULTS_PG_CTL (a pg_ctl command prefix for a private cluster at
//              TEST_POSTGRES_URL), the server is REALLY stopped (stop -m fast) and started
//              (start -w, with -o "$FAULTS_PG_START_OPTIONS" when set), no proxy.
//   kill9      kill -9 of the embedded portal's process group in the middle of API result
//              batches; started again on the same data: acknowledged batches present, half-present.
//   backup     `npm run admin -- backup FILE` while writes go on, `restore FILE --yes` into
//              another data folder: what the restored data holds.
//   load       FAULTS_CLIENTS concurrent clients for FAULTS_SECONDS: pages, API reads, API result
//              batches and grid saves (signed-in officers saving the result grid's form, as their
//              browser does); req/s, p50/p95, statuses, lost updates, acknowledged saves readable.
//
// PostgreSQL scenarios use throw-away databases on TEST_POSTGRES_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres), created and dropped here; embedded ones fresh
// folders under the temporary folder. Everything is removed at the end, on failure and on Ctrl-C;
// `.data/` is never touched. Knobs (environment): FAULTS_PORT (3471), FAULTS_SECONDS (60),
// FAULTS_CLIENTS (50), FAULTS_API_WRITERS (30 % of the clients), FAULTS_WRITER_ROWS (2),
// FAULTS_GRID_WRITERS (30 % of the clients), FAULTS_GRID_ROWS (1), FAULTS_GRID_ACCOUNTS (the demo
// officers, then admin@demo.gov.vn), FAULTS_LOAD_BACKENDS (embedded,postgres),
// FAULTS_OUTAGE_SECONDS (10), FAULTS_OUTAGE_CLIENTS (6), FAULTS_PG_CTL (unset: simulated outage),
// FAULTS_PG_START_OPTIONS (unset), FAULTS_PUBLISHES (5),
// FAULTS_WRONG_PASSWORDS (6), FAULTS_KILL_AFTER (5), FAULTS_KILL_WRITERS (2), FAULTS_BATCH_ROWS (3),
// FAULTS_BACKUP_AFTER (3), FAULTS_BACKUP_WRITERS (2), FAULTS_DIST_DIR (.next-faults).
// Exit 1 only if a scenario could not run to its end (a portal that does not start, say).
import { backup } from "./faults/backup";
import { kill9 } from "./faults/kill9";
import { load } from "./faults/load";
import { outage } from "./faults/outage";
import { cleanupAll, cleanupAllSync } from "./faults/portal";
import { processes } from "./faults/processes";
import type { Report } from "./faults/report";

const SCENARIOS = ["processes", "outage", "kill9", "backup", "load"] as const;
type Scenario = (typeof SCENARIOS)[number];

const args = process.argv.slice(2);
const unknown = args.filter((a) => !(SCENARIOS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`[faults] unknown scenario(s): ${unknown.join(" ")} (choose among ${SCENARIOS.join(", ")}; none: all of them)`);
  process.exit(2);
}
const chosen: Scenario[] = args.length ? SCENARIOS.filter((s) => args.includes(s)) : [...SCENARIOS];
const PORT = Number(process.env.FAULTS_PORT ?? 3471);
const LOAD_BACKENDS = (process.env.FAULTS_LOAD_BACKENDS ?? "embedded,postgres").split(",").map((s) => s.trim()).filter(Boolean);
if (LOAD_BACKENDS.some((b) => b !== "embedded" && b !== "postgres")) {
  console.error(`[faults] FAULTS_LOAD_BACKENDS: "embedded", "postgres" or both separated by a comma`);
  process.exit(2);
}

const log = (m: string) => console.log(`[faults] ${m}`);

let interrupted = false;
let signalledAt = 0;
const onSignal = (signal: NodeJS.Signals) => {
  // The portals run in process groups of their own (they do not get the terminal's Ctrl-C):
  // stop them, drop the databases and remove the folders, then leave. npm and tsx pass the
  // signal on too (a SIGINT and a SIGTERM a moment apart): only a second one later hurries.
  if (interrupted) {
    if (Date.now() - signalledAt < 2000) return;
    log(`${signal} again: quitting now (process groups killed, databases dropped, folders removed)`);
    cleanupAllSync();
    process.exit(130);
  }
  interrupted = true;
  signalledAt = Date.now();
  log(`${signal}: cleaning up (Ctrl-C again to quit at once)…`);
  void cleanupAll(log).finally(() => process.exit(130));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);
process.on("exit", () => cleanupAllSync());

async function runOne(s: Scenario): Promise<Report[]> {
  switch (s) {
    case "processes":
      return [await processes(PORT, log)];
    case "outage":
      return [await outage(PORT, log)];
    case "kill9":
      return [await kill9(PORT, log)];
    case "backup":
      return [await backup(PORT, log)];
    case "load": {
      const out: Report[] = [];
      for (const b of LOAD_BACKENDS) {
        if (interrupted) break;
        out.push(await load(b as "embedded" | "postgres", PORT, log));
        await cleanupAll(log);
      }
      return out;
    }
  }
}

async function main() {
  log(`scenarios: ${chosen.join(", ")}; portals on ports ${PORT}–${PORT + 1}, build in ${process.env.FAULTS_DIST_DIR || ".next-faults"} (the first start builds it: a few minutes)`);
  const reports: Report[] = [];
  const failures: string[] = [];
  for (const s of chosen) {
    if (interrupted) break;
    log(`— ${s} —`);
    try {
      for (const r of await runOne(s)) {
        reports.push(r);
        r.print();
      }
    } catch (e) {
      failures.push(`${s}: ${(e as Error).stack ?? String(e)}`);
      console.error(`[faults] ${s} could not run to its end: ${(e as Error).message}`);
    } finally {
      await cleanupAll(log);
    }
  }
  console.log("");
  const findings = reports.flatMap((r) => r.notes);
  if (findings.length) {
    log(`${findings.length} finding(s), not what the issue expects:`);
    for (const f of findings) console.log(`  - ${f}`);
  } else if (reports.length) {
    log("no findings: everything behaved as the issue expects.");
  }
  for (const f of failures) console.error(`[faults] FAILED ${f}`);
  if (failures.length) process.exitCode = 1;
  else log(`done (${chosen.join(", ")}); figures only, nothing asserted.`);
}

main()
  .catch((e) => {
    console.error(`[faults] failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll(log));
