// "Dán văn bản" in plan authoring (components/authoring/paste-targets.tsx): a provincial officer
// pastes the text of 58/KH-UBND into a new draft plan, reads it in the browser, and finds its six
// targets proposed in the text's order, each beside its sentence in a filled-in target form. They
// change one figure before saving, save a parent and then its "trong đó" part (whose parent is
// preset once the parent is saved), skip one, and the plan then holds exactly what was saved.
// A text without targets says so; sentences it cannot read are listed with their reason; the
// section passes axe's WCAG 2.1 A/AA checks.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./auth";
import { newSocTrangDraft } from "./support";

const FIXTURE = readFileSync(new URL("../../lib/domain/plan-text/fixtures/58-kh-ubnd-chau-thanh-2023.txt", import.meta.url), "utf8");


async function readText(page: Page, text: string) {
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Dán văn bản", level: 2 }) });
  await section.getByLabel("Nội dung văn bản kế hoạch").fill(text);
  await section.getByRole("button", { name: "Đọc văn bản" }).click();
  return section;
}

test("an officer reads 58/KH-UBND into proposals, edits one, saves a parent and its part, skips one", async ({ page }) => {
  await signIn(page, "socTrang");
  await newSocTrangDraft(page, "Kế hoạch kiểm thử dán văn bản 58/KH-UBND", 2023);
  await expect(page.locator("li[data-target-id]")).toHaveCount(0);

  const section = await readText(page, FIXTURE);
  await expect(section.getByRole("status").filter({ hasText: "Đã đọc văn bản" })).toHaveText(/Đã đọc văn bản: 6 chỉ tiêu đề xuất/);
  await expect(section.getByRole("heading", { name: "Chỉ tiêu đề xuất (6)" })).toBeVisible();
  const cards = section.locator("li[data-proposal]");
  await expect(cards).toHaveCount(6);
  // In the text's order, each with the sentence it came from.
  const sentences = [
    "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%",
    "trong đó giảm tỷ lệ hộ nghèo người dân tộc Khmer đạt từ 3 – 3,5 %",
    "Giải quyết việc làm cho 2.400 lao động",
    "trong đó xuất khẩu lao động 25 người",
    "Đào tạo nghề cho lao động nông thôn (kể cả tư nhân) cho 350 lao động",
    "tỷ lệ lao động qua đào tạo có bằng cắp, chứng chỉ đạt từ 37 %",
  ];
  for (const [i, s] of sentences.entries()) {
    await expect(cards.nth(i).getByRole("heading", { name: `Đề xuất ${i + 1}` })).toBeVisible();
    await expect(cards.nth(i).locator("blockquote").first()).toContainText(s);
  }
  // Filled in from the text: kinds, figures in Vietnamese format, indicators, groups, the plan's period and unit.
  const field = (i: number, name: string) => cards.nth(i).locator(`[name=${name}]`);
  await expect(field(0, "kind")).toHaveValue("DECREASE_BY");
  await expect(field(0, "indicatorCode")).toHaveValue("poor-rate");
  await expect(field(0, "lower")).toHaveValue("2");
  await expect(field(0, "upper")).toHaveValue("2,5");
  await expect(field(1, "groupCode")).toHaveValue("khmer");
  await expect(field(1, "upper")).toHaveValue("3,5");
  await expect(field(2, "kind")).toHaveValue("COUNT");
  await expect(field(2, "lower")).toHaveValue("2.400");
  await expect(field(4, "groupCode")).toHaveValue("rural-workers");
  await expect(field(5, "kind")).toHaveValue("REACH_AT_LEAST");
  await expect(field(5, "lower")).toHaveValue("37");
  for (let i = 0; i < 6; i++) {
    await expect(field(i, "periodStart")).toHaveValue("2023");
    await expect(field(i, "unitCode")).toHaveValue("94");
  }
  // A "trong đó" part names its parent and asks for it to be saved first.
  await expect(cards.nth(1)).toContainText("Là phần “trong đó” của đề xuất 1");
  await expect(cards.nth(1)).toContainText("Hãy lưu chỉ tiêu cha (đề xuất 1) trước");
  await expect(field(1, "parentId")).toHaveValue("");

  // The parent first.
  await cards.nth(0).getByRole("button", { name: "Lưu chỉ tiêu này" }).click();
  await expect(cards.nth(0).getByRole("heading", { name: /Đề xuất 1\s+Đã lưu/ })).toBeVisible();
  await expect(cards.nth(0).getByRole("button", { name: "Lưu chỉ tiêu này" })).toHaveCount(0);
  await expect(page.locator("li[data-target-id]")).toHaveCount(1);
  const parentId = (await page.locator("li[data-target-id]").first().getAttribute("data-target-id"))!;
  // Its part now has that parent preset.
  await expect(cards.nth(1)).toContainText("Đã chọn sẵn chỉ tiêu cha vừa lưu (đề xuất 1)");
  await expect(field(1, "parentId")).toHaveValue(parentId);
  await cards.nth(1).getByRole("button", { name: "Lưu chỉ tiêu này" }).click();
  await expect(cards.nth(1).getByRole("heading", { name: /Đề xuất 2\s+Đã lưu/ })).toBeVisible();
  await expect(page.locator("li[data-target-id]")).toHaveCount(2);

  // The jobs count, corrected before saving.
  await field(2, "lower").fill("2.500");
  await expect(cards.nth(2).locator(".preview-text")).toContainText("2.500");
  await cards.nth(2).getByRole("button", { name: "Lưu chỉ tiêu này" }).click();
  await expect(cards.nth(2).getByRole("heading", { name: /Đề xuất 3\s+Đã lưu/ })).toBeVisible();
  await expect(page.locator("li[data-target-id]")).toHaveCount(3);

  // Skipping hides a card; its part no longer waits for it.
  await cards.nth(3).getByRole("button", { name: "Bỏ qua" }).click();
  await expect(section.locator("li[data-proposal]")).toHaveCount(5);
  await expect(section.locator('li[data-proposal="3"]')).toHaveCount(0);

  // Exactly what was saved, the part under its parent, the edited figure kept; nothing else.
  const check = async () => {
    const saved = page.locator("li[data-target-id]");
    await expect(saved).toHaveCount(3);
    await expect(saved.nth(0)).toHaveAttribute("data-target-id", parentId);
    await expect(saved.nth(0).locator("strong")).toHaveText("Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %");
    await expect(saved.nth(0).locator(".sub-mark")).toHaveCount(0);
    await expect(saved.nth(1).locator(".sub-mark")).toHaveText("↳ Trong đó");
    await expect(saved.nth(1).locator("strong")).toContainText("Khmer");
    await expect(saved.nth(1).locator("select[name=parentId]")).toHaveValue(parentId);
    await expect(saved.nth(2).locator("strong")).toContainText("2.500");
    await expect(saved.nth(2).locator("strong")).not.toContainText("2.400");
    await expect(saved.nth(2).locator(".sub-mark")).toHaveCount(0);
    await expect(saved.nth(2).locator(".muted")).toContainText("Giải quyết việc làm cho 2.400 lao động");
  };
  await check();
  await page.reload();
  await check();
});

