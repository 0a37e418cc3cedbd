// A visitor switches the interface to English and back; the choice follows them around.
import { expect, test } from "@playwright/test";

test("switch to English on a plan page, stay there, keep English across navigation, switch back", async ({ page }) => {
  const path = "/plans/plan-58-kh-ubnd-2023";
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  expect(new URL(page.url()).pathname).toBe(path);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link", { name: "Plans", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Document facts" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Targets" })).toBeVisible();
  // Numbers follow the language: 2,400 in English.
  await expect(page.locator('tr[data-target-id="target-58-jobs"] td').first()).toContainText("2,400");
  await expect(page.locator('tr[data-target-id="target-58-poor-rate"] .status')).toHaveText("No data");

  // The choice persists across navigation (client-side link and a fresh load).
  await nav.getByRole("link", { name: "Localities", exact: true }).click();
  await expect(page).toHaveURL(/\/units$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Localities" })).toBeVisible();
  await page.goto("/plans");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText("5 documents found")).toBeVisible();
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeVisible();

  // And back to Vietnamese.
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  expect(new URL(page.url()).pathname).toBe("/plans");
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Kế hoạch", exact: true })).toBeVisible();
  await expect(page.getByText("Tìm thấy 5 văn bản")).toBeVisible();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1, name: "Cổng theo dõi mục tiêu giảm nghèo" })).toBeVisible();
});

test("switching language keeps the search query in the URL", async ({ page }) => {
  await page.goto("/plans?q=soc+trang&unit=92");
  await expect(page.getByText("Tìm thấy 3 văn bản")).toBeVisible();
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const url = new URL(page.url());
  expect(url.pathname).toBe("/plans");
  expect(url.searchParams.get("q")).toBe("soc trang");
  expect(url.searchParams.get("unit")).toBe("92");
  await expect(page.getByText("3 documents found")).toBeVisible();
  await expect(page.locator("input#q")).toHaveValue("soc trang");
});

test("the language button says which language it switches to, in that language", async ({ page }) => {
  await page.goto("/");
  const toEn = page.getByRole("button", { name: "English" });
  await expect(toEn).toHaveText("English");
  await expect(toEn).toHaveAttribute("lang", "en");
  await toEn.click();
  const toVi = page.getByRole("button", { name: "Tiếng Việt" });
  await expect(toVi).toHaveText("Tiếng Việt");
  await expect(toVi).toHaveAttribute("lang", "vi");
});
