// The officers' working day on a real database, both backends: district staff find the
// province's plan whose grid has their rows, and what is due in it; a provincial officer's
// approval inbox lists the submitted values of their jurisdiction only; returning a value is a
// real, audited transition with a reason the author sees, until they correct and resubmit it;
// district staff can neither return nor approve. Every test removes what it wrote.
import { afterEach, describe, expect, it } from "vitest";
import { ForbiddenError, inJurisdiction } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { countInbox, listInbox, listResultsForGrid, publishResults, returnResults, saveResults, submitResults } from "@/lib/data/results-write";
import { listUnits } from "@/lib/data/units";
import { listPlansForActor } from "@/lib/data/workspace";
import { problemText } from "@/lib/i18n/problems";
import { demoActors } from "./helpers";

const { admin, socTrang, sonLa, chauThanh } = demoActors();

const MOVEMENT = "plan-soc-trang-phong-trao-2021-2025";
const MOVEMENT_TARGET = "target-soc-trang-2021-2025-poor-rate"; // Sóc Trăng (94), a rate to decrease, 2021–2025
const SON_LA_TARGET = "target-199-labour-export";
const TODAY = "2026-11-30";

/** Châu Thành's row of the movement plan for a year: a decrease needs its baseline. */
const movementRow = (year: number, value: string, extra: Record<string, unknown> = {}) => ({ targetId: MOVEMENT_TARGET, unitCode: "942", year, value, baseline: "10", ...extra });

const written = new Set<string>();

