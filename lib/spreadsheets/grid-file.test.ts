import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv } from "../api/http";
import type { TGrid, TGridCell, TGridTarget, TWriteError, TWriteWarning } from "../data/results-write";
import { numberErrorsForMeasure, parseResultInput } from "../validation/results";
import {
  batchOf,
  buildGridWorkbook,
  CSV_COLUMNS,
  DATA_SHEET,
  GRID_COLUMNS,
  GUIDE_SHEET,
  gridCsvRows,
  gridFileName,
  gridSheetRows,
  headerKey,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  parseGridFile,
  rowErrorsOf,
  rowWarningsOf,
  selectChangedRows,
  zipUncompressedSize,
  type TImportRow,
} from "./grid-file";

// ---------------------------------------------------------------------------
// A small grid like 58/KH-UBND's for the Sóc Trăng officer
// ---------------------------------------------------------------------------

const target = (id: string, statement: string, extra: Partial<TGridTarget> = {}): TGridTarget => ({
  id,
  position: 1,
  parentId: null,
  kind: "COUNT",
  statement,
  group: { code: "all", name: "Toàn bộ (không phân nhóm)", nameEn: "Everyone (no sub-group)" },
  lower: null,
  upper: null,
  strict: false,
  approximate: false,
  baseline: null,
  equivalentValue: null,
  equivalentUnit: null,
  periodStart: 2023,
  periodEnd: 2023,
  annual: false,
  status: "PUBLISHED",
  unitId: "unit-942",
  indicator: { id: "ind-jobs", code: "jobs", name: "Lao động có việc làm", nameEn: "Jobs", measure: "COUNT", measureUnit: "người", measureUnitEn: "people" },
  valueKind: "count",
  years: [2023],
  ...extra,
});

const cell = (targetId: string, result: TGridCell["result"] = null): TGridCell => ({
  targetId,
  unitId: "unit-942",
  unitCode: "942",
  year: 2023,
  result,
  canEdit: result?.status !== "PUBLISHED",
  canPublish: true,
  canReopen: false,
});

const stored = (value: number, extra: Partial<NonNullable<TGridCell["result"]>> = {}): NonNullable<TGridCell["result"]> => ({
  id: `result-${value}`,
  value,
  baseline: null,
  note: null,
  evidenceUrl: null,
  status: "DRAFT",
  version: 1,
  isDemo: false,
  enteredBy: { id: "user-soctrang", name: "Cán bộ" },
  approvedBy: null,
  approvedAt: null,
  updatedAt: "2024-01-05T00:00:00.000Z",
  ...extra,
});

function makeGrid(): TGrid {
  return {
    plan: { id: "plan-58-kh-ubnd-2023", code: "58/KH-UBND", title: "Kế hoạch thi đua giảm nghèo 2023", status: "PUBLISHED", periodStart: 2023, periodEnd: 2023, issuerUnitId: "unit-942" },
    targets: [
      target("target-58-poor-rate", "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%", {
        kind: "DECREASE_BY",
        indicator: { id: "ind-poor", code: "poor-rate", name: "Tỷ lệ hộ nghèo", nameEn: "Poor rate", measure: "RATE", measureUnit: "%", measureUnitEn: "%" },
        valueKind: "rate",
      }),
      target("target-58-jobs", "Giải quyết việc làm cho 2.400 lao động"),
      target("target-58-labour-export", "trong đó xuất khẩu lao động 25 người", { parentId: "target-58-jobs" }),
      target("target-58-vocational-training", "Đào tạo nghề cho 350 lao động"),
    ],
    units: [{ id: "unit-942", code: "942", name: "Huyện Châu Thành", shortName: "Châu Thành", nameEn: "Chau Thanh District", level: "DISTRICT", parentId: "unit-94" }] as TGrid["units"],
    cells: [
      cell("target-58-poor-rate", stored(4.52, { baseline: 6.61, note: "Báo cáo rà soát\ncuối năm", version: 3 })),
      cell("target-58-jobs", stored(2400, { status: "PUBLISHED", version: 2, isDemo: true })),
      cell("target-58-labour-export"),
      cell("target-58-vocational-training"),
    ],
  };
}

