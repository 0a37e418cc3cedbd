// A large plan's page read in parts (lib/data/plan-page.ts: the table of units counted by the
// database from the progress summary, only the shown unit's targets read) shows exactly what the
// whole plan computed in memory shows (lib/data/plan-view.ts planView), on both backends: the
// same units with the same numbers of targets and statuses, the same rows for every unit and
// page, a sub-target of another unit kept in its parent's block; and a write shows at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readPlanPage } from "@/lib/data/plan-page";
import { planView, PLAN_ROWS_MAX } from "@/lib/data/plan-view";
import { getPublishedPlan } from "@/lib/data/plans";
import { progressOf } from "@/lib/data/target-view";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { withPg } from "./helpers";

const PLAN = "it-large-plan";
const today = () => isoDateInTimeZone();

async function remove() {
  await withPg(async (c) => {
    await c.query(`DELETE FROM "result" WHERE "id" LIKE 'it-large-r-%'`);
    await c.query(`DELETE FROM "target" WHERE "planId" = $1 AND "parentId" IS NOT NULL`, [PLAN]);
    await c.query(`DELETE FROM "target" WHERE "planId" = $1`, [PLAN]);
    await c.query(`DELETE FROM "target_change" WHERE "targetId" LIKE 'it-large-t-%'`);
    await c.query(`DELETE FROM "plan" WHERE "id" = $1`, [PLAN]);
  });
}

beforeAll(async () => {
  await remove();
  await withPg(async (c) => {
    await c.query("BEGIN");
    const ind = (await c.query<{ id: string }>(`SELECT "id" FROM "indicator" WHERE "code" = 'jobs'`)).rows[0]!.id;
    // Nghệ An (40) and 35 of its communes: 5 province targets, 2 per commune, and a sub-target for a
    // commune under a province target (it belongs to the province's block): 76 targets.
    await c.query(`
      CREATE TEMP TABLE it_communes ON COMMIT DROP AS
      SELECT u."id", u."key", row_number() OVER (ORDER BY u."key") AS rn FROM "admin_unit" u
      WHERE u."parentId" = (SELECT "id" FROM "admin_unit" WHERE "key" = '40') AND u."level" = 'COMMUNE' AND u."validTo" IS NULL
      ORDER BY u."key" LIMIT 35`);
    await c.query(
      `INSERT INTO "plan" ("id", "type", "issuer", "issuerUnitId", "issueYear", "title", "periodStart", "periodEnd", "searchText", "status", "publishedAt", "updatedAt")
       SELECT $1, 'KE_HOACH', 'UBND tỉnh Nghệ An', "id", 2021, '[Dữ liệu thử] Kế hoạch lớn', 2021, 2025, 'du lieu thu ke hoach lon', 'PUBLISHED', now(), now()
       FROM "admin_unit" WHERE "key" = '40'`,
      [PLAN],
    );
    const insertTarget = `INSERT INTO "target" ("id", "planId", "position", "indicatorId", "unitId", "kind", "lower", "periodStart", "periodEnd", "annual", "statement", "status", "updatedAt", "parentId")`;
    await c.query(
      `${insertTarget} SELECT 'it-large-t-40-' || k, $1, k, $2, (SELECT "id" FROM "admin_unit" WHERE "key" = '40'), 'COUNT', 1000 * k, 2021, 2025, true, 'thử ' || k, 'PUBLISHED', now(), NULL
       FROM generate_series(1, 5) k`,
      [PLAN, ind],
    );
    await c.query(
      `${insertTarget} SELECT 'it-large-t-' || m."key" || '-' || k, $1, 100 + m.rn * 10 + k, $2, m."id", 'COUNT', 100 * k, 2021, 2025, true, 'thử', 'PUBLISHED', now(), NULL
       FROM it_communes m, generate_series(1, 2) k`,
      [PLAN, ind],
    );
    await c.query(
      `${insertTarget} SELECT 'it-large-t-sub', $1, 9999, $2, m."id", 'COUNT', 50, 2021, 2025, true, 'trong đó', 'PUBLISHED', now(), 'it-large-t-40-1'
       FROM it_communes m WHERE m.rn = 3`,
      [PLAN, ind],
    );
    // Results that make statuses differ: met, missed and none.
    await c.query(
      `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "isDemo", "updatedAt")
       SELECT 'it-large-r-' || t."id", t."id", t."indicatorId", t."unitId", 2024, CASE WHEN t."position" % 3 = 0 THEN t."lower" * 2 ELSE t."lower" / 10 END, 'PUBLISHED', true, now()
       FROM "target" t WHERE t."planId" = $1 AND t."position" % 3 <> 1`,
      [PLAN],
    );
    await c.query("COMMIT");
  });
});

