// Heavy steps ask first, in a real browser (components/ui/confirm-dialog.tsx): publishing a plan
// says how many targets go public, Escape and "Hủy" change nothing, "Công bố" publishes; an empty
// plan cannot be published and says why; without JavaScript the server asks the same question in
// the page. An administrator's reset password must be replaced at the next sign-in before the
// workspace opens; an administrator revokes another account's token (and is asked first); an
// imported file's "approve and publish" says how many rows from which file. Everything published
// here is reopened again, so the public pages stay as seeded for the specs after this one.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signedInPage } from "./auth";
import { choose, picker } from "./support";

/** A new draft plan of Sóc Trăng (no targets yet), on its edit page; its number. */
async function newDraft(page: Page, title: string): Promise<string> {
  await page.goto("/workspace/plans/new");
  const code = `${Math.floor(Math.random() * 9000 + 1000)}/KH-UBND`;
  await page.fill("#plan-code", code);
  await page.fill("#plan-issuer", "UBND tỉnh Sóc Trăng");
  await choose(page, picker(page, "plan-issuerUnitCode", "issuerUnitCode"), "soc trang", /^Tỉnh Sóc Trăng/, "94");
  await page.fill("#plan-issuedOn", "15/01/2024");
  await page.fill("#plan-title", title);
  await page.fill("#plan-periodStart", "2024");
  await page.fill("#plan-periodEnd", "2024");
  await page.locator("form.authoring-form button[type=submit]").click();
  await page.waitForURL("**/edit?created=1");
  return code;
}

async function addTarget(page: Page, statement: string) {
  await page.selectOption("#new-target-kind", "COUNT");
  await page.selectOption("#new-target-indicatorCode", "jobs");
  await page.fill("#new-target-lower", "1.200");
  await page.fill("#new-target-statement", statement);
  const before = await page.locator("li[data-target-id]").count();
  await page.locator("section[aria-labelledby=add-target] button[type=submit]").click();
  await expect(page.locator("li[data-target-id]")).toHaveCount(before + 1);
}

async function reopen(page: Page, planPath: string) {
  await page.goto(`/workspace${planPath}/edit`);
  await page.fill("#reopen-reason", "Kiểm thử: trả về bản nháp");
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await page.waitForURL("**done=reopened");
}

const statusOf = (page: Page) => page.locator(".card.toolbar strong").first();

test("publishing a plan asks first, saying how many targets; Escape and Hủy change nothing; Công bố publishes; an empty plan cannot be published", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "socTrang");
  const code = await newDraft(page, "Kế hoạch kiểm thử xác nhận công bố 2024");
  const planPath = new URL(page.url()).pathname.replace("/workspace", "").replace("/edit", "");
  const publish = page.getByRole("button", { name: "Công bố kế hoạch" });

  // No target yet: the button says why, and opens nothing.
  await expect(publish).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByText("Chưa công bố được: kế hoạch chưa có chỉ tiêu nào.")).toBeVisible();
  await expect(publish).toHaveAccessibleDescription(/kế hoạch chưa có chỉ tiêu nào/);
  // (aria-disabled keeps it focusable and announced; Playwright waits for "enabled", so the click is forced.)
  await publish.click({ force: true });
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(statusOf(page)).toHaveText("Bản nháp");
  // Saving is the prominent (filled) button of a draft; publishing is outlined.
  await expect(publish).toHaveClass(/secondary/);

  await addTarget(page, "Giải quyết việc làm cho 1.200 lao động");
  await addTarget(page, "Giải quyết việc làm cho 1.300 lao động");
  await expect(publish).not.toHaveAttribute("aria-disabled", "true");

  // The question: which plan, how many targets, what happens.
  await publish.click();
  const dialog = page.getByRole("dialog", { name: "Công bố kế hoạch?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(`Công bố kế hoạch ${code} và 2 chỉ tiêu? Công chúng sẽ thấy ngay; kế hoạch bị khóa cho đến khi được mở lại.`);
  // Focus is in the dialog, on the safe choice.
  await expect(dialog.getByRole("button", { name: "Hủy" })).toBeFocused();
  // Escape cancels, and focus is back on the button.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(publish).toBeFocused();
  await expect(statusOf(page)).toHaveText("Bản nháp");
  expect((await page.request.get(planPath)).status()).toBe(404);

  // "Hủy" cancels too.
  await publish.click();
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(statusOf(page)).toHaveText("Bản nháp");
  expect((await page.request.get(planPath)).status()).toBe(404);

  // Confirmed: published, and the public sees it.
  await publish.click();
  await dialog.getByRole("button", { name: "Công bố", exact: true }).click();
  await page.waitForURL("**done=published");
  await expect(page.getByText("Đã công bố kế hoạch và các chỉ tiêu.")).toBeVisible();
  await expect(statusOf(page)).toHaveText("Đã công bố");
  expect((await page.request.get(planPath)).status()).toBe(200);

  await reopen(page, planPath);
  expect((await page.request.get(planPath)).status()).toBe(404);

  // Without JavaScript the server asks the same question in the page, and only its button publishes.
  const noJs = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN", javaScriptEnabled: false, storageState: await context.storageState() });
  const plain = await noJs.newPage();
  await plain.goto(`/workspace${planPath}/edit`);
  await plain.getByRole("button", { name: "Công bố kế hoạch" }).click();
  const asked = plain.getByRole("alert").filter({ hasText: "Công bố kế hoạch?" });
  await expect(asked).toContainText(`Công bố kế hoạch ${code} và 2 chỉ tiêu? Công chúng sẽ thấy ngay`);
  await plain.goto(`/workspace${planPath}/edit`);
  await expect(statusOf(plain)).toHaveText("Bản nháp");
  expect((await plain.request.get(planPath)).status()).toBe(404);
  await plain.getByRole("button", { name: "Công bố kế hoạch" }).click();
  await asked.getByRole("button", { name: "Công bố", exact: true }).click();
  await plain.waitForURL("**done=published");
  await expect(statusOf(plain)).toHaveText("Đã công bố");
  await noJs.close();

  await reopen(page, planPath);
  expect((await page.request.get(planPath)).status()).toBe(404);
  await context.close();
});

