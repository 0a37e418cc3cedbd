// The downloads for people: workbooks with title lines, headers and statuses in the reader's
// language, numbers stored as numbers with Vietnamese display formats, widths that fit, a
// frozen header; and the reader CSV (BOM, ";" and decimal comma in Vietnamese).
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { TPlanDetail, TResultRow, TTargetRow } from "../data/plans";
import { progressOf } from "../data/target-view";
import { planReaderBook, progressReaderBook } from "./reader";
import { buildReaderWorkbook, columnWidth, displayText, excelNumberFormat, headerRowOf, readerCsv } from "./reader-format";

const unit942 = { id: "unit-942", key: "942", code: "942", name: "Huyện Châu Thành", shortName: "Châu Thành", nameEn: "Chau Thanh District", level: "DISTRICT", parentId: "unit-94", successorId: null, validFrom: null, validTo: null };
const all = { id: "group-all", code: "all", name: "Toàn bộ (không phân nhóm)", nameEn: "Everyone (no sub-group)" };
const jobs = { id: "ind-jobs", code: "jobs", name: "Lao động có việc làm", nameEn: "Workers with jobs", measureUnit: "người", measureUnitEn: "people", measure: "COUNT" as const, lowerIsBetter: false };
const poor = { id: "ind-poor", code: "poor-rate", name: "Tỷ lệ hộ nghèo", nameEn: "Poor household rate", measureUnit: "%", measureUnitEn: "%", measure: "RATE" as const, lowerIsBetter: true };

function result(id: string, indicator: typeof jobs | typeof poor, year: number, value: number, extra: Partial<TResultRow> = {}): TResultRow {
  return {
    id, targetId: null, unitId: "unit-942", year, value: { toString: () => String(value) } as TResultRow["value"], qualifier: "EXACT", baseline: null, label: null, note: null,
    evidenceUrl: null, sourceNote: null, isDemo: false, reportedInPlanId: null, group: all, unit: unit942, indicator, ...extra,
  } as TResultRow;
}

function target(id: string, statement: string, extra: Partial<TTargetRow>): TTargetRow {
  return {
    id, position: 1, kind: "COUNT", lower: null, upper: null, strict: false, approximate: false, baseline: null, periodStart: 2023, periodEnd: 2023, annual: false,
    parentId: null, group: all, equivalentValue: null, equivalentUnit: null, statement, qualitativeStatus: null, unit: unit942, indicator: jobs, results: [], ...extra,
  } as TTargetRow;
}

function plan(): TPlanDetail {
  const targets = [
    target("target-58-poor-rate", "Phấn đấu giảm tỷ lệ hộ nghèo năm 2023 đạt từ 2 – 2,5%", { kind: "DECREASE_BY", lower: 2, upper: 2.5, indicator: poor, baseline: 6.61, results: [result("r-poor", poor, 2023, 4.52, { targetId: "target-58-poor-rate" })] }),
    target("target-58-jobs", "Giải quyết việc làm cho 2.400 lao động", { lower: 2400, results: [result("r-jobs", jobs, 2023, 1200, { targetId: "target-58-jobs", isDemo: true })] }),
    target("target-58-labour-export", "trong đó xuất khẩu lao động 25 người", { lower: 25, parentId: "target-58-jobs" }),
  ];
  return {
    id: "plan-58-kh-ubnd-2023", code: "58/KH-UBND", type: "KE_HOACH", title: "Giảm nghèo bền vững và giải quyết việc làm huyện Châu Thành năm 2023",
    issuer: "UBND huyện Châu Thành", sourceUrl: null, sourcePublisher: "Cổng thông tin điện tử UBND huyện Châu Thành", sourceTitle: "Phát động phong trào thi đua", sourcePublishedOn: null, sourceNote: null,
    targets, reportedResults: [result("r-news", jobs, 2022, 350.5, { label: "Số liệu tin bài" })], unitPath: [],
  } as unknown as TPlanDetail;
}

