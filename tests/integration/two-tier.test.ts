// The two-tier country of 1 July 2025 on a real database (both backends): an administrator
// gives Tuyên Quang (08) an officer, who plans for one of its communes and enters that
// commune's results through the grid's write path, a spreadsheet and the write API; the
// province's public page then shows them; the Sơn La officer can touch none of it. Across the
// reform: the Sóc Trăng officer also works in today's Cần Thơ; Cần Thơ's officer reads the
// former Sóc Trăng's published figures and their history, and writes none of them.
import { afterAll, describe, expect, it } from "vitest";
import { toCsv } from "@/lib/api/http";
import { POST as resultsPOST } from "@/app/api/v1/results/route";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/data/accounts";
import { listHistory } from "@/lib/data/audit";
import { listPublishedPlans } from "@/lib/data/plans";
import { createPlan, publishPlan, saveTarget } from "@/lib/data/plans-write";
import { listPublishedResultsForUnits } from "@/lib/data/results";
import { listResultsForGrid, publishResults, saveResults } from "@/lib/data/results-write";
import { createToken } from "@/lib/data/tokens";
import { listUnits, unitScope } from "@/lib/data/units";
import { listPlansForActor } from "@/lib/data/workspace";
import { gridCsvRows } from "@/lib/spreadsheets/export";
import { CSV_COLUMNS } from "@/lib/spreadsheets/format";
import { importResultsFile } from "@/lib/spreadsheets/import-results";
import { demoActors } from "./helpers";

const { admin, sonLa, socTrang, canTho } = demoActors();

/** Xã Ngọc Đường, a commune of Tuyên Quang from 1 July 2025 (the official list). */
const COMMUNE = "00700";
const EMAIL = "can-bo.tuyen-quang@two-tier.test";

const made = { plans: [] as string[], users: [] as string[] };

afterAll(async () => {
  const results = (await db().result.findMany({ where: { target: { planId: { in: made.plans } } }, select: { id: true } })).map((r) => r.id);
  await db().auditLog.deleteMany({ where: { OR: [{ entityId: { in: [...results, ...made.plans, ...made.users] } }, { actorId: { in: made.users } }] } });
  await db().result.deleteMany({ where: { id: { in: results } } });
  await db().apiToken.deleteMany({ where: { userId: { in: made.users } } });
  await db().target.deleteMany({ where: { planId: { in: made.plans } } });
  await db().plan.deleteMany({ where: { id: { in: made.plans } } });
  await db().user.deleteMany({ where: { id: { in: made.users } } });
});

