// On a phone: nothing scrolls sideways, and the search works. Runs in the desktop and
// the Pixel 7 projects (the tag "@phone").
import { expect, test, type Page } from "@playwright/test";
import { expectFound, listedPlanIds, search, SOC_TRANG_PLAN_IDS } from "./support";

async function expectNoHorizontalOverflow(page: Page) {
  const m = await page.evaluate(() => {
    const se = document.scrollingElement ?? document.documentElement;
    // The widest elements sticking out of the viewport, to say what overflows.
    const culprits = Array.from(document.querySelectorAll("body *"))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => !el.closest(".table-wrap") || el.classList.contains("table-wrap"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className ? "." + String(el.className).split(" ").join(".") : ""} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: se.scrollWidth, innerWidth: window.innerWidth, culprits };
  });
  expect(m.scrollWidth, `page is ${m.scrollWidth}px wide in a ${m.innerWidth}px viewport: ${m.culprits.join("; ")}`).toBeLessThanOrEqual(m.innerWidth + 1);
}

test("@phone the plan list fits the screen and the search works", async ({ page }) => {
  await page.goto("/plans");
  await expectFound(page, 5);
  await expectNoHorizontalOverflow(page);

  await search(page, "soc trang");
  await expectFound(page, 3);
  expect(await listedPlanIds(page)).toEqual([...SOC_TRANG_PLAN_IDS].sort());
  await expectNoHorizontalOverflow(page);
});

test("@phone a plan detail fits the screen", async ({ page }) => {
  for (const id of ["plan-58-kh-ubnd-2023", "plan-bac-lieu-2024", "plan-1845-ubnd-vx-2018"]) {
    await page.goto(`/plans/${id}`);
    await expect(page.getByRole("heading", { level: 2, name: "Thông tin văn bản" })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
});

test("@phone the home page fits the screen and its search box leads to results", async ({ page }) => {
  await page.goto("/");
  await expectNoHorizontalOverflow(page);
  await page.getByRole("searchbox", { name: "Tìm kế hoạch" }).fill("son la");
  await page.getByRole("main").getByRole("button", { name: "Tìm kiếm" }).click();
  await page.waitForURL(/\/plans\?q=son\+la/);
  await expectFound(page, 1);
  expect(await listedPlanIds(page)).toEqual(["plan-199-kh-ubnd-2022"]);
});