/** Signs in as `email` in a fresh context; the page the portal leads to. */
async function signInAs(browser: Browser, baseURL: string, email: string, password: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto("/sign-in?callbackUrl=%2Fworkspace");
  await page.locator("input#email").fill(email);
  await page.locator("input#password").fill(password);
  await page.locator("main form").getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await expect(page.locator("header .who")).toBeVisible({ timeout: 30_000 });
  return { page, close: () => context.close() };
}

/** On the account page: the message, and the workspace stays closed until the password is changed; then signed out. */
async function mustChangeThenChange(page: Page, current: string, next: string) {
  await page.waitForURL((u) => u.pathname === "/workspace/account");
  await expect(page.getByRole("alert", { name: "Hãy đặt mật khẩu mới trước khi tiếp tục" })).toBeVisible();
  // Pages, and the workspace downloads too: a browser is sent to the account page, a program refused (403).
  const download = "/workspace/plans/plan-58-kh-ubnd-2023/export?format=csv";
  for (const path of ["/workspace", "/workspace/tokens", "/workspace/plans/new", "/workspace/admin/audit/export?format=csv"]) {
    await page.goto(path);
    await page.waitForURL((u) => u.pathname === "/workspace/account");
  }
  const direct = await page.request.get(download, { maxRedirects: 0, headers: { accept: "text/html" } });
  expect(direct.status()).toBe(303);
  expect(new URL(direct.headers()["location"]!, page.url()).pathname).toBe("/workspace/account");
  const program = await page.request.get(download, { headers: { accept: "application/json" } });
  expect(program.status()).toBe(403);
  expect(JSON.stringify(await program.json())).toContain("Hãy đặt mật khẩu mới trước khi tiếp tục");
  await page.fill("#current", current);
  await page.fill("#next", next);
  await page.fill("#confirm", next);
  await page.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(page.getByText("Đã đổi mật khẩu.")).toBeVisible();
}

