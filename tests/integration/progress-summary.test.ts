// The progress summary and the public cache, on both backends: counts by status are a
// GROUP BY over rows the one progress function filled, and every write — here made over
// a plain pg connection, as psql or another tool would — reaches them.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET as progressGET } from "@/app/api/v1/progress/route";
import { cachedPublic, publicDataVersion } from "@/lib/cache/public";
import { getHeadlineFigures } from "@/lib/data/stats";
import { db } from "@/lib/db/client";
import { countStatuses } from "@/lib/data/dashboards";
import { getStatusCounts, listPlanStatusCounts, listTargetsBehind } from "@/lib/data/overview";
import { GET as unitGET } from "@/app/api/v1/dashboards/unit/[code]/route";
import { listTargetProgress } from "@/lib/data/progress";
import { computeTargetProgress } from "@/lib/data/progress-compute";
import { countSummaryStatusesByPlan, refreshProgressSummary } from "@/lib/data/progress-summary";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import pg from "pg";
import { backend, databaseUrl, withPg } from "./helpers";

const PARENT = "target-199-job-connections";
const CHILD = "target-199-job-connections-poor-share";
const RESULT = "result-summary-test";
const today = () => isoDateInTimeZone();

/** What the function says for every published target, computed now from the results. */
async function directCounts(unitIds?: string[]) {
  const where = { status: "PUBLISHED" as const, plan: { status: "PUBLISHED" as const }, ...(unitIds ? { unitId: { in: unitIds } } : {}) };
  return countStatuses((await computeTargetProgress(where, today())).map((c) => ({ progress: c.progress })));
}

async function writeParentResult(value: number) {
  await withPg(async (c) => {
    const { rows } = await c.query<{ indicatorId: string; unitId: string; periodStart: number }>(
      `SELECT "indicatorId", "unitId", "periodStart" FROM "target" WHERE "id" = $1`,
      [PARENT],
    );
    const t = rows[0]!;
    await c.query(
      `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, 'PUBLISHED', now())
       ON CONFLICT ("id") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = now()`,
      [RESULT, PARENT, t.indicatorId, t.unitId, t.periodStart, value],
    );
  });
}

afterAll(async () => {
  await withPg((c) => c.query(`DELETE FROM "result" WHERE "id" = $1`, [RESULT]));
});

