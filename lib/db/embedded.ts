// The embedded PostgreSQL (PGlite) used when DATABASE_URL is not set.
//
// PGlite is single-process: two processes opening one data directory corrupt
// it. So exactly one process (the "host": `npm start`, or an admin command when
// the portal is not running) opens .data/pgdata, takes .data/embedded.lock, and
// serves the database over the Postgres protocol on a Unix socket. Everything else
// (the Next.js server, admin commands while the portal runs) connects to it with
// an ordinary PostgreSQL driver, so the code above the connection string is the
// same as on a real PostgreSQL server.
//
// PGlite asks no password, so the socket is the door (SECURITY.md): it lives in a directory
// only this account may enter (0700) and is itself 0600, so no other account on the machine
// can connect. It is never a TCP port, which any local process could reach.
import { chmodSync, closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { useSessionQueue } from "./session-queue";

export type EmbeddedLock = { pid: number; url: string; startedAt: string };

export class EmbeddedDatabaseBusyError extends Error {
  constructor(readonly lock: EmbeddedLock, dataDir: string) {
    super(
      `The embedded database in ${dataDir} is already open in process ${lock.pid} (since ${lock.startedAt}). ` +
        `Stop that process first (a second one would corrupt the data), or set DATABASE_URL to use a PostgreSQL server.`,
    );
    this.name = "EmbeddedDatabaseBusyError";
  }
}

const lockPath = (dataDir: string) => join(dataDir, "embedded.lock");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock of a live host process, or null (a stale lock from a crashed process is ignored). */
export function readLiveLock(dataDir: string): EmbeddedLock | null {
  try {
    const lock = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as EmbeddedLock;
    return typeof lock.pid === "number" && isAlive(lock.pid) && lock.pid !== process.pid ? lock : null;
  } catch {
    return null;
  }
}

/** Makes the data directory if needed, and private to this account (0700): it holds the database files and secrets. */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** The socket's file name, as PostgreSQL clients derive it from a directory and the default port. */
const SOCKET_NAME = ".s.PGSQL.5432";
/** Unix socket paths longer than this are refused by the system (108 bytes with the terminator on Linux). */
const MAX_SOCKET_PATH = 100;

/**
 * The directory the socket is made in: `<dataDir>/run` (0700); when that path is too long for a
 * socket, or for an in-memory database, a fresh private directory under the system's temp folder.
 */
function socketDir(dataDir: string | null): { dir: string; temporary: boolean } {
  if (dataDir) {
    const dir = join(dataDir, "run");
    if (join(dir, SOCKET_NAME).length <= MAX_SOCKET_PATH) {
      privateDir(dir);
      rmSync(join(dir, SOCKET_NAME), { force: true }); // left by a crash: we hold the lock
      return { dir, temporary: false };
    }
  }
  return { dir: mkdtempSync(join(tmpdir(), "portal-db-")), temporary: true };
}

/** The connection string of the embedded database served in `dir` (node-postgres reads a socket directory from `host`). */
export function socketUrl(dir: string): string {
  return `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&sslmode=disable`;
}

function takeLock(dataDir: string): number {
  privateDir(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return openSync(lockPath(dataDir), "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let lock: EmbeddedLock | null = null;
      try {
        lock = JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as EmbeddedLock;
      } catch {
        /* unreadable: a crash while writing it */
      }
      if (lock && isAlive(lock.pid)) throw new EmbeddedDatabaseBusyError(lock, dataDir);
      rmSync(lockPath(dataDir), { force: true }); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock ${lockPath(dataDir)}`);
}

export type EmbeddedHost = { url: string; db: PGlite; close(): Promise<void> };

/**
 * Opens the embedded database (in memory when dataDir is null) and serves it on a
 * free loopback port. Throws EmbeddedDatabaseBusyError if another live process holds it.
 */
export async function startEmbeddedHost(dataDir: string | null): Promise<EmbeddedHost> {
  const fd = dataDir ? takeLock(dataDir) : null;
  let db: PGlite | null = null;
  let server: PGLiteSocketServer | null = null;
  let sock: { dir: string; temporary: boolean } | null = null;
  try {
    db = dataDir ? new PGlite(join(dataDir, "pgdata")) : new PGlite();
    await db.waitReady;
    sock = socketDir(dataDir);
    const path = join(sock.dir, SOCKET_NAME);
    server = new PGLiteSocketServer({ db, path, maxConnections: 64 });
    useSessionQueue(server, db);
    await server.start();
    chmodSync(path, 0o600);
    const url = socketUrl(sock.dir);
    if (fd !== null) {
      const lock: EmbeddedLock = { pid: process.pid, url, startedAt: new Date().toISOString() };
      writeSync(fd, JSON.stringify(lock));
      closeSync(fd);
    }
    let closed = false;
    return {
      url,
      db,
      async close() {
        if (closed) return;
        closed = true;
        await server?.stop();
        await db?.close();
        if (sock?.temporary) rmSync(sock.dir, { recursive: true, force: true });
        if (dataDir) rmSync(lockPath(dataDir), { force: true });
      },
    };
  } catch (e) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    if (sock?.temporary) rmSync(sock.dir, { recursive: true, force: true });
    if (fd !== null) {
      closeSync(fd);
      rmSync(lockPath(dataDir!), { force: true });
    }
    throw e;
  }
}

export function embeddedDataExists(dataDir: string): boolean {
  return existsSync(join(dataDir, "pgdata", "PG_VERSION"));
}
