// A visitor lands on the portal, reads the headline figures and browses the five source documents.
import { expect, test } from "@playwright/test";
import { expectFound, listedPlanIds, PLAN_IDS } from "./support";

test("home shows the headline figures and leads to the plans", async ({ page }) => {
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1, name: "Cổng theo dõi mục tiêu giảm nghèo" })).toBeVisible();

  await expect(page.getByRole("heading", { level: 2, name: "Số liệu chính" })).toBeVisible();
  const figures = page.locator("ul.figures > li");
  await expect(figures).toHaveCount(4);
  // Counted from the seed: 5 published documents, 18 targets, 4 issuing localities, 10 reported results.
  await expect(figures.filter({ hasText: "văn bản, kế hoạch đã công bố" }).locator(".num")).toHaveText("5");
  await expect(figures.filter({ hasText: "chỉ tiêu được theo dõi" }).locator(".num")).toHaveText("18");
  await expect(figures.filter({ hasText: "địa phương có kế hoạch" }).locator(".num")).toHaveText("4");
  await expect(figures.filter({ hasText: "kết quả được báo cáo" }).locator(".num")).toHaveText("10");
  // The sources state no result for any target yet: all 18 are "no data", none invented.
  const summary = page.locator("table.status-summary");
  await expect(summary.locator("tr", { hasText: "Chưa có số liệu" }).locator("td.num")).toHaveText("18");
  await expect(summary.locator("tr", { hasText: "Đạt" }).first().locator("td.num")).toHaveText("0");

  // The latest documents link to their pages.
  const latest = page.locator("ul.plan-list > li h3 a");
  await expect(latest).toHaveCount(3);
  for (const href of await latest.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    expect(href).toMatch(/^\/plans\/[a-z0-9-]+$/);
  }

  await page.getByRole("link", { name: "Xem tất cả kế hoạch" }).click();
  await expect(page).toHaveURL(/\/plans$/);
  await expect(page.getByRole("heading", { level: 1, name: "Kế hoạch và văn bản" })).toBeVisible();
});

test("the main navigation reaches the plan list", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Kế hoạch", exact: true }).click();
  await expect(page).toHaveURL(/\/plans$/);
  await expectFound(page, 5);
});

test("/plans lists exactly the five source documents, codes exactly as issued", async ({ page }) => {
  const res = await page.goto("/plans");
  expect(res?.status()).toBe(200);
  await expectFound(page, 5);
  expect(await listedPlanIds(page)).toEqual([...PLAN_IDS].sort());

  const codeOf = (id: string) => page.locator("ul.plan-list > li").filter({ has: page.locator(`a[href="/plans/${id}"]`) }).locator(".code");
  await expect(codeOf("plan-58-kh-ubnd-2023")).toHaveText("58/KH-UBND");
  await expect(codeOf("plan-1845-ubnd-vx-2018")).toHaveText("1845/UBND-VX");
  await expect(codeOf("plan-199-kh-ubnd-2022")).toHaveText("199/KH-UBND");
  await expect(codeOf("plan-bac-lieu-2024")).toHaveText("Không ghi số hiệu");
  await expect(codeOf("plan-soc-trang-phong-trao-2021-2025")).toHaveText("Không ghi số hiệu");

  const codes = await page.locator("ul.plan-list > li .code").allTextContents();
  expect(codes.sort()).toEqual(["1845/UBND-VX", "199/KH-UBND", "58/KH-UBND", "Không ghi số hiệu", "Không ghi số hiệu"].sort());

  // Each card says how its targets stand today, in words (Sơn La's nine targets have no figures yet).
  const sonLaCard = page.locator("ul.plan-list > li").filter({ has: page.locator('a[href="/plans/plan-199-kh-ubnd-2022"]') });
  await expect(sonLaCard.locator(".plan-card-status")).toContainText("Chưa có số liệu");
  await expect(sonLaCard.locator(".plan-card-status .status.no_data")).toHaveText(/^\d+ Chưa có số liệu$/);

  // Five documents fit on one page: no pagination.
  await expect(page.getByRole("navigation", { name: "Phân trang" })).toHaveCount(0);
});

test("a page number past the end shows the last page, not an error", async ({ page }) => {
  const res = await page.goto("/plans?page=999");
  expect(res?.status()).toBeLessThan(500);
  await expectFound(page, 5);
  expect(await listedPlanIds(page)).toHaveLength(5);
});
