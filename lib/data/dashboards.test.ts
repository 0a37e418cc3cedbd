// Dashboard shaping over hand-built inputs: no database. Numbers come from the
// Progress objects (computed by lib/domain/progress), never recomputed here.
import { describe, expect, it } from "vitest";
import { computeProgress, type Progress } from "@/lib/domain/progress";
import { countStatuses, indicatorTrends, planCharts, planTable, requiredText, trendRows } from "./dashboards";
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

const ALL = { code: "all", name: "Toàn bộ (không phân nhóm)", nameEn: "Everyone (no sub-group)" };

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
      group: ALL,
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

  it("gives a sub-group its own trend, named with the group, never a line beside the whole unit's", () => {
    const ind = { code: "poor-rate", name: "Tỷ lệ hộ nghèo", nameEn: "Poor-household rate", measureUnit: "%", measureUnitEn: "%" };
    const khmer = { code: "khmer", name: "Hộ dân tộc Khmer", nameEn: "Khmer households" };
    const r = (value: string, group: typeof ALL) => ({ year: 2023, value, label: null, qualifier: "EXACT" as const, unit: { code: "942", name: "Huyện Châu Thành" }, group, indicator: ind });
    const trends = indicatorTrends([r("5.12", ALL), r("7.3", khmer)], "vi");
    expect(trends.map((t) => [t.indicator, t.groupCode, t.series.map((s) => s.values)])).toEqual([
      ["Tỷ lệ hộ nghèo", "all", [[5.12]]],
      ["Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)", "khmer", [[7.3]]],
    ]);
    expect(indicatorTrends([r("7.3", khmer)], "en")[0]!.indicator).toBe("Poor-household rate (Khmer households)");
    expect(trendRows(trends).map((x) => [x.group, x.value])).toEqual([
      ["all", 5.12],
      ["khmer", 7.3],
    ]);
  });
});

// ---------------------------------------------------------------------------
// Plan charts say what they plot: axis unit, status colours, the group, "khoảng".
// ---------------------------------------------------------------------------

