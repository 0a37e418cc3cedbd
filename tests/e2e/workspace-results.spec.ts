// Result entry in the workspace, signed in as each demo account: enter, save, submit,
// publish and reopen; Vietnamese numbers; conflicts between two people; and every way
// into another jurisdiction's data refused (screen, posted form, API) with nothing written.
//
// Tests share one database within a run, so each uses its own (target, unit, year) of
// 58/KH-UBND (Châu Thành, 2023) and leaves it usable for the next.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIResponse, type Locator, type Page } from "@playwright/test";
import { signedInPage } from "./auth";
import { removeResults } from "./support";

const PLAN_58 = "plan-58-kh-ubnd-2023";
const PLAN_199 = "plan-199-kh-ubnd-2022";
const grid = (planId: string) => `/workspace/plans/${planId}/results`;
const CHAU_THANH = "942";

const ROW = {
  jobs: `target-58-jobs|${CHAU_THANH}|2023`,
  labourExport: `target-58-labour-export|${CHAU_THANH}|2023`,
  training: `target-58-vocational-training|${CHAU_THANH}|2023`,
  certified: `target-58-trained-certified|${CHAU_THANH}|2023`,
  khmer: `target-58-poor-rate-khmer|${CHAU_THANH}|2023`,
};
const LABEL = {
  jobs: "Giá trị năm 2023 – Lao động được giải quyết việc làm, kết nối việc làm – Huyện Châu Thành",
  certified: "Giá trị năm 2023 – Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ – Huyện Châu Thành",
};

const row = (page: Page, key: string) => page.locator(`tr[data-row-key="${key}"]`);
const statusOf = (page: Page, key: string) => row(page, key).locator("[data-status]");
const gridForm = (page: Page) => page.locator("#results-grid-form");
const gridButton = (page: Page, name: string) => gridForm(page).getByRole("button", { name, exact: true });
const liveRegion = (page: Page) => gridForm(page).getByRole("status");
/** The message row right under a grid row. */
const rowMessage = (page: Page, key: string): Locator => row(page, key).locator("xpath=following-sibling::tr[1]");
const valueInput = (page: Page, key: string) => row(page, key).locator('input[name$=".value"]');

type TCaptured = { url: string; headers: Record<string, string>; body: Buffer };

/**
 * Clicks `click` and captures the server-action POST it makes, without letting it
 * reach the server (the request is aborted): a real posted form to replay by hand.
 */
async function captureActionPost(page: Page, click: () => Promise<void>): Promise<TCaptured> {
  let captured: TCaptured | null = null;
  const pattern = /\/workspace\/plans\/[^/]+\/results/;
  await page.route(pattern, async (route) => {
    const req = route.request();
    if (req.method() === "POST" && req.headers()["next-action"]) {
      captured = { url: req.url(), headers: req.headers(), body: req.postDataBuffer() ?? Buffer.alloc(0) };
      await route.abort();
    } else {
      await route.continue();
    }
  });
  await click();
  await expect.poll(() => captured !== null, { timeout: 10_000 }).toBe(true);
  await page.unroute(pattern);
  return captured!;
}

/** Posts a captured server-action request with `page`'s own cookies (another account). */
async function replay(page: Page, c: TCaptured, baseURL: string): Promise<APIResponse> {
  const keep = ["accept", "content-type", "next-action", "next-router-state-tree"];
  const headers = Object.fromEntries(Object.entries(c.headers).filter(([k]) => keep.includes(k.toLowerCase())));
  return page.request.post(c.url, { headers: { ...headers, origin: baseURL }, data: c.body, failOnStatusCode: false });
}

