// Honest numbers, on both backends: population groups carried by targets and results (and
// kept by the database whatever writes), demo writes marked as demo, the seed stating only
// what its sources state (inferred values marked, sources cited in words), and every seeded
// target editable.
import { afterAll, describe, expect, it } from "vitest";
import { toApiPlanDetail } from "@/lib/api/serialize";
import { db } from "@/lib/db/client";
import { getPublishedPlan } from "@/lib/data/plans";
import { publishPlan, reopenPlan, saveTarget } from "@/lib/data/plans-write";
import { describeTargetRow } from "@/lib/data/target-view";
import { GROUP, INDICATOR, PLAN, PROGRAMME, TARGET } from "@/prisma/seed-data";
import { demoActor, withPg } from "./helpers";

const P = "it-honest-";
afterAll(async () => {
  await db().result.deleteMany({ where: { id: { startsWith: P } } });
});

describe("population groups", () => {
  it("every seeded sub-group target names its group from the catalogue, and the API says it", async () => {
    const plan = (await getPublishedPlan(PLAN.chauThanh58))!;
    const khmer = plan.targets.find((t) => t.id === TARGET.ct58PoorRateKhmer)!;
    expect(khmer.group).toMatchObject({ code: "khmer", name: "Hộ dân tộc Khmer" });
    expect(describeTargetRow(khmer, "vi")).toBe("Giảm tỷ lệ hộ nghèo (Hộ dân tộc Khmer) từ 3 đến 3,5 điểm %");
    const api = toApiPlanDetail(plan, "2026-01-01");
    expect(api.targets.find((t) => t.id === TARGET.ct58PoorRateKhmer)!.group).toEqual({ code: "khmer", name: "Hộ dân tộc Khmer", nameEn: "Khmer households" });
    expect(api.targets.find((t) => t.id === TARGET.ct58PoorRate)!.group.code).toBe("all");
    // "(kể cả tư nhân)" is in the source's wording, not part of whom the target counts.
    expect(api.targets.find((t) => t.id === TARGET.ct58VocationalTraining)!.group.code).toBe("rural-workers");
    const sonLa = (await db().target.findMany({ where: { planId: PLAN.sonLa199 }, select: { id: true, groupId: true } })).map((t) => [t.id, t.groupId]);
    expect(Object.fromEntries(sonLa)).toMatchObject({
      [TARGET.sl199PoorRate]: GROUP.all,
      [TARGET.sl199PoorRateEthnic]: GROUP.ethnicMinority,
      [TARGET.sl199PoorRatePoorDistricts]: GROUP.poorDistricts,
      [TARGET.sl199Training]: GROUP.poorDistricts,
    });
  });

  it("a target's result always counts the target's group, whatever writes it, and follows a change of the target's group", async () => {
    await withPg(async (pg) => {
      await pg.query(
        `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "groupId", "status", "updatedAt")
         VALUES ($1, $2, 'ind-poor-rate', 'unit-942', 2023, 7.3, 'group-all', 'DRAFT', now())`,
        [`${P}khmer`, TARGET.ct58PoorRateKhmer],
      );
      expect((await pg.query(`SELECT "groupId" FROM "result" WHERE "id" = $1`, [`${P}khmer`])).rows[0].groupId).toBe(GROUP.khmer);
      await pg.query("BEGIN");
      try {
        await pg.query(`UPDATE "target" SET "groupId" = $1 WHERE "id" = $2`, [GROUP.ethnicMinority, TARGET.ct58PoorRateKhmer]);
        expect((await pg.query(`SELECT "groupId" FROM "result" WHERE "id" = $1`, [`${P}khmer`])).rows[0].groupId).toBe(GROUP.ethnicMinority);
      } finally {
        await pg.query("ROLLBACK");
      }
    });
  });

  it("a group that does not exist is refused by the database", async () => {
    await expect(
      db().result.create({ data: { id: `${P}nogroup`, indicatorId: INDICATOR.jobs, unitId: "unit-95", year: 2023, value: 1, groupId: "group-nope" } }),
    ).rejects.toThrow();
  });
});

describe("demo data is marked as demo", () => {
  it("in a demo database, a figure typed by an account is demo data; a seeded figure of a source is not", async () => {
    await withPg(async (pg) => {
      await pg.query(
        `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "enteredById", "updatedAt")
         VALUES ($1, $2, 'ind-jobs', 'unit-942', 2023, 2400, 'DRAFT', 'user-chauthanh', now())`,
        [`${P}typed`, TARGET.ct58Jobs],
      );
      expect((await pg.query(`SELECT "isDemo" FROM "result" WHERE "id" = $1`, [`${P}typed`])).rows[0].isDemo).toBe(true);
      // A figure seeded from a source carries no account and stays real.
      const seeded = await pg.query(`SELECT "isDemo" FROM "result" WHERE "id" = 'result-bac-lieu-2023-job-sessions'`);
      expect(seeded.rows[0].isDemo).toBe(false);
      // In a database that is not a demo one, nothing is marked.
      await pg.query("BEGIN");
      try {
        await pg.query(`UPDATE "system_setting" SET "value" = 'false' WHERE "key" = 'demo'`);
        await pg.query(
          `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "enteredById", "updatedAt")
           VALUES ($1, $2, 'ind-labour-export', 'unit-942', 2023, 25, 'DRAFT', 'user-chauthanh', now())`,
          [`${P}real`, TARGET.ct58LabourExport],
        );
        expect((await pg.query(`SELECT "isDemo" FROM "result" WHERE "id" = $1`, [`${P}real`])).rows[0].isDemo).toBe(false);
      } finally {
        await pg.query("ROLLBACK");
      }
    });
  });
});

