// The tokens page (security issue #13, finding 7): a token is created with a chosen lifetime and
// scope, the list shows each token's scope and expiry (dd/mm/yyyy HH:mm, Vietnam time), and an
// expired token is marked as such, with nothing left to revoke.
import { expect, test } from "@playwright/test";
import { signIn } from "./auth";
import { withPortalDb } from "./support";

const NAME = "Script e2e thời hạn";

test.afterAll(async () => {
  await withPortalDb(async (client) => {
    const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "api_token" WHERE "name" = $1`, [NAME]);
    const ids = rows.map((r) => r.id);
    await client.query(`DELETE FROM "audit_log" WHERE "entity" = 'api_token' AND "entityId" = ANY($1::text[])`, [ids]);
    await client.query(`DELETE FROM "api_token" WHERE "id" = ANY($1::text[])`, [ids]);
  });
});

test("a token with a lifetime and a scope; the list shows both, and marks it once expired", async ({ page }) => {
  await signIn(page, "socTrang", "/workspace/tokens");
  // 90 days and "write" unless chosen.
  await expect(page.getByLabel("Thời hạn")).toHaveValue("90");
  await expect(page.getByRole("radio", { name: "Chỉ lưu bản nháp (write)" })).toBeChecked();

  await page.fill("#token-name", NAME);
  await page.getByLabel("Thời hạn").selectOption("7");
  await page.getByRole("radio", { name: "Lưu và công bố (publish)" }).check();
  await page.getByRole("button", { name: "Tạo token" }).click();
  await expect(page.getByText(/^Đã tạo token\. .*Phạm vi: Lưu và công bố \(publish\)\. Hết hạn lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\.$/)).toBeVisible();

  const row = page.locator("tbody tr", { hasText: NAME });
  await expect(row).toHaveAttribute("data-token-state", "active");
  await expect(row.locator('td[data-label="Phạm vi"]')).toHaveText("Lưu và công bố (publish)");
  const expires = (await row.locator('td[data-label="Hết hạn"]').innerText()).trim();
  expect(expires).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const created = (await row.locator('td[data-label="Tạo lúc"]').innerText()).trim();
  // Seven days after its creation, to the minute (both in Vietnam's time).
  const asDate = (s: string) => {
    const [d, mo, y, h, mi] = s.split(/[/ :]/).map(Number) as [number, number, number, number, number];
    return Date.UTC(y, mo - 1, d, h, mi);
  };
  expect(asDate(expires) - asDate(created)).toBe(7 * 86_400_000);
  await expect(row.getByRole("button", { name: /^Thu hồi token/ })).toBeVisible();

  // Once its expiry has passed: marked expired, struck out, nothing to revoke.
  await withPortalDb((client) => client.query(`UPDATE "api_token" SET "expiresAt" = now() - interval '1 minute' WHERE "name" = $1`, [NAME]));
  await page.reload();
  await expect(row).toHaveAttribute("data-token-state", "expired");
  await expect(row.locator('td[data-label="Trạng thái"]')).toHaveText("Đã hết hạn");
  await expect(row.getByRole("button", { name: /^Thu hồi token/ })).toHaveCount(0);
});
