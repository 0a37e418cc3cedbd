// Pages that change their shape at national size (docs/domain.md, "A plan's page at national
// size"), in a real browser: a province's plan with targets for each of its communes is shown by
// unit (lib/data/plan-view.ts), with a paged table "Chỉ tiêu theo đơn vị" that opens on the page
// of the unit shown; a unit's results table is paged; and the plan's page stays small.
//
// The data is built here, straight in the portal's database (the way scripts/bench/data.ts loads
// the benchmark, at a small size): a PUBLISHED plan "e2e-large-plan" issued by Tỉnh Nghệ An (40),
// with 5 targets for the province and 2 for each of its 130 communes of today (265 targets for
// 131 units: three pages of the table of units), and published results (one per commune, ten for
// the province: three pages of the province's results table). Every row it writes has an id
// starting "e2e-large-"; they are removed before and after the spec.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import type pg from "pg";
import { withPortalDb } from "./support";

const PLAN = "e2e-large-plan";
const PLAN_PATH = `/plans/${PLAN}`;
/** Tỉnh Nghệ An: 130 communes of today, and no seeded plan or result (so the spec owns what it counts). */
const PROVINCE = "40";
const PROVINCE_TARGETS = 5;
const COMMUNE_TARGETS = 2;
/** lib/data/plan-view.ts PLAN_UNITS_PAGE, and lib/data/results.ts UNIT_RESULTS_PAGE. */
const UNITS_PAGE = 50;
const RESULTS_PAGE = 50;

/** The units of the plan (those with targets), and its size, as written by loadPlan. */
let units: { key: string; name: string }[] = [];
let targetCount = 0;
let resultCount = 0;

/** Runs fn in one transaction, rolled back if it throws (a closed client must not leave the embedded database in an aborted transaction). */
async function inTransaction(c: pg.Client, fn: () => Promise<void>) {
  await c.query("BEGIN");
  try {
    await fn();
    await c.query("COMMIT");
  } catch (e) {
    await c.query("ROLLBACK");
    throw e;
  }
}

async function removePlan() {
  await withPortalDb((c) =>
    inTransaction(c, async () => {
      await c.query(`DELETE FROM "result" WHERE "id" LIKE 'e2e-large-r-%' OR "targetId" LIKE 'e2e-large-t-%'`);
      await c.query(`DELETE FROM "target_progress" WHERE "targetId" LIKE 'e2e-large-t-%'`);
      await c.query(`DELETE FROM "target" WHERE "planId" = $1 OR "id" LIKE 'e2e-large-t-%'`, [PLAN]);
      // Queued by the triggers of the writes above (no foreign key: removed by name).
      await c.query(`DELETE FROM "target_change" WHERE "targetId" LIKE 'e2e-large-t-%'`);
      await c.query(`DELETE FROM "plan" WHERE "id" = $1`, [PLAN]);
    }),
  );
}

