import Link from "next/link";
import { formatDate, type Locale } from "@/lib/domain/numbers";
import { messages } from "@/lib/i18n/messages";

/** "Tính tiến độ đến ngày [date] [Xem]": a plain GET form, so the date is in the URL and can be shared or printed. */
export function AsOfForm({
  path,
  keep = {},
  asOf,
  today,
  invalid,
  locale,
}: {
  path: string;
  /** Other parameters of the address the form keeps (the unit a large plan's page shows). */
  keep?: Record<string, string | undefined>;
  asOf: string;
  today: string;
  invalid: boolean;
  locale: Locale;
}) {
  const d = messages(locale).dashboards;
  const kept = Object.entries(keep).filter((e): e is [string, string] => e[1] !== undefined);
  const todayHref = kept.length ? `${path}?${new URLSearchParams(kept)}` : path;
  return (
    <div className="as-of">
      <form method="get" action={path} className="as-of-form no-print">
        <label htmlFor="asOf">{d.asOfLabel}</label>
        <input id="asOf" name="asOf" type="text" inputMode="numeric" autoComplete="off" placeholder="dd/mm/yyyy" size={11} defaultValue={formatDate(asOf)} aria-describedby="asOf-hint" />
        {kept.map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <button type="submit" className="button secondary">
          {d.asOfSubmit}
        </button>
        {asOf !== today && <Link href={todayHref}>{d.asOfToday}</Link>}
      </form>
      {invalid && (
        <p role="alert" className="form-error">
          {d.asOfInvalid}
        </p>
      )}
      <p className="muted as-of-shown">{d.asOfShown(formatDate(asOf))}</p>
      <p id="asOf-hint" className="hint">
        {d.asOfHint}
      </p>
    </div>
  );
}
