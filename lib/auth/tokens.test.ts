import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bearerToken, generateToken, hashToken, looksLikeToken } from "./tokens";

describe("personal access tokens (pure part)", () => {
  it("generates gnp_ + 43 base64url characters, a SHA-256 hex hash and an 8-character prefix", () => {
    const a = generateToken();
    const b = generateToken();
    expect(a.token).toMatch(/^gnp_[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.tokenHash).toBe(createHash("sha256").update(a.token).digest("hex"));
    expect(hashToken(a.token)).toBe(a.tokenHash);
    expect(a.prefix).toBe(a.token.slice(0, 8));
    expect(looksLikeToken(a.token)).toBe(true);
  });

  it("reads only well-formed Bearer headers", () => {
    const { token } = generateToken();
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token} `)).toBe(token);
    for (const h of [null, undefined, "", "Bearer", `Basic ${token}`, `Bearer ${token} extra`, "Bearer gnp_short", `Bearer ${token}=`]) {
      expect(bearerToken(h)).toBeNull();
    }
  });
});