describe("plan charts: what each chart plots, in words", () => {
  const poorRate = { name: "Tỷ lệ hộ nghèo", nameEn: "Poor-household rate", measureUnit: "%", measureUnitEn: "%", lowerIsBetter: true };
  const everyone = { code: "all", name: "Toàn bộ (không phân nhóm)", nameEn: "Everyone (no sub-group)" };
  const khmer = { code: "khmer", name: "Hộ dân tộc Khmer", nameEn: "Khmer households" };
  const province = { id: "unit-94", name: "Tỉnh Sóc Trăng", code: "94" };
  // Sóc Trăng 2021–2025: "giảm tỷ lệ hộ nghèo hàng năm đạt từ 2% - 3%".
  const socTrang = (results: ReturnType<typeof res>[]) =>
    target("st", {
      kind: "DECREASE_BY",
      lower: 2,
      upper: 3,
      annual: true,
      periodStart: 2021,
      periodEnd: 2025,
      indicator: poorRate,
      group: everyone,
      unit: province,
      results,
    });

  it("the annual Sóc Trăng chart plots points reduced each year against the 2–3 point band, not the rate", () => {
    // 2020 (before the period) is the first year's baseline; 2021 −1,5 points (missed), 2022 −2,5 (met).
    const t = socTrang([res(2020, 10, "unit-94"), res(2021, 8.5, "unit-94"), res(2022, 6, "unit-94")]);
    const p = progressOf([t] as never, "2023-06-30");
    const [chart] = planCharts([t] as never, p, "vi").flatMap((g) => g.charts);
    expect(chart!.axisTitle).toBe("Điểm % giảm");
    expect(chart!.note).toContain("không phải giá trị của chỉ số");
    expect(chart!.note).toContain("từ 2 đến 3 điểm %");
    const [required, reduced] = chart!.series;
    expect(required!.label).toBe("Yêu cầu giảm");
    // The band is what the target asks every year, also in the years without data yet.
    expect(required!.values).toEqual([[2, 3], [2, 3], [2, 3], [2, 3], [2, 3]]);
    expect(required!.texts).toEqual(Array(5).fill("từ 2 đến 3 điểm %"));
    expect(reduced!.label).toBe("Đã giảm");
    // Points of reduction (baseline − value), never the rates 8,5 and 6.
    expect(reduced!.values).toEqual([1.5, 2.5, null, null, null]);
    expect(reduced!.texts.slice(0, 2)).toEqual(["1,5 điểm %", "2,5 điểm %"]);
    // The data table shows the rates the points come from, so it matches the rates beside the chart.
    expect(chart!.valuesBehind!.label).toBe("Cuối năm trước → cuối năm (Tỷ lệ hộ nghèo)");
    expect(chart!.valuesBehind!.texts.slice(0, 3)).toEqual(["10% → 8,5%", "8,5% → 6%", "—"]);

    const en = planCharts([t] as never, p, "en").flatMap((g) => g.charts)[0]!;
    expect(en.axisTitle).toBe("Percentage points reduced");
    expect(en.series[0]!.texts[0]).toBe("2 to 3 percentage points");
    expect(en.series[1]!.texts[0]).toBe("1.5 percentage points");
  });

  it("colours each result bar by its status's tone and names the status in the tooltip", () => {
    const t = socTrang([res(2020, 10, "unit-94"), res(2021, 8.5, "unit-94"), res(2022, 6, "unit-94")]);
    const p = progressOf([t] as never, "2023-06-30");
    const chart = planCharts([t] as never, p, "vi")[0]!.charts[0]!;
    expect(chart.rows.map((r) => r.status)).toEqual(["missed", "met", "no_data", "no_data", "no_data"]);
    expect(chart.tones).toEqual(["bad", "good", "neutral", "neutral", "neutral"]);
    expect(chart.series[1]!.tones).toEqual(chart.tones);
    // What the target asks is not a result: no status colour.
    expect(chart.series[0]!.tones).toBeNull();
    expect(chart.series[1]!.tooltips[0]).toBe("Đã giảm: 1,5 điểm % — Không đạt (75%)");
    expect(chart.series[1]!.tooltips[1]).toBe("Đã giảm: 2,5 điểm % — Đạt (125%)");
    expect(chart.series[0]!.tooltips[0]).toBe("Yêu cầu giảm: từ 2 đến 3 điểm %");
  });

  it("names the unit on the value axis for every kind of chart", () => {
    const people = { name: "Lao động được giải quyết việc làm", nameEn: "Workers placed in jobs", measureUnit: "người", measureUnitEn: "people", lowerIsBetter: false };
    const ts = [
      target("jobs", { indicator: people, group: everyone, results: [res(2023, 1200)] }),
      target("rate", { kind: "REACH_AT_MOST", lower: 18.66, periodStart: 2022, periodEnd: 2022, indicator: poorRate, group: everyone, results: [res(2022, 18.5)] }),
      target("share", { kind: "SHARE_OF_PARENT", parentId: "jobs", lower: 50, strict: true, indicator: people, group: everyone, results: [res(2023, 700)] }),
    ];
    const p = progressOf(ts as never, "2023-12-31");
    const vi = planCharts(ts as never, p, "vi").flatMap((g) => g.charts);
    expect(vi.map((c) => [c.targetId, c.measure, c.axisTitle])).toEqual([
      ["jobs", "amount", "Số lượng (người)"],
      ["share", "amount", "Tỷ lệ trong chỉ tiêu cha (%)"],
      ["rate", "level", "Giá trị (%)"],
    ]);
    expect(vi.find((c) => c.targetId === "share")!.series[0]!.texts[0]).toBe("trên 50%");
    expect(vi.find((c) => c.targetId === "rate")!.series.map((s) => s.texts[0])).toEqual(["18,66%", "18,5%"]);
    const en = planCharts(ts as never, p, "en").flatMap((g) => g.charts);
    expect(en.map((c) => c.axisTitle)).toEqual(["Number (people)", "Share of the parent target (%)", "Value (%)"]);
    expect(en[0]!.series.map((s) => s.label)).toEqual(["Required", "Achieved"]);
  });

  it("labels a sub-group's series with its group, never as the unit's overall rate", () => {
    const ts = [
      target("all", { kind: "DECREASE_BY", lower: 2, upper: 2.5, indicator: poorRate, group: everyone, baseline: 5, results: [res(2023, 3)] }),
      target("khmer", { kind: "DECREASE_BY", parentId: "all", lower: 3, upper: 3.5, indicator: poorRate, group: khmer, baseline: 8, results: [res(2023, 4.5)] }),
    ];
    const p = progressOf(ts as never, "2023-12-31");
    const [whole, sub] = planCharts(ts as never, p, "vi")[0]!.charts;
    expect(whole!.subject).toBe("Tỷ lệ hộ nghèo");
    expect(whole!.series.map((s) => s.label)).toEqual(["Yêu cầu giảm", "Đã giảm"]);
    expect(sub!.subject).toBe("Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)");
    expect(sub!.title).toContain("tỷ lệ hộ nghèo (Hộ dân tộc Khmer)");
    expect(sub!.series.map((s) => s.label)).toEqual(["Yêu cầu giảm – Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)", "Đã giảm – Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)"]);
    expect(sub!.series[1]!.tooltips[0]).toMatch(/^Đã giảm – Tỷ lệ hộ nghèo \(Hộ dân tộc Khmer\): 3,5 điểm % — /);
    expect(sub!.valuesBehind!.label).toBe("Giá trị gốc → mới nhất (Tỷ lệ hộ nghèo (Hộ dân tộc Khmer))");
    expect(sub!.valuesBehind!.texts).toEqual(["8% → 4,5%"]);
    const en = planCharts(ts as never, p, "en")[0]!.charts[1]!;
    expect(en.series[1]!.label).toBe("Reduced – Poor-household rate (Khmer households)");
  });

  it("keeps “khoảng” with an approximate target's figure in the tooltips, table and note", () => {
    const jobs = { name: "Lao động được hỗ trợ kết nối việc làm", nameEn: "Workers helped into jobs", measureUnit: "người", measureUnitEn: "people", lowerIsBetter: false };
    const t = target("sl", { lower: 25000, approximate: true, periodStart: 2022, periodEnd: 2022, indicator: jobs, group: everyone, results: [res(2022, 20000)] });
    const p = progressOf([t] as never, "2022-12-31");
    const chart = planCharts([t] as never, p, "vi")[0]!.charts[0]!;
    expect(chart.series[0]!.texts).toEqual(["khoảng 25.000 người"]);
    expect(chart.series[0]!.tooltips).toEqual(["Yêu cầu: khoảng 25.000 người"]);
    expect(chart.note).toContain("khoảng 25.000 người");
    expect(planCharts([t] as never, p, "en")[0]!.charts[0]!.series[0]!.texts).toEqual(["about 25,000 people"]);
  });
});