describe("the seed states only what its sources state", () => {
  it("marks inferred periods and years with the reason, and files the Sóc Trăng movement under nothing", async () => {
    const p1845 = await db().plan.findUnique({ where: { id: PLAN.socTrang1845 } });
    expect(p1845!.periodInferred).toMatch(/không nêu thời hạn/);
    const movement = await db().plan.findUnique({ where: { id: PLAN.socTrangMovement } });
    expect(movement!.issueYearInferred).toMatch(/không ghi ngày ban hành/);
    expect(movement!.periodInferred).toBeNull(); // "từ năm 2021 đến năm 2025" is stated
    const national = await db().programme.findUnique({ where: { id: PROGRAMME.caNuocChungTay } });
    expect(national!.periodInferred).toMatch(/không nêu thời gian/);
    expect((await db().programme.findUnique({ where: { id: PROGRAMME.socTrang2021 } }))!.parentId).toBeNull();
    const stated = await db().plan.findMany({ where: { id: { in: [PLAN.chauThanh58, PLAN.sonLa199, PLAN.bacLieu2024] } }, select: { periodInferred: true, issueYearInferred: true } });
    expect(stated.every((p) => p.periodInferred === null && p.issueYearInferred === null)).toBe(true);
  });

  it("cites every source in words (publisher, title, date), never a file name", async () => {
    const plans = await db().plan.findMany({ where: { id: { in: Object.values(PLAN) } } });
    for (const p of plans) {
      expect(p.sourceTitle, p.id).toBeTruthy();
      for (const text of [p.sourceNote, p.sourceTitle, p.sourcePublisher]) expect(text ?? "", p.id).not.toMatch(/shared\/|sources\/|\.txt/);
    }
    const bl = plans.find((p) => p.id === PLAN.bacLieu2024)!;
    expect(bl.sourcePublishedOn?.toISOString().slice(0, 10)).toBe("2024-04-12");
    const results = await db().result.findMany({ where: { id: { startsWith: "result-bac-lieu-" } }, select: { sourceNote: true } });
    expect(results.every((r) => !/shared\/|\.txt/.test(r.sourceNote ?? ""))).toBe(true);
  });

  it("holds Bạc Liêu's '3 lớp tập huấn', and keeps 'lượt hộ' and 'hộ' as different measures", async () => {
    const classes = await db().result.findUnique({ where: { id: "result-bac-lieu-2023-job-training-classes" }, include: { indicator: true } });
    expect(classes).toMatchObject({ year: 2023, unitId: "unit-95" });
    expect(Number(classes!.value)).toBe(3);
    expect(classes!.indicator.measureUnit).toBe("lớp");
    const measures = await db().indicator.findMany({ where: { id: { in: [INDICATOR.modelHouseholds, INDICATOR.modelParticipatingHouseholds] } }, select: { measureUnit: true } });
    expect(measures.map((m) => m.measureUnit).sort()).toEqual(["hộ", "lượt hộ"]);
  });

  it("gives every seeded target an indicator, so its headline reads and an officer can save an edit of it (Sơn La, 'việc làm bền vững')", async () => {
    expect(await db().target.count({ where: { indicatorId: null } })).toBe(0);
    const plan = (await getPublishedPlan(PLAN.sonLa199))!;
    const sustainable = plan.targets.find((t) => t.id === TARGET.sl199SustainableJob)!;
    const headline = describeTargetRow(sustainable, "vi");
    expect(headline).toMatch(/^Hộ có ít nhất một thành viên/);
    expect(headline).toContain("(Hộ nghèo, hộ cận nghèo)");

    const sonla = demoActor("user-sonla");
    expect(await reopenPlan(sonla, PLAN.sonLa199, "Kiểm thử: sửa chỉ tiêu việc làm bền vững")).toMatchObject({ ok: true });
    try {
      const saved = await saveTarget(sonla, PLAN.sonLa199, TARGET.sl199SustainableJob, {
        indicatorCode: sustainable.indicator!.code,
        unitCode: "14",
        groupCode: "poor-near-poor",
        kind: "QUALITATIVE",
        lower: "",
        upper: "",
        baseline: "",
        periodStart: "2022",
        periodEnd: "2022",
        parentId: "",
        equivalentValue: "",
        equivalentUnit: "",
        statement: sustainable.statement,
        version: (await db().target.findUniqueOrThrow({ where: { id: TARGET.sl199SustainableJob } })).version,
      });
      expect(saved).toMatchObject({ ok: true });
    } finally {
      expect(await publishPlan(sonla, PLAN.sonLa199)).toMatchObject({ ok: true });
    }
  });
});