test("the Sóc Trăng officer enters 2.400 jobs for Châu Thành 2023, saves, publishes, the public sees it; reopening needs a reason", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "socTrang", grid(PLAN_58));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nhập kết quả: 58/KH-UBND");
  await expect(page.locator("table caption")).toContainText("58/KH-UBND");
  await expect(statusOf(page, ROW.jobs)).toHaveText("Chưa có");

  // Every input has a label naming year, target and unit.
  const input = page.getByLabel(LABEL.jobs, { exact: true });
  await expect(input).toHaveAttribute("inputmode", "decimal");
  await input.fill("2.400");
  await page.getByLabel("Ghi chú năm 2023 – Lao động được giải quyết việc làm, kết nối việc làm – Huyện Châu Thành", { exact: true }).fill("Báo cáo tháng 12/2023 (demo e2e)");
  await gridButton(page, "Lưu nháp").click();
  await expect(liveRegion(page)).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await expect(statusOf(page, ROW.jobs)).toHaveText("Nháp");
  await expect(row(page, ROW.jobs)).toContainText("2.400 người");
  await expect(row(page, ROW.jobs)).toContainText("phiên bản 1");

  // Publish the selected row (kept selected after saving).
  await expect(row(page, ROW.jobs).getByRole("checkbox")).toBeChecked();
  await gridButton(page, "Duyệt và công bố").click();
  await expect(liveRegion(page)).toContainText("Đã duyệt và công bố 1 kết quả.");
  await expect(statusOf(page, ROW.jobs)).toHaveText("Đã công bố");
  // Approved values are locked: no input on the row any more.
  await expect(valueInput(page, ROW.jobs)).toHaveCount(0);
  await expect(row(page, ROW.jobs)).toContainText("cần mở lại");

  // The public, signed out, sees the value and a status other than "no data".
  const visitor = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN" });
  const pub = await visitor.newPage();
  await pub.goto(`/plans/${PLAN_58}`);
  const jobs = pub.locator('tr[data-target-id="target-58-jobs"]');
  await expect(jobs.locator("ul.meta li")).toContainText("2023: 2.400");
  await expect(jobs.locator(".status")).not.toHaveText("Chưa có số liệu");

  // The officer sees the value's history: entered, then approved and published.
  await row(page, ROW.jobs).getByRole("link", { name: /^Lịch sử/ }).click();
  const history = page.locator('section[id^="history-"]');
  await expect(history.locator("li")).toHaveCount(2);
  await expect(history.locator("li").nth(0)).toContainText("đã nhập 2.400");
  await expect(history.locator("li").nth(0)).toContainText("2.400");
  await expect(history.locator("li").nth(1)).toContainText(/đã công bố 2\.400/);

  // Reopen: a reason is required; then the value is a draft again, and the public keeps seeing
  // the published figure, marked as being corrected, until the corrected one is published.
  const reopen = row(page, ROW.jobs).locator("details");
  await reopen.locator("summary").click();
  await reopen.getByRole("textbox").fill("abc");
  await reopen.getByRole("button", { name: "Mở lại để sửa" }).click();
  await expect(reopen.getByRole("status")).toContainText("ít nhất 5 ký tự");
  await expect(statusOf(page, ROW.jobs)).toHaveText("Đã công bố");
  await reopen.getByRole("textbox").fill("Số liệu cần đối chiếu lại với báo cáo năm (e2e)");
  await reopen.getByRole("button", { name: "Mở lại để sửa" }).click();
  await expect(statusOf(page, ROW.jobs)).toHaveText("Nháp");
  await expect(valueInput(page, ROW.jobs)).toHaveValue("2.400");
  await pub.reload();
  await expect(jobs.locator("ul.meta li")).toContainText("2023: 2.400");
  await expect(jobs.locator(".badge.adjusting")).toHaveText("đang điều chỉnh");
  await expect(jobs.locator(".status")).not.toHaveText("Chưa có số liệu");

  // The corrected figure, once published, replaces it and the mark goes.
  await valueInput(page, ROW.jobs).fill("2.350");
  await gridButton(page, "Lưu nháp").click();
  await expect(liveRegion(page)).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await gridButton(page, "Duyệt và công bố").click();
  await expect(statusOf(page, ROW.jobs)).toHaveText("Đã công bố");
  await pub.reload();
  await expect(jobs.locator("ul.meta li")).toContainText("2023: 2.350");
  await expect(jobs.locator(".badge.adjusting")).toHaveCount(0);

  await visitor.close();
  await context.close();
  // Back to as seeded for the tests that follow.
  await removeResults([{ targetId: "target-58-jobs", unitKey: CHAU_THANH, year: 2023 }]);
});

