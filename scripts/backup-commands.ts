// `npm run admin -- backup FILE` and `restore FILE --yes` (docs/operations.md, "Backup and
// restore"). Called by scripts/admin.ts; they open the database themselves, as a restore of the
// embedded database must own its files.
import { existsSync, renameSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { backupTo, restoreFrom } from "../lib/db/backup";
import { readLiveLock, startEmbeddedHost } from "../lib/db/embedded";
import { migrate } from "../lib/db/migrate";
import { dataDir, openDatabase } from "../lib/db/open";
import { settings } from "../lib/env";

const say = (m: string) => console.error(m);

/** One consistent snapshot, while the portal runs or not. */
export async function backupCommand(fileIn: string): Promise<void> {
  const file = resolve(fileIn);
  const opened = await openDatabase({ shareRunning: true });
  try {
    const r = await backupTo(opened.url, file);
    say(`Backup written to ${file}: ${r.rows} rows of ${r.tables} tables (gzip'd JSON lines, readable by this account only).`);
  } finally {
    await opened.close();
  }
}

/**
 * Replaces every row with the backup's. PostgreSQL: in one transaction on DATABASE_URL. The
 * embedded database: only while the portal is stopped; the current files are kept aside
 * (`pgdata.before-restore-…`) and put back if the restore fails.
 */
export async function restoreCommand(fileIn: string, yes: boolean): Promise<void> {
  const file = resolve(fileIn);
  if (!existsSync(file)) throw new Error(`No file ${file}.`);
  if (!yes) throw new Error(`A restore replaces every row of the database with the backup's. Run it again with --yes to go ahead.`);
  const url = settings().DATABASE_URL;
  if (url) {
    const r = await restoreFrom(url, file);
    say(`Restored ${r.rows} rows of ${r.tables} tables from ${file} into DATABASE_URL.`);
    return;
  }
  const dir = dataDir();
  const running = readLiveLock(dir);
  if (running) throw new Error(`The portal is running on the embedded database (process ${running.pid}): stop it first, then restore.`);
  const pgdata = join(dir, "pgdata");
  const aside = existsSync(pgdata) ? `${pgdata}.before-restore-${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}` : null;
  if (aside) renameSync(pgdata, aside);
  let ok = false;
  try {
    const host = await startEmbeddedHost(dir);
    try {
      await migrate(host.url);
      const r = await restoreFrom(host.url, file);
      ok = true;
      say(`Restored ${r.rows} rows of ${r.tables} tables from ${file} into ${dir}.`);
      if (aside) say(`The data as it was before is kept in ${aside}; delete it when you no longer need it.`);
    } finally {
      await host.close();
    }
  } finally {
    if (!ok) {
      rmSync(pgdata, { recursive: true, force: true });
      if (aside) renameSync(aside, pgdata);
      say(`Nothing was changed: the data is as it was.`);
    }
  }
}
