// The fault scripts' portals, started as `npm start` starts them (scripts/start.ts, like the
// bench's Portal in scripts/bench/portal.ts), but each in a process group of its own
// (`detached: true`), so that a scenario can `kill -9` the whole group (the start script, which
// hosts the embedded database, and its Next.js server) at once, and several can run on one
// database. Everything made here (processes, temporary folders, throw-away databases) is
// registered with `cleanup` and removed at the end, on failure and on Ctrl-C. `.data/` is never
// touched: every portal gets a PORTAL_DATA_DIR of its own under the temporary folder.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, type WriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { portalAnswers, processTree, type Proc } from "../bench/portal";

export const ROOT = join(import.meta.dirname, "..", "..");
/** The build the fault scripts' portals use (the first start builds it, a few minutes). */
export const DIST_DIR = process.env.FAULTS_DIST_DIR || ".next-faults";
export const ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
/** The demo accounts' password (README, "Demo accounts"). */
export const DEMO_PASSWORD = "GiamNgheo@2025";

export const hide = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// Cleanup: whatever a scenario made, undone in reverse order.
// ---------------------------------------------------------------------------

type Undo = { what: string; run: () => Promise<void> | void; sync?: () => void };
const undos: Undo[] = [];

export type Cleanup = { now: () => Promise<void>; forget: () => void };

/** Registers an undo step: `now` runs it at once (and only once), `forget` drops it (the thing is gone). */
export function onCleanup(what: string, run: () => Promise<void> | void, sync?: () => void): Cleanup {
  const u: Undo = { what, run, sync };
  undos.push(u);
  const forget = () => {
    const i = undos.indexOf(u);
    if (i >= 0) undos.splice(i, 1);
  };
  return {
    forget,
    now: async () => {
      if (!undos.includes(u)) return;
      forget();
      await u.run();
    },
  };
}

/** Runs every registered undo step, newest first; errors are said, not thrown. */
export async function cleanupAll(log: (m: string) => void): Promise<void> {
  while (undos.length) {
    const u = undos.pop()!;
    try {
      await u.run();
    } catch (e) {
      log(`cleanup: could not ${u.what}: ${(e as Error).message}`);
    }
  }
}

/** At process exit, what can be done synchronously (kill process groups, remove folders). */
export function cleanupAllSync(): void {
  while (undos.length) {
    const u = undos.pop()!;
    try {
      u.sync?.();
    } catch {
      // best effort
    }
  }
}

