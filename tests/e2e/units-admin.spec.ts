// The administrator keeps the unit registry current (/workspace/admin/units): creates a commune
// under Tuyên Quang (08), renames it and finds it on its public page; then loads a units file and a
// successors file, sees what they will change, and confirms. A provincial officer is refused.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./auth";

/** WCAG 2.1 A/AA (axe-core), as tests/e2e/a11y.spec.ts checks the other pages. */
async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const report = violations.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(" ")}: ${n.html}`).join("\n")}`).join("\n");
  expect(violations.map((v) => v.id), report).toEqual([]);
}

const PAGE = "/workspace/admin/units";

test("the administrator creates and renames a commune, then loads the shared files after a preview", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "admin", PAGE);
  await expect(page.getByRole("heading", { level: 1, name: "Quản lý danh mục đơn vị hành chính" })).toBeVisible();

  // Create.
  const create = page.getByRole("form", { name: "Tạo đơn vị" });
  await create.getByLabel("Mã đơn vị").fill("99501");
  await create.getByLabel("Tên đầy đủ").fill("Xã Thử Nghiệm E2E");
  await create.getByLabel("Cấp", { exact: true }).selectOption("COMMUNE");
  await create.getByLabel("Khóa đơn vị cấp trên").fill("08");
  await create.getByLabel("Có hiệu lực từ ngày").fill("2026-01-01");
  await create.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(create.getByRole("status")).toHaveText("Đã tạo Xã Thử Nghiệm E2E (khóa 99501).");
  await create.getByRole("link", { name: "Xem đơn vị vừa tạo" }).click();
  await page.waitForURL((u) => u.searchParams.get("key") === "99501");
  const detail = page.locator("section[data-unit='99501']");
  await expect(detail.getByRole("heading", { level: 2 })).toContainText("Xã Thử Nghiệm E2E");
  await expect(detail).toContainText("Tỉnh Tuyên Quang (08)");
  await expectNoViolations(page);

  // A second unit with the same code is refused, saying why; nothing is created.
  await create.getByLabel("Mã đơn vị").fill("99501");
  await create.getByLabel("Tên đầy đủ").fill("Xã Trùng Mã");
  await create.getByLabel("Cấp", { exact: true }).selectOption("COMMUNE");
  await create.getByLabel("Khóa đơn vị cấp trên").fill("08");
  await create.getByRole("button", { name: "Tạo đơn vị" }).click();
  await expect(create.getByRole("status")).toContainText("Mã 99501 đang thuộc về Xã Thử Nghiệm E2E (99501)");

  // Rename.
  const rename = detail.getByRole("form", { name: "Đổi tên" });
  await rename.getByLabel("Tên đầy đủ").fill("Xã Đổi Tên E2E");
  await rename.getByRole("button", { name: "Lưu tên mới" }).click();
  await expect(rename.getByRole("status")).toHaveText("Đã đổi tên thành “Xã Đổi Tên E2E”.");

  // Its public page, with its new name and its province.
  await page.goto("/units/99501");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Đổi Tên E2E");
  await expect(page.locator("nav.breadcrumbs")).toContainText("Tuyên Quang");

  // Load the shared files: a new commune, into which the renamed one goes wholly on 1/1/2027.
  await page.goto(PAGE);
  const load = page.getByRole("form", { name: "Nạp danh sách dùng chung (CSV)" });
  await load.getByLabel("Tệp danh sách đơn vị (.csv)").setInputFiles({ name: "units.csv", mimeType: "text/csv", buffer: Buffer.from("code,name,level,parent_code\n99502,Xã Nhập E2E,COMMUNE,08\n") });
  await load
    .getByLabel("Tệp đơn vị kế thừa (.csv, không bắt buộc)")
    .setInputFiles({ name: "successors.csv", mimeType: "text/csv", buffer: Buffer.from("level,old_code,old_name,new_code,new_name,share\nCOMMUNE,99501,Xã Đổi Tên E2E,99502,Xã Nhập E2E,full\n") });
  await load.getByLabel("Ngày hiệu lực").fill("2027-01-01");
  await load.getByRole("button", { name: "Xem trước" }).click();
  const preview = load.locator("[data-preview]");
  await expect(preview).toBeVisible();
  await expect(preview.locator("[data-count=created]")).toHaveText("1");
  await expect(preview.locator("[data-count=ended]")).toHaveText("1");
  await expect(preview.locator("[data-count=successions]")).toHaveText("1");
  await expect(preview).toContainText("Xã Đổi Tên E2E (99501) kết thúc sau ngày 31/12/2026, sáp nhập toàn bộ vào Xã Nhập E2E (99502)");
  await expectNoViolations(page);
  // Nothing is written before the confirmation.
  expect((await page.request.get("/api/v1/units/99502")).status()).toBe(404);
  await preview.getByRole("button", { name: "Xác nhận nhập" }).click();
  await expect(load.getByRole("status")).toContainText("Đã nạp danh sách.");

  await page.goto("/units/99502");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Xã Nhập E2E");
  const old = await (await page.request.get("/api/v1/units/99501")).json();
  expect(JSON.stringify(old)).toContain("2026-12-31");
  await context.close();
});

test("a provincial officer may not manage the registry", async ({ browser, baseURL }) => {
  const { context, page } = await signedInPage(browser, baseURL!, "socTrang", PAGE);
  await expect(page.locator("[data-http-status='403']")).toBeVisible();
  await expect(page.getByRole("form", { name: "Tạo đơn vị" })).toHaveCount(0);
  await context.close();
});
