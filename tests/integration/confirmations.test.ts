// Heavy steps ask first (lib/actions/pipeline.ts `confirm`, components/ui/confirm-dialog.tsx), on
// a real database: each server action posted WITHOUT confirm=yes (as a form posts from the
// trigger button, or by hand) changes nothing and answers the question, saying what would happen
// and to how many rows; posted with confirm=yes, it runs. Publishing a plan, locking and unlocking
// an account, resetting a password, revoking one's own token and (administrators) someone
// else's, approving and publishing an imported file. And the first sign-in password change: an
// actor who must choose a new password is sent to the account page by every action but that one.
// The session, the locale and Next's request helpers are stand-ins; the data layer is the real one.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { toCsv } from "@/lib/api/http";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createAccount } from "@/lib/data/accounts";
import { createPlan, reopenPlan, saveTarget } from "@/lib/data/plans-write";
import { listResultsForGrid, saveResults, submitResults } from "@/lib/data/results-write";
import { createToken } from "@/lib/data/tokens";
import { gridCsvRows } from "@/lib/spreadsheets/export";
import { CSV_COLUMNS } from "@/lib/spreadsheets/format";
import { demoActor } from "./helpers";

const session = vi.hoisted(() => ({ actor: null as (TActor & { mustChangePassword?: boolean }) | null, locale: "vi" as "vi" | "en" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => session.locale }));

const { publishPlanAction } = await import("@/app/(workspace)/workspace/plans/authoring-actions");
const { setUserDisabledAction, resetPasswordAction, revokeUserTokenAction } = await import("@/app/(workspace)/workspace/admin/users/actions");
const { revokeTokenAction } = await import("@/app/(workspace)/workspace/tokens/actions");
const { importResultsAction } = await import("@/app/(workspace)/workspace/plans/[id]/import/actions");
const { changePasswordAction } = await import("@/app/(workspace)/workspace/account/actions");
const { decideInboxAction } = await import("@/app/(workspace)/workspace/inbox/actions");

const admin = demoActor("user-admin");
const socTrang = demoActor("user-soctrang");
const IMPORT_PLAN = "plan-58-kh-ubnd-2023";

const plans: string[] = [];
const accounts: string[] = [];

afterEach(() => {
  session.locale = "vi";
  session.actor = null;
});

afterAll(async () => {
  await db().target.deleteMany({ where: { planId: { in: plans } } });
  await db().plan.deleteMany({ where: { id: { in: plans } } });
  await db().auditLog.deleteMany({ where: { entityId: { in: plans } } });
  const tokens = (await db().apiToken.findMany({ where: { userId: { in: accounts } }, select: { id: true } })).map((t) => t.id);
  await db().auditLog.deleteMany({ where: { entityId: { in: [...accounts, ...tokens] } } });
  await db().user.deleteMany({ where: { id: { in: accounts } } });
});

/** A posted form (field → value). */
function form(fields: Record<string, string | Blob>, fileName?: string): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    if (typeof v === "string") fd.set(k, v);
    else fd.set(k, v, fileName);
  }
  return fd;
}
const confirmed = (fd: FormData) => (fd.set("confirm", "yes"), fd);

/** What a redirect() inside an action throws: Next's signal, with the address in its digest. */
async function redirectOf(p: Promise<unknown>): Promise<string> {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { digest?: string } | null;
  expect(e?.digest, "a redirect").toMatch(/^NEXT_REDIRECT;/);
  return e!.digest!.split(";")[2]!;
}

async function newAccount(email: string): Promise<TActor> {
  const created = await createAccount(admin, { email, name: "Cán bộ thử xác nhận", role: "PROVINCIAL_OFFICER", unitCode: "08", password: "Mật khẩu ban đầu 2025" });
  accounts.push(created.account.id);
  // Past the first sign-in: the account works normally.
  await db().user.update({ where: { id: created.account.id }, data: { mustChangePassword: false } });
  return { id: created.account.id, role: "PROVINCIAL_OFFICER", unitId: created.account.unitId, email, name: created.account.name };
}