/** A temporary folder, removed at cleanup. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `portal-faults-${prefix}-`));
  const rm = () => rmSync(dir, { recursive: true, force: true });
  onCleanup(`remove ${dir}`, rm, rm);
  return dir;
}

// ---------------------------------------------------------------------------
// Throw-away PostgreSQL databases on TEST_POSTGRES_URL
// ---------------------------------------------------------------------------

export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  c.on("error", () => undefined);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end().catch(() => undefined);
  }
}

export type Database = { name: string; url: string; drop: () => Promise<void> };

/** Creates a database on TEST_POSTGRES_URL (dropped at cleanup, or by `drop`). */
export async function throwawayDatabase(tag: string): Promise<Database> {
  const name = `portal_faults_${tag}_${process.pid}_${randomBytes(3).toString("hex")}`;
  try {
    await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE "${name}"`));
  } catch (e) {
    throw new Error(`needs a PostgreSQL server at ${hide(ADMIN_URL)} to create a throw-away database on (${(e as Error).message}); set TEST_POSTGRES_URL`);
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dropIt = () =>
    withClient(ADMIN_URL, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  // At a hurried exit: the same, from a short-lived process the exit waits for.
  const dropSync = () =>
    void spawnSync(
      process.execPath,
      ["-e", `const pg=require("pg");const c=new pg.Client({connectionString:process.argv[1]});c.connect().then(()=>c.query('DROP DATABASE IF EXISTS "${name}" WITH (FORCE)')).finally(()=>c.end())`, ADMIN_URL],
      { cwd: ROOT, stdio: "ignore", timeout: 20_000 },
    );
  const drop = onCleanup(`drop database ${name}`, dropIt, dropSync);
  return { name, url: url.toString(), drop: drop.now };
}

// ---------------------------------------------------------------------------
// One portal process group
// ---------------------------------------------------------------------------

export type InstanceOptions = {
  /** Its name in the output ("A", "B", "portal"). */
  name: string;
  port: number;
  /** PostgreSQL: the URL the portal connects to (maybe through a proxy); unset: the embedded database in dataDir. */
  databaseUrl?: string;
  /** PORTAL_DATA_DIR: the embedded database, or (PostgreSQL) only the session secret's folder. */
  dataDir: string;
  /** Shared by several processes on one database (docs/operations.md). */
  authSecret?: string;
  /** Where its output goes (appended). */
  logFile: string;
};

export class Instance {
  child: ChildProcess | null = null;
  readonly base: URL;
  private log: WriteStream | null = null;
  private cleanup: Cleanup | null = null;
  /** Whether its last start built the app first (its sources changed since the last build). */
  built = false;

  constructor(readonly o: InstanceOptions) {
    this.base = new URL(`http://127.0.0.1:${o.port}`);
  }

  get env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const k of ["DATABASE_URL", "NEXTAUTH_SECRET", "HOST", "PORTAL_DEMO", "PORTAL_DATA_DIR"]) delete env[k];
    return {
      ...env,
      PORT: String(this.o.port),
      NEXT_DIST_DIR: DIST_DIR,
      PORTAL_DEMO: "1",
      PORTAL_DATA_DIR: this.o.dataDir,
      ...(this.o.databaseUrl ? { DATABASE_URL: this.o.databaseUrl } : {}),
      ...(this.o.authSecret ? { NEXTAUTH_SECRET: this.o.authSecret } : {}),
    };
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns `scripts/start.ts` in a new process group and waits until it answers; returns the milliseconds it took. */
  async start(say: (m: string) => void, timeoutMs = 15 * 60_000): Promise<number> {
    mkdirSync(this.o.dataDir, { recursive: true });
    this.log = createWriteStream(this.o.logFile, { flags: "a" });
    this.log.write(`\n==== start ${new Date().toISOString()} ====\n`);
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env: this.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    this.child = child;
    this.built = false;
    const onData = (b: Buffer) => {
      this.log?.write(b);
      if (!this.built && b.toString("utf8").includes("building the portal")) {
        this.built = true;
        say(`${this.o.name}: building the portal into ${DIST_DIR} first (sources changed since the last build; a few minutes)…`);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    const pid = child.pid!;
    const kill = () => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // gone
      }
    };
    this.cleanup = onCleanup(`stop portal ${this.o.name} (process group ${pid})`, () => this.stopNow(), kill);
    for (;;) {
      if (!this.running) throw new Error(`portal ${this.o.name} stopped while starting (exit ${child.exitCode ?? child.signalCode}); its output: ${this.o.logFile}\n${this.tail(15)}`);
      if (await this.answers(2000)) return performance.now() - t0;
      if (performance.now() - t0 > timeoutMs) throw new Error(`portal ${this.o.name} did not answer within ${timeoutMs / 60000} minutes`);
      await sleep(250);
    }
  }

  /** Whether it answers a small request within `ms`. */
  answers(ms = 5000): Promise<boolean> {
    return portalAnswers(this.base, ms);
  }

  /** `kill -9` of the whole process group (the start script and its Next.js server); resolves once the start script is gone. */
  async kill9(): Promise<number[]> {
    const pid = this.child?.pid;
    if (!pid) return [];
    const pids = processTree(pid, "embedded").map((p) => p.pid);
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone already
    }
    await this.exited(10_000);
    // The Next.js server is in the same group: wait until none of the group is left.
    for (let k = 0; k < 50 && pids.some(alive); k++) await sleep(100);
    this.detach();
    return pids;
  }

  /** Stops it as an operator would (SIGTERM: the start script closes the database), then SIGKILL if it lingers. */
  async stop(): Promise<void> {
    const c = this.cleanup;
    if (c) await c.now();
    else await this.stopNow();
  }

  private async stopNow(): Promise<void> {
    const pid = this.child?.pid;
    if (pid && this.running) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {
        // gone
      }
      if (!(await this.exited(30_000))) {
        try {
          process.kill(-pid, "SIGKILL");
        } catch {
          // gone
        }
        await this.exited(5000);
      }
    }
    if (pid) {
      // Whatever is left of the group (a Next.js server whose parent was killed).
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // none
      }
    }
    this.detach();
  }

  private detach() {
    this.cleanup?.forget();
    this.cleanup = null;
    this.log?.end();
    this.log = null;
  }

  private exited(ms: number): Promise<boolean> {
    const c = this.child;
    if (!c || !this.running) return Promise.resolve(true);
    return new Promise((resolve) => {
      const t = setTimeout(() => resolve(false), ms);
      c.once("exit", () => {
        clearTimeout(t);
        resolve(true);
      });
    });
  }

  /** The last lines of its output. */
  tail(lines: number): string {
    try {
      return readFileSync(this.o.logFile, "utf8").trimEnd().split("\n").slice(-lines).map((l) => `    | ${l}`).join("\n");
    } catch {
      return "";
    }
  }

  /** Lines of its output matching `re` (server errors, say). */
  grep(re: RegExp): string[] {
    try {
      return readFileSync(this.o.logFile, "utf8").split("\n").filter((l) => re.test(l));
    } catch {
      return [];
    }
  }

  memory(): Proc[] {
    return this.child?.pid ? processTree(this.child.pid, this.o.databaseUrl ? "postgres" : "embedded") : [];
  }

  /** The embedded database's URL (the start script's socket; a new one each start). */
  embeddedUrl(): string {
    return (JSON.parse(readFileSync(join(this.o.dataDir, "embedded.lock"), "utf8")) as { url: string }).url;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------
// The operators' command line (scripts/admin.ts), as an operator runs it
// ---------------------------------------------------------------------------

export type AdminRun = { status: number | null; stdout: string; stderr: string; ms: number };

/** `npm run --silent admin -- …` on the given database (DATABASE_URL, or the embedded one in dataDir). */
export function runAdmin(args: string[], db: { databaseUrl?: string; dataDir: string }): Promise<AdminRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORTAL_DATA_DIR: db.dataDir };
  delete env.DATABASE_URL;
  if (db.databaseUrl) env.DATABASE_URL = db.databaseUrl;
  return runCommand("npm", ["run", "--silent", "admin", "--", ...args], env);
}

