// A result saved while its target is deleted, between the result's checks and its write (the
// warnings step, which runs in between, deletes it here): the save is refused, saying the target
// is not there, instead of failing on the foreign key with a server error (lib/data/results/save.ts).
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createPlan, deleteTarget, saveTarget } from "@/lib/data/plans-write";
import { saveResults } from "@/lib/data/results-write";
import { demoActor } from "./helpers";

const between = vi.hoisted(() => ({ step: null as null | (() => Promise<unknown>) }));
vi.mock("@/lib/data/results/warnings", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/data/results/warnings")>();
  return {
    ...actual,
    warningsFor: async (...args: Parameters<typeof actual.warningsFor>) => {
      const step = between.step;
      between.step = null;
      if (step) await step();
      return actual.warningsFor(...args);
    },
  };
});

const socTrang = demoActor("user-soctrang");
const plans: string[] = [];
afterAll(async () => {
  await db().target.deleteMany({ where: { planId: { in: plans } } });
  await db().plan.deleteMany({ where: { id: { in: plans } } });
});

describe("a result whose target is deleted while it is saved", () => {
  it("is refused with what went, and nothing is written", async () => {
    const created = await createPlan(socTrang, { type: "KE_HOACH", issuer: "UBND tỉnh Sóc Trăng", issuerUnitCode: "94", title: "Kế hoạch kiểm thử: chỉ tiêu bị xóa khi đang lưu kết quả", periodStart: "2024", periodEnd: "2024", citations: [], tasks: [] });
    if (!created.ok) throw new Error(JSON.stringify(created));
    plans.push(created.id);
    const t = await saveTarget(socTrang, created.id, null, {
      indicatorCode: "jobs", unitCode: "942", kind: "COUNT", lower: "1.200", periodStart: 2024, periodEnd: 2024, statement: "Giải quyết việc làm cho 1.200 lao động (kiểm thử)",
    });
    if (!t.ok) throw new Error(JSON.stringify(t));
    const target = await db().target.findUniqueOrThrow({ where: { id: t.id }, select: { id: true, version: true } });
    between.step = async () => expect(await deleteTarget(socTrang, target.id, target.version)).toEqual({ ok: true, id: target.id });
    const r = await saveResults(socTrang, [{ targetId: target.id, unitCode: "942", year: 2024, value: "1.150" }]);
    expect(between.step, "the target was deleted between the checks and the write").toBeNull();
    expect(r.ok).toBe(false);
    expect(JSON.stringify(r)).toMatch(/target/);
    expect(await db().result.count({ where: { targetId: target.id } })).toBe(0);
  });
});
