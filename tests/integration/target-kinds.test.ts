// The three later target kinds on a real database (both backends; docs/domain.md, "Targets and
// their kinds"): a factor ("tăng 1,5 lần"), a share of units ("30% huyện nghèo") and an average
// yearly decrease ("bình quân 1–1,5%/năm"). Authored through the portal's own write path, refused
// when they break their rules (and by the database's CHECK constraints), their results checked,
// and their progress read back from what is published. Everything written is removed afterwards.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { loadTargetsWithResults } from "@/lib/data/plans";
import { createPlan, publishPlan, saveTarget } from "@/lib/data/plans-write";
import { saveResults } from "@/lib/data/results-write";
import { progressOf } from "@/lib/data/target-view";
import { problemText } from "@/lib/i18n/problems";
import { demoActor, withPg } from "./helpers";

const soctrang = demoActor("user-soctrang");
let plan = "";
const ids: Record<"factor" | "factorNoBaseline" | "units" | "average", string> = { factor: "", factorNoBaseline: "", units: "", average: "" };

const targetInput = (over: Record<string, unknown>) => ({
  unitCode: "94",
  periodStart: 2021,
  periodEnd: 2025,
  statement: "chỉ tiêu kiểm thử",
  ...over,
});
const factorInput = (over: Record<string, unknown> = {}) =>
  targetInput({ indicatorCode: "poor-household-income", kind: "INCREASE_FACTOR", lower: "1,5", baseline: "20", statement: "thu nhập bình quân của hộ nghèo tăng 1,5 lần so với cuối năm 2020", ...over });
const unitsInput = (over: Record<string, unknown> = {}) =>
  targetInput({ indicatorCode: "poor-units-escaped", kind: "SHARE_OF_UNITS", lower: "30", baseline: "7", statement: "30% huyện nghèo thoát khỏi tình trạng nghèo", ...over });
const averageInput = (over: Record<string, unknown> = {}) =>
  targetInput({ indicatorCode: "poor-rate", kind: "AVERAGE_DECREASE", lower: "1", upper: "1,5", baseline: "10", statement: "giảm tỷ lệ hộ nghèo bình quân 1–1,5%/năm", ...over });

async function saved(r: Awaited<ReturnType<typeof saveTarget>>): Promise<string> {
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return r.ok ? r.id : "";
}

beforeAll(async () => {
  const p = await createPlan(soctrang, {
    code: "",
    type: "KE_HOACH",
    issuer: "UBND tỉnh Sóc Trăng",
    issuerUnitCode: "94",
    issuedOn: "",
    title: "Kế hoạch kiểm thử các loại chỉ tiêu tăng lần, tỷ lệ đơn vị, giảm bình quân",
    periodStart: "2021",
    periodEnd: "2025",
  });
  expect(p, JSON.stringify(p)).toMatchObject({ ok: true });
  if (p.ok) plan = p.id;
});

afterAll(async () => {
  const targets = (await db().target.findMany({ where: { planId: plan }, select: { id: true } })).map((t) => t.id);
  const results = (await db().result.findMany({ where: { targetId: { in: targets } }, select: { id: true } })).map((r) => r.id);
  await db().auditLog.deleteMany({ where: { entityId: { in: [plan, ...targets, ...results] } } });
  await db().result.deleteMany({ where: { id: { in: results } } });
  await db().target.deleteMany({ where: { planId: plan } });
  await db().plan.deleteMany({ where: { id: plan } });
});

