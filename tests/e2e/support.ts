// Shared helpers for the end-to-end specs (not a spec itself).
import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type pg from "pg";

export const PLAN_IDS = [
  "plan-58-kh-ubnd-2023",
  "plan-1845-ubnd-vx-2018",
  "plan-199-kh-ubnd-2022",
  "plan-bac-lieu-2024",
  "plan-soc-trang-phong-trao-2021-2025",
] as const;

export const SOC_TRANG_PLAN_IDS = ["plan-58-kh-ubnd-2023", "plan-1845-ubnd-vx-2018", "plan-soc-trang-phong-trao-2021-2025"];

/** The ids of the plans listed on the page (from the title links of the plan cards), sorted. */
export async function listedPlanIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator("ul.plan-list > li h3 a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((h) => h.replace(/^\/plans\//, "")).sort();
}

/** The "Tìm thấy N văn bản" line. */
export async function expectFound(page: Page, n: number) {
  await expect(page.getByText(`Tìm thấy ${n} văn bản`, { exact: true })).toBeVisible();
}

/** Chooses English the way the server action does (the cookie "lang"), without clicking. */
export async function useEnglish(context: BrowserContext, baseURL: string) {
  await context.addCookies([{ name: "lang", value: "en", url: baseURL }]);
}

/** Submits the search form on /plans. */
export async function search(page: Page, q: string) {
  await page.locator("input#q").fill(q);
  await page.getByRole("button", { name: "Tìm kiếm", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/plans" && u.searchParams.get("q") === q);
  await page.waitForLoadState("domcontentloaded");
}

/**
 * Removes the results a spec wrote for these cells (and their audit rows), straight in the
 * portal's database, so the public data is as seeded for the specs after it. The portal has
 * no way to delete a result on purpose (a reopened figure even stays public until corrected),
 * so a spec that publishes cleans up here. The database is the one playwright.config.ts starts.
 */
export async function removeResults(cells: { targetId: string; unitKey: string; year: number }[]): Promise<void> {
  await withPortalDb(async (client) => {
    for (const c of cells) {
      const ids = (
        await client.query<{ id: string }>(
          `SELECT r."id" FROM "result" r JOIN "admin_unit" u ON u."id" = r."unitId" WHERE r."targetId" = $1 AND u."key" = $2 AND r."year" = $3`,
          [c.targetId, c.unitKey, c.year],
        )
      ).rows.map((r) => r.id);
      if (ids.length === 0) continue;
      await client.query(`DELETE FROM "audit_log" WHERE "entity" = 'result' AND "entityId" = ANY($1::text[])`, [ids]);
      await client.query(`DELETE FROM "result" WHERE "id" = ANY($1::text[])`, [ids]);
    }
  });
}

/** Runs fn with a pg client on the portal's embedded database (the one playwright.config.ts starts), then closes it. */
export async function withPortalDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const { readFileSync } = await import("node:fs");
  const { Client } = (await import("pg")).default;
  const port = Number(process.env.E2E_PORT ?? 3217);
  const { url } = JSON.parse(readFileSync(`.data-e2e-${port}/embedded.lock`, "utf8")) as { url: string };
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A unit picker (components/forms/unit-picker.tsx): its text box, and the hidden input that posts the chosen key. */
export function picker(page: Page, id: string, name: string): { box: Locator; posted: Locator } {
  const box = page.locator(`#${id}`);
  return { box, posted: box.locator(`xpath=following-sibling::input[@type="hidden"][@name="${name}"]`) };
}

/** Types into a unit picker, chooses the option, and checks the key it posts. */
export async function choose(page: Page, p: { box: Locator; posted: Locator }, typed: string, option: RegExp, key: string) {
  await p.box.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
  await expect(p.posted).toHaveValue(key);
}

/** A new draft plan of Sóc Trăng (signed in as its officer) for `year`; leaves the page on the plan's edit page. */
export async function newSocTrangDraft(page: Page, title: string, year: number): Promise<void> {
  await page.goto("/workspace/plans/new");
  const issuer = picker(page, "plan-issuerUnitCode", "issuerUnitCode");
  await issuer.box.fill("soc trang");
  await expect(page.getByRole("listbox").getByRole("option").first()).toContainText("Tỉnh Sóc Trăng");
  await issuer.box.press("ArrowDown");
  await issuer.box.press("Enter");
  await expect(issuer.posted).toHaveValue("94");
  await page.fill("#plan-issuer", "UBND tỉnh Sóc Trăng");
  await page.fill("#plan-title", title);
  await page.fill("#plan-periodStart", String(year));
  await page.fill("#plan-periodEnd", String(year));
  await page.locator("form.authoring-form button[type=submit]").click();
  await page.waitForURL("**/edit?created=1");
}
