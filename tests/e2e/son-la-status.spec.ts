// The public reads each target's status on Sơn La's plan 199/KH-UBND: first as seeded (no
// data anywhere), then after the Sơn La officer publishes four 2022 results, and again once
// the officer has reopened them (drafts are not public, so the seeded public data is back).
// Every status on the page is also checked against /api/v1/plans/{id}: both come from the
// one progress function.
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./auth";
import { removeResults } from "./support";

const PLAN = "plan-199-kh-ubnd-2022";
const SON_LA = "14";
const LABEL: Record<string, string> = {
  no_data: "Chưa có số liệu",
  on_track: "Đúng tiến độ",
  at_risk: "Có nguy cơ",
  off_track: "Chậm tiến độ",
  met: "Đạt",
  exceeded: "Vượt",
  missed: "Không đạt",
};
const TARGETS = [
  "target-199-poor-rate",
  "target-199-poor-rate-ethnic-minority",
  "target-199-poor-rate-poor-districts",
  "target-199-poverty-models",
  "target-199-job-connections",
  "target-199-job-connections-poor-share",
  "target-199-sustainable-job",
  "target-199-vocational-training",
  "target-199-labour-export",
];
/** Values entered for 2022, and the status each must give once 2022 is over (docs/domain.md rules). */
const ENTERED: Record<string, { value: string; status: string }> = {
  "target-199-poor-rate": { value: "18,5", status: "met" }, // "xuống còn 18,66%": 18,5 ≤ 18,66
  "target-199-job-connections": { value: "26.000", status: "met" }, // "khoảng 25.000": no upper bound, so met, not exceeded
  "target-199-vocational-training": { value: "3.000", status: "missed" }, // 3.000 of 4.000 and the year is over
  "target-199-labour-export": { value: "40", status: "met" }, // exactly 40
};

/** Each target row's status text on the public plan page. */
async function statusesOnPage(page: Page): Promise<Record<string, string>> {
  await page.goto(`/plans/${PLAN}`);
  const out: Record<string, string> = {};
  for (const id of TARGETS) out[id] = (await page.locator(`tr[data-target-id="${id}"] .status`).innerText()).trim();
  return out;
}

