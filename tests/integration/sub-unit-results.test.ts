// A province target may carry results of its districts as well as its own (the grid and the
// API allow a target's unit and the units below it). Progress counts the province's own
// figure; the districts' figures are its breakdown. Before this was settled, a province and a
// district result for the same year made the plan page and the API fail.
import { NextRequest } from "next/server";
import { afterAll, describe, expect, it } from "vitest";
import { GET as planGET } from "@/app/api/v1/plans/[id]/route";
import { GET as progressGET } from "@/app/api/v1/progress/route";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { withPg } from "./helpers";

const PLAN = "plan-soc-trang-phong-trao-2021-2025";
const TARGET = "target-soc-trang-2021-2025-poor-rate";

afterAll(async () => {
  await withPg((c) => c.query(`DELETE FROM "result" WHERE "id" LIKE 'sub-unit-test-%'`));
});

async function insert(id: string, unitId: string, value: number, baseline: number) {
  await withPg(async (c) => {
    const t = (await c.query<{ indicatorId: string }>(`SELECT "indicatorId" FROM "target" WHERE "id" = $1`, [TARGET])).rows[0]!;
    await c.query(
      `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "baseline", "status", "updatedAt")
       VALUES ($1, $2, $3, $4, 2023, $5, $6, 'PUBLISHED', now())`,
      [id, TARGET, t.indicatorId, unitId, value, baseline],
    );
  });
}

type TApiTarget = { id: string; progress: { status: string; actual: number | null; year: number | null; metYears?: number; totalYears?: number } };

describe("results of a province target's districts", () => {
  it("a district's figure alone gives the province target no data", async () => {
    await insert("sub-unit-test-942", "unit-942", 6, 9);
    const res = await planGET(new NextRequest(`http://localhost/api/v1/plans/${PLAN}?asOf=2023-12-31`), { params: Promise.resolve({ id: PLAN }) });
    expect(res.status).toBe(200);
    const t = ((await res.json()) as { targets: TApiTarget[] }).targets.find((x) => x.id === TARGET)!;
    expect(t.progress.status).toBe("no_data");
  });

  it("with the province's own figure for the same year, progress is the province's (and nothing fails)", async () => {
    await insert("sub-unit-test-94", "unit-94", 5, 8);
    const res = await planGET(new NextRequest(`http://localhost/api/v1/plans/${PLAN}?asOf=2023-12-31`), { params: Promise.resolve({ id: PLAN }) });
    expect(res.status).toBe(200);
    const t = ((await res.json()) as { targets: TApiTarget[] }).targets.find((x) => x.id === TARGET)!;
    // Annual 2–3 points: 8 → 5 is 3 points in 2023, the upper bound, so exceeded; the district's 9 → 6 is not added in.
    expect(t.progress.status).not.toBe("no_data");
    // The whole period of an annual target is summarised as "met in k of n years".
    expect(t.progress).toMatchObject({ metYears: 1, totalYears: 5 });
    for (const asOf of [isoDateInTimeZone(), "2023-12-31"]) {
      const p = await progressGET(new NextRequest(`http://localhost/api/v1/progress?unit=94&year=2023&asOf=${asOf}`));
      expect(p.status).toBe(200);
      const row = ((await p.json()) as { data: { targetId: string; status: string; actual: number; achieved: number }[] }).data.find((r) => r.targetId === TARGET)!;
      expect(row, asOf).toMatchObject({ status: "exceeded", actual: 5, achieved: 3, percent: 150 });
    }
  });
});
