// For the tests of lib/spreadsheets (and the zip bomb's integration test) only: a small grid like
// 58/KH-UBND's for the Sóc Trăng officer, files made from it, and zips built by hand.
import { createGzip, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { TGrid, TGridCell, TGridTarget } from "../data/results-write";
import type { TProblem } from "../errors";
import { problemText } from "../i18n/problems";
import { parseGridFile } from "./read-file";
import { crc32, inflateEntry, listZip } from "./zip";

export const target = (id: string, statement: string, extra: Partial<TGridTarget> = {}): TGridTarget => ({
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

export const cell = (targetId: string, result: TGridCell["result"] = null): TGridCell => ({
  targetId,
  unitId: "unit-942",
  unitCode: "942",
  year: 2023,
  result,
  readOnly: false,
  canEdit: result?.status !== "PUBLISHED",
  canPublish: true,
  canReopen: false,
});

export const stored = (value: number, extra: Partial<NonNullable<TGridCell["result"]>> = {}): NonNullable<TGridCell["result"]> => ({
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

export function makeGrid(): TGrid {
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
    gaps: [],
  };
}

export const xlsxFile = (bytes: Uint8Array, name = "ket-qua.xlsx") => ({ name, bytes });
export const csvFile = (text: string, name = "ket-qua.csv") => ({ name, type: "text/csv", bytes: new TextEncoder().encode(text) });

export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A workbook with one sheet: the header, then rows of values. */
export async function sheet(header: string[], rows: ExcelJS.CellValue[][], name = "Sheet1"): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return saveWorkbook(wb);
}

export async function parseOk(file: { name: string; bytes: Uint8Array; type?: string }) {
  const r = await parseGridFile(file);
  if (!r.ok) throw new Error(`expected a readable file, got ${JSON.stringify(r.error)}`);
  return r;
}

/** Problems as a Vietnamese reader sees them: the field, and the text. */
export const said = (problems: Pick<TProblem, "code" | "params" | "field">[]) => problems.map((p) => ({ field: p.field, message: problemText(p, "vi") }));

// ---------------------------------------------------------------------------
// Zips built by hand, for the tests of the zip reader (zip.ts, read-xlsx.ts): what each entry
// declares (size, CRC-32, flags, method, where its header is) may be told or lied.
// ---------------------------------------------------------------------------

/** An entry as written: its bytes as stored in the zip (compressed or not) and what it declares. */
export type TRawEntry = {
  name: string;
  /** The bytes as they sit in the zip. */
  data: Uint8Array;
  /** 0 stored, 8 deflate (or anything, to be refused). */
  method: number;
  /** The declared unpacked size. */
  size: number;
  crc: number;
  flags?: number;
  /** A different name in the local header. */
  localName?: string;
};

const u16 = (n: number) => Buffer.from([n & 0xff, (n >>> 8) & 0xff]);
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A local file header and the entry's bytes. */
export function localRecord(e: TRawEntry): Buffer {
  const name = Buffer.from(e.localName ?? e.name, "utf8");
  return Buffer.concat([u32(0x04034b50), u16(20), u16(e.flags ?? 0), u16(e.method), u16(0), u16(0x21), u32(e.crc), u32(e.data.length), u32(e.size), u16(name.length), u16(0), name, e.data]);
}

/** A central directory record of an entry whose local header is at `at`. */
export function centralRecord(e: TRawEntry, at: number): Buffer {
  const name = Buffer.from(e.name, "utf8");
  return Buffer.concat([
    u32(0x02014b50),
    u16(20),
    u16(20),
    u16(e.flags ?? 0),
    u16(e.method),
    u16(0),
    u16(0x21),
    u32(e.crc),
    u32(e.data.length),
    u32(e.size),
    u16(name.length),
    u16(0),
    u16(0),
    u16(0),
    u16(0),
    u32(0),
    u32(at),
    name,
  ]);
}

/** The end record: `count` entries, the directory of `cdSize` bytes at `cdOffset`. */
export const endRecord = (count: number, cdSize: number, cdOffset: number) => Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(count), u16(count), u32(cdSize), u32(cdOffset), u16(0)]);

/** A zip of these entries, each declaring what its TRawEntry says. */
export function rawZip(entries: TRawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const e of entries) {
    const local = localRecord(e);
    centrals.push(centralRecord(e, at));
    locals.push(local);
    at += local.length;
  }
  const cd = Buffer.concat(centrals);
  return new Uint8Array(Buffer.concat([...locals, cd, endRecord(entries.length, cd.length, at)]));
}

