// The embedded PostgreSQL (PGlite) used when DATABASE_URL is not set.
//
// PGlite is single-process: two processes opening one data directory corrupt
// it. So exactly one process (the "host": `npm start`, or an admin command when
// the portal is not running) opens .data/pgdata, takes .data/embedded.lock, and
// serves the database over the Postgres protocol on 127.0.0.1. Everything else
// (the Next.js server, admin commands while the portal runs) connects to it with
// an ordinary PostgreSQL driver, so the code above the connection string is the
// same as on a real PostgreSQL server.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
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

function takeLock(dataDir: string): number {
  mkdirSync(dataDir, { recursive: true });
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
export async function startEmbeddedHost(dataDir: string | null, opts: { port?: number } = {}): Promise<EmbeddedHost> {
  const fd = dataDir ? takeLock(dataDir) : null;
  let db: PGlite | null = null;
  let server: PGLiteSocketServer | null = null;
  try {
    db = dataDir ? new PGlite(join(dataDir, "pgdata")) : new PGlite();
    await db.waitReady;
    server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 64 });
    useSessionQueue(server, db);
    await server.start();
    const conn = server.getServerConn(); // "127.0.0.1:PORT"
    const url = `postgresql://postgres@${conn}/postgres?sslmode=disable`;
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
        if (dataDir) rmSync(lockPath(dataDir), { force: true });
      },
    };
  } catch (e) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
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