describe("Tuyên Quang's officer and one of its communes", () => {
  let officer: TActor;
  let planId: string;
  let targetId: string;

  it("the administrator creates a provincial officer for Tuyên Quang (08)", async () => {
    const created = await createAccount(admin, { email: EMAIL, name: "Cán bộ tỉnh Tuyên Quang", role: "PROVINCIAL_OFFICER", unitCode: "08", password: "" });
    made.users.push(created.account.id);
    expect(created.account.unit).toMatchObject({ key: "08", name: "Tỉnh Tuyên Quang", level: "PROVINCE" });
    officer = { id: created.account.id, role: "PROVINCIAL_OFFICER", unitId: created.account.unitId, email: EMAIL, name: created.account.name };
    // The officer chooses their own password at the first sign-in (until then their tokens are refused).
    expect(created.account.mustChangePassword).toBe(true);
    await db().user.update({ where: { id: created.account.id }, data: { mustChangePassword: false } });
  });

  it("the officer plans 2026–2030 for the province with a target for the commune, and publishes it", async () => {
    const plan = await createPlan(officer, {
      code: "901/KH-UBND",
      type: "KE_HOACH",
      issuer: "UBND tỉnh Tuyên Quang",
      issuerUnitCode: "08",
      issuedOn: "15/01/2026",
      title: "Kế hoạch giải quyết việc làm giai đoạn 2026–2030 (kiểm thử hai cấp)",
      periodStart: "2026",
      periodEnd: "2030",
    });
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    planId = plan.id;
    made.plans.push(planId);
    const target = await saveTarget(officer, planId, null, {
      indicatorCode: "jobs",
      unitCode: COMMUNE,
      kind: "COUNT",
      lower: "300",
      periodStart: 2026,
      periodEnd: 2030,
      statement: "Giải quyết việc làm cho 300 lao động của xã Ngọc Đường",
    });
    expect(target.ok, JSON.stringify(target)).toBe(true);
    if (!target.ok) return;
    targetId = target.id;
    expect((await publishPlan(officer, planId)).ok).toBe(true);
  });

  it("the commune's results go in through the grid's write path, a spreadsheet and the write API", async () => {
    // The grid: the commune's row, years 2026–2030.
    const grid = (await listResultsForGrid(officer, planId))!;
    expect(grid.units.map((u) => u.code)).toEqual([COMMUNE]);
    expect(grid.cells.map((c) => c.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(grid.cells.every((c) => c.canEdit && c.canPublish && !c.readOnly)).toBe(true);
    const saved = await saveResults(officer, [{ targetId, unitCode: COMMUNE, year: 2026, value: "65" }], { publish: true, source: "form" });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);

    // A spreadsheet: the exported grid with 2027 filled in.
    const rows = gridCsvRows((await listResultsForGrid(officer, planId))!).map((r) => (r.year === 2027 ? { ...r, value: "70" } : r));
    const file = new TextEncoder().encode("\uFEFF" + toCsv(CSV_COLUMNS, rows));
    const imported = await importResultsFile(officer, planId, { name: "tuyen-quang.csv", type: "text/csv", bytes: file }, { publish: true });
    expect(imported.ok, JSON.stringify(imported)).toBe(true);

    // The write API, with the officer's token; the commune named by its code.
    const { token } = await createToken(officer, "two-tier");
    const res = await resultsPOST(
      new Request("http://localhost/api/v1/results", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify([{ targetId, unitCode: COMMUNE, year: 2028, value: 80 }]),
      }),
    );
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    const stored = await db().result.findMany({ where: { targetId }, orderBy: { year: "asc" }, select: { year: true, value: true, status: true, unit: { select: { key: true } } } });
    expect(stored.map((r) => [r.year, Number(r.value), r.unit.key])).toEqual([
      [2026, 65, COMMUNE],
      [2027, 70, COMMUNE],
      [2028, 80, COMMUNE],
    ]);
    const viaApi = stored.find((r) => r.year === 2028)!;
    expect(viaApi.status).not.toBe("PUBLISHED");
    const { id } = await db().result.findFirstOrThrow({ where: { targetId, year: 2028 }, select: { id: true } });
    expect((await publishResults(officer, [id])).ok).toBe(true);
  });

  it("Tuyên Quang's public page shows the plan and the commune's published results", async () => {
    const plans = await listPublishedPlans({ unit: "08" }, { all: true });
    expect(plans.items.map((p) => p.id)).toContain(planId);
    const units = await listUnits();
    const tq = units.find((u) => u.key === "08")!;
    const results = await listPublishedResultsForUnits([...unitScope(units, tq.id)]);
    const mine = results.filter((r) => r.targetId === targetId);
    expect(mine.map((r) => r.year).sort()).toEqual([2026, 2027, 2028]);
  });

  it("the Sơn La officer can touch none of it, by any path", async () => {
    expect(await listResultsForGrid(sonLa, planId).then((g) => g?.cells.length ?? 0)).toBe(0);
    const before = await db().result.count({ where: { targetId } });
    const refused = await saveResults(sonLa, [{ targetId, unitCode: COMMUNE, year: 2029, value: "1" }]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.kind).toBe("forbidden");
    expect((await saveTarget(sonLa, planId, null, { indicatorCode: "jobs", unitCode: COMMUNE, kind: "COUNT", lower: "1", periodStart: 2026, periodEnd: 2030, statement: "x" })).ok).toBe(false);
    expect(await db().result.count({ where: { targetId } })).toBe(before);
    expect((await listPlansForActor(sonLa)).work.map((p) => p.id)).not.toContain(planId);
  });
});