/** An entry stored as it is, declaring the truth. */
export const storedEntry = (name: string, data: Uint8Array): TRawEntry => ({ name, data, method: 0, size: data.length, crc: crc32(data) });
/** An entry deflated, declaring the truth. */
export const deflatedEntry = (name: string, data: Uint8Array): TRawEntry => ({ name, data: deflateRawSync(data), method: 8, size: data.length, crc: crc32(data) });

/** The entries of a real zip (an exceljs workbook), unpacked: name and bytes, in order, directories left out. */
export function entriesOf(bytes: Uint8Array): { name: string; data: Buffer }[] {
  const listing = listZip(bytes);
  if (!listing.ok) throw new Error(`not a zip: ${listing.refusal}`);
  const budget = { left: Number.MAX_SAFE_INTEGER };
  return listing.entries
    .filter((e) => !e.dir)
    .map((e) => {
      const r = inflateEntry(bytes, e, budget);
      if (!r.ok) throw new Error(`${e.name}: ${r.refusal}`);
      return { name: e.name, data: r.data };
    });
}

/** A real workbook (made by `sheet`) with some of its parts replaced or added, every part deflated unless given raw. */
export function workbookWith(base: Uint8Array, parts: Record<string, TRawEntry | Uint8Array>): Uint8Array {
  const names = new Set(Object.keys(parts));
  const entries = entriesOf(base).map((e) => {
    const p = parts[e.name];
    names.delete(e.name);
    return p === undefined ? deflatedEntry(e.name, e.data) : p instanceof Uint8Array ? deflatedEntry(e.name, p) : p;
  });
  for (const name of names) {
    const p = parts[name]!;
    entries.push(p instanceof Uint8Array ? deflatedEntry(name, p) : p);
  }
  return rawZip(entries);
}

/**
 * `prefix`, then `block` `times` over, then `suffix`, raw-deflated a block at a time (the whole is
 * never held: 300 MB of repeated cells become about 300 KB): the deflated bytes, their unpacked
 * size and CRC-32 (read from the gzip trailer the same stream writes).
 */
export async function deflatedRepeat(prefix: string, block: string, times: number, suffix: string): Promise<{ raw: Buffer; size: number; crc: number }> {
  const gz = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gz.on("data", (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    gz.on("end", resolve);
    gz.on("error", reject);
  });
  const chunk = Buffer.from(block, "utf8");
  gz.write(prefix);
  for (let i = 0; i < times; i++) if (!gz.write(chunk)) await new Promise((r) => gz.once("drain", r));
  gz.end(suffix);
  await done;
  const all = Buffer.concat(out);
  // gzip: a 10-byte header, the raw deflate stream, then CRC-32 and size of the input.
  return { raw: all.subarray(10, all.length - 8), crc: all.readUInt32LE(all.length - 8), size: Buffer.byteLength(prefix) + chunk.length * times + Buffer.byteLength(suffix) };
}

/** The start of a worksheet part, as exceljs and Excel write it, with a header row of inline strings. */
export const sheetXmlStart = (header: string[]) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  `<row r="1">${header.map((h, i) => `<c r="${String.fromCharCode(65 + i)}1" t="inlineStr"><is><t>${h}</t></is></c>`).join("")}</row>`;
export const SHEET_XML_END = "</sheetData></worksheet>";
