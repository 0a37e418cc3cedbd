import { describe, expect, it } from "vitest";
import { refusedMethod } from "./http-methods";

describe("refusedMethod", () => {
  it("lets pages be read and posted to, and nothing else", () => {
    for (const m of ["GET", "HEAD", "POST"]) expect(refusedMethod(m, "/plans?q=x"), m).toBeNull();
    for (const m of ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "get", "", undefined]) expect(refusedMethod(m, "/"), String(m)).toBe("GET, HEAD, POST");
  });
  it("lets the API's routes answer the methods routes can export; still not TRACE or WebDAV", () => {
    for (const m of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) expect(refusedMethod(m, "/api/v1/plans"), m).toBeNull();
    for (const m of ["TRACE", "PROPFIND", "MKCOL", "CONNECT"]) expect(refusedMethod(m, "/api/v1/plans"), m).toBe("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
    // "/api" alone and "/apiary" are pages' addresses, not the API's.
    expect(refusedMethod("PUT", "/api")).toBe("GET, HEAD, POST");
    expect(refusedMethod("PUT", "/apiary")).toBe("GET, HEAD, POST");
  });
});
