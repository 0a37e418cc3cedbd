// Applies prisma/migrations to a database, keeping Prisma's own bookkeeping
// table (_prisma_migrations), so the database stays compatible with
// `prisma migrate deploy`. Works on PostgreSQL and on the embedded PGlite
// (served over the Postgres protocol). Needs no schema engine.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { listMigrations, type MigrationFile } from "./migrations-dir";

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Arbitrary constant: serialises concurrent migrators on one server. */
const LOCK_KEY = 72707369;

export class MigrationError extends Error {}

export type MigrateOutcome = { applied: string[]; alreadyApplied: number };

export async function migrate(connectionString: string, log: (m: string) => void = () => {}): Promise<MigrateOutcome> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      return await applyPending(client, await listMigrations(), log);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(client: pg.Client, migrations: MigrationFile[], log: (m: string) => void): Promise<MigrateOutcome> {
  await client.query(BOOKKEEPING);
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  const done = new Map<string, { checksum: string }>();
  for (const r of rows) {
    if (r.rolled_back_at) continue;
    if (!r.finished_at) {
      throw new MigrationError(
        `Migration ${r.migration_name} started but did not finish; resolve it by hand before starting again.`,
      );
    }
    done.set(r.migration_name, r);
  }
  const known = new Set(migrations.map((m) => m.name));
  for (const name of done.keys()) {
    if (!known.has(name)) {
      throw new MigrationError(`The database has migration ${name}, which this version of the portal does not know. Is it older than the database?`);
    }
  }
  const applied: string[] = [];
  for (const m of migrations) {
    const prev = done.get(m.name);
    if (prev) {
      if (prev.checksum !== m.checksum) {
        log(`warning: migration ${m.name} was modified after it was applied (checksum differs).`);
      }
      continue;
    }
    const id = randomUUID();
    await client.query("BEGIN");
    try {
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
        [id, m.checksum, m.name],
      );
      await client.query(m.sql);
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw new MigrationError(`Migration ${m.name} failed: ${(e as Error).message}`);
    }
    log(`applied migration ${m.name}`);
    applied.push(m.name);
  }
  return { applied, alreadyApplied: done.size };
}
