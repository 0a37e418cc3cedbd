// The one write path for results (lib/data/results-write.ts) on a real database, both
// backends: Vietnamese numbers, all-or-nothing batches, the domain checks, optimistic
// locking, approval locks and reopening, the audit trail, district staff's limits and
// concurrent saves. Every test removes the results and audit rows it wrote.
import { afterEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listAudit, listHistory } from "@/lib/data/audit";
import { listResultsForGrid, publishResults, reopenResult, saveResults, submitResults } from "@/lib/data/results-write";
import { parseVietnameseNumber } from "@/lib/domain/numbers";
import { problemBilingual, problemText } from "@/lib/i18n/problems";
import { demoActors } from "./helpers";

const { admin, socTrang, sonLa, chauThanh } = demoActors();

const JOBS = "target-58-jobs";
const LABOUR_EXPORT = "target-58-labour-export";
const POOR_RATE = "target-58-poor-rate";
const CERTIFIED = "target-58-trained-certified";
const ST_POOR_RATE = "target-soc-trang-2021-2025-poor-rate"; // Sóc Trăng, 2021–2025, yearly
const TOUCHED_TARGETS = [JOBS, LABOUR_EXPORT, POOR_RATE, CERTIFIED, "target-58-vocational-training", "target-199-labour-export", ST_POOR_RATE];

const jobs = (value: unknown, extra: Record<string, unknown> = {}) => ({ targetId: JOBS, unitCode: "942", year: 2023, value, ...extra });

/** Results (with their audit rows) on the targets these tests touch; the seed has none there. */
async function touchedResults() {
  return db().result.findMany({ where: { targetId: { in: TOUCHED_TARGETS } }, orderBy: [{ targetId: "asc" }, { year: "asc" }] });
}
async function auditRowsFor(ids: string[]) {
  return db().auditLog.findMany({ where: { entity: "result", entityId: { in: ids } }, orderBy: { id: "asc" } });
}
async function auditCount() {
  return db().auditLog.count();
}

afterEach(async () => {
  const ids = (await touchedResults()).map((r) => r.id);
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
});

