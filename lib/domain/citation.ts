/**
 * A plan's source as a citation in words (not a file name): who published the page, its title
 * in quotes, when it was published, then what the page says about itself (author, what it
 * does not state). Pure: the page only adds the link.
 *
 * vi: "Cổng thông tin điện tử tỉnh Sóc Trăng, “Ban hành Kế hoạch …”, đăng ngày 12/04/2024. Người viết: An Vy."
 * en: "Publisher not named on the page, “BẠC LIÊU: …”, published on 12/04/2024. Chuyên mục …"
 * The title and the note are quoted as the source gives them (in Vietnamese) in both languages.
 */
import { formatDate, type Locale } from "./numbers";

export type SourceFields = {
  sourcePublisher: string | null;
  sourceTitle: string | null;
  sourcePublishedOn: Date | string | null;
  sourceNote: string | null;
  sourceUrl: string | null;
};

export type Citation = {
  /** The citation sentence(s); "" when only a link is known. */
  text: string;
  /** The link to the page, when there is one. */
  url: string | null;
};

const WORDS: Record<Locale, { noPublisher: string; publishedOn: (date: string) => string }> = {
  vi: { noPublisher: "Trang tin không ghi tên cơ quan đăng", publishedOn: (d) => `đăng ngày ${d}` },
  en: { noPublisher: "publisher not named on the page", publishedOn: (d) => `published on ${d}` },
};

const clean = (s: string | null | undefined): string => (s ?? "").replace(/\s+/g, " ").trim();
const upperFirst = (s: string): string => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
/** End a sentence with a full stop unless it already ends with one (or "?", "!", "…"). */
const closed = (s: string): string => (/[.?!…]$/.test(s) ? s : `${s}.`);

/** The citation of a plan's source, or null when the plan has no source field at all (no empty "Nguồn" row). */
export function sourceCitation(p: SourceFields, locale: Locale = "vi"): Citation | null {
  const w = WORDS[locale];
  const publisher = clean(p.sourcePublisher);
  const title = clean(p.sourceTitle);
  const note = clean(p.sourceNote);
  const url = clean(p.sourceUrl) || null;
  const date = p.sourcePublishedOn ? formatDate(p.sourcePublishedOn) : "";
  const published = date && date !== "—" ? date : "";

  const sentences: string[] = [];
  // The page itself: publisher (or that it names none), title, date.
  if (publisher || title || published) {
    const parts = [publisher || w.noPublisher];
    if (title) parts.push(`“${title}”`);
    if (published) parts.push(w.publishedOn(published));
    sentences.push(closed(upperFirst(parts.join(", "))));
  }
  if (note) sentences.push(closed(note));
  if (sentences.length === 0 && !url) return null;
  return { text: sentences.join(" "), url };
}
