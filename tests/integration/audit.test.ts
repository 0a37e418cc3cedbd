// The audit log read by people (lib/data/audit.ts, audit-query.ts, audit-text.ts) on both
// backends: a search without diacritics ("mo lai", "khoa", "chau thanh") finds its rows through
// the names written with each row (audit_log.searchText) and the words of the actions; filters by
// person, unit (with the units below it), action, kind of record and dates; 50 to a page with the
// total; the download's table; and the migration that filled the rows written before it, checked
// against what writeAudit writes. Every test removes what it wrote.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "@/lib/api/http";
import { ForbiddenError } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { MIGRATIONS_DIR } from "@/lib/db/migrations-dir";
import { createAccount, setAccountDisabled } from "@/lib/data/accounts";
import { AUDIT_PAGE_SIZE, listAudit, listAuditForExport, listHistory, writeAudit } from "@/lib/data/audit";
import { auditQueryParams, parseAuditQuery } from "@/lib/data/audit-query";
import { actionsMatchingWord, auditTable, describeAudit } from "@/lib/data/audit-text";
import { publishResults, reopenResult, saveResults } from "@/lib/data/results-write";
import { createToken, revokeToken } from "@/lib/data/tokens";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { normalizeSearch } from "@/lib/domain/text";
import { demoActor, withPg } from "./helpers";

const admin = demoActor("user-admin");
const socTrang = demoActor("user-soctrang");
const chauThanh = demoActor("user-chauthanh");

const MARK = `audit${randomUUID().slice(0, 8)}`;
const PAGING = 120;
const EMAIL = `${MARK}.tam@audit.test`;

let resultId = "";
let accountId = "";
let tokenId = "";

async function cleanUp() {
  const results = await db().result.findMany({ where: { targetId: "target-58-jobs", unitId: "unit-942", year: 2023 }, select: { id: true } });
  const ids = results.map((r) => r.id);
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
  await db().auditLog.deleteMany({ where: { OR: [{ searchText: { contains: MARK.toLowerCase() } }, { actorLabel: { contains: MARK } }] } });
  const users = await db().user.findMany({ where: { email: EMAIL }, select: { id: true } });
  await db().auditLog.deleteMany({ where: { entity: "user", entityId: { in: users.map((u) => u.id) } } });
  await db().user.deleteMany({ where: { email: EMAIL } });
  if (tokenId) {
    await db().auditLog.deleteMany({ where: { entity: "api_token", entityId: tokenId } });
    await db().apiToken.deleteMany({ where: { id: tokenId } });
  }
}

beforeAll(async () => {
  await cleanUp();
  // Châu Thành's staff enters 2.100 workers placed in jobs for 2023; Sóc Trăng publishes, then reopens it.
  const saved = await saveResults(chauThanh, [{ targetId: "target-58-jobs", unitCode: "942", year: 2023, value: "2.100" }], { source: "form" });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  resultId = saved.saved[0]!.id;
  const published = await publishResults(socTrang, [resultId]);
  if (!published.ok) throw new Error(JSON.stringify(published));
  const reopened = await reopenResult(socTrang, resultId, `Sai số liệu quý IV ${MARK}`, published.saved[0]!.version);
  if (!reopened.ok) throw new Error(JSON.stringify(reopened));
  // An account created, then locked ("khóa tài khoản").
  const account = await createAccount(admin, { email: EMAIL, name: "Trần Thị Tâm", role: "PROVINCIAL_OFFICER", unitCode: "14" });
  accountId = account.account.id;
  await setAccountDisabled(admin, accountId, true);
  // A token of Sóc Trăng's officer, created and revoked.
  const token = await createToken(socTrang, `Script ${MARK}`);
  tokenId = token.id;
  await revokeToken(socTrang, tokenId);
  // Failed sign-ins to page through.
  await db().$transaction(async (tx) => {
    for (let i = 0; i < PAGING; i++) {
      await writeAudit(tx, { actor: null, actorLabel: `${MARK}.${i}@paging.test`, action: "sign_in.failed", entity: "session", entityId: null, ip: "10.9.9.9" });
    }
  });
});

afterAll(cleanUp);

const actionsOf = (items: { action: string }[]) => [...new Set(items.map((i) => i.action))].sort();