const xlsxFile = (bytes: Uint8Array, name = "ket-qua.xlsx") => ({ name, bytes });
const csvFile = (text: string, name = "ket-qua.csv") => ({ name, type: "text/csv", bytes: new TextEncoder().encode(text) });

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook with one sheet: the header, then rows of values. */
async function sheet(header: string[], rows: ExcelJS.CellValue[][], name = "Sheet1"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return saveWorkbook(wb);
}

async function parseOk(file: { name: string; bytes: Uint8Array; type?: string }) {
  const r = await parseGridFile(file);
  if (!r.ok) throw new Error(`expected a readable file, got ${JSON.stringify(r.error)}`);
  return r;
}

// ---------------------------------------------------------------------------

describe("the sheet model", () => {
  it("has one row per grid cell with ids, wording, unit, measure, stored figures, status and version", () => {
    const rows = gridSheetRows(makeGrid());
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual({
      targetId: "target-58-poor-rate",
      target: "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%",
      unitCode: "942",
      unit: "Huyện Châu Thành",
      year: 2023,
      measureUnit: "%",
      value: 4.52,
      baseline: 6.61,
      note: "Báo cáo rà soát\ncuối năm",
      evidenceUrl: null,
      status: "Nháp",
      version: 3,
    });
    expect(rows[1]!.status).toBe("Đã duyệt (khóa) – số liệu minh họa (demo)");
    expect(rows[2]!.target).toBe("↳ trong đó xuất khẩu lao động 25 người");
    expect(rows[2]).toMatchObject({ value: null, baseline: null, version: null, status: "Chưa nhập" });
  });

  it("writes CSV numbers the Vietnamese way, as the import reads them", () => {
    const rows = gridCsvRows(makeGrid());
    expect(rows[0]).toMatchObject({ value: "4,52", baseline: "6,61", year: 2023, version: 3 });
    expect(rows[1]).toMatchObject({ value: "2.400", baseline: null });
    const csv = toCsv(CSV_COLUMNS, rows);
    expect(csv.split("\r\n")[0]).toBe("targetId,target,unitCode,unit,year,measureUnit,value,baseline,note,evidenceUrl,status,version");
    expect(csv).toContain('"4,52","6,61","Báo cáo rà soát\ncuối năm"');
  });

  it("names files after the plan's number in ASCII, else its id", () => {
    expect(gridFileName({ id: "plan-58", code: "58/KH-UBND" }, "xlsx")).toBe("ket-qua-58-KH-UBND.xlsx");
    expect(gridFileName({ id: "plan-11", code: "11/NQ-HĐND" }, "csv")).toBe("ket-qua-11-NQ-HDND.csv");
    expect(gridFileName({ id: "plan-bac-lieu-2024", code: null }, "xlsx")).toBe("ket-qua-plan-bac-lieu-2024.xlsx");
  });
});

