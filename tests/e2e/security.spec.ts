// The web's edges (proxy.ts, lib/security-headers.ts, scripts/serve.ts): every answer carries the
// security headers, a page's scripts carry the nonce its Content-Security-Policy names (a cached
// answer too: the policy is kept with the body), the browser blocks nothing on any page and every
// page's scripts run; an address that is not valid percent-encoding is a 400 (JSON under /api),
// never a 500; a page a signed-in account may not see answers 403, and a missing one still 404.
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { signedInPage } from "./auth";

const PLAN_58 = "plan-58-kh-ubnd-2023";

const nonceOf = (res: APIResponse) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];

/** The headers every answer carries (HSTS only over HTTPS: never on this plain-HTTP test server). */
function expectSecurityHeaders(res: APIResponse, what: string) {
  const h = res.headers();
  expect(h["x-content-type-options"], what).toBe("nosniff");
  expect(h["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"], what).toBe("DENY");
  expect(h["strict-transport-security"], what).toBeUndefined();
}

/** A page's policy: only its own nonce's scripts, no framing; and every <script> of it carries that nonce. */
async function expectNoncedPage(res: APIResponse, what: string): Promise<string> {
  expectSecurityHeaders(res, what);
  const policy = res.headers()["content-security-policy"] ?? "";
  expect(policy, what).toContain("frame-ancestors 'none'");
  expect(policy, what).toContain("'strict-dynamic'");
  expect(policy, what).not.toContain("'unsafe-inline' 'strict-dynamic'");
  const nonce = nonceOf(res);
  expect(nonce, what).toBeTruthy();
  const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length, what).toBeGreaterThan(0);
  for (const s of scripts) expect(s, what).toContain(` nonce="${nonce}"`);
  return nonce!;
}

