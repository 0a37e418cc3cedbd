import { describe, expect, it } from "vitest";
import { toCsv } from "../api/http";
import { messages } from "../i18n/messages";
import { buildGridWorkbook, gridCsvRows, gridFileName, gridSheetRows } from "./export";
import { CSV_COLUMNS, GRID_COLUMNS, headerKey } from "./format";
import { loadWorkbook, makeGrid, parseOk, saveWorkbook, xlsxFile } from "./test-fixtures";

const VI = messages("vi").spreadsheets.workbook;
const EN = messages("en").spreadsheets.workbook;

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
    expect(wb.worksheets.map((w) => w.name)).toEqual([VI.dataSheet, VI.guideSheet]);
    const ws = wb.getWorksheet(VI.dataSheet)!;
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
    const guide = wb.getWorksheet(VI.guideSheet)!;
    const text: string[] = [];
    guide.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).toContain("Hướng dẫn nhập kết quả: 58/KH-UBND");
    expect(text.join("\n")).toContain("Tệp xuất ngày 01/03/2024.");
    expect(text.join("\n")).toContain("Chỉ cần một dòng sai, cả tệp bị từ chối");
    expect(text.join("\n")).toContain("6. Giới hạn: tệp tối đa 5 MB và 5.000 dòng.");
    for (const c of GRID_COLUMNS) expect(text).toContain(`${VI.columns[c.key].label} (${c.key})`);
  });
});

describe("the export in English", () => {
  it("has English sheets, header labels, statuses and guide, with the same column keys", async () => {
    const grid = makeGrid();
    const wb = await loadWorkbook(await buildGridWorkbook(grid, { now: new Date("2024-03-01T00:00:00Z"), locale: "en" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Results", "Guide"]);
    const header = wb.getWorksheet("Results")!.getRow(1);
    expect(header.getCell(1).value).toBe("Target id (targetId)");
    expect(header.getCell(10).value).toBe("Evidence link (evidenceUrl)");
    GRID_COLUMNS.forEach((c, i) => expect(headerKey(String(header.getCell(i + 1).value))).toBe(c.key));
    expect(wb.getWorksheet("Results")!.getRow(3).getCell(11).value).toBe("Approved (locked) – illustrative figures (demo)");
    const text: string[] = [];
    wb.getWorksheet("Guide")!.eachRow((r) => r.eachCell((c) => text.push(String(c.value))));
    expect(text.join("\n")).toContain("How to enter results: 58/KH-UBND");
    expect(text.join("\n")).toContain("6. Limits: at most 5 MB and 5,000 rows per file.");
    expect(text.join("\n")).not.toMatch(/Hướng dẫn|Bắt buộc|Chỉ để xem/);
    for (const c of GRID_COLUMNS) expect(text).toContain(`${EN.columns[c.key].label} (${c.key})`);
    expect(gridFileName(grid.plan, "xlsx", "en")).toBe("results-58-KH-UBND.xlsx");
    expect(gridCsvRows(grid, "en")[2]).toMatchObject({ status: "Not entered" });
  });

  it("imports back exactly as the Vietnamese export does, and headers are read by their label in either language", async () => {
    const fill = async (locale: "vi" | "en") => {
      const wb = await loadWorkbook(await buildGridWorkbook(makeGrid(), { locale }));
      const ws = wb.worksheets[0]!;
      ws.getRow(4).getCell(7).value = 25;
      ws.getRow(5).getCell(7).value = "1.350";
      return parseOk(xlsxFile(await saveWorkbook(wb)));
    };
    const [vi, en] = [await fill("vi"), await fill("en")];
    expect(en.rows).toEqual(vi.rows);
    expect(en.rows.map((r) => r.input.value)).toEqual([4.52, 2400, 25, "1.350"]);
    for (const c of GRID_COLUMNS) {
      expect(headerKey(VI.columns[c.key].label)).toBe(c.key);
      expect(headerKey(EN.columns[c.key].label)).toBe(c.key);
      expect(headerKey(c.key)).toBe(c.key);
    }
  });
});
