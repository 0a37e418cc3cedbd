// The portal's own zip reader (zip.ts): the central directory read strictly, anything odd refused,
// entries unpacked under one budget and held to what they declare, and the plain zip written
// for exceljs read back as it was.
import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_ZIP_ENTRIES } from "./format";
import { centralRecord, deflatedEntry, endRecord, localRecord, rawZip, storedEntry, type TRawEntry } from "./test-fixtures";
import { crc32, inflateEntry, isZip, listZip, storedZip } from "./zip";

const text = (s: string) => Buffer.from(s, "utf8");
const refusal = (bytes: Uint8Array) => {
  const r = listZip(bytes);
  return r.ok ? "ok" : r.refusal;
};

describe("listZip", () => {
  it("lists a well-formed zip: names, methods, declared sizes, directories", () => {
    const zip = rawZip([storedEntry("xl/", new Uint8Array(0)), deflatedEntry("xl/workbook.xml", text("<workbook/>".repeat(50))), storedEntry("[Content_Types].xml", text("<Types/>"))]);
    expect(isZip(zip)).toBe(true);
    const r = listZip(zip);
    expect(r.ok && r.entries.map((e) => [e.name, e.method, e.size, e.dir])).toEqual([
      ["xl/", 0, 0, true],
      ["xl/workbook.xml", 8, 550, false],
      ["[Content_Types].xml", 0, 8, false],
    ]);
  });

  it("refuses encrypted entries, other methods, odd or repeated names and too many entries", () => {
    const ok = deflatedEntry("xl/workbook.xml", text("<workbook/>"));
    expect(refusal(rawZip([{ ...ok, flags: 0x0001 }]))).toBe("unsafe");
    expect(refusal(rawZip([{ ...ok, flags: 0x0040 }]))).toBe("unsafe");
    expect(refusal(rawZip([{ ...ok, method: 12 }]))).toBe("unsafe"); // bzip2
    expect(refusal(rawZip([{ ...ok, method: 14 }]))).toBe("unsafe"); // LZMA
    for (const name of ["../evil.xml", "xl/../../evil.xml", "xl/./a.xml", "xl\\a.xml", "xl//a.xml", "a\u0000.xml", "//a.xml"]) {
      expect(refusal(rawZip([{ ...ok, name }])), name).toBe("unsafe");
    }
    expect(refusal(rawZip([ok, ok]))).toBe("unsafe");
    expect(refusal(rawZip([ok, { ...ok, name: `/${ok.name}` }]))).toBe("unsafe"); // the same name once "/" is dropped
    const many = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => storedEntry(`xl/p${i}.xml`, text("x")));
    expect(refusal(rawZip(many))).toBe("unsafe");
    expect(refusal(rawZip(many.slice(1)))).toBe("ok");
  });

  it("refuses a local header that disagrees with the directory, and a stored entry whose sizes differ", () => {
    const ok = deflatedEntry("xl/workbook.xml", text("<workbook/>"));
    expect(refusal(rawZip([{ ...ok, localName: "xl/other.xml" }]))).toBe("unsafe");
    expect(refusal(rawZip([{ ...storedEntry("a.xml", text("abc")), size: 2 }]))).toBe("unsafe");
  });

  it("refuses entries that share bytes (an overlapping zip bomb)", () => {
    // The second entry's header sits inside the first entry's (stored) data.
    const inner: TRawEntry = storedEntry("b.xml", text("kernel"));
    const innerRecord = localRecord(inner);
    const outer = storedEntry("a.xml", innerRecord);
    const outerRecord = localRecord(outer);
    const innerAt = outerRecord.length - innerRecord.length;
    const cd = Buffer.concat([centralRecord(outer, 0), centralRecord(inner, innerAt)]);
    const zip = Buffer.concat([outerRecord, cd, endRecord(2, cd.length, outerRecord.length)]);
    expect(refusal(zip)).toBe("unsafe");
  });

  it("refuses what is not a whole zip: no end record, bytes after it, a directory that does not end where it says, ZIP64", () => {
    const zip = Buffer.from(rawZip([deflatedEntry("xl/workbook.xml", text("<workbook/>"))]));
    expect(refusal(zip.subarray(0, zip.length - 1))).toBe("unreadable");
    expect(refusal(Buffer.concat([zip, text("trailing")]))).toBe("unreadable");
    expect(refusal(Buffer.concat([text("prefix"), zip]))).toBe("unreadable");
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe("unreadable");
    const zip64 = Buffer.from(zip);
    zip64.writeUInt32LE(0xffffffff, zip64.length - 22 + 16);
    expect(refusal(zip64)).toBe("too_large");
  });
});

describe("inflateEntry", () => {
  const unpack = (e: TRawEntry, left = 1024 * 1024) => {
    const zip = rawZip([e]);
    const listing = listZip(zip);
    if (!listing.ok) throw new Error(listing.refusal);
    const budget = { left };
    return { out: inflateEntry(zip, listing.entries[0]!, budget), budget };
  };

  it("unpacks an entry and takes its size from the budget", () => {
    const data = text("<sheetData/>".repeat(1000));
    const { out, budget } = unpack(deflatedEntry("s.xml", data));
    expect(out.ok && out.data.equals(data)).toBe(true);
    expect(budget.left).toBe(1024 * 1024 - data.length);
  });

  it("refuses an entry larger than what is left of the budget, without unpacking it", () => {
    const { out, budget } = unpack(deflatedEntry("s.xml", Buffer.alloc(2000)), 1999);
    expect(out).toEqual({ ok: false, refusal: "too_large" });
    expect(budget.left).toBe(1999);
  });

  it("holds an entry to its declared size: more (a lying header) or less is refused, so is a wrong CRC or bad data", () => {
    const real = Buffer.alloc(100_000, "a");
    const e = deflatedEntry("s.xml", real);
    expect(unpack({ ...e, size: 1000 }).out).toEqual({ ok: false, refusal: "unsafe" });
    expect(unpack({ ...e, size: 200_000 }).out).toEqual({ ok: false, refusal: "unsafe" });
    expect(unpack({ ...e, crc: (e.crc + 1) >>> 0 }).out).toEqual({ ok: false, refusal: "unreadable" });
    expect(unpack({ ...e, data: text("not deflate data") }).out).toEqual({ ok: false, refusal: "unreadable" });
    expect(unpack({ ...e, data: deflateRawSync(real).subarray(0, 20) }).out).toEqual({ ok: false, refusal: "unreadable" });
  });
});

describe("crc32 and storedZip", () => {
  it("computes zip's CRC-32, also a piece at a time", () => {
    expect(crc32(text("123456789"))).toBe(0xcbf43926);
    expect(crc32(text("56789"), crc32(text("1234")))).toBe(0xcbf43926);
  });

  it("writes entries that read back as they were, with UTF-8 names", () => {
    const parts = [
      { name: "xl/workbook.xml", data: text("<workbook/>") },
      { name: "xl/media/ảnh.png", data: Buffer.alloc(10, 7) },
    ];
    const zip = storedZip(parts.map((p) => ({ ...p, crc: crc32(p.data) })));
    const listing = listZip(zip);
    expect(listing.ok && listing.entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ["xl/workbook.xml", 0, 11],
      ["xl/media/ảnh.png", 0, 10],
    ]);
    const budget = { left: 100 };
    expect(listing.ok && listing.entries.map((e) => inflateEntry(zip, e, budget)).map((r) => r.ok && r.data.toString("latin1"))).toEqual(parts.map((p) => p.data.toString("latin1")));
  });
});
