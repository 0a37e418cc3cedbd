// The sentence rules of the audit log (lib/data/audit-text.ts): every action the portal writes
// reads as a sentence in both languages, names its record and links to it, and says so when a
// name can no longer be found.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RESULT_TRANSITIONS } from "../domain/results";
import { AUDIT_ACTIONS, auditMessages } from "../i18n/audit";
import { LOCALES } from "../i18n/locale";
import { actionLabel, actionsMatchingWord, actorOf, changedFields, describeAudit, EMPTY_SUBJECT, entityOfAction, shorten, type TAuditRecord, type TAuditSubject } from "./audit-text";

const CHAU_THANH = { id: "unit-942", key: "942", name: "Huyện Châu Thành", nameEn: "Chau Thanh District" };
const SOC_TRANG = { id: "unit-94", key: "94", name: "Tỉnh Sóc Trăng", nameEn: "Soc Trang Province" };
const JOBS = { name: "Lao động được giải quyết việc làm", nameEn: "Workers placed in jobs", measureUnit: "người", measureUnitEn: "people" };
const PLAN = { id: "plan-58", code: "58/KH-UBND", title: "Kế hoạch giảm nghèo bền vững năm 2023" };
const OFFICER = "Cán bộ tỉnh Sóc Trăng (demo) <soctrang@demo.gov.vn>";

function entry(over: Partial<Omit<TAuditRecord, "subject">> & { subject?: Partial<TAuditSubject> }): TAuditRecord {
  return {
    id: "1",
    at: "2025-03-21T03:00:00.000Z",
    actorId: "user-soctrang",
    actorLabel: OFFICER,
    action: "result.create",
    entity: "result",
    entityId: "result-1",
    before: null,
    after: null,
    reason: null,
    ip: null,
    source: null,
    ...over,
    subject: { ...EMPTY_SUBJECT, ...over.subject },
  };
}

const resultSnap = (value: number, status = "DRAFT") => ({ id: "result-1", targetId: "target-58-jobs", indicatorId: "ind-jobs", unitId: "unit-942", year: 2024, value, status });
const resultSubject = { unit: CHAU_THANH, indicator: JOBS, plan: PLAN, statement: "Giải quyết việc làm cho 2.400 lao động" };

