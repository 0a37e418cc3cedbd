// The zip inside an uploaded XLSX, read by the portal itself before exceljs sees any of it
// (read-xlsx.ts): the sizes a zip declares are never trusted (docs/architecture.md, "Spreadsheets
// and zip bombs").
//
//   listZip       reads the central directory and refuses anything odd: ZIP64, several disks,
//                 encrypted entries, methods other than stored (0) and deflate (8), names that
//                 are empty, hold "..", "\" or control characters, or come twice (after one
//                 leading "/" is dropped, as exceljs does),
//                 more than MAX_ZIP_ENTRIES entries, local headers that disagree with the
//                 directory, entries whose data overlap or run past the directory.
//   inflateEntry  unpacks one entry with node:zlib under a running byte budget shared by all
//                 the entries of the file: zlib stops at the declared size + 1 byte (never more
//                 than what is left of the budget), so memory never exceeds the budget whatever
//                 the headers claim; an entry whose real size or CRC-32 differs is refused.
//   storedZip     writes entries back as a plain zip (stored, not compressed) for exceljs: what
//                 it unpacks is then exactly what was checked here.
// Pure: no database, no session.
import { inflateRawSync } from "node:zlib";
import { MAX_ZIP_ENTRIES } from "./format";
import { hasControlCharacters } from "../domain/text";

/** Why a zip is refused: cannot be read (corrupt, not a zip), is odd (see above), or unpacks to more than the budget. */
export type TZipRefusal = "unreadable" | "unsafe" | "too_large";

export type TZipEntry = {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  /** What the zip declares; checked against what really comes out. */
  size: number;
  /** Where the entry's (compressed) bytes start in the file. */
  dataStart: number;
  /** A directory ("xl/"): nothing to unpack. */
  dir: boolean;
};

export type TZipListing = { ok: true; entries: TZipEntry[] } | { ok: false; refusal: TZipRefusal };

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const MAX_NAME_BYTES = 1024;
/** Encrypted (bit 0), strong encryption (bit 6), encrypted central directory (bit 13). */
const ENCRYPTED_FLAGS = 0x0001 | 0x0040 | 0x2000;
const UTF8_FLAG = 0x0800;

/** A zip file, by its first bytes (a local file header): every XLSX is one. */
export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

const refuse = (refusal: TZipRefusal): { ok: false; refusal: TZipRefusal } => ({ ok: false, refusal });

/** An entry name the portal accepts: relative, no "..", ".", "\" or control characters. */
function saneName(name: string): boolean {
  if (name === "" || name.startsWith("/") || name.includes("\\")) return false;
  if (hasControlCharacters(name)) return false;
  const parts = name.split("/");
  // A directory's name ends with "/" (its last part is empty); no other part may be empty, "." or "..".
  return parts.every((p, i) => (p === "" ? i === parts.length - 1 : p !== "." && p !== ".."));
}

