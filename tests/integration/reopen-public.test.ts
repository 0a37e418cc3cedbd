// A published figure reopened for correction stays public, marked as being corrected, until the
// corrected one is published (lib/data/public-results.ts; the trigger result_keep_published keeps
// the figure whoever writes). Both backends; the test removes what it wrote.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPublishedPlan } from "@/lib/data/plans";
import { listPublishedResultsForUnits } from "@/lib/data/results";
import { publishResults, reopenResult, saveResults } from "@/lib/data/results-write";
import { compareIndicator } from "@/lib/data/rollups";
import { computeTargetProgress } from "@/lib/data/progress-compute";
import { demoActor, withPg } from "./helpers";

const socTrang = demoActor("user-soctrang");
const PLAN = "plan-58-kh-ubnd-2023";
const JOBS = "target-58-jobs";

let resultId = "";

afterAll(async () => {
  if (!resultId) return;
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: resultId } });
  await db().result.deleteMany({ where: { id: resultId } });
});

async function publicJobs() {
  const plan = (await getPublishedPlan(PLAN))!;
  return plan.targets.find((t) => t.id === JOBS)!.results.map((r) => ({ value: Number(r.value), adjusting: r.adjusting }));
}

describe("a reopened figure", () => {
  it("stays public with its published value, marked, while the correction is a draft; the corrected one replaces it once published", async () => {
    const saved = await saveResults(socTrang, [{ targetId: JOBS, unitCode: "942", year: 2023, value: "2.400" }], { publish: true });
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    resultId = saved.saved[0]!.id;
    expect(await publicJobs()).toEqual([{ value: 2400, adjusting: false }]);

    const reopened = await reopenResult(socTrang, resultId, "Đối chiếu lại với báo cáo năm (kiểm thử)", saved.saved[0]!.version);
    expect(reopened.ok, JSON.stringify(reopened)).toBe(true);
    const draft = await saveResults(socTrang, [{ targetId: JOBS, unitCode: "942", year: 2023, value: "2.350", version: (await db().result.findUniqueOrThrow({ where: { id: resultId } })).version }]);
    expect(draft.ok, JSON.stringify(draft)).toBe(true);

    // Every public read: the plan page, the unit's results, progress, and compare.
    expect(await publicJobs()).toEqual([{ value: 2400, adjusting: true }]);
    const forUnit = (await listPublishedResultsForUnits(["unit-942"])).filter((r) => r.id === resultId);
    expect(forUnit.map((r) => [Number(r.value), r.adjusting])).toEqual([[2400, true]]);
    const [progress] = await computeTargetProgress({ id: JOBS }, "2024-06-30");
    expect(progress!.progress.actual).toBe(2400);
    const compare = await compareIndicator({ indicatorCode: "jobs", groupCode: "all", year: 2023 });
    expect(compare?.rows.filter((r) => r.unit.code === "942").map((r) => r.value)).toEqual([2400]);
    // Nothing of the draft's figure leaks.
    const stored = await withPg(async (c) => (await c.query(`SELECT "status", "value"::float AS v, "publishedValue"::float AS pv FROM "result" WHERE "id" = $1`, [resultId])).rows[0]);
    expect(stored).toEqual({ status: "DRAFT", v: 2350, pv: 2400 });

    expect((await publishResults(socTrang, [resultId])).ok).toBe(true);
    expect(await publicJobs()).toEqual([{ value: 2350, adjusting: false }]);
    const after = await withPg(async (c) => (await c.query(`SELECT "publishedValue" FROM "result" WHERE "id" = $1`, [resultId])).rows[0]);
    expect(after).toEqual({ publishedValue: null });
  });
});