/** One entry of every action the portal writes, with the names it concerns. */
const EXAMPLES: Record<(typeof AUDIT_ACTIONS)[number], TAuditRecord> = {
  "result.create": entry({ action: "result.create", after: resultSnap(2100), subject: resultSubject, source: "form" }),
  "result.update": entry({ action: "result.update", before: resultSnap(10), after: resultSnap(12), subject: resultSubject }),
  "result.submit": entry({ action: "result.submit", before: resultSnap(2100), after: resultSnap(2100, "SUBMITTED"), subject: resultSubject }),
  "result.publish": entry({ action: "result.publish", before: resultSnap(2350, "SUBMITTED"), after: resultSnap(2350, "PUBLISHED"), subject: { ...resultSubject, previousPublished: 2100 } }),
  "result.return": entry({ action: "result.return", before: resultSnap(2100, "SUBMITTED"), after: resultSnap(2100, "RETURNED"), reason: "Thiếu minh chứng", subject: resultSubject }),
  "result.reopen": entry({ action: "result.reopen", before: resultSnap(2100, "PUBLISHED"), after: resultSnap(2100), reason: "Sai số liệu", subject: resultSubject }),
  "plan.create": entry({ action: "plan.create", entity: "plan", entityId: PLAN.id, after: { code: PLAN.code, title: PLAN.title }, subject: { plan: PLAN, unit: SOC_TRANG } }),
  "plan.update": entry({ action: "plan.update", entity: "plan", entityId: PLAN.id, before: { title: "x" }, after: { code: PLAN.code, title: PLAN.title }, subject: { plan: PLAN, unit: SOC_TRANG } }),
  "plan.publish": entry({ action: "plan.publish", entity: "plan", entityId: PLAN.id, before: { status: "DRAFT" }, after: { status: "PUBLISHED" }, subject: { plan: PLAN, unit: SOC_TRANG } }),
  "plan.reopen": entry({ action: "plan.reopen", entity: "plan", entityId: PLAN.id, before: { status: "PUBLISHED" }, after: { status: "DRAFT" }, reason: "Sửa chỉ tiêu", subject: { plan: PLAN } }),
  "target.create": entry({ action: "target.create", entity: "target", entityId: "target-1", after: { statement: "Giải quyết việc làm cho 2.400 lao động", unitId: "unit-942" }, subject: { plan: PLAN, unit: CHAU_THANH } }),
  "target.update": entry({ action: "target.update", entity: "target", entityId: "target-1", before: { planId: PLAN.id }, after: { statement: "Giải quyết việc làm cho 2.500 lao động" }, subject: { plan: PLAN, unit: CHAU_THANH } }),
  "target.delete": entry({ action: "target.delete", entity: "target", entityId: "target-1", before: { planId: PLAN.id, statement: "Chỉ tiêu bị xóa" }, subject: { plan: PLAN } }),
  "user.create": entry({
    action: "user.create",
    entity: "user",
    entityId: "user-new",
    actorLabel: "Quản trị viên (demo) <admin@demo.gov.vn>",
    after: { email: "new@tinh.gov.vn", name: "Nguyễn Văn A", role: "PROVINCIAL_OFFICER", unitId: "unit-94" },
    subject: { account: { id: "user-new", email: "new@tinh.gov.vn", name: "Nguyễn Văn A" }, unit: SOC_TRANG },
  }),
  "user.update": entry({
    action: "user.update",
    entity: "user",
    entityId: "user-new",
    before: { email: "new@tinh.gov.vn", role: "DISTRICT_STAFF", unitId: "unit-942" },
    after: { email: "new@tinh.gov.vn", role: "PROVINCIAL_OFFICER", unitId: "unit-94" },
    subject: { account: { id: "user-new", email: "new@tinh.gov.vn", name: "A" }, unit: SOC_TRANG, beforeUnit: CHAU_THANH },
  }),
  "user.disable": entry({ action: "user.disable", entity: "user", entityId: "user-new", after: { email: "new@tinh.gov.vn", disabled: true }, subject: { account: { id: "user-new", email: "new@tinh.gov.vn", name: "A" } } }),
  "user.enable": entry({ action: "user.enable", entity: "user", entityId: "user-new", after: { email: "new@tinh.gov.vn", disabled: false }, subject: { account: { id: "user-new", email: "new@tinh.gov.vn", name: "A" } } }),
  "user.reset_password": entry({ action: "user.reset_password", entity: "user", entityId: "user-new", after: { generated: true }, subject: { account: { id: "user-new", email: "new@tinh.gov.vn", name: "A" } } }),
  "user.change_password": entry({ action: "user.change_password", entity: "user", entityId: "user-soctrang", after: {}, subject: { account: { id: "user-soctrang", email: "soctrang@demo.gov.vn", name: "B" } } }),
  "token.create": entry({ action: "token.create", entity: "api_token", entityId: "token-1", after: { name: "Script báo cáo quý", prefix: "gnp_ab12", userId: "user-soctrang" }, subject: { account: { id: "user-soctrang", email: "soctrang@demo.gov.vn", name: "B" } } }),
  "token.revoke": entry({ action: "token.revoke", entity: "api_token", entityId: "token-1", after: { name: "Script báo cáo quý", prefix: "gnp_ab12", userId: "user-soctrang" }, subject: { account: { id: "user-soctrang", email: "soctrang@demo.gov.vn", name: "B" } } }),
  "unit.create": entry({ action: "unit.create", entity: "unit", entityId: "unit-99001", actorLabel: "cli", source: "cli", after: { key: "99001", name: "Xã Thử Nghiệm", validFrom: "2026-01-01", parentId: "unit-94" }, subject: { unit: { id: "unit-99001", key: "99001", name: "Xã Thử Nghiệm", nameEn: "Thu Nghiem Commune" }, parent: SOC_TRANG } }),
  "unit.rename": entry({ action: "unit.rename", entity: "unit", entityId: "unit-99001", before: { key: "99001", name: "Xã Thử Nghiệm", nameEn: "Thu Nghiem Commune" }, after: { key: "99001", name: "Xã Thử Nghiệm Mới", nameEn: "Thu Nghiem Moi Commune" }, subject: { unit: { id: "unit-99001", key: "99001", name: "Xã Thử Nghiệm Mới", nameEn: null } } }),
  "unit.end": entry({ action: "unit.end", entity: "unit", entityId: "unit-99001", before: { key: "99001", name: "Xã Thử Nghiệm" }, after: { key: "99001", name: "Xã Thử Nghiệm", validTo: "2026-12-31" }, subject: { unit: { id: "unit-99001", key: "99001", name: "Xã Thử Nghiệm", nameEn: null } } }),
  "unit.reorganise": entry({
    action: "unit.reorganise",
    entity: "unit",
    entityId: "unit-94",
    before: { key: "94", name: "Tỉnh Sóc Trăng" },
    after: { key: "94", name: "Tỉnh Sóc Trăng", validTo: "2025-06-30", successions: [{ successorId: "unit-92", share: "FULL", effectiveOn: "2025-07-01" }] },
    subject: { unit: SOC_TRANG, successors: [{ id: "unit-92", key: "92", name: "Thành phố Cần Thơ", nameEn: "Can Tho City" }] },
  }),
  "unit.delete": entry({ action: "unit.delete", entity: "unit", entityId: "unit-99001", before: { key: "99001", name: "Xã Thử Nghiệm" }, after: null }),
  "unit.import": entry({ action: "unit.import", entity: "unit", entityId: null, after: { effectiveOn: "2027-01-01", unitsFile: "units.csv", successorsFile: null, created: 3, renamed: 1, ended: 2 } }),
  "sign_in.ok": entry({ action: "sign_in.ok", entity: "session", entityId: null, actorLabel: "soctrang@demo.gov.vn", subject: { account: { id: "user-soctrang", email: "soctrang@demo.gov.vn", name: "Cán bộ tỉnh Sóc Trăng (demo)" } } }),
  "sign_in.failed": entry({ action: "sign_in.failed", entity: "session", entityId: null, actorId: null, actorLabel: "ai.do@example.com" }),
  "sign_in.disabled": entry({ action: "sign_in.disabled", entity: "session", entityId: null, actorLabel: "new@tinh.gov.vn", subject: { account: { id: "user-new", email: "new@tinh.gov.vn", name: "A" } } }),
  "sign_in.throttled": entry({ action: "sign_in.throttled", entity: "session", entityId: null, actorId: null, actorLabel: "soctrang@demo.gov.vn" }),
};

