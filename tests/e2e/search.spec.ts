// A visitor searches and filters the plan list the way people type: without diacritics,
// in capitals, by locality, by the successor province after the 2025 merger.
import { expect, test } from "@playwright/test";
import { expectFound, listedPlanIds, search, SOC_TRANG_PLAN_IDS } from "./support";

test.beforeEach(async ({ page }) => {
  await page.goto("/plans");
  await expectFound(page, 5);
});

test("'soc trang' without diacritics finds Sóc Trăng's plans and not Sơn La's", async ({ page }) => {
  await search(page, "soc trang");
  await expectFound(page, 3);
  const ids = await listedPlanIds(page);
  expect(ids).toEqual([...SOC_TRANG_PLAN_IDS].sort());
  expect(ids).not.toContain("plan-199-kh-ubnd-2022");
  const list = page.locator("ul.plan-list");
  await expect(list).toContainText("58/KH-UBND");
  await expect(list).toContainText("1845/UBND-VX");
  await expect(list).toContainText("giai đoạn 2021 – 2025");
  await expect(list).not.toContainText("199/KH-UBND");
  // The query stays in the box.
  await expect(page.locator("input#q")).toHaveValue("soc trang");
});

test("'SÓC TRĂNG' and 'Sóc Trăng' give the same results as 'soc trang'", async ({ page }) => {
  await search(page, "SÓC TRĂNG");
  await expectFound(page, 3);
  const upper = await listedPlanIds(page);
  await search(page, "Sóc Trăng");
  await expectFound(page, 3);
  const proper = await listedPlanIds(page);
  expect(upper).toEqual([...SOC_TRANG_PLAN_IDS].sort());
  expect(proper).toEqual(upper);
});

test("'chau thanh' finds 58/KH-UBND and 'son la' finds 199/KH-UBND", async ({ page }) => {
  await search(page, "chau thanh");
  await expectFound(page, 1);
  expect(await listedPlanIds(page)).toEqual(["plan-58-kh-ubnd-2023"]);

  await search(page, "son la");
  await expectFound(page, 1);
  expect(await listedPlanIds(page)).toEqual(["plan-199-kh-ubnd-2022"]);
});

test("a document number finds its document", async ({ page }) => {
  await search(page, "1845/UBND-VX");
  await expectFound(page, 1);
  expect(await listedPlanIds(page)).toEqual(["plan-1845-ubnd-vx-2018"]);
});

test("filter by unit 14 (Sơn La) and year 2022", async ({ page }) => {
  await page.locator("select#unit").selectOption("14");
  await page.locator("select#year").selectOption("2022");
  await page.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
  await page.waitForURL(/unit=14/);
  expect(new URL(page.url()).searchParams.get("year")).toBe("2022");
  await expectFound(page, 1);
  expect(await listedPlanIds(page)).toEqual(["plan-199-kh-ubnd-2022"]);
  // The chosen filters stay selected.
  await expect(page.locator("select#unit")).toHaveValue("14");
  await expect(page.locator("select#year")).toHaveValue("2022");
});

test("filter by unit 92 (Cần Thơ, the successor) shows Sóc Trăng's plans", async ({ page }) => {
  await page.locator("select#unit").selectOption("92");
  await page.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
  await page.waitForURL(/unit=92/);
  await expectFound(page, 3);
  expect(await listedPlanIds(page)).toEqual([...SOC_TRANG_PLAN_IDS].sort());
});

test("a query with no match shows the empty state", async ({ page }) => {
  await search(page, "khong co van ban nao nhu the nay");
  await expectFound(page, 0);
  await expect(page.getByText("Không tìm thấy văn bản nào phù hợp.")).toBeVisible();
  await expect(page.locator("ul.plan-list")).toHaveCount(0);
});

test("a malformed year in the URL shows a clear message, not an error page", async ({ page }) => {
  const res = await page.goto("/plans?year=abc");
  expect(res?.status()).toBeLessThan(500);
  await expect(page.getByRole("heading", { name: "Đã có lỗi xảy ra" })).toHaveCount(0);
  // The bad parameter is ignored: the list still shows.
  await expectFound(page, 5);
  // The page says what is wrong, in the page's language (not a generic "Invalid input").
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("Năm phải gồm 4 chữ số");
});

test("a query with a NUL character (%00) shows an empty result, not an error page", async ({ page }) => {
  const res = await page.goto("/plans?q=abc%00def");
  expect(res?.status()).toBeLessThan(500);
  // Today the error page ("Đã có lỗi xảy ra") is shown here, with status 200.
  await expect(page.locator("main h1")).toHaveText("Kế hoạch và văn bản");
  await expect(page.getByText(/Tìm thấy \d+ văn bản/)).toBeVisible();
});
