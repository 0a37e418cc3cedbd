// The open-data page and the downloads for people (read-only: this spec writes nothing): the main
// menu leads to /open-data, which lists the data, its licence and working example links, and
// renders the API reference from the OpenAPI document; it has no WCAG A/AA violations; a reader
// downloads the plan's workbook from the plan page and it is an XLSX in Vietnamese.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { useEnglish } from "./support";

async function expectNoViolations(page: Page, label: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = violations.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n` + v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.failureSummary}`).join("\n")).join("\n");
  if (report) console.log(`axe violations on ${label}:\n${report}`);
  expect(violations.map((v) => v.id), report).toEqual([]);
}

test("the main menu leads to /open-data: the data, the licence, and example links that answer", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Dữ liệu mở (API)" }).click();
  await expect(page).toHaveURL(/\/open-data$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dữ liệu mở" })).toBeVisible();

  const datasets = page.locator("table[data-datasets] tbody tr");
  await expect(datasets).toHaveCount(6);
  await expect(datasets.locator("th")).toHaveText(["Kế hoạch, văn bản", "Chỉ tiêu", "Kết quả", "Đơn vị hành chính", "Tiến độ", "So sánh"]);
  // Each data set names its API addresses, linked to their reference below.
  for (const a of await datasets.locator("td a[href^='#']").all()) {
    const id = (await a.getAttribute("href"))!.slice(1);
    await expect(page.locator(`[id="${id}"]`)).toHaveCount(1);
  }
  await expect(page.locator("[data-licence=portal]")).toHaveText("Chưa công bố giấy phép.");
  await expect(page.locator("section[aria-labelledby=licence]")).toContainText("giấy phép MIT");

  const hrefs = await page
    .locator("[data-examples] a, [data-downloads] a, a[data-openapi], table[data-datasets] td a:not([href^='#'])")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  expect(hrefs).toEqual(expect.arrayContaining(["/api/v1/units?q=vinh+thinh", "/api/v1/progress?unit=94&format=csv", "/api/v1/openapi.json", "/progress/download"]));
  expect(hrefs.length).toBeGreaterThanOrEqual(15);
  for (const href of hrefs) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
  }
  const units = (await (await request.get("/api/v1/units?q=vinh+thinh")).json()) as { data: { name: string }[] };
  expect(units.data.map((u) => u.name)).toContain("Xã Vĩnh Thịnh");
});

test("the API reference shows every path of openapi.json with its parameters and responses", async ({ page, request }) => {
  await page.goto("/open-data");
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, unknown>> };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of Object.keys(item)) await expect(page.locator(`section[data-operation="${method.toUpperCase()} ${path}"]`)).toHaveCount(1);
  }
  const units = page.locator('section[data-operation="GET /api/v1/units"]');
  await expect(units.getByRole("heading", { level: 3 })).toHaveText("GET /api/v1/units");
  await expect(units.locator("tr[data-param=q]")).toContainText("vinh thinh");
  await expect(units.locator("tr[data-param=pageSize]")).toContainText("mặc định: 50");
  await expect(units.locator("tr[data-param=level]")).toContainText("truy vấn");
  const plan = page.locator('section[data-operation="GET /api/v1/plans/{id}"]');
  await expect(plan.locator("tr[data-param=id]")).toContainText("đường dẫn");
  await expect(plan.locator("tr[data-param=id]")).toContainText("bắt buộc");
  await expect(plan.locator("li[data-status='404']")).toContainText("No published plan with this id");
  await expect(page.locator('section[data-operation="POST /api/v1/results"]')).toContainText("Cần token truy cập cá nhân của cán bộ.");
});

for (const locale of ["vi", "en"] as const) {
  test(`/open-data has no WCAG 2.1 A/AA violations (${locale})`, async ({ page, context, baseURL }) => {
    if (locale === "en") await useEnglish(context, baseURL!);
    expect((await page.goto("/open-data"))?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("main h1")).toHaveText(locale === "en" ? "Open data" : "Dữ liệu mở");
    if (locale === "en") await expect(page.locator("[data-licence=portal]")).toHaveText("No licence has been published yet.");
    await expectNoViolations(page, `/open-data (${locale})`);
  });
}