afterAll(remove);

/** The whole plan's view, computed in memory. */
async function whole(opts: { unitKey?: string; page?: number; unitsPage?: number }) {
  const plan = (await getPublishedPlan(PLAN))!;
  const progress = progressOf(plan.targets, today());
  return { view: planView(plan.targets, progress, { issuerUnitId: plan.issuerUnit.id, ...opts }), progress };
}

const shape = (r: { view: Awaited<ReturnType<typeof whole>>["view"]; progress: Map<string, { status: string }> }) => ({
  ...r.view,
  rows: r.view.rows.map((x) => ({ id: x.t.id, depth: x.depth, status: r.progress.get(x.t.id)?.status, results: x.t.results.map((y) => y.id) })),
  unit: r.view.kind === "by-unit" ? r.view.unit.key : null,
  units: r.view.kind === "by-unit" ? r.view.units.map((u) => ({ key: u.unit.key, targets: u.targets, counts: u.counts })) : [],
  unitRows: r.view.kind === "by-unit" ? r.view.unitRows.map((u) => u.unit.key) : [],
});

describe("a large plan's page read in parts", () => {
  it("shows for every unit exactly what the whole plan shows", async () => {
    const first = await readPlanPage(PLAN, { asOf: today() });
    expect(first!.view.kind).toBe("by-unit");
    if (first!.view.kind !== "by-unit") return;
    expect(first!.view.total).toBeGreaterThan(PLAN_ROWS_MAX);
    expect(shape(first!)).toEqual(shape(await whole({})));
    // The province's block holds its 5 targets and the commune's sub-target.
    expect(first!.view.rows.map((r) => r.t.id)).toEqual(["it-large-t-40-1", "it-large-t-sub", "it-large-t-40-2", "it-large-t-40-3", "it-large-t-40-4", "it-large-t-40-5"]);
    const statuses = new Set(first!.view.units.flatMap((u) => Object.entries(u.counts).filter(([, n]) => n > 0).map(([s]) => s)));
    expect(statuses.size).toBeGreaterThan(1);
    for (const u of first!.view.units) {
      for (const unitsPage of [undefined, 1]) {
        const part = await readPlanPage(PLAN, { asOf: today(), unitKey: u.unit.key, unitsPage });
        expect(shape(part!)).toEqual(shape(await whole({ unitKey: u.unit.key, unitsPage })));
      }
    }
    // An unknown unit and out-of-range pages: the same fallback.
    expect(shape((await readPlanPage(PLAN, { asOf: today(), unitKey: "nope", page: 9, unitsPage: 9 }))!)).toEqual(shape(await whole({ unitKey: "nope", page: 9, unitsPage: 9 })));
  });

  it("another day than today is computed from the whole plan, the same way", async () => {
    const r = await readPlanPage(PLAN, { asOf: "2024-06-30" });
    const plan = (await getPublishedPlan(PLAN))!;
    const progress = progressOf(plan.targets, "2024-06-30");
    expect(shape(r!)).toEqual(shape({ view: planView(plan.targets, progress, { issuerUnitId: plan.issuerUnit.id }), progress }));
  });

  it("a figure written by SQL shows in the next read: its unit's counts and its row", async () => {
    const target = "it-large-t-40-4"; // position 4: no result yet
    const before = (await readPlanPage(PLAN, { asOf: today() }))!;
    expect(before.view.rows.find((r) => r.t.id === target)!.t.results).toEqual([]);
    await withPg((c) =>
      c.query(
        `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "isDemo", "updatedAt")
         SELECT 'it-large-r-new', "id", "indicatorId", "unitId", 2024, "lower" * 2, 'PUBLISHED', true, now() FROM "target" WHERE "id" = $1`,
        [target],
      ),
    );
    const after = (await readPlanPage(PLAN, { asOf: today() }))!;
    expect(after.progress.get(target)).not.toEqual(before.progress.get(target));
    expect(after.view.rows.find((r) => r.t.id === target)!.t.results.map((r) => r.id)).toEqual(["it-large-r-new"]);
    expect(shape(after)).toEqual(shape(await whole({})));
  });
});
