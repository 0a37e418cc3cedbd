import { describe, expect, it } from "vitest";
import { clearSignInFailures, rateLimitKeys, recordSignInFailure, signInBlockedMinutes } from "./rate-limit";

describe("sign-in rate limit", () => {
  it("blocks an account after 5 failures within 15 minutes, and lets it in again later", () => {
    const keys = rateLimitKeys("a@x.vn", "10.0.0.1");
    const t0 = 1_000_000;
    for (let i = 0; i < 4; i++) recordSignInFailure(keys, t0 + i);
    expect(signInBlockedMinutes(keys, t0 + 10)).toBe(0);
    recordSignInFailure(keys, t0 + 5);
    expect(signInBlockedMinutes(keys, t0 + 10)).toBe(15);
    expect(signInBlockedMinutes(rateLimitKeys("other@x.vn", "10.0.0.1"), t0 + 10)).toBe(15); // same address
    expect(signInBlockedMinutes(rateLimitKeys("a@x.vn", "10.0.0.2"), t0 + 10)).toBe(15); // same account
    expect(signInBlockedMinutes(keys, t0 + 15 * 60 * 1000 + 10)).toBe(0);
    clearSignInFailures(keys);
  });
});