describe("publishing a plan asks first, saying how many targets go public", () => {
  it("unconfirmed: the question, and the plan stays a draft; confirmed: published", async () => {
    const r = await createPlan(socTrang, {
      code: "79/KH-UBND",
      type: "KE_HOACH",
      issuer: "UBND tỉnh Sóc Trăng",
      issuerUnitCode: "94",
      issuedOn: "15/01/2024",
      title: "Kế hoạch kiểm thử xác nhận công bố",
      periodStart: "2024",
      periodEnd: "2024",
      citations: [],
      tasks: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    plans.push(r.id);
    session.actor = socTrang;

    // No target yet: refused at once, saying why (nothing to confirm).
    const empty = await publishPlanAction({ ok: false }, form({ planId: r.id }));
    expect(empty).toMatchObject({ ok: false, message: "Chưa công bố được: kế hoạch chưa có chỉ tiêu nào. Hãy thêm ít nhất một chỉ tiêu trước khi công bố." });
    expect(empty.ask).toBeUndefined();
    // Confirmed or not, an empty plan is not published.
    expect(await publishPlanAction({ ok: false }, confirmed(form({ planId: r.id })))).toMatchObject({ ok: false, message: expect.stringContaining("chưa có chỉ tiêu") });

    for (const statement of ["Giải quyết việc làm cho 1.200 lao động", "Giải quyết việc làm cho 1.300 lao động"]) {
      expect(await saveTarget(socTrang, r.id, null, { indicatorCode: "jobs", unitCode: "942", kind: "COUNT", lower: "1.200", periodStart: 2024, periodEnd: 2024, statement })).toMatchObject({ ok: true });
    }
    const asked = await publishPlanAction({ ok: false }, form({ planId: r.id }));
    expect(asked).toMatchObject({ ok: false, ask: "Công bố kế hoạch 79/KH-UBND và 2 chỉ tiêu? Công chúng sẽ thấy ngay; kế hoạch bị khóa cho đến khi được mở lại." });
    expect(asked.message).toBeUndefined();
    // A value other than "yes" is no confirmation either.
    expect(await publishPlanAction({ ok: false }, form({ planId: r.id, confirm: "ask" }))).toMatchObject({ ask: expect.stringContaining("2 chỉ tiêu") });
    expect((await db().plan.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("DRAFT");
    expect(await db().target.count({ where: { planId: r.id, status: "PUBLISHED" } })).toBe(0);
    expect(await db().auditLog.count({ where: { entityId: r.id, action: "plan.publish" } })).toBe(0);

    session.locale = "en";
    expect(await publishPlanAction({ ok: false }, form({ planId: r.id }))).toMatchObject({ ask: "Publish plan 79/KH-UBND and its 2 targets? The public sees them at once; the plan is locked until it is reopened." });

    expect(await redirectOf(publishPlanAction({ ok: false }, confirmed(form({ planId: r.id }))))).toBe(`/workspace/plans/${r.id}/edit?done=published`);
    expect((await db().plan.findUniqueOrThrow({ where: { id: r.id } })).status).toBe("PUBLISHED");
    expect(await db().target.count({ where: { planId: r.id, status: "PUBLISHED" } })).toBe(2);
    // Leave the public data as seeded.
    expect(await reopenPlan(socTrang, r.id, "Kiểm thử: trả về bản nháp")).toMatchObject({ ok: true });
  });
});

describe("account management asks first", () => {
  it("locking: unconfirmed, the question names the account and its tokens, and nothing changes; confirmed, locked; unlocking asks too", async () => {
    const who = await newAccount("khoa@confirm.test");
    await createToken(who, "Script quý");
    session.actor = admin;
    const asked = await setUserDisabledAction({ ok: false }, form({ id: who.id, disabled: "true" }));
    expect(asked).toMatchObject({ ok: false, ask: "Khóa tài khoản khoa@confirm.test? Người này bị đăng xuất ngay và không đăng nhập được nữa; 1 token API đang dùng của họ ngừng hoạt động. Có thể mở khóa lại sau." });
    expect((await db().user.findUniqueOrThrow({ where: { id: who.id } })).disabled).toBe(false);
    expect(await db().auditLog.count({ where: { entityId: who.id, action: "user.disable" } })).toBe(0);

    expect(await setUserDisabledAction({ ok: false }, confirmed(form({ id: who.id, disabled: "true" })))).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: who.id } })).disabled).toBe(true);

    expect(await setUserDisabledAction({ ok: false }, form({ id: who.id, disabled: "false" }))).toMatchObject({ ask: expect.stringMatching(/^Mở khóa tài khoản khoa@confirm\.test\?/) });
    expect((await db().user.findUniqueOrThrow({ where: { id: who.id } })).disabled).toBe(true);
    expect(await setUserDisabledAction({ ok: false }, confirmed(form({ id: who.id, disabled: "false" })))).toMatchObject({ ok: true });
    expect((await db().user.findUniqueOrThrow({ where: { id: who.id } })).disabled).toBe(false);
  });

  it("a password reset: unconfirmed, the password and the flag are unchanged; confirmed, a new password shown once, to be changed at sign-in", async () => {
    const who = await newAccount("dat-lai@confirm.test");
    const before = await db().user.findUniqueOrThrow({ where: { id: who.id } });
    session.actor = admin;
    const asked = await resetPasswordAction({ ok: false }, form({ id: who.id }));
    expect(asked).toMatchObject({ ok: false, ask: expect.stringMatching(/^Đặt lại mật khẩu của dat-lai@confirm\.test\? /) });
    expect(asked.secret).toBeUndefined();
    const unchanged = await db().user.findUniqueOrThrow({ where: { id: who.id } });
    expect(unchanged).toMatchObject({ passwordHash: before.passwordHash, mustChangePassword: false });

    const done = await resetPasswordAction({ ok: false }, confirmed(form({ id: who.id })));
    expect(done).toMatchObject({ ok: true, secret: expect.any(String) });
    const after = await db().user.findUniqueOrThrow({ where: { id: who.id } });
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.mustChangePassword).toBe(true);
  });

  it("an unknown account is refused, not asked about", async () => {
    session.actor = admin;
    expect(await resetPasswordAction({ ok: false }, form({ id: "user-does-not-exist" }))).toMatchObject({ ok: false, message: "Không tìm thấy tài khoản" });
  });
});

