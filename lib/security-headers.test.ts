import { describe, expect, it } from "vitest";
import { clientScheme, contentSecurityPolicy, HSTS_VALUE, newNonce, securityHeaders } from "./security-headers";

const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0]!, d.split(" ").slice(1).join(" ")]));

describe("the Content-Security-Policy", () => {
  it("lets only this render's scripts run, frames nothing, and upgrades requests only over HTTPS", () => {
    const d = directives(contentSecurityPolicy("n0nce+/=", { https: false }));
    expect(d.get("script-src")).toBe("'self' 'nonce-n0nce+/=' 'strict-dynamic'");
    expect(d.get("default-src")).toBe("'self'");
    expect(d.get("style-src")).toBe("'self' 'unsafe-inline'");
    expect(d.get("frame-ancestors")).toBe("'none'");
    expect(d.get("object-src")).toBe("'none'");
    expect(d.get("form-action")).toBe("'self'");
    expect(d.has("upgrade-insecure-requests")).toBe(false);
    expect(contentSecurityPolicy("x", { https: true })).toMatch(/; upgrade-insecure-requests$/);
    // No eval but under `next dev`.
    expect(contentSecurityPolicy("x", { https: false })).not.toContain("unsafe-eval");
    expect(directives(contentSecurityPolicy("x", { https: false, dev: true })).get("script-src")).toBe("'self' 'nonce-x' 'strict-dynamic' 'unsafe-eval'");
  });

  it("draws a new 128-bit nonce each time", () => {
    const nonces = Array.from({ length: 50 }, newNonce);
    expect(new Set(nonces).size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("the other security headers", () => {
  it("nosniff, a referrer policy and no framing always; HSTS over HTTPS only", () => {
    expect(securityHeaders({ https: false })).toEqual({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });
    expect(securityHeaders({ https: true })).toEqual({ ...securityHeaders({ https: false }), "strict-transport-security": HSTS_VALUE });
  });
});

describe("how the client reached the portal", () => {
  it.each([
    // No trusted proxy: X-Forwarded-Proto is the client's word, never believed.
    ["https", 0, "http"],
    [undefined, 0, "http"],
    // One proxy that sets the header; one that appends to a value the client sent.
    ["https", 1, "https"],
    ["HTTPS", 1, "https"],
    ["http", 1, "http"],
    ["https, http", 1, "http"],
    ["http, https", 1, "https"],
    [["http", "https"], 1, "https"],
    [undefined, 1, "http"],
    ["", 1, "http"],
    // Two proxies, each appending what it saw: the outermost one's entry.
    ["https, http", 2, "https"],
    ["http, https, http", 2, "https"],
    ["https", 2, "https"],
    ["javascript:", 1, "http"],
  ] as const)("X-Forwarded-Proto %j behind %i trusted proxies → %s", (proto, trusted, scheme) => {
    expect(clientScheme(proto as string | string[] | undefined, trusted)).toBe(scheme);
  });

  it("a TLS socket is HTTPS whatever the header says", () => {
    expect(clientScheme("http", 0, true)).toBe("https");
  });
});
