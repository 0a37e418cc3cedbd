// The API reference of the open-data page is the OpenAPI document, every operation and parameter of it.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";
import { apiReference, codeSpans } from "./openapi-reference";

describe("the API reference for people", () => {
  const ops = apiReference();

  it("has every path and method of the document, in its order", () => {
    const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
    const expected = Object.entries(paths).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expected);
    expect(new Set(ops.map((o) => o.anchor)).size).toBe(ops.length);
  });

  it("gives each parameter where it goes, its type, values, default and description", () => {
    const units = ops.find((o) => o.path === "/api/v1/units" && o.method === "GET")!;
    const pageSize = units.parameters.find((p) => p.name === "pageSize")!;
    expect(pageSize).toMatchObject({ in: "query", required: false, type: "integer", default: "50", limits: "1–200" });
    const validOn = units.parameters.find((p) => p.name === "validOn")!;
    expect(validOn.type).toBe("string (date)");
    const plan = ops.find((o) => o.path === "/api/v1/plans/{id}")!;
    expect(plan.parameters[0]).toMatchObject({ name: "id", in: "path", required: true, example: "plan-58-kh-ubnd-2023" });
    const progress = ops.find((o) => o.path === "/api/v1/progress")!;
    expect(progress.parameters.find((p) => p.name === "format")!.values).toEqual(["json", "csv", "xlsx"]);
    expect(progress.responses.map((r) => r.status)).toEqual(["200", "400"]);
    expect(progress.responses[0]!.types).toContain("text/csv");
  });

  it("says which operations need a token, and has a description for every public parameter", () => {
    expect(ops.filter((o) => o.secured).map((o) => `${o.method} ${o.path}`)).toEqual(["POST /api/v1/results"]);
    const missing = ops.flatMap((o) => o.parameters.filter((p) => !p.description).map((p) => `${o.path} ${p.name}`));
    expect(missing).toEqual([]);
  });

  it("splits `code` out of descriptions", () => {
    expect(codeSpans("JSON answers one page; `format=csv` gives every unit.")).toEqual([
      { code: false, text: "JSON answers one page; " },
      { code: true, text: "format=csv" },
      { code: false, text: " gives every unit." },
    ]);
  });
});