describe("searching the log without diacritics", () => {
  it("is for administrators only", async () => {
    await expect(listAudit(socTrang, { q: "mo lai" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAuditForExport(chauThanh, {})).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("“mo lai” finds the reopening by the words of its action, and “mở lại” finds the same", async () => {
    const page = await listAudit(admin, { q: "mo lai", entity: "result", entityId: resultId });
    expect(actionsOf(page.items)).toEqual(["result.reopen"]);
    const reopen = page.items[0]!;
    expect(reopen.reason).toContain("Sai số liệu");
    expect(describeAudit(reopen, "vi").sentence).toBe(
      "Cán bộ tỉnh Sóc Trăng (demo) đã mở lại 2.100 người – Lao động được giải quyết việc làm, kết nối việc làm, Huyện Châu Thành, năm 2023 để điều chỉnh",
    );
    const accented = await listAudit(admin, { q: "MỞ LẠI", entity: "result", entityId: resultId });
    expect(accented.items.map((i) => i.id)).toEqual(page.items.map((i) => i.id));
    // Across the whole log: every row found is a reopening or names both words.
    const all = await listAudit(admin, { q: "mo lai" });
    expect(all.items.some((i) => i.id === reopen.id)).toBe(true);
    const reopenings = new Set(actionsMatchingWord("mo").filter((a) => actionsMatchingWord("lai").includes(a)));
    for (const i of all.items) expect(reopenings.has(i.action) || (await searchTextOf(i.id)).includes("lai"), i.action).toBe(true);
  });

  it("“khoa” finds the account locked, and not every account change", async () => {
    const page = await listAudit(admin, { q: "khoa", entity: "user", entityId: accountId });
    expect(actionsOf(page.items)).toEqual(["user.disable"]);
    expect(describeAudit(page.items[0]!, "vi").sentence).toBe(`Quản trị viên (demo) đã khóa tài khoản ${EMAIL}`);
    expect(describeAudit(page.items[0]!, "en").sentence).toBe(`Quản trị viên (demo) disabled the account ${EMAIL}`);
    const created = await listAudit(admin, { entity: "user", entityId: accountId });
    expect(actionsOf(created.items)).toEqual(["user.create", "user.disable"]);
  });

  it("“chau thanh” finds the rows about huyện Châu Thành and by its staff, and a name or reason finds its rows", async () => {
    const page = await listAudit(admin, { q: "chau thanh", entity: "result", entityId: resultId });
    expect(actionsOf(page.items)).toEqual(["result.create", "result.publish", "result.reopen"]);
    expect(page.total).toBe(3);
    expect((await listAudit(admin, { q: "Châu Thành lao động", entityId: resultId })).total).toBe(3);
    expect((await listAudit(admin, { q: "chau thanh 2023", entityId: resultId })).total).toBe(3);
    expect((await listAudit(admin, { q: "son la", entityId: resultId })).total).toBe(0);
    // Typed without its space, as every search of the portal.
    expect((await listAudit(admin, { q: "chauthanh", entityId: resultId })).total).toBe(3);
    // The reason, and the account's name and email, without diacritics.
    expect(actionsOf((await listAudit(admin, { q: `sai so lieu ${MARK}` })).items)).toEqual(["result.reopen"]);
    expect(actionsOf((await listAudit(admin, { q: "tran thi tam", entity: "user" })).items)).toEqual(["user.create", "user.disable"]);
    expect(actionsOf((await listAudit(admin, { q: `script ${MARK}` })).items)).toEqual(["token.create", "token.revoke"]);
  });
});

describe("filters", () => {
  it("by person (name or email, diacritics optional)", async () => {
    const byName = await listAudit(admin, { person: "can bo huyen chau thanh", entityId: resultId });
    expect(actionsOf(byName.items)).toEqual(["result.create"]);
    const byEmail = await listAudit(admin, { person: "soctrang@demo", entityId: resultId });
    expect(actionsOf(byEmail.items)).toEqual(["result.publish", "result.reopen"]);
    // A sign-in as typed, with no account behind it.
    expect((await listAudit(admin, { person: `${MARK}.7@paging.test` })).total).toBe(1);
  });

  it("a search or person with control characters (NUL, which PostgreSQL refuses) or LIKE wildcards is read as typed, never a failure", async () => {
    // NUL reads as a space: the same rows as the words without it.
    expect(actionsOf((await listAudit(admin, { q: "mo\u0000lai", entityId: resultId })).items)).toEqual(actionsOf((await listAudit(admin, { q: "mo lai", entityId: resultId })).items));
    expect(actionsOf((await listAudit(admin, { person: "soctrang@demo\u0000", entityId: resultId })).items)).toEqual(["result.publish", "result.reopen"]);
    expect((await listAudit(admin, { person: "\u0000" })).total).toBeGreaterThan(0); // nothing left to filter by
    // "%" and "_" match themselves, not every label.
    expect((await listAudit(admin, { person: "%" })).total).toBe(0);
    expect((await listAudit(admin, { person: `${MARK}_7@paging.test` })).total).toBe(0);
    expect((await listAuditForExport(admin, { q: "\u0000\u0001", person: "\u0000" })).total).toBeGreaterThan(0);
  });

  it("by unit, with the units below it; an unknown unit is said and not applied", async () => {
    expect((await listAudit(admin, { unit: "942", entityId: resultId })).total).toBe(3);
    const province = await listAudit(admin, { unit: "94", entityId: resultId });
    expect(province.total).toBe(3);
    expect(province.unit).toMatchObject({ key: "94", name: "Tỉnh Sóc Trăng" });
    expect((await listAudit(admin, { unit: "14", entityId: resultId })).total).toBe(0); // Sơn La
    // The account's jurisdiction is its unit.
    expect((await listAudit(admin, { unit: "14", entity: "user", entityId: accountId })).total).toBe(2);
    expect((await listAudit(admin, { unit: "94", entity: "user", entityId: accountId })).total).toBe(0);
    const unknown = await listAudit(admin, { unit: "no-such-unit", entityId: resultId });
    expect(unknown).toMatchObject({ unitMissing: true, total: 3, unit: null });
  });

  it("by action, kind of record and dates (days in Vietnam)", async () => {
    expect(actionsOf((await listAudit(admin, { action: "result.publish", entityId: resultId })).items)).toEqual(["result.publish"]);
    expect((await listAudit(admin, { entity: "plan", entityId: resultId })).total).toBe(0);
    const today = isoDateInTimeZone();
    const tomorrow = new Date(Date.parse(`${today}T12:00:00+07:00`) + 86_400_000).toISOString().slice(0, 10);
    expect((await listAudit(admin, { from: today, to: today, entityId: resultId })).total).toBe(3);
    expect((await listAudit(admin, { from: tomorrow, entityId: resultId })).total).toBe(0);
    expect((await listAudit(admin, { to: "2020-01-01", entityId: resultId })).total).toBe(0);
  });

  it("reads the page's parameters, and names what it cannot read instead of failing", () => {
    const ok = parseAuditQuery(new URLSearchParams({ q: " chau thanh ", from: "1/7/2025", to: "31/12/2025", action: "result.reopen", entity: "result", unit: "942", page: "2" }));
    expect(ok.problems).toEqual([]);
    expect(ok.filter).toEqual({ q: "chau thanh", from: "2025-07-01", to: "2025-12-31", action: "result.reopen", entity: "result", unit: "942", page: 2 });
    expect(auditQueryParams(ok.values, ok.filter).toString()).toBe("q=chau+thanh&unit=942&action=result.reopen&entity=result&from=01%2F07%2F2025&to=31%2F12%2F2025");

    const bad = parseAuditQuery({ q: "x".repeat(5000), from: "31/02/2025", to: "hôm qua", page: "-3", action: "drop table", entity: "nothing", unit: "a b" });
    expect(bad.problems.map((p) => p.code).sort()).toEqual(["action_unknown", "date", "date", "entity_unknown", "page", "q_too_long", "unit_unknown"]);
    expect(bad.filter).toEqual({});
    expect(bad.values.q.length).toBeLessThanOrEqual(400);
    const range = parseAuditQuery({ from: "02/01/2025", to: "01/01/2025" });
    expect(range.problems).toEqual([{ code: "range", from: "02/01/2025", to: "01/01/2025" }]);
    expect(range.filter).toEqual({});
  });
});

describe("pages", () => {
  it("50 to a page with the total, newest first, every row once; a page beyond the last shows the last", async () => {
    const seen = new Set<string>();
    const first = await listAudit(admin, { q: MARK, entity: "session" });
    expect(first).toMatchObject({ total: PAGING, page: 1, pageCount: 3, pageSize: AUDIT_PAGE_SIZE, pageAsked: null });
    for (let page = 1; page <= 3; page++) {
      const p = await listAudit(admin, { q: MARK, entity: "session", page });
      expect(p.items).toHaveLength(page < 3 ? 50 : 20);
      for (const i of p.items) seen.add(i.id);
      const ids = p.items.map((i) => BigInt(i.id));
      expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    }
    expect(seen.size).toBe(PAGING);
    const beyond = await listAudit(admin, { q: MARK, entity: "session", page: 99 });
    expect(beyond).toMatchObject({ page: 3, pageAsked: 99 });
    expect(beyond.items).toHaveLength(20);
  });
});

describe("the download", () => {
  it("holds every filtered entry with Vietnamese headers and sentences, or refuses more than it may hold", async () => {
    const { items, total } = await listAuditForExport(admin, { q: "chau thanh", entityId: resultId });
    expect(total).toBe(3);
    const { columns, rows } = auditTable(items!, "vi", "http://portal.test");
    const csv = toCsv(columns, rows);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe(
      "Thời điểm,Người thực hiện,Email người thực hiện,Thao tác,Nội dung,Loại bản ghi,Bản ghi,Đơn vị,Lý do,Nguồn,Địa chỉ IP,Mã bản ghi,Đường dẫn,Trước (JSON),Sau (JSON)",
    );
    expect(lines).toHaveLength(4);
    expect(csv).toContain("Cán bộ tỉnh Sóc Trăng (demo) đã công bố 2.100 người – Lao động được giải quyết việc làm, kết nối việc làm, Huyện Châu Thành, năm 2023");
    expect(csv).toContain("Cán bộ huyện Châu Thành (demo) đã nhập 2.100 người");
    expect(csv).toContain(`http://portal.test/workspace/plans/plan-58-kh-ubnd-2023/results?history=${resultId}#history-${resultId}`);
    expect(csv).toContain("qua bảng nhập");
    expect(csv).toContain("Mở lại kết quả");

    const en = auditTable(items!, "en", "http://portal.test");
    expect(en.columns.slice(0, 5)).toEqual(["When", "Who", "Email of who", "Action", "What happened"]);
    expect(toCsv(en.columns, en.rows)).toContain("published 2,100 people – Workers");

    const many = await listAuditForExport(admin, { q: MARK, entity: "session" }, 100);
    expect(many).toMatchObject({ items: null, total: PAGING });
    expect((await listAuditForExport(admin, { q: MARK, entity: "session" })).items).toHaveLength(PAGING);
  });
});

describe("the history of one value", () => {
  it("comes with the names of its record, for the grid's sentence", async () => {
    const history = await listHistory(chauThanh, "result", resultId);
    expect(history.map((h) => h.action)).toEqual(["result.create", "result.publish", "result.reopen"]);
    expect(history[0]!.subject).toMatchObject({ unit: { key: "942" }, plan: { id: "plan-58-kh-ubnd-2023" }, indicator: { measureUnit: "người" } });
    expect(describeAudit(history[0]!, "vi").sentence).toBe("Cán bộ huyện Châu Thành (demo) đã nhập 2.100 người – Lao động được giải quyết việc làm, kết nối việc làm, Huyện Châu Thành, năm 2023");
  });
});

async function searchTextOf(id: string): Promise<string> {
  return (await db().auditLog.findUniqueOrThrow({ where: { id: BigInt(id) }, select: { searchText: true } })).searchText;
}

describe("the migration 20261130165116_audit_search", () => {
  it("fills the rows written before it as writeAudit writes them (search text and unit), normalising as the portal does", async () => {
    // Rows of every kind, written by writeAudit with realistic snapshots.
    const target = await db().target.findUniqueOrThrow({ where: { id: "target-58-jobs" } });
    await db().$transaction(async (tx) => {
      await writeAudit(tx, { actor: admin, action: "plan.publish", entity: "plan", entityId: "plan-58-kh-ubnd-2023", before: { status: "DRAFT" }, after: { status: "PUBLISHED" }, reason: MARK });
      await writeAudit(tx, { actor: admin, action: "target.update", entity: "target", entityId: target.id, before: target, after: { statement: target.statement, unitId: target.unitId, indicatorId: target.indicatorId }, reason: MARK });
      await writeAudit(tx, { actor: admin, action: "target.delete", entity: "target", entityId: "target-gone", before: { ...target, id: "target-gone", statement: "Chỉ tiêu đã xóa" }, reason: MARK });
      await writeAudit(tx, {
        actor: null,
        actorLabel: "cli",
        source: "cli",
        action: "unit.rename",
        entity: "unit",
        entityId: "unit-942",
        before: { id: "unit-942", key: "942", code: "942", name: "Huyện Châu Thành", nameEn: "Chau Thanh District" },
        after: { id: "unit-942", key: "942", code: "942", name: "Huyện Châu Thành Mới", nameEn: "Chau Thanh Moi District" },
        reason: MARK,
      });
      await writeAudit(tx, { actor: null, actorLabel: "cli", action: "unit.import", entity: "unit", entityId: null, after: { effectiveOn: "2027-01-01", unitsFile: "Đơn vị.csv", successorsFile: null }, reason: MARK });
      await writeAudit(tx, { actor: admin, action: "user.reset_password", entity: "user", entityId: accountId, before: { passwordChangedAt: "2025-01-01T00:00:00.000Z" }, after: { generated: true }, reason: MARK });
      // Labels of every case and form: upper case, decomposed, đ/Đ, spaces.
      for (const label of ["ĐẶNG THỊ ÁNH <X@Y.VN>", "Nguye\u0302\u0303n  Văn   \u0110ức", "ỨNG VIÊN Ở ỦY BAN", "Quản trị viên (demo) <admin@demo.gov.vn>"]) {
        await writeAudit(tx, { actor: null, actorLabel: label, action: "sign_in.failed", entity: "session", entityId: null, reason: MARK });
      }
    });
    const sql = await readFile(join(MIGRATIONS_DIR, "20261130165116_audit_search", "migration.sql"), "utf8");
    const backfill = sql.slice(sql.indexOf("-- Hand-written"));
    expect(backfill).toContain("UPDATE");

    await withPg(async (c) => {
      const ours = await c.query<{ id: string; searchText: string; unitId: string | null; actorLabel: string }>(
        `SELECT id::text, "searchText", "unitId", "actorLabel" FROM audit_log
          WHERE (entity = 'result' AND "entityId" = $1) OR (entity = 'user' AND "entityId" = $2) OR (entity = 'api_token' AND "entityId" = $3) OR reason = $4
          ORDER BY id`,
        [resultId, accountId, tokenId, MARK],
      );
      expect(ours.rows.length).toBeGreaterThanOrEqual(17);
      // Every row was written with its search text.
      for (const r of ours.rows) expect(r.searchText, r.actorLabel).not.toBe("");
      const labels = ours.rows.filter((r) => r.actorLabel.startsWith("ĐẶNG") || r.actorLabel.startsWith("Nguy") || r.actorLabel.startsWith("ỨNG"));
      for (const r of labels) expect(r.searchText).toBe(normalizeSearch(`${r.actorLabel} ${MARK}`));
      expect(labels.map((r) => r.searchText)).toEqual(["dang thi anh <x@y.vn>", "nguyen van duc", "ung vien o uy ban"].map((t) => `${t} ${MARK.toLowerCase()}`));

      await c.query("BEGIN");
      try {
        // As the rows were before the migration: no search text, no unit.
        await c.query(`UPDATE audit_log SET "searchText" = '', "unitId" = NULL WHERE id = ANY($1::bigint[])`, [ours.rows.map((r) => r.id)]);
        await c.query(backfill);
        const filled = await c.query<{ id: string; searchText: string; unitId: string | null }>(`SELECT id::text, "searchText", "unitId" FROM audit_log WHERE id = ANY($1::bigint[]) ORDER BY id`, [
          ours.rows.map((r) => r.id),
        ]);
        expect(filled.rows).toEqual(ours.rows.map(({ id, searchText, unitId }) => ({ id, searchText, unitId })));
      } finally {
        await c.query("ROLLBACK");
      }
    });
    // The units these rows belong to.
    const byAction = async (action: string) => (await db().auditLog.findFirstOrThrow({ where: { action, reason: MARK }, select: { unitId: true } })).unitId;
    expect(await byAction("plan.publish")).toBe("unit-942");
    expect(await byAction("target.update")).toBe(target.unitId);
    expect(await byAction("unit.rename")).toBe("unit-942");
    expect(await byAction("unit.import")).toBeNull();
    expect(await byAction("user.reset_password")).toBe("unit-14");
  });
});
