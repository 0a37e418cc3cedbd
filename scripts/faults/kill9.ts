// `kill9`: `kill -9` of the embedded portal in the middle of writes. The portal runs on a fresh
// embedded data folder; FAULTS_KILL_WRITERS (2) writers send API result batches of
// FAULTS_BATCH_ROWS (3) new rows each, continuously; each acknowledged batch is recorded. After
// FAULTS_KILL_AFTER (5) s the whole process group (the start script, which hosts PGlite, and its
// Next.js server) gets SIGKILL. The portal is started again on the same data, and the rows of
// every batch are looked for: acknowledged batches must all be there, and no batch may be there
// in part.
import { join } from "node:path";
import pg from "pg";
import { BatchWriter, classify, presence, publishedTargets, send, writableCells } from "./client";
import { adminToken, Instance, sleep, tempDir } from "./portal";
import { counts, n0, Report, s1 } from "./report";

const WRITERS = Number(process.env.FAULTS_KILL_WRITERS ?? 2);
const ROWS = Number(process.env.FAULTS_BATCH_ROWS ?? 3);
const KILL_AFTER_S = Number(process.env.FAULTS_KILL_AFTER ?? 5);

export async function kill9(port: number, say: (m: string) => void): Promise<Report> {
  const rep = new Report("kill9", "kill -9 of the embedded portal in the middle of writes");
  const dir = tempDir("kill9");
  const dataDir = join(dir, "data");
  rep.backend = `embedded PostgreSQL (PGlite) in a fresh folder ${dataDir} (deleted at the end)`;
  const portal = new Instance({ name: "portal", port, dataDir, logFile: join(dir, "portal.log") });
  say("starting the portal on a fresh embedded database…");
  const up = await portal.start(say);
  rep.add(`first start (migrate, seed${portal.built ? ", build" : ""}): ${s1(up)}`);
  const { token } = await adminToken({ dataDir }, say);
  const cells = await writableCells(portal.base, await publishedTargets(portal.base));
  const writer = new BatchWriter(portal.base, token, cells, "kill9", ROWS);
  say(`${WRITERS} writer(s) sending batches of ${ROWS} rows (${cells.length} cells to fill); kill -9 after ${KILL_AFTER_S} s…`);
  const t0 = performance.now();
  writer.start(WRITERS);
  await sleep(KILL_AFTER_S * 1000);
  const ackedBeforeKill = writer.acked.length;
  const killedAt = performance.now();
  const pids = await portal.kill9();
  say(`killed process group ${portal.pid} (${pids.join(", ")})`);
  await writer.stop();
  const inFlight = writer.batches.filter((b) => b.sentAt < killedAt && (!b.answeredAt || b.answeredAt > killedAt) && !b.ids);
  rep.add(
    `writes: ${WRITERS} writer(s), batches of ${ROWS} new rows (note "faults kill9 b<n>") for ${s1(killedAt - t0)}; ${writer.batches.length} batches sent (${counts(writer.statuses)}); ` +
      `${writer.acked.length} acknowledged (200), ${inFlight.length} in flight at the kill${writer.exhausted ? "; every writable cell was used before the kill" : ""}`,
  );
  if (writer.refusals.length) rep.add(`cells given up (refused rows): ${writer.refusals.join(" | ")}`);
  rep.add(`kill -9 of the process group ${portal.pid}: processes ${pids.join(", ")}`);

  say("starting the portal again on the same data…");
  const restart = await portal.start(say);
  rep.add(`restart on the same data: answering after ${s1(restart)}${portal.built ? " (it rebuilt first: another change of the sources)" : ""}`);
  const page = await send(portal.base, "GET", "/");
  const c = new pg.Client({ connectionString: portal.embeddedUrl() });
  c.on("error", () => undefined);
  await c.connect();
  try {
    const p = await presence((sql, params) => c.query(sql, params), writer.batches, "kill9");
    const total = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "result" WHERE "note" LIKE 'faults kill9 %'`)).rows[0]!.n;
    rep.add("");
    rep.add(`batches acknowledged:                        ${n0(writer.acked.length)} (${n0(p.ackedRows)} rows; ${ackedBeforeKill} when the kill was sent)`);
    rep.add(`acknowledged batches present afterwards:     ${n0(p.ackedPresent)} of ${n0(writer.acked.length)} (every row, with its value)`);
    rep.add(`half-present batches (expected 0):           ${p.half.length}${p.half.length ? ` (${p.half.slice(0, 5).map((h) => `${h.note}: ${h.found}/${h.of}`).join(", ")})` : ""}`);
    const f = classify(inFlight, p);
    rep.add(`batches in flight at the kill (no answer): ${inFlight.length}; afterwards whole ${f.whole}, absent ${f.absent}, half ${f.half}`);
    rep.add(`rows marked "faults kill9" in the database: ${n0(total)}; the home page after the restart: ${"status" in page ? page.status : page.error}`);
    rep.add(`restart time: ${s1(restart)} (spawn of scripts/start.ts to the first answer of /api/v1/openapi.json)`);
    if (p.ackedMissing.length) rep.finding(`kill9: ${p.ackedMissing.length} acknowledged batch(es) missing or changed after kill -9 and restart (e.g. ${p.ackedMissing.slice(0, 3).map((b) => b.note).join(", ")})`);
    if (p.half.length) rep.finding(`kill9: ${p.half.length} batch(es) half-present after kill -9 and restart`);
  } finally {
    await c.end().catch(() => undefined);
    await portal.stop();
  }
  return rep;
}

