// Spreadsheet export → fill → import on a real database, both backends: a valid XLSX or
// CSV is written in one go; one bad row (a malformed number, a sub-target above its
// parent, a locked result) or a row outside the officer's province rejects the whole
// file with a per-row report, and the database is unchanged (every table counted).
// Every test removes the results and audit rows it wrote.
import ExcelJS from "exceljs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "@/lib/api/http";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listResultsForGrid } from "@/lib/data/results-write";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { problemText } from "@/lib/i18n/problems";
import { buildGridWorkbook, gridCsvRows } from "@/lib/spreadsheets/export";
import { CSV_COLUMNS, GRID_COLUMNS } from "@/lib/spreadsheets/format";
import { importResultsFile } from "@/lib/spreadsheets/import-results";
import type { TRowError } from "@/lib/spreadsheets/report";
import { tableCounts, withPg, demoActors } from "./helpers";

const { socTrang, sonLa } = demoActors();

const PLAN = "plan-58-kh-ubnd-2023";
const POOR_RATE = "target-58-poor-rate";
const KHMER = "target-58-poor-rate-khmer";
const JOBS = "target-58-jobs";
const LABOUR_EXPORT = "target-58-labour-export";
const TRAINING = "target-58-vocational-training";
const CERTIFIED = "target-58-trained-certified";

const col = (key: string) => GRID_COLUMNS.findIndex((c) => c.key === key) + 1;
const DATA_SHEET = messages("vi").spreadsheets.workbook.dataSheet;

/** The report's errors as a reader sees them (Vietnamese unless told). */
const said = (errors: TRowError[], locale: Locale = "vi") => errors.map((e) => ({ line: e.line, ...(e.field ? { field: e.field } : {}), message: problemText(e, locale) }));

let seededResultIds: Set<string>;
beforeAll(async () => {
  seededResultIds = new Set((await db().result.findMany({ select: { id: true } })).map((r) => r.id));
});

afterEach(async () => {
  const mine = (await db().result.findMany({ select: { id: true } })).map((r) => r.id).filter((id) => !seededResultIds.has(id));
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: mine } } });
  await db().result.deleteMany({ where: { id: { in: mine } } });
});

const counts = () => withPg(tableCounts);

/** The officer's exported XLSX (in `locale`), with `fill` applied per target id (value, and other columns by key). */
async function filledXlsx(who: TActor, fill: Record<string, Record<string, ExcelJS.CellValue>>, locale: Locale = "vi"): Promise<Uint8Array> {
  const grid = (await listResultsForGrid(who, PLAN))!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildGridWorkbook(grid, { locale })) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(messages(locale).spreadsheets.workbook.dataSheet)!;
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = fill[String(row.getCell(col("targetId")).value)];
    if (!values) return;
    for (const [key, v] of Object.entries(values)) {
      const cell = row.getCell(col(key));
      cell.value = v;
      // As Excel does when "1/4" is typed (a new style object: loaded cells share theirs).
      if (v instanceof Date) cell.style = { ...cell.style, numFmt: "dd/mm/yyyy" };
    }
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The officer's exported CSV, with `fill` applied per target id (Vietnamese text, as a user types it). */
async function filledCsv(who: TActor, fill: Record<string, Record<string, string>>, extra: Record<string, unknown>[] = []): Promise<Uint8Array> {
  const grid = (await listResultsForGrid(who, PLAN))!;
  const rows = gridCsvRows(grid).map((r) => ({ ...r, ...(fill[String(r.targetId)] ?? {}) }));
  return new TextEncoder().encode("\uFEFF" + toCsv(CSV_COLUMNS, [...rows, ...extra]));
}

const xlsx = (bytes: Uint8Array) => ({ name: "ket-qua-58-KH-UBND.xlsx", bytes });
const csv = (bytes: Uint8Array) => ({ name: "ket-qua-58-KH-UBND.csv", type: "text/csv", bytes });

const GOOD = {
  [POOR_RATE]: { value: "4,1", baseline: 6.3 },
  [KHMER]: { value: 5.2, baseline: "8,5" },
  [JOBS]: { value: "2.400", note: "Báo cáo tổng kết năm 2023" },
  [LABOUR_EXPORT]: { value: 25 },
  [TRAINING]: { value: 350, evidenceUrl: "https://chauthanh.soctrang.gov.vn/bc-2023" },
  [CERTIFIED]: { value: "37,5" },
};