test("security headers on a page, a cached page, an API answer, a refused address and a static file", async ({ request }) => {
  // A cacheable public page, at an address no other spec asks for: rendered once, then served from memory.
  const address = `/plans?security-spec=${Date.now()}`;
  const first = await request.get(address);
  expect(first.status()).toBe(200);
  expect(first.headers()["x-portal-cache"]).toBeUndefined();
  const nonce = await expectNoncedPage(first, "rendered");
  const again = await request.get(address);
  expect(again.headers()["x-portal-cache"]).toBe("hit");
  // The kept body and the kept policy go together: the same nonce in both.
  expect(await expectNoncedPage(again, "cached")).toBe(nonce);
  expect(await again.text()).toBe(await first.text());
  // Another render draws another nonce.
  expect(nonceOf(await request.get(`${address}-2`))).not.toBe(nonce);

  const api = await request.get("/api/v1/plans");
  expect(api.status()).toBe(200);
  expectSecurityHeaders(api, "API");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  const refused = await request.get("/plans/%ZZ");
  expect(refused.status()).toBe(400);
  expectSecurityHeaders(refused, "400");

  const script = /<script\b[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"/.exec(await first.text())?.[1];
  expect(script).toBeTruthy();
  const file = await request.get(script!);
  expect(file.status()).toBe(200);
  expectSecurityHeaders(file, "static file");
});

test("HSTS is never sent because a client claims HTTPS: only the portal's server says how it was reached", async ({ request }) => {
  // No proxy is trusted here (PORTAL_TRUSTED_PROXIES=0): X-Forwarded-Proto is the client's word,
  // and the header the portal's server sets for the app is replaced whatever the client sent.
  for (const headers of [{ "x-forwarded-proto": "https" }, { "x-portal-client-scheme": "https" }] as Record<string, string>[]) {
    const res = await request.get("/open-data", { headers });
    expect(res.headers()["strict-transport-security"], JSON.stringify(headers)).toBeUndefined();
    expect(res.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  }
});

test("addresses that are not valid percent-encoding are a 400 (JSON under /api), never a 500", async ({ request }) => {
  for (const path of ["/plans/%ZZ", "/units/%ZZ", "/units/%E0%A4%A", "/plans/%", "/%ZZ", "/workspace/%ZZ", "/plans/%C0%80"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(res.headers()["content-type"], path).toBe("text/plain; charset=utf-8");
    expect(await res.text(), path).toBe("Yêu cầu không hợp lệ. / Bad request.");
  }
  for (const path of ["/api/v1/plans/%ZZ", "/api/v1/units/%E0%A4%A", "/api/v1/%", "/api/auth/%ZZ"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.json(), path).toEqual({ error: { code: "bad_request", message: "Địa chỉ có mã hóa phần trăm không hợp lệ. / The address has invalid percent-encoding." } });
  }
  // Not a GET, or a React Server Component request: the same.
  expect((await request.post("/plans/%ZZ", { data: "x" })).status()).toBe(400);
  expect((await request.get("/units/%ZZ", { headers: { rsc: "1" } })).status()).toBe(400);
  // A malformed query string is read leniently ("%ZZ" stays as typed): the page or the API answers it, with its own message where the value is wrong.
  for (const path of ["/compare?indicator=%ZZ", "/plans?q=%ZZ", "/units?q=%E0%A4%A&level=%", `/plans/${PLAN_58}?asOf=%ZZ`, "/units/94?asOf=%E0%A4%A", "/compare?%"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toMatch(/^text\/html/);
  }
  for (const [path, status] of [["/api/v1/plans?q=%ZZ", 200], ["/api/v1/units?q=%E0%A4%A", 200], ["/api/v1/compare?indicator=%ZZ", 400], ["/api/v1/progress?unit=%ZZ", 400], [`/api/v1/plans/${PLAN_58}?asOf=%ZZ`, 400]] as const) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(status);
    expect(res.headers()["content-type"], path).toMatch(/^application\/json/);
  }
});

test("the addresses Next.js answers itself (its root error page, its internal names) are a 404 with the portal's page, never a 500", async ({ request }) => {
  for (const path of ["/_global-error", "/_global-error?x=1", "/_not-found", "/_error", "/_document", "/_app", "/500"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(404);
    const html = await res.text();
    expect(html, path).toContain('<html lang="vi"');
    expect(html, path).not.toContain("This page couldn");
    expect(res.headers()["content-security-policy"], path).toMatch(/nonce-/);
  }
});

test("methods the portal does not take are a 405 with Allow (TRACE was a 500), and the API's own methods still reach it", async ({ request }) => {
  for (const [method, path, allow] of [
    ["TRACE", "/", "GET, HEAD, POST"],
    ["PROPFIND", "/plans", "GET, HEAD, POST"],
    ["PUT", "/plans", "GET, HEAD, POST"],
    ["DELETE", "/units/79", "GET, HEAD, POST"],
    ["TRACE", "/api/v1/plans", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
    ["MKCOL", "/api/v1/plans", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"],
  ] as const) {
    const res = await request.fetch(path, { method, maxRedirects: 0 });
    expect(res.status(), `${method} ${path}`).toBe(405);
    expect(res.headers()["allow"], `${method} ${path}`).toBe(allow);
    expect(res.headers()["x-content-type-options"], `${method} ${path}`).toBe("nosniff");
    if (path.startsWith("/api/")) expect((await res.json()).error.code).toBe("method_not_allowed");
    else expect(await res.text()).toContain(`Phương thức ${method} không dùng được`);
  }
  // The API's routes answer their own: PATCH on the plan list is theirs to refuse (JSON 405), OPTIONS is answered.
  const patch = await request.fetch("/api/v1/plans", { method: "PATCH" });
  expect(patch.status()).toBe(405);
  expect((await request.fetch("/api/v1/plans", { method: "OPTIONS" })).status()).toBeLessThan(300);
  expect((await request.head("/plans")).status()).toBe(200);
});

test("a page a signed-in account may not see answers 403 with its message; a missing one still 404", async ({ browser, baseURL }) => {
  const cases = [
    ["sonLa", `/workspace/plans/${PLAN_58}/results`, 403, "Bạn không có quyền nhập kết quả cho kế hoạch này"],
    ["chauThanh", "/workspace/inbox", 403, "Bạn không duyệt kết quả"],
    ["chauThanh", "/workspace/plans/new", 403, "Không có quyền truy cập (403)"],
    ["socTrang", "/workspace/admin/units", 403, "Không có quyền truy cập (403)"],
    ["socTrang", "/workspace/admin/audit", 403, "Không có quyền truy cập (403)"],
    ["socTrang", "/workspace/admin/users", 403, "Không có quyền truy cập (403)"],
    ["sonLa", "/workspace/plans/khong-co-ke-hoach-nay/results", 404, "Không tìm thấy kế hoạch"],
    ["sonLa", "/khong-co-trang-nay", 404, "Không tìm thấy trang"],
  ] as const;
  for (const account of ["sonLa", "chauThanh", "socTrang"] as const) {
    const { context, page } = await signedInPage(browser, baseURL!, account, "/workspace");
    for (const [who, path, status, heading] of cases) {
      if (who !== account) continue;
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(status);
      await expect(page.getByRole("heading", { level: 1 }), path).toHaveText(heading);
      if (status === 403) await expect(page.locator("[data-http-status='403']"), path).toBeVisible();
    }
    await context.close();
  }
});

/** Collects what the browser reports about the Content-Security-Policy (violation events and console messages). */
function watchPolicy(page: Page): string[] {
  const seen: string[] = [];
  // Injected by the browser's devtools protocol, so the page's own policy does not apply to it.
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on("console", (m) => {
    if (/Content[- ]Security[- ]Policy/i.test(m.text())) seen.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => seen.push(`${page.url()}: ${e.message}`));
  return seen;
}

/** The page's scripts ran: React has taken over (hydrated) the server's HTML, down to the header's links. */
async function expectScriptsRan(page: Page, what: string) {
  await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("header a") ?? {}).some((k) => k.startsWith("__react"))), { message: what }).toBe(true);
}

test("no page breaks the policy, and every page's scripts run", async ({ page, browser, baseURL }) => {
  const violations = watchPolicy(page);
  for (const path of ["/", "/plans", `/plans/${PLAN_58}`, "/units", "/compare", "/open-data", "/sign-in", "/plans/khong-co-van-ban-nay"]) {
    await page.goto(path);
    await expectScriptsRan(page, path);
  }
  // A unit's charts are drawn (Chart.js, in the browser).
  await page.goto("/units/96");
  await expectScriptsRan(page, "/units/96");
  await expect(page.locator("section[aria-labelledby=dashboard] canvas[role=img]").first()).toBeVisible();
  // The language switch (a server action) and a client-side navigation.
  await page.goto("/plans");
  await expectScriptsRan(page, "/plans");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Localities", exact: true }).click();
  await expect(page).toHaveURL(/\/units$/);
  await page.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  expect(violations).toEqual([]);

  // Signed in (through the sign-in form): the workspace, a result grid, a 403 page.
  const officer = await signedInPage(browser, baseURL!, "socTrang", "/workspace");
  const seen = watchPolicy(officer.page);
  await officer.page.reload();
  await expectScriptsRan(officer.page, "/workspace");
  await officer.page.goto(`/workspace/plans/${PLAN_58}/results`);
  await expectScriptsRan(officer.page, "grid");
  await expect(officer.page.locator("#results-grid-form")).toBeVisible();
  await officer.page.goto("/workspace/admin/units");
  await expectScriptsRan(officer.page, "403");
  expect(seen).toEqual([]);
  await officer.context.close();
});
