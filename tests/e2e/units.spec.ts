// The unit registry as a reader and a script meet it: searching /units without diacritics,
// opening a commune's page and coming back, browsing a province's communes page by page; the
// API in JSON and CSV; malformed keys answered in JSON, never a 500.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { useEnglish } from "./support";

async function searchUnits(page: Page, q: string) {
  const main = page.getByRole("main");
  await main.getByRole("searchbox", { name: "Tên hoặc mã đơn vị" }).fill(q);
  await main.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/units" && u.searchParams.get("q") === q);
}

const rows = (page: Page) => page.locator("main table tbody tr");

async function expectNoHorizontalOverflow(page: Page) {
  const m = await page.evaluate(() => {
    const se = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: se.scrollWidth, innerWidth: window.innerWidth };
  });
  expect(m.scrollWidth, `page is ${m.scrollWidth}px wide in a ${m.innerWidth}px viewport`).toBeLessThanOrEqual(m.innerWidth + 1);
}

test("a reader finds Xã Vĩnh Thịnh without diacritics, opens it, comes back, and browses Cần Thơ's communes", async ({ page }) => {
  await page.goto("/units");
  await expect(page.getByRole("heading", { level: 1, name: "Địa phương" })).toBeVisible();
  // With no query: the 34 provinces of today, the 63 before the reform behind a disclosure.
  await expect(page.getByRole("heading", { level: 2, name: "34 tỉnh, thành phố hiện nay" })).toBeVisible();
  await expect(page.locator("section[aria-labelledby=current-provinces] tbody tr")).toHaveCount(34);
  const former = page.locator("main details");
  await expect(former.locator("summary")).toHaveText("63 tỉnh, thành phố trước ngày 01/07/2025");
  await expect(former.locator("tbody tr")).toHaveCount(63);
  await expect(former.locator('tr[data-unit-key="94"]')).toContainText("nay thuộc Thành phố Cần Thơ");

  await searchUnits(page, "vinh thinh");
  await expect(page.getByText("Tìm thấy 6 đơn vị", { exact: true })).toBeVisible();
  await expect(rows(page)).toHaveCount(6);
  for (const name of await rows(page).locator("th a").allTextContents()) expect(name).toBe("Xã Vĩnh Thịnh");
  // Today's commune in Hải Phòng, and a former one that went wholly into another.
  const today = page.locator('tr[data-unit-key="11836"]');
  await expect(today).toContainText("Thành phố Hải Phòng");
  await expect(today).toContainText("từ 01/07/2025");
  const ended = page.locator('tr[data-unit-key="21802"]');
  await expect(ended).toContainText("đến 30/06/2025");
  await expect(ended).toContainText("nay thuộc Xã Vĩnh Thịnh");

  // Its own page.
  await today.locator("th a").click();
  await page.waitForURL("**/units/11836");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Vĩnh Thịnh");
  expect((await page.request.get("/units/11836")).status()).toBe(200);

  // Back to the results, as they were.
  await page.goBack();
  await page.waitForURL((u) => u.pathname === "/units" && u.searchParams.get("q") === "vinh thinh");
  await expect(page.getByText("Tìm thấy 6 đơn vị", { exact: true })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Tên hoặc mã đơn vị" })).toHaveValue("vinh thinh");

  // Only the units of today.
  await page.getByRole("radio", { name: "Chỉ đơn vị hiện nay" }).check();
  await page.getByRole("main").getByRole("button", { name: "Tìm kiếm", exact: true }).click();
  await page.waitForURL((u) => u.searchParams.get("validOn") !== null && u.searchParams.get("validOn") !== "");
  await expect(page.getByText("Tìm thấy 2 đơn vị", { exact: true })).toBeVisible();
  await expect(rows(page)).toHaveCount(2);

  // Browse by province: Cần Thơ's communes, 50 a page.
  await page.getByRole("link", { name: "Tất cả tỉnh, thành phố" }).click();
  await page.waitForURL((u) => u.pathname === "/units" && u.search === "");
  await page.locator('section[aria-labelledby=current-provinces] tr[data-unit-key="92"]').getByRole("link", { name: "Xã, phường của Thành phố Cần Thơ" }).click();
  await page.waitForURL((u) => u.pathname === "/units" && u.searchParams.get("parent") === "92");
  await expect(page.getByRole("heading", { level: 2, name: "Đơn vị trực thuộc Thành phố Cần Thơ" })).toBeVisible();
  await expect(page.getByText("Tìm thấy 103 đơn vị", { exact: true })).toBeVisible();
  await expect(rows(page)).toHaveCount(50);
  const pagination = page.getByRole("navigation", { name: "Phân trang" });
  await expect(pagination).toContainText("Trang 1 / 3");
  await pagination.getByRole("link", { name: /Trang sau/ }).click();
  await page.waitForURL((u) => u.searchParams.get("page") === "2");
  await expect(pagination).toContainText("Trang 2 / 3");
  await expect(rows(page)).toHaveCount(50);
  await expect(pagination.getByRole("link", { name: /Trang trước/ })).toBeVisible();
  for (const p of await rows(page).locator("td:nth-of-type(3)").allTextContents()) expect(p).toBe("Thành phố Cần Thơ");
});

test("a search with nothing found says so, and a bad parameter is reported, not a failure", async ({ page }) => {
  const res = await page.goto("/units?q=khong+co+don+vi+nao&validOn=2025-02-30&level=town");
  expect(res?.status()).toBe(200);
  await expect(page.getByText("Không tìm thấy đơn vị nào phù hợp.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Cấp: Phải là nation, province, district hoặc commune");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Thời điểm");
  const unknown = await page.goto("/units?parent=99999");
  expect(unknown?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("99999");
});

test("the results page in English, and without WCAG 2.1 A/AA violations", async ({ page, context, baseURL }) => {
  await useEnglish(context, baseURL!);
  await page.goto("/units?q=vinh+thinh");
  await expect(page.getByRole("heading", { level: 1, name: "Localities" })).toBeVisible();
  await expect(page.getByText("6 units found", { exact: true })).toBeVisible();
  await expect(page.locator('tr[data-unit-key="21802"]')).toContainText("until 30/06/2025");
  for (const path of ["/units?q=vinh+thinh", "/units?parent=92"]) {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), path).toEqual([]);
  }
});

test("@phone the units list and its results fit a phone, rows as labelled blocks", async ({ page }) => {
  for (const path of ["/units", "/units?q=vinh+thinh", "/units?parent=92"]) {
    await page.goto(path);
    await expect(page.locator("main table").first()).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }
  const width = page.viewportSize()!.width;
  if (width <= 640) {
    // On a phone the table's header row is hidden and each cell carries its label.
    const cell = page.locator('main tbody tr td[data-label="Tỉnh, thành phố"]').first();
    expect(await cell.evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    expect(await cell.evaluate((el) => getComputedStyle(el, "::before").content)).toContain("Tỉnh, thành phố");
  }
});

test("the API answers JSON and CSV, and 92 and 92-2025 are different units", async ({ request }) => {
  const res = await request.get("/api/v1/units?q=vinh%20thinh&validOn=2025-07-01");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = (await res.json()) as { data: { key: string; name: string; level: string }[]; total: number; links: { next: string | null; prev: string | null } };
  expect(body.total).toBe(2);
  expect(body.data.map((u) => u.key).sort()).toEqual(["11836", "21796"]);
  expect(body.links).toEqual({ next: null, prev: null });

  const csv = await request.get("/api/v1/units?parent=92&format=csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
  const lines = (await csv.text()).replace(/^\uFEFF/, "").split(/\r?\n/).filter(Boolean);
  expect(lines).toHaveLength(104);
  expect(lines[0]!.split(",").slice(0, 5)).toEqual(["key", "code", "name", "nameEn", "level"]);

  const now = (await (await request.get("/api/v1/units/92")).json()) as { key: string; validFrom: string; predecessors: { key: string; share: string }[] };
  const before = (await (await request.get("/api/v1/units/92-2025")).json()) as { key: string; validTo: string; successors: { key: string; share: string }[] };
  expect(now.validFrom).toBe("2025-07-01");
  expect(now.predecessors.map((p) => p.key).sort()).toEqual(["92-2025", "93", "94"]);
  expect(before.validTo).toBe("2025-06-30");
  expect(before.successors).toEqual([expect.objectContaining({ key: "92", share: "full" })]);
});

async function expectJsonErrors(request: APIRequestContext, urls: string[]) {
  const failures: string[] = [];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    if (![400, 404].includes(res.status())) failures.push(`${res.status()} ${url}`);
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!body?.error?.code || !body.error.message) failures.push(`no JSON error: ${res.status()} ${url} ${res.headers()["content-type"]}`);
  }
  expect(failures, failures.join("\n")).toEqual([]);
}

test("malformed or unknown unit keys and parameters are JSON errors, never a 500", async ({ request }) => {
  await expectJsonErrors(request, [
    "/api/v1/units/<script>",
    `/api/v1/units/${encodeURIComponent("<script>alert(1)</script>")}`,
    "/api/v1/units/%00",
    `/api/v1/units/${encodeURIComponent("' OR 1=1 --")}`,
    `/api/v1/units/${"9".repeat(300)}`,
    "/api/v1/units/99999",
    "/api/v1/units?validOn=2025-13-01",
    "/api/v1/units?level=town",
    "/api/v1/units?pageSize=1000",
    "/api/v1/units?parent=%3Cscript%3E",
    "/api/v1/units?parent=99999",
  ]);
});

// A path that is not valid percent-encoding never reaches the route: Next.js cannot decode it and,
// with no /400 page in an App Router app, answers a bare 500 (for every path, not only this API)
// unless a proxy answers it first.
test("a key that is not valid percent-encoding (%ZZ) is a JSON error, never a 500", async ({ request }) => {
  await expectJsonErrors(request, ["/api/v1/units/%ZZ", "/api/v1/units/%E0%A4%A"]);
});
