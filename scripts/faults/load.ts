// `load`: FAULTS_CLIENTS (50) concurrent clients for FAULTS_SECONDS (60), each with its own
// keep-alive connection, sending its next request as soon as the last is answered:
// - FAULTS_API_WRITERS (30 %: 15) API writers: each owns FAULTS_WRITER_ROWS (2) cells (target,
//   unit, year) no other writer touches, and sends batches (POST /api/v1/results) updating them,
//   each with the version of its last answer;
// - FAULTS_GRID_WRITERS (30 %: 15) grid writers: each signs in as a demo account (the first of
//   FAULTS_GRID_ACCOUNTS whose grid of the plan has rows to enter: the province's officer) and
//   owns FAULTS_GRID_ROWS (1) rows of one plan's result grid no other writer touches; each cycle
//   reads the grid page (/workspace/plans/{id}/results) and saves it as the officer's browser
//   does ("Lưu nháp": the page's server action, every row of the form posted, its own typed in;
//   ./grid.ts says how), then checks on the next read that the page shows what was acknowledged;
// - the other clients read: half public pages (/, /plans, a plan, a province, /compare) as
//   anonymous browsers, half the API (plans, a plan, progress, units).
// Afterwards every writer's last acknowledged value and version are compared with the database's
// (a lost update: the database holds something else), and every grid writer reads its grid once
// more (an acknowledged save not shown). Backends: FAULTS_LOAD_BACKENDS ("embedded,postgres";
// the embedded database in a fresh folder, PostgreSQL a throw-away database).
import type http from "node:http";
import { join } from "node:path";
import pg from "pg";
import { failed, newAgent, postResults, publishedTargets, refusedOf, savedOf, send, signIn, statusOf, valueFor, writableCells, type Cell, type Outcome, type Target } from "./client";
import { actionStateOf, getGrid, parseGridPage, postGridSave, rowKey, typed, type Edit, type GridPage } from "./grid";
import { adminToken, ADMIN_URL, DEMO_PASSWORD, hide, Instance, tempDir, throwawayDatabase } from "./portal";
import { counts, logSummary, n0, n1, Report, s1, spread, table } from "./report";

const CLIENTS = Number(process.env.FAULTS_CLIENTS ?? 50);
const SECONDS = Number(process.env.FAULTS_SECONDS ?? 60);
const WRITER_ROWS = Number(process.env.FAULTS_WRITER_ROWS ?? 2);
const API_WRITERS = Number(process.env.FAULTS_API_WRITERS ?? Math.max(1, Math.round(CLIENTS * 0.3)));
const GRID_WRITERS = Number(process.env.FAULTS_GRID_WRITERS ?? Math.round(CLIENTS * 0.3));
const GRID_ROWS = Number(process.env.FAULTS_GRID_ROWS ?? 1);
const GRID_ACCOUNTS = (process.env.FAULTS_GRID_ACCOUNTS ?? "soctrang@demo.gov.vn,sonla@demo.gov.vn,baclieu@demo.gov.vn,admin@demo.gov.vn")
  .split(",")
  .map((s) => s.trim())
  .filter(Boolean);
/** A baseline typed where the grid asks for one (rates) and none is stored: a decrease needs it. */
const GRID_BASELINE = 60;

