// Writes of plans and targets that meet another write (security issue #13), on both backends:
// - a publish between an edit's checks and its write: the edit of a target (or a new target, a
//   deletion, a save of the plan's fields) is refused with the usual "plan is published" message,
//   never lands in a published plan (lib/data/plans-write.ts: every write of a plan takes its
//   row, FOR NO KEY UPDATE);
// - two editors of one target: the second, made on the version the first replaced, is refused
//   (`Target.version`, `UPDATE … WHERE id AND version`), from the form's hidden field through the
//   server action;
// - a result written for a target while it is deleted: the deletion is refused, saying how many
//   results it has, and the result is kept (the target's row is taken FOR UPDATE); the database
//   refuses to delete a target with results whatever writes (the foreign key is RESTRICT);
// - a figure a plan states without a target (`reportedInPlanId`) leaves the public side when the
//   plan is reopened, in every reader, and comes back when it is published again
//   (lib/data/public-results.ts VISIBLE_RESULT and VISIBLE_RESULT_SQL, kept equal).
// "Between the checks and the write" is made to happen at a fixed point: the unit registry read
// (listUnits), which every one of these writes makes after its first checks, runs a step armed by
// the test. On PostgreSQL the same races are also run with a real second session holding its
// transaction open while the write waits for it; PGlite runs one transaction at a time
// (lib/db/session-queue.ts), so there the race can only fall between the checks and the write.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import type pg from "pg";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createPlan, deleteTarget, getPlanForEdit, publishPlan, reopenPlan, saveTarget, updatePlan } from "@/lib/data/plans-write";
import { saveResults } from "@/lib/data/results-write";
import { listPublishedResultsForUnits, listPublishedResultsPage } from "@/lib/data/results";
import { getHeadlineFigures } from "@/lib/data/stats";
import { PUBLIC_RESULT, VISIBLE_RESULT, VISIBLE_RESULT_FROM, VISIBLE_RESULT_SQL } from "@/lib/data/public-results";
import { problemText } from "@/lib/i18n/problems";
import { backend, demoActor, withPg } from "./helpers";

/** A step to run once, at the next read of the unit registry (see the top of the file). */
const between = vi.hoisted(() => ({ step: null as null | (() => Promise<unknown>) }));
vi.mock("@/lib/data/units", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/data/units")>();
  return {
    ...actual,
    listUnits: async (...args: Parameters<typeof actual.listUnits>) => {
      const units = await actual.listUnits(...args);
      const step = between.step;
      between.step = null;
      if (step) await step();
      return units;
    },
  };
});
const session = vi.hoisted(() => ({ actor: null as TActor | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "vi" }));

const { saveTargetAction, deleteTargetAction } = await import("@/app/(workspace)/workspace/plans/authoring-actions");

const socTrang = demoActor("user-soctrang");
const admin = demoActor("user-admin");
const plans: string[] = [];

afterEach(() => {
  between.step = null;
  session.actor = null;
});

afterAll(async () => {
  await db().result.deleteMany({ where: { target: { planId: { in: plans } } } });
  await db().target.deleteMany({ where: { planId: { in: plans } } });
  await db().plan.deleteMany({ where: { id: { in: plans } } });
  await db().auditLog.deleteMany({ where: { entityId: { in: plans } } });
});

const targetInput = (over: Record<string, unknown> = {}) => ({
  indicatorCode: "jobs",
  unitCode: "942",
  kind: "COUNT",
  lower: "1.200",
  periodStart: 2024,
  periodEnd: 2024,
  statement: "Giải quyết việc làm cho 1.200 lao động (kiểm thử tranh chấp)",
  ...over,
});

const planInput = (title: string) => ({ type: "KE_HOACH", issuer: "UBND tỉnh Sóc Trăng", issuerUnitCode: "94", title, periodStart: "2024", periodEnd: "2024", citations: [], tasks: [] });

/** A draft plan of Sóc Trăng with one target; its id, the target's id and version. */
async function draftWithTarget(title: string) {
  const plan = await createPlan(socTrang, planInput(title));
  if (!plan.ok) throw new Error(JSON.stringify(plan));
  plans.push(plan.id);
  const target = await saveTarget(socTrang, plan.id, null, targetInput());
  if (!target.ok) throw new Error(JSON.stringify(target));
  const { version } = await db().target.findUniqueOrThrow({ where: { id: target.id } });
  return { planId: plan.id, targetId: target.id, version };
}