test("the Châu Thành staff member proposes (saves and submits) but cannot publish, even by posting the form by hand", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "chauThanh", grid(PLAN_58));
  await expect(gridButton(page, "Lưu nháp")).toBeVisible();
  await expect(gridButton(page, "Gửi duyệt")).toBeVisible();
  await expect(gridForm(page).getByRole("button", { name: "Duyệt và công bố" })).toHaveCount(0);

  await valueInput(page, ROW.training).fill("320");
  await gridButton(page, "Lưu nháp").click();
  await expect(liveRegion(page)).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await expect(statusOf(page, ROW.training)).toHaveText("Nháp");
  await expect(row(page, ROW.training).getByRole("checkbox")).toBeChecked();
  await gridButton(page, "Gửi duyệt").click();
  await expect(liveRegion(page)).toContainText("Đã gửi duyệt 1 kết quả.");
  await expect(statusOf(page, ROW.training)).toHaveText("Chờ duyệt");

  // 1) A publish button added to the page by hand: the server action refuses it.
  await row(page, ROW.training).getByRole("checkbox").check();
  await page.evaluate(() => {
    const b = document.createElement("button");
    b.type = "submit";
    b.name = "intent";
    b.value = "publish";
    b.textContent = "Công bố (tự thêm)";
    b.setAttribute("form", "results-grid-form");
    document.querySelector("#results-grid-form")!.appendChild(b);
  });
  await gridForm(page).getByRole("button", { name: "Công bố (tự thêm)" }).click();
  await expect(liveRegion(page)).toContainText("không có quyền");
  await expect(rowMessage(page, ROW.training)).toContainText("Bạn không có quyền duyệt và công bố");
  await page.reload();
  await expect(statusOf(page, ROW.training)).toHaveText("Chờ duyệt");

  // 2) The officer's own publish request, captured before it reaches the server, replayed with the staff member's session.
  const officer = await signedInPage(browser, baseURL!, "socTrang", grid(PLAN_58));
  await expect(statusOf(officer.page, ROW.training)).toHaveText("Chờ duyệt");
  await row(officer.page, ROW.training).getByRole("checkbox").check();
  const posted = await captureActionPost(officer.page, () => gridButton(officer.page, "Duyệt và công bố").click());
  const res = await replay(page, posted, baseURL!);
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("không có quyền");
  await page.reload();
  await expect(statusOf(page, ROW.training)).toHaveText("Chờ duyệt");
  const visitor = await browser.newContext({ baseURL: baseURL!, locale: "vi-VN" });
  const pub = await visitor.newPage();
  await pub.goto(`/plans/${PLAN_58}`);
  await expect(pub.locator('tr[data-target-id="target-58-vocational-training"] .status')).toHaveText("Chưa có số liệu");

  // The officer may publish it.
  await officer.page.reload();
  await row(officer.page, ROW.training).getByRole("checkbox").check();
  await gridButton(officer.page, "Duyệt và công bố").click();
  await expect(statusOf(officer.page, ROW.training)).toHaveText("Đã công bố");
  // The staff member sees it locked, with no way to reopen it.
  await page.reload();
  await expect(statusOf(page, ROW.training)).toHaveText("Đã công bố");
  await expect(valueInput(page, ROW.training)).toHaveCount(0);
  await expect(row(page, ROW.training).locator("details")).toHaveCount(0);
  // Leave the public data as seeded: the officer reopens it (back to a draft).
  const reopen = row(officer.page, ROW.training).locator("details");
  await reopen.locator("summary").click();
  await reopen.getByRole("textbox").fill("Dọn dữ liệu kiểm thử e2e");
  await reopen.getByRole("button", { name: "Mở lại để sửa" }).click();
  await expect(statusOf(officer.page, ROW.training)).toHaveText("Nháp");

  await visitor.close();
  await officer.context.close();
  await context.close();
});

