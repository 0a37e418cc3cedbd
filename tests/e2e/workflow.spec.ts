// The officers' working day, as the users do it: Châu Thành's district officer finds from the
// workspace alone the rows of Sóc Trăng's movement plan to report (2024, then 2023), enters and
// submits them; Sóc Trăng's provincial officer sees the count, approves one from the inbox and
// returns the other with a reason; the district officer then finds the returned value and its
// reason. Uses the movement plan's Châu Thành rows (workspace-results.spec.ts uses 58/KH-UBND's),
// and at the end removes what it wrote, so the public data is as seeded for the specs after it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage, signIn } from "./auth";
import { removeResults } from "./support";

const PLAN = "plan-soc-trang-phong-trao-2021-2025";
const GRID = `/workspace/plans/${PLAN}/results`;
const ROW = (year: number) => `target-soc-trang-2021-2025-poor-rate|942|${year}`;
const REASON = "Tỷ lệ hộ nghèo chưa khớp báo cáo tổng kết năm 2024 (e2e)";

const row = (page: Page, key: string) => page.locator(`tr[data-row-key="${key}"]`);
const gridForm = (page: Page) => page.locator("#results-grid-form");
const liveRegion = (page: Page) => gridForm(page).getByRole("status");

async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = violations.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.html}`).join("\n")).join("\n");
  expect(violations.map((v) => v.id), `${what}\n${report}`).toEqual([]);
}

/** From the workspace, the "Cần báo cáo năm {year}" entry of the movement plan, to its row; then enter and submit it. */
async function reportFromWorkspace(page: Page, year: number, value: string, baseline: string) {
  await page.goto("/workspace");
  const section = page.locator(`section[data-due-group="todo"][data-year="${year}"]`);
  await expect(section.getByRole("heading", { level: 3 })).toHaveText(`Cần báo cáo năm ${year}`);
  await section.locator(`li[data-plan-id="${PLAN}"]`).getByRole("link").click();
  await page.waitForURL((u) => u.pathname === GRID && u.searchParams.get("status") === "todo" && u.searchParams.get("year") === String(year));
  // The grid shows exactly the row to report.
  await expect(page.locator("tr[data-row-key]")).toHaveCount(1);
  const r = row(page, ROW(year));
  await expect(r.locator("[data-status]")).toHaveText("Chưa có");
  await r.locator('input[name$=".value"]').fill(value);
  await r.locator('input[name$=".baseline"]').fill(baseline);
  await gridForm(page).getByRole("button", { name: "Gửi duyệt", exact: true }).click();
  await expect(liveRegion(page)).toContainText("Đã gửi duyệt 1 kết quả.");
  // The row stays in view with its new status, and the keyboard focus is back on it.
  await expect(r.locator("[data-status]")).toHaveText("Chờ duyệt");
  await expect(r.locator('input[name$=".value"]')).toBeFocused();
}

test("district staff report from the workspace; the province approves one and returns one with a reason; staff see it returned", async ({ browser, baseURL }) => {
  const st = await signedInPage(browser, baseURL!, "socTrang", "/workspace");
  const countOf = async () => Number(await st.page.locator("[data-inbox-count]").getAttribute("data-inbox-count"));
  const before = await countOf();

  // The district officer: the workspace lists the movement plan and what is due in it.
  const ct = await signedInPage(browser, baseURL!, "chauThanh", "/workspace");
  await expect(ct.page.getByRole("heading", { level: 2, name: "Việc cần làm" })).toBeVisible();
  await expect(ct.page.locator(`table a[href="${GRID}"]`)).toHaveText("Nhập kết quả");
  await axe(ct.page, "workspace with what is due");
  await reportFromWorkspace(ct.page, 2024, "8,5", "10");
  await axe(ct.page, "filtered grid after submitting");
  await reportFromWorkspace(ct.page, 2023, "9,2", "11");
  await ct.page.goto("/workspace");
  const waiting = ct.page.locator('section[data-due-group="submitted"]');
  await expect(waiting.getByRole("heading", { level: 3 })).toHaveText("Đã gửi, chờ duyệt");
  await expect(waiting.locator(`li[data-plan-id="${PLAN}"]`)).toHaveCount(2);
  // District staff have no inbox.
  await expect(ct.page.locator("[data-inbox-count]")).toHaveCount(0);
  await ct.page.goto("/workspace/inbox");
  await expect(ct.page.getByRole("heading", { level: 1 })).toHaveText("Bạn không duyệt kết quả");

  try {
    // The provincial officer: two more values wait, on the workspace and as the navigation's badge.
    await st.page.reload();
    await expect(st.page.locator("[data-inbox-count]")).toHaveText(`Hộp duyệt: ${before + 2} giá trị chờ duyệt`);
    await st.page.locator("[data-inbox-count]").click();
    await st.page.waitForURL((u) => u.pathname === "/workspace/inbox");
    await expect(st.page.getByRole("heading", { level: 1 })).toHaveText("Hộp duyệt kết quả");
    await expect(st.page.locator('nav a[href="/workspace/inbox"] [data-waiting]')).toHaveText(String(before + 2));

    // Filtered to the movement plan: the two values, with unit, target, year, value and who sent them.
    await st.page.getByLabel("Kế hoạch", { exact: true }).selectOption(PLAN);
    await st.page.getByRole("button", { name: "Lọc", exact: true }).click();
    await st.page.waitForURL((u) => u.searchParams.get("plan") === PLAN);
    const inbox = st.page.locator("[data-inbox]");
    const item = (year: number) => inbox.locator("tbody tr").filter({ has: st.page.locator(`td[data-label="Năm"]`, { hasText: String(year) }) });
    await expect(inbox.locator("tbody tr")).toHaveCount(2);
    await expect(item(2024)).toContainText("Huyện Châu Thành");
    await expect(item(2024)).toContainText("phấn đấu giảm tỷ lệ hộ nghèo hàng năm đạt từ 2% - 3%");
    await expect(item(2024)).toContainText("8,5%");
    await expect(item(2024)).toContainText("gốc 10%");
    await expect(item(2024)).toContainText("Cán bộ huyện Châu Thành (demo)");
    await axe(st.page, "inbox");

    // Approve 2023.
    await item(2023).getByRole("checkbox").check();
    await inbox.getByRole("button", { name: "Duyệt và công bố", exact: true }).click();
    // It asks first, saying how many values will be public; cancelling changes nothing.
    const dialog = st.page.getByRole("dialog", { name: "Duyệt và công bố giá trị?" });
    await expect(dialog).toContainText("Duyệt và công bố 1 giá trị đã chọn?");
    await axe(st.page, "inbox confirmation");
    await dialog.getByRole("button", { name: "Hủy" }).click();
    await expect(dialog).toBeHidden();
    await expect(inbox.locator("tbody tr")).toHaveCount(2);
    await inbox.getByRole("button", { name: "Duyệt và công bố", exact: true }).click();
    await dialog.getByRole("button", { name: "Duyệt và công bố" }).click();
    await expect(inbox.getByRole("status")).toContainText("Đã duyệt và công bố 1 giá trị.");
    await expect(inbox.locator("tbody tr")).toHaveCount(1);

    // Return 2024: a reason is required, and nothing changes without one.
    await item(2024).getByRole("checkbox").check();
    await inbox.getByRole("button", { name: "Trả lại", exact: true }).click();
    await expect(inbox.getByRole("status")).toContainText("Cần nêu lý do trả lại");
    await expect(inbox.getByLabel("Lý do trả lại")).toHaveAttribute("aria-invalid", "true");
    await expect(item(2024).getByRole("checkbox")).toBeChecked();
    await axe(st.page, "inbox with a refused return");
    await inbox.getByLabel("Lý do trả lại").fill(REASON);
    await inbox.getByRole("button", { name: "Trả lại", exact: true }).click();
    await expect(inbox.getByRole("status")).toContainText("Đã trả lại 1 giá trị cho người nhập.");
    await expect(st.page.getByText("Không có giá trị nào chờ duyệt khớp bộ lọc.")).toBeVisible();
    await st.page.goto("/workspace");
    await expect(st.page.locator("[data-inbox-count]")).toHaveText(`Hộp duyệt: ${before} giá trị chờ duyệt`);

    // The district officer finds the returned value and its reason from the workspace.
    await ct.page.goto("/workspace");
    const returned = ct.page.locator('section[data-due-group="returned"]');
    await expect(returned.getByRole("heading", { level: 3 })).toHaveText("Bị trả lại");
    await returned.locator(`li[data-plan-id="${PLAN}"][data-year="2024"]`).getByRole("link").click();
    await ct.page.waitForURL((u) => u.pathname === GRID && u.searchParams.get("status") === "returned" && u.searchParams.get("year") === "2024");
    await expect(ct.page.locator("tr[data-row-key]")).toHaveCount(1);
    const r = row(ct.page, ROW(2024));
    await expect(r.locator("[data-status]")).toHaveText("Bị trả lại");
    await expect(r.locator("[data-return-reason]")).toHaveText(`Lý do trả lại: ${REASON}`);
    // Still theirs to correct: the value is editable.
    await expect(r.locator('input[name$=".value"]')).toHaveValue("8,5");
    // The approved one is locked, as published.
    await ct.page.goto(`${GRID}?status=published`);
    await expect(row(ct.page, ROW(2023)).locator("[data-status]")).toHaveText("Đã công bố");
    await axe(ct.page, "grid with a returned value");
  } finally {
    // Back to as seeded (a reopened figure would stay public until corrected): the values this spec wrote are removed.
    await st.context.close();
    await ct.context.close();
    await removeResults([2023, 2024].map((year) => ({ targetId: "target-soc-trang-2021-2025-poor-rate", unitKey: "942", year })));
  }
});

test("@phone the grid is a table on a desktop and one labelled form per row on a phone; its filter says what it cannot use", async ({ browser, baseURL }) => {
  // Whatever the project's device: a desktop, then a phone.
  const desktop = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN", viewport: { width: 1280, height: 900 }, isMobile: false, hasTouch: false });
  const dp = await desktop.newPage();
  await signIn(dp, "chauThanh", GRID);
  expect(await row(dp, ROW(2021)).evaluate((el) => getComputedStyle(el).display)).toBe("table-row");
  // A filter value that is not one says so, and shows every row.
  await dp.goto(`${GRID}?status=bogus&year=1990`);
  await expect(dp.locator("[data-filter-invalid]")).toHaveText("Bộ lọc “bogus” không hợp lệ; đang hiện mọi dòng. Bộ lọc “1990” không hợp lệ; đang hiện mọi dòng.");
  await expect(dp.locator("tr[data-row-key]")).toHaveCount(5);
  // The filter form: only the 2025 row.
  await dp.getByLabel("Năm", { exact: true }).selectOption("2025");
  await dp.getByRole("button", { name: "Lọc", exact: true }).click();
  await dp.waitForURL((u) => u.searchParams.get("year") === "2025");
  await expect(dp.locator("tr[data-row-key]")).toHaveCount(1);
  await desktop.close();

  const phone = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN", viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signIn(page, "chauThanh", GRID);
  const r = row(page, ROW(2021));
  expect(await r.evaluate((el) => getComputedStyle(el).display)).toBe("block");
  const value = r.locator('td[data-label="Giá trị mới"]');
  expect(await value.evaluate((el) => getComputedStyle(el, "::before").content)).toContain("Giá trị mới");
  // The value input is as wide as a thumb needs, and nothing scrolls sideways.
  expect((await r.locator('input[name$=".value"]').boundingBox())!.width).toBeGreaterThan(150);
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
  await expect(r.locator("[data-status]")).toBeVisible();
  await phone.close();
});