describe("saving results", () => {
  it("parses “2.400” as 2400, saves a draft, publishes it, and audits every step", async () => {
    const saved = await saveResults(socTrang, [jobs("2.400", { note: "Báo cáo quý IV\r\nđã tổng hợp", evidenceUrl: "https://soctrang.gov.vn/bc-2023" })], { source: "form", ip: "10.0.0.1" });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    expect(saved.saved).toEqual([{ id: expect.any(String), targetId: JOBS, unitCode: "942", year: 2023, value: 2400, status: "DRAFT", version: 1 }]);
    const id = saved.saved[0]!.id;
    const row = await db().result.findUniqueOrThrow({ where: { id } });
    expect(Number(row.value)).toBe(2400);
    expect(row).toMatchObject({ indicatorId: "ind-jobs", unitId: "unit-942", status: "DRAFT", version: 1, enteredById: "user-soctrang", approvedById: null, note: "Báo cáo quý IV\nđã tổng hợp" });
    // The test database is a demo database: a figure typed by a (demo) account is demo data.
    expect(row.isDemo).toBe(true);

    const published = await publishResults(socTrang, [id]);
    expect(published).toEqual({ ok: true, saved: [expect.objectContaining({ id, status: "PUBLISHED", version: 2, value: 2400 })] });
    const after = await db().result.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "PUBLISHED", version: 2, approvedById: "user-soctrang" });
    expect(after.approvedAt).toBeInstanceOf(Date);

    const history = await listHistory(socTrang, "result", id);
    expect(history.map((h) => h.action)).toEqual(["result.create", "result.publish"]);
    const [create, publish] = history;
    expect(create!.before).toBeNull();
    expect(create!.after).toMatchObject({ id, value: 2400, status: "DRAFT", version: 1, unitId: "unit-942", enteredById: "user-soctrang" });
    expect(create!.actorId).toBe("user-soctrang");
    expect(create!.actorLabel).toContain("soctrang@demo.gov.vn");
    expect(create!.source).toBe("form");
    expect(create!.actorLabel).not.toContain("[form]");
    expect(create!.ip).toBe("10.0.0.1");
    expect(publish!.before).toMatchObject({ status: "DRAFT", version: 1, approvedById: null });
    expect(publish!.after).toMatchObject({ status: "PUBLISHED", version: 2, approvedById: "user-soctrang", approvedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(typeof create!.id).toBe("string"); // BigInt id, JSON-safe
    expect(() => JSON.stringify(history)).not.toThrow();

    // The district staff of Châu Thành may read this history; Sơn La may not.
    expect((await listHistory(chauThanh, "result", id)).length).toBe(2);
    await expect(listHistory(sonLa, "result", id)).rejects.toBeInstanceOf(ForbiddenError);
    // The whole log is for administrators.
    await expect(listAudit(socTrang, {})).rejects.toBeInstanceOf(ForbiddenError);
    const page = await listAudit(admin, { entity: "result", entityId: id, q: "SOCTRANG@demo" });
    expect(page.items.map((i) => i.action).sort()).toEqual(["result.create", "result.publish"]);
  });

  it("increments the version on every update and refuses a stale one with 409, showing the stored value", async () => {
    const first = await saveResults(socTrang, [jobs(2400)]);
    if (!first.ok) throw new Error(JSON.stringify(first));
    const id = first.saved[0]!.id;

    const second = await saveResults(chauThanh, [jobs("2.500", { version: 1 })]);
    expect(second).toEqual({ ok: true, saved: [expect.objectContaining({ id, value: 2500, version: 2, status: "DRAFT" })], warnings: [] });

    const before = await db().result.findUniqueOrThrow({ where: { id } });
    const audits = await auditCount();
    const stale = await saveResults(socTrang, [jobs(2300, { version: 1 })]);
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.kind).toBe("conflict");
    expect(stale.errors).toEqual([
      {
        row: 0,
        field: "version",
        code: "version_conflict",
        params: { value: 2500, version: 2, who: "Cán bộ huyện Châu Thành (demo)", yourVersion: 1 },
        current: { id, value: 2500, baseline: null, version: 2, status: "DRAFT", enteredBy: { id: "user-chauthanh", name: "Cán bộ huyện Châu Thành (demo)" }, updatedAt: expect.any(String) },
      },
    ]);
    expect(problemText(stale.errors[0]!, "vi")).toContain("2.500");
    const missing = await saveResults(socTrang, [jobs(2300)]);
    expect(missing).toMatchObject({ ok: false, kind: "conflict", errors: [{ row: 0, code: "version_required", current: { version: 2, value: 2500 } }] });
    expect(await db().result.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await auditCount()).toBe(audits);

    const history = await listHistory(socTrang, "result", id);
    expect(history.map((h) => [h.action, (h.before as { value?: number } | null)?.value ?? null, (h.after as { value: number }).value])).toEqual([
      ["result.create", null, 2400],
      ["result.update", 2400, 2500],
    ]);
  });

  it("locks an approved value until it is reopened with a reason", async () => {
    const saved = await saveResults(socTrang, [jobs(2400, { publish: true })]);
    expect(saved).toMatchObject({ ok: true, saved: [{ status: "PUBLISHED", version: 1 }] });
    if (!saved.ok) return;
    const id = saved.saved[0]!.id;
    expect(await db().result.findUniqueOrThrow({ where: { id } })).toMatchObject({ approvedById: "user-soctrang", status: "PUBLISHED" });

    const locked = await saveResults(socTrang, [jobs(2450, { version: 1 })]);
    expect(locked).toMatchObject({ ok: false, kind: "conflict", errors: [{ row: 0, code: "locked", current: { status: "PUBLISHED", version: 1, value: 2400 } }] });
    if (!locked.ok) expect(problemText(locked.errors[0]!, "vi")).toContain("đã được duyệt, cần mở lại");
    expect(await submitResults(socTrang, [id])).toMatchObject({ ok: false, kind: "conflict", errors: [{ code: "locked" }] });

    expect(await reopenResult(socTrang, id, "sai", 1)).toMatchObject({ ok: false, kind: "invalid", errors: [{ field: "reason", code: "required" }] });
    expect(await reopenResult(socTrang, id, "Số liệu báo cáo nhầm", 7)).toMatchObject({ ok: false, kind: "conflict", errors: [{ code: "version_conflict", current: { version: 1 } }] });
    expect(await reopenResult(chauThanh, id, "Số liệu báo cáo nhầm", 1)).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db().result.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PUBLISHED", version: 1 });

    const reopened = await reopenResult(socTrang, id, "  Số liệu báo cáo nhầm, cần sửa lại  ", 1);
    expect(reopened).toEqual({ ok: true, saved: [expect.objectContaining({ id, status: "DRAFT", version: 2 })] });
    expect(await db().result.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DRAFT", version: 2, approvedById: null, approvedAt: null });

    const fixed = await saveResults(socTrang, [jobs(2450, { version: 2 })]);
    expect(fixed).toMatchObject({ ok: true, saved: [{ id, value: 2450, version: 3, status: "DRAFT" }] });
    const history = await listHistory(socTrang, "result", id);
    expect(history.map((h) => h.action)).toEqual(["result.create", "result.reopen", "result.update"]);
    expect(history[1]!.reason).toBe("Số liệu báo cáo nhầm, cần sửa lại");
    expect(history[1]!.before).toMatchObject({ status: "PUBLISHED" });
    expect(history[1]!.after).toMatchObject({ status: "DRAFT", approvedById: null, approvedAt: null });
  });

  it("keeps a sub-target's count within its parent's, all or nothing", async () => {
    const audits = await auditCount();
    const batch = await saveResults(socTrang, [jobs(100), { targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: 150 }]);
    expect(batch).toMatchObject({ ok: false, kind: "invalid", errors: [{ row: 1, field: "value", code: "exceeds_parent" }] });
    expect(await touchedResults()).toEqual([]); // the valid first row was not written either
    expect(await auditCount()).toBe(audits);

    // The parent's value from the database.
    const parent = await saveResults(socTrang, [jobs(100)]);
    expect(parent.ok).toBe(true);
    expect(await saveResults(socTrang, [{ targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: "150" }])).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: [{ code: "exceeds_parent" }],
    });
    expect(await saveResults(socTrang, [{ targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: 25 }])).toMatchObject({ ok: true });
    // A parent's new value cannot fall below a stored child's…
    expect(await saveResults(socTrang, [jobs(20, { version: 1 })])).toMatchObject({ ok: false, kind: "invalid", errors: [{ code: "below_child" }] });
    // …unless the child comes down in the same batch.
    expect(await saveResults(socTrang, [jobs(20, { version: 1 }), { targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: 20, version: 1 }])).toMatchObject({
      ok: true,
      saved: [{ value: 20, version: 2 }, { value: 20, version: 2 }],
    });
  });

  it("refuses invalid rows with 422 and writes nothing", async () => {
    const audits = await auditCount();
    const res = await saveResults(socTrang, [
      { targetId: CERTIFIED, unitCode: "942", year: 2023, value: 120 }, // a rate above 100
      jobs(2400, { year: 2024 }), // outside the 2023 target's period
      jobs("2.40"), // malformed Vietnamese number
      jobs("12,5", { year: 2023 }), // a count must be whole
      { targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: -3 },
      { targetId: "target-199-labour-export", unitCode: "942", year: 2022, value: 3 }, // Sơn La's target, Châu Thành's unit
      { targetId: "no-such-target", unitCode: "942", year: 2023, value: 1 },
      { targetId: JOBS, unitCode: "99999", year: 2023, value: 1 },
      { targetId: POOR_RATE, unitCode: "942", year: 2023, value: "10,2" }, // a decrease needs its baseline
      { targetId: "target-58-vocational-training", unitCode: "942", year: 2023, value: 3 },
      { targetId: "target-58-vocational-training", unitCode: "942", year: 2023, value: 4 }, // the same cell twice
      { unitCode: "942", year: 2023, value: 1, evidenceUrl: "javascript:alert(1)", note: "a\u0007b" },
    ]);
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.kind).toBe("invalid");
    const byRow = (row: number) => res.errors.filter((e) => e.row === row).map((e) => e.code);
    expect(byRow(0)).toEqual(["out_of_range"]);
    expect(byRow(1)).toEqual(["year_out_of_period"]);
    const malformed = res.errors.find((e) => e.row === 2)!;
    expect(malformed).toEqual({ row: 2, field: "value", code: "invalid_number", params: { parserCode: "malformed_grouping", input: "2.40" } });
    expect(problemText(malformed, "vi")).toBe((parseVietnameseNumber("2.40") as { error: string }).error);
    expect(problemText(malformed, "en")).toBe((parseVietnameseNumber("2.40") as { errorEn: string }).errorEn);
    expect(byRow(3)).toEqual(["not_whole"]);
    expect(byRow(4)).toEqual(["negative"]);
    expect(byRow(5)).toEqual(["unit_not_in_target"]);
    expect(byRow(6)).toEqual(["target_not_found"]);
    expect(byRow(7)).toEqual(["unit_not_found"]);
    expect(byRow(8)).toEqual(["baseline_required"]);
    expect(byRow(9)).toEqual([]);
    expect(byRow(10)).toEqual(["duplicate_row"]);
    expect(res.errors.filter((e) => e.row === 11).map((e) => e.field).sort()).toEqual(["evidenceUrl", "note", "targetId"]);
    // Every problem has its own text in both languages (none falls back to "unexpected").
    for (const locale of ["vi", "en"] as const) {
      for (const e of res.errors) expect(problemText(e, locale), e.code).not.toBe(problemText({ code: "unexpected" }, locale));
    }
    expect(await touchedResults()).toEqual([]);
    expect(await auditCount()).toBe(audits);

    // One row outside the actor's jurisdiction makes the whole batch a 403.
    expect(
      await saveResults(socTrang, [
        { targetId: CERTIFIED, unitCode: "942", year: 2023, value: 120 },
        { targetId: "target-199-labour-export", unitCode: "14", year: 2022, value: 3 },
      ]),
    ).toMatchObject({ ok: false, kind: "forbidden", errors: [{ row: 0, code: "out_of_range" }, { row: 1, code: "forbidden" }] });

    // Rates and baselines written the Vietnamese way are fine.
    const ok = await saveResults(socTrang, [{ targetId: POOR_RATE, unitCode: "942", year: 2023, value: "10,2", baseline: "12,45" }]);
    expect(ok).toMatchObject({ ok: true, saved: [{ value: 10.2 }] });
    expect(Number((await touchedResults())[0]!.baseline)).toBe(12.45);
  });

  it("lets district staff save and submit, but not publish", async () => {
    const saved = await saveResults(chauThanh, [jobs(2400)]);
    expect(saved).toMatchObject({ ok: true, saved: [{ status: "DRAFT", version: 1 }] });
    if (!saved.ok) return;
    const id = saved.saved[0]!.id;
    expect(await submitResults(chauThanh, [id])).toMatchObject({ ok: true, saved: [{ id, status: "SUBMITTED", version: 2 }] });
    expect(await submitResults(chauThanh, [id])).toMatchObject({ ok: false, kind: "conflict", errors: [{ code: "invalid_status" }] });

    const audits = await auditCount();
    expect(await publishResults(chauThanh, [id])).toMatchObject({ ok: false, kind: "forbidden", errors: [{ row: 0, code: "forbidden" }] });
    expect(await saveResults(chauThanh, [jobs(2400, { version: 2, publish: true })])).toMatchObject({ ok: false, kind: "forbidden", errors: [{ code: "forbidden_publish" }] });
    expect(await saveResults(chauThanh, [jobs(2400, { version: 2 })], { publish: true })).toMatchObject({ ok: false, kind: "forbidden" });
    expect(await db().result.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUBMITTED", version: 2, approvedById: null });
    expect(await auditCount()).toBe(audits);

    expect(await publishResults(socTrang, [id])).toMatchObject({ ok: true, saved: [{ status: "PUBLISHED", version: 3 }] });
    expect((await listHistory(chauThanh, "result", id)).map((h) => [h.action, h.actorId])).toEqual([
      ["result.create", "user-chauthanh"],
      ["result.submit", "user-chauthanh"],
      ["result.publish", "user-soctrang"],
    ]);
    expect(await publishResults(socTrang, [id, "no-such-result"])).toMatchObject({ ok: false, kind: "not_found" });
  });

  it("lets exactly one of two concurrent saves of the same new result win; the other gets 409", async () => {
    const [a, b] = await Promise.all([saveResults(socTrang, [jobs(2400)]), saveResults(chauThanh, [jobs(2300)])]);
    const outcomes = [a, b];
    const winners = outcomes.filter((o) => o.ok);
    const losers = outcomes.filter((o) => !o.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const loser = losers[0]!;
    if (loser.ok) return;
    expect(loser.kind).toBe("conflict");
    expect(loser.errors[0]).toMatchObject({ row: 0, code: "version_required", current: { version: 1 } });
    const rows = await touchedResults();
    expect(rows).toHaveLength(1);
    expect(loser.errors[0]!.current!.value).toBe(Number(rows[0]!.value));
    expect(await auditRowsFor([rows[0]!.id])).toHaveLength(1);

    // And two concurrent updates of one version: one wins.
    const [c, d] = await Promise.all([saveResults(socTrang, [jobs(2401, { version: 1 })]), saveResults(chauThanh, [jobs(2402, { version: 1 })])]);
    expect([c.ok, d.ok].filter(Boolean)).toHaveLength(1);
    const lost = [c, d].find((o) => !o.ok);
    expect(lost).toMatchObject({ ok: false, kind: "conflict", errors: [{ code: "version_conflict", current: { version: 2 } }] });
    expect((await db().result.findUniqueOrThrow({ where: { id: rows[0]!.id } })).version).toBe(2);
  });

  it("refuses a disabled or unknown account", async () => {
    const ghost: TActor = { id: "user-nobody", role: "ADMIN", unitId: null, email: "ghost@x", name: "Ghost" };
    expect(await saveResults(ghost, [jobs(1)])).toMatchObject({ ok: false, kind: "forbidden" });
    // A session that claims more than the account has is judged on the account.
    const inflated: TActor = { ...chauThanh, role: "ADMIN" };
    expect(await saveResults(inflated, [jobs(1)], { publish: true })).toMatchObject({ ok: false, kind: "forbidden", errors: [{ code: "forbidden_publish" }] });
    expect(await touchedResults()).toEqual([]);
  });
});

