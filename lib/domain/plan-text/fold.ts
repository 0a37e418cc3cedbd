/**
 * Folding for the plan-text reader: lower case without diacritics ("Giảm" → "giam", "đ" → "d"),
 * one character for one, so that a match in the folded text is at the same place in the original.
 */

const MARKS = /\p{M}/gu;
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f !== undefined) return f;
  if (ch === "đ" || ch === "Đ") f = "d";
  else {
    const base = ch.normalize("NFD").replace(MARKS, "").toLowerCase();
    const lower = ch.toLowerCase();
    f = base.length === 1 ? base : lower.length === 1 ? lower : " ";
  }
  if (cache.size < 4096) cache.set(ch, f);
  return f;
}

/** The text folded, with exactly the same length (UTF-16 units) as the original. */
export function fold(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : s[i];
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // A character outside the BMP (an emoji…): kept as two units of nothing the reader reads.
      out += "  ";
      i++;
    } else {
      out += foldChar(s[i]!);
    }
  }
  return out;
}

/** Replace [start, end) with spaces (keeps positions). */
export function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + " ".repeat(end - start) + s.slice(end);
}
