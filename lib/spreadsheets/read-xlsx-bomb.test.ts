// Zip bombs and oversized sheets (security issue #13, finding 2): an XLSX is unpacked by the portal
// under one byte budget whatever its zip declares, its data sheet is counted before exceljs builds
// it, and a refusal says why in both languages. Memory is measured as the process's peak resident
// size (process.resourceUsage().maxRSS), which only grows: a bound, never a timing.
import { beforeAll, describe, expect, it } from "vitest";
import { problemText } from "../i18n/problems";
import { MAX_DATA_ROWS, MAX_SHEET_CELLS, MAX_UNZIPPED_BYTES } from "./format";
import { parseGridFile } from "./read-file";
import { deflatedEntry, deflatedRepeat, entriesOf, parseOk, rawZip, SHEET_XML_END, sheet, sheetXmlStart, storedEntry, workbookWith, xlsxFile, type TRawEntry } from "./test-fixtures";

const MB = 1024 * 1024;
const SHEET = "xl/worksheets/sheet1.xml";
const HEADER = ["targetId", "unitCode", "year", "value"];

/** How much the process's peak resident memory grew while `fn` ran, in MB (0 when it stayed under an earlier peak). */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; grewMb: number }> {
  const before = process.resourceUsage().maxRSS;
  const value = await fn();
  return { value, grewMb: (process.resourceUsage().maxRSS - before) / 1024 };
}

let base: Uint8Array;
/** 300 MB of one repeated cell in the data sheet, deflated to about 300 KB. */
let bomb: { raw: Buffer; size: number; crc: number };

beforeAll(async () => {
  base = await sheet(HEADER, [["target-58-jobs", "942", 2023, 1]]);
  const cells = "<c><v>12</v></c>".repeat(65536); // 1 MB
  bomb = await deflatedRepeat(sheetXmlStart(HEADER) + '<row r="2">', cells, 300, `</row>${SHEET_XML_END}`);
  expect(bomb.size).toBeGreaterThan(300 * 1000 * 1000);
  expect(bomb.raw.length).toBeLessThan(MB);
});

const bombEntry = (declared: number): TRawEntry => ({ name: SHEET, data: bomb.raw, method: 8, size: declared, crc: bomb.crc });

describe("a zip bomb", () => {
  it("declaring its 300 MB honestly is refused before anything is unpacked, with a message in both languages", async () => {
    const file = workbookWith(base, { [SHEET]: bombEntry(bomb.size) });
    expect(file.length).toBeLessThan(MB);
    const { value, grewMb } = await peakGrowth(() => parseGridFile(xlsxFile(file)));
    expect(value).toEqual({ ok: false, error: { code: "file_unpacked_too_large", params: { limit: MAX_UNZIPPED_BYTES } } });
    expect(!value.ok && problemText(value.error, "vi")).toBe(`Tệp Excel khi giải nén lớn hơn ${MAX_UNZIPPED_BYTES / MB} MB. Hãy xóa hình ảnh và trang tính thừa, hoặc dùng tệp tải về từ cổng.`);
    expect(!value.ok && problemText(value.error, "en")).toContain(`unpacks to more than ${MAX_UNZIPPED_BYTES / MB} MB`);
    expect(grewMb).toBeLessThan(100);
  });

  it("declaring a small size (a lying header) is refused, and unpacking stops at the declared size: memory stays far under 300 MB", async () => {
    const arrayBuffers = process.memoryUsage().arrayBuffers;
    const { value, grewMb } = await peakGrowth(() => parseGridFile(xlsxFile(workbookWith(base, { [SHEET]: bombEntry(1000) }))));
    expect(value).toEqual({ ok: false, error: { code: "file_zip_unsafe" } });
    expect(!value.ok && problemText(value.error, "vi")).toContain("kích thước khai báo sai");
    expect(!value.ok && problemText(value.error, "en")).toContain("wrong declared sizes");
    expect(grewMb).toBeLessThan(100);
    expect((process.memoryUsage().arrayBuffers - arrayBuffers) / MB).toBeLessThan(50);
  });

  it("declaring a size within the budget but holding more is stopped at that size, never at what it holds", async () => {
    const { value, grewMb } = await peakGrowth(() => parseGridFile(xlsxFile(workbookWith(base, { [SHEET]: bombEntry(20 * MB) }))));
    expect(value).toEqual({ ok: false, error: { code: "file_zip_unsafe" } });
    // 20 MB unpacked (and joined once): well under the 300 MB the entry holds.
    expect(grewMb).toBeLessThan(150);
  });

  it("the budget is for the whole file: parts each under it but together over it are refused", async () => {
    const picture = (n: number): TRawEntry => ({ ...deflatedEntry(`xl/media/image${n}.png`, Buffer.alloc(20 * MB)) });
    const out = await parseGridFile(xlsxFile(workbookWith(base, { "xl/media/image1.png": picture(1), "xl/media/image2.png": picture(2) })));
    expect(out).toEqual({ ok: false, error: { code: "file_unpacked_too_large", params: { limit: MAX_UNZIPPED_BYTES } } });
    // One such picture fits, and the sheet is read.
    expect((await parseOk(xlsxFile(workbookWith(base, { "xl/media/image1.png": picture(1) })))).rows).toHaveLength(1);
  });
});

