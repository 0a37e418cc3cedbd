// Across the 1 July 2025 reform, in the workspace: Sóc Trăng went wholly into today's Cần Thơ.
// The Cần Thơ officer finds the former Sóc Trăng's plans listed "read only", reads a figure the
// Sóc Trăng officer published and its history, and has nothing to change it with; the Sóc Trăng
// officer keeps working on Sóc Trăng's own plans. The spec removes the figure it published, so
// the public pages are as seeded for the specs after it.
import { expect, test } from "@playwright/test";
import { signedInPage } from "./auth";
import { removeResults } from "./support";

const PLAN = "plan-soc-trang-phong-trao-2021-2025";
const ROW = "target-soc-trang-2021-2025-poor-rate|94|2022";
const grid = `/workspace/plans/${PLAN}/results`;

test("Cần Thơ's officer reads the former Sóc Trăng's published figure and its history, and cannot change it", async ({ browser, baseURL }) => {
  // The Sóc Trăng officer publishes Sóc Trăng's 2022 poor-household rate (8 from 10).
  const st = await signedInPage(browser, baseURL!, "socTrang", grid);
  const row = st.page.locator(`tr[data-row-key="${ROW}"]`);
  await row.locator('input[name$=".value"]').fill("8");
  await row.locator('input[name$=".baseline"]').fill("10");
  await st.page.locator("#results-grid-form").getByRole("button", { name: "Lưu nháp", exact: true }).click();
  await expect(st.page.locator("#results-grid-form").getByRole("status")).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await st.page.locator("#results-grid-form").getByRole("button", { name: "Duyệt và công bố", exact: true }).click();
  await expect(row.locator("[data-status]")).toHaveText("Đã công bố");

  try {
    // Cần Thơ's workspace: its jurisdiction, and Sóc Trăng's plans to read.
    const ct = await signedInPage(browser, baseURL!, "canTho", "/workspace");
    const page = ct.page;
    await expect(page.locator("dl.facts")).toContainText("Thành phố Cần Thơ");
    const readList = page.locator('table[data-plans="read"]');
    await expect(page.getByRole("heading", { name: "Kế hoạch của các đơn vị đã sáp nhập vào đơn vị của bạn (chỉ xem)" })).toBeVisible();
    await expect(readList).toContainText("Tỉnh Sóc Trăng");
    await expect(readList).toContainText("58/KH-UBND");
    // Not among the plans Cần Thơ works on, and no edit link for them.
    await expect(page.getByText("Chưa có kế hoạch nào trong phạm vi của bạn.")).toBeVisible();
    await expect(readList.getByRole("link", { name: /Sửa kế hoạch/ })).toHaveCount(0);

    // The read-only grid: the published figure, its history, and no way to change it.
    await readList.locator(`a[href="${grid}"]`).click();
    await page.waitForURL(new RegExp(`${grid}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Số liệu đã công bố");
    await expect(page.locator("[data-read-only]")).toContainText("Chỉ xem");
    const read = page.locator(`tr[data-row-key="${ROW}"]`);
    await expect(read.locator("[data-status]")).toHaveText("Đã công bố");
    await expect(read).toContainText("8");
    await expect(page.locator("#results-grid-form")).toHaveCount(0);
    await expect(page.locator('input[name$=".value"]')).toHaveCount(0);
    await expect(read.locator("details")).toHaveCount(0); // no "Mở lại"
    await expect(page.getByRole("link", { name: "Nhập từ tệp XLSX/CSV" })).toHaveCount(0);
    await read.getByRole("link", { name: /^Lịch sử/ }).click();
    const history = page.locator('section[id^="history-"]');
    await expect(history.locator("li")).toHaveCount(2);
    await expect(history.locator("li").nth(1)).toContainText(/công bố/i);
    await ct.context.close();
  } finally {
    // Back to as seeded (a reopened figure would stay public until corrected).
    await st.context.close();
    await removeResults([{ targetId: "target-soc-trang-2021-2025-poor-rate", unitKey: "94", year: 2022 }]);
  }
});
