import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toCsv } from "../api/http";
import { messages } from "../i18n/messages";
import { problemText } from "../i18n/problems";
import { parseResultInput } from "../validation/results";
import { buildGridWorkbook, gridCsvRows } from "./export";
import { CSV_COLUMNS, headerKey, MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_UNZIPPED_BYTES } from "./format";
import { selectChangedRows } from "./match";
import { parseGridFile } from "./read-file";
import { listZip } from "./zip";
import { csvFile, loadWorkbook, makeGrid, parseOk, said, saveWorkbook, sheet, xlsxFile } from "./test-fixtures";

const { dataSheet: DATA_SHEET, guideSheet: GUIDE_SHEET } = messages("vi").spreadsheets.workbook;

describe("the XLSX file", () => {
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
    expect(said(parsed.rows[1]!.problems)).toEqual([{ field: "value", message: expect.stringContaining("ngày tháng") }]);
    expect(parsed.rows[2]!.problems.map((p) => p.field)).toEqual(["value", "note"]);
    expect(problemText(parsed.rows[2]!.problems[0]!, "vi")).toContain("#N/A");
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
      error: { code: "file_unknown_columns", params: { columns: "Số tiền" } },
    });
    expect(await parseGridFile(xlsxFile(await sheet(["targetId", "unitCode", "year", "value", "Giá trị"], [])))).toEqual({
      ok: false,
      error: { code: "file_duplicate_columns", params: { columns: "value" } },
    });
    const missing = await parseGridFile(xlsxFile(await sheet(["targetId", "year", "note"], [])));
    expect(missing).toEqual({ ok: false, error: { code: "file_missing_columns", params: { columns: "unitCode\nvalue" } } });
    expect(!missing.ok && problemText(missing.error, "vi")).toBe("Thiếu cột bắt buộc: “unitCode”, “value”. Hãy dùng tệp tải về từ cổng.");
    expect(await parseGridFile(xlsxFile(await sheet([], [])))).toEqual({ ok: false, error: { code: "file_no_header" } });
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
    expect(await parseGridFile({ name: "a.xlsx", bytes: new Uint8Array(0) })).toEqual({ ok: false, error: { code: "file_empty" } });
    expect(await parseGridFile({ name: "a.xlsx", bytes: new Uint8Array(MAX_FILE_BYTES + 1) })).toEqual({ ok: false, error: { code: "file_too_large", params: { limit: MAX_FILE_BYTES } } });
    expect(await parseGridFile({ name: "a.xlsx", bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })).toEqual({ ok: false, error: { code: "file_unreadable" } });
    expect(await parseGridFile({ name: "a.xlsx", bytes: new TextEncoder().encode("not a workbook") })).toEqual({ ok: false, error: { code: "file_unreadable" } });
    expect(await parseGridFile({ name: "a.pdf", bytes: new TextEncoder().encode("%PDF-1.4") })).toEqual({ ok: false, error: { code: "file_unsupported_type" } });

    const many = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => ["target-58-jobs", "942", 2023, i]);
    expect(await parseGridFile(xlsxFile(await sheet(["targetId", "unitCode", "year", "value"], many)))).toEqual({ ok: false, error: { code: "file_too_many_rows", params: { limit: MAX_DATA_ROWS } } });
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
    eocd.setUint16(8, 1, true);
    eocd.setUint16(10, 1, true);
    eocd.setUint32(12, 46, true);
    eocd.setUint32(16, 4, true);
    expect(listZip(bomb)).toEqual({ ok: false, refusal: "too_large" });
    expect(await parseGridFile({ name: "bomb.xlsx", bytes: bomb })).toEqual({ ok: false, error: { code: "file_unpacked_too_large", params: { limit: MAX_UNZIPPED_BYTES } } });
    const real = await buildGridWorkbook(makeGrid());
    expect(listZip(real)).toMatchObject({ ok: true });
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

  it("reads the English CSV export to the same inputs as the Vietnamese one (the header is the keys in both)", async () => {
    const [vi, en] = await Promise.all([parseOk(csvFile(toCsv(CSV_COLUMNS, gridCsvRows(makeGrid(), "vi")))), parseOk(csvFile(toCsv(CSV_COLUMNS, gridCsvRows(makeGrid(), "en"))))]);
    expect(en).toEqual(vi);
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
    expect(await parseGridFile({ name: "x.csv", bytes: new Uint8Array([0x74, 0x61, 0xe0, 0x20, 0x0a]) })).toEqual({ ok: false, error: { code: "file_not_utf8" } });
    expect(await parseGridFile(csvFile('targetId,unitCode,year,value\nt,942,2023,"12\n'))).toEqual({ ok: false, error: { code: "file_csv_malformed", params: { line: 2, detail: expect.stringContaining("Dòng 2") } } });
    const many = "targetId,unitCode,year,value\n" + "t,942,2023,1\n".repeat(MAX_DATA_ROWS + 1);
    expect(await parseGridFile(csvFile(many))).toEqual({ ok: false, error: { code: "file_too_many_rows", params: { limit: MAX_DATA_ROWS } } });
    expect(await parseGridFile(csvFile("targetId,unitCode,year\n"))).toEqual({ ok: false, error: { code: "file_missing_columns", params: { columns: "value" } } });
    expect(await parseGridFile(csvFile("\n\n"))).toEqual({ ok: false, error: { code: "file_no_header" } });
  });
});
