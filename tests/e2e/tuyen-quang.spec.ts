// The officer's path in today's two-tier country, in a real browser: an administrator creates a
// provincial officer for Tuyên Quang (08), a province the seed gives no account; the officer chooses
// their own password at the first sign-in, plans
// for one of its communes (Xã Ngọc Đường, found by searching without diacritics), publishes, enters
// the commune's 2026 result and publishes it; Tuyên Quang's public page shows it; the Sơn La officer
// cannot open the grid. At the end the officer takes the plan off the public side again (reopen),
// so the public pages are as seeded for the specs after it.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signedInPage } from "./auth";
import { choose, picker } from "./support";

test("an administrator creates Tuyên Quang's officer, who plans for a commune, enters its result, and the province's page shows it", async ({ browser, baseURL }) => {
  const email = `can-bo-tuyen-quang-${Date.now()}@e2e.gov.vn`;
  const password = `${DEMO_PASSWORD}-TQ`;

  // The administrator creates the account, choosing the province with the picker.
  const admin = await signedInPage(browser, baseURL!, "admin", "/workspace/admin/users");
  const form = admin.page.locator("main form").first();
  await admin.page.fill("#new-email", email);
  await admin.page.fill("#new-name", "Cán bộ tỉnh Tuyên Quang (e2e)");
  await admin.page.selectOption("#new-role", "PROVINCIAL_OFFICER");
  await choose(admin.page, picker(admin.page, "new-unit", "unitCode"), "tuyen quang", /^Tỉnh Tuyên Quang/, "08");
  await admin.page.fill("#new-password", password);
  await form.locator("button[type=submit]").click();
  await expect(form.getByRole("status")).toContainText(`Đã tạo tài khoản ${email}`);
  await admin.context.close();

  // The new officer signs in, first chooses a password of their own (the administrator's is
  // temporary), signs in again and works in Tuyên Quang.
  const context = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN" });
  const page = await context.newPage();
  const signIn = async (pw: string) => {
    await page.goto("/sign-in?callbackUrl=%2Fworkspace");
    await page.locator("input#email").fill(email);
    await page.locator("input#password").fill(pw);
    await page.locator("main form").getByRole("button", { name: "Đăng nhập", exact: true }).click();
  };
  await signIn(password);
  await page.waitForURL((u) => u.pathname === "/workspace/account");
  await expect(page.getByRole("alert", { name: "Hãy đặt mật khẩu mới trước khi tiếp tục" })).toBeVisible();
  const own = `${password}-rieng`;
  await page.fill("#current", password);
  await page.fill("#next", own);
  await page.fill("#confirm", own);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Đã đổi mật khẩu.")).toBeVisible();
  await signIn(own);
  await page.waitForURL((u) => u.pathname === "/workspace");
  await expect(page.locator("dl.facts")).toContainText("Tỉnh Tuyên Quang");

  // A 2026–2030 plan of the province.
  await page.getByRole("link", { name: "+ Soạn kế hoạch mới" }).click();
  const code = `${Math.floor(Math.random() * 9000 + 1000)}/KH-UBND`;
  await page.fill("#plan-code", code);
  await page.fill("#plan-issuer", "UBND tỉnh Tuyên Quang");
  await choose(page, picker(page, "plan-issuerUnitCode", "issuerUnitCode"), "tuyen quang", /^Tỉnh Tuyên Quang/, "08");
  await page.fill("#plan-issuedOn", "15/01/2026");
  await page.fill("#plan-title", "Kế hoạch giải quyết việc làm xã Ngọc Đường 2026–2030 (e2e)");
  await page.fill("#plan-periodStart", "2026");
  await page.fill("#plan-periodEnd", "2030");
  await page.locator("form.authoring-form button[type=submit]").click();
  await page.waitForURL(/\/workspace\/plans\/[^/]+\/edit/);

  // A target for the commune, found without diacritics among the province's 124 communes.
  await page.selectOption("#new-target-kind", "COUNT");
  await page.selectOption("#new-target-indicatorCode", "jobs");
  await page.fill("#new-target-lower", "300");
  await page.fill("#new-target-periodStart", "2026");
  await page.fill("#new-target-periodEnd", "2030");
  await page.fill("#new-target-statement", "Giải quyết việc làm cho 300 lao động của xã Ngọc Đường");
  await choose(page, picker(page, "new-target-unitCode", "unitCode"), "ngoc duong", /^Xã Ngọc Đường/, "00700");
  await page.locator("section[aria-labelledby=add-target] button[type=submit]").click();
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Xã Ngọc Đường");
  await page.getByRole("button", { name: "Công bố kế hoạch" }).click();
  await page.getByRole("dialog", { name: "Công bố kế hoạch?" }).getByRole("button", { name: "Công bố", exact: true }).click();
  await page.waitForURL("**done=published");
  const planId = /\/workspace\/plans\/([^/]+)\/edit/.exec(new URL(page.url()).pathname)![1]!;

  // The commune's 2026 result, entered and published in the grid.
  await page.goto(`/workspace/plans/${planId}/results`);
  const rowKey = (await page.locator("tr[data-row-key$='|00700|2026']").getAttribute("data-row-key"))!;
  const row = page.locator(`tr[data-row-key="${rowKey}"]`);
  await row.locator('input[name$=".value"]').fill("65");
  const grid = page.locator("#results-grid-form");
  await grid.getByRole("button", { name: "Lưu nháp", exact: true }).click();
  await expect(grid.getByRole("status")).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await grid.getByRole("button", { name: "Duyệt và công bố", exact: true }).click();
  await expect(row.locator("[data-status]")).toHaveText("Đã công bố");

  // Tuyên Quang's public page shows the plan and the commune's figure.
  const visitor = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN" });
  const pub = await visitor.newPage();
  await pub.goto("/units/08");
  await expect(pub.getByRole("heading", { level: 1 })).toContainText("Tuyên Quang");
  await expect(pub.getByRole("link", { name: /Kế hoạch giải quyết việc làm xã Ngọc Đường 2026–2030/ })).toBeVisible();
  await expect(pub.locator("main")).toContainText("Xã Ngọc Đường");
  await expect(pub.locator("main")).toContainText("65");
  await visitor.close();

  // The Sơn La officer cannot open the grid, let alone write.
  const sonLa = await signedInPage(browser, baseURL!, "sonLa", `/workspace/plans/${planId}/results`);
  await expect(sonLa.page.getByRole("heading", { level: 1 })).toHaveText("Bạn không có quyền nhập kết quả cho kế hoạch này");
  await expect(sonLa.page.locator('input[name$=".value"]')).toHaveCount(0);
  await sonLa.context.close();

  // Off the public side again (the specs after this one read the seeded public data).
  await page.goto(`/workspace/plans/${planId}/edit`);
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await page.fill("#reopen-reason", "Kiểm thử: trả lại dữ liệu công khai như ban đầu");
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await page.waitForURL("**done=reopened");
  await context.close();
});