test("the plan page's download links have no WCAG 2.1 A/AA violations, and keep a smaller link to the API", async ({ page }) => {
  await page.goto("/plans/plan-58-kh-ubnd-2023");
  const top = page.locator("[role=group][aria-label='Tải dữ liệu']").first();
  await expect(top.getByRole("link", { name: "Tải bảng tính (XLSX)" })).toHaveAttribute("href", "/plans/plan-58-kh-ubnd-2023/download");
  await expect(top.getByRole("link", { name: "Tải tệp CSV (Excel tiếng Việt)" })).toHaveAttribute("href", "/plans/plan-58-kh-ubnd-2023/download?format=csv");
  await expect(top.locator("[data-machine-data]")).toContainText("Dữ liệu máy đọc (API):");
  await expect(top.getByRole("link", { name: "JSON", exact: true })).toHaveAttribute("href", "/api/v1/plans/plan-58-kh-ubnd-2023");
  await expectNoViolations(page, "/plans/plan-58-kh-ubnd-2023");
});

test("a reader downloads the plan's workbook from the plan page: an XLSX with Vietnamese headers and statuses in words", async ({ page }) => {
  await page.goto("/plans/plan-58-kh-ubnd-2023");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải bảng tính (XLSX)" }).first().click()]);
  expect(download.suggestedFilename()).toBe("ke-hoach-58-KH-UBND.xlsx");
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK"); // a zip, as every XLSX is
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Kết quả"]);
  const ws = wb.getWorksheet("Chỉ tiêu")!;
  expect(String(ws.getCell("A1").value)).toMatch(/^58\/KH-UBND — /);
  const h = ws.views[0]!.state === "frozen" ? (ws.views[0] as { ySplit: number }).ySplit : 0;
  const header = (ws.getRow(h).values as unknown[]).slice(1);
  expect(header).toEqual(expect.arrayContaining(["Chỉ tiêu", "Nguyên văn", "Mức phấn đấu", "Trạng thái"]));
  const status = header.indexOf("Trạng thái") + 1;
  expect(ws.getRow(h + 1).getCell(status).value).toBe("Chưa có số liệu");
  const jobs = [...Array(6).keys()].map((i) => ws.getRow(h + 1 + i)).find((r) => String(r.getCell(2).value).includes("2.400"))!;
  expect(jobs.getCell(header.indexOf("Mức phấn đấu") + 1).value).toBe(2400);
});

test("the home page and a unit page offer the workbooks for people @phone", async ({ page, request }) => {
  await page.goto("/");
  const home = page.getByRole("group", { name: "Tải dữ liệu" });
  await expect(home.getByRole("link", { name: "Tải bảng tính (XLSX)" })).toHaveAttribute("href", "/progress/download");
  const progress = await request.get("/progress/download");
  expect(progress.headers()["content-type"]).toContain("spreadsheetml");
  await page.goto("/units/94");
  await expect(page.getByRole("link", { name: "Tải bảng tính (XLSX)" }).first()).toHaveAttribute("href", "/units/94/download");
  await page.goto("/open-data");
  // Nothing wider than the screen on a phone: long addresses wrap.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("downloads for people answer bad input with a 400 or 404 page, never a server error", async ({ request }) => {
  const cases: [string, number][] = [
    ["/plans/does-not-exist/download", 404],
    [`/plans/${encodeURIComponent("' OR 1=1 --")}/download`, 404],
    ["/plans/plan-58-kh-ubnd-2023/download?format=pdf", 400],
    ["/plans/plan-58-kh-ubnd-2023/download?asOf=2023-02-30", 400],
    ["/plans/plan-58-kh-ubnd-2023/download?lang=xx", 400],
    ["/units/99999/download", 404],
    [`/units/${encodeURIComponent("<script>")}/download`, 404],
    ["/progress/download?year=abc", 400],
    ["/progress/download?unit=%00", 400],
    ["/progress/download?unit=99999", 404],
  ];
  for (const [url, status] of cases) {
    const res = await request.get(url);
    expect(res.status(), url).toBe(status);
    expect(res.headers()["content-type"], url).toContain("text/html");
    expect(await res.text(), url).toContain("Không tải được dữ liệu");
  }
});
