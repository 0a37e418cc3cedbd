// Dashboards on a real database (both backends): the plan and unit dashboard data and
// their CSV/XLSX downloads agree with the one progress function, and only published
// data shows. Two PUBLISHED results are added for the test and removed afterwards.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as planGET } from "@/app/api/v1/dashboards/plan/[id]/route";
import { GET as unitGET } from "@/app/api/v1/dashboards/unit/[code]/route";
import { db } from "@/lib/db/client";
import { indicatorTrends, planCharts, planTable } from "@/lib/data/dashboards";
import { listPublishedResultsForUnits, listPublishedResultsPage, listTrendResults, UNIT_RESULTS_PAGE } from "@/lib/data/results";
import { unitScopeByCode } from "@/lib/data/units";
import { getPublishedPlan } from "@/lib/data/plans";
import { listTargetProgress } from "@/lib/data/progress";
import { progressOf } from "@/lib/data/target-view";
import { computeProgress } from "@/lib/domain/progress";

const PLAN = "plan-58-kh-ubnd-2023";
const ASOF = "2023-07-01";
const IDS = ["result-dash-test-jobs", "result-dash-test-draft"];

const req = (path: string) => new NextRequest(`http://localhost${path}`);
const planCsv = (id: string, q = `format=csv&asOf=${ASOF}`) => planGET(req(`/api/v1/dashboards/plan/${id}?${q}`), { params: Promise.resolve({ id }) });
const unitDl = (code: string, q: string) => unitGET(req(`/api/v1/dashboards/unit/${code}?${q}`), { params: Promise.resolve({ code }) });

