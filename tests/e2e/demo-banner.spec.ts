// The README's `npm start` is the local demo: every page says so, public and signed in, in both
// languages (SECURITY.md, "The demo").
import { expect, test } from "@playwright/test";
import { signIn } from "./auth";

const VI = "Bản trình diễn: các tài khoản demo có mật khẩu công khai";

test("every page of the demo says it is a demo, signed out and signed in", async ({ page }) => {
  for (const path of ["/", "/plans", "/compare", "/sign-in", "/khong-co-trang-nay"]) {
    await page.goto(path);
    await expect(page.getByRole("note").filter({ hasText: VI }), path).toBeVisible();
  }
  await signIn(page, "socTrang");
  await expect(page.getByRole("note").filter({ hasText: VI })).toBeVisible();
  await page.goto("/workspace/tokens");
  await expect(page.getByRole("note").filter({ hasText: VI })).toBeVisible();
});