async function statusesInApi(page: Page): Promise<Record<string, string>> {
  const res = await page.request.get(`/api/v1/plans/${PLAN}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { targets: { id: string; progress: { status: string } }[] };
  return Object.fromEntries(body.targets.map((t) => [t.id, t.progress.status]));
}

const rowKey = (targetId: string) => `${targetId}|${SON_LA}|2022`;

test("the public reads each target's status on Sơn La's plan, before and after the officer publishes 2022 results", async ({ browser, baseURL, page }) => {
  // As seeded: nine targets, none with data.
  await expect.poll(async () => Object.keys(await statusesInApi(page)).sort()).toEqual([...TARGETS].sort());
  const seeded = await statusesOnPage(page);
  await page.goto("/");
  await expect(page.locator("section.behind [data-empty=behind]")).toHaveText("Không có chỉ tiêu nào không đạt, chậm tiến độ hay có nguy cơ.");
  expect(seeded).toEqual(Object.fromEntries(TARGETS.map((id) => [id, LABEL.no_data])));

  // The Sơn La officer enters four results, saves them and publishes them.
  const { context, page: officer } = await signedInPage(browser, baseURL!, "sonLa", `/workspace/plans/${PLAN}/results`);
  const form = officer.locator("#results-grid-form");
  const row = (id: string) => officer.locator(`tr[data-row-key="${rowKey(id)}"]`);
  for (const [id, { value }] of Object.entries(ENTERED)) await row(id).locator('input[name$=".value"]').fill(value);
  await form.getByRole("button", { name: "Lưu nháp", exact: true }).click();
  await expect(form.getByRole("status")).toContainText("Đã lưu 4 kết quả dưới dạng nháp.");
  for (const id of Object.keys(ENTERED)) await row(id).getByRole("checkbox").check();
  await form.getByRole("button", { name: "Duyệt và công bố", exact: true }).click();
  await expect(form.getByRole("status")).toContainText("Đã duyệt và công bố 4 kết quả.");

  // The public reads every status again: the four written ones as the rules say, the rest unchanged.
  const after = await statusesOnPage(page);
  const expected = Object.fromEntries(TARGETS.map((id) => [id, LABEL[ENTERED[id]?.status ?? "no_data"]]));
  expect(after).toEqual(expected);
  const api = await statusesInApi(page);
  expect(Object.fromEntries(TARGETS.map((id) => [id, LABEL[api[id]!]]))).toEqual(after);
  // The share target ("trên 50%" of the connected workers) has no figure of its own, so no data.
  expect(api["target-199-job-connections-poor-share"]).toBe("no_data");
  // The progress bar of a counted target says how far it got, in Vietnamese numbers.
  await expect(page.locator('tr[data-target-id="target-199-vocational-training"] [role=meter]')).toHaveAttribute("aria-valuetext", "75%");

  // The home page's overview counts them too.
  await page.goto("/");
  const overview = page.locator("table.status-summary");
  const count = (status: string) => overview.locator(`tbody tr:has(.status.${status}) td.num`);
  await expect(count("missed")).toHaveText("1");
  await expect(count("met")).toHaveText("3");
  // The share bar above the table says the same in words.
  await expect(page.locator(".status-bar[role=img]")).toHaveAttribute("aria-label", "Tỷ lệ chỉ tiêu theo trạng thái: 3 Đạt, 1 Không đạt, 14 Chưa có số liệu (tổng 18 chỉ tiêu)");

  // "Where are we behind": the missed training target heads the list and leads to its row on the plan.
  const behind = page.locator("section.behind li[data-target-id=target-199-vocational-training]");
  await expect(behind.locator(".status")).toHaveText(LABEL.missed!);
  await expect(behind).toContainText("Tỉnh Sơn La · 199/KH-UBND · 75%");
  await behind.getByRole("link").click();
  await page.waitForURL(/\/plans\/plan-199-kh-ubnd-2022#target-target-199-vocational-training$/);
  await expect(page.locator("tr:target")).toHaveAttribute("data-target-id", "target-199-vocational-training");

  // As of mid-2022, while the year ran: 3.000 of 4.000 trained is ahead of the 49,6% of the year
  // elapsed, so on track, not missed. The date is picked with the page's own form.
  await page.goto(`/plans/${PLAN}`);
  // Typed as day/month/year (no native date picker, which would show mm/dd/yyyy in some browsers).
  await expect(page.getByLabel("Tính tiến độ đến ngày")).toHaveAttribute("placeholder", "dd/mm/yyyy");
  await page.getByLabel("Tính tiến độ đến ngày").fill("30/06/2022");
  await page.getByRole("button", { name: "Xem", exact: true }).click();
  await page.waitForURL(/asOf=30%2F06%2F2022/);
  await expect(page.getByLabel("Tính tiến độ đến ngày")).toHaveValue("30/06/2022");
  await expect(page.getByText("Tiến độ tính đến ngày 30/06/2022.")).toBeVisible();
  await expect(page.locator('tr[data-target-id="target-199-vocational-training"] .status')).toHaveText(LABEL.on_track!);
  await expect(page.locator('tr[data-target-id="target-199-labour-export"] .status')).toHaveText(LABEL.met!);
  const api2022 = (await (await page.request.get(`/api/v1/plans/${PLAN}?asOf=2022-06-30`)).json()) as { targets: { id: string; progress: { status: string } }[] };
  expect(api2022.targets.find((t) => t.id === "target-199-vocational-training")!.progress.status).toBe("on_track");
  // A date that does not exist is said so, and today is shown instead.
  await page.goto(`/units/${SON_LA}?asOf=2022-02-30`);
  await expect(page.locator(".as-of [role=alert]")).toContainText("Ngày đã nhập không hợp lệ");
  await expect(page.locator("table.plan-status td[data-status=missed]")).toHaveText("1");

  // The officer reopens the four (a reason each): they are drafts again in the workspace, and the
  // public keeps the published figures, marked as being corrected, until new ones are published.
  for (const id of Object.keys(ENTERED)) {
    const reopen = row(id).locator("details");
    await reopen.locator("summary").click();
    await reopen.getByRole("textbox").fill("Đối chiếu lại với báo cáo năm (kiểm thử e2e)");
    await reopen.getByRole("button", { name: "Mở lại để sửa" }).click();
    await expect(row(id).locator("[data-status]")).toHaveText("Nháp");
  }
  expect(await statusesOnPage(page)).toEqual(expected);
  await expect(page.locator('tr[data-target-id="target-199-vocational-training"] .badge.adjusting')).toHaveText("đang điều chỉnh");
  await context.close();
  // Back to as seeded for the specs after this one.
  await removeResults(Object.keys(ENTERED).map((targetId) => ({ targetId, unitKey: SON_LA, year: 2022 })));
  expect(await statusesOnPage(page)).toEqual(seeded);
});