describe("progress summary", () => {
  it("counts by status in SQL exactly as the progress function does, overall and per unit", async () => {
    expect(await getStatusCounts(today())).toEqual(await directCounts());
    const sonLa = await getStatusCounts(today(), "14");
    expect(sonLa).toEqual(await directCounts(["unit-14"]));
    expect(sonLa!.total).toBeGreaterThan(0);
    expect(await getStatusCounts(today(), "no-such-unit")).toBeNull();
  });

  it("a result written outside the portal queues the target and its sub-target, and the next read recomputes them", async () => {
    await refreshProgressSummary(today());
    await writeParentResult(5000);
    const queued = await withPg(async (c) => (await c.query<{ targetId: string }>(`SELECT DISTINCT "targetId" FROM "target_change"`)).rows.map((r) => r.targetId));
    expect(queued.sort()).toEqual([PARENT, CHILD].sort());

    const rows = (await listTargetProgress({ unit: "14", asOf: today() }))!;
    const direct = await computeTargetProgress({ id: { in: [PARENT, CHILD] } }, today());
    for (const d of direct) expect(rows.find((r) => r.targetId === d.target.id)!.progress).toEqual(d.progress);
    expect(rows.find((r) => r.targetId === PARENT)!.progress.actual).toBe(5000);
    expect(await getStatusCounts(today())).toEqual(await directCounts());
    const left = await withPg(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "target_change"`)).rows[0].n));
    expect(left).toBe(0);
  });

  it("keeps counts per plan: a write moves only its plan's stamp, and every kind of write shows in the next counts", async () => {
    const stamps = async () =>
      new Map((await withPg((c) => c.query<{ planId: string; stamp: string }>(`SELECT "planId", "stamp"::text AS "stamp" FROM "plan_stamp"`))).rows.map((r) => [r.planId, r.stamp]));
    expect(await getStatusCounts(today())).toEqual(await directCounts());
    const plan = (await withPg((c) => c.query<{ planId: string }>(`SELECT "planId" FROM "target" WHERE "id" = $1`, [PARENT]))).rows[0]!.planId;
    const before = await stamps();
    // A result written by SQL: after the refresh, only its plan's stamp has moved.
    await writeParentResult(5300);
    expect(await getStatusCounts(today())).toEqual(await directCounts());
    const after = await stamps();
    expect([...after].filter(([id, v]) => before.get(id) !== v).map(([id]) => id)).toEqual([plan]);
    expect(await getStatusCounts(today(), "14")).toEqual(await directCounts(["unit-14"]));
    // A target withdrawn, then published again; a plan withdrawn, then published again.
    const other = (await withPg((c) => c.query<{ id: string; planId: string }>(`SELECT "id", "planId" FROM "target" WHERE "status" = 'PUBLISHED' AND "planId" <> $1 ORDER BY "id" LIMIT 1`, [plan]))).rows[0]!;
    try {
      await withPg((c) => c.query(`UPDATE "target" SET "status" = 'DRAFT' WHERE "id" = $1`, [other.id]));
      expect(await getStatusCounts(today())).toEqual(await directCounts());
      await withPg((c) => c.query(`UPDATE "plan" SET "status" = 'DRAFT' WHERE "id" = $1`, [other.planId]));
      const withdrawn = await getStatusCounts(today());
      expect(withdrawn).toEqual(await directCounts());
      expect((await countSummaryStatusesByPlan(null)).has(other.planId)).toBe(false);
    } finally {
      await withPg(async (c) => {
        await c.query(`UPDATE "plan" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [other.planId]);
        await c.query(`UPDATE "target" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [other.id]);
      });
    }
    expect(await getStatusCounts(today())).toEqual(await directCounts());
    const direct = await directCounts();
    expect((await listTargetsBehind(today()))!.total).toBe(direct.missed + direct.off_track + direct.at_risk);
  });

  it("adds the headline figures up from the plans' summaries to exactly what the database counts, before and after a write", async () => {
    const direct = async () =>
      withPg(async (c) => {
        const one = async (sql: string) => Number((await c.query(sql)).rows[0].n);
        return {
          plans: await one(`SELECT count(*) AS n FROM "plan" WHERE "status" = 'PUBLISHED'`),
          targets: await one(`SELECT count(*) AS n FROM "target" t JOIN "plan" p ON p."id" = t."planId" WHERE t."status" = 'PUBLISHED' AND p."status" = 'PUBLISHED'`),
          units: await one(`SELECT count(DISTINCT "issuerUnitId") AS n FROM "plan" WHERE "status" = 'PUBLISHED'`),
          results: await one(`SELECT count(*) AS n FROM "result" r LEFT JOIN "target" t ON t."id" = r."targetId" LEFT JOIN "plan" p ON p."id" = t."planId"
            WHERE (r."status" = 'PUBLISHED' OR r."publishedValue" IS NOT NULL) AND (r."targetId" IS NULL OR (t."status" = 'PUBLISHED' AND p."status" = 'PUBLISHED'))`),
        };
      });
    await withPg((c) => c.query(`DELETE FROM "result" WHERE "id" = $1`, [RESULT]));
    const before = await getHeadlineFigures();
    expect(before).toEqual(await direct());
    await writeParentResult(5400);
    const after = await getHeadlineFigures();
    expect(after).toEqual(await direct());
    expect(after.results).toBe(before.results + 1);
  });

  it("counts each plan's targets by status for a unit, adding up to the unit's counts", async () => {
    for (const code of ["14", "94", "96", "92"]) {
      const perPlan = (await listPlanStatusCounts(today(), code))!;
      const unitCounts = (await getStatusCounts(today(), code))!;
      const direct = (await listTargetProgress({ unit: code, asOf: "2000-01-01" }))!; // just the targets in scope
      const ids = [...new Set(direct.map((r) => r.planId))].sort();
      expect(perPlan.map((p) => p.planId).sort()).toEqual(ids);
      for (const p of perPlan) {
        const targets = direct.filter((r) => r.planId === p.planId).map((r) => r.targetId);
        const expected = countStatuses((await computeTargetProgress({ id: { in: targets } }, today())).map((c) => ({ progress: c.progress })));
        expect(p.counts, `${code} ${p.planId}`).toEqual(expected);
      }
      expect(perPlan.reduce((n, p) => n + p.counts.total, 0)).toBe(unitCounts.total);
    }
    expect(await listPlanStatusCounts(today(), "nope")).toBeNull();

    const res = await unitGET(new NextRequest("http://localhost/api/v1/dashboards/unit/14?format=csv&table=plans"), { params: Promise.resolve({ code: "14" }) });
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split(/\r\n/);
    const head = lines[0]!.split(",");
    expect(head.slice(0, 4)).toEqual(["planId", "planCode", "planTitle", "issueYear"]);
    expect(head.slice(4, -1).sort()).toEqual(["at_risk", "exceeded", "met", "missed", "no_data", "off_track", "on_track"]);
    expect(head.at(-1)).toBe("total");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^plan-199-kh-ubnd-2022,199\/KH-UBND,/);
  });

  it("a target written many times is recomputed once", async () => {
    await refreshProgressSummary(today());
    for (const v of [5201, 5202, 5203]) await writeParentResult(v);
    const rows = await withPg(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "target_change"`)).rows[0].n));
    expect(rows).toBe(6); // three writes × (the target and its share sub-target)
    expect(await refreshProgressSummary(today())).toBe(2);
    const left = await withPg(async (c) => Number((await c.query(`SELECT count(*) AS n FROM "target_change"`)).rows[0].n));
    expect(left).toBe(0);
  });

  it("lists the targets behind (missed, off track, at risk), worst first, as the function judges them", async () => {
    // Sơn La's 2022 training target: 3.000 of 4.000, and 2022 is over → missed.
    await withPg(async (c) => {
      const t = (await c.query(`SELECT "indicatorId" FROM "target" WHERE "id" = 'target-199-vocational-training'`)).rows[0];
      await c.query(
        `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "updatedAt")
         VALUES ('result-summary-test-behind', 'target-199-vocational-training', $1, 'unit-14', 2022, 3000, 'PUBLISHED', now())`,
        [t.indicatorId],
      );
    });
    try {
      const direct = (await computeTargetProgress({ status: "PUBLISHED", plan: { status: "PUBLISHED" } }, today()))
        .filter((c) => ["missed", "off_track", "at_risk"].includes(c.progress.status))
        .map((c) => c.target.id);
      const behind = (await listTargetsBehind(today()))!;
      expect(behind.total).toBe(direct.length);
      expect(behind.items.map((b) => b.target.id).sort()).toEqual(direct.slice(0, 10).sort());
      expect(behind.items.find((b) => b.target.id === "target-199-vocational-training")!.progress).toMatchObject({ status: "missed", percent: 75 });
      const rank = (s: string) => ["missed", "off_track", "at_risk"].indexOf(s);
      const ranks = behind.items.map((b) => rank(b.progress.status));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect((await listTargetsBehind(today(), "94"))!.items.some((b) => b.target.id === "target-199-vocational-training")).toBe(false);
      expect(await listTargetsBehind(today(), "nope")).toBeNull();
    } finally {
      await withPg((c) => c.query(`DELETE FROM "result" WHERE "id" = 'result-summary-test-behind'`));
    }
  });

  it("rows computed for another day are recomputed for today", async () => {
    // As on the morning of a new day: every row and the last complete day are yesterday's.
    await withPg(async (c) => {
      await c.query(`UPDATE "target_progress" SET "computedFor" = DATE '2000-01-01', "status" = 'missed'`);
      await c.query(`UPDATE "progress_summary_state" SET "completeFor" = DATE '2000-01-01'`);
    });
    const published = (await directCounts()).total;
    expect(await refreshProgressSummary(today())).toBe(published);
    expect(await getStatusCounts(today())).toEqual(await directCounts());
    const state = await withPg(async (c) => (await c.query(`SELECT "completeFor"::text AS d FROM "progress_summary_state"`)).rows[0].d);
    expect(state).toBe(today());
  });

  it("once a day is complete only the queue is read; publishing a plan queues its targets", async () => {
    await refreshProgressSummary(today());
    const plan = "plan-199-kh-ubnd-2022";
    // A draft plan whose targets were last computed on an earlier day, published by SQL.
    await withPg(async (c) => {
      await c.query(`UPDATE "plan" SET "status" = 'DRAFT' WHERE "id" = $1`, [plan]);
      await refreshProgressSummary(today());
      await c.query(`UPDATE "target_progress" SET "computedFor" = DATE '2000-01-01', "status" = 'missed' WHERE "targetId" IN (SELECT "id" FROM "target" WHERE "planId" = $1)`, [plan]);
      // Without a queue entry, a complete day's refresh does not scan every target.
      expect(await refreshProgressSummary(today())).toBe(0);
      await c.query(`UPDATE "plan" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [plan]);
    });
    const { rows } = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "target" WHERE "planId" = $1`, [plan]));
    expect(await refreshProgressSummary(today())).toBe(rows[0].n);
    expect(await getStatusCounts(today())).toEqual(await directCounts());
  });

  // PostgreSQL only: on the embedded database a session in a transaction holds the one backend,
  // so no other session can even start while the lock below is held.
  it.skipIf(backend() === "pglite")("when the summary cannot be refreshed (locked past 5 s), readers compute from the results instead", async () => {
    await writeParentResult(5100); // queued: the summary row of PARENT is stale
    const blocker = new pg.Client({ connectionString: databaseUrl() });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`LOCK TABLE "target_progress" IN ACCESS EXCLUSIVE MODE`);
      const rows = (await listTargetProgress({ unit: "14", asOf: today() }))!;
      expect(rows.find((r) => r.targetId === PARENT)!.progress.actual).toBe(5100);
      expect(await getStatusCounts(today())).toEqual(await directCounts());
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
    // Once the lock is gone the summary catches up.
    await refreshProgressSummary(today());
    const summary = await withPg(async (c) => (await c.query(`SELECT "progress" FROM "target_progress" WHERE "targetId" = $1`, [PARENT])).rows[0].progress);
    expect(summary.actual).toBe(5100);
  });

  it("a date other than today is computed, not read from the summary", async () => {
    const rows = (await listTargetProgress({ unit: "14", asOf: "2022-06-30" }))!;
    const direct = await computeTargetProgress({ id: { in: rows.map((r) => r.targetId) } }, "2022-06-30");
    expect(rows.map((r) => r.progress)).toEqual(rows.map((r) => direct.find((d) => d.target.id === r.targetId)!.progress));
  });
});