describe("the data sheet is counted before exceljs builds it", () => {
  const row = (n: number) => `<row r="${n}"><c r="A${n}" t="inlineStr"><is><t>target-58-jobs</t></is></c><c r="B${n}"><v>942</v></c><c r="C${n}"><v>2023</v></c><c r="D${n}"><v>${n}</v></c></row>`;
  const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => row(from + i)).join("");

  it("stops at the row limit: what comes after is never read (here, XML that cannot be parsed)", async () => {
    const xml = sheetXmlStart(HEADER) + rows(2, MAX_DATA_ROWS + 1) + "<<< not XML at all" + rows(MAX_DATA_ROWS + 3, 1000) + SHEET_XML_END;
    const out = await parseGridFile(xlsxFile(workbookWith(base, { [SHEET]: Buffer.from(xml) })));
    expect(out).toEqual({ ok: false, error: { code: "file_too_many_rows", params: { limit: MAX_DATA_ROWS } } });
    // At the limit, the sheet is read as before.
    const full = sheetXmlStart(HEADER) + rows(2, MAX_DATA_ROWS) + SHEET_XML_END;
    expect((await parseOk(xlsxFile(workbookWith(base, { [SHEET]: Buffer.from(full) })))).rows).toHaveLength(MAX_DATA_ROWS);
  });

  it("refuses a sheet with more cells than a results sheet needs, even when they are empty", async () => {
    const wide = sheetXmlStart(HEADER) + `<row r="2">${'<c s="0"/>'.repeat(MAX_SHEET_CELLS)}</row>${SHEET_XML_END}`;
    const out = await parseGridFile(xlsxFile(workbookWith(base, { [SHEET]: Buffer.from(wide) })));
    expect(out).toEqual({ ok: false, error: { code: "file_too_many_cells", params: { limit: MAX_SHEET_CELLS } } });
    expect(!out.ok && problemText(out.error, "vi")).toMatch(/^Trang dữ liệu có quá nhiều ô: tối đa [\d.]+ ô\./);
  });

  it("never unpacks the other worksheets: a broken guide sheet does not stop the data sheet", async () => {
    const two = await sheet(HEADER, [["target-58-jobs", "942", 2023, 7]], "Kết quả");
    const withGuide = workbookWith(two, {
      "xl/worksheets/sheet2.xml": { name: "xl/worksheets/sheet2.xml", data: Buffer.from("not deflate data"), method: 8, size: 50 * MB, crc: 0 },
      "xl/workbook.xml": Buffer.from(
        entriesOf(two)
          .find((e) => e.name === "xl/workbook.xml")!
          .data.toString()
          .replace("</sheets>", '<sheet name="Hướng dẫn" sheetId="2" r:id="rIdGuide"/></sheets>'),
      ),
      "xl/_rels/workbook.xml.rels": Buffer.from(
        entriesOf(two)
          .find((e) => e.name === "xl/_rels/workbook.xml.rels")!
          .data.toString()
          .replace("</Relationships>", '<Relationship Id="rIdGuide" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>'),
      ),
    });
    const parsed = await parseOk(xlsxFile(withGuide));
    expect(parsed.rows.map((r) => r.input)).toEqual([{ targetId: "target-58-jobs", unitCode: "942", year: 2023, value: 7 }]);
  });
});

describe("ordinary workbooks are read as before", () => {
  it("stored (uncompressed) parts, a leading “/” on part names, and directory entries", async () => {
    const stored = rawZip([storedEntry("xl/", new Uint8Array(0)), ...entriesOf(base).map((e) => storedEntry(e.name, e.data))]);
    const slashed = rawZip(entriesOf(base).map((e) => deflatedEntry(`/${e.name}`, e.data)));
    const expected = (await parseOk(xlsxFile(base))).rows;
    expect(expected).toEqual([{ line: 2, input: { targetId: "target-58-jobs", unitCode: "942", year: 2023, value: 1 }, problems: [] }]);
    expect((await parseOk(xlsxFile(stored))).rows).toEqual(expected);
    expect((await parseOk(xlsxFile(slashed))).rows).toEqual(expected);
  });

  it("a workbook without a data sheet, or without its workbook part, has no sheet to read", async () => {
    const noBook = rawZip(entriesOf(base).filter((e) => e.name !== "xl/workbook.xml").map((e) => deflatedEntry(e.name, e.data)));
    expect(await parseGridFile(xlsxFile(noBook))).toEqual({ ok: false, error: { code: "file_no_sheet" } });
    const onlyGuide = await sheet(["Hướng dẫn"], [], "Hướng dẫn");
    expect(await parseGridFile(xlsxFile(onlyGuide))).toEqual({ ok: false, error: { code: "file_no_sheet" } });
  });
});
