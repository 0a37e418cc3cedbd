// prisma/migrations produce exactly prisma/schema.prisma, are applied once, are
// recorded in Prisma's own bookkeeping, and the hand-written CHECK constraints hold.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrate } from "../../lib/db/migrate";
import { MIGRATIONS_DIR } from "../../lib/db/migrations-dir";
import { diffDatabaseToSchema, diffMigrationsToSchema } from "../../lib/db/schema-engine";
import { backend, databaseUrl, withPg } from "./helpers";

describe(`migrations (${backend()})`, () => {
  // The engine replays the migrations on its own in-memory PGlite shadow database,
  // whatever the backend: once is enough.
  it.runIf(backend() === "postgres")(
    "replaying prisma/migrations gives exactly prisma/schema.prisma",
    async () => {
      expect(await diffMigrationsToSchema()).toBe("");
    },
    120_000,
  );

  it("the migrated test database has no drift from prisma/schema.prisma", async () => {
    expect(await diffDatabaseToSchema(databaseUrl())).toBe("");
  });

  it("a second migrate applies nothing", async () => {
    const before = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    const r = await migrate(databaseUrl());
    expect(r.applied).toEqual([]);
    const after = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(after.rows[0].n).toBe(before.rows[0].n);
    expect(r.alreadyApplied).toBe(before.rows[0].n);
  });

  it("_prisma_migrations records every migration directory, finished, with the SHA-256 of its migration.sql", async () => {
    const dirs = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(dirs.length).toBeGreaterThan(0);
    const expected = await Promise.all(
      dirs.map(async (name) => ({
        migration_name: name,
        checksum: createHash("sha256").update(await readFile(join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex"),
        finished: true,
        rolled_back: false,
        applied_steps_count: 1,
      })),
    );
    const { rows } = await withPg((c) =>
      c.query(
        `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back,
                applied_steps_count
           FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows).toEqual(expected);
  });

  it("CHECK constraints are enforced by the database: a target with lower > upper is rejected", async () => {
    await withPg(async (c) => {
      const { rows } = await c.query<{ id: string; issuerUnitId: string }>(`SELECT id, "issuerUnitId" FROM plan ORDER BY id LIMIT 1`);
      const plan = rows[0];
      expect(plan, "the seed has at least one plan").toBeDefined();
      const insert = (lower: number, upper: number) =>
        c.query(
          `INSERT INTO target (id, "planId", position, "unitId", kind, lower, upper, "periodStart", "periodEnd", statement, "updatedAt")
           VALUES ($1, $2, 9999, $3, 'DECREASE_BY', $4, $5, 2023, 2023, 'test', now())`,
          [`test-${randomUUID()}`, plan!.id, plan!.issuerUnitId, lower, upper],
        );
      await c.query("BEGIN");
      try {
        // The same row with lower <= upper is accepted: the rejection below is the CHECK's doing.
        await c.query("SAVEPOINT ok_row");
        await insert(2, 2.5);
        await c.query("ROLLBACK TO SAVEPOINT ok_row");
        const err = await insert(3, 1).then(
          () => null,
          (e: { code?: string; constraint?: string }) => e,
        );
        expect(err).toMatchObject({ code: "23514", constraint: "target_bounds_check" });
      } finally {
        await c.query("ROLLBACK");
      }
      const left = await c.query(`SELECT count(*)::int AS n FROM target WHERE position = 9999 AND "planId" = $1`, [plan!.id]);
      expect(left.rows[0].n).toBe(0);
    });
  });
});