describe("authoring the later kinds", () => {
  it("saves each kind with its numbers as stated", async () => {
    ids.factor = await saved(await saveTarget(soctrang, plan, null, factorInput()));
    ids.factorNoBaseline = await saved(await saveTarget(soctrang, plan, null, factorInput({ baseline: "", upper: "2" })));
    ids.units = await saved(await saveTarget(soctrang, plan, null, unitsInput()));
    ids.average = await saved(await saveTarget(soctrang, plan, null, averageInput()));
    const rows = await db().target.findMany({ where: { id: { in: Object.values(ids) } }, orderBy: { position: "asc" } });
    expect(rows.map((t) => [t.kind, Number(t.lower), t.upper === null ? null : Number(t.upper), t.baseline === null ? null : Number(t.baseline), t.annual])).toEqual([
      ["INCREASE_FACTOR", 1.5, null, 20, false],
      ["INCREASE_FACTOR", 1.5, 2, null, false],
      ["SHARE_OF_UNITS", 30, null, 7, false],
      ["AVERAGE_DECREASE", 1, 1.5, 10, false],
    ]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ["an annual factor", factorInput({ annual: "on" }), "annual", "Lặp lại hằng năm"],
    ["an annual share of units", unitsInput({ annual: "on" }), "annual", "Lặp lại hằng năm"],
    ["an annual average decrease", averageInput({ annual: "on" }), "annual", "Lặp lại hằng năm"],
    ["a factor of 1", factorInput({ lower: "1" }), "lower", "lớn hơn 1"],
    ["a factor from a baseline of 0", factorInput({ baseline: "0" }), "baseline", "lớn hơn 0"],
    ["a share of units above 100%", unitsInput({ lower: "120" }), "lower", "từ 0 đến 100"],
    ["a share of 7,5 units", unitsInput({ baseline: "7,5" }), "baseline", "số nguyên"],
    ["an average decrease of 0", averageInput({ lower: "0", upper: "" }), "lower", "lớn hơn 0"],
  ])("refuses %s, saying why on its field", async (_name, input, field, words) => {
    const before = await db().target.count({ where: { planId: plan } });
    const r = await saveTarget(soctrang, plan, null, input);
    expect(r).toMatchObject({ ok: false, kind: "invalid" });
    if (r.ok) return;
    const problem = r.problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(r.problems)).toBeDefined();
    expect(problemText(problem!, "vi")).toContain(words);
    expect(problemText(problem!, "en")).not.toBe(problemText(problem!, "vi"));
    expect(await db().target.count({ where: { planId: plan } })).toBe(before);
  });

  it("refuses a share of units whose indicator does not count units", async () => {
    const r = await saveTarget(soctrang, plan, null, unitsInput({ indicatorCode: "poor-rate" }));
    expect(r).toMatchObject({ ok: false, kind: "invalid", problems: [{ field: "indicatorCode", code: "units_indicator_not_count" }] });
    if (!r.ok) expect(problemText(r.problems[0]!, "vi")).toContain("đếm số đơn vị");
  });

  it("the database refuses the same rules, whoever writes", async () => {
    await withPg(async (c) => {
      const insert = (kind: string, lower: number, baseline: number | null, annual = false) =>
        c.query(
          `INSERT INTO target (id, "planId", position, "unitId", kind, lower, baseline, annual, "periodStart", "periodEnd", statement, "updatedAt")
           VALUES ($1, $2, 9999, 'unit-94', $3, $4, $5, $6, 2021, 2025, 'test', now())`,
          [`test-${randomUUID()}`, plan, kind, lower, baseline, annual],
        );
      const refusal = async (kind: string, lower: number, baseline: number | null, annual = false) => {
        await c.query("SAVEPOINT s");
        const err = await insert(kind, lower, baseline, annual).then(
          () => null,
          (e: { code?: string; constraint?: string }) => e,
        );
        await c.query("ROLLBACK TO SAVEPOINT s");
        return err && { code: err.code, constraint: err.constraint };
      };
      await c.query("BEGIN");
      try {
        // The valid rows are accepted: each refusal below is its CHECK's doing.
        expect(await refusal("INCREASE_FACTOR", 1.5, 20)).toBeNull();
        expect(await refusal("SHARE_OF_UNITS", 30, 7)).toBeNull();
        expect(await refusal("AVERAGE_DECREASE", 1, 10)).toBeNull();
        expect(await refusal("INCREASE_FACTOR", 1, 20)).toEqual({ code: "23514", constraint: "target_factor_check" });
        expect(await refusal("INCREASE_FACTOR", 1.5, 0)).toEqual({ code: "23514", constraint: "target_factor_check" });
        expect(await refusal("SHARE_OF_UNITS", 120, 7)).toEqual({ code: "23514", constraint: "target_units_share_check" });
        expect(await refusal("SHARE_OF_UNITS", 30, 7.5)).toEqual({ code: "23514", constraint: "target_units_share_check" });
        expect(await refusal("AVERAGE_DECREASE", 0, 10)).toEqual({ code: "23514", constraint: "target_average_decrease_check" });
        expect(await refusal("AVERAGE_DECREASE", 1, 10, true)).toEqual({ code: "23514", constraint: "target_kind_not_annual_check" });
        // An annual decrease stays allowed.
        expect(await refusal("DECREASE_BY", 2, 10, true)).toBeNull();
      } finally {
        await c.query("ROLLBACK");
      }
    });
  });
});