describe("revoking a token asks first", () => {
  it("one's own: unconfirmed, still active; confirmed, revoked", async () => {
    const who = await newAccount("token-rieng@confirm.test");
    const tok = await createToken(who, "Báo cáo tự động");
    session.actor = who;
    expect(await revokeTokenAction({ ok: false }, form({ id: tok.id }))).toMatchObject({
      ok: false,
      ask: `Thu hồi token “Báo cáo tự động” (${tok.prefix}…)? Phần mềm đang dùng token này bị từ chối ngay; không thể hoàn tác.`,
    });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tok.id } })).revokedAt).toBeNull();
    expect(await revokeTokenAction({ ok: false }, confirmed(form({ id: tok.id })))).toMatchObject({ ok: true, message: "Đã thu hồi token." });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tok.id } })).revokedAt).not.toBeNull();
  });

  it("an administrator revokes another's: the question names the owner; confirmed, revoked and audited with the administrator as the actor", async () => {
    const who = await newAccount("token-nguoi-khac@confirm.test");
    const tok = await createToken(who, "Script của tỉnh");
    // Another officer cannot ask about it (it is "not found" to them).
    session.actor = socTrang;
    expect(await revokeUserTokenAction({ ok: false }, form({ id: tok.id }))).toMatchObject({ ok: false, message: `Không tìm thấy token “${tok.id}”` });
    session.actor = admin;
    expect(await revokeUserTokenAction({ ok: false }, form({ id: tok.id }))).toMatchObject({ ok: false, ask: expect.stringContaining(`(${tok.prefix}…) của token-nguoi-khac@confirm.test?`) });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tok.id } })).revokedAt).toBeNull();
    expect(await revokeUserTokenAction({ ok: false }, confirmed(form({ id: tok.id })))).toMatchObject({ ok: true });
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tok.id } })).revokedAt).not.toBeNull();
    expect(await db().auditLog.findFirstOrThrow({ where: { entityId: tok.id, action: "token.revoke" } })).toMatchObject({ actorId: admin.id });
  });
});

describe("approving and publishing an imported file asks first, saying how many rows from which file", () => {
  async function filledCsv(): Promise<Blob> {
    const grid = (await listResultsForGrid(socTrang, IMPORT_PLAN))!;
    // Châu Thành's 2023 jobs and vocational training: two rows.
    const fill: Record<string, string> = { "target-58-jobs|942|2023": "2.400", "target-58-vocational-training|942|2023": "350" };
    const rows = gridCsvRows(grid).map((r) => ({ ...r, value: fill[`${r.targetId}|${r.unitCode}|${r.year}`] ?? "" }));
    return new Blob(["\uFEFF" + toCsv(CSV_COLUMNS, rows)], { type: "text/csv" });
  }
  const results = () => db().result.findMany({ where: { target: { planId: IMPORT_PLAN } }, select: { id: true, status: true } });

  it("unconfirmed: the question, nothing written; confirmed: written and published", async () => {
    const seeded = await results();
    session.actor = socTrang;
    const post = async () => form({ planId: IMPORT_PLAN, publish: "on", file: await filledCsv() }, "ket-qua-58.csv");
    const asked = await importResultsAction({ ok: false }, await post());
    expect(asked).toMatchObject({
      ok: false,
      ask: "Duyệt và công bố 2 dòng từ tệp ket-qua-58.csv? Các giá trị được duyệt và công chúng thấy ngay; muốn sửa phải mở lại từng giá trị, nêu lý do.",
    });
    expect(asked.values).toMatchObject({ publish: "on" });
    expect(asked.report).toBeUndefined();
    expect(await results()).toEqual(seeded);

    const done = await importResultsAction({ ok: false }, confirmed(await post()));
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true, report: { imported: 2 } });
    const written = (await results()).filter((r) => !seeded.some((s) => s.id === r.id));
    expect(written.length).toBe(2);
    expect(written.every((r) => r.status === "PUBLISHED")).toBe(true);
    await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: written.map((r) => r.id) } } });
    await db().result.deleteMany({ where: { id: { in: written.map((r) => r.id) } } });
  });

  it("drafts need no confirmation", async () => {
    const seeded = await results();
    session.actor = socTrang;
    const done = await importResultsAction({ ok: false }, form({ planId: IMPORT_PLAN, file: await filledCsv() }, "ket-qua-58.csv"));
    expect(done).toMatchObject({ ok: true });
    expect(done.ask).toBeUndefined();
    const written = (await results()).filter((r) => !seeded.some((s) => s.id === r.id));
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((r) => r.status === "DRAFT")).toBe(true);
    await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: written.map((r) => r.id) } } });
    await db().result.deleteMany({ where: { id: { in: written.map((r) => r.id) } } });
  });
});