describe("across the reform", () => {
  const SOC_TRANG_PLAN = "plan-58-kh-ubnd-2023";

  it("the registry says Sóc Trăng ended on 30/6/2025 and went wholly into today's Cần Thơ", async () => {
    const st = await db().adminUnit.findUniqueOrThrow({ where: { key: "94" }, select: { validTo: true, successor: { select: { key: true } } } });
    expect(st.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(st.successor?.key).toBe("92");
  });

  it("Cần Thơ's officer reads the former Sóc Trăng's plans and published figures, with their history, and writes none", async () => {
    const lists = await listPlansForActor(canTho);
    expect(lists.read.map((p) => p.id)).toContain(SOC_TRANG_PLAN);
    expect(lists.work.map((p) => p.id)).not.toContain(SOC_TRANG_PLAN);
    // Drafts of the predecessors are not theirs to read.
    expect(lists.read.every((p) => p.status === "PUBLISHED")).toBe(true);

    // A published figure of Châu Thành (the Sóc Trăng officer's), read-only in Cần Thơ's grid.
    const jobs = "target-58-jobs";
    const saved = await saveResults(socTrang, [{ targetId: jobs, unitCode: "942", year: 2023, value: "2.400" }], { publish: true, source: "form" });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    const resultId = saved.saved[0]!.id;
    try {
      const grid = (await listResultsForGrid(canTho, SOC_TRANG_PLAN))!;
      expect(grid.cells.length).toBeGreaterThan(0);
      expect(grid.cells.every((c) => c.readOnly && !c.canEdit && !c.canPublish && !c.canReopen && c.result?.status === "PUBLISHED")).toBe(true);
      expect(grid.cells.map((c) => c.result?.id)).toContain(resultId);
      const history = await listHistory(canTho, "result", resultId);
      expect(history.length).toBeGreaterThan(0);

      const refused = await saveResults(canTho, [{ targetId: jobs, unitCode: "942", year: 2023, value: "2.500", version: 1 }]);
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.kind).toBe("forbidden");
      expect(Number((await db().result.findUniqueOrThrow({ where: { id: resultId } })).value)).toBe(2400);

      // The Sóc Trăng officer keeps their own (old) plans and works in today's Cần Thơ too.
      expect((await listPlansForActor(socTrang)).work.map((p) => p.id)).toContain(SOC_TRANG_PLAN);
    } finally {
      await db().auditLog.deleteMany({ where: { entity: "result", entityId: resultId } });
      await db().result.delete({ where: { id: resultId } });
    }
  });

  it("a plan made before the rule, for Sóc Trăng past 30/6/2025, says why its later years have no row", async () => {
    const id = "plan-two-tier-dead-end";
    const ind = await db().indicator.findUniqueOrThrow({ where: { code: "jobs" }, select: { id: true } });
    await db().plan.create({
      data: {
        id, type: "KE_HOACH", issuer: "UBND tỉnh Sóc Trăng", issuerUnitId: "unit-94", issueYear: 2024, title: "Kế hoạch 2024–2026 (kiểm thử)",
        periodStart: 2024, periodEnd: 2026, searchText: "kiem thu", status: "PUBLISHED", updatedAt: new Date(),
        targets: { create: [{ id: "target-two-tier-dead-end", position: 1, indicatorId: ind.id, unitId: "unit-94", kind: "COUNT", lower: 10, periodStart: 2024, periodEnd: 2026, statement: "Giải quyết việc làm cho 10 lao động", status: "PUBLISHED", updatedAt: new Date() }] },
      },
    });
    made.plans.push(id);
    const grid = (await listResultsForGrid(socTrang, id))!;
    expect(grid.cells.filter((c) => c.unitId === "unit-94").map((c) => c.year)).toEqual([2024, 2025]);
    expect(grid.gaps).toHaveLength(1);
    expect(grid.gaps[0]).toMatchObject({ targetId: "target-two-tier-dead-end", years: [2026], unit: { name: "Tỉnh Sóc Trăng" }, successor: { name: "Thành phố Cần Thơ" } });
  });
});
