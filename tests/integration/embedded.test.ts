// The embedded database (PGlite served on loopback) keeps its data between runs,
// admits one host process per data directory, and takes over a stale lock.
// Uses its own temporary directories, so it runs in the pglite project only.
import { execFile, spawn } from "node:child_process";
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseBusyError, startEmbeddedHost, type EmbeddedHost } from "../../lib/db/embedded";
import { ensureAuthSecret } from "../../lib/db/prepare";
import { PROJECT_ROOT } from "../../lib/db/migrations-dir";
import { backend, withPg } from "./helpers";

const execFileP = promisify(execFile);

/** The pid of a process that has already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.on("exit", resolve));
  expect(child.pid).toBeTypeOf("number");
  return child.pid!;
}

const readRows = (url: string) => withPg(async (c) => (await c.query<{ note: string }>(`SELECT note FROM kept ORDER BY id`)).rows.map((r) => r.note), url);

describe.runIf(backend() === "pglite")("embedded database (file-backed PGlite)", () => {
  let dir: string;
  const open: EmbeddedHost[] = [];
  const start = async (d: string) => {
    const host = await startEmbeddedHost(d);
    open.push(host);
    return host;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "portal-embedded-test-"));
  });
  afterAll(async () => {
    for (const h of open) await h.close().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps a row across close and reopen", async () => {
    const first = await start(dir);
    await withPg(async (c) => {
      await c.query(`CREATE TABLE kept (id serial PRIMARY KEY, note text NOT NULL)`);
      await c.query(`INSERT INTO kept (note) VALUES ('Giảm nghèo bền vững')`);
    }, first.url);
    await first.close();
    expect(existsSync(join(dir, "embedded.lock")), "close() releases the lock").toBe(false);

    const second = await start(dir);
    expect(await readRows(second.url)).toEqual(["Giảm nghèo bền vững"]);
    await second.close();
  });

  it("refuses a second opener while open, and the data stays intact", async () => {
    const host = await start(dir);
    try {
      const err = await startEmbeddedHost(dir).then(
        async (h) => {
          await h.close();
          return null;
        },
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EmbeddedDatabaseBusyError);
      expect((err as Error).message).toContain(`already open in process ${process.pid}`);
      expect(JSON.parse(readFileSync(join(dir, "embedded.lock"), "utf8"))).toMatchObject({ pid: process.pid, url: host.url });
      expect(await readRows(host.url)).toEqual(["Giảm nghèo bền vững"]);
    } finally {
      await host.close();
    }
  });

  it("a second real process exits with a clear message while the database is open", async () => {
    const host = await start(dir);
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PORTAL_DATA_DIR: dir };
      delete env.DATABASE_URL; // else it would use the test database instead of the embedded one
      const fixture = join(PROJECT_ROOT, "tests", "integration", "fixtures", "open-embedded.ts");
      const r = await execFileP(process.execPath, ["--import", "tsx", fixture], { cwd: PROJECT_ROOT, env, timeout: 60_000 }).then(
        (ok) => ({ code: 0, stdout: ok.stdout, stderr: ok.stderr }),
        (e: { code?: number; stdout?: string; stderr?: string }) => ({ code: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" }),
      );
      expect(r.stdout).not.toContain("opened");
      expect(r.code).not.toBe(0);
      expect(r.stderr).toContain(`The embedded database in ${dir} is already open in process ${process.pid}`);
      expect(r.stderr).toContain("set DATABASE_URL");
      expect(await readRows(host.url)).toEqual(["Giảm nghèo bền vững"]);
    } finally {
      await host.close();
    }
  });

  it("takes over a stale lock left by a process that died", async () => {
    const pid = await deadPid();
    const lockFile = join(dir, "embedded.lock");
    writeFileSync(lockFile, JSON.stringify({ pid, url: "postgresql://postgres@127.0.0.1:1/postgres", startedAt: new Date(0).toISOString() }));
    const host = await start(dir);
    try {
      expect(JSON.parse(readFileSync(lockFile, "utf8"))).toMatchObject({ pid: process.pid, url: host.url });
      expect(await readRows(host.url)).toEqual(["Giảm nghèo bền vững"]);
    } finally {
      await host.close();
    }
  });

  it("takes over an unreadable lock file (a crash while writing it)", async () => {
    writeFileSync(join(dir, "embedded.lock"), "");
    const host = await start(dir);
    try {
      expect(await readRows(host.url)).toEqual(["Giảm nghèo bền vững"]);
    } finally {
      await host.close();
    }
  });

  it("is reached only through a socket file this account alone may use: no TCP port, 0600 in a 0700 directory", async () => {
    const host = await start(dir);
    try {
      const url = new URL(host.url);
      expect(url.port, "no TCP port").toBe("");
      const sockDir = url.searchParams.get("host")!;
      expect(sockDir).toBe(join(dir, "run"));
      const mode = (p: string) => statSync(p).mode & 0o777;
      expect(mode(dir), "the data directory").toBe(0o700);
      expect(mode(sockDir), "the socket's directory").toBe(0o700);
      expect(mode(join(sockDir, ".s.PGSQL.5432")), "the socket").toBe(0o600);
      expect(await readRows(host.url)).toEqual(["Giảm nghèo bền vững"]);
      // Nothing answers on the loopback address for it: the old host listened on 127.0.0.1.
      const lock = JSON.parse(readFileSync(join(dir, "embedded.lock"), "utf8")) as { url: string };
      expect(lock.url).toBe(host.url);
      expect(lock.url).not.toMatch(/127\.0\.0\.1|:\d+\//);
    } finally {
      await host.close();
    }
  });

  it("a socket file left by a crash does not stop the next start", async () => {
    const host = await start(dir);
    await host.close();
    const sock = join(dir, "run", ".s.PGSQL.5432");
    writeFileSync(sock, ""); // what a killed host leaves where its socket was
    const again = await start(dir);
    try {
      expect(await readRows(again.url)).toEqual(["Giảm nghèo bền vững"]);
      await new Promise<void>((resolve, reject) => {
        const c = connect(sock, () => {
          c.end();
          resolve();
        });
        c.on("error", reject);
      });
    } finally {
      await again.close();
    }
  });
});

describe("the session secret", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "portal-secret-test-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is made once, kept in a file only this account may read, and never in the database", async () => {
    const first = ensureAuthSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(ensureAuthSecret(dir), "the same on the next start").toBe(first);
    expect(statSync(join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const inDb = await withPg(async (c) => (await c.query(`SELECT count(*)::int AS n FROM system_setting WHERE key = 'auth_secret'`)).rows[0].n as number);
    expect(inDb).toBe(0);
  });

  it("a copy readable by others is made private again; an empty one is refused with a message", () => {
    chmodSync(join(dir, "auth-secret"), 0o644);
    ensureAuthSecret(dir);
    expect(statSync(join(dir, "auth-secret")).mode & 0o777).toBe(0o600);
    writeFileSync(join(dir, "auth-secret"), "short");
    expect(() => ensureAuthSecret(dir)).toThrow(/auth-secret holds no usable secret/);
  });
});
