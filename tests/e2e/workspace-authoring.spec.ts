// Plan authoring in a real browser: a provincial officer drafts a plan, is told
// precisely what is wrong without losing what was typed, adds a target with a
// live Vietnamese preview, publishes it, and the public sees it. Other roles
// cannot author or read the whole audit log.
import { expect, test, type Page } from "@playwright/test";

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", "GiamNgheo@2025");
  await page.locator("form.card button[type=submit]").click();
  await page.waitForURL("**/workspace");
}

test("a provincial officer drafts, validates, previews and publishes a plan", async ({ page }) => {
  await signIn(page, "soctrang@demo.gov.vn");
  await page.getByRole("link", { name: "+ Soạn kế hoạch mới" }).click();
  const code = `${Math.floor(Math.random() * 9000 + 1000)}/KH-UBND`;
  await page.fill("#plan-code", code);
  await page.fill("#plan-issuer", "UBND tỉnh Sóc Trăng");
  await page.selectOption("#plan-issuerUnitCode", "94");
  await page.fill("#plan-issuedOn", "31/02/2024");
  await page.fill("#plan-title", "Kế hoạch kiểm thử trình duyệt năm 2024");
  await page.fill("#plan-periodStart", "2024");
  await page.fill("#plan-periodEnd", "2024");
  await page.locator("form.authoring-form button[type=submit]").click();
  // The impossible date is named, and nothing typed is lost.
  await expect(page.getByText("Ngày “31/02/2024” không tồn tại.")).toBeVisible();
  await expect(page.locator("#plan-code")).toHaveValue(code);
  await expect(page.locator("#plan-issuerUnitCode")).toHaveValue("94");

  await page.fill("#plan-issuedOn", "15/01/2024");
  await page.locator("form.authoring-form button[type=submit]").click();
  await page.waitForURL("**/edit?created=1");
  await expect(page.getByText("Đã tạo bản nháp.")).toBeVisible();

  await page.selectOption("#new-target-kind", "DECREASE_BY");
  await page.selectOption("#new-target-indicatorCode", "poor-rate");
  await page.fill("#new-target-lower", "2");
  await page.fill("#new-target-upper", "2,5");
  await expect(page.locator(".preview-text").last()).toHaveText("Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %");
  await page.fill("#new-target-upper", "1,5");
  await expect(page.locator(".preview").last()).toContainText("Cần sửa");
  await page.fill("#new-target-upper", "2,5");
  await page.fill("#new-target-statement", "Giảm tỷ lệ hộ nghèo từ 2 – 2,5%");
  await page.locator("section[aria-labelledby=add-target] button[type=submit]").click();
  await expect(page.locator("li[data-target-id] strong")).toHaveText(["Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %"]);

  // Drafts are not public.
  const planPath = new URL(page.url()).pathname.replace("/workspace", "").replace("/edit", "");
  const draft = await page.request.get(planPath);
  expect(draft.status()).toBe(404);

  await page.getByRole("button", { name: "Công bố kế hoạch" }).click();
  await page.waitForURL("**done=published");
  await expect(page.getByText("Đã công bố kế hoạch và các chỉ tiêu.")).toBeVisible();
  await expect(page.locator("#plan-title")).toBeDisabled();

  await page.goto(`/plans?q=${encodeURIComponent(code)}`);
  await expect(page.getByText("Tìm thấy 1 văn bản")).toBeVisible();
  await page.getByRole("link", { name: "Kế hoạch kiểm thử trình duyệt năm 2024" }).click();
  await expect(page.getByText("Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %")).toBeVisible();

  // Reopening needs a reason and takes the plan off the public side again
  // (which also leaves the public data as seeded for the tests that follow).
  await page.goto(`/workspace${planPath}/edit`);
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await expect(page.getByText("Nêu lý do mở lại (ít nhất 5 ký tự)")).toBeVisible();
  await page.fill("#reopen-reason", "Kiểm thử: sửa lại chỉ tiêu");
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await page.waitForURL("**done=reopened");
  await expect(page.locator("#plan-title")).toBeEnabled();
  expect((await page.request.get(planPath)).status()).toBe(404);
});

test("district staff cannot author plans and only administrators read the audit log", async ({ page }) => {
  await signIn(page, "chauthanh@demo.gov.vn");
  await expect(page.getByRole("link", { name: "+ Soạn kế hoạch mới" })).toHaveCount(0);
  await page.goto("/workspace/plans/new");
  await expect(page.getByText("Bạn không có quyền soạn kế hoạch này.")).toBeVisible();
  await page.goto("/workspace/plans/plan-58-kh-ubnd-2023/edit");
  await expect(page.locator("main [role=alert]")).toContainText("Bạn không có quyền soạn kế hoạch này.");
  await page.goto("/workspace/admin/audit");
  await expect(page.getByText("Chỉ quản trị viên xem được toàn bộ nhật ký.")).toBeVisible();
});

test("an administrator searches the audit log and finds sign-ins", async ({ page }) => {
  await signIn(page, "admin@demo.gov.vn");
  await page.goto("/workspace/admin/audit?entity=session&q=admin%40demo.gov.vn");
  await expect(page.locator("tbody tr").first()).toContainText("sign_in.ok");
});
