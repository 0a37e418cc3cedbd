// Plan and target authoring on a real database (both backends): permissions per
// jurisdiction, validation, the draft → published workflow and its lock,
// conflicts between two editors, and the audit trail. A plan without targets is not published.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPublishedPlan, listPublishedPlans } from "@/lib/data/plans";
import { demoActor } from "./helpers";
import { problemText } from "@/lib/i18n/problems";
import { createPlan, deleteTarget, getPlanForEdit, previewPublishPlan, publishPlan, reopenPlan, saveTarget, updatePlan } from "@/lib/data/plans-write";

const soctrang = demoActor("user-soctrang");
const sonla = demoActor("user-sonla");
const chauthanh = demoActor("user-chauthanh");

const created: string[] = [];

const planInput = (over: Record<string, unknown> = {}) => ({
  code: "77/KH-UBND",
  type: "KE_HOACH",
  issuer: "UBND tỉnh Sóc Trăng",
  issuerUnitCode: "94",
  issuedOn: "15/01/2024",
  title: "Kế hoạch thử nghiệm giảm nghèo năm 2024 (kiểm thử)",
  periodStart: "2024",
  periodEnd: "2024",
  citations: [{ code: "58/KH-UBND", type: "KE_HOACH", issuer: "UBND huyện Châu Thành", issuedOn: "21/03/2023" }],
  tasks: [{ description: "Rà soát hộ nghèo", responsible: "Sở LĐ-TB&XH" }],
  ...over,
});

const targetInput = (over: Record<string, unknown> = {}) => ({
  indicatorCode: "",
  unitCode: "942",
  kind: "COUNT",
  lower: "1.200",
  periodStart: 2024,
  periodEnd: 2024,
  statement: "Giải quyết việc làm cho 1.200 lao động",
  ...over,
});

afterAll(async () => {
  await db().target.deleteMany({ where: { planId: { in: created } } });
  await db().plan.deleteMany({ where: { id: { in: created } } });
  await db().auditLog.deleteMany({ where: { entityId: { in: created } } });
});

