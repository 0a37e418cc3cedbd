// The audit log as administrators read it (/workspace/admin/audit): the Sóc Trăng officer enters,
// publishes and reopens a figure for huyện Châu Thành in the grid; the administrator finds it
// with "chau thanh" and "mo lai" (no diacritics), reads each entry as a sentence, filters by
// action, follows the link to the value's history, pages through the log, downloads it as CSV
// and XLSX with Vietnamese headers, and is told (never a 500) what a bad filter is. On a phone
// the page fits the screen. The spec removes what it wrote.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./auth";
import { withPortalDb } from "./support";

const PLAN_58 = "plan-58-kh-ubnd-2023";
const ROW = "target-58-vocational-training|942|2023";
const AUDIT = "/workspace/admin/audit";
const MARK = "e2e-audit-paging";
const PAGING = 60;
const REASON = "Cần đối chiếu với báo cáo năm (e2e audit)";

async function cleanUp() {
  await withPortalDb(async (c) => {
    const ids = (
      await c.query<{ id: string }>(`SELECT r.id FROM result r JOIN admin_unit u ON u.id = r."unitId" WHERE r."targetId" = 'target-58-vocational-training' AND u.key = '942' AND r.year = 2023`)
    ).rows.map((r) => r.id);
    await c.query(`DELETE FROM audit_log WHERE entity = 'result' AND "entityId" = ANY($1::text[])`, [ids]);
    await c.query(`DELETE FROM result WHERE id = ANY($1::text[])`, [ids]);
    await c.query(`DELETE FROM audit_log WHERE "actorLabel" LIKE $1`, [`${MARK}%`]);
  });
}

const entries = (page: Page) => page.locator("[data-audit-entry]");
const search = async (page: Page, q: string) => {
  await page.getByLabel("Tìm kiếm", { exact: true }).fill(q);
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await page.waitForURL((u) => u.pathname === AUDIT && u.searchParams.get("q") === q);
};

test.describe.configure({ mode: "serial" });

test.beforeAll(cleanUp);
test.afterAll(cleanUp);