const CTX = { asOf: "2023-12-31", today: "2024-03-01", url: "http://localhost/plans/plan-58-kh-ubnd-2023" };

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

const book = (locale: "vi" | "en") => {
  const p = plan();
  return planReaderBook(p, progressOf(p.targets, CTX.asOf), { ...CTX, locale });
};

describe("number formats and widths", () => {
  it("groups thousands, keeps a number's own decimals, never groups years, shows shares as percent", () => {
    expect(excelNumberFormat("number", 2400)).toBe("#,##0");
    expect(excelNumberFormat("number", 4.52)).toBe("#,##0.00");
    expect(excelNumberFormat("number", 2.5)).toBe("#,##0.0");
    expect(excelNumberFormat("integer", 7)).toBe("#,##0");
    expect(excelNumberFormat("year", 2023)).toBe("0");
    expect(excelNumberFormat("percent", 0.853)).toBe("0.0%");
    expect(displayText("number", 2400, "vi")).toBe("2.400");
    expect(displayText("number", 18.66, "vi")).toBe("18,66");
    expect(displayText("percent", 85.3, "vi")).toBe("85,3%");
    expect(displayText("year", 2023, "vi")).toBe("2023");
    expect(displayText("number", 2400, "en")).toBe("2,400");
  });

  it("fits a column to its content and header, capped for long text", () => {
    const rows = [{ a: "x".repeat(200), b: 2400 }];
    expect(columnWidth({ key: "a", header: "Chỉ tiêu", kind: "text", maxWidth: 60 }, rows, "vi")).toBe(60);
    expect(columnWidth({ key: "b", header: "Giá trị", kind: "number" }, rows, "vi")).toBe(10);
    // A header wraps, but no word of it is cut.
    expect(columnWidth({ key: "b", header: "Kết quả (mới nhất, hoặc cộng dồn với số lượng)", kind: "number" }, rows, "vi")).toBeGreaterThanOrEqual(18);
  });
});

