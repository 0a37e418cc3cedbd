// Downloads for people on a real database (both backends), through their route handlers: a
// plan's, a unit's and the progress table's workbook open in exceljs with headers and statuses
// in the reader's language and numbers stored as numbers; the reader CSV opens in Excel set to
// Vietnamese; bad parameters are 400/404 pages, never a 500; and the API's CSV is unchanged.
// One PUBLISHED result is added for the test and removed afterwards.
import ExcelJS from "exceljs";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as planDownload } from "@/app/(public)/(detail)/plans/[id]/download/route";
import { GET as unitDownload } from "@/app/(public)/(detail)/units/[code]/download/route";
import { GET as progressDownload } from "@/app/(public)/progress/download/route";
import { GET as apiPlan } from "@/app/api/v1/plans/[id]/route";
import { GET as apiProgress } from "@/app/api/v1/progress/route";
import { db } from "@/lib/db/client";
import { listPlanStatusCounts } from "@/lib/data/overview";
import { listTargetProgress } from "@/lib/data/progress";

const PLAN = "plan-58-kh-ubnd-2023";
const ASOF = "2023-07-01";
const RESULT_ID = "result-downloads-test-jobs";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const req = (path: string, cookie?: string) => new NextRequest(`http://localhost${path}`, cookie ? { headers: { cookie } } : undefined);
const plan = (id: string, q = "", cookie?: string) => planDownload(req(`/plans/${encodeURIComponent(id)}/download${q}`, cookie), { params: Promise.resolve({ id }) });
const unit = (code: string, q = "") => unitDownload(req(`/units/${encodeURIComponent(code)}/download${q}`), { params: Promise.resolve({ code }) });
const progress = (q = "") => progressDownload(req(`/progress/download${q}`), undefined);

async function workbook(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe(XLSX);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  return wb;
}

/** The header row (the first row whose first cell is the given header) and the rows under it, as arrays. */
function table(ws: ExcelJS.Worksheet, firstHeader: string) {
  let h = 0;
  ws.eachRow((row, n) => {
    if (!h && row.getCell(1).value === firstHeader) h = n;
  });
  expect(h, `header "${firstHeader}" in ${ws.name}`).toBeGreaterThan(0);
  const header = (ws.getRow(h).values as unknown[]).slice(1) as string[];
  const rows: ExcelJS.Row[] = [];
  for (let n = h + 1; n <= ws.rowCount; n++) if (ws.getRow(n).hasValues) rows.push(ws.getRow(n));
  return { h, header, rows, cell: (row: ExcelJS.Row, name: string) => row.getCell(header.indexOf(name) + 1) };
}

beforeAll(async () => {
  const t = await db().target.findUniqueOrThrow({ where: { id: "target-58-jobs" }, select: { indicatorId: true } });
  await db().result.create({
    data: { id: RESULT_ID, targetId: "target-58-jobs", indicatorId: t.indicatorId!, unitId: "unit-942", year: 2023, value: 1200, version: 1, status: "PUBLISHED" },
  });
});

afterAll(async () => {
  await db().result.deleteMany({ where: { id: RESULT_ID } });
});

