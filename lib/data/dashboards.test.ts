// Dashboard shaping over hand-built inputs: no database. Numbers come from the
// Progress objects (computed by lib/domain/progress), never recomputed here.
import { describe, expect, it } from "vitest";
import { computeProgress, type Progress } from "@/lib/domain/progress";
import { countStatuses, indicatorTrends, planCharts, planTable, trendRows } from "./dashboards";
import { progressOf } from "./target-view";

const unit = { id: "unit-942", name: "Huyện Châu Thành", code: "942" };
const indicator = { name: "Số lao động có việc làm mới", nameEn: "New jobs", measureUnit: "người", measureUnitEn: "people", lowerIsBetter: false };

function target(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    parentId: null as string | null,
    kind: "COUNT" as const,
    lower: 2400,
    upper: null,
    strict: false,
    approximate: false,
    baseline: null,
    periodStart: 2023,
    periodEnd: 2023,
    annual: false,
    population: null,
    equivalentValue: null,
    equivalentUnit: null,
    qualitativeStatus: null,
    indicator,
    unit,
    results: [] as { year: number; value: { toString(): string }; baseline: { toString(): string } | null; unitId: string }[],
    ...over,
  };
}

const res = (year: number, value: number, unitId = "unit-942") => ({ year, value: String(value), baseline: null, unitId });

describe("results of the units below a target's unit", () => {
  it("count as its breakdown, not as its figure: progress uses the target's own unit only", () => {
    const province = { id: "unit-94", name: "Tỉnh Sóc Trăng", code: "94" };
    const both = target("both", { unit: province, results: [res(2023, 1000, "unit-94"), res(2023, 600, "unit-942")] });
    const districtOnly = target("district-only", { unit: province, results: [res(2023, 600, "unit-942")] });
    const p = progressOf([both, districtOnly] as never, "2023-12-31");
    expect(p.get("both")).toMatchObject({ actual: 1000, achieved: 1000 });
    expect(p.get("district-only")).toMatchObject({ status: "no_data", actual: null });
    expect(planCharts([both, districtOnly] as never, p, "vi").flatMap((g) => g.charts.map((c) => c.targetId))).toEqual(["both"]);
  });
});

describe("plan dashboard", () => {
  it("has no charts when no target has a published result (empty state, no invented numbers)", () => {
    const ts = [target("a"), target("b", { parentId: "a", lower: 25 })];
    const p = progressOf(ts as never, "2023-12-31");
    expect(planCharts(ts as never, p, "vi")).toEqual([]);
    // …but the download table still lists every target with its no-data status.
    const rows = planTable(ts as never, p, "vi");
    expect(rows.map((r) => [r.targetId, r.status, r.achieved])).toEqual([
      ["a", "no_data", null],
      ["b", "no_data", null],
    ]);
  });

  it("charts a reach target without a baseline as its level against the value, and a count as required against achieved", () => {
    const ts = [
      target("rate", { kind: "REACH_AT_MOST", lower: 18.66, periodStart: 2022, periodEnd: 2022, results: [res(2022, 18.5)] }),
      target("jobs", { results: [res(2023, 1200)] }),
    ];
    const p = progressOf(ts as never, "2026-11-23");
    const [rate, jobs] = planCharts(ts as never, p, "vi").flatMap((g) => g.charts);
    expect(rate!.measure).toBe("level");
    expect(rate!.rows[0]).toMatchObject({ level: 18.66, actual: 18.5, achieved: p.get("rate")!.achieved, status: p.get("rate")!.status });
    expect(p.get("rate")!.status).toBe("met");
    expect(jobs!.measure).toBe("amount");
    expect(jobs!.rows[0]).toMatchObject({ level: null, actual: 1200, required: 2400, achieved: 1200 });
  });

  it("puts sub-targets in their parent's group and takes required/achieved from Progress", () => {
    const ts = [
      target("jobs", { results: [res(2023, 1200)] }),
      target("other", { lower: 10, results: [res(2023, 3)] }),
      target("export", { parentId: "jobs", lower: 25, results: [res(2023, 30)] }),
      target("qual", { kind: "QUALITATIVE", lower: null, results: [res(2023, 1)] }),
    ];
    const p = progressOf(ts as never, "2023-06-30");
    const groups = planCharts(ts as never, p, "vi");
    expect(groups.map((g) => [g.parentId, g.charts.map((c) => c.targetId)])).toEqual([
      ["jobs", ["jobs", "export"]],
      ["other", ["other"]],
    ]);
    const jobs = groups[0]!.charts[0]!;
    const pj = p.get("jobs")!;
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0]).toMatchObject({ year: null, period: "2023", required: pj.required, achieved: pj.achieved, percent: pj.percent, status: pj.status });
    expect(jobs.rows[0]!.achieved).toBe(1200);
    // 1.200 of 2.400 by mid-year: half the period elapsed, ratio ≈ 1 → on track (status from Progress).
    expect(pj.status).toBe("on_track");
    expect(jobs.rows[0]!.statusLabel).toBe("Đúng tiến độ");
    expect(groups[0]!.charts[1]!.parentId).toBe("jobs");
  });

  it("annual targets give one row per year from `yearly`", () => {
    const t = target("annual", { annual: true, periodStart: 2021, periodEnd: 2023, lower: 100, results: [res(2021, 120), res(2022, 80)] });
    const p = progressOf([t] as never, "2023-03-01");
    const whole = p.get("annual")!;
    const rows = planTable([t] as never, p, "en");
    expect(rows.map((r) => r.year)).toEqual([2021, 2022, 2023]);
    expect(rows.map((r) => [r.required, r.achieved, r.status])).toEqual(whole.yearly!.map((y) => [y.required, y.achieved, y.status]));
    expect(rows[0]!.statusLabel).toBe("Met");
    expect(rows[1]!.status).toBe("missed");
  });

  it("skips targets without a Progress entry", () => {
    expect(planTable([target("x")] as never, new Map<string, Progress>(), "vi")).toEqual([]);
  });
});