async function planResults() {
  const rows = await db().result.findMany({
    where: { targetId: { in: [POOR_RATE, KHMER, JOBS, LABOUR_EXPORT, TRAINING, CERTIFIED] } },
    select: { id: true, targetId: true, value: true, baseline: true, note: true, evidenceUrl: true, status: true, version: true, unitId: true, year: true },
  });
  return new Map(rows.map((r) => [r.targetId!, { ...r, value: Number(r.value), baseline: r.baseline === null ? null : Number(r.baseline) }]));
}

describe("export for the Sóc Trăng officer", () => {
  it("lists the plan's measurable targets for Châu Thành in 2023, with the guide sheet", async () => {
    const grid = (await listResultsForGrid(socTrang, PLAN))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await buildGridWorkbook(grid)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Kết quả", "Hướng dẫn"]);
    const ids: string[] = [];
    wb.getWorksheet(DATA_SHEET)!.eachRow((row, n) => {
      if (n > 1) ids.push(`${row.getCell(col("targetId")).value}|${row.getCell(col("unitCode")).value}|${row.getCell(col("year")).value}`);
    });
    expect(ids).toEqual([POOR_RATE, KHMER, JOBS, LABOUR_EXPORT, TRAINING, CERTIFIED].map((t) => `${t}|942|2023`));
  });
});

describe("importing a filled-in XLSX", () => {
  it("saves every row in one go, as drafts entered by the officer, audited as an import; re-importing changes nothing", async () => {
    const before = await counts();
    const out = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, GOOD)), { ip: "10.1.2.3" });
    expect(out, JSON.stringify(out)).toEqual({ ok: true, report: { format: "xlsx", imported: 6, unchanged: 0, blank: 0, errors: [], warnings: [] } });

    const saved = await planResults();
    expect(saved.get(POOR_RATE)).toMatchObject({ value: 4.1, baseline: 6.3, status: "DRAFT", version: 1, unitId: "unit-942", year: 2023 });
    expect(saved.get(KHMER)).toMatchObject({ value: 5.2, baseline: 8.5 });
    expect(saved.get(JOBS)).toMatchObject({ value: 2400, note: "Báo cáo tổng kết năm 2023" });
    expect(saved.get(LABOUR_EXPORT)).toMatchObject({ value: 25 });
    expect(saved.get(TRAINING)).toMatchObject({ value: 350, evidenceUrl: "https://chauthanh.soctrang.gov.vn/bc-2023" });
    expect(saved.get(CERTIFIED)).toMatchObject({ value: 37.5 });
    const after = await counts();
    expect(after.result).toBe(before.result! + 6);
    const audit = await db().auditLog.findMany({ where: { entity: "result", entityId: { in: [...saved.values()].map((r) => r.id) } } });
    expect(audit).toHaveLength(6);
    expect(audit.every((a) => a.action === "result.create" && a.actorId === "user-soctrang" && a.source === "import" && !a.actorLabel.includes("[") && a.ip === "10.1.2.3")).toBe(true);

    // The new export carries the stored values and versions: importing it again writes nothing.
    const again = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, {})));
    expect(again).toEqual({ ok: true, report: { format: "xlsx", imported: 0, unchanged: 6, blank: 0, errors: [], warnings: [] } });
    expect(await counts()).toEqual(after);

    // Changing one value updates just that result, with its version from the file.
    const update = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, { [JOBS]: { value: 2500 } })));
    expect(update).toMatchObject({ ok: true, report: { imported: 1, unchanged: 5 } });
    expect((await planResults()).get(JOBS)).toMatchObject({ value: 2500, version: 2, note: "Báo cáo tổng kết năm 2023" });
  });

  it("imports the English export as it does the Vietnamese one: the column keys are the same", async () => {
    const out = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, GOOD, "en")));
    expect(out, JSON.stringify(out)).toEqual({ ok: true, report: { format: "xlsx", imported: 6, unchanged: 0, blank: 0, errors: [], warnings: [] } });
    expect(await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, {}, "en")))).toMatchObject({ ok: true, report: { imported: 0, unchanged: 6 } });
  });

  it("rejects the whole file for one malformed number (“2.40”) and writes nothing", async () => {
    const before = await counts();
    const out = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, { ...GOOD, [JOBS]: { value: "2.40" } })));
    expect(out.ok).toBe(false);
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(out.report).toMatchObject({ imported: 0, kind: "invalid" });
    expect(said(out.report.errors)).toEqual([{ line: 4, field: "value", message: expect.stringContaining("“2.40”") }]);
    expect(await counts()).toEqual(before);
  });

  it("rejects a sub-target above its parent (labour export 3.000 of 2.400 jobs), naming the row", async () => {
    const before = await counts();
    const out = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, { ...GOOD, [LABOUR_EXPORT]: { value: 3000 } })));
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(said(out.report.errors)).toEqual([{ line: 5, field: "value", message: expect.stringContaining("vượt quá kết quả của chỉ tiêu cha") }]);
    expect(await counts()).toEqual(before);
  });

  it("reports cell problems (a date) and the write path's errors together, and writes nothing", async () => {
    const before = await counts();
    const out = await importResultsFile(
      socTrang,
      PLAN,
      xlsx(await filledXlsx(socTrang, { ...GOOD, [POOR_RATE]: { value: new Date(Date.UTC(2023, 3, 1)) }, [CERTIFIED]: { value: 137 } })),
    );
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(said(out.report.errors)).toEqual([
      { line: 2, field: "value", message: expect.stringContaining("ngày tháng") },
      { line: 7, field: "value", message: expect.stringContaining("từ 0 đến 100") },
    ]);
    expect(await counts()).toEqual(before);
  });

  it("leaves approved results alone when unchanged, and rejects the file when one is changed (locked, 409)", async () => {
    const first = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, GOOD)), { publish: true });
    expect(first).toMatchObject({ ok: true, report: { imported: 6 } });
    expect([...(await planResults()).values()].every((r) => r.status === "PUBLISHED")).toBe(true);
    expect(await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, {})))).toMatchObject({ ok: true, report: { imported: 0, unchanged: 6 } });

    const before = await counts();
    const out = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, { [TRAINING]: { value: 360 } })));
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(out.report.kind).toBe("conflict");
    expect(said(out.report.errors)).toMatchObject([{ line: 6, message: expect.stringContaining("đã được duyệt, cần mở lại") }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses another province's officer: nothing of 58/KH-UBND is theirs to fill", async () => {
    const file = await filledXlsx(socTrang, GOOD);
    const before = await counts();
    const out = await importResultsFile(sonLa, PLAN, xlsx(file));
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(out.report.errors).toHaveLength(6);
    expect(said(out.report.errors).every((e) => e.field === "targetId" && e.message.includes("không thuộc phạm vi bạn được nhập"))).toBe(true);
    expect(await counts()).toEqual(before);
  });
});

