// The portal under test, started exactly as `npm start` starts it (scripts/start.ts), on
// - the embedded database (PGlite) in a throw-away PORTAL_DATA_DIR under the temp folder, or
// - PostgreSQL: DATABASE_URL if set (the bench's rows are removed from it afterwards), else a
//   throw-away database created on TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres
//   (as the integration tests do) and dropped afterwards.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export type Backend = "embedded" | "postgres";

const ROOT = join(import.meta.dirname, "..", "..");
const hide = (url: string) => url.replace(/\/\/[^@/]*@/, "//…@");

export class Portal {
  server: ChildProcess | null = null;
  dataDir: string | null = null;
  /** The database the bench created (and drops), with its maintenance connection. */
  created: { name: string; adminUrl: string } | null = null;
  databaseUrl = "";
  /** Where the bench itself connects: DATABASE_URL, or the embedded database's socket. */
  clientUrl = "";
  description = "";
  readonly base: URL;
  private env: NodeJS.ProcessEnv = { ...process.env };

  constructor(
    readonly backend: Backend,
    readonly port: number,
  ) {
    this.base = new URL(`http://127.0.0.1:${port}`);
  }

  async start(log: (m: string) => void): Promise<void> {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(this.port) };
    // A data folder of its own on either backend (the embedded database, the session secret's file): never .data/.
    this.dataDir = mkdtempSync(join(tmpdir(), "portal-bench-"));
    env.PORTAL_DATA_DIR = this.dataDir;
    if (this.backend === "embedded") {
      delete env.DATABASE_URL;
      this.description = `embedded PostgreSQL (PGlite) in ${this.dataDir} (deleted at the end)`;
    } else if (process.env.DATABASE_URL) {
      this.databaseUrl = process.env.DATABASE_URL;
      this.description = `PostgreSQL, DATABASE_URL ${hide(this.databaseUrl)} (the bench's rows are removed at the end)`;
    } else {
      const adminUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
      const name = `portal_bench_${process.pid}_${randomBytes(4).toString("hex")}`;
      await admin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
      this.created = { name, adminUrl };
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      this.databaseUrl = url.toString();
      this.description = `PostgreSQL, throw-away database ${name} on ${hide(adminUrl)} (dropped at the end)`;
    }
    if (this.databaseUrl) env.DATABASE_URL = this.databaseUrl;
    log(`database: ${this.description}; portal on ${this.base.origin}`);
    this.env = env;
    await this.launch();
  }

  /** Starts the portal (again, after it stopped) on the same database. */
  async launch(): Promise<void> {
    this.server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { cwd: ROOT, env: this.env, stdio: ["ignore", "inherit", "inherit"] });
    await this.waitUntilUp();
    // The embedded database is reached through the start script's socket (a new port each start).
    this.clientUrl =
      this.backend === "embedded" ? (JSON.parse(readFileSync(join(this.dataDir!, "embedded.lock"), "utf8")) as { url: string }).url : this.databaseUrl;
  }

  /** Whether the portal answers a small request within `ms`. */
  answers(ms = 30_000): Promise<boolean> {
    return portalAnswers(this.base, ms);
  }

  /**
   * After a path met connection errors: if the portal no longer answers (its server ran out of
   * memory, say), its processes are ended and it is started again on the same database.
   * Returns whether it had to be started again.
   */
  async recover(log: (m: string) => void, beforeRestart: () => Promise<void>): Promise<boolean> {
    if (!this.stopped && (await this.answers())) return false;
    // The bench's own connection would keep the embedded database from closing.
    await beforeRestart();
    const s = this.server;
    // scripts/start.ts exits once its server has, after closing the database: give it time.
    for (let k = 0; k < 300 && s && s.exitCode === null; k++) await new Promise((r) => setTimeout(r, 200));
    if (s?.pid && s.exitCode === null) {
      const pids = processTree(s.pid, this.backend).map((p) => p.pid);
      log(`the portal does not answer; ending its processes ${pids.join(", ")}`);
      for (const pid of pids.reverse()) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      for (let k = 0; k < 50 && s.exitCode === null; k++) await new Promise((r) => setTimeout(r, 200));
    }
    log("starting the portal again on the same database…");
    await this.launch();
    return true;
  }

  get stopped(): boolean {
    return this.server !== null && this.server.exitCode !== null;
  }

  private async waitUntilUp(): Promise<void> {
    for (let i = 0; i < 600; i++) {
      try {
        const r = await fetch(new URL("/api/v1/openapi.json", this.base));
        await r.arrayBuffer();
        if (r.ok) return;
      } catch {
        // not up yet
      }
      if (this.server?.exitCode !== null) throw new Error("the portal stopped while starting (see its output above)");
      await new Promise((r) => setTimeout(r, 1000));
    }
    throw new Error("the portal did not answer within 10 minutes");
  }

  /** Resident memory of the portal's processes now. */
  memory(): Proc[] {
    return this.server?.pid ? processTree(this.server.pid, this.backend) : [];
  }

  async stop(): Promise<void> {
    const s = this.server;
    if (s && s.exitCode === null) {
      s.kill("SIGTERM");
      for (let k = 0; k < 100 && s.exitCode === null; k++) await new Promise((r) => setTimeout(r, 200));
      if (s.exitCode === null) s.kill("SIGKILL");
    }
    if (this.dataDir && existsSync(this.dataDir)) rmSync(this.dataDir, { recursive: true, force: true });
    if (this.created) {
      const { name, adminUrl } = this.created;
      this.created = null;
      await admin(adminUrl, async (c) => {
        await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      });
    }
  }
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch (e) {
    throw new Error(`--postgres needs DATABASE_URL, or a PostgreSQL server at ${hide(url)} to create a database on (${(e as Error).message}); set TEST_POSTGRES_URL to another one`);
  }
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export type Proc = { pid: number; name: string; rssMiB: number };