/** The plan, its targets and results: INSERT … SELECT over the unit registry, as scripts/bench/data.ts does (with the ordinary triggers). */
async function loadPlan() {
  await withPortalDb(async (c) => {
    const ind = (await c.query<{ id: string }>(`SELECT "id" FROM "indicator" WHERE "code" = 'jobs'`)).rows[0]?.id;
    if (!ind) throw new Error(`the seed has no indicator "jobs"`);
    await inTransaction(c, async () => {
      await c.query(
        `CREATE TEMP TABLE e2e_large_province ON COMMIT DROP AS
         SELECT u."id", u."key", u."name", u."searchName" FROM "admin_unit" u WHERE u."key" = $1 AND u."level" = 'PROVINCE' AND u."validTo" IS NULL`,
        [PROVINCE],
      );
      await c.query(`
        CREATE TEMP TABLE e2e_large_commune ON COMMIT DROP AS
        SELECT u."id", u."key", u."name", row_number() OVER (ORDER BY u."key") AS rn
        FROM "admin_unit" u JOIN e2e_large_province p ON p."id" = u."parentId"
        WHERE u."level" = 'COMMUNE' AND u."validTo" IS NULL`);
      const plan = await c.query(
        `INSERT INTO "plan" ("id", "type", "issuer", "issuerUnitId", "issueYear", "title", "summary", "periodStart", "periodEnd",
                             "searchText", "status", "publishedAt", "updatedAt")
         SELECT $1, 'KE_HOACH', 'UBND ' || p."name", p."id", 2021,
                '[Dữ liệu thử e2e] Kế hoạch giảm nghèo 2021–2025, ' || p."name",
                'Dữ liệu tổng hợp cho kiểm thử đầu cuối (tests/e2e/large-plan.spec.ts), không phải số liệu thật.',
                2021, 2025, 'du lieu thu e2e ke hoach giam ngheo ' || p."searchName", 'PUBLISHED', now(), now()
         FROM e2e_large_province p`,
        [PLAN],
      );
      if (plan.rowCount !== 1) throw new Error(`no province of today with key ${PROVINCE}`);
      const statement = (lower: string, where: string) => `'[thử] giải quyết việc làm cho ' || (${lower}) || ' lao động' || ${where}`;
      await c.query(
        `INSERT INTO "target" ("id", "planId", "position", "indicatorId", "unitId", "kind", "lower", "periodStart", "periodEnd",
                               "annual", "statement", "status", "updatedAt")
         SELECT 'e2e-large-t-' || p."key" || '-' || k, $3, k, $2, p."id", 'COUNT', 10000 + k * 500, 2021, 2025,
                (k % 2 = 0), ${statement("10000 + k * 500", `', ' || p."name"`)}, 'PUBLISHED', now()
         FROM e2e_large_province p, generate_series(1, $1::int) k`,
        [PROVINCE_TARGETS, ind, PLAN],
      );
      await c.query(
        `INSERT INTO "target" ("id", "planId", "position", "indicatorId", "unitId", "kind", "lower", "periodStart", "periodEnd",
                               "annual", "statement", "status", "updatedAt")
         SELECT 'e2e-large-t-' || m."key" || '-' || k, $3, m.rn * 1000 + k, $2, m."id", 'COUNT',
                100 + k * 10, 2021, 2025, (k % 2 = 0), ${statement("100 + k * 10", `', ' || m."name"`)}, 'PUBLISHED', now()
         FROM e2e_large_commune m, generate_series(1, $1::int) k`,
        [COMMUNE_TARGETS, ind, PLAN],
      );
      // Published results: 2023 and 2024 for each of the province's targets, 2024 for each commune's first target.
      await c.query(
        `INSERT INTO "result" ("id", "targetId", "indicatorId", "unitId", "groupId", "year", "value", "status", "isDemo", "approvedAt", "updatedAt")
         SELECT 'e2e-large-r-' || substr(t."id", 13) || '-' || y, t."id", t."indicatorId", t."unitId", t."groupId", y,
                round(t."lower" * (12 + (hashtext(t."id" || y) & 1023) * 16 / 1023.0) / 100), 'PUBLISHED'::"ResultStatus", true, now(), now()
         FROM "target" t JOIN e2e_large_province p ON p."id" = t."unitId", generate_series(2023, 2024) y
         WHERE t."planId" = $1
         UNION ALL
         SELECT 'e2e-large-r-' || substr(t."id", 13) || '-2024', t."id", t."indicatorId", t."unitId", t."groupId", 2024,
                round(t."lower" * (12 + (hashtext(t."id") & 1023) * 16 / 1023.0) / 100), 'PUBLISHED'::"ResultStatus", true, now(), now()
         FROM "target" t JOIN e2e_large_commune m ON m."id" = t."unitId"
         WHERE t."planId" = $1 AND t."id" LIKE '%-1'`,
        [PLAN],
      );
    });
    units = (
      await c.query<{ key: string; name: string }>(
        `SELECT DISTINCT u."key", u."name" FROM "target" t JOIN "admin_unit" u ON u."id" = t."unitId" WHERE t."planId" = $1 ORDER BY u."key"`,
        [PLAN],
      )
    ).rows;
    targetCount = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "target" WHERE "planId" = $1`, [PLAN])).rows[0]!.n);
    resultCount = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM "result" WHERE "id" LIKE 'e2e-large-r-%'`)).rows[0]!.n);
  });
}