/** The entries of a zip, from its central directory, or why it is refused. */
export function listZip(bytes: Uint8Array): TZipListing {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = b.length;
  if (n < 22) return refuse("unreadable");
  // The end record: the last one whose comment runs exactly to the end of the file.
  let end = -1;
  for (let p = n - 22; p >= Math.max(0, n - 22 - 0xffff); p--) {
    if (b.readUInt32LE(p) === SIG_END && p + 22 + b.readUInt16LE(p + 20) === n) {
      end = p;
      break;
    }
  }
  if (end < 0) return refuse("unreadable");
  if (end >= 20 && b.readUInt32LE(end - 20) === SIG_ZIP64_LOCATOR) return refuse("too_large");
  const disk = b.readUInt16LE(end + 4);
  const cdDisk = b.readUInt16LE(end + 6);
  const onDisk = b.readUInt16LE(end + 8);
  const count = b.readUInt16LE(end + 10);
  const cdSize = b.readUInt32LE(end + 12);
  const cdOffset = b.readUInt32LE(end + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return refuse("too_large");
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return refuse("unsafe");
  if (count === 0) return refuse("unreadable");
  if (count > MAX_ZIP_ENTRIES) return refuse("unsafe");
  // The directory ends where the end record starts: nothing hidden before or after it.
  if (cdOffset + cdSize !== end) return refuse("unreadable");

  const entries: (TZipEntry & { headerAt: number })[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > end || b.readUInt32LE(p) !== SIG_CENTRAL) return refuse("unreadable");
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const crc = b.readUInt32LE(p + 16);
    const compressedSize = b.readUInt32LE(p + 20);
    const size = b.readUInt32LE(p + 24);
    const nameLength = b.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
    const startDisk = b.readUInt16LE(p + 34);
    const headerAt = b.readUInt32LE(p + 42);
    if (next > end) return refuse("unreadable");
    if (size === 0xffffffff || compressedSize === 0xffffffff || headerAt === 0xffffffff) return refuse("too_large");
    if (flags & ENCRYPTED_FLAGS || startDisk !== 0) return refuse("unsafe");
    if (method !== 0 && method !== 8) return refuse("unsafe");
    if (method === 0 && compressedSize !== size) return refuse("unsafe");
    if (nameLength === 0 || nameLength > MAX_NAME_BYTES) return refuse("unsafe");
    const nameBytes = b.subarray(p + 46, p + 46 + nameLength);
    // One leading "/" is dropped, as exceljs does (some writers put it there).
    const name = nameBytes.toString(flags & UTF8_FLAG ? "utf8" : "latin1").replace(/^\//, "");
    if (!saneName(name) || names.has(name)) return refuse("unsafe");
    names.add(name);

    // The local header must agree with the directory: same name, method and no encryption.
    if (headerAt + 30 > cdOffset || b.readUInt32LE(headerAt) !== SIG_LOCAL) return refuse("unreadable");
    const localNameLength = b.readUInt16LE(headerAt + 26);
    const dataStart = headerAt + 30 + localNameLength + b.readUInt16LE(headerAt + 28);
    if (b.readUInt16LE(headerAt + 6) & ENCRYPTED_FLAGS || b.readUInt16LE(headerAt + 8) !== method) return refuse("unsafe");
    if (localNameLength !== nameLength || !b.subarray(headerAt + 30, headerAt + 30 + nameLength).equals(nameBytes)) return refuse("unsafe");
    if (dataStart + compressedSize > cdOffset) return refuse("unreadable");
    const dir = name.endsWith("/");
    if (dir && size !== 0) return refuse("unsafe");
    entries.push({ name, method, crc, compressedSize, size, dataStart, dir, headerAt });
    p = next;
  }
  if (p !== end) return refuse("unreadable");

  // No two entries share bytes (overlapping entries are how the worst zip bombs are built).
  const byPlace = [...entries].sort((x, y) => x.headerAt - y.headerAt);
  for (let i = 1; i < byPlace.length; i++) {
    const prev = byPlace[i - 1]!;
    if (byPlace[i]!.headerAt < prev.dataStart + prev.compressedSize) return refuse("unsafe");
  }
  return { ok: true, entries: entries.map(({ headerAt: _, ...e }) => e) };
}

/** What is left to unpack, in bytes, across every entry of one file. */
export type TBudget = { left: number };

/**
 * One entry's bytes, unpacked under the budget (which it then uses up), or why not: more than
 * the budget is left ("too_large", nothing unpacked), more or fewer bytes than declared
 * ("unsafe": zlib stops one byte past the declared size), bad deflate data or CRC-32
 * ("unreadable").
 */
export function inflateEntry(bytes: Uint8Array, e: TZipEntry, budget: TBudget): { ok: true; data: Buffer } | { ok: false; refusal: TZipRefusal } {
  if (e.size > budget.left) return refuse("too_large");
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset + e.dataStart, e.compressedSize);
  let data: Buffer;
  if (e.method === 0) data = raw;
  else {
    try {
      // Never more than the declared size + 1 byte (enough to tell a lie), within the budget.
      data = inflateRawSync(raw, { maxOutputLength: Math.min(e.size, budget.left) + 1 });
    } catch (err) {
      return refuse((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "unsafe" : "unreadable");
    }
  }
  if (data.length !== e.size) return refuse("unsafe");
  if (crc32(data) !== e.crc) return refuse("unreadable");
  budget.left -= data.length;
  return { ok: true, data };
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as zip computes it; `crc` continues an earlier one. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip of these entries, stored (not compressed), names in UTF-8, in this order. */
export function storedZip(entries: { name: string; data: Uint8Array; crc: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let at = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(SIG_LOCAL, 0);
    local.writeUInt16LE(10, 4); // version needed: 1.0 (stored)
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(0x21, 12); // date 1980-01-01
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(SIG_CENTRAL, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(10, 6);
    c.writeUInt16LE(UTF8_FLAG, 8);
    c.writeUInt16LE(0, 10);
    c.writeUInt16LE(0, 12);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(e.crc, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(at, 42);
    parts.push(local, name, Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength));
    central.push(c, name);
    at += 30 + name.length + e.data.length;
  }
  const cdSize = central.reduce((s, x) => s + x.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG_END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(at, 16);
  return Buffer.concat([...parts, ...central, end]);
}
