// A first look at the data sheet's XML before exceljs builds it (read-xlsx.ts): how many rows hold
// a value and how many cells there are, counted over the bytes without building anything, and
// stopped as soon as a limit is passed. exceljs keeps every row and cell of a sheet in memory (some
// 300 to 500 bytes a cell), so a sheet over the row limit is refused here, after at most that many
// rows, and one with more cells than any results sheet needs never reaches exceljs.
// docs/architecture.md, "Spreadsheets and zip bombs". Pure.

/** What the scan found: within the limits, or which one the sheet passes. */
export type TSheetScan = { ok: true; rows: number; cells: number } | { ok: false; over: "rows" | "cells" };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;

const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
const endsName = (b: number) => isSpace(b) || b === GT || b === SLASH;

/** The elements that matter, by their local name (a namespace prefix is ignored, as a stricter reader would count it). */
type TTag = "row" | "c" | "v" | "f" | "is" | null;
function tagOf(b: Buffer, from: number, to: number): TTag {
  let start = from;
  for (let k = from; k < to; k++) if (b[k] === COLON) start = k + 1;
  const len = to - start;
  if (len === 1) {
    const x = b[start];
    return x === 0x63 ? "c" : x === 0x76 ? "v" : x === 0x66 ? "f" : null;
  }
  if (len === 2 && b[start] === 0x69 && b[start + 1] === 0x73) return "is";
  if (len === 3 && b[start] === 0x72 && b[start + 1] === 0x6f && b[start + 2] === 0x77) return "row";
  return null;
}

/**
 * Counts the rows that hold a value (a non-empty <v>, an inline string, or a formula without a
 * result: what the import would not skip as blank) and the cells (<c>, empty or not) of a
 * worksheet's XML, stopping once `rows` or `cells` is passed. A row of empty strings counts
 * too: the scan errs on the side of counting.
 */
export function scanSheet(xml: Buffer, limits: { rows: number; cells: number }): TSheetScan {
  const n = xml.length;
  let rows = 0;
  let cells = 0;
  let rowHasValue = false;
  let cellHasFormula = false;
  let cellHasValue = false;
  const valueSeen = (): boolean => {
    if (rowHasValue) return false;
    rowHasValue = true;
    return ++rows > limits.rows;
  };
  let i = 0;
  for (;;) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0 || lt + 1 >= n) break;
    const first = xml[lt + 1]!;
    // Comments, CDATA, declarations and processing instructions hold no cells.
    if (first === 0x21 /* ! */) {
      const marker = xml[lt + 2] === 0x2d ? "-->" : xml[lt + 2] === 0x5b ? "]]>" : ">";
      const close = xml.indexOf(marker, lt + 2);
      if (close < 0) break;
      i = close + marker.length;
      continue;
    }
    if (first === 0x3f /* ? */) {
      const close = xml.indexOf("?>", lt + 2);
      if (close < 0) break;
      i = close + 2;
      continue;
    }
    const closing = first === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    let nameEnd = nameStart;
    while (nameEnd < n && !endsName(xml[nameEnd]!)) nameEnd++;
    // The tag's end: the first ">" outside a quoted attribute value.
    let gt = nameEnd;
    let quote = 0;
    while (gt < n) {
      const x = xml[gt]!;
      if (quote) {
        if (x === quote) quote = 0;
      } else if (x === QUOTE || x === APOS) quote = x;
      else if (x === GT) break;
      gt++;
    }
    if (gt >= n) break;
    i = gt + 1;
    const tag = tagOf(xml, nameStart, nameEnd);
    if (tag === null) continue;
    const empty = !closing && xml[gt - 1] === SLASH;

    if (tag === "row") {
      if (!closing) rowHasValue = false;
    } else if (tag === "c") {
      if (closing) {
        if (cellHasFormula && !cellHasValue && valueSeen()) return { ok: false, over: "rows" };
        continue;
      }
      if (++cells > limits.cells) return { ok: false, over: "cells" };
      cellHasFormula = false;
      cellHasValue = false;
    } else if (tag === "f") {
      if (!closing) cellHasFormula = true;
    } else if (tag === "is") {
      if (!closing && valueSeen()) return { ok: false, over: "rows" };
    } else if (tag === "v" && !closing) {
      cellHasValue = true;
      if (empty) continue;
      // A value holds something when its text up to the next tag is not blank (or is a CDATA section).
      const next = xml.indexOf(LT, i);
      const text = next < 0 ? xml.subarray(i) : xml.subarray(i, next);
      const hasText = text.some((x) => !isSpace(x)) || (next >= 0 && xml[next + 1] === 0x21);
      if (hasText && valueSeen()) return { ok: false, over: "rows" };
    }
  }
  return { ok: true, rows, cells };
}