describe("describeAudit: the brief's example", () => {
  it("reads a publication with the value published before", () => {
    const d = describeAudit(EXAMPLES["result.publish"], "vi");
    expect(d.sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã công bố 2.350 người – Lao động được giải quyết việc làm, Huyện Châu Thành, năm 2024 (trước: 2.100 người)");
    expect(d.link).toEqual({ href: "/workspace/plans/plan-58/results?history=result-1#history-result-1", label: "Xem trong bảng nhập liệu" });
    expect(d.record).toBe("Lao động được giải quyết việc làm – Huyện Châu Thành – 2024");
    expect(d.unit).toBe("Huyện Châu Thành");
    expect(d.email).toBe("soctrang@demo.gov.vn");
    expect(describeAudit(EXAMPLES["result.publish"], "en").sentence).toBe(
      "Cán bộ tỉnh Sóc Trăng (demo) published 2,350 people – Workers placed in jobs, Chau Thanh District, 2024 (before: 2,100 people)",
    );
  });

  it("says nothing of a previous value when it was the same, or when there was none", () => {
    const same = entry({ ...EXAMPLES["result.publish"], subject: { ...resultSubject, previousPublished: 2350 } });
    expect(describeAudit(same, "vi").sentence).not.toContain("trước");
    const first = entry({ ...EXAMPLES["result.publish"], subject: resultSubject });
    expect(describeAudit(first, "vi").sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã công bố 2.350 người – Lao động được giải quyết việc làm, Huyện Châu Thành, năm 2024");
  });

  it("shows a change of value as before → after", () => {
    expect(describeAudit(EXAMPLES["result.update"], "vi").sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã sửa 10 → 12 người – Lao động được giải quyết việc làm, Huyện Châu Thành, năm 2024");
    expect(describeAudit(EXAMPLES["result.update"], "en").sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) changed 10 → 12 people – Workers placed in jobs, Chau Thanh District, 2024");
  });

  it("names the group of a figure and writes rates with %", () => {
    const rate = entry({
      after: { ...resultSnap(18.66), year: 2023 },
      subject: { ...resultSubject, indicator: { name: "Tỷ lệ hộ nghèo", nameEn: "Poverty rate", measureUnit: "%", measureUnitEn: "%" }, group: { code: "khmer", name: "hộ Khmer", nameEn: "Khmer households" } },
    });
    expect(describeAudit(rate, "vi").sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã nhập 18,66% – Tỷ lệ hộ nghèo (hộ Khmer), Huyện Châu Thành, năm 2023");
    expect(describeAudit(rate, "en").sentence).toContain("18.66% – Poverty rate (Khmer households), Chau Thanh District, 2023");
  });
});

describe("describeAudit: every action the portal writes", () => {
  it.each(LOCALES)("reads each as a sentence naming the actor and the record, in %s", (locale) => {
    for (const [action, e] of Object.entries(EXAMPLES)) {
      const d = describeAudit(e, locale);
      const other = auditMessages[locale].sentences.other({ actor: d.actor, action: d.action, record: d.record });
      expect(d.sentence, action).not.toBe(other);
      expect(d.sentence.trim(), action).not.toBe("");
      expect(d.action, action).toBe(auditMessages[locale].actions[action as keyof typeof auditMessages.vi.actions]);
      expect(d.sentence, action).not.toMatch(/undefined|null|\[object/);
      // No record is named by its id alone.
      if (e.entityId) expect(d.sentence, action).not.toContain(e.entityId);
    }
  });

  it("writes the sentences the officers and administrators read", () => {
    const vi = (a: keyof typeof EXAMPLES) => describeAudit(EXAMPLES[a], "vi").sentence;
    const en = (a: keyof typeof EXAMPLES) => describeAudit(EXAMPLES[a], "en").sentence;
    expect(vi("result.create")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã nhập 2.100 người – Lao động được giải quyết việc làm, Huyện Châu Thành, năm 2024");
    expect(vi("result.submit")).toContain("đã gửi duyệt 2.100 người");
    expect(vi("result.return")).toContain("đã trả lại 2.100 người");
    expect(vi("result.reopen")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã mở lại 2.100 người – Lao động được giải quyết việc làm, Huyện Châu Thành, năm 2024 để điều chỉnh");
    expect(en("result.reopen")).toBe("Cán bộ tỉnh Sóc Trăng (demo) reopened 2,100 people – Workers placed in jobs, Chau Thanh District, 2024 for correction");
    expect(vi("plan.publish")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã công bố kế hoạch 58/KH-UBND");
    expect(vi("plan.reopen")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã mở lại kế hoạch 58/KH-UBND (trở về bản nháp)");
    expect(en("plan.create")).toBe("Cán bộ tỉnh Sóc Trăng (demo) created plan 58/KH-UBND");
    expect(vi("target.create")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã thêm chỉ tiêu “Giải quyết việc làm cho 2.400 lao động” (Huyện Châu Thành) của kế hoạch 58/KH-UBND");
    expect(vi("target.delete")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã xóa chỉ tiêu “Chỉ tiêu bị xóa” của kế hoạch 58/KH-UBND");
    expect(vi("user.create")).toBe("Quản trị viên (demo) đã tạo tài khoản new@tinh.gov.vn (Nguyễn Văn A) – Cán bộ cấp tỉnh, Tỉnh Sóc Trăng");
    expect(vi("user.update")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã đổi tài khoản new@tinh.gov.vn thành Cán bộ cấp tỉnh, Tỉnh Sóc Trăng (trước: Cán bộ huyện/xã, Huyện Châu Thành)");
    expect(vi("user.disable")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã khóa tài khoản new@tinh.gov.vn");
    expect(en("user.enable")).toBe("Cán bộ tỉnh Sóc Trăng (demo) enabled the account new@tinh.gov.vn");
    expect(vi("user.reset_password")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã đặt lại mật khẩu của tài khoản new@tinh.gov.vn");
    expect(vi("token.create")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã tạo token API “Script báo cáo quý” cho tài khoản soctrang@demo.gov.vn");
    expect(vi("unit.create")).toBe("Quản trị viên (dòng lệnh) đã tạo đơn vị Xã Thử Nghiệm (mã 99001), thuộc Tỉnh Sóc Trăng, có hiệu lực từ 01/01/2026");
    expect(en("unit.create")).toBe("An administrator (command line) created the unit Thu Nghiem Commune (code 99001), under Soc Trang Province, valid from 01/01/2026");
    expect(vi("unit.rename")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã đổi tên Xã Thử Nghiệm (mã 99001) thành Xã Thử Nghiệm Mới");
    expect(vi("unit.end")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã kết thúc đơn vị Xã Thử Nghiệm (mã 99001), còn hiệu lực đến hết 31/12/2026");
    expect(vi("unit.reorganise")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã sáp nhập Tỉnh Sóc Trăng (mã 94) vào Thành phố Cần Thơ từ 01/07/2025");
    expect(vi("unit.import")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã nạp danh mục đơn vị từ tệp units.csv, có hiệu lực từ 01/01/2027: 3 đơn vị mới, 1 đổi tên, 2 kết thúc");
    expect(vi("sign_in.ok")).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã đăng nhập");
    expect(describeAudit(EXAMPLES["sign_in.ok"], "vi").email).toBe("soctrang@demo.gov.vn");
    expect(vi("sign_in.disabled")).toBe("new@tinh.gov.vn bị từ chối đăng nhập vì tài khoản đã bị khóa");
    expect(vi("sign_in.failed")).toBe("Đăng nhập không thành công với ai.do@example.com (sai mật khẩu hoặc không có tài khoản)");
    expect(en("sign_in.throttled")).toBe("Sign-in as soctrang@demo.gov.vn held back after too many failures");
  });

  it("links each record to where it is read or changed", () => {
    const href = (a: keyof typeof EXAMPLES) => describeAudit(EXAMPLES[a], "vi").link?.href ?? null;
    expect(href("result.create")).toBe("/workspace/plans/plan-58/results?history=result-1#history-result-1");
    expect(href("plan.update")).toBe("/workspace/plans/plan-58/edit");
    expect(href("target.delete")).toBe("/workspace/plans/plan-58/edit");
    expect(href("user.disable")).toBe("/workspace/admin/users#user-new");
    expect(href("token.revoke")).toBe("/workspace/admin/users#user-soctrang");
    expect(href("sign_in.ok")).toBe("/workspace/admin/users#user-soctrang");
    expect(href("unit.end")).toBe("/workspace/admin/units?key=99001#unit");
    expect(href("unit.import")).toBe("/workspace/admin/units");
    // Gone: no link, but still a name.
    expect(href("unit.delete")).toBeNull();
    expect(href("sign_in.failed")).toBeNull();
    expect(describeAudit(EXAMPLES["unit.delete"], "vi").sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã xóa đơn vị Xã Thử Nghiệm (mã 99001)");
  });
});

describe("describeAudit: names that cannot be found", () => {
  it.each(LOCALES)("says a record is no longer there instead of showing its id (%s)", (locale) => {
    const w = auditMessages[locale].words;
    const lost = entry({ action: "result.publish", after: resultSnap(5) });
    const d = describeAudit(lost, locale);
    expect(d.sentence).toContain(w.unknownIndicator);
    expect(d.sentence).toContain(w.unknownUnit);
    expect(d.sentence).not.toContain("result-1");
    expect(d.link).toBeNull();
    for (const [action, e] of Object.entries(EXAMPLES)) {
      const bare = describeAudit({ ...e, before: null, after: null, subject: EMPTY_SUBJECT }, locale);
      expect(bare.sentence.trim(), action).not.toBe("");
      expect(bare.sentence, action).not.toMatch(/undefined|\bnull\b|\[object/);
      expect(bare.record.trim(), action).not.toBe("");
    }
  });

  it("reads an action the catalogue does not know by its code, with the record", () => {
    const d = describeAudit(entry({ action: "result.archive", after: resultSnap(3), subject: resultSubject }), "vi");
    expect(d.action).toBe("result.archive");
    expect(d.sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) đã thực hiện thao tác “result.archive” với Lao động được giải quyết việc làm – Huyện Châu Thành – 2024");
    const e = describeAudit(entry({ action: "report.send", entity: "report", entityId: "r-9" }), "en");
    expect(e.sentence).toBe("Cán bộ tỉnh Sóc Trăng (demo) did “report.send” to report r-9");
  });
});

describe("the actor and the actions' words", () => {
  it("reads the actor's label", () => {
    expect(actorOf(OFFICER, "vi")).toEqual({ name: "Cán bộ tỉnh Sóc Trăng (demo)", email: "soctrang@demo.gov.vn" });
    expect(actorOf("cli", "vi").name).toBe("Quản trị viên (dòng lệnh)");
    expect(actorOf("cli", "en").name).toBe("An administrator (command line)");
    expect(actorOf("hệ thống / system", "vi")).toEqual({ name: "Hệ thống", email: null });
    expect(actorOf("x@y.vn", "vi")).toEqual({ name: "x@y.vn", email: "x@y.vn" });
  });

  it("finds actions by their words without diacritics, in either language", () => {
    expect(actionsMatchingWord("mo").sort()).toEqual(["plan.reopen", "result.reopen", "user.enable"].sort());
    expect(actionsMatchingWord("lai")).toEqual(expect.arrayContaining(["result.reopen", "plan.reopen", "result.return"]));
    expect(actionsMatchingWord("khoa").sort()).toEqual(["sign_in.disabled", "user.disable", "user.enable"].sort());
    expect(actionsMatchingWord("Khóa")).toEqual(actionsMatchingWord("khoa"));
    expect(actionsMatchingWord("reopen").sort()).toEqual(["plan.reopen", "result.reopen"]);
    expect(actionsMatchingWord("")).toEqual([]);
    expect(actionsMatchingWord("chau")).toEqual([]);
  });

  it("names every action in both languages and knows its kind of record", () => {
    for (const a of AUDIT_ACTIONS) {
      expect(actionLabel(a, "vi")).not.toBe(a);
      expect(actionLabel(a, "en")).not.toBe(a);
      expect(entityOfAction(a)).not.toBeNull();
    }
  });

  it("lists the fields a change altered, for auditors", () => {
    expect(changedFields(resultSnap(10), resultSnap(12, "SUBMITTED"))).toEqual([
      { field: "value", before: "10", after: "12" },
      { field: "status", before: "DRAFT", after: "SUBMITTED" },
    ]);
    expect(changedFields(null, resultSnap(1))).toEqual([]);
    expect(changedFields({ a: null }, { b: "x" })).toEqual([{ field: "b", before: "—", after: "x" }]);
  });

  it("shortens long names at a word", () => {
    expect(shorten("một hai ba bốn năm", 10)).toBe("một hai…");
    expect(shorten("ngắn")).toBe("ngắn");
  });
});

describe("every action written under lib/ has its words", () => {
  const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) => {
      const p = join(dir, n);
      if (n === "generated" || n === "node_modules") return [];
      return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(n) && !n.endsWith(".test.ts") ? [p] : [];
    });
  it("is in the catalogue (lib/i18n/audit.ts)", () => {
    const written = new Set<string>();
    for (const f of files(ROOT)) {
      for (const m of readFileSync(f, "utf8").matchAll(/action: (?:disabled \? )?"([a-z_]+\.[a-z_]+)"(?: : "([a-z_]+\.[a-z_]+)")?/g)) {
        written.add(m[1]!);
        if (m[2]) written.add(m[2]);
      }
    }
    for (const change of Object.keys(RESULT_TRANSITIONS)) written.add(`result.${change}`);
    expect(written.size).toBeGreaterThan(20);
    expect([...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a)).sort()).toEqual([]);
  });
});
