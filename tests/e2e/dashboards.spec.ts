// Dashboards on the seeded data (read-only: this spec writes nothing): the plan's
// progress-chart section shows its empty state, the unit dashboards render their status
// table and indicator charts with a data-table alternative, and the downloads answer.
import { expect, test } from "@playwright/test";

test("plan 58/KH-UBND: progress-chart section with empty state and CSV/XLSX downloads", async ({ page, request }) => {
  await page.goto("/plans/plan-58-kh-ubnd-2023");
  const section = page.locator("section[aria-labelledby=progress-chart]");
  await expect(section.getByRole("heading", { level: 2, name: "Biểu đồ tiến độ" })).toBeVisible();
  await expect(section.locator("[data-empty=progress-chart]")).toBeVisible();
  await expect(section.locator("canvas")).toHaveCount(0);

  const href = await section.getByRole("link", { name: "CSV" }).getAttribute("href");
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
  const lines = (await res.text()).trim().split(/\r\n/);
  expect(lines[0]).toContain("targetId");
  expect(lines).toHaveLength(7); // header + six targets, all without data
  expect(lines.slice(1).every((l) => l.includes("no_data"))).toBe(true);

  const xlsx = await request.get(`${href!.replace("format=csv", "format=xlsx")}`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
});

test("unit 94: targets by status table, empty trends, CSV download", async ({ page, request }) => {
  await page.goto("/units/94");
  const section = page.locator("section[aria-labelledby=dashboard]");
  await expect(section.getByRole("heading", { level: 2 })).toBeVisible();
  const table = section.locator("table.status-summary");
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr")).toHaveCount(7);
  await expect(table.locator("tr", { hasText: "Chưa có số liệu" })).toBeVisible();
  await expect(section.locator("[data-empty=trends]")).toBeVisible(); // no published results in Sóc Trăng's scope

  // Each document's targets by status: a row per plan with targets in the unit's scope, as the API counts them.
  const api = (await (await request.get("/api/v1/progress?unit=94")).json()) as { data: { planId: string; status: string }[] };
  const perPlan = new Map<string, number>();
  for (const r of api.data) perPlan.set(r.planId, (perPlan.get(r.planId) ?? 0) + 1);
  const planRows = section.locator("table.plan-status tbody tr");
  await expect(planRows).toHaveCount(perPlan.size);
  for (const [planId, n] of perPlan) {
    const row = section.locator(`table.plan-status tr[data-plan-id="${planId}"]`);
    await expect(row.locator("td[data-status=no_data]")).toHaveText(String(n)); // seeded: no data anywhere
    await expect(row.locator("td").last()).toHaveText(String(n));
  }
  await expect(section.locator("table.plan-status tr[data-plan-id=plan-58-kh-ubnd-2023] th a")).toHaveText("58/KH-UBND");

  const href = await section.getByRole("link", { name: "CSV" }).first().getAttribute("href");
  const res = await request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
  expect((await res.text()).split(/\r\n/)[0]).toContain("status");
});

test("unit 96 (Cà Mau ← Bạc Liêu): a line chart with an accessible name and its data table", async ({ page }) => {
  await page.goto("/units/96");
  const section = page.locator("section[aria-labelledby=dashboard]");
  const chart = section.locator("canvas[role=img]").first();
  await expect(chart).toBeVisible();
  expect(await chart.getAttribute("aria-label")).toBeTruthy();
  const details = section.locator("details.chart-table").first();
  await details.locator("summary").click();
  await expect(details.locator("table tbody tr").first()).toBeVisible();
  await expect(details.locator("table thead th").nth(1)).toHaveText("2023");
  await expect(details.locator("table tbody th[scope=row]").first()).toContainText("Bạc Liêu");
});

test("printable reports: a plan and a unit print without navigation, with their data tables and where and when they come from", async ({ page }) => {
  for (const [path, button] of [
    ["/plans/plan-199-kh-ubnd-2022", "In trang này"],
    ["/units/96", "In báo cáo"],
  ] as const) {
    await page.emulateMedia({ media: "screen" });
    await page.goto(path);
    await expect(page.getByRole("button", { name: button, exact: true })).toBeVisible();
    await expect(page.locator(".print-note")).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.getByRole("button", { name: button, exact: true })).toBeHidden();
    const note = page.locator(".print-note");
    await expect(note).toBeVisible();
    await expect(note).toContainText(`trang ${path}. Tiến độ tính đến ngày`);
  }
  // On paper every chart's data table is open (a printed page cannot be clicked).
  await expect(page.locator("details.chart-table table").first()).toBeVisible();
});