// Locators of the plan's page.
const unitsTable = (page: Page) => page.locator("table[data-plan-units]");
const unitRows = (page: Page) => unitsTable(page).locator("tbody tr[data-unit-key]");
const unitsNav = (page: Page) => page.getByRole("navigation", { name: "Trang của bảng chỉ tiêu theo đơn vị", exact: true });
const targetIds = (page: Page) => page.locator("table.targets-table tbody tr[data-target-id]").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-target-id")!));
const shownHeading = (page: Page) => page.locator("h3#targets-of");
const rowKeys = (rows: Locator) => rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-unit-key")!));

/** The page of the units table the nav says is shown ("Trang 2 / 3"), and how many there are. */
async function unitsPageShown(page: Page): Promise<{ page: number; count: number }> {
  await expect(unitsNav(page), "the table of units is paged").toBeVisible();
  const m = /Trang (\d+) \/ (\d+)/.exec((await unitsNav(page).innerText()).replace(/\s+/g, " "));
  if (!m) throw new Error("no page number in the units table's pagination");
  return { page: Number(m[1]), count: Number(m[2]) };
}

/** Follows a link of the units table's pagination and waits for the table page it leads to. */
async function followUnitsPage(page: Page, name: "Trang sau" | "Trang trước", unitKey: string) {
  const before = await unitsPageShown(page);
  const to = name === "Trang sau" ? before.page + 1 : before.page - 1;
  await unitsNav(page).getByRole("link", { name }).click();
  await page.waitForURL((u) => u.pathname === PLAN_PATH && u.searchParams.get("units") === String(to));
  await expect(unitsNav(page)).toContainText(`Trang ${to} / ${before.count}`);
  expect(new URL(page.url()).searchParams.get("unit"), "the unit shown is kept").toBe(unitKey);
}

const targetsOf = (key: string) => Array.from({ length: key === PROVINCE ? PROVINCE_TARGETS : COMMUNE_TARGETS }, (_, i) => `e2e-large-t-${key}-${i + 1}`).sort();

// Each test stands alone (it opens its own page), so one failure does not hide the others.
test.beforeAll(async () => {
  await removePlan();
  await loadPlan();
  expect(units.length, "the province and at least 120 communes").toBeGreaterThanOrEqual(121);
  expect(targetCount).toBe(PROVINCE_TARGETS + (units.length - 1) * COMMUNE_TARGETS);
});
test.afterAll(async () => {
  await removePlan();
  // Nothing of the spec is left for the specs after it.
  const left = await withPortalDb(async (c) =>
    Number(
      (
        await c.query<{ n: string }>(
          `SELECT (SELECT count(*) FROM "plan" WHERE "id" = $1) + (SELECT count(*) FROM "target" WHERE "id" LIKE 'e2e-large-t-%')
                + (SELECT count(*) FROM "result" WHERE "id" LIKE 'e2e-large-r-%') + (SELECT count(*) FROM "target_change" WHERE "targetId" LIKE 'e2e-large-t-%')
                + (SELECT count(*) FROM "target_progress" WHERE "targetId" LIKE 'e2e-large-t-%') AS n`,
          [PLAN],
        )
      ).rows[0]!.n,
    ),
  );
  expect(left, "rows of e2e-large-plan left in the database").toBe(0);
});

test("a large plan opens on the issuer's targets, with the table of units paged", async ({ page }) => {
  const res = await page.goto(PLAN_PATH);
  expect(res?.status()).toBe(200);
  // The intro, then the issuer's own targets, and only those.
  await expect(page.locator("[data-plan-by-unit]")).toContainText(`Kế hoạch có ${targetCount} chỉ tiêu cho ${units.length} đơn vị`);
  await expect(shownHeading(page)).toHaveText("Chỉ tiêu của Tỉnh Nghệ An");
  expect((await targetIds(page)).sort()).toEqual(targetsOf(PROVINCE));

  // The table of units: at most a page of rows, paged, on the page holding the issuer's row, which is marked.
  await expect(page.getByRole("heading", { name: "Chỉ tiêu theo đơn vị", exact: true })).toBeVisible();
  const n = await unitRows(page).count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(UNITS_PAGE);
  const shown = await unitsPageShown(page);
  expect(shown.count).toBe(Math.ceil(units.length / UNITS_PAGE));
  await expect(unitsTable(page).locator('tr[aria-current="true"]')).toHaveCount(1);
  await expect(unitsTable(page).locator(`tr[data-unit-key="${PROVINCE}"]`)).toHaveAttribute("aria-current", "true");

  // No WCAG 2.1 A/AA violation on the page shown by unit.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(" ")).join(", ")}`)).toEqual([]);
});