describe("plan charts of the later kinds", () => {
  const everyone = { code: "all", name: "Toàn bộ (không phân nhóm)", nameEn: "Everyone (no sub-group)" };
  const province = { id: "unit-94", name: "Tỉnh Sóc Trăng", code: "94" };
  const poorRate = { name: "Tỷ lệ hộ nghèo", nameEn: "Poor-household rate", measureUnit: "%", measureUnitEn: "%", lowerIsBetter: true };
  const income = { name: "Thu nhập bình quân đầu người của hộ nghèo", nameEn: "Average per-capita income of poor households", measureUnit: "triệu đồng/người/năm", measureUnitEn: "million VND per person per year", lowerIsBetter: false };
  const units = { name: "Huyện nghèo thoát nghèo", nameEn: "Poor districts leaving poverty", measureUnit: "đơn vị", measureUnitEn: "units", lowerIsBetter: false };
  const res94 = (year: number, value: number, baseline: number | null = null) => ({ year, value: String(value), baseline: baseline === null ? null : String(baseline), unitId: "unit-94" });
  const of = (over: Record<string, unknown>) => target("t", { periodStart: 2021, periodEnd: 2025, group: everyone, unit: province, ...over });

  it("an increase by a factor plots the factor against the one required, with the values behind it", () => {
    const t = of({ kind: "INCREASE_FACTOR", lower: 1.5, baseline: 20, indicator: income, results: [res94(2023, 25)] });
    const p = progressOf([t] as never, "2023-12-31");
    const chart = planCharts([t] as never, p, "vi")[0]!.charts[0]!;
    expect(chart.measure).toBe("amount");
    expect(chart.axisTitle).toBe("Số lần so với giá trị gốc");
    expect(chart.series.map((x) => x.label)).toEqual(["Yêu cầu tăng", "Đã tăng"]);
    expect(chart.series[0]!.values).toEqual([1.5]);
    expect(chart.series[0]!.texts).toEqual(["1,5 lần"]);
    expect(chart.series[1]!.values).toEqual([1.25]);
    // The completion shown is the share of the increase achieved (50%), not 1,25 / 1,5.
    expect(chart.series[1]!.tooltips[0]).toBe("Đã tăng: 1,25 lần — Có nguy cơ (50%)");
    expect(chart.note).toContain("tăng 1,5 lần");
    expect(chart.valuesBehind).toEqual({
      label: "Giá trị gốc → mới nhất (Thu nhập bình quân đầu người của hộ nghèo)",
      texts: ["20 triệu đồng/người/năm → 25 triệu đồng/người/năm"],
    });
    const en = planCharts([t] as never, p, "en")[0]!.charts[0]!;
    expect(en.axisTitle).toBe("Times the baseline");
    expect(en.series[1]!.texts).toEqual(["1.25 times"]);
  });

  it("a share of units plots the share in %, with units reached of how many", () => {
    const t = of({ kind: "SHARE_OF_UNITS", lower: 30, baseline: 7, indicator: units, results: [res94(2022, 1), res94(2023, 2)] });
    const p = progressOf([t] as never, "2023-12-31");
    const chart = planCharts([t] as never, p, "vi")[0]!.charts[0]!;
    expect(chart.axisTitle).toBe("Tỷ lệ số đơn vị đạt (%)");
    expect(chart.series[0]!.texts).toEqual(["30%"]);
    expect(chart.series[1]!.texts).toEqual(["28,57%"]);
    expect(chart.note).toBe("Số đơn vị đạt chia cho tổng số 7 đơn vị, tính theo %, so với yêu cầu: 30%.");
    expect(chart.valuesBehind).toEqual({ label: "Số đơn vị đạt / tổng số (Huyện nghèo thoát nghèo)", texts: ["2/7 đơn vị"] });
    // Without the number of units: no share, and the note says why.
    const unstated = of({ kind: "SHARE_OF_UNITS", lower: 30, baseline: null, indicator: units, results: [res94(2023, 2)] });
    const q = progressOf([unstated] as never, "2023-12-31");
    const c2 = planCharts([unstated] as never, q, "vi")[0]!.charts[0]!;
    expect(c2.rows[0]).toMatchObject({ status: "no_data", actual: 2, achieved: null });
    expect(c2.note).toContain("chưa nêu tổng số đơn vị");
    expect(c2.valuesBehind!.texts).toEqual(["2 đơn vị"]);
  });

  it("an average decrease plots points a year, once for the whole period even when flagged annual", () => {
    const t = of({ kind: "AVERAGE_DECREASE", lower: 1, upper: 1.5, baseline: 10, annual: true, indicator: poorRate, results: [res94(2023, 8.5)] });
    const p = progressOf([t] as never, "2024-03-01");
    const chart = planCharts([t] as never, p, "vi")[0]!.charts[0]!;
    expect(chart.rows).toHaveLength(1);
    expect(chart.axisTitle).toBe("Mức giảm bình quân mỗi năm (điểm %/năm)");
    expect(chart.series.map((x) => x.label)).toEqual(["Yêu cầu giảm bình quân", "Đã giảm bình quân"]);
    expect(chart.series[0]!.values).toEqual([[1, 1.5]]);
    expect(chart.series[0]!.texts).toEqual(["từ 1 đến 1,5 điểm %/năm"]);
    expect(chart.series[1]!.texts).toEqual(["0,5 điểm %/năm"]);
    expect(chart.note).toContain("giảm bình quân từ 1 đến 1,5 điểm %/năm");
    expect(chart.valuesBehind).toEqual({ label: "Giá trị gốc → mới nhất (Tỷ lệ hộ nghèo)", texts: ["10% → 8,5%"] });
    const en = planCharts([t] as never, p, "en")[0]!.charts[0]!;
    expect(en.axisTitle).toBe("Average yearly reduction (percentage points a year)");
    expect(en.series[0]!.texts).toEqual(["1 to 1.5 percentage points a year"]);
  });
});

