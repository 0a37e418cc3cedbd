// The benchmark's synthetic load, clearly marked, on top of the seeded registry (34 provinces and
// 3.321 communes valid from 1 July 2025, plus the units before the reform) and source documents:
//
// - for each of the 34 current provinces one PUBLISHED plan, id "bench-plan-<province key>",
//   titled "[Dữ liệu thử hiệu năng] …", period 2021–2025, issued by the province;
// - in it BENCH_PROVINCE_TARGETS (20) count targets of the indicator "jobs" for the province,
//   and BENCH_TARGETS (18) for each current commune of the province; ids "bench-t-…";
// - PUBLISHED annual results 2021–2025 for every one of them, isDemo = true; ids "bench-r-…".
//
// At the default sizes: 680 + 3.321 × 18 = 60.458 targets and 302.290 results. One transaction,
// INSERT … SELECT over generate_series. Row triggers would cost a few minutes on the embedded
// database (three per result), so when the role may (a superuser: the throw-away databases),
// the bulk inserts run with session_replication_role = replica and the load does once what the
// triggers would do per row: each target's results carry its group, every new target is queued
// for its progress (target_change), and the public data version is bumped. Otherwise the
// ordinary triggers run.
import type pg from "pg";

export const TARGETS_PER_COMMUNE = Number(process.env.BENCH_TARGETS ?? 18);
export const TARGETS_PER_PROVINCE = Number(process.env.BENCH_PROVINCE_TARGETS ?? 20);
export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

export type Loaded = { plans: number; targets: number; results: number; ms: number; steps: Record<string, number>; triggers: boolean };

/** Without row triggers in this transaction, if the role may (see the header); whether it could. */
async function bypassTriggers(c: pg.Client): Promise<boolean> {
  await c.query("SAVEPOINT bench_bypass");
  try {
    await c.query("SET LOCAL session_replication_role = replica");
    await c.query("RELEASE SAVEPOINT bench_bypass");
    return true;
  } catch {
    await c.query("ROLLBACK TO SAVEPOINT bench_bypass");
    return false;
  }
}

/** What the commit trigger does once per writing transaction: readers drop their cached answers. */
const BUMP_VERSION = `UPDATE "public_data_version" SET "version" = "version" + 1, "lastTx" = txid_current() WHERE "id" = 1`;

/** Removes every row of an earlier run (or of this one, on a database the bench did not create). */
export async function removeSynthetic(c: pg.Client): Promise<number> {
  await c.query("BEGIN");
  // Foreign-key cascades are triggers too: every dependent row is removed by name.
  await bypassTriggers(c);
  await c.query(`DELETE FROM "result" WHERE "targetId" LIKE 'bench-t-%'`);
  await c.query(`DELETE FROM "target_progress" WHERE "targetId" LIKE 'bench-t-%'`);
  await c.query(`DELETE FROM "target_change" WHERE "targetId" LIKE 'bench-t-%'`);
  await c.query(`DELETE FROM "target" WHERE "planId" LIKE 'bench-plan-%'`);
  const r = await c.query(`DELETE FROM "plan" WHERE "id" LIKE 'bench-plan-%'`);
  await c.query(BUMP_VERSION);
  await c.query("COMMIT");
  return r.rowCount ?? 0;
}