test("an administrator's password must be replaced at the next sign-in; the administrator asks before locking, resetting and revoking another's token", async ({ browser, baseURL }) => {
  const email = `xac-nhan-${Date.now()}@e2e.gov.vn`;
  const initial = `${DEMO_PASSWORD}-dau`;
  const own = `${DEMO_PASSWORD}-rieng`;
  const own2 = `${DEMO_PASSWORD}-rieng-2`;

  // The administrator creates the account with a password of their choosing.
  const admin = await signedInPage(browser, baseURL!, "admin", "/workspace/admin/users");
  await admin.page.fill("#new-email", email);
  await admin.page.fill("#new-name", "Cán bộ thử xác nhận (e2e)");
  await admin.page.selectOption("#new-role", "PROVINCIAL_OFFICER");
  await choose(admin.page, picker(admin.page, "new-unit", "unitCode"), "tuyen quang", /^Tỉnh Tuyên Quang/, "08");
  await admin.page.fill("#new-password", initial);
  await admin.page.locator("main form").first().locator("button[type=submit]").click();
  await expect(admin.page.getByText(`Đã tạo tài khoản ${email}`)).toBeVisible();
  const card = admin.page.locator("li.card", { hasText: email });
  await expect(card).toContainText("Phải đổi mật khẩu khi đăng nhập");

  // First sign-in: the account page, and nothing else, until the password is the holder's own.
  const first = await signInAs(browser, baseURL!, email, initial);
  await mustChangeThenChange(first.page, initial, own);
  await first.close();
  const user = await signInAs(browser, baseURL!, email, own);
  await user.page.waitForURL((u) => u.pathname === "/workspace");

  // The user makes a token; the administrator sees it on the account's card.
  await user.page.goto("/workspace/tokens");
  await user.page.fill("#token-name", "Script báo cáo (e2e)");
  await user.page.getByRole("button", { name: "Tạo token" }).click();
  await expect(user.page.getByText("Đã tạo token.")).toBeVisible();

  await admin.page.reload();
  await expect(card).not.toContainText("Phải đổi mật khẩu khi đăng nhập");
  const tokens = card.locator(`[data-tokens-of="${email}"]`);
  await expect(tokens).toContainText("Script báo cáo (e2e)");

  // Locking asks first, naming the account and its token; "Hủy" leaves it active.
  await card.getByRole("button", { name: `Khóa tài khoản: ${email}` }).click();
  const lock = admin.page.getByRole("dialog", { name: "Khóa tài khoản?" });
  await expect(lock).toHaveAccessibleDescription(`Khóa tài khoản ${email}? Người này bị đăng xuất ngay và không đăng nhập được nữa; 1 token API đang dùng của họ ngừng hoạt động. Có thể mở khóa lại sau.`);
  await lock.getByRole("button", { name: "Hủy" }).click();
  await expect(lock).toBeHidden();
  await expect(card.getByRole("button", { name: `Khóa tài khoản: ${email}` })).toBeFocused();
  await expect(card).toContainText("Đang hoạt động");

  // Revoking the user's token: asked (naming the owner), confirmed, gone; the user's list says revoked.
  await tokens.getByRole("button", { name: /^Thu hồi token “Script báo cáo \(e2e\)”/ }).click();
  const revoke = admin.page.getByRole("dialog", { name: "Thu hồi token?" });
  await expect(revoke).toHaveAccessibleDescription(new RegExp(`^Thu hồi token “Script báo cáo \\(e2e\\)” \\(gnp_.{4}…\\) của ${email.replace(/[.]/g, "\\.")}\\?`));
  await revoke.getByRole("button", { name: "Thu hồi token" }).click();
  await expect(tokens).toHaveCount(0);
  await user.page.reload();
  await expect(user.page.locator("tr", { hasText: "Script báo cáo (e2e)" })).toContainText("Đã thu hồi");

  // The reset asks first; confirmed, the new password is shown once.
  await card.getByRole("button", { name: `Đặt lại mật khẩu: ${email}` }).click();
  const reset = admin.page.getByRole("dialog", { name: "Đặt lại mật khẩu?" });
  await expect(reset).toHaveAccessibleDescription(new RegExp(`^Đặt lại mật khẩu của ${email.replace(/[.]/g, "\\.")}\\? Mật khẩu hiện tại ngừng hoạt động`));
  await reset.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
  const secret = card.getByLabel("Mật khẩu mới");
  await expect(secret).toHaveValue(/^\S{20}$/);
  const temporary = await secret.inputValue();
  await expect(card).toContainText("Phải đổi mật khẩu khi đăng nhập");

  // The user's session has ended; with the administrator's password, the account page first, again.
  await user.page.goto("/workspace");
  await user.page.waitForURL((u) => u.pathname === "/sign-in");
  await user.close();
  const again = await signInAs(browser, baseURL!, email, temporary);
  await mustChangeThenChange(again.page, temporary, own2);
  await again.close();
  const settled = await signInAs(browser, baseURL!, email, own2);
  await settled.page.waitForURL((u) => u.pathname === "/workspace");
  await settled.close();
  await admin.context.close();
});

test("approving and publishing an imported file asks first, saying how many rows from which file; Hủy writes nothing", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "socTrang", "/workspace/plans/plan-58-kh-ubnd-2023/import");
  await page.setInputFiles("#import-file", { name: "ket-qua-xac-nhan.csv", mimeType: "text/csv", buffer: Buffer.from("targetId,unitCode,year,value\ntarget-58-vocational-training,942,2023,351\n", "utf8") });
  await page.check("#import-publish");
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  const dialog = page.getByRole("dialog", { name: "Duyệt và công bố kết quả?" });
  await expect(dialog).toHaveAccessibleDescription(/^Duyệt và công bố 1 dòng từ tệp ket-qua-xac-nhan\.csv\? Các giá trị được duyệt và công chúng thấy ngay/);
  await expect(dialog.getByRole("button", { name: "Hủy" })).toBeFocused();
  await dialog.getByRole("button", { name: "Hủy" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator("#import-status")).not.toContainText("Đã nhập");
  // Nothing was written: the grid has no 351.
  await page.goto("/workspace/plans/plan-58-kh-ubnd-2023/results");
  await expect(page.locator('input[name$=".value"][value="351"]')).toHaveCount(0);
  await context.close();
});
