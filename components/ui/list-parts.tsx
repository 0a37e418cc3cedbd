// The pieces of a public list page (/plans, /units): the filter form's search box and buttons,
// the card shown when nothing is found, and the pages' navigation. Server components: every
// filter is a GET form and every page a link, so the lists work without JavaScript.
import Link from "next/link";

/** The filter form's search box (`q`) with its hint. */
export function SearchBox({ label, hint, value, autoComplete }: { label: string; hint: string; value: string; autoComplete?: string }) {
  return (
    <div>
      <label htmlFor="q">{label}</label>
      <input id="q" name="q" type="search" defaultValue={value} aria-describedby="q-hint" maxLength={200} autoComplete={autoComplete} />
      <p id="q-hint" className="hint">
        {hint}
      </p>
    </div>
  );
}

/** The filter form's buttons: search, and the link back to the unfiltered list. */
export function FilterActions({ submit, reset, resetHref }: { submit: string; reset: string; resetHref: string }) {
  return (
    <div className="actions">
      <button type="submit" className="button">
        {submit}
      </button>
      <Link href={resetHref}>{reset}</Link>
    </div>
  );
}

/** Nothing found: what, and what to try. */
export function EmptyCard({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="card empty">
      <p>
        <strong>{title}</strong>
      </p>
      <p className="muted">{hint}</p>
    </div>
  );
}

export type TPaginationMessages = { pagination: string; prev: string; next: string; page: (page: string, count: string) => string };

/** Previous and next page, and where the reader is; nothing when there is one page. */
export function Pagination({ page, pageCount, href, m }: { page: number; pageCount: number; href: (page: number) => string; m: TPaginationMessages }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={m.pagination}>
      {page > 1 ? <Link href={href(page - 1)}>← {m.prev}</Link> : <span />}
      <span>{m.page(String(page), String(pageCount))}</span>
      {page < pageCount ? <Link href={href(page + 1)}>{m.next} →</Link> : <span />}
    </nav>
  );
}