describe("plan authoring", () => {
  it("creates a draft plan in the officer's province, invisible to the public until published", async () => {
    const r = await createPlan(soctrang, planInput());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    created.push(r.id);
    const plan = await db().plan.findUniqueOrThrow({ where: { id: r.id }, include: { citations: true, tasks: true } });
    expect(plan.code).toBe("77/KH-UBND");
    expect(plan.status).toBe("DRAFT");
    expect(plan.issuedOn?.toISOString().slice(0, 10)).toBe("2024-01-15");
    expect(plan.citations).toHaveLength(1);
    expect(plan.tasks).toHaveLength(1);
    expect(await getPublishedPlan(r.id)).toBeNull();
    expect((await listPublishedPlans({ q: "kiem thu" })).total).toBe(0);
    const audit = await db().auditLog.findFirst({ where: { entity: "plan", entityId: r.id, action: "plan.create" } });
    expect(audit?.actorId).toBe("user-soctrang");
  });

  it("refuses a plan for a unit that does not exist throughout its period, naming the successor (no dead end across the 2025 reform)", async () => {
    const r = await createPlan(soctrang, planInput({ code: "", issuedOn: "", periodStart: "2026", periodEnd: "2030", title: "Kế hoạch 2026–2030 của tỉnh đã sáp nhập (kiểm thử)" }));
    expect(r).toMatchObject({ ok: false, kind: "invalid", problems: [{ code: "unit_not_in_period", field: "issuerUnitCode" }] });
    if (r.ok) return;
    const text = problemText(r.problems[0]!, "vi");
    expect(text).toContain("Tỉnh Sóc Trăng chỉ tồn tại đến năm 2025");
    expect(text).toContain("Thành phố Cần Thơ");
    expect(await db().plan.count({ where: { title: { contains: "tỉnh đã sáp nhập" } } })).toBe(0);
  });

  it("refuses other provinces, district staff, and malformed input with field messages", async () => {
    expect(await createPlan(sonla, planInput())).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await createPlan(chauthanh, planInput({ issuerUnitCode: "942" }))).toMatchObject({ ok: false, kind: "forbidden" });
    const bad = await createPlan(soctrang, planInput({ code: "77 KH UBND", issuedOn: "31/02/2024", periodEnd: "2023" }));
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.kind).toBe("invalid");
    expect(bad.problems.map((p) => p.field)).toEqual(expect.arrayContaining(["code", "issuedOn"]));
  });

  it("adds targets with Vietnamese numbers and sub-targets, validates them, then publishes and locks", async () => {
    const plan = created[0]!;
    const jobs = await saveTarget(soctrang, plan, null, targetInput({ indicatorCode: "jobs" }));
    expect(jobs).toMatchObject({ ok: true });
    if (!jobs.ok) return;
    const row = await db().target.findUniqueOrThrow({ where: { id: jobs.id } });
    expect(Number(row.lower)).toBe(1200);
    const sub = await saveTarget(soctrang, plan, null, targetInput({ indicatorCode: "labour-export", lower: "30", parentId: jobs.id, statement: "trong đó xuất khẩu lao động 30 người" }));
    expect(sub).toMatchObject({ ok: true });
    const rate = await saveTarget(soctrang, plan, null, targetInput({ indicatorCode: "poor-rate", kind: "DECREASE_BY", lower: "2,5", upper: "2", statement: "giảm 2,5–2%" }));
    expect(rate).toMatchObject({ ok: false, kind: "invalid" });
    const malformed = await saveTarget(soctrang, plan, null, targetInput({ indicatorCode: "jobs", lower: "1.20" }));
    expect(malformed).toMatchObject({ ok: false, kind: "invalid" });
    if (!malformed.ok) expect(malformed.problems.some((p) => p.field === "lower")).toBe(true);
    expect(await saveTarget(sonla, plan, null, targetInput({ indicatorCode: "jobs" }))).toMatchObject({ ok: false, kind: "forbidden" });

    expect(await publishPlan(chauthanh, plan)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await publishPlan(soctrang, plan)).toMatchObject({ ok: true });
    const published = await getPublishedPlan(plan);
    expect(published?.targets).toHaveLength(2);
    expect((await listPublishedPlans({ q: "kiem thu" })).total).toBe(1);

    // Locked while published: no edits, no new targets, no deletions.
    const edit = await getPlanForEdit(soctrang, plan);
    expect(await updatePlan(soctrang, plan, planInput({ title: "Đổi tên khi đã công bố" }), edit!.updatedAt.toISOString())).toMatchObject({ kind: "conflict" });
    expect(await saveTarget(soctrang, plan, null, targetInput({ indicatorCode: "jobs" }))).toMatchObject({ kind: "conflict" });
    expect(await deleteTarget(soctrang, jobs.id)).toMatchObject({ kind: "conflict" });

    // Reopening needs a reason, and takes the plan off the public side.
    expect(await reopenPlan(soctrang, plan, "")).toMatchObject({ ok: false, kind: "invalid" });
    expect(await reopenPlan(soctrang, plan, "Sửa số liệu theo văn bản điều chỉnh")).toMatchObject({ ok: true });
    expect(await getPublishedPlan(plan)).toBeNull();
    const reopenAudit = await db().auditLog.findFirst({ where: { entityId: plan, action: "plan.reopen" } });
    expect(reopenAudit?.reason).toBe("Sửa số liệu theo văn bản điều chỉnh");

    // A parent with children cannot be deleted before them.
    expect(await deleteTarget(soctrang, jobs.id)).toMatchObject({ kind: "conflict" });
  });

  it("refuses to publish a plan without targets, saying why in both languages, and writes nothing", async () => {
    const r = await createPlan(soctrang, planInput({ code: "78/KH-UBND", title: "Kế hoạch chưa có chỉ tiêu (kiểm thử)" }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    created.push(r.id);
    const refused = await publishPlan(soctrang, r.id);
    expect(refused).toEqual({ ok: false, kind: "conflict", problems: [{ code: "plan_no_targets" }] });
    expect(await previewPublishPlan(soctrang, r.id)).toEqual(refused);
    if (!refused.ok) {
      expect(problemText(refused.problems[0]!, "vi")).toBe("Chưa công bố được: kế hoạch chưa có chỉ tiêu nào. Hãy thêm ít nhất một chỉ tiêu trước khi công bố.");
      expect(problemText(refused.problems[0]!, "en")).toBe("Cannot be published yet: the plan has no targets. Add at least one target before publishing.");
    }
    expect((await db().plan.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DRAFT");
    expect(await db().auditLog.count({ where: { entityId: r.id, action: "plan.publish" } })).toBe(0);
    expect(await getPublishedPlan(r.id)).toBeNull();

    // With one target it says what it would publish, and publishes it.
    expect(await saveTarget(soctrang, r.id, null, targetInput({ indicatorCode: "jobs" }))).toMatchObject({ ok: true });
    expect(await previewPublishPlan(soctrang, r.id)).toMatchObject({ ok: true, code: "78/KH-UBND", targets: 1 });
    expect(await previewPublishPlan(chauthanh, r.id)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await publishPlan(soctrang, r.id)).toMatchObject({ ok: true });
    expect(await db().auditLog.findFirst({ where: { entityId: r.id, action: "plan.publish" } })).toMatchObject({ after: { status: "PUBLISHED", targets: 1 } });
    expect(await previewPublishPlan(soctrang, r.id)).toMatchObject({ ok: false, problems: [{ code: "plan_published" }] });
    // Leave the public data as seeded.
    expect(await reopenPlan(soctrang, r.id, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
  });

  it("refuses the second of two editors who loaded the same version", async () => {
    const plan = created[0]!;
    const loaded = (await getPlanForEdit(soctrang, plan))!.updatedAt.toISOString();
    expect(await updatePlan(soctrang, plan, planInput({ title: "Bản sửa của người thứ nhất (kiểm thử)" }), loaded)).toMatchObject({ ok: true });
    const second = await updatePlan(soctrang, plan, planInput({ title: "Bản sửa của người thứ hai (kiểm thử)" }), loaded);
    expect(second).toMatchObject({ ok: false, kind: "conflict" });
    const now = await db().plan.findUniqueOrThrow({ where: { id: plan } });
    expect(now.title).toBe("Bản sửa của người thứ nhất (kiểm thử)");
  });
});