describe("results of the later kinds", () => {
  it("are published with the plan, and checked for their kind", async () => {
    expect(await publishPlan(soctrang, plan)).toMatchObject({ ok: true });
    const r = await saveResults(soctrang, [
      // A factor without a baseline anywhere (neither the row nor its target).
      { targetId: ids.factorNoBaseline, unitCode: "94", year: 2023, value: "25" },
      // A factor's baseline of 0 cannot be multiplied.
      { targetId: ids.factor, unitCode: "94", year: 2023, value: "25", baseline: "0" },
      // A share of units: whole units, at most the target's 7.
      { targetId: ids.units, unitCode: "94", year: 2023, value: "8" },
      { targetId: ids.units, unitCode: "94", year: 2024, value: "2,5" },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byRow = (row: number) => r.errors.filter((e) => e.row === row).map((e) => e.code);
    expect(byRow(0)).toEqual(["baseline_required"]);
    expect(byRow(1)).toEqual(["baseline_not_positive"]);
    expect(byRow(2)).toEqual(["exceeds_units"]);
    expect(byRow(3)).toEqual(["not_whole"]);
    expect(problemText(r.errors.find((e) => e.row === 0)!, "vi")).toContain("mốc so sánh");
    expect(problemText(r.errors.find((e) => e.row === 2)!, "vi")).toBe("Số đơn vị đạt (8) không thể nhiều hơn tổng số đơn vị của chỉ tiêu (7)");
    expect(await db().result.count({ where: { targetId: { in: Object.values(ids) } } })).toBe(0);
  });

  it("give the progress the domain states, read back from what is published", async () => {
    const ok = await saveResults(
      soctrang,
      [
        { targetId: ids.factor, unitCode: "94", year: 2023, value: "25" },
        { targetId: ids.factorNoBaseline, unitCode: "94", year: 2023, value: "25", baseline: "20" },
        { targetId: ids.units, unitCode: "94", year: 2022, value: "1" },
        { targetId: ids.units, unitCode: "94", year: 2023, value: "2" },
        { targetId: ids.average, unitCode: "94", year: 2022, value: "8" },
      ],
      { publish: true },
    );
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true });
    if (!ok.ok) return;
    expect(ok.saved.every((s) => s.status === "PUBLISHED")).toBe(true);

    const targets = await loadTargetsWithResults({ planId: plan });
    const p = progressOf(targets as never, "2023-12-31");
    // 25 / 20 = 1,25: half the required increase at 60% of the period → at risk.
    expect(p.get(ids.factor)).toMatchObject({ status: "at_risk", achieved: 1.25, required: 1.5, percent: 50, baselineSource: "target" });
    expect(p.get(ids.factorNoBaseline)).toMatchObject({ status: "at_risk", achieved: 1.25, baselineSource: "result" });
    // The latest count (2 of 7), not the sum (3).
    expect(p.get(ids.units)).toMatchObject({ status: "on_track", actual: 2, achieved: 28.571428571, percent: 95.2 });
    // 10 → 8 in 2021–2022: 1 point a year on average.
    expect(p.get(ids.average)).toMatchObject({ status: "met", achieved: 1, percent: 100 });
  });
});
