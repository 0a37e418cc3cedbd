// Opens "the database" for a command-line process: DATABASE_URL when set, else
// the embedded PGlite under the data directory. If the portal is already
// running on the embedded database, connects to that process instead of
// opening the files a second time.
import { isAbsolute, join } from "node:path";
import { DEFAULT_DATA_DIR, settings } from "../env";
import { readLiveLock, startEmbeddedHost, type EmbeddedHost } from "./embedded";
import { PROJECT_ROOT } from "./migrations-dir";

export type OpenedDatabase = {
  url: string;
  kind: "postgres" | "embedded" | "embedded-shared";
  /** The embedded host when this process opened it (it must stay alive while others use it). */
  host: EmbeddedHost | null;
  close(): Promise<void>;
};

export function dataDir(): string {
  const dir = settings().PORTAL_DATA_DIR || DEFAULT_DATA_DIR;
  return isAbsolute(dir) ? dir : join(PROJECT_ROOT, dir);
}

export async function openDatabase(opts: { shareRunning: boolean }): Promise<OpenedDatabase> {
  const url = settings().DATABASE_URL;
  if (url) return { url, kind: "postgres", host: null, close: async () => {} };
  const dir = dataDir();
  if (opts.shareRunning) {
    const lock = readLiveLock(dir);
    if (lock) return { url: lock.url, kind: "embedded-shared", host: null, close: async () => {} };
  }
  const host = await startEmbeddedHost(dir);
  return { url: host.url, kind: "embedded", host, close: () => host.close() };
}
