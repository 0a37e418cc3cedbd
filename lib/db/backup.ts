// Backup and restore of a portal database through an ordinary connection (docs/operations.md,
// "Backup and restore"): the embedded database while the portal runs (through its socket), or
// any PostgreSQL (where pg_dump is the usual tool and works too).
//
// A backup is one consistent snapshot (a REPEATABLE READ, READ ONLY transaction): every table of
// the public schema, read a block at a time through a cursor and written as gzip'd JSON lines:
//   {"format":"giam-ngheo-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}
//   {"t":"<table>","r":{<row as row_to_json>}}            one line per row
//   {"end":true,"rows":<n>}                                 the last line: a cut file is refused
// It is written to FILE.partial and renamed when complete, so FILE is never half a backup.
//
// A restore needs a database migrated to exactly the backup's migrations. In one transaction it
// empties every table and inserts the rows with triggers and foreign-key checks off (the rows are
// a consistent snapshot: triggers would recompute what is already there), then moves each
// sequence past the largest id. Either all of it is there afterwards, or nothing changed.
import { createReadStream, createWriteStream, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";

export const BACKUP_FORMAT = "giam-ngheo-backup";
const BLOCK = 2000;

type THeader = { format: string; version: number; createdAt: string; migrations: string[]; tables: string[] };

export class BackupError extends Error {}

async function tablesOf(c: pg.Client): Promise<string[]> {
  const r = await c.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations' ORDER BY c.relname`,
  );
  return r.rows.map((x) => x.name);
}

async function migrationsOf(c: pg.Client): Promise<string[]> {
  const r = await c.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  return r.rows.map((x) => x.name);
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a consistent backup of the database at `url` to `file`. */
export async function backupTo(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const partial = `${file}.partial`;
  let rows = 0;
  let tables: string[] = [];
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    tables = await tablesOf(c);
    const header: THeader = { format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString(), migrations: await migrationsOf(c), tables };
    async function* lines() {
      yield JSON.stringify(header) + "\n";
      for (const t of tables) {
        await c.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM ${ident(t)} x`);
        for (;;) {
          const block = await c.query<{ j: string }>(`FETCH ${BLOCK} FROM dump`);
          if (block.rows.length === 0) break;
          rows += block.rows.length;
          yield block.rows.map((r) => `{"t":${JSON.stringify(t)},"r":${r.j}}\n`).join("");
        }
        await c.query("CLOSE dump");
      }
      yield JSON.stringify({ end: true, rows }) + "\n";
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await c.query("COMMIT");
    renameSync(partial, file);
    return { tables: tables.length, rows };
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await c.end();
  }
}

/** Reads a backup's lines, refusing a file that is not one or is cut short. */
async function* readBackup(file: string): AsyncGenerator<{ header: THeader } | { table: string; row: Record<string, unknown> }> {
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: THeader | null = null;
  let ended = false;
  try {
    for await (const line of rl) {
      if (!line) continue;
      const v = JSON.parse(line) as Record<string, unknown>;
      if (!header) {
        if (v.format !== BACKUP_FORMAT || v.version !== 1) throw new BackupError(`${file} is not a portal backup (format ${String(v.format)}).`);
        header = v as unknown as THeader;
        yield { header };
      } else if (v.end === true) {
        ended = true;
      } else {
        yield { table: String(v.t), row: v.r as Record<string, unknown> };
      }
    }
  } catch (e) {
    if (e instanceof BackupError) throw e;
    throw new BackupError(`${file} cannot be read as a backup: ${(e as Error).message}`);
  }
  if (!header) throw new BackupError(`${file} is empty.`);
  if (!ended) throw new BackupError(`${file} is cut short (its last line is missing): it was not restored.`);
}

/**
 * Replaces every row of the database at `url` (migrated to the backup's migrations) with the
 * backup's, in one transaction.
 */
export async function restoreFrom(url: string, file: string): Promise<{ tables: number; rows: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const have = await migrationsOf(c);
    const known = new Set(await tablesOf(c));
    let rows = 0;
    let header: THeader | null = null;
    let before: { v: string; r: string; s: string } | null = null;
    // Rows are sent a block at a time per table, in the order they come.
    let table: string | null = null;
    let block: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!table || block.length === 0) return;
      const cols = [...new Set(block.flatMap((r) => Object.keys(r)))].map(ident).join(", ");
      await c.query(`INSERT INTO ${ident(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`, [JSON.stringify(block)]);
      rows += block.length;
      block = [];
    };
    await c.query("BEGIN");
    try {
      for await (const item of readBackup(file)) {
        if ("header" in item) {
          header = item.header;
          if (header.migrations.join("\n") !== have.join("\n")) {
            throw new BackupError(
              `the backup was made at migration ${header.migrations.at(-1) ?? "(none)"}, this database is at ${have.at(-1) ?? "(none)"}: ` +
                `restore with the portal's version that made it, then start the newer one to upgrade.`,
            );
          }
          const missing = header.tables.filter((t) => !known.has(t));
          if (missing.length) throw new BackupError(`the database has no table ${missing.join(", ")}.`);
          // Triggers and foreign-key checks off for this transaction: the rows are one consistent snapshot.
          await c.query("SET LOCAL session_replication_role = replica");
          before = (await c.query<{ v: string; r: string; s: string }>(
            `SELECT COALESCE((SELECT max("version") FROM "public_data_version"), 0)::text AS v,
                    COALESCE((SELECT max("registryVersion") FROM "public_data_version"), 0)::text AS r,
                    COALESCE((SELECT max("stamp") FROM "plan_stamp"), 0)::text AS s`,
          )).rows[0]!;
          await c.query(`TRUNCATE ${[...known].map(ident).join(", ")}`);
          continue;
        }
        if (!known.has(item.table)) throw new BackupError(`the backup names an unknown table ${item.table}.`);
        if (item.table !== table || block.length >= BLOCK) {
          await flush();
          table = item.table;
        }
        block.push(item.row);
      }
      await flush();
      // Sequences (the BIGSERIAL ids) continue after the largest restored id.
      const seqs = await c.query<{ tbl: string; col: string; seq: string }>(
        `SELECT c.relname AS tbl, a.attname AS col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS seq
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
      );
      for (const s of seqs.rows) {
        await c.query(`SELECT setval($1, COALESCE((SELECT max(${ident(s.col)}) FROM ${ident(s.tbl)}), 0) + 1, false)`, [s.seq]);
      }
      // Versions and stamps move past any a running portal may have kept things under
      // (docs/architecture.md, "Speed: two caches, one version"): nothing cached before the
      // restore can be taken for the restored data.
      if (before) {
        await c.query(`UPDATE "public_data_version" SET "version" = GREATEST("version", $1::bigint) + 1, "registryVersion" = GREATEST("registryVersion", $2::bigint) + 1, "lastTx" = NULL, "registryTx" = NULL`, [before.v, before.r]);
        await c.query(`UPDATE "plan_stamp" SET "stamp" = GREATEST("stamp", $1::bigint) + 1`, [before.s]);
      }
      await c.query("COMMIT");
    } catch (e) {
      await c.query("ROLLBACK").catch(() => {});
      throw e;
    }
    return { tables: header?.tables.length ?? 0, rows };
  } finally {
    await c.end();
  }
}