test("a commune chosen in the table shows its targets, on the table page holding it; the pages keep it, and so does the as-of form", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(PLAN_PATH);
  // To the table's first page (the issuer's row is on another), keeping the issuer's view.
  while ((await unitsPageShown(page)).page > 1) await followUnitsPage(page, "Trang trước", PROVINCE);
  await expect(shownHeading(page)).toHaveText("Chỉ tiêu của Tỉnh Nghệ An");

  // A commune of the middle page: its link leads to its own targets, and the table opens on its page.
  await followUnitsPage(page, "Trang sau", PROVINCE);
  const row = unitRows(page).nth(7);
  const key = (await row.getAttribute("data-unit-key"))!;
  expect(key).not.toBe(PROVINCE);
  const name = (await row.locator("th a").innerText()).trim();
  expect(name).toBe(units.find((u) => u.key === key)!.name);
  await row.locator("th a").click();
  await page.waitForURL((u) => u.pathname === PLAN_PATH && u.searchParams.get("unit") === key && !u.searchParams.has("units"));
  await expect(shownHeading(page)).toHaveText(`Chỉ tiêu của ${name}`);
  expect((await targetIds(page)).sort()).toEqual(targetsOf(key));
  await expect(unitsNav(page)).toContainText("Trang 2 / 3");
  await expect(unitsTable(page).locator(`tr[data-unit-key="${key}"]`)).toHaveAttribute("aria-current", "true");
  await expect(unitsTable(page).locator('tr[aria-current="true"]')).toHaveCount(1);

  // "Trang sau" and "Trang trước" move through the table and keep the commune shown.
  await followUnitsPage(page, "Trang sau", key);
  await expect(shownHeading(page)).toHaveText(`Chỉ tiêu của ${name}`);
  expect((await targetIds(page)).sort()).toEqual(targetsOf(key));
  await expect(unitsTable(page).locator('tr[aria-current="true"]')).toHaveCount(0);
  await followUnitsPage(page, "Trang trước", key);
  await followUnitsPage(page, "Trang trước", key);
  await expect(shownHeading(page)).toHaveText(`Chỉ tiêu của ${name}`);
  await followUnitsPage(page, "Trang sau", key);
  await expect(unitsTable(page).locator(`tr[data-unit-key="${key}"]`)).toHaveAttribute("aria-current", "true");

  // Progress as of another day: the address keeps the commune, the page still shows it, and its links carry the date.
  const form = page.locator("form.as-of-form");
  await form.getByLabel("Tính tiến độ đến ngày", { exact: true }).fill("31/12/2024");
  await form.getByRole("button", { name: "Xem", exact: true }).click();
  await page.waitForURL((u) => u.pathname === PLAN_PATH && u.searchParams.has("asOf"));
  expect(new URL(page.url()).searchParams.get("unit")).toBe(key);
  await expect(page.locator(".as-of-shown")).toHaveText("Tiến độ tính đến ngày 31/12/2024.");
  await expect(shownHeading(page)).toHaveText(`Chỉ tiêu của ${name}`);
  expect((await targetIds(page)).sort()).toEqual(targetsOf(key));
  await expect(unitsTable(page).locator(`tr[data-unit-key="${key}"]`)).toHaveAttribute("aria-current", "true");
  await expect(unitsNav(page).getByRole("link", { name: "Trang sau" })).toHaveAttribute("href", /asOf=2024-12-31/);
});

