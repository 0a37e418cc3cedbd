import { describe, expect, it, vi } from "vitest";
import { withApiErrors } from "./http";

describe("withApiErrors", () => {
  it("answers an unexpected failure (e.g. the database away) with 503 JSON and when to try again, never a stack trace", async () => {
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await withApiErrors(async () => {
      throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
    })();
    quiet.mockRestore();
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("unavailable");
    expect(body.error.message).not.toContain("ECONNREFUSED");
  });
});
