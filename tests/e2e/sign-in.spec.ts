// Signing in, in a browser (SECURITY.md, "Sign-in"): the return address is followed only when
// it is a path of this site (a browser reads "/\evil.example" as another host), and an account
// that failed too often is told how long to wait, in seconds, not locked out for 15 minutes.
// Bạc Liêu's demo account is used by no other spec: its failures here hold nobody back.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD } from "./auth";

async function submit(page: Page, email: string, password: string) {
  await page.locator("input#email").fill(email);
  await page.locator("input#password").fill(password);
  await page.locator("main form").getByRole("button", { name: "Đăng nhập", exact: true }).click();
}

for (const callbackUrl of ["/\\evil.example", "/%09/evil.example"]) {
  test(`after sign-in, a return address ${JSON.stringify(callbackUrl)} leads to the workspace, not another host`, async ({ page, baseURL }) => {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await submit(page, DEMO.canTho, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname === "/workspace", { timeout: 30_000 });
    expect(new URL(page.url()).host).toBe(new URL(baseURL!).host);
    await expect(page.locator("header .who")).toBeVisible();
  });
}

test("after five wrong passwords, the sixth attempt is told how many seconds to wait", async ({ page }) => {
  await page.goto("/sign-in");
  const alert = page.locator("main form [role=alert]");
  for (let i = 0; i < 5; i++) {
    await submit(page, DEMO.bacLieu, `sai-mat-khau-${i}`);
    await expect(alert).toHaveText("Thư điện tử hoặc mật khẩu không đúng.");
    await expect(page.locator("main form").getByRole("button", { name: "Đăng nhập", exact: true })).toBeEnabled();
  }
  await submit(page, DEMO.bacLieu, DEMO_PASSWORD);
  await expect(alert).toHaveText(/^Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\.$/);
});
