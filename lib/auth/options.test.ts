// next-auth's callbacks as configured: the session's absolute lifetime and the redirect rule.
import { afterEach, describe, expect, it, vi } from "vitest";
import { authOptions, SessionExpiredError } from "./options";

const HOUR = 60 * 60 * 1000;
type TJwtArgs = Parameters<NonNullable<NonNullable<typeof authOptions.callbacks>["jwt"]>>[0];
const jwt = (args: Partial<TJwtArgs>) => authOptions.callbacks!.jwt!({ token: {}, ...args } as TJwtArgs);
const redirect = (url: string) => authOptions.callbacks!.redirect!({ url, baseUrl: "https://portal.example" });

describe("the session token", () => {
  afterEach(() => vi.useRealTimers());

  it("records when its holder signed in, and keeps that through every refresh", async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 1, 0) });
    const token = await jwt({ user: { id: "user-admin", email: "admin@demo.gov.vn", name: "A" } as TJwtArgs["user"] });
    expect(token).toMatchObject({ uid: "user-admin", signedInAt: Date.UTC(2025, 5, 2, 1, 0) });
    vi.advanceTimersByTime(7 * HOUR);
    expect(await jwt({ token: { ...token } })).toMatchObject({ uid: "user-admin", signedInAt: Date.UTC(2025, 5, 2, 1, 0) });
  });

  it("is refused 8 hours after sign-in, however often it was refreshed (polling)", async () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 5, 2, 1, 0) });
    let token = await jwt({ user: { id: "user-admin", email: "admin@demo.gov.vn", name: "A" } as TJwtArgs["user"] });
    for (let i = 0; i < 15; i++) {
      vi.advanceTimersByTime(30 * 60 * 1000);
      token = await jwt({ token: { ...token } });
    }
    vi.advanceTimersByTime(30 * 60 * 1000); // 8 hours since sign-in
    await expect(jwt({ token: { ...token } })).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it("is refused without a sign-in time", async () => {
    await expect(jwt({ token: { uid: "user-admin" } })).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(jwt({ token: { uid: "user-admin", signedInAt: "yesterday" } })).rejects.toBeInstanceOf(SessionExpiredError);
  });
});

describe("next-auth's redirects", () => {
  it("stay on this site", async () => {
    expect(await redirect("/workspace/account")).toBe("https://portal.example/workspace/account");
    expect(await redirect("https://portal.example/plans?x=1")).toBe("https://portal.example/plans?x=1");
    for (const url of ["/\\evil.example", "/%09/evil.example", "//evil.example", "https://evil.example/", "https://portal.example.evil.example/x", "javascript:alert(1)"]) {
      expect(await redirect(url), url).toBe("https://portal.example/");
    }
  });
});
