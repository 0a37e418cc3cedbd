/**
 * Search text: the project's rule (docs/domain.md): "Search ignores diacritics and case: "soc trang", "Sóc Trăng" and
 * "SÓC TRĂNG" find the same (and "đ" matches "d")."
 */

const COMBINING_MARKS = /\p{M}/gu;

/**
 * Control characters (C0 and DEL, NUL among them): never part of a text a person means to
 * write, and PostgreSQL refuses NUL in any text outright. The one rule for every text the portal
 * takes: forms refuse them with a message; multi-line texts allow the line break ("\n") only.
 */
export function hasControlCharacters(s: string, opts: { lineBreaks?: boolean } = {}): boolean {
  return (opts.lineBreaks ? /[\u0000-\u0009\u000b-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).test(s);
}

/** A search as typed, its control characters read as spaces (a search is never refused for them). */
export function withoutControlCharacters(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f]/g, " ");
}

/**
 * Lower-case, strip Vietnamese diacritics (NFD + combining marks), map "đ"/"Đ" to "d",
 * collapse whitespace and trim: "  SÓC   TRĂNG " → "soc trang", "Đào tạo" → "dao tao".
 */
export function normalizeSearch(s: string): string {
  return withoutControlCharacters(s)
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

/** The longest word whose missing spaces search tries to restore ("soctrang" → "soc trang"). */
const MAX_JOINED_WORD = 24;

/** A text for SQL `LIKE … contains` matching itself: its "%", "_" and "\\" escaped (Prisma passes wildcards through). */
export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/**
 * The query words of a search (at most 8), normalised as the searched text is, each with the
 * forms it may stand for: itself, and, for a word typed without its space ("soctrang",
 * "vinhthinh"), every way of splitting it into two words ("soc trang"). A row matches a word
 * when it contains any of its forms. The forms are ready for SQL `LIKE … contains` (Prisma
 * passes its wildcards through): "%", "_" and "\" are escaped so they match themselves.
 */
export function searchWordForms(query: string): string[][] {
  return normalizeSearch(query)
    .split(" ")
    .filter(Boolean)
    .slice(0, 8)
    .map((w) => {
      const splits = w.length >= 5 && w.length <= MAX_JOINED_WORD && /^[a-z]+$/.test(w) ? Array.from({ length: w.length - 3 }, (_, i) => `${w.slice(0, i + 2)} ${w.slice(i + 2)}`) : [];
      return [w, ...splits].map(escapeLike);
    });
}

/**
 * What plan search matches: number and symbol, title, issuing body, and the names
 * of the issuing unit and the units above it (so "soc trang" finds a district's plan).
 */
export function planSearchText(p: { code?: string | null; title: string; issuer: string }, unitNamesUpwards: string[]): string {
  return normalizeSearch([p.code ?? "", p.title, p.issuer, ...unitNamesUpwards].join(" "));
}