describe("requiredText", () => {
  it("words a required amount as the target states it", () => {
    expect(requiredText(2, 3, { approximate: false, strict: false, unit: "%" }, "vi")).toBe("từ 2% đến 3%");
    expect(requiredText(2, 2.5, { approximate: true, strict: false, unit: "hộ" }, "vi")).toBe("khoảng từ 2 đến 2,5 hộ");
    expect(requiredText(3, null, { approximate: false, strict: true, unit: (one) => (one ? "percentage point" : "percentage points") }, "en")).toBe("more than 3 percentage points");
    expect(requiredText(1, null, { approximate: false, strict: false, unit: (one) => (one ? "percentage point" : "percentage points") }, "en")).toBe("1 percentage point");
    expect(requiredText(null, null, { approximate: true, strict: false, unit: "người" }, "vi")).toBe("—");
    // Strict and approximate: the source's "hơn", never "trên khoảng".
    expect(requiredText(1000, null, { approximate: true, strict: true, unit: "hộ" }, "vi")).toBe("hơn 1.000 hộ");
    expect(requiredText(1000, null, { approximate: true, strict: true, unit: "households" }, "en")).toBe("more than 1,000 households");
    expect(requiredText(1000, null, { approximate: false, strict: true, unit: "hộ" }, "vi")).toBe("trên 1.000 hộ");
  });
});
