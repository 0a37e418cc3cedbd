// Rollups computed by the database (lib/data/rollups.ts), on both backends: the seeded
// Bạc Liêu 2023 results, sums of counts per unit, rates never summed, drafts never shown,
// and the CSV/XLSX of /api/v1/compare built from the same rows.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompareWorkbook, compareCsvRows } from "@/lib/api/compare";
import { db } from "@/lib/db/client";
import { compareIndicator, groupComparison, listComparableIndicators, orderComparison } from "@/lib/data/rollups";

const P = "it-rollup-";
const base = { isDemo: false, qualifier: "EXACT" as const, status: "PUBLISHED" as const };
const inserted = [
  // Counts: Châu Thành 2023 = 1.200 (target 58/KH-UBND) + 300 (“hơn 300”, no target) = 1.500.
  { ...base, id: `${P}ct-jobs-target`, targetId: "target-58-jobs", indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, value: 1200 },
  { ...base, id: `${P}ct-jobs-extra`, indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, value: 300.5, qualifier: "OVER" as const, label: "Việc làm qua phiên giao dịch" },
  // Sóc Trăng's own figure, and a Bạc Liêu district whose province has none.
  { ...base, id: `${P}st-jobs`, indicatorId: "ind-jobs", unitId: "unit-94", year: 2023, value: 5000, qualifier: "ABOUT" as const },
  { ...base, id: `${P}hd-jobs`, indicatorId: "ind-jobs", unitId: "unit-956", year: 2023, value: 40 },
  // Sơn La 2022: job connections for target 199/KH-UBND.
  { ...base, id: `${P}sl-jobs-target`, targetId: "target-199-job-connections", indicatorId: "ind-jobs", unitId: "unit-14", year: 2022, value: 21500 },
  // Drafts and submitted results never count.
  { ...base, id: `${P}ct-jobs-draft`, indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, value: 99999, status: "DRAFT" as const },
  { ...base, id: `${P}sl-jobs-submitted`, indicatorId: "ind-jobs", unitId: "unit-14", year: 2022, value: 77777, status: "SUBMITTED" as const },
  { ...base, id: `${P}escaped-draft`, indicatorId: "ind-escaped-poverty", unitId: "unit-14", year: 2021, value: 10, status: "DRAFT" as const },
  // Rates: two labelled results for one unit and year stay two rows.
  { ...base, id: `${P}ct-rate-all`, indicatorId: "ind-poor-rate", unitId: "unit-942", year: 2023, value: 5.12, label: "Toàn huyện" },
  { ...base, id: `${P}ct-rate-khmer`, indicatorId: "ind-poor-rate", unitId: "unit-942", year: 2023, value: 7.3, label: "Hộ dân tộc Khmer" },
];

beforeAll(async () => {
  await db().result.deleteMany({ where: { id: { startsWith: P } } });
  await db().result.createMany({ data: inserted });
});
afterAll(async () => {
  await db().result.deleteMany({ where: { id: { startsWith: P } } });
});

const byUnit = async (indicatorCode: string, year: number) => {
  const c = (await compareIndicator({ indicatorCode, year }))!;
  return Object.fromEntries(c.rows.map((r) => [r.unit.code, r]));
};

