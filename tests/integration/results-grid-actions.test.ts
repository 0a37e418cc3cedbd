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

const { saveResultsAction } = await import("@/app/(workspace)/workspace/plans/[id]/results/actions");

const PLAN = "plan-58-kh-ubnd-2023";
const JOBS = "target-58-jobs";
const CERTIFIED = "target-58-trained-certified";
const PROVINCE_JOBS = "test-grid-province-jobs-2023";
const TOUCHED = [JOBS, CERTIFIED];

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
        message: "3.000 lớn hơn kết quả của đơn vị cấp trên Tỉnh Sóc Trăng (2.400) cho cùng chỉ tiêu, năm 2023. Số liệu đã được lưu; hãy kiểm tra lại.",
      },
    ]);
    expect((await touchedResults()).map((r) => Number(r.value))).toEqual([3000]);
  });
});
