import { describe, expect, it } from "vitest";
import { SESSION_MAX_AGE_S, sessionWithinLifetime } from "./session-age";

const HOUR = 60 * 60 * 1000;

describe("a session's absolute lifetime", () => {
  const signedInAt = Date.UTC(2025, 5, 2, 1, 0, 0);

  it("lasts 8 hours from sign-in, however often it was refreshed in between", () => {
    expect(SESSION_MAX_AGE_S).toBe(8 * 60 * 60);
    expect(sessionWithinLifetime(signedInAt, signedInAt)).toBe(true);
    expect(sessionWithinLifetime(signedInAt, signedInAt + 7 * HOUR + 59 * 60 * 1000)).toBe(true);
    expect(sessionWithinLifetime(signedInAt, signedInAt + 8 * HOUR)).toBe(false);
    expect(sessionWithinLifetime(signedInAt, signedInAt + 30 * 24 * HOUR)).toBe(false);
  });

  it("refuses a token without a usable sign-in time", () => {
    for (const v of [undefined, null, "1700000000000", Number.NaN, Number.POSITIVE_INFINITY, {}]) expect(sessionWithinLifetime(v, signedInAt), String(v)).toBe(false);
  });

  it("refuses a sign-in time in the future (beyond a minute of clock difference)", () => {
    expect(sessionWithinLifetime(signedInAt + 30 * 1000, signedInAt)).toBe(true);
    expect(sessionWithinLifetime(signedInAt + HOUR, signedInAt)).toBe(false);
  });
});