test("Châu Thành staff get a 403 message on Sơn La's plan; the Sơn La officer on Sóc Trăng's", async ({ browser, baseURL }) => {
  for (const [account, planId] of [
    ["chauThanh", PLAN_199],
    ["sonLa", PLAN_58],
  ] as const) {
    const { context, page } = await signedInPage(browser, baseURL!, account, "/workspace");
    const res = await page.goto(grid(planId));
    expect(res?.status()).toBeLessThan(500);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bạn không có quyền nhập kết quả cho kế hoạch này");
    await expect(page.getByRole("alert").filter({ hasText: "Bạn không có quyền" })).toContainText("403");
    await expect(page.locator("table")).toHaveCount(0);
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await context.close();
  }
  // …while each still reaches a grid of their own.
  const own = await signedInPage(browser, baseURL!, "sonLa", grid(PLAN_199));
  await expect(own.page.locator("#results-grid-form")).toBeVisible();
  await expect(own.page.locator("tr[data-row-key]").first()).toBeVisible();
  await own.context.close();
});

test("the Sơn La officer cannot write Sóc Trăng data by a posted form or the API", async ({ browser, baseURL }) => {
  // A Sóc Trăng officer's save, captured before it reaches the server…
  const st = await signedInPage(browser, baseURL!, "socTrang", grid(PLAN_58));
  await valueInput(st.page, ROW.certified).fill("40");
  const posted = await captureActionPost(st.page, () => gridButton(st.page, "Lưu nháp").click());

  // …replayed with the Sơn La officer's session: refused.
  const sl = await signedInPage(browser, baseURL!, "sonLa", "/workspace");
  const res = await replay(sl.page, posted, baseURL!);
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("không có quyền");

  // The write API refuses too (whatever its answer, never a success).
  const api = await sl.page.request.post("/api/v1/results", {
    data: [{ targetId: "target-58-trained-certified", unitCode: CHAU_THANH, year: 2023, value: "40" }],
    failOnStatusCode: false,
  });
  expect(api.status()).toBeGreaterThanOrEqual(400);

  // Nothing was written.
  await st.page.reload();
  await expect(statusOf(st.page, ROW.certified)).toHaveText("Chưa có");
  await expect(valueInput(st.page, ROW.certified)).toHaveValue("");
  await sl.context.close();
  await st.context.close();
});

test("a malformed number (2.40) is refused with the parser's message, kept on screen, and nothing is saved", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "socTrang", grid(PLAN_58));
  const input = page.getByLabel(LABEL.certified, { exact: true });
  await input.fill("2.40");
  await gridButton(page, "Lưu nháp").click();
  await expect(liveRegion(page)).toContainText("Chưa lưu được: 1 dòng có lỗi. Không có gì được ghi.");
  const msg = rowMessage(page, ROW.certified);
  await expect(msg).toContainText("Sai định dạng số “2.40”");
  await expect(msg).toContainText("Có phải bạn muốn nhập “2,40”?");
  await expect(input).toHaveValue("2.40");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  // The summary links to the input.
  await liveRegion(page).getByRole("link").first().click();
  await expect(input).toBeFocused();

  await page.reload();
  await expect(statusOf(page, ROW.certified)).toHaveText("Chưa có");
  await expect(page.getByLabel(LABEL.certified, { exact: true })).toHaveValue("");
  await context.close();
});