export async function loadSynthetic(c: pg.Client): Promise<Loaded> {
  if (!(TARGETS_PER_COMMUNE >= 0 && TARGETS_PER_COMMUNE <= 999 && TARGETS_PER_PROVINCE >= 1 && TARGETS_PER_PROVINCE <= 999)) {
    throw new Error("BENCH_TARGETS must be 0–999 and BENCH_PROVINCE_TARGETS 1–999");
  }
  const t0 = performance.now();
  const steps: Record<string, number> = {};
  let last = t0;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = now - last;
    last = now;
  };
  const ind = (await c.query<{ id: string }>(`SELECT "id" FROM "indicator" WHERE "code" = 'jobs'`)).rows[0]?.id;
  if (!ind) throw new Error(`the seed has no indicator "jobs"`);
  await c.query("BEGIN");
  // The provinces of today, and their communes of today.
  await c.query(`
    CREATE TEMP TABLE bench_province ON COMMIT DROP AS
    SELECT u."id", u."key", u."name", u."searchName" FROM "admin_unit" u
    WHERE u."level" = 'PROVINCE' AND u."validTo" IS NULL`);
  await c.query(`
    CREATE TEMP TABLE bench_commune ON COMMIT DROP AS
    SELECT u."id", u."key", u."name", p."key" AS "provinceKey",
           row_number() OVER (PARTITION BY p."key" ORDER BY u."key") AS rn
    FROM "admin_unit" u JOIN bench_province p ON p."id" = u."parentId"
    WHERE u."level" = 'COMMUNE' AND u."validTo" IS NULL`);
  const plans = await c.query(`
    INSERT INTO "plan" ("id", "type", "issuer", "issuerUnitId", "issueYear", "title", "summary", "periodStart", "periodEnd",
                        "searchText", "status", "publishedAt", "updatedAt")
    SELECT 'bench-plan-' || p."key", 'KE_HOACH', 'UBND ' || p."name", p."id", 2021,
           '[Dữ liệu thử hiệu năng] Kế hoạch giảm nghèo 2021–2025, ' || p."name",
           'Dữ liệu tổng hợp để đo hiệu năng (npm run bench), không phải số liệu thật.',
           2021, 2025, 'du lieu thu hieu nang ke hoach giam ngheo ' || p."searchName", 'PUBLISHED', now(), now()
    FROM bench_province p`);
  step("plans");
  const bypass = await bypassTriggers(c);
  const statement = (lower: string, where: string) =>
    `'[thử] giải quyết việc làm cho ' || (${lower}) || ' lao động' || ${where}`;
  const provinceTargets = await c.query(
    `INSERT INTO "target" ("id", "planId", "position", "indicatorId", "unitId", "kind", "lower", "periodStart", "periodEnd",
                           "annual", "statement", "status", "updatedAt")
     SELECT 'bench-t-' || p."key" || '-' || k, 'bench-plan-' || p."key", k, $2, p."id", 'COUNT', 10000 + k * 500, 2021, 2025,
            (k % 2 = 0), ${statement("10000 + k * 500", `', ' || p."name"`)}, 'PUBLISHED', now()
     FROM bench_province p, generate_series(1, $1::int) k`,
    [TARGETS_PER_PROVINCE, ind],
  );
  const communeTargets = await c.query(
    `INSERT INTO "target" ("id", "planId", "position", "indicatorId", "unitId", "kind", "lower", "periodStart", "periodEnd",
                           "annual", "statement", "status", "updatedAt")
     SELECT 'bench-t-' || m."key" || '-' || k, 'bench-plan-' || m."provinceKey", m.rn * 1000 + k, $2, m."id", 'COUNT',
            100 + k * 10, 2021, 2025, (k % 2 = 0), ${statement("100 + k * 10", `', ' || m."name"`)}, 'PUBLISHED', now()
     FROM bench_commune m, generate_series(1, $1::int) k`,
    [TARGETS_PER_COMMUNE, ind],
  );
  step("targets");
  // Values spread around a fifth of the target a year (between 12% and 28% of it), so statuses vary.
  const results = await c.query(
    `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "groupId", "year", "value", "status", "isDemo", "approvedAt", "updatedAt")
     SELECT 'bench-r-' || substr(t."id", 9) || '-' || y, t."id", t."indicatorId", t."unitId", t."groupId", y,
            round(t."lower" * (12 + (hashtext(t."id" || y) & 1023) * 16 / 1023.0) / 100), 'PUBLISHED', true, now(), now()
     FROM "target" t, generate_series(2021, 2025) y
     WHERE t."planId" LIKE 'bench-plan-%'`,
  );
  step("results");
  if (bypass) {
    await c.query(`INSERT INTO "target_change" ("targetId") SELECT "id" FROM "target" WHERE "planId" LIKE 'bench-plan-%'`);
    await c.query(BUMP_VERSION);
    step("progress queue");
  }
  await c.query("COMMIT");
  step("commit");
  return {
    plans: plans.rowCount ?? 0,
    targets: (provinceTargets.rowCount ?? 0) + (communeTargets.rowCount ?? 0),
    results: results.rowCount ?? 0,
    ms: performance.now() - t0,
    steps,
    triggers: !bypass,
  };
}

export type Sizes = {
  units: number;
  provinces: number;
  communes: number;
  plans: number;
  targets: number;
  publishedResults: number;
  databaseMiB: number;
};

export async function dataSizes(c: pg.Client): Promise<Sizes> {
  const n = async (sql: string) => Number((await c.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    units: await n(`SELECT count(*) AS n FROM "admin_unit"`),
    provinces: await n(`SELECT count(*) AS n FROM "admin_unit" WHERE "level" = 'PROVINCE' AND "validTo" IS NULL`),
    communes: await n(
      `SELECT count(*) AS n FROM "admin_unit" u JOIN "admin_unit" p ON p."id" = u."parentId"
       WHERE u."level" = 'COMMUNE' AND u."validTo" IS NULL AND p."level" = 'PROVINCE' AND p."validTo" IS NULL`,
    ),
    plans: await n(`SELECT count(*) AS n FROM "plan" WHERE "status" = 'PUBLISHED'`),
    targets: await n(`SELECT count(*) AS n FROM "target" WHERE "status" = 'PUBLISHED'`),
    publishedResults: await n(`SELECT count(*) AS n FROM "result" WHERE "status" = 'PUBLISHED'`),
    databaseMiB: (await n(`SELECT pg_database_size(current_database()) AS n`)) / 1048576,
  };
}

export type Picks = {
  /** The bench plan with the most targets (the largest province). */
  planId: string;
  planTargets: number;
  provinceKey: string;
  provinceName: string;
  communeKey: string;
  /** A province-level result of that plan for 2024: the figure every page below shows. */
  resultId: string;
};

export async function pick(c: pg.Client): Promise<Picks> {
  const plan = (
    await c.query<{ planId: string; n: string; key: string; name: string }>(
      `SELECT t."planId", count(*) AS n, u."key", u."name" FROM "target" t
       JOIN "plan" p ON p."id" = t."planId" JOIN "admin_unit" u ON u."id" = p."issuerUnitId"
       WHERE t."planId" LIKE 'bench-plan-%' GROUP BY t."planId", u."key", u."name" ORDER BY count(*) DESC, t."planId" LIMIT 1`,
    )
  ).rows[0];
  if (!plan) throw new Error("no bench plan found");
  const commune = (
    await c.query<{ key: string }>(
      `SELECT u."key" FROM "admin_unit" u JOIN "admin_unit" p ON p."id" = u."parentId"
       WHERE p."key" = $1 AND u."validTo" IS NULL ORDER BY u."key" LIMIT 1`,
      [plan.key],
    )
  ).rows[0];
  if (!commune) throw new Error(`no commune of today under ${plan.key}`);
  return {
    planId: plan.planId,
    planTargets: Number(plan.n),
    provinceKey: plan.key,
    provinceName: plan.name,
    communeKey: commune.key,
    resultId: `bench-r-${plan.key}-1-2024`,
  };
}