describe("“18,000” for a count, and warnings", () => {
  const PROVINCE_JOBS = "test-import-province-jobs-2023";
  afterEach(async () => {
    await db().result.deleteMany({ where: { id: PROVINCE_JOBS } });
  });

  it("refuses “18,000” typed for a count in a CSV cell and an XLSX text cell, naming both readings, and writes nothing", async () => {
    const before = await counts();
    const fromCsv = await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, { [JOBS]: { value: "2.400" }, [TRAINING]: { value: "18,000" } })));
    if (fromCsv.ok || fromCsv.reason !== "rows") throw new Error(JSON.stringify(fromCsv));
    expect(fromCsv.report).toMatchObject({ imported: 0, kind: "invalid" });
    expect(said(fromCsv.report.errors)).toEqual([
      { line: 6, field: "value", message: expect.stringMatching(/^“18,000” không rõ nghĩa: theo cách viết Việt Nam là 18 \(mười tám\), theo cách viết tiếng Anh là 18\.000 \(mười tám nghìn\)\./) },
    ]);
    expect(said(fromCsv.report.errors, "en")).toEqual([{ line: 6, field: "value", message: expect.stringMatching(/^"18,000" is ambiguous/) }]);
    expect(await counts()).toEqual(before);

    const fromXlsx = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, { ...GOOD, [LABOUR_EXPORT]: { value: "20,000" } })));
    if (fromXlsx.ok || fromXlsx.reason !== "rows") throw new Error(JSON.stringify(fromXlsx));
    expect(said(fromXlsx.report.errors)).toEqual([{ line: 5, field: "value", message: expect.stringContaining("theo cách viết Việt Nam là 20 (hai mươi), theo cách viết tiếng Anh là 20.000") }]);
    expect(await counts()).toEqual(before);

    // A numeric XLSX cell is a number, never ambiguous; a rate reads "18,000" as eighteen.
    const ok = await importResultsFile(socTrang, PLAN, xlsx(await filledXlsx(socTrang, { [TRAINING]: { value: 18000 }, [CERTIFIED]: { value: "18,000" } })));
    expect(ok, JSON.stringify(ok)).toMatchObject({ ok: true, report: { imported: 2, warnings: [] } });
    const saved = await planResults();
    expect(saved.get(TRAINING)).toMatchObject({ value: 18000 });
    expect(saved.get(CERTIFIED)).toMatchObject({ value: 18 });
  });

  it("never skips “18,000” as unchanged when 18 is stored", async () => {
    expect(await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, { [TRAINING]: { value: "18" } })))).toMatchObject({ ok: true, report: { imported: 1 } });
    const before = await counts();
    const out = await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, { [TRAINING]: { value: "18,000" } })));
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(said(out.report.errors)).toEqual([{ line: 6, field: "value", message: expect.stringContaining("không rõ nghĩa") }]);
    expect(await counts()).toEqual(before);
  });

  it("writes a district's count above the province's figure, and reports the warning at its row", async () => {
    await db().result.create({ data: { id: PROVINCE_JOBS, targetId: JOBS, indicatorId: "ind-jobs", unitId: "unit-94", year: 2023, value: 2400, status: "PUBLISHED" } });
    const out = await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, { [JOBS]: { value: "3.000" }, [LABOUR_EXPORT]: { value: "25" } })));
    expect(out, JSON.stringify(out)).toMatchObject({ ok: true, report: { imported: 2, errors: [] } });
    if (!out.ok) return;
    expect(out.report.warnings).toEqual([
      {
        line: 4,
        field: "value",
        code: "exceeds_parent_unit",
        params: expect.objectContaining({ targetId: JOBS, unitCode: "942", value: 3000, parentUnitCode: "94", parentValue: 2400 }),
      },
    ]);
    expect(problemText(out.report.warnings[0]!, "vi")).toContain("lớn hơn kết quả của đơn vị cấp trên Tỉnh Sóc Trăng (2.400)");
    expect((await planResults()).get(JOBS)).toMatchObject({ value: 3000, status: "DRAFT" });
  });
});