test("a text without targets says so; sentences not understood are listed with their reason", async ({ page }) => {
  await signIn(page, "socTrang");
  await newSocTrangDraft(page, "Kế hoạch kiểm thử dán văn bản không có chỉ tiêu", 2023);
  const section = await readText(page, "Kính gửi các phòng, ban, ngành huyện và Ủy ban nhân dân các xã, thị trấn.");
  await expect(section.getByRole("heading", { name: "Chỉ tiêu đề xuất (0)" })).toBeVisible();
  await expect(section.locator("p.empty")).toHaveText(/Không tìm thấy chỉ tiêu nào trong văn bản này/);
  await expect(section.locator("li[data-proposal]")).toHaveCount(0);
  await expect(page.locator("li[data-target-id]")).toHaveCount(0);

  await readText(page, "Giải quyết việc làm cho 2.400.5 lao động.\nGiảm tỷ lệ hộ nghèo 1,5% so với cuối năm 2023.");
  await expect(section.getByRole("heading", { name: "Chỉ tiêu đề xuất (1)" })).toBeVisible();
  await expect(section.locator("li[data-proposal]")).toHaveCount(1);
  await expect(section.getByRole("heading", { name: "Chưa đọc được (1)" })).toBeVisible();
  const unread = section.locator("li[data-reason]");
  await expect(unread).toHaveCount(1);
  await expect(unread).toContainText("Giải quyết việc làm cho 2.400.5 lao động.");
  await expect(unread).toContainText("Con số không đọc được chắc chắn");

  const { violations } = await new AxeBuilder({ page }).include("main").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Past 64 KB nothing is read, and it says so.
  await readText(page, "Giảm tỷ lệ hộ nghèo 1,5%. ".repeat(3000));
  await expect(section.getByRole("alert")).toHaveText("Văn bản dài quá 64 KB nên chưa được đọc. Hãy dán từng phần, ví dụ phần mục tiêu.");
  await expect(section.locator("li[data-proposal]")).toHaveCount(0);
});
