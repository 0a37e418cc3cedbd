// `processes`: two portal processes (A and B) on one PostgreSQL database, as behind a load
// balancer (docs/operations.md, "Several portal processes"): one NEXTAUTH_SECRET, each its own
// caches and PORTAL_DATA_DIR.
// 1. A publish through A, read through B at once: B's copy of the plan's API answer (and page) is
//    warm in its response cache first; FAULTS_PUBLISHES (5) times, each a different target.
// 2. A session cookie from A used on B (and one from B on A).
// 3. FAULTS_WRONG_PASSWORDS (6) wrong passwords for one email, alternately through A and B: how
//    many were let through to a password check ("invalid") and how many were throttled; then the
//    right password.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { cookieHeader, failed, json, plainTarget, postResults, publishedTargets, refusedOf, send, signIn, SESSION_COOKIE, type Target } from "./client";
import { adminToken, DEMO_PASSWORD, hide, Instance, tempDir, throwawayDatabase, ADMIN_URL } from "./portal";
import { counts, logSummary, n0, n1, Report, s1, table } from "./report";

const PUBLISHES = Number(process.env.FAULTS_PUBLISHES ?? 5);
const WRONG = Number(process.env.FAULTS_WRONG_PASSWORDS ?? 6);
const THROTTLED_EMAIL = "sonla@demo.gov.vn";

