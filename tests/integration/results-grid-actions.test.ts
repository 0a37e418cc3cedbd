// The result grid's server actions (app/(workspace)/workspace/plans/[id]/results/actions.ts)
// on a real database: what the officer sees after "Lưu nháp" when a count is typed
// "18,000" (refused, both readings, in the reader's language, nothing written) and when
// a saved row is worth checking (a warning under the success message). The session,
// the locale and Next's request helpers are stand-ins; the write path is the real one.
// Every test removes the results and audit rows it wrote.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { demoActor } from "./helpers";

const session = vi.hoisted(() => ({ actor: null as TActor | null, locale: "vi" as "vi" | "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => session.locale }));

const { publishResultsAction, reopenResultAction, saveResultsAction, submitResultsAction } = await import("@/app/(workspace)/workspace/plans/[id]/results/actions");

const PLAN = "plan-58-kh-ubnd-2023";
const JOBS = "target-58-jobs";
const CERTIFIED = "target-58-trained-certified";
const PROVINCE_JOBS = "test-grid-province-jobs-2023";
const TRAINING = "target-58-vocational-training";
const TOUCHED = [JOBS, CERTIFIED, TRAINING];

async function touchedResults() {
  return db().result.findMany({ where: { targetId: { in: TOUCHED }, unitId: "unit-942" } });
}

afterEach(async () => {
  const ids = (await db().result.findMany({ where: { targetId: { in: TOUCHED } }, select: { id: true } })).map((r) => r.id);
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
  session.locale = "vi";
});

/** The grid form as the browser posts it: one new row per [targetId, typed value]. */
function gridForm(rows: [string, string][]): FormData {
  const fd = new FormData();
  fd.set("planId", PLAN);
  fd.set("intent", "save");
  rows.forEach(([targetId, value], i) => {
    fd.set(`rows.${i}.targetId`, targetId);
    fd.set(`rows.${i}.unitCode`, "942");
    fd.set(`rows.${i}.year`, "2023");
    fd.set(`rows.${i}.value0`, "");
    fd.set(`rows.${i}.value`, value);
    fd.set(`rows.${i}.selected`, "on");
  });
  return fd;
}

/** A grid row as posted: a new value typed, or a stored result (`stored`) left as it was loaded or changed. */
type TRow = { targetId: string; value: string; selected?: boolean; stored?: { id: string; status: string; version: number; value: string } };

function postedGrid(rows: TRow[]): FormData {
  const fd = new FormData();
  fd.set("planId", PLAN);
  rows.forEach((r, i) => {
    fd.set(`rows.${i}.targetId`, r.targetId);
    fd.set(`rows.${i}.unitCode`, "942");
    fd.set(`rows.${i}.year`, "2023");
    fd.set(`rows.${i}.value0`, r.stored?.value ?? "");
    fd.set(`rows.${i}.value`, r.value);
    if (r.stored) {
      fd.set(`rows.${i}.resultId`, r.stored.id);
      fd.set(`rows.${i}.status`, r.stored.status);
      fd.set(`rows.${i}.version`, String(r.stored.version));
    }
    if (r.selected ?? true) fd.set(`rows.${i}.selected`, "on");
  });
  return fd;
}

async function storedResult(targetId: string) {
  const r = await db().result.findFirstOrThrow({ where: { targetId, unitId: "unit-942" } });
  return { id: r.id, status: r.status, version: r.version, value: String(Number(r.value)) };
}

describe("the grid's “Lưu nháp”", () => {
  it("refuses “18,000” typed for a count, with both readings on the row, in Vietnamese or English, and writes nothing", async () => {
    session.actor = demoActor("user-chauthanh");
    const audits = await db().auditLog.count();
    const vi = await saveResultsAction({ ok: false }, gridForm([[JOBS, "18,000"]]));
    expect(vi.ok).toBe(false);
    expect(vi.fieldErrors).toEqual({
      [`${JOBS}|942|2023#value`]: ["“18,000” không rõ nghĩa: theo cách viết Việt Nam là 18 (mười tám), theo cách viết tiếng Anh là 18.000 (mười tám nghìn). Hãy nhập 18.000 hoặc 18."],
    });

    session.locale = "en";
    const en = await saveResultsAction({ ok: false }, gridForm([[JOBS, "18,000"]]));
    expect(en.fieldErrors?.[`${JOBS}|942|2023#value`]).toEqual([
      '"18,000" is ambiguous: in Vietnamese format it is 18 (eighteen), in English format it is 18,000 (eighteen thousand). Enter 18.000 (Vietnamese format) for eighteen thousand, or 18.',
    ]);
    expect(await touchedResults()).toEqual([]);
    expect(await db().auditLog.count()).toBe(audits);

    // For a rate the same text is eighteen percent.
    const rate = await saveResultsAction({ ok: false }, gridForm([[CERTIFIED, "18,000"]]));
    expect(rate).toMatchObject({ ok: true });
    expect(rate.warnings).toBeUndefined();
    expect((await touchedResults()).map((r) => Number(r.value))).toEqual([18]);
  });

  it("saves a count above the province's figure and shows the warning under the success message", async () => {
    session.actor = demoActor("user-soctrang");
    await db().result.create({ data: { id: PROVINCE_JOBS, targetId: JOBS, indicatorId: "ind-jobs", unitId: "unit-94", year: 2023, value: 2400, status: "PUBLISHED" } });
    const state = await saveResultsAction({ ok: false }, gridForm([[JOBS, "3.000"]]));
    expect(state).toMatchObject({ ok: true, message: "Đã lưu 1 kết quả dưới dạng nháp." });
    expect(state.warnings).toEqual([
      {
        key: `${JOBS}|942|2023`,
        field: "value",
        code: "exceeds_parent_unit",
        message: "Đã lưu, nhưng cần kiểm tra: giá trị của Huyện Châu Thành (3.000) lớn hơn kết quả của đơn vị cấp trên Tỉnh Sóc Trăng (2.400) cho cùng chỉ tiêu, năm 2023",
      },
    ]);
    expect((await touchedResults()).map((r) => Number(r.value))).toEqual([3000]);
  });
});

describe("the grid's “Gửi duyệt” and “Duyệt và công bố”", () => {
  it("saves a typed row and submits it in one go", async () => {
    session.actor = demoActor("user-chauthanh");
    const state = await submitResultsAction({ ok: false }, postedGrid([{ targetId: JOBS, value: "2.400" }]));
    expect(state).toMatchObject({ ok: true, message: "Đã gửi duyệt 1 kết quả." });
    expect(await touchedResults()).toEqual([expect.objectContaining({ status: "SUBMITTED", version: 2 })]);
  });

  it("says what was published and what was only saved, and refuses district staff with nothing written", async () => {
    session.actor = demoActor("user-chauthanh");
    expect(await saveResultsAction({ ok: false }, postedGrid([{ targetId: TRAINING, value: "320" }]))).toMatchObject({ ok: true });
    const draft = await storedResult(TRAINING);
    const staff = await publishResultsAction({ ok: false }, postedGrid([{ targetId: JOBS, value: "2.400" }]));
    expect(staff.ok).toBe(false);
    expect(staff.message).toBe("Bạn không có quyền thực hiện thao tác này với một số dòng. Không có gì được ghi.");
    expect(staff.fieldErrors?.[`${JOBS}|942|2023#publish`]?.[0]).toContain("Bạn không có quyền duyệt và công bố kết quả của Huyện Châu Thành");
    expect((await touchedResults()).map((r) => r.targetId)).toEqual([TRAINING]);

    // The officer: the stored draft (selected, unchanged) is published; a typed row left unselected is saved as a draft.
    session.actor = demoActor("user-soctrang");
    const state = await publishResultsAction({ ok: false }, postedGrid([{ targetId: TRAINING, value: draft.value, stored: draft }, { targetId: JOBS, value: "2.400", selected: false }]));
    expect(state).toMatchObject({ ok: true, message: "Đã duyệt và công bố 1 kết quả. Đã lưu 1 kết quả dưới dạng nháp." });
    const byTarget = Object.fromEntries((await touchedResults()).map((r) => [r.targetId, r.status]));
    expect(byTarget).toEqual({ [TRAINING]: "PUBLISHED", [JOBS]: "DRAFT" });

    // Nothing selected, nothing typed: nothing to do.
    const nothing = await submitResultsAction({ ok: false }, postedGrid([{ targetId: JOBS, value: "2400", stored: await storedResult(JOBS), selected: false }]));
    expect(nothing).toMatchObject({ ok: false, message: "Chưa chọn dòng nào. Hãy đánh dấu ô “Chọn” ở các dòng cần gửi duyệt hoặc công bố." });
  });

  it("answers a session that has ended, and a form that is not the grid's, without writing", async () => {
    session.actor = null;
    expect(await saveResultsAction({ ok: false }, postedGrid([{ targetId: JOBS, value: "1" }]))).toMatchObject({ ok: false, message: "Phiên đăng nhập đã hết. Hãy đăng nhập lại." });
    session.actor = demoActor("user-chauthanh");
    const bad = postedGrid([{ targetId: JOBS, value: "1" }]);
    bad.set("planId", "not an id");
    expect(await saveResultsAction({ ok: false }, bad)).toMatchObject({ ok: false, message: "Biểu mẫu gửi lên không hợp lệ; hãy tải lại trang rồi thử lại." });
    expect(await touchedResults()).toEqual([]);
  });
});

describe("the grid's “Mở lại”", () => {
  it("asks for a reason beside its field, then reopens an approved result", async () => {
    session.actor = demoActor("user-soctrang");
    expect(await publishResultsAction({ ok: false }, postedGrid([{ targetId: JOBS, value: "2.400" }]))).toMatchObject({ ok: true });
    const published = await storedResult(JOBS);
    const form = (reason: string) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries({ planId: PLAN, resultId: published.id, version: String(published.version), reason })) fd.set(k, v);
      return fd;
    };
    const short = await reopenResultAction({ ok: false }, form("sai"));
    expect(short).toMatchObject({ ok: false, fieldErrors: { reason: ["Lý do mở lại cần ít nhất 5 ký tự"] } });
    expect(short.message).toBe("Lý do mở lại cần ít nhất 5 ký tự");

    session.actor = demoActor("user-chauthanh");
    const denied = await reopenResultAction({ ok: false }, form("Số liệu báo cáo nhầm"));
    expect(denied.ok).toBe(false);
    expect(denied.message).toMatch(/^Bạn không có quyền/);

    session.actor = demoActor("user-soctrang");
    expect(await reopenResultAction({ ok: false }, form("Số liệu báo cáo nhầm"))).toMatchObject({ ok: true, message: "Đã mở lại kết quả; giá trị trở về trạng thái nháp và có thể sửa." });
    expect(await storedResult(JOBS)).toMatchObject({ status: "DRAFT", version: published.version + 1 });
  });
});