describe("“18,000” for a count: ambiguous, refused with both readings", () => {
  it("refuses it for a count target, as the grid and the API send it, and writes nothing", async () => {
    const audits = await auditCount();
    // As the grid's server action sends a changed row: text, as typed.
    const res = await saveResults(chauThanh, [jobs("18,000", { note: "Báo cáo năm" })], { source: "form" });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.kind).toBe("invalid");
    expect(res.errors).toEqual([{ row: 0, field: "value", code: "invalid_number", params: expect.objectContaining({ parserCode: "ambiguous", input: "18,000" }) }]);
    const [vi, en] = [problemText(res.errors[0]!, "vi"), problemText(res.errors[0]!, "en")];
    expect(vi).toBe("“18,000” không rõ nghĩa: theo cách viết Việt Nam là 18 (mười tám), theo cách viết tiếng Anh là 18.000 (mười tám nghìn). Hãy nhập 18.000 hoặc 18.");
    expect(en).toContain("in Vietnamese format it is 18 (eighteen), in English format it is 18,000 (eighteen thousand)");
    expect(await touchedResults()).toEqual([]);
    expect(await auditCount()).toBe(audits);

    // One ambiguous row rejects the batch; a count's baseline is read the same way.
    const batch = await saveResults(socTrang, [
      { targetId: "target-58-vocational-training", unitCode: "942", year: 2023, value: "350" },
      { targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: "1,500" },
      jobs("2.400", { baseline: "20,000" }),
    ]);
    expect(batch).toMatchObject({
      ok: false,
      kind: "invalid",
      errors: [
        { row: 1, field: "value", code: "invalid_number" },
        { row: 2, field: "baseline", code: "invalid_number" },
      ],
    });
    if (!batch.ok) {
      expect(batch.errors).toHaveLength(2); // no "not_whole" on top of the ambiguity
      expect(problemText(batch.errors[0]!, "vi")).toContain("theo cách viết tiếng Anh là 1.500");
      expect(problemText(batch.errors[1]!, "vi")).toContain("theo cách viết Việt Nam là 20 (hai mươi)");
    }
    expect(await touchedResults()).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it("accepts 18.000, 18 and JSON numbers for a count, and keeps the Vietnamese reading for rates", async () => {
    expect(await saveResults(socTrang, [jobs("18.000")])).toMatchObject({ ok: true, saved: [{ value: 18000 }] });
    expect(await saveResults(socTrang, [{ targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: 18 }])).toMatchObject({ ok: true, saved: [{ value: 18 }] });
    expect(await saveResults(socTrang, [{ targetId: "target-58-vocational-training", unitCode: "942", year: 2023, value: "18" }])).toMatchObject({ ok: true, saved: [{ value: 18 }] });
    // A rate: "18,000" is eighteen (percent); so are "18,0" and "18,00".
    expect(await saveResults(socTrang, [{ targetId: CERTIFIED, unitCode: "942", year: 2023, value: "18,000" }])).toMatchObject({ ok: true, saved: [{ value: 18 }] });
    expect(await saveResults(socTrang, [{ targetId: POOR_RATE, unitCode: "942", year: 2023, value: "1,500", baseline: "3,250" }])).toMatchObject({ ok: true, saved: [{ value: 1.5 }] });
    // A decimal for a count is refused as before (not whole), not as ambiguous.
    expect(await saveResults(socTrang, [jobs("18,5", { version: 1 })])).toMatchObject({ ok: false, kind: "invalid", errors: [{ code: "not_whole" }] });
  });
});

describe("warnings: saved, but the officer is told", () => {
  const PROVINCE_JOBS = "test-result-province-jobs-2023";
  const PROVINCE_JOBS_NO_TARGET = "test-result-province-jobs-2023-no-target";
  afterEach(async () => {
    await db().result.deleteMany({ where: { id: { in: [PROVINCE_JOBS, PROVINCE_JOBS_NO_TARGET] } } });
  });
  const provinceJobs = (status: "DRAFT" | "PUBLISHED", value = 2400, targetId: string | null = JOBS) =>
    db().result.create({
      data: { id: targetId ? PROVINCE_JOBS : PROVINCE_JOBS_NO_TARGET, targetId, indicatorId: "ind-jobs", unitId: "unit-94", year: 2023, value, status },
    });

  it("warns when a district's count exceeds its province's figure for the same target and year, and saves it", async () => {
    await provinceJobs("PUBLISHED");
    const audits = await auditCount();
    const res = await saveResults(chauThanh, [jobs("3.000")], { source: "form" });
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.saved).toEqual([expect.objectContaining({ value: 3000, status: "DRAFT", version: 1 })]);
    expect(res.warnings).toEqual([
      {
        row: 0,
        field: "value",
        code: "exceeds_parent_unit",
        params: {
          targetId: JOBS,
          year: 2023,
          unitCode: "942",
          unitName: "Huyện Châu Thành",
          unitNameEn: "Chau Thanh District",
          value: 3000,
          parentUnitCode: "94",
          parentUnitName: "Tỉnh Sóc Trăng",
          parentUnitNameEn: "Soc Trang Province",
          parentValue: 2400,
        },
      },
    ]);
    expect(problemBilingual(res.warnings[0]!)).toMatch(/Huyện Châu Thành \(3\.000\) lớn hơn kết quả của đơn vị cấp trên Tỉnh Sóc Trăng \(2\.400\).* \/ .*Chau Thanh District \(3,000\) is greater than .*Soc Trang Province \(2,400\)/);
    expect(Number((await db().result.findFirstOrThrow({ where: { targetId: JOBS, unitId: "unit-942" } })).value)).toBe(3000);
    expect(await auditCount()).toBe(audits + 1);

    // At or below the province's figure: no warning.
    expect(await saveResults(chauThanh, [jobs(2400, { version: 1 })])).toMatchObject({ ok: true, warnings: [] });
  });

  it("compares only with a province figure the caller can see, and with the indicator's figure when the province has none for the target", async () => {
    await provinceJobs("DRAFT");
    // District staff cannot see the province's draft; the provincial officer can.
    expect(await saveResults(chauThanh, [jobs(3000)])).toMatchObject({ ok: true, warnings: [] });
    expect(await saveResults(socTrang, [jobs(3100, { version: 1 })])).toMatchObject({ ok: true, warnings: [{ code: "exceeds_parent_unit", params: { parentValue: 2400 } }] });

    await db().result.delete({ where: { id: PROVINCE_JOBS } });
    await provinceJobs("PUBLISHED", 2000, null); // the province's jobs figure without a target
    expect(await saveResults(chauThanh, [jobs(3200, { version: 2 })])).toMatchObject({
      ok: true,
      warnings: [{ row: 0, code: "exceeds_parent_unit", params: { value: 3200, parentValue: 2000, parentUnitCode: "94" } }],
    });
  });

  it("warns when a baseline differs from the previous year's published value for the same target and unit, and saves it", async () => {
    const row = (year: number, value: string, baseline: string, extra: Record<string, unknown> = {}) => ({ targetId: ST_POOR_RATE, unitCode: "94", year, value, baseline, ...extra });
    expect(await saveResults(socTrang, [row(2022, "8,5", "10,2", { publish: true })])).toMatchObject({ ok: true, warnings: [] });

    const res = await saveResults(socTrang, [row(2023, "6,1", "8,2")]);
    expect(res.ok, JSON.stringify(res)).toBe(true);
    if (!res.ok) return;
    expect(res.saved).toEqual([expect.objectContaining({ year: 2023, value: 6.1, status: "DRAFT" })]);
    expect(res.warnings).toEqual([
      {
        row: 0,
        field: "baseline",
        code: "baseline_differs_from_previous_year",
        params: { targetId: ST_POOR_RATE, year: 2023, unitCode: "94", unitName: "Tỉnh Sóc Trăng", unitNameEn: "Soc Trang Province", baseline: 8.2, previousYear: 2022, previousValue: 8.5 },
      },
    ]);
    expect(problemBilingual(res.warnings[0]!)).toMatch(/giá trị gốc 8,2 khác với kết quả đã công bố năm 2022 .*\(8,5\).* \/ .*baseline 8.2 differs from the published 2022 result/);
    expect(Number((await db().result.findFirstOrThrow({ where: { targetId: ST_POOR_RATE, year: 2023 } })).baseline)).toBe(8.2);

    // The same baseline, or none given: no warning.
    expect(await saveResults(socTrang, [row(2023, "6,1", "8,5", { version: 1 })])).toMatchObject({ ok: true, warnings: [] });
    expect(await saveResults(socTrang, [{ targetId: ST_POOR_RATE, unitCode: "94", year: 2023, value: "6,2", version: 2 }])).toMatchObject({ ok: true, warnings: [] });
    // A previous year that is only a draft does not count.
    expect(await saveResults(socTrang, [row(2024, "5", "6,2")])).toMatchObject({ ok: true, warnings: [] });
    // In one batch: the previous year published in the same write counts.
    expect(await saveResults(socTrang, [row(2025, "3", "4,5"), row(2024, "5", "6,2", { version: 1, publish: true })])).toMatchObject({
      ok: true,
      warnings: [{ row: 0, code: "baseline_differs_from_previous_year", params: { previousYear: 2024, previousValue: 5, baseline: 4.5 } }],
    });
  });
});

