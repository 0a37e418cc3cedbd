// The comparison (lib/data/rollups.ts) on both backends: one row per published figure, one
// population group at a time, totals only where the aggregation rule allows them (and then
// labelled as computed), drafts never shown, and the CSV/XLSX of /api/v1/compare built from
// the same rows.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCompareWorkbook, compareCsvRows } from "@/lib/api/compare";
import { db } from "@/lib/db/client";
import { compareIndicator, comparePage, compareView, groupComparison, listComparableIndicators, orderComparison } from "@/lib/data/rollups";

const P = "it-rollup-";
const base = { isDemo: false, qualifier: "EXACT" as const, status: "PUBLISHED" as const };
const inserted = [
  // Châu Thành 2023: two figures of one unit and year (target 58/KH-UBND, and a figure without target).
  { ...base, id: `${P}ct-jobs-target`, targetId: "target-58-jobs", indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, value: 1200 },
  { ...base, id: `${P}ct-jobs-extra`, indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, value: 300.5, qualifier: "OVER" as const, label: "Việc làm qua phiên giao dịch" },
  // Sóc Trăng's own figure, and two Bạc Liêu districts whose province has none.
  { ...base, id: `${P}st-jobs`, indicatorId: "ind-jobs", unitId: "unit-94", year: 2023, value: 5000, qualifier: "ABOUT" as const },
  { ...base, id: `${P}hd-jobs`, indicatorId: "ind-jobs", unitId: "unit-956", year: 2023, value: 40 },
  { ...base, id: `${P}pl-jobs`, indicatorId: "ind-jobs", unitId: "unit-957", year: 2023, value: 60, qualifier: "OVER" as const },
  // Sơn La 2022: job connections for target 199/KH-UBND.
  { ...base, id: `${P}sl-jobs-target`, targetId: "target-199-job-connections", indicatorId: "ind-jobs", unitId: "unit-14", year: 2022, value: 21500 },
  // Drafts and submitted results never count.
  { ...base, id: `${P}ct-jobs-draft`, indicatorId: "ind-jobs", unitId: "unit-942", year: 2023, value: 99999, status: "DRAFT" as const },
  { ...base, id: `${P}sl-jobs-submitted`, indicatorId: "ind-jobs", unitId: "unit-14", year: 2022, value: 77777, status: "SUBMITTED" as const },
  { ...base, id: `${P}escaped-draft`, indicatorId: "ind-escaped-poverty", unitId: "unit-14", year: 2021, value: 10, status: "DRAFT" as const },
  // Rates of Châu Thành 2023: the whole district's, and the Khmer households' (the group comes
  // from the target, whatever the writer says: groupId "group-all" is overridden).
  { ...base, id: `${P}ct-rate-all`, targetId: "target-58-poor-rate", indicatorId: "ind-poor-rate", unitId: "unit-942", year: 2023, value: 5.12 },
  { ...base, id: `${P}ct-rate-khmer`, targetId: "target-58-poor-rate-khmer", indicatorId: "ind-poor-rate", unitId: "unit-942", year: 2023, value: 7.3, groupId: "group-all" },
];

beforeAll(async () => {
  await db().result.deleteMany({ where: { id: { startsWith: P } } });
  await db().result.createMany({ data: inserted });
});
afterAll(async () => {
  await db().result.deleteMany({ where: { id: { startsWith: P } } });
});

const compare = async (indicatorCode: string, year: number, groupCode = "all") => (await compareIndicator({ indicatorCode, groupCode, year }))!;
const byUnit = async (indicatorCode: string, year: number, groupCode = "all") =>
  Object.fromEntries((await compare(indicatorCode, year, groupCode)).rows.map((r) => [r.unit.code, r]));