async function saveOne(actor: typeof socTrang, row: Record<string, unknown>): Promise<string> {
  const saved = await saveResults(actor, [row], { source: "form" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const id = saved.saved[0]!.id;
  written.add(id);
  return id;
}

/** A value entered and submitted by `actor`; its id. */
async function submitted(actor: typeof socTrang, row: Record<string, unknown>): Promise<string> {
  const id = await saveOne(actor, row);
  const sent = await submitResults(actor, [id], { source: "form" });
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  return id;
}

const stored = (id: string) => db().result.findUniqueOrThrow({ where: { id } });

afterEach(async () => {
  const ids = [...written];
  written.clear();
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
});

describe("district staff find their work", () => {
  it("list the province's movement plan, whose grid has Châu Thành's rows, and what is due in it", async () => {
    const lists = await listPlansForActor(chauThanh, { today: TODAY });
    expect(lists.work.map((p) => p.id)).toContain(MOVEMENT);
    // …because the grid gives them rows there: Châu Thành's, 2021–2025.
    const grid = (await listResultsForGrid(chauThanh, MOVEMENT))!;
    expect(grid.cells.filter((c) => c.canEdit).map((c) => `${c.unitCode}|${c.year}`)).toEqual(["942|2021", "942|2022", "942|2023", "942|2024", "942|2025"]);
    // Due: every ended year to 2025, latest first, one empty cell each.
    expect(lists.due.lastEndedYear).toBe(2025);
    expect(lists.due.toReport.map((g) => g.year)).toEqual(expect.arrayContaining([2025, 2024, 2023, 2022, 2021]));
    expect(lists.due.toReport[0]!.year).toBe(2025);
    const y2024 = lists.due.toReport.find((g) => g.year === 2024)!;
    expect(y2024.entries.find((e) => e.plan.id === MOVEMENT)).toMatchObject({ count: 1, empty: 1 });
    // Not the Sơn La officer, nor a plan of another province for Châu Thành.
    expect((await listPlansForActor(sonLa, { today: TODAY })).work.map((p) => p.id)).not.toContain(MOVEMENT);
    // A year that has not ended is not due.
    expect((await listPlansForActor(chauThanh, { today: "2024-06-01" })).due.toReport.map((g) => g.year)).not.toContain(2024);
  });

  it("see a draft as still to report, a submitted value as waiting, and a returned one as returned", async () => {
    const draft = await saveOne(chauThanh, movementRow(2023, "9"));
    const sent = await submitted(chauThanh, movementRow(2024, "8"));
    let due = (await listPlansForActor(chauThanh, { today: TODAY })).due;
    expect(due.toReport.find((g) => g.year === 2023)?.entries.find((e) => e.plan.id === MOVEMENT)).toMatchObject({ count: 1, empty: 0 });
    expect(due.toReport.find((g) => g.year === 2024)?.entries.find((e) => e.plan.id === MOVEMENT)).toBeUndefined();
    expect(due.submitted).toEqual([expect.objectContaining({ plan: expect.objectContaining({ id: MOVEMENT }), year: 2024, count: 1 })]);
    expect(due.returned).toEqual([]);

    expect(await returnResults(socTrang, [sent], "Tỷ lệ chưa khớp báo cáo năm")).toMatchObject({ ok: true });
    due = (await listPlansForActor(chauThanh, { today: TODAY })).due;
    expect(due.returned).toEqual([expect.objectContaining({ plan: expect.objectContaining({ id: MOVEMENT }), year: 2024, count: 1 })]);
    expect(due.submitted).toEqual([]);
    expect(draft).toBeTruthy();
  });
});

describe("returning a value", () => {
  it("needs a reason; then it is RETURNED with the reason, its version bumped, audited as result.return", async () => {
    const id = await submitted(chauThanh, movementRow(2024, "8,5"));
    const before = await stored(id);
    expect(before).toMatchObject({ status: "SUBMITTED", version: 2, returnReason: null });

    // A bad reason changes nothing, and says why in both languages.
    const audits = await db().auditLog.count();
    const short = await returnResults(socTrang, [id], " sai ");
    expect(short).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "reason", code: "reason_too_short", params: { min: 5, length: 3 } }] });
    if (!short.ok) {
      expect(problemText(short.errors[0]!, "vi")).toBe("Lý do trả lại cần ít nhất 5 ký tự (đã nhập 3)");
      expect(problemText(short.errors[0]!, "en")).toBe("The reason for returning needs at least 5 characters (3 given)");
    }
    expect(await returnResults(socTrang, [id], "")).toMatchObject({ ok: false, errors: [{ code: "reason_required" }] });
    expect(await returnResults(socTrang, [id], "x".repeat(2001))).toMatchObject({ ok: false, errors: [{ code: "reason_too_long" }] });
    // A version other than the one seen is a conflict.
    expect(await returnResults(socTrang, [id], "Tỷ lệ chưa khớp", { versions: new Map([[id, 1]]) })).toMatchObject({ ok: false, kind: "conflict", errors: [{ code: "version_conflict" }] });
    expect(await stored(id)).toEqual(before);
    expect(await db().auditLog.count()).toBe(audits);

    const reason = "Tỷ lệ hộ nghèo chưa khớp báo cáo tổng kết năm 2024";
    const returned = await returnResults(socTrang, [id], `  ${reason}\r\n`, { source: "form", ip: "10.0.0.9", versions: new Map([[id, 2]]) });
    expect(returned).toEqual({ ok: true, saved: [expect.objectContaining({ id, status: "RETURNED", version: 3 })] });
    expect(await stored(id)).toMatchObject({ status: "RETURNED", version: 3, returnReason: reason, value: before.value, approvedById: null });

    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "result", entityId: id }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ action: "result.return", reason, actorId: "user-soctrang", source: "form", ip: "10.0.0.9" });
    expect(audit.before).toMatchObject({ status: "SUBMITTED", version: 2, returnReason: null });
    expect(audit.after).toMatchObject({ status: "RETURNED", version: 3, returnReason: reason });

    // Only a submitted value is returned.
    expect(await returnResults(socTrang, [id], reason)).toMatchObject({ ok: false, kind: "conflict", errors: [{ code: "invalid_status", params: { status: "RETURNED" } }] });
  });

  it("the author sees it returned with its reason, corrects it (a draft keeps the reason) and submits it again (the reason goes)", async () => {
    const id = await submitted(chauThanh, movementRow(2024, "8,5"));
    const reason = "Thiếu giá trị gốc đúng của năm trước";
    expect(await returnResults(socTrang, [id], reason)).toMatchObject({ ok: true });

    const grid = (await listResultsForGrid(chauThanh, MOVEMENT))!;
    const cell = grid.cells.find((c) => c.unitCode === "942" && c.year === 2024)!;
    expect(cell).toMatchObject({ canEdit: true, canPublish: false, result: { id, status: "RETURNED", returnReason: reason, version: 3 } });

    // The write API's and the import's rules accept a returned value like a draft.
    const corrected = await saveResults(chauThanh, [movementRow(2024, "8,2", { baseline: "10,4", version: 3 })], { source: "api" });
    expect(corrected).toMatchObject({ ok: true, saved: [{ id, status: "DRAFT", version: 4, value: 8.2 }] });
    expect(await stored(id)).toMatchObject({ status: "DRAFT", returnReason: reason });

    expect(await submitResults(chauThanh, [id])).toMatchObject({ ok: true, saved: [{ id, status: "SUBMITTED", version: 5 }] });
    expect(await stored(id)).toMatchObject({ status: "SUBMITTED", returnReason: null });
    const history = await db().auditLog.findMany({ where: { entity: "result", entityId: id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(history.map((h) => h.action)).toEqual(["result.create", "result.submit", "result.return", "result.update", "result.submit"]);

    // Returned again, then submitted straight away (unchanged), then approved: no reason left.
    expect(await returnResults(socTrang, [id], "Vẫn cần đối chiếu lại")).toMatchObject({ ok: true });
    expect(await submitResults(chauThanh, [id])).toMatchObject({ ok: true, saved: [{ status: "SUBMITTED" }] });
    expect(await stored(id)).toMatchObject({ returnReason: null });
    expect(await returnResults(socTrang, [id], "Một lần nữa để kiểm thử")).toMatchObject({ ok: true });
    expect(await publishResults(socTrang, [id])).toMatchObject({ ok: true, saved: [{ status: "PUBLISHED" }] });
    expect(await stored(id)).toMatchObject({ status: "PUBLISHED", returnReason: null, approvedById: "user-soctrang" });
  });

  it("district staff can neither return nor approve, whatever the reason, and nothing changes", async () => {
    const id = await submitted(chauThanh, movementRow(2024, "8"));
    const before = await stored(id);
    for (const reason of ["Lý do hợp lệ đủ dài", "x", ""]) {
      const r = await returnResults(chauThanh, [id], reason);
      expect(r, reason).toMatchObject({ ok: false, kind: "forbidden" });
      if (!r.ok) expect(problemText(r.errors[0]!, "vi")).toContain("Bạn không có quyền trả lại kết quả");
    }
    expect(await returnResults(chauThanh, [], "x")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await publishResults(chauThanh, [id])).toMatchObject({ ok: false, kind: "forbidden" });
    // Nor may another province's officer.
    expect(await returnResults(sonLa, [id], "Lý do hợp lệ đủ dài")).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await stored(id)).toEqual(before);
  });
});