test("two people editing the same value: the second save is refused with the other value, nothing overwritten silently", async ({ browser, baseURL }) => {
  const a = await signedInPage(browser, baseURL!, "socTrang", grid(PLAN_58));
  await valueInput(a.page, ROW.labourExport).fill("10");
  await gridButton(a.page, "Lưu nháp").click();
  await expect(statusOf(a.page, ROW.labourExport)).toHaveText("Nháp");

  // B loads version 1; A then changes it to 12 (version 2).
  const b = await signedInPage(browser, baseURL!, "chauThanh", grid(PLAN_58));
  await expect(valueInput(b.page, ROW.labourExport)).toHaveValue("10");
  await valueInput(a.page, ROW.labourExport).fill("12");
  await gridButton(a.page, "Lưu nháp").click();
  await expect(row(a.page, ROW.labourExport)).toContainText("phiên bản 2");

  // B's save of 15 is refused, showing A's value, who and when; B's typed value stays.
  await valueInput(b.page, ROW.labourExport).fill("15");
  await gridButton(b.page, "Lưu nháp").click();
  await expect(liveRegion(b.page)).toContainText("Không có gì bị ghi đè");
  const conflict = rowMessage(b.page, ROW.labourExport);
  await expect(conflict).toContainText("hiện là 12");
  await expect(conflict).toContainText("phiên bản 2");
  await expect(conflict).toContainText("Cán bộ tỉnh Sóc Trăng (demo)");
  await expect(conflict).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(conflict).toContainText("Giá trị bạn nhập vẫn được giữ: 15");
  await expect(valueInput(b.page, ROW.labourExport)).toHaveValue("15");
  await a.page.reload();
  await expect(valueInput(a.page, ROW.labourExport)).toHaveValue("12");

  // B decides to keep their value, knowingly.
  await conflict.getByRole("button", { name: "Giữ giá trị của tôi (ghi đè)" }).click();
  await gridButton(b.page, "Lưu nháp").click();
  await expect(liveRegion(b.page)).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await expect(row(b.page, ROW.labourExport)).toContainText("phiên bản 3");
  await a.page.reload();
  await expect(valueInput(a.page, ROW.labourExport)).toHaveValue("15");

  // The history shows every step.
  await row(a.page, ROW.labourExport).getByRole("link", { name: /^Lịch sử/ }).click();
  const items = a.page.locator('section[id^="history-"] li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(1)).toContainText("10 → 12");
  await expect(items.nth(2)).toContainText("12 → 15");
  await expect(items.nth(2)).toContainText("chauthanh@demo.gov.vn");

  await a.context.close();
  await b.context.close();
});

test("the grid reads in English via the locale cookie, and the page never scrolls sideways on a phone @phone", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL: baseURL!, viewport: { width: 390, height: 844 }, locale: "vi-VN" });
  await context.addCookies([{ name: "lang", value: "en", url: baseURL! }]);
  const page = await context.newPage();
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(grid(PLAN_58))}`);
  await page.locator("input#email").fill("soctrang@demo.gov.vn");
  await page.locator("input#password").fill("GiamNgheo@2025");
  await page.locator("main form").getByRole("button").click();
  await page.waitForURL((u) => u.pathname === grid(PLAN_58));
  await page.waitForLoadState("networkidle");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter results: 58/KH-UBND");
  await expect(gridButton(page, "Save draft")).toBeVisible();
  await expect(page.getByLabel("Value for 2023 – Share of trained workers with degrees or certificates – Chau Thanh District", { exact: true })).toBeVisible();
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
  await context.close();
});

test("the grid, its row errors, its history and the 403 page have no WCAG 2.1 A/AA violations", async ({ browser, baseURL }) => {
  const axe = async (page: Page, what: string) => {
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const report = violations.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.html}`).join("\n")).join("\n");
    expect(violations.map((v) => v.id), `${what}\n${report}`).toEqual([]);
  };
  const { context, page } = await signedInPage(browser, baseURL!, "socTrang", grid(PLAN_58));
  await axe(page, "grid");
  await page.getByLabel(LABEL.certified, { exact: true }).fill("1,2,3");
  await gridButton(page, "Lưu nháp").click();
  await expect(rowMessage(page, ROW.certified)).toContainText("chỉ được có một dấu phẩy");
  await axe(page, "grid with a row error");
  // A rate with its baseline (a decrease target needs one) on the Khmer sub-target, then its history.
  await page.reload();
  const khmer = row(page, ROW.khmer);
  await khmer.locator('input[name$=".value"]').fill("7,5");
  await khmer.locator('input[name$=".baseline"]').fill("10,25");
  await gridButton(page, "Lưu nháp").click();
  await expect(liveRegion(page)).toContainText("Đã lưu 1 kết quả dưới dạng nháp.");
  await expect(khmer).toContainText("7,5%");
  await expect(khmer.locator('input[name$=".baseline"]')).toHaveValue("10,25");
  await khmer.getByRole("link", { name: /^Lịch sử/ }).click();
  await expect(page.locator('section[id^="history-"]')).toContainText("đã nhập 7,5%");
  await axe(page, "grid with history");
  await context.close();
  const other = await signedInPage(browser, baseURL!, "sonLa", grid(PLAN_58));
  await axe(other.page, "403");
  await other.context.close();
});