describe("approving from the inbox asks first, saying how many values go public; returning does not", () => {
  it("unconfirmed: the question, the values still submitted; confirmed: published; a return runs at once", async () => {
    const chauThanh = demoActor("user-chauthanh");
    const ids: string[] = [];
    for (const year of [2023, 2024]) {
      const saved = await saveResults(chauThanh, [{ targetId: "target-soc-trang-2021-2025-poor-rate", unitCode: "942", year, value: "8,5", baseline: "10" }], { source: "form" });
      if (!saved.ok) throw new Error(JSON.stringify(saved));
      ids.push(saved.saved[0]!.id);
    }
    try {
      expect(await submitResults(chauThanh, ids, { source: "form" })).toMatchObject({ ok: true });
      const versions = async () => (await db().result.findMany({ where: { id: { in: ids } }, select: { id: true, status: true, version: true }, orderBy: { year: "asc" } }));
      const seen = await versions();
      const tick = (fd: FormData, rows: typeof seen) => (rows.forEach((r) => fd.append("ids", `${r.id}@${r.version}`)), fd);
      session.actor = socTrang;

      const asked = await decideInboxAction({ ok: false }, tick(form({ intent: "approve" }), seen));
      expect(asked).toMatchObject({ ok: false, ask: "Duyệt và công bố 2 giá trị đã chọn? Các giá trị này hiển thị công khai ngay và bị khóa; muốn sửa phải mở lại kèm lý do." });
      expect((await versions()).map((r) => r.status)).toEqual(["SUBMITTED", "SUBMITTED"]);
      session.locale = "en";
      expect((await decideInboxAction({ ok: false }, tick(form({ intent: "approve" }), seen))).ask).toMatch(/^Approve and publish the 2 selected values\?/);
      session.locale = "vi";

      // Returning one runs at once (its reason is the care it needs).
      const returned = await decideInboxAction({ ok: false }, tick(form({ intent: "return", reason: "Số liệu chưa khớp báo cáo huyện" }), seen.slice(1)));
      expect(returned).toMatchObject({ ok: true, message: "Đã trả lại 1 giá trị cho người nhập." });
      // The confirmation's own button posts confirm=yes without an intent: it approves.
      const done = await decideInboxAction({ ok: false }, confirmed(tick(new FormData(), seen.slice(0, 1))));
      expect(done).toMatchObject({ ok: true, message: "Đã duyệt và công bố 1 giá trị." });
      expect((await versions()).map((r) => r.status)).toEqual(["PUBLISHED", "RETURNED"]);
    } finally {
      await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
      await db().result.deleteMany({ where: { id: { in: ids } } });
    }
  });
});

describe("the first sign-in password change", () => {
  it("every action but the password change sends the person to their account page, and changes nothing", async () => {
    const who = await newAccount("phai-doi@confirm.test");
    const tok = await createToken(who, "Token trước khi đổi");
    session.actor = { ...who, mustChangePassword: true };
    expect(await redirectOf(revokeTokenAction({ ok: false }, confirmed(form({ id: tok.id }))))).toBe("/workspace/account");
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: tok.id } })).revokedAt).toBeNull();
    // The password change itself runs (here refused: the current password is wrong).
    expect(await changePasswordAction({ ok: false }, form({ current: "sai mật khẩu", next: "Mật khẩu mới của tôi", confirm: "Mật khẩu mới của tôi" }))).toMatchObject({
      ok: false,
      fieldErrors: { current: ["Mật khẩu hiện tại không đúng"] },
    });
  });
});
