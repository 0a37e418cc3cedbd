// Plan authoring in a real browser: a provincial officer drafts a plan, is told
// precisely what is wrong without losing what was typed, adds a target with a
// live Vietnamese preview, publishes it (confirming the question), and the public sees it. Other roles
// cannot author or read the whole audit log. Units are chosen with the searching
// unit picker (components/forms/unit-picker.tsx), by keyboard and by mouse, within
// the officer's jurisdiction; an administrator creates commune staff with it.
import { expect, test, type Page } from "@playwright/test";
import { picker } from "./support";

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.fill("#email", email);
  await page.fill("#password", "GiamNgheo@2025");
  await page.locator("form.card button[type=submit]").click();
  await page.waitForURL("**/workspace");
}

test("a provincial officer drafts, validates, previews and publishes a plan", async ({ page }) => {
  await signIn(page, "soctrang@demo.gov.vn");
  await page.getByRole("link", { name: "+ Soạn kế hoạch mới" }).click();
  const code = `${Math.floor(Math.random() * 9000 + 1000)}/KH-UBND`;
  await page.fill("#plan-code", code);
  await page.fill("#plan-issuer", "UBND tỉnh Sóc Trăng");
  // The issuing unit, by keyboard: the officer's own unit is offered first.
  const issuer = picker(page, "plan-issuerUnitCode", "issuerUnitCode");
  await expect(issuer.box).toHaveAttribute("role", "combobox");
  await issuer.box.fill("soc trang");
  const first = page.getByRole("listbox").getByRole("option").first();
  await expect(first).toContainText("Tỉnh Sóc Trăng");
  await expect(first).toContainText("(đơn vị của bạn)");
  await expect(first).toContainText("(đến 30/06/2025)");
  await expect(issuer.box).toHaveAttribute("aria-expanded", "true");
  await issuer.box.press("ArrowDown");
  await expect(issuer.box).toHaveAttribute("aria-activedescendant", (await first.getAttribute("id"))!);
  await issuer.box.press("Enter");
  await expect(issuer.box).toHaveAttribute("aria-expanded", "false");
  await expect(issuer.box).toHaveValue("Tỉnh Sóc Trăng");
  await expect(issuer.posted).toHaveValue("94");
  await page.fill("#plan-issuedOn", "31/02/2024");
  await page.fill("#plan-title", "Kế hoạch kiểm thử trình duyệt năm 2024");
  await page.fill("#plan-periodStart", "2024");
  await page.fill("#plan-periodEnd", "2024");
  await page.locator("form.authoring-form button[type=submit]").click();
  // The impossible date is named, and nothing typed is lost.
  await expect(page.getByText("Ngày “31/02/2024” không tồn tại.")).toBeVisible();
  await expect(page.locator("#plan-code")).toHaveValue(code);
  await expect(issuer.posted).toHaveValue("94");
  await expect(issuer.box).toHaveValue("Tỉnh Sóc Trăng");

  await page.fill("#plan-issuedOn", "15/01/2024");
  await page.locator("form.authoring-form button[type=submit]").click();
  await page.waitForURL("**/edit?created=1");
  await expect(page.getByText("Đã tạo bản nháp.")).toBeVisible();

  await page.selectOption("#new-target-kind", "DECREASE_BY");
  await page.selectOption("#new-target-indicatorCode", "poor-rate");
  await page.fill("#new-target-lower", "2");
  await page.fill("#new-target-upper", "2,5");
  await expect(page.locator(".preview-text").last()).toHaveText("Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %");
  await page.fill("#new-target-upper", "1,5");
  await expect(page.locator(".preview").last()).toContainText("Cần sửa");
  await page.fill("#new-target-upper", "2,5");
  await page.fill("#new-target-statement", "Giảm tỷ lệ hộ nghèo từ 2 – 2,5%");
  // The target's unit, by mouse: a district of the province (the plan's unit is the default).
  const unit = picker(page, "new-target-unitCode", "unitCode");
  await expect(unit.box).toHaveValue("Tỉnh Sóc Trăng");
  await unit.box.fill("chau thanh");
  await page.getByRole("option", { name: /^Huyện Châu Thành/ }).click();
  await expect(unit.box).toHaveValue("Huyện Châu Thành");
  await expect(unit.posted).toHaveValue("942");
  // The live preview still follows the form.
  await expect(page.locator(".preview-text").last()).toHaveText("Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %");
  await page.locator("section[aria-labelledby=add-target] button[type=submit]").click();
  await expect(page.locator("li[data-target-id] strong")).toHaveText(["Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %"]);
  await expect(page.locator("li[data-target-id] .muted")).toContainText("Huyện Châu Thành");

  // Drafts are not public.
  const planPath = new URL(page.url()).pathname.replace("/workspace", "").replace("/edit", "");
  const draft = await page.request.get(planPath);
  expect(draft.status()).toBe(404);

  // Publishing asks first, saying how many targets go public.
  await page.getByRole("button", { name: "Công bố kế hoạch" }).click();
  const confirm = page.getByRole("dialog", { name: "Công bố kế hoạch?" });
  await expect(confirm).toContainText(`Công bố kế hoạch ${code} và 1 chỉ tiêu? Công chúng sẽ thấy ngay`);
  await confirm.getByRole("button", { name: "Công bố", exact: true }).click();
  await page.waitForURL("**done=published");
  await expect(page.getByText("Đã công bố kế hoạch và các chỉ tiêu.")).toBeVisible();
  await expect(page.locator("#plan-title")).toBeDisabled();

  await page.goto(`/plans?q=${encodeURIComponent(code)}`);
  await expect(page.getByText("Tìm thấy 1 văn bản")).toBeVisible();
  await page.getByRole("link", { name: "Kế hoạch kiểm thử trình duyệt năm 2024" }).click();
  await expect(page.getByText("Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %")).toBeVisible();

  // Reopening needs a reason and takes the plan off the public side again
  // (which also leaves the public data as seeded for the tests that follow).
  await page.goto(`/workspace${planPath}/edit`);
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await expect(page.getByText("Nêu lý do mở lại (ít nhất 5 ký tự)")).toBeVisible();
  await page.fill("#reopen-reason", "Kiểm thử: sửa lại chỉ tiêu");
  await page.getByRole("button", { name: "Mở lại để sửa" }).click();
  await page.waitForURL("**done=reopened");
  await expect(page.locator("#plan-title")).toBeEnabled();
  expect((await page.request.get(planPath)).status()).toBe(404);
});

