// Signing in as the demo accounts (README "Demo accounts"), for the workspace specs.
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "GiamNgheo@2025";

export const DEMO = {
  admin: "admin@demo.gov.vn",
  socTrang: "soctrang@demo.gov.vn",
  sonLa: "sonla@demo.gov.vn",
  bacLieu: "baclieu@demo.gov.vn",
  chauThanh: "chauthanh@demo.gov.vn",
  canTho: "cantho@demo.gov.vn",
} as const;

export type TDemoAccount = keyof typeof DEMO;

/** Signs in through the sign-in form and waits until `returnTo` is shown. */
export async function signIn(page: Page, account: TDemoAccount, returnTo = "/workspace"): Promise<void> {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  await page.locator("input#email").fill(DEMO[account]);
  await page.locator("input#password").fill(DEMO_PASSWORD);
  // The header holds the language switch (a form with a button): target the sign-in form's own button.
  await page.locator("main form").getByRole("button", { name: "Đăng nhập", exact: true }).click();
  await page.waitForURL((u) => u.pathname === returnTo.split("?")[0], { timeout: 30_000 });
  await expect(page.locator("header .who")).toBeVisible();
}

/** A fresh browser context (own cookies) signed in as `account`, on `returnTo`. */
export async function signedInPage(browser: Browser, baseURL: string, account: TDemoAccount, returnTo = "/workspace"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale: "vi-VN" });
  const page = await context.newPage();
  await signIn(page, account, returnTo);
  return { context, page };
}
