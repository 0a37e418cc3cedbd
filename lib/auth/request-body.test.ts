import { describe, expect, it } from "vitest";
import { AUTH_MAX_BODY_BYTES, readBodyCapped } from "./request-body";

/** A request whose body is a stream of `bytes` bytes (no Content-Length), counting how many were pulled. */
function streamed(bytes: number, headers: Record<string, string> = {}) {
  const seen = { pulled: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (seen.pulled >= bytes) return c.close();
      const n = Math.min(1024, bytes - seen.pulled);
      seen.pulled += n;
      c.enqueue(new Uint8Array(n).fill(0x61));
    },
  });
  return { req: new Request("http://x/api/auth/callback/credentials", { method: "POST", headers, body, duplex: "half" } as RequestInit), seen };
}

describe("a request body read with a cap", () => {
  it("returns a body within the cap whole", async () => {
    const { req } = streamed(AUTH_MAX_BODY_BYTES);
    expect((await readBodyCapped(req, AUTH_MAX_BODY_BYTES))?.byteLength).toBe(AUTH_MAX_BODY_BYTES);
    expect((await readBodyCapped(new Request("http://x/", { method: "POST" }), 10))?.byteLength).toBe(0);
  });

  it("stops reading a streamed body as soon as it passes the cap", async () => {
    const { req, seen } = streamed(50 * AUTH_MAX_BODY_BYTES);
    expect(await readBodyCapped(req, AUTH_MAX_BODY_BYTES)).toBeNull();
    expect(seen.pulled).toBeLessThan(AUTH_MAX_BODY_BYTES + 10 * 1024);
  });

  it("refuses a declared length over the cap without reading", async () => {
    const { req, seen } = streamed(AUTH_MAX_BODY_BYTES + 1, { "content-length": String(AUTH_MAX_BODY_BYTES + 1) });
    expect(await readBodyCapped(req, AUTH_MAX_BODY_BYTES)).toBeNull();
    expect(seen.pulled).toBeLessThanOrEqual(1024 * 2);
  });
});