describe("progress API downloads", () => {
  it("XLSX holds the overview (targets per status, as the home page counts them) and the rows behind it", async () => {
    const res = await progressGET(new NextRequest("http://localhost/api/v1/progress?format=xlsx"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const [summary, rows] = wb.worksheets;
    const counts = (await getStatusCounts(today()))!;
    const bySheet = Object.fromEntries(summary!.getRows(2, summary!.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(3).value]));
    expect(bySheet).toMatchObject({ met: counts.met, missed: counts.missed, no_data: counts.no_data, total: counts.total });
    expect(rows!.rowCount - 1).toBe(counts.total);
    expect((await progressGET(new NextRequest("http://localhost/api/v1/progress?format=pdf"))).status).toBe(400);
  });
});

describe("public cache", () => {
  it("the version moves once per committed writing transaction, not for a rolled-back one or a read", async () => {
    const v0 = await publicDataVersion();
    await withPg((c) => c.query(`SELECT count(*) FROM "plan"`));
    expect(await publicDataVersion()).toBe(v0);
    await withPg(async (c) => {
      await c.query("BEGIN");
      await c.query(`UPDATE "plan" SET "title" = "title" WHERE "id" = 'plan-199-kh-ubnd-2022'`);
      await c.query("ROLLBACK");
    });
    expect(await publicDataVersion()).toBe(v0);
    await withPg(async (c) => {
      await c.query("BEGIN");
      await c.query(`UPDATE "plan" SET "title" = "title" WHERE "id" = 'plan-199-kh-ubnd-2022'`);
      await c.query(`UPDATE "target" SET "statement" = "statement" WHERE "planId" = 'plan-199-kh-ubnd-2022'`);
      await c.query("COMMIT");
    });
    expect(await publicDataVersion()).toBe(v0 + 1n);
  });

  it("a result's draft life does not move the version; publishing, correcting and deleting a published one do", async () => {
    const id = "result-draft-version-test";
    const version = () => publicDataVersion();
    const write = (sql: string, params: unknown[] = []) => withPg((c) => c.query(sql, params));
    const { rows } = await withPg((c) => c.query<{ indicatorId: string; unitId: string }>(`SELECT "indicatorId", "unitId" FROM "target" WHERE "id" = $1`, [PARENT]));
    const t = rows[0]!;
    let v = await version();
    await write(
      `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "updatedAt") VALUES ($1, $2, $3, $4, 2021, 10, 'DRAFT', now())`,
      [id, PARENT, t.indicatorId, t.unitId],
    );
    await write(`UPDATE "result" SET "value" = 11 WHERE "id" = $1`, [id]);
    await write(`UPDATE "result" SET "status" = 'SUBMITTED' WHERE "id" = $1`, [id]);
    expect(await version()).toBe(v);
    await write(`UPDATE "result" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [id]);
    expect(await version()).toBe(++v);
    // Reopened for correction: the public keeps the old figure, marked; every edit of it may show.
    await write(`UPDATE "result" SET "status" = 'DRAFT' WHERE "id" = $1`, [id]);
    expect(await version()).toBe(++v);
    await write(`UPDATE "result" SET "value" = 12 WHERE "id" = $1`, [id]);
    expect(await version()).toBe(++v);
    await write(`UPDATE "result" SET "status" = 'PUBLISHED' WHERE "id" = $1`, [id]);
    expect(await version()).toBe(++v);
    await write(`DELETE FROM "result" WHERE "id" = $1`, [id]);
    expect(await version()).toBe(++v);
    // A draft that never was public goes without a trace in the public caches.
    await write(
      `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "updatedAt") VALUES ($1, $2, $3, $4, 2021, 10, 'DRAFT', now())`,
      [id, PARENT, t.indicatorId, t.unitId],
    );
    await write(`DELETE FROM "result" WHERE "id" = $1`, [id]);
    expect(await version()).toBe(v);
  });

  it("serves the same answer until a write, then loads again", async () => {
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const a = await cachedPublic(["test-entry"], load);
    const b = await cachedPublic(["test-entry"], load);
    expect(b).toBe(a);
    expect(loads).toBe(1);
    await writeParentResult(6000);
    const c = await cachedPublic(["test-entry"], load);
    expect(c).toEqual({ n: 2 });
  });

  it("keeps what depends on the unit registry alone across other writes, and drops it on a registry write", async () => {
    let loads = 0;
    const load = async () => ({ n: ++loads });
    const a = await cachedPublic(["test-registry-entry"], load, "registry");
    await writeParentResult(6100);
    expect(await cachedPublic(["test-registry-entry"], load, "registry")).toBe(a);
    // The same key in the public scope is its own entry, dropped by that write.
    expect(await cachedPublic(["test-registry-entry"], load)).toEqual({ n: 2 });
    const v0 = await publicDataVersion();
    await withPg((c) => c.query(`UPDATE "admin_unit" SET "name" = "name" WHERE "key" = '14'`));
    // A registry write moves both versions: every entry goes.
    expect(await publicDataVersion()).toBe(v0 + 1n);
    expect(await cachedPublic(["test-registry-entry"], load, "registry")).toEqual({ n: 3 });
    expect(await cachedPublic(["test-registry-entry"], load)).toEqual({ n: 4 });
  });

  it("public reads see a write at once", async () => {
    await writeParentResult(7000);
    const before = (await listTargetProgress({ unit: "14", asOf: today() }))!.find((r) => r.targetId === PARENT)!;
    expect(before.progress.actual).toBe(7000);
    await writeParentResult(7100);
    const after = (await listTargetProgress({ unit: "14", asOf: today() }))!.find((r) => r.targetId === PARENT)!;
    expect(after.progress.actual).toBe(7100);
  });

  it("a failed load is not kept", async () => {
    await expect(cachedPublic(["test-fail"], async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await cachedPublic(["test-fail"], async () => "ok")).toBe("ok");
  });
});