describe("importing a filled-in CSV", () => {
  it("saves Vietnamese-formatted text numbers", async () => {
    const fill = Object.fromEntries(Object.entries(GOOD).map(([k, v]) => [k, Object.fromEntries(Object.entries(v).map(([f, x]) => [f, typeof x === "number" ? String(x).replace(".", ",") : String(x)]))]));
    const out = await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, fill)));
    expect(out, JSON.stringify(out)).toEqual({ ok: true, report: { format: "csv", imported: 6, unchanged: 0, blank: 0, errors: [], warnings: [] } });
    const saved = await planResults();
    expect([...saved.values()].map((r) => [r.targetId, r.value]).sort()).toEqual(
      [
        [CERTIFIED, 37.5],
        [JOBS, 2400],
        [KHMER, 5.2],
        [LABOUR_EXPORT, 25],
        [POOR_RATE, 4.1],
        [TRAINING, 350],
      ].sort(),
    );
    // The CSV export of what is stored now comes back unchanged.
    expect(await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, {})))).toMatchObject({ ok: true, report: { imported: 0, unchanged: 6 } });
  });

  it("rejects a file touching another province (403) and one with a bad row, writing nothing", async () => {
    const before = await counts();
    const sonLaRow = { targetId: JOBS, unitCode: "14", year: 2023, value: "100" };
    const otherPlan = { targetId: "target-199-labour-export", unitCode: "14", year: 2022, value: "40" };
    const out = await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, { [JOBS]: { value: "2.400" }, [TRAINING]: { value: "350" } }, [sonLaRow, otherPlan])));
    if (out.ok || out.reason !== "rows") throw new Error(JSON.stringify(out));
    expect(out.report.kind).toBe("forbidden");
    expect(said(out.report.errors)).toEqual([
      { line: 8, field: "unitCode", message: expect.stringContaining("không có quyền nhập kết quả của Tỉnh Sơn La") },
      { line: 9, field: "targetId", message: expect.stringContaining("không thuộc kế hoạch này") },
    ]);
    expect(await counts()).toEqual(before);

    const bad = await importResultsFile(socTrang, PLAN, csv(await filledCsv(socTrang, { [JOBS]: { value: "2.400" }, [LABOUR_EXPORT]: { value: "1,234.5" } })));
    if (bad.ok || bad.reason !== "rows") throw new Error(JSON.stringify(bad));
    expect(bad.report.kind).toBe("invalid");
    expect(said(bad.report.errors)).toMatchObject([{ line: 5, field: "value", message: expect.stringContaining("kiểu tiếng Anh") }]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a file with unknown columns before reading any row", async () => {
    const text = "targetId,unitCode,year,value,soTien\r\ntarget-58-jobs,942,2023,2.400,5\r\n";
    const out = await importResultsFile(socTrang, PLAN, csv(new TextEncoder().encode(text)));
    expect(out).toEqual({ ok: false, reason: "file", error: { code: "file_unknown_columns", params: { columns: "soTien" } } });
  });

  it("answers not found for a plan that does not exist", async () => {
    expect(await importResultsFile(socTrang, "no-such-plan", csv(new TextEncoder().encode("targetId,unitCode,year,value\n")))).toEqual({ ok: false, reason: "not_found" });
  });
});