describe("a plan's workbook", () => {
  it("has title lines, a frozen Vietnamese header, numbers as numbers with formats, statuses in words", async () => {
    const wb = await open(await buildReaderWorkbook(book("vi"), { locale: "vi", creator: "Cổng" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Kết quả"]);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(ws.getCell("A1").value).toBe("58/KH-UBND — Giảm nghèo bền vững và giải quyết việc làm huyện Châu Thành năm 2023");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    const lines = [2, 3, 4, 5].map((r) => String(ws.getCell(r, 1).value));
    expect(lines[0]).toBe("Tiến độ tính đến ngày 31/12/2023; chỉ gồm số liệu đã công bố. Tải về ngày 01/03/2024.");
    expect(lines[1]).toContain("Văn bản nguồn: Cổng thông tin điện tử UBND huyện Châu Thành, “Phát động phong trào thi đua”.");
    expect(lines[2]).toBe("Nguồn: Cổng theo dõi mục tiêu giảm nghèo, http://localhost/plans/plan-58-kh-ubnd-2023. Số liệu gốc theo văn bản nguồn ghi ở từng kế hoạch.");
    expect(lines[3]).toBe("Giấy phép dữ liệu: Chưa công bố giấy phép.");

    const h = headerRowOf(book("vi").sheets[0]!);
    expect(h).toBe(7);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: h });
    const header = ws.getRow(h).values as unknown[];
    expect(header.slice(1)).toEqual([
      "Chỉ tiêu", "Nguyên văn", "Đối tượng", "Áp dụng cho", "Thời kỳ", "Đơn vị tính", "Giá trị gốc", "Mức phấn đấu", "Mức phấn đấu (cận trên)",
      "Kết quả (mới nhất, hoặc cộng dồn với số lượng)", "Năm của số liệu", "Mức hoàn thành", "Trạng thái", "Ghi chú",
    ]);
    expect(ws.getRow(h).getCell(1).font?.bold).toBe(true);

    const col = (name: string) => (header as string[]).indexOf(name);
    const poorRow = ws.getRow(h + 1);
    expect(poorRow.getCell(col("Mức phấn đấu")).value).toBe(2);
    expect(poorRow.getCell(col("Mức phấn đấu (cận trên)")).value).toBe(2.5);
    expect(poorRow.getCell(col("Mức phấn đấu (cận trên)")).numFmt).toBe("#,##0.0");
    expect(poorRow.getCell(col("Giá trị gốc")).value).toBe(6.61);
    expect(poorRow.getCell(col("Giá trị gốc")).numFmt).toBe("#,##0.00");
    expect(poorRow.getCell(col("Trạng thái")).value).toBe("Đạt");

    const jobsRow = ws.getRow(h + 2);
    expect(jobsRow.getCell(col("Mức phấn đấu")).value).toBe(2400);
    expect(jobsRow.getCell(col("Mức phấn đấu")).numFmt).toBe("#,##0");
    expect(jobsRow.getCell(col("Năm của số liệu")).value).toBe(2023);
    expect(jobsRow.getCell(col("Năm của số liệu")).numFmt).toBe("0");
    expect(jobsRow.getCell(col("Mức hoàn thành")).value).toBe(0.5);
    expect(jobsRow.getCell(col("Mức hoàn thành")).numFmt).toBe("0.0%");
    // The period runs to the end of 31/12/2023: half done on its last day is off track.
    expect(jobsRow.getCell(col("Trạng thái")).value).toBe("Chậm tiến độ");
    expect(String(ws.getRow(h + 3).getCell(1).value)).toMatch(/^↳ Trong đó: /);
    expect(ws.getRow(h + 3).getCell(col("Trạng thái")).value).toBe("Chưa có số liệu");

    // Widths fit: the wording is wide but capped, the unit of measure narrow, nothing at the default 10 cut short.
    expect(ws.getColumn(1).width).toBeGreaterThan(40);
    expect(ws.getColumn(1).width).toBeLessThanOrEqual(62);
    expect(ws.getColumn(col("Đơn vị tính")).width).toBeLessThan(14);
    expect(ws.getColumn(col("Áp dụng cho")).width).toBeGreaterThanOrEqual("Huyện Châu Thành".length);

    const results = wb.getWorksheet("Kết quả")!;
    const rh = results.getRow(h).values as string[];
    expect(rh.slice(1)).toEqual(["Năm", "Đơn vị", "Chỉ số", "Đối tượng", "Hạn định", "Giá trị", "Đơn vị tính", "Nội dung", "Ghi chú", "Số liệu minh họa"]);
    // Results by year: the 2022 news figure first, then 2023's; demo figures are marked.
    expect(results.getRow(h + 1).getCell(6).value).toBe(350.5);
    expect(results.getRow(h + 1).getCell(6).numFmt).toBe("#,##0.0");
    expect(results.getRow(h + 1).getCell(1).value).toBe(2022);
    expect(results.getRow(h + 2).getCell(10).value).toBe("có");
    expect(results.getRow(h + 3).getCell(3).value).toBe("Tỷ lệ hộ nghèo");
  });

  it("is in English with ?lang=en: sheets, title lines, headers and statuses", async () => {
    const wb = await open(await buildReaderWorkbook(book("en"), { locale: "en", creator: "Portal" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Targets", "Results"]);
    const ws = wb.getWorksheet("Targets")!;
    expect(ws.getCell("A2").value).toBe("Progress as of 31/12/2023; published figures only. Downloaded on 01/03/2024.");
    expect(ws.getCell("A5").value).toBe("Data licence: no licence has been published yet.");
    const header = (ws.getRow(7).values as string[]).slice(1);
    expect(header).toContain("Original wording");
    expect(header).toContain("Status");
    expect(header.join(" ")).not.toMatch(/Chỉ tiêu|Trạng thái/);
    expect(ws.getRow(8).getCell(header.indexOf("Status") + 1).value).toBe("Met");
    expect(ws.getRow(8).getCell(header.indexOf("Applies to") + 1).value).toBe("Chau Thanh District");
  });
});

describe("a plan without a number", () => {
  it("is titled and named by its title and id", () => {
    const p = { ...plan(), id: "plan-bac-lieu-2024", code: null, title: "Bạc Liêu: Hướng tới mục tiêu giảm nghèo bền vững" } as TPlanDetail;
    const b = planReaderBook(p, progressOf(p.targets, CTX.asOf), { ...CTX, locale: "vi" });
    expect(b.sheets[0]!.title[0]).toBe("Bạc Liêu: Hướng tới mục tiêu giảm nghèo bền vững");
    expect(b.fileBase).toBe("ke-hoach-plan-bac-lieu-2024");
  });
});

describe("the reader CSV", () => {
  it("is UTF-8 with a BOM, semicolons and a decimal comma in Vietnamese", () => {
    const csv = readerCsv(book("vi").csv, "vi");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "Chỉ tiêu;Nguyên văn;Đối tượng;Áp dụng cho;Thời kỳ;Đơn vị tính;Giá trị gốc;Mức phấn đấu;Mức phấn đấu (cận trên);Kết quả (mới nhất, hoặc cộng dồn với số lượng);Năm của số liệu;Mức hoàn thành (%);Trạng thái;Ghi chú",
    );
    const poorCells = lines[1]!.split(";");
    expect(poorCells.slice(6, 13)).toEqual(["6,61", "2", "2,5", "4,52", "2023", "104,5", "Đạt"]);
    // Numbers are never grouped ("2400", not "2.400"): no reading of them is ambiguous.
    expect(lines[2]!.split(";").slice(7, 8)).toEqual(["2400"]);
    expect(lines[2]).toContain(";50;Chậm tiến độ;");
  });

  it("uses commas and a decimal point in English", () => {
    const lines = readerCsv(book("en").csv, "en").slice(1).split("\r\n");
    expect(lines[0]!.startsWith("Target,Original wording,Group,")).toBe(true);
    expect(lines[1]).toContain(",6.61,2,2.5,4.52,2023,104.5,Met,");
  });
});

describe("the progress table's workbook", () => {
  it("counts targets by status in words, with the total, then lists each target", async () => {
    const p = plan();
    const progress = progressOf(p.targets, CTX.asOf);
    const lines = p.targets.map((t) => ({ targetId: t.id, progress: progress.get(t.id)!, target: t, plan: { code: p.code, title: p.title } }));
    const counts = { no_data: 1, exceeded: 0, met: 1, missed: 1, on_track: 0, at_risk: 0, off_track: 0, total: 3 };
    const b = progressReaderBook(lines, counts, { unit: null }, { ...CTX, locale: "vi" });
    expect(b.fileBase).toBe("tien-do-chi-tieu");
    const wb = await open(await buildReaderWorkbook(b, { locale: "vi", creator: "Cổng" }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Theo trạng thái", "Tiến độ chỉ tiêu"]);
    const ws = wb.getWorksheet("Theo trạng thái")!;
    expect(ws.getCell("A1").value).toBe("Tiến độ các chỉ tiêu đã công bố: mọi địa phương");
    const h = headerRowOf(b.sheets[0]!);
    expect((ws.getRow(h).values as string[]).slice(1)).toEqual(["Trạng thái", "Số chỉ tiêu"]);
    const rows = Array.from({ length: 8 }, (_, i) => (ws.getRow(h + 1 + i).values as unknown[]).slice(1));
    expect(rows).toEqual([["Vượt", 0], ["Đạt", 1], ["Đúng tiến độ", 0], ["Có nguy cơ", 0], ["Chậm tiến độ", 0], ["Không đạt", 1], ["Chưa có số liệu", 1], ["Tổng số", 3]]);
    const list = wb.getWorksheet("Tiến độ chỉ tiêu")!;
    expect(list.getRow(h + 1).getCell(1).value).toBe("58/KH-UBND");
    expect(list.getRow(h + 1).getCell(3).value).toBe("Toàn bộ (không phân nhóm)");
  });
});