describe("compareIndicator: no invented totals", () => {
  it("shows Bạc Liêu's 'hơn 1.000 lượt hộ' alone: the 400 households are another measure and another group (no 'hơn 1.400')", async () => {
    const c = await compare("model-households", 2023);
    expect(c.rows.map((r) => [r.unit.code, r.value, r.qualifier, r.unitFigures])).toEqual([["95", 1000, "OVER", 1]]);
    expect(c.totals).toEqual([]);
    // The 400 households and the 30 poor households of Hòa Bình: households ("hộ"), each in its own group.
    expect((await compare("model-participating-households", 2023, "poor-near-poor-escaped")).rows.map((r) => [r.unit.code, r.value])).toEqual([["95", 400]]);
    expect((await compare("model-participating-households", 2023, "poor")).rows.map((r) => [r.unit.code, r.value])).toEqual([["961", 30]]);
  });

  it("shows the 1.359 job-session participations without the job fair's ~700 workers (no 'khoảng 2.059')", async () => {
    const c = await compare("job-event-participants", 2023);
    expect(c.rows.map((r) => [r.unit.code, r.value, r.qualifier])).toEqual([["95", 1359, "EXACT"]]);
    expect((await compare("job-fair-participants", 2023)).rows.map((r) => [r.unit.code, r.value, r.qualifier])).toEqual([["95", 700, "ABOUT"]]);
  });

  it("lists two figures of one unit and year apart, never summed, and refuses to total them", async () => {
    const jobs = await compare("jobs", 2023);
    const ct = jobs.rows.filter((r) => r.unit.code === "942");
    expect(ct.map((r) => [r.value, r.qualifier, r.unitFigures])).toEqual([
      [300.5, "OVER", 2],
      [1200, "EXACT", 2],
    ]);
    expect(jobs.rows.some((r) => r.value === 1500.5)).toBe(false);
    // Sóc Trăng's districts: Châu Thành's two figures may overlap, so no total is formed.
    expect(jobs.totals.find((t) => t.provinceCode === "94")).toEqual({ provinceCode: "94", ok: false, reason: "same_unit_twice" });
  });

  it("adds sibling districts of one indicator, group and year, saying how many reported and that it is computed", async () => {
    const jobs = await compare("jobs", 2023);
    expect(jobs.totals.find((t) => t.provinceCode === "95")).toEqual({ provinceCode: "95", ok: true, value: 100, qualifier: "OVER", reported: 2, computed: true });
  });

  it("keeps a sub-group's rate apart from the whole unit's (Khmer households in Châu Thành)", async () => {
    const all = await compare("poor-rate", 2023, "all");
    expect(all.indicator.measure).toBe("RATE");
    expect(all.rows.map((r) => [r.unit.code, r.value])).toEqual([["942", 5.12]]);
    expect(all.totals).toEqual([]);
    const khmer = await compare("poor-rate", 2023, "khmer");
    expect(khmer.group).toMatchObject({ code: "khmer", name: "Hộ dân tộc Khmer" });
    expect(khmer.rows.map((r) => [r.unit.code, r.value])).toEqual([["942", 7.3]]);
    // The group was taken from the target by the database, not from what the writer sent.
    expect((await db().result.findUnique({ where: { id: `${P}ct-rate-khmer` } }))!.groupId).toBe("group-khmer");
  });

  it("leaves drafts and results of unpublished targets out", async () => {
    expect(Object.keys(await byUnit("jobs", 2022))).toEqual(["14"]);
    await db().target.update({ where: { id: "target-199-job-connections" }, data: { status: "DRAFT" } });
    try {
      expect(await byUnit("jobs", 2022)).toEqual({});
    } finally {
      await db().target.update({ where: { id: "target-199-job-connections" }, data: { status: "PUBLISHED" } });
    }
  });

  it("answers null for an unknown indicator or group, and no rows for a year without data", async () => {
    expect(await compareIndicator({ indicatorCode: "no-such-indicator", groupCode: "all", year: 2023 })).toBeNull();
    expect(await compareIndicator({ indicatorCode: "bad code;--", groupCode: "all", year: 2023 })).toBeNull();
    expect(await compareIndicator({ indicatorCode: "jobs", groupCode: "no-such-group", year: 2023 })).toBeNull();
    expect((await compare("jobs", 2019)).rows).toEqual([]);
  });
});

describe("listComparableIndicators", () => {
  it("lists indicators with published results, their groups and years, latest first", async () => {
    const list = await listComparableIndicators();
    const of = Object.fromEntries(list.map((i) => [i.code, i]));
    expect(of["jobs"]!.years).toEqual([2023, 2022]);
    expect(of["poverty-models"]!.years).toEqual([2023]);
    expect(of["poor-rate"]!.groups.map((g) => [g.code, g.years])).toEqual([
      ["all", [2023]],
      ["khmer", [2023]],
    ]);
    expect(of["model-participating-households"]!.groups.map((g) => g.code)).toEqual(["poor", "poor-near-poor-escaped"]);
    expect(of).not.toHaveProperty("escaped-poverty"); // only a draft
    expect(of).not.toHaveProperty("near-poor-rate"); // nothing at all
  });
});