describe("compareIndicator", () => {
  it("gives the seeded Bạc Liêu 2023 results with their qualifiers", async () => {
    const models = await byUnit("poverty-models", 2023);
    expect(Object.keys(models)).toEqual(["95"]);
    expect(models["95"]).toMatchObject({ value: 80, qualifier: "OVER", rows: 1, isDemo: false });
    expect(models["95"]!.unit).toMatchObject({ name: "Tỉnh Bạc Liêu", level: "PROVINCE", parentCode: "VN", provinceCode: "95", successor: { code: "96" } });
    expect(models["95"]!.unit.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");

    const funding = await byUnit("model-funding", 2023);
    expect(funding["95"]).toMatchObject({ value: 2314, qualifier: "OVER", rows: 1 });
    expect(funding["961"]).toMatchObject({ value: 840, qualifier: "EXACT", rows: 1 });
    expect(funding["961"]!.unit).toMatchObject({ level: "DISTRICT", parentCode: "95", provinceCode: "95" });

    // 1.000 (“trên 1.000”) + 400 (“hơn 400”) lượt hộ, summed by the database.
    const households = await byUnit("model-households", 2023);
    expect(households["95"]).toMatchObject({ value: 1400, qualifier: "OVER", rows: 2, label: null });
    expect(households["961"]).toMatchObject({ value: 30, rows: 1 });
    // 700 (“gần 700”) + 1.359: approximate as a whole.
    expect((await byUnit("job-event-participants", 2023))["95"]).toMatchObject({ value: 2059, qualifier: "ABOUT", rows: 2 });
  });

  it("sums published counts per unit in SQL, and leaves drafts out", async () => {
    const jobs2023 = await byUnit("jobs", 2023);
    expect(Object.keys(jobs2023).sort()).toEqual(["94", "942", "956"]);
    expect(jobs2023["942"]).toMatchObject({ value: 1500.5, qualifier: "OVER", rows: 2 });
    expect(jobs2023["94"]).toMatchObject({ value: 5000, qualifier: "ABOUT", rows: 1 });
    expect(jobs2023["956"]).toMatchObject({ value: 40, qualifier: "EXACT", rows: 1 });
    const jobs2022 = await byUnit("jobs", 2022);
    expect(jobs2022).toEqual({ "14": expect.objectContaining({ value: 21500, rows: 1 }) });
    // Cross-check with an independent aggregate of the same rows.
    const agg = await db().result.aggregate({ where: { indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, status: "PUBLISHED" }, _sum: { value: true }, _count: true });
    expect(Number(agg._sum.value)).toBe(jobs2023["942"]!.value);
    expect(agg._count).toBe(jobs2023["942"]!.rows);
  });

  it("does not count a result whose target is not published", async () => {
    await db().target.update({ where: { id: "target-199-job-connections" }, data: { status: "DRAFT" } });
    try {
      expect(await byUnit("jobs", 2022)).toEqual({});
    } finally {
      await db().target.update({ where: { id: "target-199-job-connections" }, data: { status: "PUBLISHED" } });
    }
  });

  it("keeps rates apart: one row per published result, never summed", async () => {
    const c = (await compareIndicator({ indicatorCode: "poor-rate", year: 2023 }))!;
    expect(c.indicator.measure).toBe("RATE");
    expect(c.rows.map((r) => [r.unit.code, r.value, r.label, r.rows])).toEqual([
      ["942", 5.12, "Toàn huyện", 1],
      ["942", 7.3, "Hộ dân tộc Khmer", 1],
    ]);
  });

  it("answers null for an unknown indicator and no rows for a year without data", async () => {
    expect(await compareIndicator({ indicatorCode: "no-such-indicator", year: 2023 })).toBeNull();
    expect(await compareIndicator({ indicatorCode: "bad code;--", year: 2023 })).toBeNull();
    expect((await compareIndicator({ indicatorCode: "jobs", year: 2019 }))!.rows).toEqual([]);
  });
});

describe("listComparableIndicators", () => {
  it("lists indicators with published results and their years, latest first", async () => {
    const list = await listComparableIndicators();
    const years = Object.fromEntries(list.map((i) => [i.code, i.years]));
    expect(years["jobs"]).toEqual([2023, 2022]);
    expect(years["poverty-models"]).toEqual([2023]);
    expect(years["poor-rate"]).toEqual([2023]);
    expect(years).not.toHaveProperty("escaped-poverty"); // only a draft
    expect(years).not.toHaveProperty("near-poor-rate"); // nothing at all
  });
});

describe("order and exports", () => {
  it("puts districts under their province and sorts by name or value", async () => {
    const c = (await compareIndicator({ indicatorCode: "jobs", year: 2023 }))!;
    const codes = (sort: Parameters<typeof orderComparison>[1]) => orderComparison(c.rows, sort).map((r) => r.unit.code);
    // Bạc Liêu (only its district Hồng Dân) before Sóc Trăng by name; last by value, having no own figure.
    expect(codes("name")).toEqual(["956", "94", "942"]);
    expect(codes("-name")).toEqual(["94", "942", "956"]);
    expect(codes("-value")).toEqual(["94", "942", "956"]);
    const groups = groupComparison(c.rows, "name");
    expect(groups.map((g) => [g.province.code, g.own.length, g.children.map((r) => r.unit.code)])).toEqual([
      ["95", 0, ["956"]],
      ["94", 1, ["942"]],
    ]);
  });

  it("writes the qualifier “hơn” into the CSV rows and numbers as numbers into the XLSX", async () => {
    const c = (await compareIndicator({ indicatorCode: "poverty-models", year: 2023 }))!;
    const csv = compareCsvRows(c.indicator, c.year, c.rows);
    expect(csv[0]).toMatchObject({ unitCode: "95", qualifier: "hơn", value: 80, measureUnit: "mô hình", successorCode: "96" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildCompareWorkbook(c.indicator, c.year, c.rows)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet("So sánh")!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("95");
    expect(ws.getCell("E2").value).toBe("hơn");
    expect(ws.getCell("F2").value).toBe(80);
  });
});
