// Editing a target names the version it was opened on (lib/data/plans-write.ts saveTarget): the
// same open form saves again and again (after each save the page hands it the new version), and a
// second page opened on a version someone else has since replaced is refused, saying so, with
// nothing saved.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./auth";
import { newSocTrangDraft } from "./support";

const editForm = (page: Page) => page.locator("li[data-target-id] details.target-edit form");

async function openEdit(page: Page) {
  await page.locator("li[data-target-id] details.target-edit summary").click();
  await expect(editForm(page).locator("textarea[name=statement]")).toBeVisible();
}

async function saveStatement(page: Page, statement: string) {
  await editForm(page).locator("textarea[name=statement]").fill(statement);
  await editForm(page).locator("button[type=submit]").click();
}

test("an open target form saves twice in a row; a page opened on a replaced version is refused", async ({ page, context }) => {
  await signIn(page, "socTrang");
  await newSocTrangDraft(page, "Kế hoạch kiểm thử phiên bản chỉ tiêu", 2024);

  await page.selectOption("#new-target-kind", "COUNT");
  await page.selectOption("#new-target-indicatorCode", "jobs");
  await page.fill("#new-target-lower", "1.200");
  await page.fill("#new-target-statement", "Giải quyết việc làm cho 1.200 lao động");
  await page.locator("section[aria-labelledby=add-target] button[type=submit]").click();
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Giải quyết việc làm cho 1.200 lao động");

  await openEdit(page);
  await saveStatement(page, "Bản sửa thứ nhất");
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Bản sửa thứ nhất");
  // The same form, not reloaded, saves again: it was handed the new version.
  await saveStatement(page, "Bản sửa thứ hai");
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Bản sửa thứ hai");
  await expect(editForm(page).locator(".form-error")).toHaveCount(0);

  // A second page opened now (version 3), then the first page saves again (version 4).
  const other = await context.newPage();
  await other.goto(page.url());
  await openEdit(other);
  await saveStatement(page, "Bản sửa thứ ba");
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Bản sửa thứ ba");

  await saveStatement(other, "Bản sửa từ trang cũ");
  await expect(editForm(other).locator(".form-error")).toHaveText(
    "Chỉ tiêu đã được người khác thay đổi sau khi bạn mở trang (hiện là phiên bản 4, bạn đang sửa phiên bản 3). Hãy tải lại trang rồi sửa lại; thay đổi của bạn chưa được lưu.",
  );
  // What the second page typed is kept, and nothing of it was saved.
  await expect(editForm(other).locator("textarea[name=statement]")).toHaveValue("Bản sửa từ trang cũ");
  await page.reload();
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Bản sửa thứ ba");
});