export async function processes(port: number, say: (m: string) => void): Promise<Report> {
  const rep = new Report("processes", "two portal processes on one PostgreSQL database");
  const db = await throwawayDatabase("processes");
  const dir = tempDir("processes");
  const secret = randomBytes(32).toString("base64url");
  rep.backend = `PostgreSQL, throw-away database ${db.name} on ${hide(ADMIN_URL)} (dropped at the end); processes A (port ${port}) and B (port ${port + 1}), one NEXTAUTH_SECRET, each its own PORTAL_DATA_DIR`;
  const A = new Instance({ name: "A", port, databaseUrl: db.url, dataDir: join(dir, "a"), authSecret: secret, logFile: join(dir, "a.log") });
  const B = new Instance({ name: "B", port: port + 1, databaseUrl: db.url, dataDir: join(dir, "b"), authSecret: secret, logFile: join(dir, "b.log") });
  // One after the other: A migrates and seeds, B finds it done (and a build, if needed, is made once).
  say("starting A (migrates and seeds the database)…");
  const upA = await A.start(say);
  say(`A answers after ${s1(upA)}; starting B…`);
  const upB = await B.start(say);
  say(`B answers after ${s1(upB)}`);
  rep.add(`started: A in ${s1(upA)}${A.built ? " (built first)" : ""}, B in ${s1(upB)}${B.built ? " (built first)" : ""}`);
  // B rebuilt because the sources changed while A started (someone is editing the checkout): A
  // would serve an older build from a folder just rewritten. Start A again on B's build.
  for (let k = 0; k < 3 && B.built; k++) {
    say("B rebuilt the app (the sources changed meanwhile): starting A again on that build…");
    await A.stop();
    const again = await A.start(say);
    rep.add(`B rebuilt the app (the sources changed while A started): A started again in ${s1(again)}${A.built ? " and rebuilt too; B is started again as well" : ""}`);
    if (!A.built) break;
    await B.stop();
    await B.start(say);
  }

  // 1. Publish through A, read through B.
  const { token, scoped } = await adminToken({ databaseUrl: db.url, dataDir: join(dir, "cli") }, say);
  const targets: Target[] = (await publishedTargets(B.base)).filter(plainTarget);
  const picks = targets.slice(0, PUBLISHES);
  say(`publishing ${picks.length} results through A, each read through B at once…`);
  type Pub = { target: string; unit: string; year: number; value: number; status: string; warm: string; seenApi: boolean; seenPage: boolean | null; afterMs: number; readMs: number };
  const pubs: Pub[] = [];
  for (const [i, t] of picks.entries()) {
    const year = t.periodStart;
    const value = t.indicator?.unit === "%" ? 87.61 + i : 98_761 + i;
    const apiPath = `/api/v1/plans/${encodeURIComponent(t.planId)}`;
    const pagePath = `/plans/${encodeURIComponent(t.planId)}`;
    // B has the plan in its response cache before the write (a second read is a hit).
    await send(B.base, "GET", apiPath);
    await send(B.base, "GET", pagePath);
    const warm = await send(B.base, "GET", apiPath);
    await send(B.base, "GET", pagePath);
    const w = await postResults(A.base, token, [{ targetId: t.id, unitCode: t.unit.code, year, value, publish: true }]);
    const acked = performance.now();
    const status = failed(w) ? w.error : String(w.status);
    if (failed(w) || w.status !== 200) {
      pubs.push({ target: t.id, unit: t.unit.code, year, value, status: `${status} ${failed(w) ? "" : (refusedOf(w)?.error.message ?? "").slice(0, 80)}`, warm: "", seenApi: false, seenPage: null, afterMs: NaN, readMs: NaN });
      continue;
    }
    const read = await send(B.base, "GET", apiPath);
    const page = await send(B.base, "GET", pagePath);
    const actual = json<{ targets: { id: string; progress?: { actual: number | null } }[] }>(read).targets.find((x) => x.id === t.id)?.progress?.actual;
    const html = failed(page) ? "" : page.body.toString("utf8");
    pubs.push({
      target: t.id,
      unit: t.unit.code,
      year,
      value,
      status,
      warm: failed(warm) ? warm.error : String(warm.headers["x-portal-cache"] ?? "–"),
      seenApi: actual === value,
      seenPage: [value.toLocaleString("vi-VN"), value.toLocaleString("en-US")].some((v) => html.includes(v)),
      afterMs: failed(read) ? NaN : read.t1 - acked,
      readMs: read.ms,
    });
  }
  rep.add("");
  rep.add(`1. a publish through A (POST /api/v1/results, publish: true, token scope ${scoped ? "publish" : "default (--scope not accepted)"}), then at once a read of the plan through B,`);
  rep.add(`   whose response cache held the plan's answer (the read just before the write: x-portal-cache):`);
  rep.add(
    ...table(
      ["target", "unit", "year", "value", "write", "B before", "B's API shows it", "B's page shows it", "B read ms"],
      pubs.map((p) => [p.target, p.unit, String(p.year), String(p.value), p.status, p.warm, p.seenApi ? "yes" : "NO", p.seenPage === null ? "–" : p.seenPage ? "yes" : "no", n1(p.readMs)]),
    ),
  );
  const seen = pubs.filter((p) => p.seenApi).length;
  rep.add(`   seen through B at once: ${seen} of ${pubs.length} (expected all)`);
  if (seen < pubs.length) rep.finding(`processes: ${pubs.length - seen} of ${pubs.length} publishes through A were not seen by B's first read after the write`);

  // 2. Sessions across processes.
  say("sessions across processes…");
  const sessionRows: string[][] = [];
  for (const [from, to] of [
    [A, B],
    [B, A],
  ] as const) {
    const s = await signIn(from.base, from.o.name, "admin@demo.gov.vn", DEMO_PASSWORD);
    if (!s.session) {
      sessionRows.push([`${from.o.name} → ${to.o.name}`, `sign-in on ${from.o.name}: ${s.status} → ${s.to}`, "–", "–"]);
      continue;
    }
    const cookie = cookieHeader(new Map([[SESSION_COOKIE, s.session]]));
    const sess = await send(to.base, "GET", "/api/auth/session", { headers: { accept: "application/json", cookie } });
    const who = failed(sess) ? sess.error : ((JSON.parse(sess.body.toString("utf8")) as { user?: { email?: string } }).user?.email ?? "no session");
    const ws = await send(to.base, "GET", "/workspace", { headers: { accept: "text/html", cookie } });
    const wsSaid = failed(ws) ? ws.error : `${ws.status}${ws.headers.location ? ` → ${ws.headers.location}` : ""}`;
    sessionRows.push([`${from.o.name} → ${to.o.name}`, `${s.status} → ${s.to}, cookie ${SESSION_COOKIE} set`, who, wsSaid]);
    if (who !== "admin@demo.gov.vn" || failed(ws) || ws.status !== 200) rep.finding(`processes: a session cookie from ${from.o.name} did not work on ${to.o.name} (session: ${who}; /workspace: ${wsSaid})`);
  }
  rep.add("");
  rep.add(`2. a session cookie from one process used on the other (admin@demo.gov.vn; GET /api/auth/csrf, POST /api/auth/callback/credentials with json=true):`);
  rep.add(...table(["cookie from → used on", "sign-in answer", "/api/auth/session says", "/workspace"], sessionRows));

  // 3. The throttle across processes.
  say(`${WRONG} wrong passwords for ${THROTTLED_EMAIL}, alternately through A and B…`);
  const attempts = [];
  for (let i = 0; i < WRONG; i++) {
    const via = i % 2 === 0 ? A : B;
    attempts.push({ ...(await signIn(via.base, via.o.name, THROTTLED_EMAIL, `wrong-password-${i}`)), password: "wrong" });
  }
  attempts.push({ ...(await signIn(A.base, "A", THROTTLED_EMAIL, DEMO_PASSWORD)), password: "right" });
  rep.add("");
  rep.add(`3. ${WRONG} wrong passwords for ${THROTTLED_EMAIL}, alternately through A and B, then the right one (the answer next-auth gives a script: its JSON url):`);
  rep.add(...table(["#", "via", "password", "HTTP", "sent to", "ms"], attempts.map((a, i) => [String(i + 1), a.server, a.password, String(a.status), a.to, n0(a.ms)])));
  const wrong = attempts.slice(0, WRONG);
  const checked = wrong.filter((a) => a.error === "invalid").length;
  const throttled = wrong.filter((a) => a.error?.startsWith("throttled")).length;
  rep.add(
    `   of ${WRONG} wrong passwords: ${checked} let through to a password check ("invalid"), ${throttled} throttled, ${WRONG - checked - throttled} other (${counts(wrong.map((a) => a.error ?? String(a.status)))}); ` +
      `expected: 5 checked (ACCOUNT_FREE_FAILURES), the rest throttled, whichever process they reach`,
  );
  if (checked > 5) rep.finding(`processes: ${checked} of ${WRONG} wrong passwords spread over A and B were checked (more than the 5 free failures)`);
  rep.add("");
  rep.add(...logSummary(A), ...logSummary(B));
  await B.stop();
  await A.stop();
  await db.drop();
  return rep;
}
