// The public data layer and API serialisers on a real database (both backends):
// search ignores case and diacritics, filters and the 2025 successor scope work,
// unpublished data never shows, and the API agrees with the progress function.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toApiPlan, toApiPlanDetail } from "@/lib/api/serialize";
import { db } from "@/lib/db/client";
import { getPublishedPlan, listPublishedPlans } from "@/lib/data/plans";
import { listTargetProgress } from "@/lib/data/progress";
import { computeProgress } from "@/lib/domain/progress";

const codes = async (filter: Parameters<typeof listPublishedPlans>[0]) =>
  (await listPublishedPlans(filter)).items.map((p) => p.code ?? p.id).sort();

const SOC_TRANG = ["1845/UBND-VX", "58/KH-UBND", "plan-soc-trang-phong-trao-2021-2025"];

describe("public plans", () => {
  it("lists the five source documents with codes exactly as issued", async () => {
    const page = await listPublishedPlans({});
    expect(page.total).toBe(5);
    expect(page.items.map((p) => p.code).filter(Boolean).sort()).toEqual(["1845/UBND-VX", "199/KH-UBND", "58/KH-UBND"]);
  });

  it.each(["soc trang", "Sóc Trăng", "SÓC TRĂNG", "  sóc   TRANG ", "soctrang", "SócTrăng"])("search %j ignores case, diacritics and spacing", async (q) => {
    expect(await codes({ q })).toEqual(SOC_TRANG);
  });

  it("matches đ as d, the document number, and every word", async () => {
    expect(await codes({ q: "58/KH-UBND" })).toEqual(["58/KH-UBND"]);
    expect(await codes({ q: "chau thanh" })).toEqual(["58/KH-UBND"]);
    expect(await codes({ q: "son la" })).toEqual(["199/KH-UBND"]);
    expect(await codes({ q: "sonla" })).toEqual(["199/KH-UBND"]);
    // LIKE's wildcards match themselves: "%" and "_" find nothing here.
    expect(await codes({ q: "%" })).toEqual([]);
    expect(await codes({ q: "_" })).toEqual([]);
    expect(await codes({ q: "Đề án không tồn tại" })).toEqual([]);
    expect(await codes({ q: "hđnd" })).toEqual(await codes({ q: "HDND" }));
  });

  it("filters by unit (with subordinate and merged units), year and type", async () => {
    expect(await codes({ unit: "94" })).toEqual(SOC_TRANG);
    expect(await codes({ unit: "92" })).toEqual(SOC_TRANG); // Cần Thơ, successor of Sóc Trăng
    expect(await codes({ unit: "942" })).toEqual(["58/KH-UBND"]);
    expect(await codes({ unit: "96" })).toEqual(["plan-bac-lieu-2024"]); // Cà Mau ← Bạc Liêu
    expect(await codes({ unit: "14", year: 2022 })).toEqual(["199/KH-UBND"]);
    expect(await codes({ year: 2019 })).toEqual(["1845/UBND-VX"]);
    expect(await codes({ year: 2023 })).toEqual(["58/KH-UBND", "plan-soc-trang-phong-trao-2021-2025"]);
    expect(await codes({ type: "CONG_VAN" })).toEqual(["1845/UBND-VX"]);
    expect(await codes({ unit: "00000" })).toEqual([]);
  });

  it("paginates", async () => {
    const first = await listPublishedPlans({}, { pageSize: 2 });
    const third = await listPublishedPlans({ page: 3 }, { pageSize: 2 });
    expect(first.pageCount).toBe(3);
    expect(first.items).toHaveLength(2);
    expect(third.items).toHaveLength(1);
    const beyond = await listPublishedPlans({ page: 99 }, { pageSize: 2 });
    expect(beyond.page).toBe(3);
  });
});

describe("unpublished data never leaks", () => {
  const draftId = "it-draft-plan";
  beforeAll(async () => {
    await db().plan.create({
      data: {
        id: draftId,
        code: "999/KH-UBND",
        type: "KE_HOACH",
        issuer: "UBND tỉnh Sóc Trăng",
        issuerUnitId: "unit-94",
        issueYear: 2024,
        title: "Dự thảo kế hoạch Sóc Trăng chưa công bố",
        periodStart: 2024,
        periodEnd: 2024,
        status: "DRAFT",
        searchText: "999/kh-ubnd du thao ke hoach soc trang chua cong bo",
      },
    });
    await db().target.create({
      data: {
        id: "it-draft-target",
        planId: "plan-58-kh-ubnd-2023",
        position: 999,
        unitId: "unit-942",
        kind: "COUNT",
        lower: 10,
        periodStart: 2023,
        periodEnd: 2023,
        statement: "Chỉ tiêu nháp",
        status: "DRAFT",
      },
    });
  });
  afterAll(async () => {
    await db().target.deleteMany({ where: { id: "it-draft-target" } });
    await db().plan.deleteMany({ where: { id: draftId } });
  });

  it("keeps draft plans and targets out of lists, search, detail and progress", async () => {
    expect(await codes({ q: "du thao" })).toEqual([]);
    expect((await listPublishedPlans({})).total).toBe(5);
    expect(await getPublishedPlan(draftId)).toBeNull();
    const plan = await getPublishedPlan("plan-58-kh-ubnd-2023");
    expect(plan?.targets.map((t) => t.id)).not.toContain("it-draft-target");
    const progress = await listTargetProgress({ unit: "942", asOf: "2023-12-31" });
    expect(progress?.map((p) => p.targetId)).not.toContain("it-draft-target");
  });
});

describe("API shapes agree with the progress function", () => {
  it("plan detail carries targets, sub-targets and progress computed by computeProgress", async () => {
    const plan = (await getPublishedPlan("plan-58-kh-ubnd-2023"))!;
    const body = toApiPlanDetail(plan, "2023-06-30");
    expect(body.code).toBe("58/KH-UBND");
    expect(body.issuedOn).toBe("2023-03-21");
    expect(body.unit).toEqual({ code: "942", name: "Huyện Châu Thành", level: "district" });
    const khmer = body.targets.find((t) => t.id === "target-58-poor-rate-khmer")!;
    expect(khmer.parentId).toBe("target-58-poor-rate");
    expect([khmer.lower, khmer.upper]).toEqual([3, 3.5]);
    for (const t of body.targets) {
      const row = plan.targets.find((x) => x.id === t.id)!;
      const expected = computeProgress(
        { kind: row.kind, lower: row.lower, upper: row.upper, strict: row.strict, baseline: row.baseline, periodStart: row.periodStart, periodEnd: row.periodEnd, annual: row.annual, qualitativeStatus: row.qualitativeStatus },
        [],
        "2023-06-30",
      );
      expect(t.progress.status).toBe(expected.status);
      expect(t.progress.status).toBe("no_data"); // the sources state no results for these targets
    }
    expect(toApiPlan(plan).type).toBe("ke_hoach");
  });

  it("the Bạc Liêu report carries its stated 2023 results, marked as not demo", async () => {
    const plan = (await getPublishedPlan("plan-bac-lieu-2024"))!;
    const body = toApiPlanDetail(plan, "2024-06-30");
    expect(body.code).toBeNull();
    expect(body.reportedResults.length).toBeGreaterThanOrEqual(5);
    expect(body.reportedResults.every((r) => r.year === 2023 && r.demo === false)).toBe(true);
    const equivalent = body.targets.find((t) => t.equivalent)?.equivalent;
    expect(equivalent?.value).toBe(2273);
  });
});