test("the administrator finds a reopened figure of Châu Thành without diacritics, reads it, follows it, pages and downloads the log", async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  // The rows: Sóc Trăng's officer enters 1.234 trained workers for Châu Thành, publishes, then reopens with a reason.
  const officer = await signedInPage(browser, baseURL!, "socTrang", `/workspace/plans/${PLAN_58}/results`);
  const grid = officer.page.locator("#results-grid-form");
  const row = officer.page.locator(`tr[data-row-key="${ROW}"]`);
  await row.locator('input[name$=".value"]').fill("1.234");
  await grid.getByRole("button", { name: "Lưu nháp", exact: true }).click();
  await expect(row.locator("[data-status]")).toHaveText("Nháp");
  await grid.getByRole("button", { name: "Duyệt và công bố", exact: true }).click();
  await expect(row.locator("[data-status]")).toHaveText("Đã công bố");
  const reopen = row.locator("details");
  await reopen.locator("summary").click();
  await reopen.getByRole("textbox").fill(REASON);
  await reopen.getByRole("button", { name: "Mở lại để sửa" }).click();
  await expect(row.locator("[data-status]")).toHaveText("Nháp");
  await officer.context.close();

  // Failed sign-ins to page through (as the sign-in form writes them; not typed, so no address is throttled).
  await withPortalDb(async (c) => {
    for (let i = 0; i < PAGING; i++) {
      const label = `${MARK}-${String(i).padStart(2, "0")}@audit.test`;
      await c.query(`INSERT INTO audit_log ("actorLabel", action, entity, ip, "searchText") VALUES ($1, 'sign_in.failed', 'session', '10.9.9.9', $2)`, [label, label]);
    }
  });

  const { context, page } = await signedInPage(browser, baseURL!, "admin", AUDIT);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhật ký thay đổi");

  // "chau thanh" finds the three steps, each a sentence naming the figure, the unit and the year.
  await search(page, "chau thanh");
  const found = entries(page).filter({ hasText: "Lao động được đào tạo nghề (Lao động nông thôn), Huyện Châu Thành, năm 2023" });
  await expect(found).toHaveCount(3);
  await expect(found.nth(0)).toContainText("Cán bộ tỉnh Sóc Trăng (demo) đã mở lại 1.234 người – Lao động được đào tạo nghề (Lao động nông thôn), Huyện Châu Thành, năm 2023 để điều chỉnh");
  await expect(found.nth(0)).toContainText(`Lý do: “${REASON}”`);
  await expect(found.nth(1)).toContainText("đã công bố 1.234 người");
  await expect(found.nth(2)).toContainText("đã nhập 1.234 người");
  await expect(found.nth(2)).toContainText("qua bảng nhập");
  // The raw before/after stay, folded, for auditors.
  const raw = found.nth(0).locator("details");
  await expect(raw.locator("pre").first()).toBeHidden();
  await raw.locator("summary").click();
  await expect(raw.locator("pre").first()).toContainText('"status": "PUBLISHED"');

  // No WCAG 2.1 A/AA violation, the raw data unfolded.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);

  // "mo lai" finds the reopening, though neither the reason nor a name says it.
  await search(page, "mo lai");
  await expect(entries(page).filter({ hasText: REASON })).toHaveCount(1);
  for (const action of await entries(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-action")))) {
    expect(["result.reopen", "plan.reopen"]).toContain(action);
  }

  // Filter by action, in words.
  await page.getByLabel("Tìm kiếm", { exact: true }).fill("");
  await page.getByLabel("Thao tác", { exact: true }).selectOption({ label: "Duyệt và công bố kết quả" });
  await page.getByRole("button", { name: "Lọc", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get("action") === "result.publish");
  await expect(entries(page).first()).toBeVisible();
  expect(new Set(await entries(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-action"))))).toEqual(new Set(["result.publish"]));

  // Pages: 60 failed sign-ins, 50 to a page, with the total and page links.
  await page.goto(`${AUDIT}?q=${MARK}`);
  await expect(page.locator("[data-audit-total]")).toContainText("60 mục");
  await expect(entries(page)).toHaveCount(50);
  const pages = page.getByRole("navigation", { name: "Các trang của nhật ký" });
  await expect(pages).toContainText("Trang 1/2");
  await pages.getByRole("link", { name: "Trang 2", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get("page") === "2");
  await expect(entries(page)).toHaveCount(10);
  await expect(pages).toContainText("Trang 2/2");
  await expect(entries(page).last()).toContainText(`Đăng nhập không thành công với ${MARK}-00@audit.test`);

  // Downloads of the filtered log: CSV and XLSX, with Vietnamese headers.
  await search(page, "chau thanh");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^nhat-ky-thay-doi-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = readFileSync((await csv.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = text.trim().split("\r\n");
  expect(lines[0]).toBe("Thời điểm,Người thực hiện,Email người thực hiện,Thao tác,Nội dung,Loại bản ghi,Bản ghi,Đơn vị,Lý do,Nguồn,Địa chỉ IP,Mã bản ghi,Đường dẫn,Trước (JSON),Sau (JSON)");
  expect(text).toContain("đã mở lại 1.234 người – Lao động được đào tạo nghề (Lao động nông thôn), Huyện Châu Thành, năm 2023 để điều chỉnh");
  expect(text).toContain(REASON);
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải XLSX" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsx.path())!);
  const sheet = wb.getWorksheet("Nhật ký")!;
  expect((sheet.getRow(1).values as unknown[]).slice(1, 6)).toEqual(["Thời điểm", "Người thực hiện", "Email người thực hiện", "Thao tác", "Nội dung"]);
  const sentences = sheet.getColumn(5).values.slice(2).map(String);
  expect(sentences.some((s) => s.includes("đã công bố 1.234 người – Lao động được đào tạo nghề (Lao động nông thôn), Huyện Châu Thành, năm 2023"))).toBe(true);

  // The link of an entry opens the value's history in the grid.
  await found.nth(0).getByRole("link", { name: /^Xem trong bảng nhập liệu/ }).click();
  await page.waitForURL((u) => u.pathname === `/workspace/plans/${PLAN_58}/results` && u.searchParams.has("history"));
  const history = page.locator('section[id^="history-"]');
  await expect(history).toBeVisible();
  await expect(history.locator("li")).toHaveCount(3);
  await expect(history.locator("li").nth(2)).toContainText("Cán bộ tỉnh Sóc Trăng (demo) đã mở lại 1.234 người");
  await context.close();
});

test("a bad filter is named and not applied, never a 500, and the log reads in English", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "admin", AUDIT);
  const res = await page.goto(`${AUDIT}?from=31/02/2025&to=hom%20qua&page=abc&unit=khong-co&action=xoa-het&q=${"x".repeat(300)}`);
  expect(res!.status()).toBe(200);
  const alert = page.locator("[data-audit-problems]");
  await expect(alert).toContainText("Ngày “31/02/2025” không tồn tại.");
  await expect(alert).toContainText("Sai định dạng ngày “hom qua”");
  await expect(alert).toContainText("Số trang “abc” không hợp lệ");
  await expect(alert).toContainText("Không có đơn vị mã “khong-co”.");
  await expect(alert).toContainText("Không có thao tác “xoa-het”.");
  await expect(alert).toContainText("Từ khóa dài quá 200 ký tự.");
  await expect(page.getByLabel("Từ ngày")).toHaveAttribute("aria-invalid", "true");
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);
  // The download refuses the same filter with a message, not a file.
  const bad = await page.request.get(`${AUDIT}/export?format=csv&from=31/02/2025`, { failOnStatusCode: false });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain("31/02/2025");
  expect((await page.request.get(`${AUDIT}/export?format=pdf`, { failOnStatusCode: false })).status()).toBe(400);

  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  await page.goto(`${AUDIT}?q=mo+lai`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expect(entries(page).filter({ hasText: REASON }).first()).toContainText(/reopened 1,234 people – Workers given vocational training \(.+\), Chau Thanh District, 2023 for correction/);
  await context.close();

  // Other accounts neither read nor download it.
  const officer = await signedInPage(browser, baseURL!, "socTrang", "/workspace");
  await officer.page.goto(AUDIT);
  await expect(officer.page.getByText("Chỉ quản trị viên xem được toàn bộ nhật ký.")).toBeVisible();
  expect((await officer.page.request.get(`${AUDIT}/export?format=csv`, { failOnStatusCode: false })).status()).toBe(403);
  await officer.context.close();
});

test("@phone the log fits a phone's screen", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(AUDIT)}`);
  await page.locator("input#email").fill("admin@demo.gov.vn");
  await page.locator("input#password").fill("GiamNgheo@2025");
  await page.locator("main form").getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((u) => u.pathname === AUDIT);
  await expect(entries(page).first()).toBeVisible();
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll).toBeLessThanOrEqual(width!);
  await context.close();
});