describe("order and exports", () => {
  it("puts districts under their province and sorts by name or value", async () => {
    const c = await compare("jobs", 2023);
    const codes = (sort: Parameters<typeof orderComparison>[1]) => orderComparison(c.rows, sort).map((r) => r.unit.code);
    // Bạc Liêu (only its districts) before Sóc Trăng by name; last by value, having no own figure.
    expect(codes("name")).toEqual(["956", "957", "94", "942", "942"]);
    expect(codes("-name")).toEqual(["94", "942", "942", "957", "956"]);
    expect(codes("-value")).toEqual(["94", "942", "942", "957", "956"]);
    const groups = groupComparison(c.rows, "name");
    expect(groups.map((g) => [g.province.code, g.own.length, g.children.map((r) => r.unit.code)])).toEqual([
      ["95", 0, ["956", "957"]],
      ["94", 1, ["942", "942"]],
    ]);
  });

  it("writes the qualifier “hơn”, the group and the computed total into the CSV rows, numbers as numbers into the XLSX", async () => {
    const models = await compare("poverty-models", 2023);
    const csv = compareCsvRows(models, models.rows);
    expect(csv[0]).toMatchObject({ unitCode: "95", group: "all", qualifier: "hơn", value: 80, measureUnit: "mô hình", successorCode: "96", computed: false });

    const jobs = await compare("jobs", 2023);
    const ordered = orderComparison(jobs.rows, "name");
    const jobsCsv = compareCsvRows(jobs, ordered);
    const total = jobsCsv.filter((r) => r.computed === true);
    expect(total).toEqual([expect.objectContaining({ unitCode: "95", value: 100, qualifier: "hơn", unitsReported: 2 })]);
    // The total follows Bạc Liêu's districts.
    expect(jobsCsv.map((r) => r.unitCode)).toEqual(["956", "957", "95", "94", "942", "942"]);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildCompareWorkbook(models, models.rows)).buffer as ArrayBuffer);
    const ws = wb.getWorksheet("So sánh")!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell("A2").value).toBe("95");
    expect(ws.getCell("E2").value).toBe("hơn");
    expect(ws.getCell("F2").value).toBe(80);
    expect(ws.getCell("H2").value).toBe("Toàn bộ (không phân nhóm)");
  });
});

describe("/compare reads only what it lists", () => {
  it("lists in the overview, and in each province's view, exactly what the whole comparison gives", async () => {
    let provinceViews = 0;
    for (const ind of await listComparableIndicators()) {
      for (const g of ind.groups) {
        for (const year of g.years) {
          const q = { indicatorCode: ind.code, groupCode: g.code, year };
          const whole = (await compareIndicator(q))!;
          for (const sort of ["name", "-value"] as const) {
            const all = groupComparison(whole.rows, sort);
            const overview = (await comparePage(q, sort))!;
            expect(overview.figures).toBe(whole.rows.length);
            // The same provinces in the same order, each with its own rows and the count of its units' figures.
            const lines = (v: ReturnType<typeof compareView>) => (v.kind === "provinces" ? v.provinces.map((p) => ({ code: p.province.code, own: p.own, children: p.children })) : []);
            expect(lines(compareView(overview.groups, [], {}))).toEqual(lines(compareView(all, [], {})));
            for (const group of all.filter((x) => x.children.length > 0 || x.own.length > 0)) {
              const one = (await comparePage(q, sort, group.province.code))!;
              const mine = one.groups.find((x) => x.province.code === group.province.code)!;
              expect(mine.own).toEqual(group.own);
              expect(mine.children).toEqual(group.children);
              expect(one.totals).toEqual(whole.totals.filter((t) => t.provinceCode === group.province.code));
              provinceViews++;
            }
          }
        }
      }
    }
    expect(provinceViews).toBeGreaterThan(4);
    // A province with no figure in the series: the overview, not an empty view.
    const q = { indicatorCode: "jobs", groupCode: "all", year: 2023 };
    expect((await comparePage(q, "name", "01"))!.groups.length).toBe((await comparePage(q, "name"))!.groups.length);
  });
});