const LOCKED_VI = "Kế hoạch đã công bố nên đang bị khóa; mở lại (nêu lý do) trước khi sửa.";

/** Waits until a session of this database waits for a lock that `held` holds (not a timing: a state). */
async function untilBlockedBy(held: pg.Client) {
  for (let i = 0; i < 1200; i++) {
    const { rows } = await held.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks l WHERE NOT l.granted AND pg_backend_pid() = ANY(pg_blocking_pids(l.pid))`);
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("no session waited for the held transaction");
}

/** Publishes the plan in a transaction of another session, held open while `write` runs, committed once `write` waits for it. */
async function publishedWhile<T>(planId: string, write: () => Promise<T>): Promise<T> {
  return withPg(async (c) => {
    await c.query("BEGIN");
    await c.query(`UPDATE "plan" SET "status" = 'PUBLISHED', "publishedAt" = now() WHERE "id" = $1`, [planId]);
    await c.query(`UPDATE "target" SET "status" = 'PUBLISHED' WHERE "planId" = $1`, [planId]);
    const pending = write();
    try {
      await untilBlockedBy(c);
    } finally {
      await c.query("COMMIT");
    }
    return pending;
  });
}

describe("a publish between an edit's checks and its write", () => {
  it("refuses the edit of a target, a new target, a deletion and a plan's save with 'plan is published'; the published plan keeps its targets as published", async () => {
    const { planId, targetId, version } = await draftWithTarget("Kế hoạch kiểm thử: công bố xen giữa");
    const stored = await db().target.findUniqueOrThrow({ where: { id: targetId } });

    between.step = () => publishPlan(socTrang, planId);
    const edit = await saveTarget(socTrang, planId, targetId, targetInput({ lower: "9.999", statement: "Sửa lọt vào kế hoạch đã công bố", version }));
    expect(edit).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    if (!edit.ok) expect(problemText(edit.problems[0]!, "vi")).toBe(LOCKED_VI);
    const after = await db().target.findUniqueOrThrow({ where: { id: targetId } });
    expect({ statement: after.statement, lower: Number(after.lower), version: after.version, status: after.status }).toEqual({
      statement: stored.statement,
      lower: 1200,
      version,
      status: "PUBLISHED",
    });

    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
    between.step = () => publishPlan(socTrang, planId);
    expect(await saveTarget(socTrang, planId, null, targetInput({ statement: "Chỉ tiêu thêm lọt vào kế hoạch đã công bố" }))).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    expect(await db().target.count({ where: { planId } })).toBe(1);

    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
    between.step = () => publishPlan(socTrang, planId);
    expect(await deleteTarget(socTrang, targetId, version)).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    expect(await db().target.count({ where: { planId, status: "PUBLISHED" } })).toBe(1);
    expect(await db().auditLog.count({ where: { entityId: targetId, action: { in: ["target.update", "target.delete"] } } })).toBe(0);

    // The plan's own fields: "published" too, not "someone else saved".
    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
    const loaded = (await getPlanForEdit(socTrang, planId))!;
    between.step = () => publishPlan(socTrang, planId);
    expect(await updatePlan(socTrang, planId, planInput("Tên sửa lọt vào kế hoạch đã công bố"), loaded.updatedAt.toISOString())).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).title).toBe(loaded.title);
    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
  });

  it.skipIf(backend() === "pglite")("PostgreSQL: an edit, a deletion and a plan's save waiting for a publish still open in another session are refused once it commits", async () => {
    const { planId, targetId, version } = await draftWithTarget("Kế hoạch kiểm thử: công bố trong phiên khác");

    const edit = await publishedWhile(planId, () => saveTarget(socTrang, planId, targetId, targetInput({ statement: "Sửa lọt vào kế hoạch đã công bố", version })));
    expect(edit).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    const after = await db().target.findUniqueOrThrow({ where: { id: targetId } });
    expect({ statement: after.statement, version: after.version, status: after.status }).toEqual({ statement: targetInput().statement, version, status: "PUBLISHED" });

    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
    const deletion = await publishedWhile(planId, () => deleteTarget(socTrang, targetId, version));
    expect(deletion).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    expect(await db().target.count({ where: { id: targetId, status: "PUBLISHED" } })).toBe(1);

    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
    const loaded = (await getPlanForEdit(socTrang, planId))!;
    const fields = await publishedWhile(planId, () => updatePlan(socTrang, planId, planInput("Tên sửa lọt vào kế hoạch đã công bố"), loaded.updatedAt.toISOString()));
    expect(fields).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_locked" }] });
    expect((await db().plan.findUniqueOrThrow({ where: { id: planId } })).title).toBe(loaded.title);
    expect(await reopenPlan(socTrang, planId, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
  });
});

describe("two editors of one target", () => {
  it("refuses the edit made on a version someone else replaced, saying so, and keeps the first edit", async () => {
    const { planId, targetId, version } = await draftWithTarget("Kế hoạch kiểm thử: hai người sửa một chỉ tiêu");
    session.actor = socTrang;
    const post = (fields: Record<string, string>) => {
      const fd = new FormData();
      const all = { planId, targetId, ...Object.fromEntries(Object.entries(targetInput()).map(([k, v]) => [k, String(v)])), ...fields };
      for (const [k, v] of Object.entries(all)) fd.set(k, v);
      return saveTargetAction({ ok: false }, fd);
    };

    // Both opened the form on `version`; the first saves.
    expect(await post({ version: String(version), statement: "Bản sửa của người thứ nhất (kiểm thử)" })).toMatchObject({ ok: true, message: "Đã lưu chỉ tiêu." });
    const first = await db().target.findUniqueOrThrow({ where: { id: targetId } });
    expect(first.version).toBe(version + 1);
    expect(await db().auditLog.findFirst({ where: { entityId: targetId, action: "target.update" } })).toMatchObject({ after: { version: version + 1 } });

    const second = await post({ version: String(version), statement: "Bản sửa của người thứ hai (kiểm thử)" });
    expect(second).toMatchObject({
      ok: false,
      message: `Chỉ tiêu đã được người khác thay đổi sau khi bạn mở trang (hiện là phiên bản ${version + 1}, bạn đang sửa phiên bản ${version}). Hãy tải lại trang rồi sửa lại; thay đổi của bạn chưa được lưu.`,
    });
    expect(problemText({ code: "target_stale", params: { version: version + 1, yourVersion: version } }, "en")).toBe(
      `The target was changed by someone else since you opened it (it is now version ${version + 1}; you were editing version ${version}). Reload the page and edit it again; your changes have not been saved.`,
    );
    // An edit that names no version is refused too (the form always sends one).
    expect(await saveTarget(socTrang, planId, targetId, targetInput({ statement: "Bản sửa không nêu phiên bản (kiểm thử)" }))).toEqual({ ok: false, kind: "invalid", problems: [{ code: "target_version_required" }] });
    // So is deleting it from a page showing the replaced version.
    const fd = new FormData();
    for (const [k, v] of Object.entries({ planId, targetId, version: String(version) })) fd.set(k, v);
    expect(await deleteTargetAction({ ok: false }, fd)).toMatchObject({ ok: false, message: expect.stringContaining(`hiện là phiên bản ${version + 1}`) });

    const now = await db().target.findUniqueOrThrow({ where: { id: targetId } });
    expect({ statement: now.statement, version: now.version }).toEqual({ statement: "Bản sửa của người thứ nhất (kiểm thử)", version: version + 1 });
    expect(await db().auditLog.count({ where: { entityId: targetId, action: "target.update" } })).toBe(1);
  });
});

describe("deleting a target while a result is written for it", () => {
  const resultOf = (targetId: string) => ({ targetId, unitCode: "942", year: 2024, value: "1.150" });

  it("is refused, saying how many results it has; the result is kept, and the target deleted once it has none", async () => {
    const { targetId, version } = await draftWithTarget("Kế hoạch kiểm thử: xóa chỉ tiêu khi đang nhập kết quả");
    let written: Awaited<ReturnType<typeof saveResults>> | null = null;
    between.step = async () => (written = await saveResults(socTrang, [resultOf(targetId)]));
    const r = await deleteTarget(socTrang, targetId, version);
    expect(written).toMatchObject({ ok: true });
    expect(r).toEqual({ ok: false, kind: "conflict", problems: [{ code: "target_has_results", params: { count: 1 } }] });
    if (!r.ok) {
      expect(problemText(r.problems[0]!, "vi")).toBe("Chỉ tiêu đã có 1 kết quả nên không xóa được; các kết quả được giữ nguyên.");
      expect(problemText(r.problems[0]!, "en")).toBe("This target has 1 result, so it cannot be deleted; the results are kept.");
    }
    expect(await db().result.count({ where: { targetId } })).toBe(1);
    expect(await db().target.count({ where: { id: targetId } })).toBe(1);

    // The database refuses it too, whatever writes: a delete by SQL (or of the plan, which cascades
    // to its targets) fails on the result's foreign key, and the result is kept.
    await expect(withPg((c) => c.query(`DELETE FROM "target" WHERE "id" = $1`, [targetId]))).rejects.toThrow(/result_targetId_fkey/);
    const planId = (await db().target.findUniqueOrThrow({ where: { id: targetId }, select: { planId: true } })).planId;
    await expect(withPg((c) => c.query(`DELETE FROM "plan" WHERE "id" = $1`, [planId]))).rejects.toThrow(/result_targetId_fkey/);
    expect(await db().result.count({ where: { targetId } })).toBe(1);

    // Without results it goes, audited.
    await db().result.deleteMany({ where: { targetId } });
    expect(await deleteTarget(socTrang, targetId, version)).toEqual({ ok: true, id: targetId });
    expect(await db().auditLog.count({ where: { entityId: targetId, action: "target.delete" } })).toBe(1);
  });

  it.skipIf(backend() === "pglite")("PostgreSQL: a deletion waiting for a result's transaction still open in another session counts that result once it commits", async () => {
    const { targetId, version } = await draftWithTarget("Kế hoạch kiểm thử: kết quả trong phiên khác");
    const resultId = `result-race-${targetId}`;
    const r = await withPg(async (c) => {
      await c.query("BEGIN");
      await c.query(
        `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "year", "value", "status", "version", "updatedAt")
         SELECT $1, t."id", t."indicatorId", 'unit-942', 2024, 1150, 'DRAFT', 1, now() FROM "target" t WHERE t."id" = $2`,
        [resultId, targetId],
      );
      const pending = deleteTarget(socTrang, targetId, version);
      try {
        await untilBlockedBy(c);
      } finally {
        await c.query("COMMIT");
      }
      return pending;
    });
    expect(r).toEqual({ ok: false, kind: "conflict", problems: [{ code: "target_has_results", params: { count: 1 } }] });
    expect(await db().result.count({ where: { id: resultId } })).toBe(1);
    expect(await db().target.count({ where: { id: targetId } })).toBe(1);
  });
});

describe("figures a plan states, when the plan is reopened", () => {
  const PLAN = "plan-bac-lieu-2024";

  /** Ids of the visible results, by the Prisma form and by the SQL form of the one rule. */
  async function visibleIds() {
    const prisma = (await db().result.findMany({ where: VISIBLE_RESULT, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    const sql = (await db().$queryRaw<{ id: string }[]>`SELECT r."id" FROM ${VISIBLE_RESULT_FROM} WHERE ${VISIBLE_RESULT_SQL} ORDER BY r."id"`).map((r) => r.id);
    return { prisma, sql };
  }

  it("leave the public side with the plan's targets, in every reader, and come back when it is published again", async () => {
    const stated = await db().result.findMany({ where: { AND: [PUBLIC_RESULT, { reportedInPlanId: PLAN, targetId: null }] }, select: { id: true, unitId: true } });
    expect(stated.length).toBeGreaterThan(0);
    const ids = stated.map((r) => r.id);
    const units = [...new Set(stated.map((r) => r.unitId))];
    const onTargets = await db().result.count({ where: { AND: [PUBLIC_RESULT, { target: { planId: PLAN } }] } });

    const before = await visibleIds();
    expect(before.sql).toEqual(before.prisma);
    expect(before.prisma).toEqual(expect.arrayContaining(ids));
    expect((await listPublishedResultsForUnits(units)).map((r) => r.id)).toEqual(expect.arrayContaining(ids));
    const headline = (await getHeadlineFigures()).results;

    expect(await reopenPlan(admin, PLAN, "Kiểm thử: kế hoạch về bản nháp")).toMatchObject({ ok: true });
    try {
      const reopened = await visibleIds();
      expect(reopened.sql).toEqual(reopened.prisma);
      expect(reopened.prisma.filter((id) => ids.includes(id))).toEqual([]);
      expect((await listPublishedResultsForUnits(units)).filter((r) => ids.includes(r.id))).toEqual([]);
      for (const u of units) expect((await listPublishedResultsPage([u], 1)).items.filter((r) => ids.includes(r.id))).toEqual([]);
      expect((await getHeadlineFigures()).results).toBe(headline - onTargets - ids.length);
    } finally {
      expect(await publishPlan(admin, PLAN)).toMatchObject({ ok: true });
    }
    expect(await visibleIds()).toEqual(before);
    expect((await getHeadlineFigures()).results).toBe(headline);
  });
});