test("a reader reaches every unit of the plan through the table's pages", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(PLAN_PATH);
  while ((await unitsPageShown(page)).page > 1) await followUnitsPage(page, "Trang trước", PROVINCE);
  const seen: string[] = [];
  for (;;) {
    const keys = await rowKeys(unitRows(page));
    expect(keys.length).toBeLessThanOrEqual(UNITS_PAGE);
    seen.push(...keys);
    if ((await unitsNav(page).getByRole("link", { name: "Trang sau" }).count()) === 0) break;
    await followUnitsPage(page, "Trang sau", PROVINCE);
  }
  expect(new Set(seen).size, "no unit on two pages").toBe(seen.length);
  expect(seen.length).toBe(units.length);
  expect([...seen].sort()).toEqual(units.map((u) => u.key).sort());
});

test("an unknown unit and pages out of range give the issuer's view, never an error", async ({ page, request }) => {
  const res = await request.get(`${PLAN_PATH}?unit=nope&page=99&units=99`);
  expect(res.status()).toBe(200);
  const nav = await page.goto(`${PLAN_PATH}?unit=nope&page=99&units=99`);
  expect(nav?.status()).toBe(200);
  await expect(shownHeading(page)).toHaveText("Chỉ tiêu của Tỉnh Nghệ An");
  expect((await targetIds(page)).sort()).toEqual(targetsOf(PROVINCE));
  await expect(unitsTable(page).locator(`tr[data-unit-key="${PROVINCE}"]`)).toHaveAttribute("aria-current", "true");
  for (const q of ["?page=abc&units=-1", "?units=0", `?unit=${"x".repeat(300)}`]) {
    expect((await request.get(`${PLAN_PATH}${q}`)).status(), q).toBe(200);
  }
});

test("the page of a large plan stays small, whichever unit it shows", async ({ request }) => {
  for (const q of ["", `?unit=${units.find((u) => u.key !== PROVINCE)!.key}`]) {
    const res = await request.get(`${PLAN_PATH}${q}`);
    expect(res.status()).toBe(200);
    const size = (await res.body()).length;
    // A size, not a timing: about 140 KB here; the whole table of 131 units on one page makes it about 350 KB.
    expect(size, `HTML of ${PLAN_PATH}${q}: ${size} bytes`).toBeLessThan(300_000);
  }
});

test("the province's results table is paged, and a bad page number is no error", async ({ page }) => {
  expect(resultCount).toBeGreaterThan(RESULTS_PAGE);
  const results = page.locator('section[aria-labelledby="results"]');
  const rows = results.locator("tbody tr");
  const nav = page.getByRole("navigation", { name: "Trang của bảng kết quả được báo cáo", exact: true });
  const texts = () => rows.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).innerText.replace(/\s+/g, " ").trim()));

  await page.goto(`/units/${PROVINCE}`);
  await expect(rows).toHaveCount(RESULTS_PAGE);
  await expect(nav).toBeVisible();
  const count = Number(/Trang 1 \/ (\d+)/.exec((await nav.innerText()).replace(/\s+/g, " "))?.[1]);
  expect(count).toBeGreaterThanOrEqual(Math.ceil(resultCount / RESULTS_PAGE));
  const first = await texts();

  await nav.getByRole("link", { name: "Trang sau" }).click();
  await page.waitForURL((u) => u.pathname === `/units/${PROVINCE}` && u.searchParams.get("page") === "2");
  await expect(nav).toContainText(`Trang 2 / ${count}`);
  await expect(rows.first()).toBeVisible();
  const second = await texts();
  expect(second.length).toBeGreaterThan(0);
  expect(second.length).toBeLessThanOrEqual(RESULTS_PAGE);
  expect(second.filter((t) => first.includes(t)), "page 2 shows other rows than page 1").toEqual([]);

  await page.goto(`/units/${PROVINCE}?page=${count}`);
  await expect(nav).toContainText(`Trang ${count} / ${count}`);
  const last = await texts();

  // A page that is no number, or far past the end: 200, and the first or the last page.
  for (const q of ["abc", "999999", "-3", "2.5"]) {
    const res = await page.goto(`/units/${PROVINCE}?page=${q}`);
    expect(res?.status(), `?page=${q}`).toBe(200);
    await expect(nav).toContainText(new RegExp(`Trang (1|${count}) / ${count}`));
    const shown = await texts();
    expect([first, last], `?page=${q} shows the first or the last page`).toContainEqual(shown);
  }
});
