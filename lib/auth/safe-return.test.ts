import { describe, expect, it } from "vitest";
import { isSafeReturnPath, MAX_RETURN_PATH, safeReturnPath } from "./safe-return";

// The check the sign-in page, its form and the language switch made before: it let every one of
// the first group through.
const oldCheck = (url: string) => url.startsWith("/") && !url.startsWith("//");

const ATTACKS = [
  "/\\evil.example",
  "/\\/evil.example",
  "/%09/evil.example",
  "/%5Cevil.example",
  "/%5c%5cevil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%0a/evil.example",
  "/%0D%0ALocation:%20https://evil.example",
  "/%00",
  "/\u0000/evil.example",
  "/workspace\\..\\evil",
  "/%E0%A4%A", // malformed escape
];

const NOT_PATHS = ["//evil", "//evil.example/workspace", "///evil", "https://evil", "http://evil.example/x", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", " /workspace", "workspace", "", "\\\\evil", "\\/evil"];

describe("safe return paths", () => {
  it("refuses every path a browser would read as another host, which the old check let through", () => {
    for (const url of ATTACKS) {
      expect(oldCheck(url), url).toBe(true);
      expect(isSafeReturnPath(url), JSON.stringify(url)).toBe(false);
      expect(safeReturnPath(url, "/workspace")).toBe("/workspace");
    }
  });

  it("refuses what is not a path of this site", () => {
    for (const url of NOT_PATHS) expect(isSafeReturnPath(url), JSON.stringify(url)).toBe(false);
    for (const v of [null, undefined, 42, {}, ["/workspace"]]) expect(isSafeReturnPath(v)).toBe(false);
    expect(isSafeReturnPath(`/${"a".repeat(MAX_RETURN_PATH)}`)).toBe(false);
  });

  it("keeps the paths the portal sends, with their query and fragment, exactly as given", () => {
    for (const url of [
      "/",
      "/workspace",
      "/workspace/account",
      "/workspace/plans/abc123/results?year=2024&unit=942",
      "/plans?q=gi%E1%BA%A3m%20ngh%C3%A8o#top",
      "/search?q=a%2Fb",
      "/units/942?tab=history",
      "/a//b",
    ]) {
      expect(isSafeReturnPath(url), url).toBe(true);
      expect(safeReturnPath(url, "/workspace")).toBe(url);
    }
  });
});