describe("the entry grid", () => {
  it("lists the plan's measurable targets × the actor's units × years, with stored results", async () => {
    const saved = await saveResults(chauThanh, [jobs(2400)]);
    expect(saved.ok).toBe(true);
    const grid = (await listResultsForGrid(socTrang, "plan-58-kh-ubnd-2023"))!;
    expect(grid.plan.code).toBe("58/KH-UBND");
    expect(grid.targets.map((t) => t.id)).toEqual([
      "target-58-poor-rate",
      "target-58-poor-rate-khmer",
      JOBS,
      LABOUR_EXPORT,
      "target-58-vocational-training",
      CERTIFIED,
    ]);
    expect(grid.targets.find((t) => t.id === CERTIFIED)!.valueKind).toBe("rate");
    expect(grid.targets.find((t) => t.id === JOBS)!.valueKind).toBe("count");
    expect(grid.units.map((u) => u.code)).toEqual(["942"]);
    const cell = grid.cells.find((c) => c.targetId === JOBS && c.year === 2023)!;
    expect(cell).toMatchObject({ unitCode: "942", canEdit: true, canPublish: true, result: { value: 2400, version: 1, status: "DRAFT", enteredBy: { id: "user-chauthanh" } } });
    expect(grid.cells.filter((c) => c.result === null)).toHaveLength(5);

    const staff = (await listResultsForGrid(chauThanh, "plan-58-kh-ubnd-2023"))!;
    expect(staff.cells.every((c) => !c.canPublish)).toBe(true);
    const sonLaGrid = (await listResultsForGrid(sonLa, "plan-58-kh-ubnd-2023"))!;
    expect(sonLaGrid.cells).toEqual([]); // published plan, nothing to enter for Sơn La
    const sonLaOwn = (await listResultsForGrid(sonLa, "plan-199-kh-ubnd-2022"))!;
    expect(sonLaOwn.targets.every((t) => t.kind !== "QUALITATIVE")).toBe(true);
    expect(sonLaOwn.cells.every((c) => c.unitCode === "14" && c.year === 2022)).toBe(true);
    expect(await listResultsForGrid(admin, "no-such-plan")).toBeNull();
  });
});
