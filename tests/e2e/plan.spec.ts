// A visitor opens documents from the list and reads their facts, targets, citations and results.
import { expect, test } from "@playwright/test";
import { expectFound } from "./support";

test("open 58/KH-UBND from the list: facts, targets with 'Trong đó', Vietnamese numbers, no-data status", async ({ page }) => {
  await page.goto("/plans");
  await expectFound(page, 5);
  const card = page.locator("ul.plan-list > li").filter({ hasText: "58/KH-UBND" });
  await card.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plans\/plan-58-kh-ubnd-2023$/);

  await expect(page.getByRole("heading", { level: 1 })).toContainText("Giảm nghèo bền vững và giải quyết việc làm huyện Châu Thành");
  for (const h of ["Thông tin văn bản", "Chỉ tiêu", "Căn cứ", "Nhiệm vụ và cơ quan thực hiện"]) {
    await expect(page.getByRole("heading", { level: 2, name: h, exact: true })).toBeVisible();
  }

  // Document facts: number as issued, date dd/mm/yyyy, issuer, locality.
  const facts = page.locator("section[aria-labelledby=facts] dl");
  const fact = (label: string) => facts.locator(`dt:text-is("${label}") + dd`);
  await expect(fact("Số, ký hiệu")).toHaveText("58/KH-UBND");
  await expect(fact("Ngày ban hành")).toHaveText("21/03/2023");
  await expect(fact("Cơ quan ban hành")).toHaveText("UBND huyện Châu Thành");
  await expect(fact("Địa phương")).toHaveText("Huyện Châu Thành");
  await expect(fact("Thời kỳ")).toHaveText("2023");

  // Targets: six rows; the Khmer sub-target sits right under the poor-household target, marked "Trong đó".
  const rows = page.locator("tr[data-target-id]");
  await expect(rows).toHaveCount(6);
  const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-target-id")));
  const parentAt = ids.indexOf("target-58-poor-rate");
  expect(parentAt).toBeGreaterThanOrEqual(0);
  expect(ids[parentAt + 1]).toBe("target-58-poor-rate-khmer");
  const parent = page.locator('tr[data-target-id="target-58-poor-rate"]');
  const khmer = page.locator('tr[data-target-id="target-58-poor-rate-khmer"]');
  await expect(parent).not.toContainText("Trong đó");
  await expect(khmer).toContainText("Trong đó");
  await expect(khmer).toContainText("Khmer");
  await expect(khmer).toContainText("3,5");
  // The labour-export target is "trong đó" of the jobs target.
  await expect(page.locator('tr[data-target-id="target-58-labour-export"]')).toContainText("Trong đó");
  await expect(page.locator('tr[data-target-id="target-58-jobs"]')).not.toContainText("Trong đó");

  // Vietnamese number formats: thousands with ".", decimals with ",".
  await expect(parent.locator("td").first()).toContainText("2,5");
  await expect(parent.locator("td").first()).not.toContainText("2.5");
  await expect(page.locator('tr[data-target-id="target-58-jobs"] td').first()).toContainText("2.400");
  await expect(page.locator('tr[data-target-id="target-58-jobs"] td').first()).not.toContainText("2,400");

  // No result reported for any of them: "Chưa có số liệu" on every row.
  for (let i = 0; i < 6; i++) await expect(rows.nth(i).locator(".status")).toHaveText("Chưa có số liệu");

  // Tasks are listed with who carries them out.
  await expect(page.locator("section[aria-labelledby=tasks] ol > li")).toHaveCount(6);
  // The source cites no documents.
  await expect(page.locator("section[aria-labelledby=citations]")).toContainText("Nguồn không nêu văn bản căn cứ.");
});