/** Minimal CSV reader for the portal's own output (BOM, CRLF, quoted cells). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let q = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (q) {
      if (ch === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') q = false;
      else cell += ch;
    } else if (ch === '"') q = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r") continue;
    else if (ch === "\n") row.push(cell), rows.push(row), (row = []), (cell = "");
    else cell += ch;
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ""])));
}
const n = (v: number | null) => (v === null ? "" : String(v));

beforeAll(async () => {
  const t = await db().target.findUniqueOrThrow({ where: { id: "target-58-jobs" }, select: { indicatorId: true, unitId: true } });
  await db().result.createMany({
    data: [
      { id: IDS[0]!, targetId: "target-58-jobs", indicatorId: t.indicatorId!, unitId: "unit-942", year: 2023, value: 1200, version: 1, status: "PUBLISHED" },
      // A draft must never show.
      { id: IDS[1]!, targetId: null, indicatorId: t.indicatorId!, unitId: "unit-942", year: 2022, value: 999, version: 1, status: "DRAFT" },
    ],
  });
});

afterAll(async () => {
  await db().result.deleteMany({ where: { id: { in: IDS } } });
});

describe("plan dashboard", () => {
  it("charts only the target with results, with the numbers of computeProgress", async () => {
    const plan = (await getPublishedPlan(PLAN))!;
    const progress = progressOf(plan.targets, ASOF);
    const groups = planCharts(plan.targets, progress, "vi");
    expect(groups.map((g) => g.charts.map((c) => c.targetId))).toEqual([["target-58-jobs"]]);
    const jobs = plan.targets.find((t) => t.id === "target-58-jobs")!;
    const direct = computeProgress(
      { kind: jobs.kind, lower: jobs.lower, upper: jobs.upper, strict: jobs.strict, baseline: jobs.baseline, periodStart: jobs.periodStart, periodEnd: jobs.periodEnd, annual: jobs.annual },
      [{ year: 2023, value: 1200 }],
      ASOF,
    );
    expect(groups[0]!.charts[0]!.rows).toEqual([expect.objectContaining({ required: direct.required, achieved: 1200, percent: direct.percent, status: direct.status })]);
    expect(planTable(plan.targets, progress, "vi")).toHaveLength(plan.targets.length);
  });

  it("downloads the target × year table as CSV agreeing with listTargetProgress", async () => {
    const res = await planCsv(PLAN);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const rows = parseCsv(await res.text());
    const lp = (await listTargetProgress({ unit: "942", asOf: ASOF }))!.filter((r) => r.planId === PLAN);
    expect(rows.map((r) => r.targetId).sort()).toEqual(lp.map((r) => r.targetId).sort());
    for (const r of lp) {
      const row = rows.find((x) => x.targetId === r.targetId)!;
      expect([row.status, row.achieved, row.required, row.percent]).toEqual([r.progress.status, n(r.progress.achieved), n(r.progress.required), n(r.progress.percent)]);
    }
    expect(rows.find((r) => r.targetId === "target-58-jobs")).toMatchObject({ achieved: "1200", required: "2400" });
  });

  it("downloads XLSX with a bold header and numbers as numbers; 404 and 400 as JSON", async () => {
    const res = await planCsv(PLAN, `format=xlsx&asOf=${ASOF}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    const head = (ws.getRow(1).values as unknown[]).slice(1);
    const jobsRow = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(head.indexOf("targetId") + 1).value === "target-58-jobs")!;
    expect(jobsRow.getCell(head.indexOf("achieved") + 1).value).toBe(1200);

    const missing = await planCsv("plan-khong-co");
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("not_found");
    expect((await planCsv(PLAN, "format=pdf")).status).toBe(400);
  });
});

describe("unit dashboard downloads", () => {
  it("status CSV agrees with listTargetProgress for the unit scope", async () => {
    const res = await unitDl("94", `format=csv&table=status&asOf=${ASOF}`);
    expect(res.status).toBe(200);
    const rows = parseCsv(await res.text());
    const lp = (await listTargetProgress({ unit: "94", asOf: ASOF }))!;
    expect(rows.map((r) => [r.targetId, r.status, r.percent])).toEqual(lp.map((r) => [r.targetId, r.progress.status, n(r.progress.percent)]));
  });

  it("indicator CSV lists published results only, by unit and year", async () => {
    const rows = parseCsv(await (await unitDl("942", "format=csv&table=indicators")).text());
    const jobs = rows.filter((r) => r.unit === "942");
    expect(jobs.map((r) => [r.year, r.value])).toContainEqual(["2023", "1200"]);
    expect(rows.some((r) => r.value === "999")).toBe(false);
  });

  it("XLSX has the three tables as sheets; unknown unit is 404", async () => {
    const res = await unitDl("94", "format=xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Trạng thái chỉ tiêu", "Theo văn bản", "Chỉ số theo năm"]);
    expect((await unitDl("00000", "format=csv")).status).toBe(404);
    expect((await unitDl("94", "format=csv&table=x")).status).toBe(400);
  });
});

describe("a unit's trends", () => {
  it("read only the figure each line and year draws, and draw exactly what every figure of the unit's scope draws", async () => {
    // A second figure for Châu Thành's jobs in 2023 (without a target, beside the one above): a line and year with two figures.
    const t = await db().target.findUniqueOrThrow({ where: { id: "target-58-jobs" }, select: { indicatorId: true } });
    await db().result.create({ data: { id: "result-dash-test-dup", targetId: null, indicatorId: t.indicatorId!, unitId: "unit-942", year: 2023, value: 1300, version: 1, status: "PUBLISHED" } });
    try {
      let lines = 0;
      for (const code of ["VN", "14", "95", "96", "94", "942"]) {
        const scope = (await unitScopeByCode(code))!;
        const every = await listPublishedResultsForUnits(scope, { take: 1_000_000 });
        const read = await listTrendResults(scope);
        expect(indicatorTrends(read, "vi")).toEqual(indicatorTrends(every, "vi"));
        lines += indicatorTrends(read, "vi").reduce((n, tr) => n + tr.series.length, 0);
        if (code === "942") expect(read.length).toBe(every.length - 1);
      }
      expect(lines).toBeGreaterThan(3);
    } finally {
      await db().result.delete({ where: { id: "result-dash-test-dup" } });
    }
  });
});

describe("a unit's results, a page at a time", () => {
  it("pages exactly the unit's published results, newest year first, a page past the end giving the last", async () => {
    // 120 more figures for Châu Thành (without a target, over 25 years): three pages.
    const t = await db().target.findUniqueOrThrow({ where: { id: "target-58-jobs" }, select: { indicatorId: true } });
    const ids = Array.from({ length: 120 }, (_, i) => `result-dash-page-${String(i).padStart(3, "0")}`);
    await db().result.createMany({ data: ids.map((id, i) => ({ id, targetId: null, indicatorId: t.indicatorId!, unitId: "unit-942", year: 2000 + (i % 25), value: i, version: 1, status: "PUBLISHED" as const })) });
    try {
      await pagesAreExact();
    } finally {
      await db().result.deleteMany({ where: { id: { in: ids } } });
    }
  });
});

/** Every page of a unit's results, for a few units, against all of them read at once. */
async function pagesAreExact() {
  for (const code of ["VN", "95", "942", "01"]) {
    const scope = (await unitScopeByCode(code))!;
    const every = await listPublishedResultsForUnits(scope, { take: 1_000_000 });
    const first = await listPublishedResultsPage(scope, 1);
    expect(first.total).toBe(every.length);
    expect(first.pageCount).toBe(Math.max(1, Math.ceil(every.length / UNIT_RESULTS_PAGE)));
    const seen: unknown[] = [];
    for (let p = 1; p <= first.pageCount; p++) seen.push(...(await listPublishedResultsPage(scope, p)).items);
    expect(seen).toEqual(every);
    const past = await listPublishedResultsPage(scope, first.pageCount + 3);
    expect(past.page).toBe(first.pageCount);
    expect(past.items).toEqual(every.slice((first.pageCount - 1) * UNIT_RESULTS_PAGE));
    if (code === "942") expect(first.pageCount).toBeGreaterThanOrEqual(3);
  }
}