test("the unit picker searches only the officer's jurisdiction, says when nothing is found, and closes with Escape", async ({ page }) => {
  await signIn(page, "soctrang@demo.gov.vn");
  await page.goto("/workspace/plans/new");
  const issuer = picker(page, "plan-issuerUnitCode", "issuerUnitCode");
  // Tuyên Quang lies outside Sóc Trăng and Cần Thơ.
  await issuer.box.fill("tuyen quang");
  await expect(page.getByText("Không tìm thấy đơn vị nào")).toBeVisible();
  await expect(issuer.box).toHaveAttribute("aria-expanded", "false");
  await expect(issuer.posted).toHaveValue("");
  // Today's Cần Thơ, the unit Sóc Trăng went into, is the officer's too, with its communes.
  await issuer.box.fill("ninh kieu");
  await expect(page.getByRole("option", { name: /^Phường Ninh Kiều/ })).toBeVisible();
  await expect(page.getByText(/Số đơn vị tìm thấy: \d+/)).toBeVisible();
  await issuer.box.press("Escape");
  await expect(issuer.box).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("listbox").getByRole("option")).toHaveCount(0);
  // Arrow keys open it again and move through the units; a unit that is not chosen is said so on leaving.
  await issuer.box.press("ArrowDown");
  await expect(issuer.box).toHaveAttribute("aria-expanded", "true");
  await issuer.box.press("Tab");
  await expect(page.getByText("Chưa chọn đơn vị: hãy chọn một đơn vị trong danh sách.")).toBeVisible();
});

test("an administrator creates commune staff with the unit picker; a unit that has ended is refused", async ({ page }) => {
  await signIn(page, "admin@demo.gov.vn");
  await page.goto("/workspace/admin/users");
  const form = page.locator("main form").first();
  const email = `xa-phu-linh-${Date.now()}@demo.gov.vn`;
  await page.fill("#new-email", email);
  await page.fill("#new-name", "Cán bộ xã Phú Linh");
  await page.selectOption("#new-role", "DISTRICT_STAFF");
  await expect(form.getByText("một huyện hoặc một xã/phường; đề xuất kết quả cho huyện, xã của mình")).toBeVisible();
  const unit = picker(page, "new-unit", "unitCode");
  await unit.box.fill("phu linh");
  const option = page.getByRole("option", { name: /^Xã Phú Linh.*Tỉnh Tuyên Quang · mã 00706/ });
  await expect(option).toBeVisible();
  await option.click();
  await expect(unit.posted).toHaveValue("00706");
  await form.locator("button[type=submit]").click();
  await expect(page.getByText(`Đã tạo tài khoản ${email}.`)).toBeVisible();
  await expect(page.locator("li.card", { hasText: email })).toContainText("Xã Phú Linh (00706)");

  // A new account needs a unit that exists: a key typed by hand for Sóc Trăng (ended) is refused, naming its successor.
  await page.fill("#new-email", `soc-trang-${Date.now()}@demo.gov.vn`);
  await page.fill("#new-name", "Cán bộ thử");
  await page.selectOption("#new-role", "PROVINCIAL_OFFICER");
  await unit.box.fill("94");
  await unit.box.press("Escape");
  await form.locator("button[type=submit]").click();
  await expect(form.locator("p.form-error")).toContainText("Tỉnh Sóc Trăng (mã 94) đã kết thúc ngày 30/06/2025; tài khoản mới cần một đơn vị đang tồn tại: hãy chọn đơn vị kế tục, Thành phố Cần Thơ (mã 92)");
  // What was typed is kept, and the unit is named.
  await expect(unit.box).toHaveValue("Tỉnh Sóc Trăng");
  await expect(unit.box).toHaveAttribute("aria-invalid", "true");
});

test("district staff cannot author plans and only administrators read the audit log", async ({ page }) => {
  await signIn(page, "chauthanh@demo.gov.vn");
  await expect(page.getByRole("link", { name: "+ Soạn kế hoạch mới" })).toHaveCount(0);
  await page.goto("/workspace/plans/new");
  await expect(page.getByText("Bạn không có quyền soạn kế hoạch này.")).toBeVisible();
  await page.goto("/workspace/plans/plan-58-kh-ubnd-2023/edit");
  await expect(page.locator("main [role=alert]")).toContainText("Bạn không có quyền soạn kế hoạch này.");
  await page.goto("/workspace/admin/audit");
  await expect(page.getByText("Chỉ quản trị viên xem được toàn bộ nhật ký.")).toBeVisible();
});

test("an administrator searches the audit log and finds sign-ins", async ({ page }) => {
  await signIn(page, "admin@demo.gov.vn");
  await page.goto("/workspace/admin/audit?entity=session&q=admin%40demo.gov.vn");
  const first = page.locator("[data-audit-entry]").first();
  await expect(first).toHaveAttribute("data-action", "sign_in.ok");
  await expect(first).toContainText("Quản trị viên (demo) đã đăng nhập");
  await expect(first).toContainText("admin@demo.gov.vn");
});
