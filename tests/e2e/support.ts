// Shared helpers for the end-to-end specs (not a spec itself).
import { expect, type BrowserContext, type Page } from "@playwright/test";

export const PLAN_IDS = [
  "plan-58-kh-ubnd-2023",
  "plan-1845-ubnd-vx-2018",
  "plan-199-kh-ubnd-2022",
  "plan-bac-lieu-2024",
  "plan-soc-trang-phong-trao-2021-2025",
] as const;

export const SOC_TRANG_PLAN_IDS = ["plan-58-kh-ubnd-2023", "plan-1845-ubnd-vx-2018", "plan-soc-trang-phong-trao-2021-2025"];

/** The ids of the plans listed on the page (from the title links of the plan cards), sorted. */
export async function listedPlanIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator("ul.plan-list > li h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.replace(/^\/plans\//, "")).sort();
}

/** The "Tìm thấy N văn bản" line. */
export async function expectFound(page: Page, n: number) {
  await expect(page.getByText(`Tìm thấy ${n} văn bản`, { exact: true })).toBeVisible();
}

/** Chooses English the way the server action does (the cookie "lang"), without clicking. */
export async function useEnglish(context: BrowserContext, baseURL: string) {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL }]);
}

/** Submits the search form on /plans. */
export async function search(page: Page, q: string) {
  await page.locator("input#q").fill(q);
  await page.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/plans" && u.searchParams.get("q") === q);
  await page.waitForLoadState("domcontentloaded");
}