describe("unit dashboard", () => {
  it("counts statuses of the given progress rows", () => {
    const mk = (r: number) => ({ progress: computeProgress({ kind: "COUNT", lower: 100, upper: null, strict: false, baseline: null, periodStart: 2023, periodEnd: 2023, annual: false }, r ? [{ year: 2023, value: r }] : [], "2024-01-15") });
    const c = countStatuses([mk(0), mk(100), mk(50), mk(150)]);
    expect(c).toMatchObject({ total: 4, no_data: 1, met: 2, missed: 1 });
  });

  it("makes one line per unit (and per label), years in order, null for missing years", () => {
    const ind = { code: "POOR_RATE", name: "Tỷ lệ hộ nghèo", nameEn: "Poverty rate", measureUnit: "%", measureUnitEn: "%" };
    const r = (u: string, year: number, value: string, label: string | null = null, qualifier: "EXACT" | "OVER" | "ABOUT" = "EXACT") => ({
      year,
      value,
      label,
      qualifier,
      unit: { code: u, name: `Đơn vị ${u}` },
      indicator: ind,
    });
    const trends = indicatorTrends([r("942", 2023, "3,1".replace(",", ".")), r("95", 2022, "4.5"), r("95", 2023, "3.8"), r("95", 2023, "99", "mô hình", "OVER")], "vi");
    expect(trends).toHaveLength(1);
    expect(trends[0]!.years).toEqual([2022, 2023]);
    expect(trends[0]!.series).toEqual([
      { unitCode: "942", unit: "Đơn vị 942", label: null, values: [null, 3.1], qualifiers: [null, "EXACT"] },
      { unitCode: "95", unit: "Đơn vị 95", label: null, values: [4.5, 3.8], qualifiers: ["EXACT", "EXACT"] },
      { unitCode: "95", unit: "Đơn vị 95", label: "mô hình", values: [null, 99], qualifiers: [null, "OVER"] },
    ]);
    // "hơn 99" stays a bound in the downloads, not an exact 99.
    expect(trendRows(trends).map((x) => [x.unit, x.year, x.qualifier, x.value])).toEqual([
      ["942", 2023, "exact", 3.1],
      ["95", 2022, "exact", 4.5],
      ["95", 2023, "exact", 3.8],
      ["95", 2023, "over", 99],
    ]);
    expect(indicatorTrends([], "vi")).toEqual([]);
  });
});