type Kind = "page" | "api read" | "api write" | "grid page" | "grid save";
type Owned = { cell: Cell; id?: string; version?: number; value?: number; uncertain: boolean };
/** A grid writer's row: its last acknowledged value and the version the save made (the page's + 1). */
type GridOwned = { key: string; cell: Cell; value?: number; version?: number; uncertain: boolean };
type GridWriter = { planId: string; email: string; session: string; rows: GridOwned[] };

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

    const writers = API_WRITERS;
    const readers = CLIENTS - API_WRITERS - GRID_WRITERS;
    if (!Number.isInteger(GRID_ROWS) || GRID_ROWS < 1) throw new Error(`FAULTS_GRID_ROWS: a whole number from 1 (${process.env.FAULTS_GRID_ROWS})`);
    if (writers < 0 || GRID_WRITERS < 0 || readers < 0) throw new Error(`FAULTS_API_WRITERS (${API_WRITERS}) + FAULTS_GRID_WRITERS (${GRID_WRITERS}) exceed FAULTS_CLIENTS (${CLIENTS})`);
    const pageReaders = Math.ceil(readers / 2);
    const apiReaders = readers - pageReaders;
    const kinds: Kind[] = Array.from({ length: CLIENTS }, (_, i) =>
      i < writers ? "api write" : i < writers + GRID_WRITERS ? "grid save" : i < writers + GRID_WRITERS + pageReaders ? "page" : "api read",
    );

    // The grid writers' rows first (a grid has few rows), then the API writers' cells among the others.
    const grid = GRID_WRITERS > 0 ? await gridWriters(portal.base, targets, say) : { writers: [] as GridWriter[], accounts: new Map<string, string>() };
    const gridKeys = new Set(grid.writers.flatMap((w) => w.rows.map((x) => x.key)));
    const apiCells = cells.filter((c) => !gridKeys.has(rowKey(c.targetId, c.unitCode, c.year)));
    if (writers * WRITER_ROWS > apiCells.length) throw new Error(`only ${apiCells.length} writable cells for ${writers} writers × ${WRITER_ROWS}`);
    // Spread the writers' cells over the targets: every writer's own, none shared.
    const spreadCells = [...apiCells].sort((a, b) => hash(`${a.targetId}|${a.unitCode}|${a.year}`) - hash(`${b.targetId}|${b.unitCode}|${b.year}`));
    const owned: Owned[][] = Array.from({ length: writers }, (_, w) => spreadCells.slice(w * WRITER_ROWS, (w + 1) * WRITER_ROWS).map((cell) => ({ cell, uncertain: false })));

    type Rec = { kind: Kind; o: Outcome; label?: string };
    const recs: Rec[] = [];
    const refusals: string[] = [];
    const gridRefusals: string[] = [];
    const gridTrouble: string[] = [];
    let staleReads = 0;
    const staleExamples: string[] = [];
    let stop = false;

    /** One grid writer: read the grid, check it shows the last acknowledged save, type, save. */
    const gridClient = async (g: number, i: number, agent: http.Agent) => {
      const w = grid.writers[g]!;
      let n = 0;
      while (!stop) {
        n++;
        const got = await getGrid(portal.base, w.planId, w.session, agent, 300_000);
        recs.push({ kind: "grid page", o: got });
        if (failed(got) || got.status !== 200) continue; // an error page: read it again
        const page = parseGridPage(got.body.toString("utf8"), w.planId);
        if (!page.saveActionId) {
          if (gridTrouble.length < 5) gridTrouble.push(`${w.planId}: a grid page without its save action`);
          continue;
        }
        const edits: (Edit & { x: GridOwned; pageVersion: number })[] = [];
        for (const [k, x] of w.rows.entries()) {
          const r = page.rows.get(x.key);
          if (!r) {
            // The row is not on the page any more (or not editable): this writer cannot save it.
            if (gridTrouble.length < 5) gridTrouble.push(`${x.key}: not an editable row of the grid any more`);
            x.uncertain = true;
            continue;
          }
          if (x.value !== undefined && !x.uncertain && (r.value0 !== typed(x.value) || r.version !== x.version)) {
            // Read after the acknowledgement, by the one who wrote it: the page should show it.
            staleReads++;
            if (staleExamples.length < 3) staleExamples.push(`${x.key}: acknowledged ${typed(x.value)} v${x.version}, the page showed "${r.value0}" v${r.version ?? "–"}`);
          }
          let value = valueFor(x.cell, n * 100 + i + k);
          if (typed(value) === r.value0) value = valueFor(x.cell, n * 100 + i + k + 50);
          edits.push({ key: x.key, value, ...(r.baseline0 === "" ? { baseline: GRID_BASELINE } : {}), x, pageVersion: r.version ?? 0 });
        }
        if (edits.length === 0) return;
        const o = await postGridSave(portal.base, page, edits, w.session, agent, 300_000);
        const state = actionStateOf(o);
        const label = failed(o) || o.status !== 200 ? undefined : !state ? "200 not an action's answer" : state.ok ? "200" : "200 refused";
        recs.push({ kind: "grid save", o, label });
        if (state?.ok) {
          // Acknowledged: the rows the answer says it wrote (savedKeys), each now one version past the page's.
          for (const e of edits) {
            if (state.savedKeys?.includes(e.key)) Object.assign(e.x, { value: e.value, version: e.pageVersion + 1, uncertain: false });
            else {
              if (gridTrouble.length < 5) gridTrouble.push(`${e.key}: a save acknowledged without this row among those written`);
              e.x.uncertain = true;
            }
          }
        } else if (state) {
          // Refused as a whole (the write path's all or nothing): the rows hold what they held.
          const why = [state.message, ...Object.values(state.conflicts ?? {}).map((c) => c.message), ...Object.values(state.fieldErrors ?? {}).flat(), ...(state.details ?? [])];
          if (gridRefusals.length < 5) gridRefusals.push(`${w.planId}: ${why.filter(Boolean).join(" ").slice(0, 200)}`);
        } else {
          // No answer to read (failed, 5xx): the save may or may not have happened until the next one is acknowledged.
          for (const e of edits) e.x.uncertain = true;
        }
      }
    };

    const client = async (i: number) => {
      const agent = newAgent(1);
      const kind = kinds[i]!;
      let n = 0;
      try {
        if (kind === "grid save") return await gridClient(i - writers, i, agent);
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
    say(`${CLIENTS} clients (${pageReaders} pages, ${apiReaders} API reads, ${writers} API writers × ${WRITER_ROWS} rows, ${GRID_WRITERS} grid writers × ${GRID_ROWS} row(s)) for ${SECONDS} s…`);
    const t0 = performance.now();
    const loops = Array.from({ length: CLIENTS }, (_, i) => client(i));
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    stop = true;
    await Promise.all(loops);
    const elapsed = (performance.now() - t0) / 1000;

    rep.add(
      `clients: ${CLIENTS} (${pageReaders} public pages, ${apiReaders} API reads, ${writers} API writers each owning ${WRITER_ROWS} rows, ` +
        `${GRID_WRITERS} grid writers each owning ${GRID_ROWS} row(s) of a plan's grid), one keep-alive connection each, ` +
        `${SECONDS} s (requests in flight at the end waited for: ${n1(elapsed)} s in all)`,
    );
    rep.add(`pages: ${pages.join(", ")}; API reads: ${reads.join(", ")}; API writes: POST /api/v1/results, drafts, each row with its last version`);
    if (grid.writers.length) {
      const perPlan = [...grid.accounts].map(([p, email]) => `${p} as ${email} (${grid.writers.filter((w) => w.planId === p).length} writers)`);
      rep.add(
        `grid writes: each cycle GET /workspace/plans/{id}/results signed in, then its "Lưu nháp" POSTed to that address with the Next-Action header ` +
          `(the form has no no-JavaScript action: fetch protocol, action id from the page), every row of the form, the writer's own typed in (drafts); ` +
          `${perPlan.join(", ")}`,
      );
    }
    rep.add("");
    const rows = (["page", "api read", "api write", "grid page", "grid save", "all"] as const).map((k) => {
      const xs = recs.filter((r) => k === "all" || r.kind === k);
      const sp = spread(xs.map((r) => r.o.ms));
      const gets = xs.filter((r) => r.kind !== "api write" && r.kind !== "grid save" && !failed(r.o));
      const share = (v: string) => (gets.length ? `${n0((gets.filter((r) => !failed(r.o) && String(r.o.headers["x-portal-cache"]) === v).length / gets.length) * 100)} %` : "–");
      const hits = spread(gets.filter((r) => !failed(r.o) && r.o.headers["x-portal-cache"] === "hit").map((r) => r.o.ms));
      return [k, n0(xs.length), n1(xs.length / elapsed), n1(sp.p50), n1(sp.p95), n1(sp.max), share("hit"), share("wait"), n1(hits.p50), counts(xs.map((r) => r.label ?? statusOf(r.o)))];
    });
    rep.add(...table(["kind", "requests", "req/s", "p50 ms", "p95 ms", "max ms", "cache hit", "cache wait", "hit p50 ms", "by status"], rows));
    rep.add(
      "cache hit / wait = GETs answered from the response cache at once / after waiting for another reader's render of the same address (x-portal-cache); " +
        "every acknowledged write, a draft too, bumps the public data version, so the next read of each address renders again. " +
        'Grid pages are signed in (never cached); a grid save\'s "200" is an acknowledged save ({ok: true}), "200 refused" the action\'s refusal.',
    );

    // Lost updates: the database against every writer's last acknowledgement.
    const url = db ? db.url : portal.embeddedUrl();
    const c = new pg.Client({ connectionString: url });
    c.on("error", () => undefined);
    await c.connect();
    let lost = 0;
    let checked = 0;
    let gridLost = 0;
    let gridChecked = 0;
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
      // The grid writers' rows, by (target, unit code, year): a save's answer names no result id.
      const mine = grid.writers.flatMap((w) => w.rows).filter((x) => x.value !== undefined && !x.uncertain);
      if (mine.length) {
        const got = await c.query<{ targetId: string; code: string; year: number; value: number; version: number }>(
          `SELECT r."targetId", u."code", r."year", r."value"::float8 AS "value", r."version" FROM "result" r JOIN "admin_unit" u ON u."id" = r."unitId" WHERE r."targetId" = ANY($1)`,
          [[...new Set(mine.map((x) => x.cell.targetId))]],
        );
        const byKey = new Map(got.rows.map((r) => [rowKey(r.targetId, r.code, r.year), r]));
        for (const x of mine) {
          gridChecked++;
          const r = byKey.get(x.key);
          if (!r || Number(r.value) !== x.value || r.version !== x.version) {
            gridLost++;
            if (examples.length < 3) examples.push(`grid ${x.key}: acknowledged ${x.value} v${x.version}, database ${r ? `${r.value} v${r.version}` : "no row"}`);
          }
        }
      }
    } finally {
      await c.end().catch(() => undefined);
    }
    // Readable afterwards through the grid: each grid writer reads its page once more (not counted above).
    let unreadable = 0;
    let readChecked = 0;
    const unreadableExamples: string[] = [];
    for (const w of grid.writers) {
      const mine = w.rows.filter((x) => x.value !== undefined && !x.uncertain);
      if (mine.length === 0) continue;
      const got = await getGrid(portal.base, w.planId, w.session, undefined, 120_000);
      const page: GridPage | null = !failed(got) && got.status === 200 ? parseGridPage(got.body.toString("utf8"), w.planId) : null;
      for (const x of mine) {
        readChecked++;
        const r = page?.rows.get(x.key);
        if (!r || r.value0 !== typed(x.value!) || r.version !== x.version) {
          unreadable++;
          if (unreadableExamples.length < 3) unreadableExamples.push(`${x.key}: acknowledged ${typed(x.value!)} v${x.version}, the page ${page ? `showed "${r?.value0 ?? "no row"}" v${r?.version ?? "–"}` : `answered ${statusOf(got)}`}`);
        }
      }
    }
    const acks = recs.filter((r) => r.kind === "api write" && !failed(r.o) && r.o.status === 200).length;
    const uncertain = owned.flat().filter((x) => x.uncertain).length;
    const gridSaves = recs.filter((r) => r.kind === "grid save");
    const gridAcks = gridSaves.filter((r) => r.label === "200").length;
    const gridRefused = gridSaves.filter((r) => r.label === "200 refused").length;
    const gridUncertain = grid.writers.flatMap((w) => w.rows).filter((x) => x.uncertain).length;
    rep.add("");
    rep.add(`acknowledged API write batches: ${n0(acks)}; rows checked against their last acknowledgement: ${checked}${uncertain ? ` (${uncertain} left out: their last batch had no 200)` : ""}`);
    if (grid.writers.length) {
      rep.add(
        `acknowledged grid saves: ${n0(gridAcks)} (refused: ${n0(gridRefused)}); grid rows checked against their last acknowledgement: ${gridChecked}` +
          `${gridUncertain ? ` (${gridUncertain} left out: their last save had no readable answer)` : ""}`,
      );
    }
    rep.add(`lost updates (expected 0): ${lost + gridLost}${grid.writers.length ? ` (API ${lost}, grid ${gridLost})` : ""}${examples.length ? ` (${examples.join("; ")})` : ""}`);
    if (grid.writers.length) {
      rep.add(`grid pages read after the writer's own acknowledged save not showing it (expected 0): ${staleReads}${staleExamples.length ? ` (${staleExamples.join("; ")})` : ""}`);
      rep.add(`acknowledged grid saves not readable on the grid afterwards (expected 0): ${unreadable} of ${readChecked}${unreadableExamples.length ? ` (${unreadableExamples.join("; ")})` : ""}`);
    }
    if (refusals.length) rep.add(`refused batches: ${refusals.join(" | ")}`);
    if (gridRefusals.length) rep.add(`refused grid saves: ${gridRefusals.join(" | ")}`);
    if (gridTrouble.length) rep.add(`grid writers' trouble: ${gridTrouble.join(" | ")}`);
    const fivexx = recs.filter((r) => !failed(r.o) && r.o.status >= 500);
    const errors = recs.filter((r) => failed(r.o));
    if (fivexx.length) rep.finding(`load (${backend}): ${fivexx.length} answer(s) 5xx (${counts(fivexx.map((r) => `${statusOf(r.o)} ${r.kind}`))})`);
    if (errors.length) rep.finding(`load (${backend}): ${errors.length} request(s) failed outright (${counts(errors.map((r) => `${statusOf(r.o)} ${r.kind}`))})`);
    if (lost) rep.finding(`load (${backend}): ${lost} lost update(s)`);
    if (gridLost) rep.finding(`load (${backend}): ${gridLost} lost grid update(s)`);
    if (gridRefused) rep.finding(`load (${backend}): ${gridRefused} grid save(s) refused, though each writer owns its rows`);
    if (staleReads) rep.finding(`load (${backend}): ${staleReads} grid page(s) read by the writer after its acknowledged save not showing it`);
    if (unreadable) rep.finding(`load (${backend}): ${unreadable} acknowledged grid save(s) not readable on the grid afterwards`);
    if (gridTrouble.length) rep.finding(`load (${backend}): grid writers in trouble (${gridTrouble.length}): ${gridTrouble[0]}`);
    const odd = gridSaves.filter((r) => r.label === "200 not an action's answer").length;
    if (odd) rep.finding(`load (${backend}): ${odd} grid save(s) answered 200 without an action's state`);
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

/**
 * The grid writers and their rows. For each plan with published targets, the first account of
 * FAULTS_GRID_ACCOUNTS whose grid shows rows to enter; its rows a writer may own: editable,
 * without a stored result other than a draft, and not a count with a parent or sub-target (a
 * sub-target's count is checked against its parent's: two writers' values could refuse each
 * other). Writers go to the plans in turn, FAULTS_GRID_ROWS rows of one plan each; each signs in
 * with its own session.
 */
async function gridWriters(base: URL, targets: Target[], say: (m: string) => void): Promise<{ writers: GridWriter[]; accounts: Map<string, string> }> {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const sessions = new Map<string, string>();
  const session = async (email: string) => {
    const s = await signIn(base, "portal", email, DEMO_PASSWORD);
    if (!s.session) throw new Error(`signing in as ${email}: ${s.status} ${s.error ?? s.to}`);
    return s.session;
  };
  const pools = new Map<string, Cell[]>();
  const accounts = new Map<string, string>();
  for (const planId of [...new Set(targets.map((t) => t.planId))].sort()) {
    for (const email of GRID_ACCOUNTS) {
      if (!sessions.has(email)) sessions.set(email, await session(email));
      const got = await getGrid(base, planId, sessions.get(email)!);
      if (failed(got) || got.status !== 200) continue;
      const page = parseGridPage(got.body.toString("utf8"), planId);
      if (page.rows.size === 0) continue;
      if (!page.saveActionId) throw new Error(`the grid of ${planId} (as ${email}) has no save action that this script can find`);
      const pool: Cell[] = [];
      for (const r of page.rows.values()) {
        const t = byId.get(r.targetId);
        if (!t?.indicator || (r.status && r.status !== "DRAFT")) continue;
        const percent = t.indicator.unit === "%";
        if ((t.parentId || t.hasChildren) && !percent) continue;
        pool.push({ targetId: r.targetId, planId, unitCode: r.unitCode, year: r.year, percent });
      }
      if (pool.length === 0) continue;
      pools.set(planId, pool);
      accounts.set(planId, email);
      break;
    }
  }
  const plans = [...pools.keys()];
  const total = [...pools.values()].reduce((n, p) => n + p.length, 0);
  if (GRID_WRITERS * GRID_ROWS > total) {
    throw new Error(`only ${total} grid rows a writer may own (${[...pools].map(([p, c]) => `${p}: ${c.length}`).join(", ")}) for ${GRID_WRITERS} grid writers × ${GRID_ROWS} (FAULTS_GRID_WRITERS, FAULTS_GRID_ROWS)`);
  }
  const writers: GridWriter[] = [];
  for (let g = 0; g < GRID_WRITERS; g++) {
    // The plans in turn; one with too few rows left hands the writer on to the next.
    const planId = [...plans.slice(g % plans.length), ...plans.slice(0, g % plans.length)].find((p) => pools.get(p)!.length >= GRID_ROWS);
    if (!planId) throw new Error(`no plan has ${GRID_ROWS} grid rows left for grid writer ${g + 1} of ${GRID_WRITERS} (FAULTS_GRID_ROWS)`);
    const cells = pools.get(planId)!.splice(0, GRID_ROWS);
    const email = accounts.get(planId)!;
    writers.push({ planId, email, session: await session(email), rows: cells.map((cell) => ({ key: rowKey(cell.targetId, cell.unitCode, cell.year), cell, uncertain: false })) });
  }
  say(`grid writers: ${GRID_WRITERS} on ${plans.length} plans (${[...accounts].map(([p, e]) => `${p} as ${e}`).join(", ")}), signed in`);
  return { writers, accounts };
}
