import { describe, expect, it } from "vitest";
import type { TWriteError, TWriteWarning } from "../data/results-write";
import { numberErrorsForMeasure } from "../validation/results";
import { batchOf, selectChangedRows } from "./match";
import type { TImportRow } from "./read-file";
import { rowErrorsOf, rowWarningsOf } from "./report";
import { cell, makeGrid, parseOk, said, sheet, stored, xlsxFile } from "./test-fixtures";

describe("the import batch and report", () => {
  const row = (line: number, input: Record<string, unknown>, problems: TImportRow["problems"] = []): TImportRow => ({ line, input, problems });

  it("flags rows for targets outside the plan's grid, and keeps changed rows", () => {
    const grid = makeGrid();
    const out = selectChangedRows(
      [
        row(2, { targetId: "target-58-poor-rate", unitCode: "942", year: 2023, value: 4.52, baseline: 6.61, version: 3 }), // unchanged (note column absent)
        row(3, { targetId: "target-58-poor-rate", unitCode: "942", year: 2023, value: 4.52, baseline: "", version: 3 }), // baseline cleared
        row(4, { targetId: "target-199-labour-export", unitCode: "14", year: 2022, value: 40 }),
        row(5, { targetId: "target-58-jobs", unitCode: "942", year: 2023, value: "2.40" }), // invalid: left for the write path
      ],
      grid,
    );
    expect(out.unchanged).toBe(1);
    expect(out.rows.map((r) => r.line)).toEqual([3, 4, 5]);
    expect(said(out.rows[1]!.problems)).toEqual([{ field: "targetId", message: expect.stringContaining("không thuộc kế hoạch này") }]);
    expect(batchOf(out.rows)).toEqual([out.rows[0]!.input, null, out.rows[2]!.input]);
  });

  it("never counts “18,000” for a count as unchanged (the write path refuses it); a rate reads it the Vietnamese way", () => {
    const grid = makeGrid();
    grid.cells[3] = cell("target-58-vocational-training", stored(18));
    const out = selectChangedRows(
      [
        row(2, { targetId: "target-58-vocational-training", unitCode: "942", year: 2023, value: "18,000", version: 1 }), // stored 18: ambiguous, kept
        row(3, { targetId: "target-58-poor-rate", unitCode: "942", year: 2023, value: "4,520", baseline: "6,61", version: 3 }), // a rate: 4.52, unchanged
        row(4, { targetId: "target-58-labour-export", unitCode: "942", year: 2023, value: "1,500" }), // new, ambiguous: kept
      ],
      grid,
    );
    expect(out.unchanged).toBe(1);
    expect(out.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(out.rows.every((r) => r.problems.length === 0)).toBe(true); // the write path says why, with both readings
  });

  it("keeps XLSX numbers as numbers (never ambiguous) and text cells as text for the measure-aware parser", async () => {
    const bytes = await sheet(["targetId", "unitCode", "year", "value"], [
      ["target-58-jobs", "942", 2023, 18000],
      ["target-58-labour-export", "942", 2023, "18,000"],
    ]);
    const parsed = await parseOk(xlsxFile(bytes));
    const count = { measure: "COUNT", measureUnit: "người" } as const;
    expect(parsed.rows.map((r) => r.input.value)).toEqual([18000, "18,000"]);
    expect(numberErrorsForMeasure(parsed.rows[0]!.input, count)).toEqual([]);
    expect(numberErrorsForMeasure(parsed.rows[1]!.input, count)).toEqual([
      { field: "value", code: "invalid_number", message: expect.stringMatching(/theo cách viết Việt Nam là 18 \(mười tám\).*18\.000.* \/ .*eighteen thousand/) },
    ]);
    expect(numberErrorsForMeasure(parsed.rows[1]!.input, { measure: "RATE", measureUnit: "%" })).toEqual([]);
  });

  it("maps the write path's warnings to file rows", () => {
    const rows = [row(3, { a: 1 }), row(8, { b: 1 })];
    const where = { targetId: "target-58-jobs", year: 2023, unitCode: "942", unitName: "Huyện Châu Thành", unitNameEn: "Chau Thanh District" };
    const warnings: TWriteWarning[] = [
      { row: 1, field: "baseline", code: "baseline_differs_from_previous_year", params: { ...where, baseline: 5, previousYear: 2022, previousValue: 6 } },
      { row: 0, field: "value", code: "exceeds_parent_unit", params: { ...where, value: 3000, parentUnitCode: "94", parentUnitName: "Tỉnh Sóc Trăng", parentUnitNameEn: "Soc Trang Province", parentValue: 2400 } },
    ];
    expect(rowWarningsOf(rows, warnings)).toEqual([
      { line: 3, field: "value", code: "exceeds_parent_unit", params: warnings[1]!.params },
      { line: 8, field: "baseline", code: "baseline_differs_from_previous_year", params: warnings[0]!.params },
    ]);
  });

  it("maps the write path's errors to file rows, own problems first for their row", () => {
    const rows = [row(3, { a: 1 }), row(7, {}, [{ field: "value", code: "cell_date" }]), row(9, { b: 1 })];
    const errors: TWriteError[] = [
      { row: 2, field: "value", code: "invalid_number", params: { text: "2.40" } },
      { row: 1, code: "invalid" },
      { row: 0, field: "unitCode", code: "forbidden", params: { unitName: "Tỉnh Sơn La" } },
    ];
    expect(rowErrorsOf(rows, errors)).toEqual([
      { line: 3, field: "unitCode", code: "forbidden", params: { unitName: "Tỉnh Sơn La" } },
      { line: 7, field: "value", code: "cell_date" },
      { line: 9, field: "value", code: "invalid_number", params: { text: "2.40" } },
    ]);
  });
});