/** Resident memory (MiB) of a process and of each process below it, by name (Linux /proc). */
export function processTree(pid: number, backend: Backend): Proc[] {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
    const name =
      cmd.some((a) => a.includes("next-server")) || /next-server/.test(status)
        ? "Next.js server"
        : cmd.some((a) => a.endsWith("scripts/serve.ts"))
          ? "portal server (scripts/serve.ts: Next.js and its response cache)"
          : cmd.some((a) => a.endsWith("scripts/start.ts"))
          ? backend === "embedded"
            ? "start script + embedded PostgreSQL (PGlite)"
            : "start script"
          : cmd.slice(0, 2).join(" ").slice(0, 40) || "process";
    const own = { pid, name, rssMiB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    return [own, ...kids.flatMap((k) => processTree(k, backend))];
  } catch {
    return [];
  }
}

/** Samples the portal's memory every half second: the peak of each process, and of their sum. */
export function memorySampler(portal: Portal) {
  const peak = new Map<number, Proc>();
  let peakTotal = 0;
  const sample = () => {
    const now = portal.memory();
    for (const p of now) if ((peak.get(p.pid)?.rssMiB ?? -1) < p.rssMiB) peak.set(p.pid, p);
    peakTotal = Math.max(peakTotal, now.reduce((n, p) => n + p.rssMiB, 0));
  };
  const timer = setInterval(sample, 500);
  timer.unref();
  sample();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { processes: [...peak.values()], total: peakTotal };
    },
  };
}

/** Whether the portal at `base` answers a small request (its OpenAPI description) within `ms`. */
export async function portalAnswers(base: URL, ms: number): Promise<boolean> {
  try {
    const r = await fetch(new URL("/api/v1/openapi.json", base), { signal: AbortSignal.timeout(ms) });
    await r.arrayBuffer();
    return r.ok;
  } catch {
    return false;
  }
}