export function runCommand(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<AdminRun> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // In a group of its own: npm's children (tsx, node) go with it if it must be stopped.
    const c = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const killGroup = () => {
      try {
        process.kill(-c.pid!, "SIGKILL");
      } catch {
        // gone
      }
    };
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    c.stdout.on("data", (b: Buffer) => out.push(b));
    c.stderr.on("data", (b: Buffer) => err.push(b));
    const cleanup = onCleanup(`stop ${cmd} ${args.slice(0, 6).join(" ")}`, killGroup, killGroup);
    c.on("close", (status) => {
      cleanup.forget();
      resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ms: performance.now() - t0 });
    });
  });
}

/**
 * An administrator's token for the write API: `token create admin@demo.gov.vn --scope publish`,
 * or without `--scope` when this checkout's command line does not take it yet.
 */
export async function adminToken(db: { databaseUrl?: string; dataDir: string }, say: (m: string) => void): Promise<{ token: string; scoped: boolean }> {
  const r = await runAdmin(["token", "create", "admin@demo.gov.vn", "--name", "npm run faults", "--scope", "publish"], db);
  const token = r.stdout.trim();
  if (r.status === 0 && /^gnp_/.test(token)) return { token, scoped: true };
  if (/scope/i.test(r.stderr)) {
    say(`"token create --scope" was refused (${r.stderr.trim().split("\n")[0]}); creating the token without it`);
    const again = await runAdmin(["token", "create", "admin@demo.gov.vn", "--name", "npm run faults"], db);
    const t = again.stdout.trim();
    if (again.status === 0 && /^gnp_/.test(t)) return { token: t, scoped: false };
    throw new Error(`token create failed: ${again.stderr.trim()}`);
  }
  throw new Error(`token create failed (exit ${r.status}): ${r.stderr.trim()}`);
}

/** Whether this checkout's `npm run admin` knows `backup` and `restore` (the lead is adding them). */
export function adminHasBackup(): boolean {
  const src = readFileSync(join(ROOT, "scripts", "admin.ts"), "utf8");
  return /["']backup["']|backupCommand/.test(src) && /["']restore["']|restoreCommand/.test(src);
}
