// A reader compares one indicator across provinces, then within one province (seeded Bạc Liêu
// 2023 results only: this spec writes nothing). Paging a province's rows is unit-tested
// (lib/data/rollups-view.test.ts): the seed has too few.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("compare: pick an indicator, read the provinces, open one, sort by value, download", async ({ page, request }) => {
  const res = await page.goto("/");
  expect(res?.status()).toBe(200);
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "So sánh", exact: true }).click();
  await expect(page).toHaveURL(/\/compare$/);
  await expect(page.getByRole("heading", { level: 1, name: "So sánh địa phương" })).toBeVisible();

  await page.getByLabel("Chỉ tiêu").selectOption("model-funding");
  await page.getByLabel("Năm", { exact: true }).selectOption("2023");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(/indicator=model-funding/);

  // The provinces first: one row each, its own figure ("hơn" as the source words it), and a link to its districts'.
  const overview = page.getByRole("table", { name: /^Kinh phí thực hiện mô hình sinh kế, giảm nghèo, năm 2023$/ });
  const provinceRows = overview.locator("tbody tr");
  await expect(provinceRows).toHaveCount(1);
  await expect(provinceRows.nth(0)).toContainText("Tỉnh Bạc Liêu");
  await expect(provinceRows.nth(0)).toContainText("hơn 2.314 triệu đồng");
  await expect(provinceRows.nth(0)).toContainText("nay thuộc Tỉnh Cà Mau");
  await expect(overview).not.toContainText("Huyện Hòa Bình");
  await expect(page.getByText("Chưa có chỉ tiêu quốc gia nào được ghi nhận để làm mốc so sánh")).toBeVisible();
  // The bars are the table's figures: the province's own.
  const chart = page.locator("[data-chart=compare] canvas[role=img]");
  await expect(chart).toBeVisible();
  expect(await chart.getAttribute("aria-label")).toMatch(
    /^Biểu đồ cột: Kinh phí thực hiện mô hình sinh kế, giảm nghèo, năm 2023, 1 dòng[^.]*\. Tỉnh Bạc Liêu – Kinh phí các mô hình nông nghiệp [^;]*: hơn 2\.314 triệu đồng$/,
  );

  await provinceRows.nth(0).getByRole("link", { name: "1 số liệu cấp huyện/xã của Tỉnh Bạc Liêu" }).click();
  await expect(page).toHaveURL(/province=95/);
  await expect(page).toHaveURL(/indicator=model-funding/);
  await expect(page.getByRole("navigation", { name: "Vị trí" })).toContainText("Tỉnh Bạc Liêu");
  // The province, then its district indented below.
  const table = page.getByRole("table", { name: /Kinh phí thực hiện mô hình sinh kế, giảm nghèo, năm 2023, Tỉnh Bạc Liêu/ });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Tỉnh Bạc Liêu");
  await expect(rows.nth(0)).toContainText("hơn 2.314 triệu đồng");
  await expect(rows.nth(0)).toContainText("nay thuộc Tỉnh Cà Mau");
  await expect(rows.nth(1)).toHaveClass(/sub/);
  await expect(rows.nth(1)).toContainText("Huyện Hòa Bình");
  await expect(rows.nth(1)).toContainText("840 triệu đồng");
  // One district: nothing to add up, so no computed total.
  await expect(table.locator("[data-computed]")).toHaveCount(0);
  // A bar per row, in the table's order, named with the figures in words (the table is its data).
  await expect(chart).toBeVisible();
  const name = (await chart.getAttribute("aria-label"))!;
  expect(name).toMatch(/^Biểu đồ cột: Kinh phí thực hiện mô hình sinh kế, giảm nghèo, năm 2023, Tỉnh Bạc Liêu, 2 dòng/);
  expect(name).toMatch(/\. Tỉnh Bạc Liêu – Kinh phí các mô hình nông nghiệp [^;]*: hơn 2\.314 triệu đồng; ↳ Huyện Hòa Bình – Mô hình nuôi cá kèo [^;]*: 840 triệu đồng$/);
  // One page: no page navigation; a page past the last shows the last.
  await expect(page.getByRole("navigation", { name: "Phân trang" })).toHaveCount(0);

  const valueHeader = table.locator("thead th").nth(1);
  await expect(valueHeader).toHaveAttribute("aria-sort", "none");
  await expect(table.locator("thead th").nth(0)).toHaveAttribute("aria-sort", "ascending");
  await valueHeader.getByRole("link").click();
  await expect(page).toHaveURL(/sort=-value/);
  await expect(page).toHaveURL(/province=95/);
  await expect(table.locator("thead th").nth(1)).toHaveAttribute("aria-sort", "descending");
  await expect(rows.nth(0)).toContainText("Tỉnh Bạc Liêu");
  await table.locator("thead th").nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/sort=value/);
  await expect(table.locator("thead th").nth(1)).toHaveAttribute("aria-sort", "ascending");
  // The filter form stays in the province; "Đặt lại" goes back to every province.
  await expect(page.locator("form input[name=province]")).toHaveValue("95");
  await expect(page.getByRole("link", { name: "Đặt lại" })).toHaveAttribute("href", "/compare");

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // The files hold the whole comparison, every province.
  const csvHref = await page.getByRole("link", { name: "CSV", exact: true }).getAttribute("href");
  expect(csvHref).not.toContain("province");
  const csv = await request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain("95,Tỉnh Bạc Liêu,province,VN,hơn,2314,triệu đồng");
  const xlsxHref = await page.getByRole("link", { name: "Excel (.xlsx)" }).getAttribute("href");
  const xlsx = await request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

  // Back to every province, in the order chosen.
  await page.getByRole("navigation", { name: "Vị trí" }).getByRole("link", { name: "Tất cả tỉnh, thành phố" }).click();
  await expect(page).toHaveURL(/sort=value/);
  await expect(page).not.toHaveURL(/province=/);
  await expect(overview.locator("tbody tr")).toHaveCount(1);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("compare: malformed parameters give a message, not an error page; the API answers 400/404", async ({ page, request }) => {
  const res = await page.goto("/compare?indicator=%3Cx%3E&year=20x3&sort=sideways");
  expect(res?.status()).toBe(200);
  const alert = page.locator("main").getByRole("alert");
  await expect(alert).toContainText("Mã chỉ tiêu không hợp lệ");
  await expect(alert).toContainText("Năm phải gồm 4 chữ số");
  await expect(alert).toContainText("Cách sắp xếp không hợp lệ");
  await expect(page.getByRole("table")).toBeVisible(); // the defaults still apply

  // A malformed or unknown province, or a malformed page: said, and every province is shown instead.
  await page.goto("/compare?indicator=model-funding&year=2023&province=%3Cx%3E&page=x");
  await expect(alert).toContainText("Mã tỉnh không hợp lệ");
  await expect(alert).toContainText("Trang: Page phải là số nguyên dương");
  await expect(page.getByRole("table", { name: /năm 2023$/ })).toContainText("1 số liệu cấp huyện/xã");
  await page.goto("/compare?indicator=model-funding&year=2023&province=01");
  await expect(alert).toContainText("Không có số liệu của tỉnh mã “01”");
  await expect(page.getByRole("table", { name: /năm 2023$/ }).locator("tbody tr")).toHaveCount(1);
  // A page past the last: the last.
  expect((await page.goto("/compare?indicator=model-funding&year=2023&province=95&page=99"))?.status()).toBe(200);
  await expect(page.locator("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Tỉnh Bạc Liêu$/ }).locator("tbody tr")).toHaveCount(2);

  expect((await request.get("/api/v1/compare?indicator=jobs&year=abc")).status()).toBe(400);
  expect((await request.get("/api/v1/compare")).status()).toBe(400);
  expect((await request.get("/api/v1/compare?indicator=poverty-models&format=pdf")).status()).toBe(400);
  const missing = await request.get("/api/v1/compare?indicator=no-such-indicator&year=2023");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("not_found");
  const json = await (await request.get("/api/v1/compare?indicator=poverty-models&year=2023")).json();
  expect(json.reference).toBeNull();
  expect(json.data).toEqual([
    expect.objectContaining({ value: 80, qualifier: "over", unitFigures: 1, group: expect.objectContaining({ code: "all" }), unit: expect.objectContaining({ code: "95" }) }),
  ]);
  expect((await request.get("/api/v1/compare?indicator=jobs&group=Khmer!")).status()).toBe(400);
  expect((await request.get("/api/v1/compare?indicator=jobs&group=no-such-group")).status()).toBe(404);
});

test("compare: no invented totals; one population group at a time", async ({ page, request }) => {
  // Bạc Liêu 2023: "hơn 1.000 lượt hộ" and "hơn 400 hộ" are not "hơn 1.400" of anything,
  // neither among the provinces nor in Bạc Liêu's own view.
  await page.goto("/compare?indicator=model-households&year=2023");
  const table = page.getByRole("table", { name: /Lượt hộ tham gia mô hình sinh kế, giảm nghèo, năm 2023$/ });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table).toContainText("hơn 1.000 lượt hộ");
  await expect(table).toContainText("Chưa có số liệu cấp huyện/xã");
  await expect(page.locator("main")).not.toContainText("1.400");
  await page.goto("/compare?indicator=model-households&year=2023&province=95");
  const own = page.getByRole("table", { name: /năm 2023, Tỉnh Bạc Liêu$/ });
  await expect(own.locator("tbody tr")).toHaveCount(1);
  await expect(own).toContainText("hơn 1.000 lượt hộ");
  await expect(page.locator("main")).not.toContainText("1.400");
  const json = await (await request.get("/api/v1/compare?indicator=job-event-participants&year=2023")).json();
  expect(json.data.map((r: { value: number }) => r.value)).toEqual([1359]);
  expect(JSON.stringify(json)).not.toContain("2059");

  // Households (not participations), each group its own series: the picker switches between them.
  // Hòa Bình's 30 poor households: Bạc Liêu has no figure of its own in that group, and links to its district's.
  await page.goto("/compare?indicator=model-participating-households&year=2023");
  const group = page.getByLabel("Nhóm đối tượng");
  await expect(group.locator("option")).toHaveText(["Hộ nghèo", "Hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo"]);
  const poor = page.getByRole("table", { name: /\(Hộ nghèo\), năm 2023$/ });
  await expect(poor.locator("tbody tr")).toHaveCount(1);
  await expect(poor).toContainText("Tỉnh chưa có số liệu riêng");
  await expect(poor).not.toContainText("30 hộ");
  await poor.getByRole("link", { name: "1 số liệu cấp huyện/xã của Tỉnh Bạc Liêu" }).click();
  await expect(page.getByRole("table", { name: /\(Hộ nghèo\), năm 2023, Tỉnh Bạc Liêu$/ })).toContainText("30 hộ");
  // Another group, in the same province.
  await group.selectOption("poor-near-poor-escaped");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await expect(page).toHaveURL(/group=poor-near-poor-escaped/);
  await expect(page).toHaveURL(/province=95/);
  const t2 = page.getByRole("table", { name: /\(Hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo\), năm 2023, Tỉnh Bạc Liêu$/ });
  await expect(t2).toContainText("hơn 400 hộ");
  await expect(t2).not.toContainText("30 hộ");
});