test("open 1845/UBND-VX and see its three citations", async ({ page }) => {
  await page.goto("/plans");
  await page.locator("ul.plan-list > li").filter({ hasText: "1845/UBND-VX" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plans\/plan-1845-ubnd-vx-2018$/);
  await expect(page.locator("section[aria-labelledby=facts] dl")).toContainText("27/09/2018");

  const citations = page.locator("section[aria-labelledby=citations] ul > li");
  await expect(citations).toHaveCount(3);
  await expect(citations.nth(0)).toContainText("11/NQ-HĐND");
  await expect(citations.nth(0)).toContainText("10/07/2018");
  await expect(citations.nth(1)).toContainText("03-NQ/TU");
  await expect(citations.nth(2)).toContainText("83/KH-UBND");
  // A Công văn with no quantitative target says so.
  await expect(page.locator("section[aria-labelledby=targets]")).toContainText("Văn bản này không đặt chỉ tiêu định lượng.");
});

test("the Bạc Liêu news report shows the reported 2023 results and says it has no number", async ({ page }) => {
  await page.goto("/plans");
  await page.locator("ul.plan-list > li").filter({ hasText: "Bạc Liêu: Hướng tới mục tiêu giảm nghèo bền vững" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/plans\/plan-bac-lieu-2024$/);

  const facts = page.locator("section[aria-labelledby=facts] dl");
  await expect(facts.locator('dt:text-is("Số, ký hiệu") + dd')).toHaveText("Không ghi số hiệu");
  await expect(facts.locator('dt:text-is("Ngày ban hành") + dd')).toHaveText("Nguồn không ghi ngày");

  const results = page.locator("section[aria-labelledby=results] table tbody tr");
  // Every figure the news report states, "3 lớp tập huấn" included (10).
  await expect(results).toHaveCount(10);
  const models = results.filter({ hasText: "Mô hình sinh kế triển khai trong năm" });
  await expect(models.locator("td").first()).toHaveText("2023");
  await expect(models.locator("td.num")).toHaveText("hơn 80 mô hình");
  await expect(results.filter({ hasText: "Lượt hộ tham gia hơn 80 mô hình sinh kế" }).locator("td.num")).toHaveText("hơn 1.000 lượt hộ");
  // Workers at the job fair ("người"), not participations in job sessions ("lượt người").
  await expect(results.filter({ hasText: "Ngày hội việc làm năm 2023" }).locator("td.num")).toHaveText("khoảng 700 người");
  await expect(results.filter({ hasText: "3 lớp tập huấn" }).first().locator("td.num")).toHaveText("3 lớp");
  // Households ("hộ"), in their population group, never mixed with the 1.000 participations.
  const fish = results.filter({ hasText: "Hộ nghèo tham gia mô hình nuôi cá kèo" });
  await expect(fish.locator("td.num")).toHaveText("30 hộ");
  await expect(fish).toContainText("Đối tượng: Hộ nghèo");
  // The source cited in words: no file name, the page's title and date.
  const source = facts.locator('dt:text-is("Nguồn") + dd');
  await expect(source).toContainText("“BẠC LIÊU: HƯỚNG TỚI MỤC TIÊU GIẢM NGHÈO BỀN VỮNG”");
  await expect(source).toContainText("12/04/2024");
  await expect(source).not.toContainText(".txt");

  // The 2024 target: 1% = 2.273 households.
  await expect(page.locator('tr[data-target-id="target-bac-lieu-2024-poor-rate"]')).toContainText("2.273");
});

test("an unknown plan shows the not-found page with status 404", async ({ page }) => {
  const res = await page.goto("/plans/does-not-exist");
  expect.soft(res?.status(), "HTTP status of the not-found page").toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page.getByText("Trang hoặc văn bản bạn tìm không tồn tại, hoặc chưa được công bố.")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Kế hoạch" }).click();
  await expect(page).toHaveURL(/\/plans$/);
});

test("an unknown unit shows the not-found page with status 404", async ({ page }) => {
  const res = await page.goto("/units/99999");
  expect.soft(res?.status(), "HTTP status of the not-found page").toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
});