describe("the XLSX file", () => {
  it("has a bold frozen header, widths, text ids, numbers as numbers and a Vietnamese guide sheet", async () => {
    const wb = await loadWorkbook(await buildGridWorkbook(makeGrid(), { now: new Date("2024-03-01T00:00:00Z") }));
    expect(wb.worksheets.map((w) => w.name)).toEqual([DATA_SHEET, GUIDE_SHEET]);
    const ws = wb.getWorksheet(DATA_SHEET)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = ws.getRow(1);
    expect(header.getCell(1).value).toBe("Mã chỉ tiêu (targetId)");
    expect(header.getCell(7).value).toBe("Giá trị (value)");
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(2).width).toBe(60);
    const poor = ws.getRow(2);
    expect(poor.getCell(3).value).toBe("942");
    expect(poor.getCell(7).value).toBe(4.52);
    expect(poor.getCell(7).numFmt ?? "").not.toContain("#,##0");
    expect(poor.getCell(8).value).toBe(6.61);
    expect(poor.getCell(12).value).toBe(3);
    expect(ws.getRow(4).getCell(7).value).toBeNull();
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    const text: string[] = [];
    guide.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).toContain("Hướng dẫn nhập kết quả: 58/KH-UBND");
    expect(text.join("\n")).toContain("Chỉ cần một dòng sai, cả tệp bị từ chối");
    for (const c of GRID_COLUMNS) expect(text).toContain(`${c.label} (${c.key})`);
  });

  it("round trip: export → fill in Excel → parse gives the rows with values, numbers as numbers, text through the Vietnamese parser", async () => {
    const grid = makeGrid();
    const wb = await loadWorkbook(await buildGridWorkbook(grid));
    const ws = wb.getWorksheet(DATA_SHEET)!;
    ws.getRow(4).getCell(7).value = 25; // labour export: a number
    ws.getRow(5).getCell(7).value = "1.350"; // vocational training: Vietnamese text
    ws.getRow(5).getCell(9).value = "Số liệu Phòng LĐ-TB&XH";
    ws.getRow(5).getCell(10).value = { text: "https://soctrang.gov.vn/bc", hyperlink: "https://soctrang.gov.vn/bc" };
    const parsed = await parseOk(xlsxFile(await saveWorkbook(wb)));
    expect(parsed.format).toBe("xlsx");
    expect(parsed.blank).toBe(0);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(parsed.rows[0]!.input).toEqual({ targetId: "target-58-poor-rate", unitCode: "942", year: 2023, value: 4.52, baseline: 6.61, note: "Báo cáo rà soát\ncuối năm", evidenceUrl: "", version: 3 });
    expect(parsed.rows[2]!.input).toEqual({ targetId: "target-58-labour-export", unitCode: "942", year: 2023, value: 25, baseline: "", note: "", evidenceUrl: "" });
    expect(parsed.rows[3]!.input).toMatchObject({ value: "1.350", note: "Số liệu Phòng LĐ-TB&XH", evidenceUrl: "https://soctrang.gov.vn/bc" });
    const data = parsed.rows.map((r) => parseResultInput(r.input));
    expect(data.map((d) => d.ok && d.data.value)).toEqual([4.52, 2400, 25, 1350]);
    expect(data[2]).toMatchObject({ ok: true, data: { baseline: null, note: null, evidenceUrl: null } });
    expect(data[2]!.ok && data[2]!.data.version).toBeUndefined();

    // The stored rows come back unchanged and are left out; the two filled rows remain.
    const changed = selectChangedRows(parsed.rows, grid);
    expect(changed.unchanged).toBe(2);
    expect(changed.rows.map((r) => r.input.targetId)).toEqual(["target-58-labour-export", "target-58-vocational-training"]);
  });

  it("skips unfilled rows of the exported grid and counts them", async () => {
    const parsed = await parseOk(xlsxFile(await buildGridWorkbook(makeGrid())));
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.blank).toBe(2);
  });

  it("refuses malformed text numbers through THE number parser, never guessing", async () => {
    const parsed = await parseOk(xlsxFile(await sheet(["targetId", "unitCode", "year", "value"], [["target-58-jobs", "942", 2023, "2.40"]])));
    const r = parseResultInput(parsed.rows[0]!.input);
    expect(r).toMatchObject({ ok: false, errors: [{ field: "value", code: "invalid_number", message: expect.stringContaining("2,40") }] });
  });

  it("reads formulas by their result, codes typed as numbers as text, and reports dates, booleans and errors per cell", async () => {
    const bytes = await sheet(
      ["targetId", "unitCode", "year", "value", "note"],
      [
        ["target-58-jobs", 942, 2023, { formula: "2000+400", result: 2400 } as ExcelJS.CellFormulaValue, 12],
        ["target-58-jobs", "942", 2023, new Date(Date.UTC(2023, 1, 4)), null],
        ["target-58-jobs", "942", 2023, { error: "#N/A" } as ExcelJS.CellErrorValue, true],
        ["target-58-jobs", "942", 2023, { richText: [{ text: "2." }, { text: "400" }] }, null],
      ],
    );
    const parsed = await parseOk(xlsxFile(bytes));
    expect(parsed.rows[0]).toMatchObject({ line: 2, input: { unitCode: "942", value: 2400, note: "12" }, problems: [] });
    expect(parsed.rows[1]!.problems).toEqual([{ field: "value", message: expect.stringContaining("ngày tháng") }]);
    expect(parsed.rows[2]!.problems.map((p) => p.field)).toEqual(["value", "note"]);
    expect(parsed.rows[2]!.problems[0]!.message).toContain("#N/A");
    expect(parsed.rows[3]!.input.value).toBe("2.400");
  });

  it("matches the header by name, in any order, in Vietnamese or as keys, and ignores shown-only columns", async () => {
    expect(headerKey("Giá trị (value)")).toBe("value");
    expect(headerKey("  VALUE ")).toBe("value");
    expect(headerKey("Giá trị gốc")).toBe("baseline");
    expect(headerKey("gia tri goc")).toBe("baseline");
    expect(headerKey("Mã đơn vị")).toBe("unitCode");
    expect(headerKey("evidence_url")).toBe("evidenceUrl");
    expect(headerKey("Số tiền")).toBeNull();
    const parsed = await parseOk(xlsxFile(await sheet(["Giá trị", "Trạng thái", "Năm", "unitcode", "Mã chỉ tiêu"], [[12, "Nháp", 2023, "942", "target-58-jobs"]])));
    expect(parsed.rows[0]!.input).toEqual({ targetId: "target-58-jobs", unitCode: "942", year: 2023, value: 12 });
  });

  it("refuses unknown, duplicate and missing columns as a whole-file error", async () => {
    expect(await parseGridFile(xlsxFile(await sheet(["targetId", "unitCode", "year", "value", "Số tiền"], [])))).toEqual({
      ok: false,
      error: { code: "unknown_columns", columns: ["Số tiền"] },
    });
    expect(await parseGridFile(xlsxFile(await sheet(["targetId", "unitCode", "year", "value", "Giá trị"], [])))).toEqual({
      ok: false,
      error: { code: "duplicate_columns", columns: ["value"] },
    });
    expect(await parseGridFile(xlsxFile(await sheet(["targetId", "year", "note"], [])))).toEqual({ ok: false, error: { code: "missing_columns", columns: ["unitCode", "value"] } });
    expect(await parseGridFile(xlsxFile(await sheet([], [])))).toEqual({ ok: false, error: { code: "no_header" } });
  });

  it("reads the “Kết quả” sheet, else the first sheet that is not the guide", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(GUIDE_SHEET).addRow(["Hướng dẫn"]);
    const ws = wb.addWorksheet("Trang tính 1");
    ws.addRow(["targetId", "unitCode", "year", "value"]);
    ws.addRow(["target-58-jobs", "942", 2023, 7]);
    const parsed = await parseOk(xlsxFile(await saveWorkbook(wb)));
    expect(parsed.rows[0]!.input.value).toBe(7);
  });

  it("is bounded: size, rows, unreadable and zip bombs", async () => {
    expect(await parseGridFile({ name: "a.xlsx", bytes: new Uint8Array(0) })).toEqual({ ok: false, error: { code: "empty_file" } });
    expect(await parseGridFile({ name: "a.xlsx", bytes: new Uint8Array(MAX_FILE_BYTES + 1) })).toEqual({ ok: false, error: { code: "too_large", limit: MAX_FILE_BYTES } });
    expect(await parseGridFile({ name: "a.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })).toEqual({ ok: false, error: { code: "unreadable" } });
    expect(await parseGridFile({ name: "a.xlsx", bytes: new TextEncoder().encode("not a workbook") })).toEqual({ ok: false, error: { code: "unreadable" } });
    expect(await parseGridFile({ name: "a.pdf", bytes: new TextEncoder().encode("%PDF-1.4") })).toEqual({ ok: false, error: { code: "unsupported_type" } });

    const many = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => ["target-58-jobs", "942", 2023, i]);
    expect(await parseGridFile(xlsxFile(await sheet(["targetId", "unitCode", "year", "value"], many)))).toEqual({ ok: false, error: { code: "too_many_rows", limit: MAX_DATA_ROWS } });
    const enough = await parseOk(xlsxFile(await sheet(["targetId", "unitCode", "year", "value"], many.slice(1))));
    expect(enough.rows).toHaveLength(MAX_DATA_ROWS);

    // A zip whose one entry claims 4 GB (ZIP64 marker) is refused before it is unpacked.
    const bomb = new Uint8Array(4 + 46 + 22);
    bomb.set([0x50, 0x4b, 0x03, 0x04], 0);
    const cd = new DataView(bomb.buffer, 4, 46);
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint32(24, 0xffffffff, true);
    const eocd = new DataView(bomb.buffer, 50, 22);
    eocd.setUint32(0, 0x06054b50, true);
    eocd.setUint16(10, 1, true);
    eocd.setUint32(16, 4, true);
    expect(zipUncompressedSize(bomb)).toBe(Number.POSITIVE_INFINITY);
    expect(await parseGridFile({ name: "bomb.xlsx", bytes: bomb })).toEqual({ ok: false, error: { code: "too_large", limit: MAX_FILE_BYTES } });
    const real = await buildGridWorkbook(makeGrid());
    expect(zipUncompressedSize(real)).toBeGreaterThan(real.length);
  });
});