describe("a plan's workbook", () => {
  it("opens with Vietnamese headers, statuses in words, and numbers stored as numbers", async () => {
    const res = await plan(PLAN, `?asOf=${ASOF}`);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ke-hoach-58-KH-UBND.xlsx"');
    const wb = await workbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Kết quả"]);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    expect(String(ws.getCell("A1").value)).toMatch(/^58\/KH-UBND — Kế hoạch .*Châu Thành/);
    expect(String(ws.getCell("A2").value)).toContain("Tiến độ tính đến ngày 01/07/2023");
    const lines = [3, 4, 5, 6].map((r) => String(ws.getCell(r, 1).value ?? ""));
    expect(lines.join("\n")).toContain("Nguồn: Cổng theo dõi mục tiêu giảm nghèo, http://localhost/plans/plan-58-kh-ubnd-2023.");
    expect(lines.join("\n")).toContain("Giấy phép dữ liệu: Chưa công bố giấy phép.");

    const { h, header, rows, cell } = table(ws, "Chỉ tiêu");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: h });
    expect(header).toEqual(expect.arrayContaining(["Nguyên văn", "Áp dụng cho", "Thời kỳ", "Giá trị gốc", "Mức phấn đấu", "Kết quả (mới nhất, hoặc cộng dồn với số lượng)", "Mức hoàn thành", "Trạng thái"]));
    expect(rows).toHaveLength(6);
    const statusWords = ["Chưa có số liệu", "Đúng tiến độ", "Có nguy cơ", "Chậm tiến độ", "Đạt", "Vượt", "Không đạt"];
    for (const r of rows) expect(statusWords).toContain(cell(r, "Trạng thái").value);

    const jobs = rows.find((r) => String(cell(r, "Nguyên văn").value).includes("2.400"))!;
    expect(cell(jobs, "Mức phấn đấu").value).toBe(2400);
    expect(cell(jobs, "Mức phấn đấu").numFmt).toBe("#,##0");
    expect(cell(jobs, "Kết quả (mới nhất, hoặc cộng dồn với số lượng)").value).toBe(1200);
    expect(cell(jobs, "Mức hoàn thành").value).toBe(0.5);
    expect(cell(jobs, "Mức hoàn thành").numFmt).toBe("0.0%");
    expect(cell(jobs, "Áp dụng cho").value).toBe("Huyện Châu Thành");
    // Half the count by 1 July 2023 (about half the year): on track, said in words.
    expect(cell(jobs, "Trạng thái").value).toBe("Đúng tiến độ");
    expect(rows.filter((r) => cell(r, "Trạng thái").value === "Chưa có số liệu")).toHaveLength(5);
    // Widths fit the content: the wording is not squeezed into a 10-character column.
    expect(ws.getColumn(header.indexOf("Nguyên văn") + 1).width).toBeGreaterThan(30);

    const results = table(wb.getWorksheet("Kết quả")!, "Năm");
    expect(results.rows.map((r) => [results.cell(r, "Năm").value, results.cell(r, "Giá trị").value])).toEqual([[2023, 1200]]);
  });

  it("is in English with the language cookie or ?lang=en", async () => {
    for (const wb of [await workbook(await plan(PLAN, "", "lang=en")), await workbook(await plan(PLAN, "?lang=en"))]) {
      expect(wb.worksheets.map((w) => w.name)).toEqual(["Targets", "Results"]);
      const { header, rows, cell } = table(wb.getWorksheet("Targets")!, "Target");
      expect(header).toEqual(expect.arrayContaining(["Original wording", "Applies to", "Status"]));
      expect(rows.map((r) => cell(r, "Status").value)).toContain("No data");
      expect(cell(rows[0]!, "Applies to").value).toBe("Chau Thanh District");
    }
    // ?lang= wins over the cookie.
    const vi = await workbook(await plan(PLAN, "?lang=vi", "lang=en"));
    expect(vi.worksheets[0]!.name).toBe("Chỉ tiêu");
  });

  it("gives a CSV that Excel in Vietnamese opens: BOM, semicolons, decimal comma, headers in words", async () => {
    const res = await plan(PLAN, `?format=csv&asOf=${ASOF}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ke-hoach-58-KH-UBND.csv"');
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines[0]!.split(";").slice(0, 3)).toEqual(["Chỉ tiêu", "Nguyên văn", "Đối tượng"]);
    expect(lines).toHaveLength(7);
    const poor = lines.find((l) => l.includes("giảm tỷ lệ hộ nghèo năm 2023"))!;
    expect(poor).toContain(";2;2,5;");
    expect(lines.find((l) => l.includes("2.400 lao động"))).toContain(";2400;;1200;2023;50;Đúng tiến độ;");
  });

  it("answers 404 for an unknown or malformed id and 400 for a bad parameter, in words, never a 500", async () => {
    for (const id of ["does-not-exist", "' OR 1=1 --", "\u0000", "x".repeat(300)]) {
      const res = await plan(id);
      expect(res.status, id).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(await res.text()).toContain("Không có văn bản đã công bố");
    }
    const cases: [string, string][] = [
      ["?format=pdf", "Định dạng không hỗ trợ: “pdf”"],
      ["?lang=fr", "Ngôn ngữ không hỗ trợ: “fr”"],
      ["?asOf=2023-02-30", "Tham số asOf không hợp lệ"],
      ["?asOf=%00", "Tham số asOf không hợp lệ"],
    ];
    for (const [q, message] of cases) {
      const res = await plan(PLAN, q);
      expect(res.status, q).toBe(400);
      expect(await res.text()).toContain(message);
    }
    const en = await plan(PLAN, "?format=pdf&lang=en");
    expect(await en.text()).toContain("Unsupported format: “pdf”");
  });
});

describe("the API stays as it was", () => {
  it("keeps the plan CSV's columns and status codes", async () => {
    const res = await apiPlan(req(`/api/v1/plans/${PLAN}?format=csv&asOf=${ASOF}`), { params: Promise.resolve({ id: PLAN }) });
    expect(res.status).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(
      "planId,planCode,targetId,parentId,indicatorCode,indicatorName,measureUnit,kind,lower,upper,strict,baseline,unitCode,unitName,periodStart,periodEnd,statement,actual,achieved,percent,status",
    );
    expect(lines.slice(1).map((l) => l.split(",").at(-1)).sort()).toEqual(["no_data", "no_data", "no_data", "no_data", "no_data", "on_track"]);
    expect(lines.find((l) => l.startsWith(`${PLAN},58/KH-UBND,target-58-jobs,`))).toContain(",2400,");
  });

  it("keeps the progress CSV's columns", async () => {
    const res = await apiProgress(req("/api/v1/progress?format=csv&unit=942"));
    expect((await res.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("targetId,planId,planCode,indicator,group,unit,year,actual,achieved,percent,status");
  });
});

describe("a unit's workbook", () => {
  it("lists its plans' targets, its targets by status per document, and its results", async () => {
    const res = await unit("94", `?asOf=${ASOF}`);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="dia-phuong-94.xlsx"');
    const wb = await workbook(res);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Chỉ tiêu", "Theo văn bản", "Kết quả"]);
    expect(String(wb.worksheets[0]!.getCell("A1").value)).toBe("Kế hoạch, chỉ tiêu và kết quả: Tỉnh Sóc Trăng");
    const targets = table(wb.getWorksheet("Chỉ tiêu")!, "Văn bản");
    expect(targets.rows.length).toBeGreaterThan(6);
    expect(targets.rows.filter((r) => targets.cell(r, "Văn bản").value === "58/KH-UBND")).toHaveLength(6);

    const byPlan = table(wb.getWorksheet("Theo văn bản")!, "Văn bản");
    expect(byPlan.header).toEqual(["Văn bản", "Trích yếu", "Năm ban hành", "Vượt", "Đạt", "Đúng tiến độ", "Có nguy cơ", "Chậm tiến độ", "Không đạt", "Chưa có số liệu", "Tổng"]);
    const expected = (await listPlanStatusCounts(ASOF, "94"))!;
    expect(byPlan.rows).toHaveLength(expected.length);
    const row58 = byPlan.rows.find((r) => byPlan.cell(r, "Văn bản").value === "58/KH-UBND")!;
    const counts58 = expected.find((p) => p.planId === PLAN)!.counts;
    expect(byPlan.cell(row58, "Tổng").value).toBe(counts58.total);
    expect(byPlan.cell(row58, "Đúng tiến độ").value).toBe(counts58.on_track);
    expect(byPlan.cell(row58, "Năm ban hành").numFmt).toBe("0");
  });

  it("opens a unit that ended at the reform by its key, and refuses unknown and malformed keys with 404", async () => {
    const wb = await workbook(await unit("92-2025"));
    expect(String(wb.worksheets[0]!.getCell("A1").value)).toContain("Cần Thơ");
    for (const key of ["99999", "<script>", "9".repeat(300)]) {
      const res = await unit(key);
      expect(res.status, key).toBe(404);
      expect(await res.text()).toContain("Không có đơn vị hành chính");
    }
  });
});

describe("the progress table's workbook", () => {
  it("counts every published target by status, as the API's rows", async () => {
    const wb = await workbook(await progress(`?asOf=${ASOF}`));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Theo trạng thái", "Tiến độ chỉ tiêu"]);
    const rows = (await listTargetProgress({ asOf: ASOF }))!;
    const counts = table(wb.getWorksheet("Theo trạng thái")!, "Trạng thái");
    const total = counts.rows.find((r) => counts.cell(r, "Trạng thái").value === "Tổng số")!;
    expect(counts.cell(total, "Số chỉ tiêu").value).toBe(rows.length);
    const onTrack = counts.rows.find((r) => counts.cell(r, "Trạng thái").value === "Đúng tiến độ")!;
    expect(counts.cell(onTrack, "Số chỉ tiêu").value).toBe(rows.filter((r) => r.progress.status === "on_track").length);
    const list = table(wb.getWorksheet("Tiến độ chỉ tiêu")!, "Văn bản");
    expect(list.rows).toHaveLength(rows.length);
    const jobs = list.rows.find((r) => String(list.cell(r, "Chỉ tiêu").value).includes("2.400"))!;
    expect(list.cell(jobs, "Trạng thái").value).toBe("Đúng tiến độ");
  });

  it("filters by unit and year, and refuses bad filters with 400 or 404", async () => {
    const wb = await workbook(await progress(`?unit=942&year=2023&asOf=${ASOF}`));
    expect(String(wb.worksheets[0]!.getCell("A1").value)).toBe("Tiến độ các chỉ tiêu đã công bố: Huyện Châu Thành");
    const list = table(wb.getWorksheet("Tiến độ chỉ tiêu")!, "Văn bản");
    expect(list.rows.length).toBe((await listTargetProgress({ unit: "942", year: 2023, asOf: ASOF }))!.length);
    expect(list.header).toContain("Năm");
    const csv = await progress("?unit=942&format=csv&lang=en");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="target-progress-942.csv"');
    expect((await csv.text()).replace(/^\uFEFF/, "").split("\r\n")[0]!.startsWith("Document,Target,Group,Applies to,")).toBe(true);
    for (const [q, status] of [["?year=abc", 400], ["?unit=%3Cx%3E", 400], ["?indicator=%27%3B--", 400], ["?unit=99999", 404], ["?asOf=tomorrow", 400]] as const) {
      const res = await progress(q);
      expect(res.status, q).toBe(status);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    }
  });
});
