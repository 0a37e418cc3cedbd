import { describe, expect, it } from "vitest";
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
    ["2023-12-31T00:00", TODAY, true],
    ["<script>", TODAY, true],
  ] as const)("%j → %s (invalid: %s)", (raw, asOf, invalid) => {
    expect(readAsOf(raw as string | string[] | undefined, TODAY)).toEqual({ asOf, invalid });
  });
});
