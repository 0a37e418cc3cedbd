/**
 * Search text: the project's rule (docs/domain.md): "Search ignores diacritics and case: "soc trang", "Sóc Trăng" and
 * "SÓC TRĂNG" find the same (and "đ" matches "d")."
 */

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Lower-case, strip Vietnamese diacritics (NFD + combining marks), map "đ"/"Đ" to "d",
 * collapse whitespace and trim: "  SÓC   TRĂNG " → "soc trang", "Đào tạo" → "dao tao".
 */
export function normalizeSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * True when every word of `query` occurs in `text`, ignoring case and diacritics.
 * An empty query matches everything.
 */
export function matchesSearch(text: string, query: string): boolean {
  const haystack = normalizeSearch(text);
  const words = normalizeSearch(query).split(" ").filter((w) => w !== "");
  return words.every((w) => haystack.includes(w));
}

/**
 * What plan search matches: number and symbol, title, issuing body, and the names
 * of the issuing unit and the units above it (so "soc trang" finds a district's plan).
 */
export function planSearchText(p: { code?: string | null; title: string; issuer: string }, unitNamesUpwards: string[]): string {
  return normalizeSearch([p.code ?? "", p.title, p.issuer, ...unitNamesUpwards].join(" "));
}