describe("the approval inbox", () => {
  it("lists only the jurisdiction's submitted values, with who submitted them, and filters them", async () => {
    const mine = await submitted(chauThanh, movementRow(2024, "8"));
    const draft = await saveOne(chauThanh, movementRow(2023, "9"));
    const other = await submitted(sonLa, { targetId: SON_LA_TARGET, unitCode: "14", year: 2022, value: "3" });

    const st = await listInbox(socTrang);
    expect(st.items.map((i) => i.id)).toContain(mine);
    expect(st.items.map((i) => i.id)).not.toContain(other);
    expect(st.items.map((i) => i.id)).not.toContain(draft);
    const units = await listUnits();
    expect(st.items.length).toBeGreaterThan(0);
    expect(st.items.every((i) => inJurisdiction(socTrang, i.unit.id, units))).toBe(true);
    const item = st.items.find((i) => i.id === mine)!;
    expect(item).toMatchObject({
      value: 8,
      baseline: 10,
      year: 2024,
      version: 2,
      unit: { key: "942", name: "Huyện Châu Thành" },
      target: { id: MOVEMENT_TARGET, statement: "phấn đấu giảm tỷ lệ hộ nghèo hàng năm đạt từ 2% - 3%", plan: { id: MOVEMENT } },
      indicator: { valueKind: "rate" },
      submittedBy: "Cán bộ huyện Châu Thành (demo)",
    });
    expect(await countInbox(socTrang)).toBe(st.waiting);
    expect(st.choices.plans.map((p) => p.id)).toContain(MOVEMENT);
    expect(st.choices.years.map((y) => y.year)).toContain(2024);

    const sl = await listInbox(sonLa);
    expect(sl.items.map((i) => i.id)).toEqual([other]);
    const all = await listInbox(admin);
    expect(all.items.map((i) => i.id)).toEqual(expect.arrayContaining([mine, other]));

    // Filters: by plan, unit and year; an unknown choice is dropped and named, never an error.
    expect((await listInbox(socTrang, { planId: MOVEMENT, unitKey: "942", year: 2024 })).items.map((i) => i.id)).toEqual([mine]);
    // A choice where nothing waits (any more) stays chosen, and shows nothing.
    const none = await listInbox(socTrang, { planId: "plan-199-kh-ubnd-2022", year: 2021 });
    expect(none).toMatchObject({ items: [], total: 0, dropped: [], filter: { planId: "plan-199-kh-ubnd-2022", year: 2021 } });
    expect(none.choices.plans.find((p) => p.id === "plan-199-kh-ubnd-2022")).toMatchObject({ count: 0 });
    const bad = await listInbox(socTrang, { planId: "plan-khong-co", unitKey: "99999x", year: 1800, page: 99 });
    expect(bad.dropped).toEqual(["plan", "unit", "year", "page"]);
    expect(bad).toMatchObject({ page: 1, filter: { planId: null, unitKey: null, year: null } });
    expect(bad.items.map((i) => i.id)).toContain(mine);

    // District staff have no inbox.
    await expect(listInbox(chauThanh)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await countInbox(chauThanh)).toBe(0);

    // Approving from the inbox names the version seen: a changed value is not approved unseen.
    expect(await publishResults(socTrang, [mine], { versions: new Map([[mine, 1]]) })).toMatchObject({ ok: false, kind: "conflict" });
    expect(await publishResults(socTrang, [mine], { versions: new Map([[mine, 2]]) })).toMatchObject({ ok: true, saved: [{ status: "PUBLISHED" }] });
    expect((await listInbox(socTrang)).items.map((i) => i.id)).not.toContain(mine);
  });

  it("pages 50 at a time", async () => {
    // 51 submitted figures of Sơn La (without a target, years no plan uses), written directly.
    const target = await db().target.findUniqueOrThrow({ where: { id: SON_LA_TARGET }, select: { indicatorId: true } });
    const ids = Array.from({ length: 51 }, (_, i) => `result-workflow-paging-${i}`);
    await db().result.createMany({
      data: ids.map((id, i) => ({ id, targetId: null, indicatorId: target.indicatorId!, unitId: "unit-14", year: 2040 + i, value: i, status: "SUBMITTED" as const, enteredById: "user-sonla" })),
    });
    ids.forEach((id) => written.add(id));
    const first = await listInbox(sonLa);
    expect(first).toMatchObject({ total: 51, page: 1, pageCount: 2, pageSize: 50 });
    expect(first.items).toHaveLength(50);
    const second = await listInbox(sonLa, { page: 2 });
    expect(second.items).toHaveLength(1);
    expect(new Set([...first.items, ...second.items].map((i) => i.id))).toEqual(new Set(ids));
    expect(second.items[0]!.target).toBeNull();
  });
});