describe("the CSV file", () => {
  it("round trip: the CSV export parses back to the same inputs", async () => {
    const grid = makeGrid();
    const text = "\uFEFF" + toCsv(CSV_COLUMNS, gridCsvRows(grid)).replace("target-58-labour-export,↳ trong đó xuất khẩu lao động 25 người,942,Huyện Châu Thành,2023,người,,", "target-58-labour-export,↳ trong đó xuất khẩu lao động 25 người,942,Huyện Châu Thành,2023,người,25,");
    const parsed = await parseOk(csvFile(text));
    expect(parsed.format).toBe("csv");
    expect(parsed.blank).toBe(1);
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(parsed.rows[0]!.input).toEqual({ targetId: "target-58-poor-rate", unitCode: "942", year: "2023", value: "4,52", baseline: "6,61", note: "Báo cáo rà soát\ncuối năm", evidenceUrl: "", version: "3" });
    expect(parsed.rows.map((r) => parseResultInput(r.input)).map((d) => d.ok && d.data.value)).toEqual([4.52, 2400, 25]);
    const changed = selectChangedRows(parsed.rows, grid);
    expect(changed).toMatchObject({ unchanged: 2, rows: [{ line: 4, input: { targetId: "target-58-labour-export", value: "25" } }] });
  });

  it("reads a Vietnamese Excel's semicolon CSV (lib/api/csv-parse), quotes, CRLF and a formula guard", async () => {
    const text = 'targetId;unitCode;year;value;note\r\ntarget-58-jobs;942;2023;2.400;"Ghi chú; có ""ngoặc""\r\nhai dòng"\r\ntarget-58-poor-rate;942;2023;18,66;\'=SUM(A1)\r\n';
    const parsed = await parseOk(csvFile(text));
    expect(parsed.rows).toEqual([
      { line: 2, input: { targetId: "target-58-jobs", unitCode: "942", year: "2023", value: "2.400", note: 'Ghi chú; có "ngoặc"\r\nhai dòng' }, problems: [] },
      // Line 4 of the file, but row 3 in a spreadsheet: the note above spans two lines.
      { line: 3, input: { targetId: "target-58-poor-rate", unitCode: "942", year: "2023", value: "18,66", note: "=SUM(A1)" }, problems: [] },
    ]);
  });

  it("numbers rows as a spreadsheet shows them, blank lines included", async () => {
    const parsed = await parseOk(csvFile('targetId,unitCode,year,value,note\r\n\r\ntarget-58-jobs,942,2023,5,"a\nb"\n,,,,\ntarget-58-jobs,942,2024,6,\n'));
    expect(parsed.rows.map((r) => r.line)).toEqual([3, 5]);
  });

  it("refuses a non-UTF-8 file, unbalanced quotes, too many rows and bad headers", async () => {
    expect(await parseGridFile({ name: "x.csv", bytes: new Uint8Array([0x74, 0x61, 0xe0, 0x20, 0x0a]) })).toEqual({ ok: false, error: { code: "not_utf8" } });
    expect(await parseGridFile(csvFile('targetId,unitCode,year,value\nt,942,2023,"12\n'))).toEqual({ ok: false, error: { code: "csv_malformed", line: 2, detail: expect.stringContaining("Dòng 2") } });
    const many = "targetId,unitCode,year,value\n" + "t,942,2023,1\n".repeat(MAX_DATA_ROWS + 1);
    expect(await parseGridFile(csvFile(many))).toEqual({ ok: false, error: { code: "too_many_rows", limit: MAX_DATA_ROWS } });
    expect(await parseGridFile(csvFile("targetId,unitCode,year\n"))).toEqual({ ok: false, error: { code: "missing_columns", columns: ["value"] } });
    expect(await parseGridFile(csvFile("\n\n"))).toEqual({ ok: false, error: { code: "no_header" } });
  });
});

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
    expect(out.rows[1]!.problems).toEqual([{ field: "targetId", message: expect.stringContaining("không thuộc kế hoạch này") }]);
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
      { row: 1, field: "baseline", code: "baseline_differs_from_previous_year", params: { ...where, baseline: 5, previousYear: 2022, previousValue: 6 }, message: "a / b" },
      { row: 0, field: "value", code: "exceeds_parent_unit", params: { ...where, value: 3000, parentUnitCode: "94", parentUnitName: "Tỉnh Sóc Trăng", parentUnitNameEn: "Soc Trang Province", parentValue: 2400 }, message: "c / d" },
    ];
    expect(rowWarningsOf(rows, warnings)).toEqual([
      { line: 3, field: "value", code: "exceeds_parent_unit", params: warnings[1]!.params, message: "c / d" },
      { line: 8, field: "baseline", code: "baseline_differs_from_previous_year", params: warnings[0]!.params, message: "a / b" },
    ]);
  });

  it("maps the write path's errors to file rows, own problems first for their row", () => {
    const rows = [row(3, { a: 1 }), row(7, {}, [{ field: "value", message: "Ô đang ở dạng ngày tháng" }]), row(9, { b: 1 })];
    const errors: TWriteError[] = [
      { row: 2, field: "value", code: "invalid_number", message: "Sai định dạng số “2.40”" },
      { row: 1, code: "invalid", message: "Mỗi dòng phải là một đối tượng" },
      { row: 0, field: "unitCode", code: "forbidden", message: "Bạn không có quyền nhập kết quả của Tỉnh Sơn La" },
    ];
    expect(rowErrorsOf(rows, errors)).toEqual([
      { line: 3, field: "unitCode", message: "Bạn không có quyền nhập kết quả của Tỉnh Sơn La" },
      { line: 7, field: "value", message: "Ô đang ở dạng ngày tháng" },
      { line: 9, field: "value", message: "Sai định dạng số “2.40”" },
    ]);
  });
});
