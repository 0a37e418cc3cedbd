// npm start  (and npm run dev with --dev)
//
// 1. builds the app if the sources changed since the last build (no database needed);
// 2. opens the database: DATABASE_URL, or the embedded PGlite under .data/ (this
//    process then hosts it for the portal and for admin commands);
// 3. migrates it, and seeds it on first start;
// 4. serves the portal on PORT (default 3000): Next.js behind the public response cache
//    (scripts/serve.ts); `--dev`: `next dev`.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { EmbeddedDatabaseBusyError, readLiveLock } from "../lib/db/embedded";
import { PROJECT_ROOT } from "../lib/db/migrations-dir";
import { dataDir, openDatabase } from "../lib/db/open";
import { demoAsked, DemoRefusedError, ensureAuthSecret, prepareDatabase } from "../lib/db/prepare";
import { settings } from "../lib/env";
import { seedDatabase } from "../prisma/seed";
import { SEED_VERSION } from "../prisma/seed-data";

const dev = process.argv.includes("--dev");
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
const port = String(settings().PORT);
const log = (m: string) => console.log(`[portal] ${m}`);
const nextBin = join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

/** Hash of everything `next build` reads, to rebuild only when needed. */
function sourceHash(): string {
  const h = createHash("sha256");
  const roots = ["app", "components", "lib", "public", "proxy.ts", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "tsconfig.json"];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const e of readdirSync(p).sort()) if (e !== "node_modules" && !e.endsWith(".test.ts")) walk(join(p, e));
    } else {
      h.update(relative(PROJECT_ROOT, p)).update(readFileSync(p));
    }
  };
  for (const r of roots) walk(join(PROJECT_ROOT, r));
  return h.digest("hex");
}

const distDir = join(PROJECT_ROOT, settings().NEXT_DIST_DIR || ".next");

function buildIfNeeded() {
  const stamp = join(distDir, "source-hash");
  const hash = sourceHash();
  if (existsSync(join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    return;
  }
  log("building the portal (first start or sources changed; this takes a minute or two)…");
  const r = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) {
    console.error("[portal] the build failed (see above).");
    process.exit(1);
  }
  writeFileSync(stamp, hash);
}

async function main() {
  // Refuse a second instance on the same embedded data before touching anything (even the build).
  const running = settings().DATABASE_URL ? null : readLiveLock(dataDir());
  if (running) {
    console.error(`[portal] ${new EmbeddedDatabaseBusyError(running, dataDir()).message}`);
    process.exit(1);
  }
  // The README's demo (embedded, PORTAL_DEMO unset) serves public accounts: only on the loopback
  // address unless the demo is asked for by name.
  const host = settings().HOST;
  if (host && !LOOPBACK.test(host) && !settings().DATABASE_URL && settings().PORTAL_DEMO === undefined) {
    console.error(
      `[portal] refusing to start: HOST=${host} would put the demo (public demo accounts) on the network. ` +
        `Set PORTAL_DEMO=1 to do that on purpose, or PORTAL_DEMO=0 for a database without demo accounts.`,
    );
    process.exit(1);
  }
  if (!dev) buildIfNeeded();

  let opened;
  try {
    opened = await openDatabase({ shareRunning: false });
  } catch (e) {
    if (e instanceof EmbeddedDatabaseBusyError) {
      console.error(`[portal] ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  log(opened.kind === "postgres" ? "database: PostgreSQL (DATABASE_URL)" : `database: embedded PGlite in ${relative(PROJECT_ROOT, dataDir()) || "."}`);

  // The demo is asked for explicitly, or is the README's local embedded start (SECURITY.md, "The demo").
  const demo = demoAsked(opened.kind !== "postgres");
  let authSecret: string;
  try {
    const r = await prepareDatabase(opened.url, { demo, seed: seedDatabase, seedVersion: SEED_VERSION, log });
    log(`${r.migrated.length} migration(s) applied${r.seeded ? ", seeded" : ""}.`);
    if (r.demo && demo) log(`DEMO: public demo accounts (password in the README) are enabled; every page says so.`);
    authSecret = ensureAuthSecret(dataDir());
  } catch (e) {
    console.error(e instanceof DemoRefusedError ? `[portal] refusing to start: ${e.message}` : `[portal] could not prepare the database: ${(e as Error).message}`);
    await opened.close();
    process.exit(1);
  }

  // Idle keep-alive connections stay open longer than clients and proxies keep theirs (Node's
  // 5 s default closes a socket just as a client reuses it: the client sees ECONNRESET).
  // Production: Next.js behind the public response cache (scripts/serve.ts).
  const serveArgs = dev ? [nextBin, "dev", "-p", port, "-H", settings().HOST ?? "127.0.0.1"] : ["--import", "tsx", join(PROJECT_ROOT, "scripts", "serve.ts")];
  const child = spawn(process.execPath, serveArgs, {
    cwd: PROJECT_ROOT,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: opened.url,
      NEXTAUTH_SECRET: authSecret,
      // Sign-in works on whatever host name the portal is reached by (localhost, 127.0.0.1, a LAN name).
      AUTH_TRUST_HOST: settings().AUTH_TRUST_HOST ?? "1",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: port,
      NODE_ENV: dev ? "development" : "production",
    },
  });
  log(`serving on http://localhost:${port}`);
  if (!dev) void warmUp(port);

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once("exit", () => resolve())));
    await opened.close();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 0));
}

/**
 * Once the server answers, reads the home page once, so that the first visitor does not pay
 * for computing every target's progress (lib/data/progress-summary) or for a cold server.
 * Best effort: a failure here changes nothing.
 */
async function warmUp(p: string): Promise<void> {
  const base = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${base}/api/v1/openapi.json`)).ok) {
        await (await fetch(`${base}/`)).arrayBuffer();
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

main().catch((e) => {
  console.error(`[portal] ${(e as Error).stack ?? e}`);
  process.exit(1);
});
