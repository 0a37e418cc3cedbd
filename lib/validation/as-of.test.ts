import { describe, expect, it } from "vitest";
import { parseParam, ZAsOf } from "./api";
import { readAsOf } from "./as-of";

const TODAY = "2026-11-23";

describe("readAsOf", () => {
  it.each([
    [undefined, TODAY, false],
    ["", TODAY, false],
    ["2023-12-31", "2023-12-31", false],
    [["2024-02-29", "2020-01-01"], "2024-02-29", false],
    ["1945-01-01", "1945-01-01", false],
    ["2100-12-31", "2100-12-31", false],
    ["2023-02-29", TODAY, true],
    ["2023-13-01", TODAY, true],
    ["31/12/2023", "2023-12-31", false],
    [" 1/7/2025 ", "2025-07-01", false],
    ["31/02/2023", TODAY, true],
    ["12/31/2023", TODAY, true],
    ["1900-01-01", TODAY, true],
    ["2101-01-01", TODAY, true],
    ["0001-01-01", TODAY, true],
    ["01/01/0001", TODAY, true],
    ["1944-12-31", TODAY, true],
    ["9999-12-31", TODAY, true],
    ["2023-12-31T00:00", TODAY, true],
    ["<script>", TODAY, true],
  ] as const)("%j → %s (invalid: %s)", (raw, asOf, invalid) => {
    expect(readAsOf(raw as string | string[] | undefined, TODAY)).toEqual({ asOf, invalid });
  });
});

describe("the API's asOf (ZAsOf): the same range, refused with a 400 that says it", () => {
  it.each(["1945-01-01", "2023-12-31", "2024-02-29", "2100-12-31"])("%s is accepted", (v) => {
    expect(parseParam(ZAsOf, "asOf", v)).toBe(v);
  });

  it.each(["0001-01-01", "1944-12-31", "2101-01-01", "9999-12-31", "2023-02-29", "31/12/2023", "2023-12-31T00:00"])("%s is refused", (v) => {
    expect(() => parseParam(ZAsOf, "asOf", v)).toThrow("asOf: asOf phải là một ngày có thật, dạng YYYY-MM-DD, từ 1945-01-01 đến 2100-12-31 / asOf must be a real date written YYYY-MM-DD, from 1945-01-01 to 2100-12-31");
  });
});
