// `backup`: `npm run admin -- backup FILE` while the embedded portal runs and writers send API
// result batches, then `npm run admin -- restore FILE --yes` into another data folder
// (PORTAL_DATA_DIR; the portal stopped). The restored data is opened and every batch looked for:
// each batch acknowledged before the backup began must be there whole, and no batch may be there
// in part (a backup is one snapshot). When this checkout's `npm run admin` does not know
// backup/restore yet, scripts/faults/backup-runner.ts calls backupCommand/restoreCommand of
// scripts/backup-commands.ts instead, and the report says so.
import { statSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { startEmbeddedHost } from "../../lib/db/embedded";
import { BatchWriter, classify, presence, publishedTargets, writableCells } from "./client";
import { adminHasBackup, adminToken, Instance, ROOT, runAdmin, runCommand, sleep, tempDir, type AdminRun } from "./portal";
import { counts, n0, Report, s1, spread } from "./report";

const WRITERS = Number(process.env.FAULTS_BACKUP_WRITERS ?? 2);
const ROWS = Number(process.env.FAULTS_BATCH_ROWS ?? 3);
const BEFORE_S = Number(process.env.FAULTS_BACKUP_AFTER ?? 3);
const TAIL_S = 2;

export async function backup(port: number, say: (m: string) => void): Promise<Report> {
  const rep = new Report("backup", "backup while the portal runs, restore into another data folder");
  const dir = tempDir("backup");
  const dataDir = join(dir, "data");
  const restoredDir = join(dir, "restored");
  const file = join(dir, "portal.backup");
  const viaAdmin = adminHasBackup();
  rep.backend = `embedded PostgreSQL (PGlite) in a fresh folder ${dataDir}; restored into ${restoredDir} (both deleted at the end)`;
  const run = (args: string[], data: string): Promise<AdminRun> =>
    viaAdmin
      ? runAdmin(args, { dataDir: data })
      : runCommand(process.execPath, ["--import", "tsx", join(ROOT, "scripts", "faults", "backup-runner.ts"), ...args], { ...withoutDb(process.env), PORTAL_DATA_DIR: data });
  rep.add(
    viaAdmin
      ? "commands: npm run admin -- backup FILE; npm run admin -- restore FILE --yes"
      : "commands: `npm run admin` does not know backup/restore in this checkout yet: backupCommand/restoreCommand of scripts/backup-commands.ts called through scripts/faults/backup-runner.ts (tsx)",
  );

  const portal = new Instance({ name: "portal", port, dataDir, logFile: join(dir, "portal.log") });
  let writer: BatchWriter | null = null;
  try {
    say("starting the portal on a fresh embedded database…");
    const up = await portal.start(say);
    rep.add(`started in ${s1(up)}${portal.built ? " (built first)" : ""}`);
    const { token } = await adminToken({ dataDir }, say);
    const cells = await writableCells(portal.base, await publishedTargets(portal.base));
    writer = new BatchWriter(portal.base, token, cells, "backup", ROWS);
    say(`${WRITERS} writer(s) sending batches of ${ROWS} rows; the backup after ${BEFORE_S} s…`);
    writer.start(WRITERS);
    await sleep(BEFORE_S * 1000);
    // Acknowledged before the backup began: answered before the command was spawned.
    const began = performance.now();
    const before = writer.acked.filter((b) => b.answeredAt! <= began);
    say(`backup (${before.length} batches acknowledged so far)…`);
    const b = await run(["backup", file], dataDir);
    const ended = performance.now();
    say(`backup done in ${s1(b.ms)} (exit ${b.status}); writes go on ${TAIL_S} s more`);
    await sleep(TAIL_S * 1000);
    await writer.stop();
    const during = writer.batches.filter((x) => x.answeredAt && x.ids && x.answeredAt > began && x.sentAt < ended);
    const after = writer.batches.filter((x) => x.sentAt >= ended);
    rep.add(
      `writes: ${WRITERS} writer(s), batches of ${ROWS} new rows (note "faults backup b<n>"); ${writer.batches.length} batches sent (${counts(writer.statuses)}), ` +
        `${writer.acked.length} acknowledged: ${before.length} before the backup began, ${during.length} answered while it ran, ${after.length} sent after it ended`,
    );
    const latDuring = spread(during.map((x) => x.answeredAt! - x.sentAt));
    const latBefore = spread(before.map((x) => x.answeredAt! - x.sentAt));
    rep.add(
      `write latency (a batch's answer): before the backup p50 ${n0(latBefore.p50)} ms, max ${n0(latBefore.max)} ms (${latBefore.n} batches); ` +
        `while it ran p50 ${n0(latDuring.p50)} ms, max ${n0(latDuring.max)} ms (${latDuring.n} batches)`,
    );
    if (writer.refusals.length) rep.add(`cells given up (refused rows): ${writer.refusals.join(" | ")}`);
    rep.add(`backup: exit ${b.status} in ${s1(b.ms)}, ${exists(file) ? `${n0(statSync(file).size / 1024)} KB` : "no file"}; it said: ${b.stderr.trim().split("\n").filter((l) => !/^\s*$/.test(l)).slice(-1)[0] ?? ""}`);
    if (b.status !== 0) {
      rep.finding(`backup: the backup command failed while the portal ran (exit ${b.status}): ${b.stderr.trim().slice(-400)}`);
      return rep;
    }

    say("stopping the portal; restoring into another data folder…");
    await portal.stop();
    const r = await run(["restore", file, "--yes"], restoredDir);
    rep.add(`restore into ${restoredDir} (portal stopped): exit ${r.status} in ${s1(r.ms)}; it said: ${r.stderr.trim().split("\n").filter((l) => !/^\s*$/.test(l)).slice(-2).join(" ")}`);
    if (r.status !== 0) {
      rep.finding(`backup: the restore failed (exit ${r.status}): ${r.stderr.trim().slice(-400)}`);
      return rep;
    }

    const host = await startEmbeddedHost(restoredDir);
    const c = new pg.Client({ connectionString: host.url });
    c.on("error", () => undefined);
    try {
      await c.connect();
      const p = await presence((sql, params) => c.query(sql, params), writer.batches, "backup");
      const rows = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "result" WHERE "note" LIKE 'faults backup %'`)).rows[0]!.n;
      const results = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "result"`)).rows[0]!.n;
      const beforeFound = classify(before, p);
      const duringFound = classify(during, p);
      const afterFound = classify(after, p);
      const backupRows = /(\d[\d,.]*) rows/.exec(b.stderr)?.[1] ?? "?";
      rep.add("");
      rep.add(`rows in the backup: ${backupRows} (every table); in the restored data: ${n0(results)} results, of which ${n0(rows)} written by the writers`);
      rep.add(`batches acknowledged before the backup began: ${before.length}; in the restored data whole: ${beforeFound.whole} -> every one there: ${beforeFound.whole === before.length ? "yes" : "NO"}`);
      rep.add(
        `batches answered while the backup command ran: ${during.length}; whole ${duringFound.whole}, absent ${duringFound.absent} ` +
          `(either is right: its snapshot is taken once the command has started, npm and tsx first)`,
      );
      rep.add(`batches sent after the backup ended: ${after.length}; whole ${afterFound.whole} (expected 0), absent ${afterFound.absent}`);
      rep.add(`half-present batches (expected 0): ${p.half.length} -> no batch half-present: ${p.half.length === 0 ? "yes" : "NO"}`);
      if (beforeFound.whole !== before.length) rep.finding(`backup: ${before.length - beforeFound.whole} batch(es) acknowledged before the backup began are not whole in the restored data`);
      if (p.half.length) rep.finding(`backup: ${p.half.length} batch(es) half-present in the restored data`);
      if (afterFound.whole) rep.finding(`backup: ${afterFound.whole} batch(es) sent after the backup ended are in it`);
    } finally {
      await c.end().catch(() => undefined);
      await host.close();
    }
  } finally {
    await writer?.stop();
    await portal.stop();
  }
  return rep;
}

function exists(f: string): boolean {
  try {
    statSync(f);
    return true;
  } catch {
    return false;
  }
}

function withoutDb(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const e = { ...env };
  delete e.DATABASE_URL;
  return e;
}
