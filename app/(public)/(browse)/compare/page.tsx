import { inLocale } from "@/lib/i18n/locale";
import type { Metadata } from "next";
import Link from "next/link";
import { ProblemList } from "@/components/ui/problem-list";
import { BarChart } from "@/components/charts/lazy";
import { unitName } from "@/components/plans/format";
import { compareIndicator, defaultCompareGroup, groupComparison, listComparableIndicators, type TCompareRow, type TCompareTotal, type TCompareUnitRef } from "@/lib/data/rollups";
import { groupName, groupQualifier } from "@/lib/domain/groups";
import { formatDate, formatNumber } from "@/lib/domain/numbers";
import { getLocale } from "@/lib/i18n/server";
import { ZCompareSort, ZGroupCode, ZIndicatorCode, ZYear, type TCompareSort } from "@/lib/validation/compare";
import styles from "./compare.module.css";
import { messages } from "@/lib/i18n/messages";
import { SelectField } from "@/components/ui/select-field";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: messages(await getLocale()).compare.title };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ComparePage({ searchParams }: Props) {
  const locale = await getLocale();
  const c = messages(locale).compare;
  const sp = await searchParams;
  // Messages are written "tiếng Việt / English": show the reader's half.
  const problems: string[] = [];
  const parse = <T,>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, label: string, raw: string | undefined): T | undefined => {
    if (raw === undefined || raw === "") return undefined;
    const r = schema.safeParse(raw);
    if (r.success) return r.data;
    problems.push(c.badParam(label, inLocale(r.error.issues[0]?.message ?? "", locale)));
    return undefined;
  };
  const askedIndicator = parse(ZIndicatorCode, c.indicator, first(sp.indicator));
  const askedYear = parse(ZYear, c.year, first(sp.year));
  const askedGroup = parse(ZGroupCode, c.group, first(sp.group));
  const sort: TCompareSort = parse(ZCompareSort, c.sortParam, first(sp.sort)) ?? "name";

  const indicators = await listComparableIndicators();
  let indicator = askedIndicator ? indicators.find((i) => i.code === askedIndicator) : undefined;
  if (askedIndicator && !indicator) problems.push(c.unknownIndicator(askedIndicator));
  indicator ??= indicators[0];
  // One population group at a time: a Khmer or poor-district rate never stands beside a whole unit's.
  let group = askedGroup ? indicator?.groups.find((g) => g.code === askedGroup) : undefined;
  if (askedGroup && indicator && !group) problems.push(c.unknownGroup(askedGroup));
  group ??= indicator?.groups.find((g) => g.code === defaultCompareGroup(indicator));
  const year = askedYear ?? group?.years[0];
  const comparison = indicator && group && year !== undefined ? await compareIndicator({ indicatorCode: indicator.code, groupCode: group.code, year }) : null;
  const rows = comparison?.rows ?? [];
  const totals = new Map((comparison?.totals ?? []).map((t) => [t.provinceCode, t]));
  const groups = groupComparison(rows, sort);
  const years = [...new Set(indicators.flatMap((i) => i.years))].sort((a, b) => b - a);
  if (year !== undefined && !years.includes(year)) years.unshift(year);

  const measure = indicator ? (locale === "en" ? indicator.measureUnitEn : indicator.measureUnit) : "";
  // A sub-group is named with the indicator everywhere the figures show ("Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)").
  const sub = groupQualifier(group, locale);
  const indicatorName = indicator ? `${locale === "en" ? indicator.nameEn : indicator.name}${sub ? ` (${sub})` : ""}` : "";
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    if (indicator) q.set("indicator", indicator.code);
    if (group) q.set("group", group.code);
    if (year !== undefined) q.set("year", String(year));
    q.set("sort", sort);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.toString();
  };
  const sortHeader = (col: "name" | "value", label: string, className?: string) => {
    const active = sort === col || sort === `-${col}`;
    const desc = sort === `-${col}`;
    // First click: names A→Z, values largest first; a second click reverses.
    const next: TCompareSort = active ? ((desc ? col : `-${col}`) as TCompareSort) : col === "value" ? "-value" : "name";
    return (
      <th scope="col" className={className} aria-sort={active ? (desc ? "descending" : "ascending") : "none"}>
        <Link href={`/compare?${query({ sort: next })}`} aria-label={`${label}. ${c.sortBy(label)} (${next.startsWith("-") ? c.descending : c.ascending})`}>
          {label}
          <span aria-hidden="true">{active ? (desc ? " ▼" : " ▲") : " ↕"}</span>
        </Link>
      </th>
    );
  };
  const valueText = (r: Pick<TCompareRow, "qualifier" | "value">) => {
    const q = r.qualifier === "OVER" ? `${c.over} ` : r.qualifier === "ABOUT" ? `${c.about} ` : "";
    return `${q}${formatNumber(r.value, { locale })}${measure === "%" ? "%" : ` ${measure}`}`;
  };
  const totalRow = (provinceCode: string, t: TCompareTotal | undefined) =>
    !t
      ? []
      : [
          <tr key={`${provinceCode}-total`} className="computed-total" data-computed="true">
            <th scope="row" className={`${styles.unit} ${styles.sub}`}>
              {t.ok ? c.total(formatNumber(t.reported, { locale })) : c.totalRefused}
            </th>
            <td className="num">{t.ok ? valueText(t) : "—"}</td>
            <td className={styles.note}>{t.ok && <span className="sub-mark">{c.computed}</span>}</td>
          </tr>,
        ];
  const unitNote = (u: TCompareUnitRef) =>
    u.validTo
      ? `${c.until(formatDate(u.validTo))}${u.successor ? `; ${c.mergedInto(unitName(u.successor, locale))}` : ""}`
      : null;
  const renderRow = (r: TCompareRow, key: string, sub: boolean) => {
    const note = [r.unitFigures > 1 ? c.notAdded(formatNumber(r.unitFigures, { locale })) : null, unitNote(r.unit)].filter(Boolean);
    return (
      <tr key={key} className={sub ? "sub" : undefined}>
        <th scope="row" className={sub ? `${styles.unit} ${styles.sub}` : styles.unit}>
          <Link href={`/units/${r.unit.key}`}>{unitName(r.unit, locale)}</Link>
        </th>
        <td className="num">
          {valueText(r)}
          {r.isDemo && (
            <>
              {" "}
              <span className="badge demo">{c.demo}</span>
            </>
          )}
        </td>
        <td className={styles.note}>
          {/* What the figure counts, as the (Vietnamese) source words it. */}
          {r.label && (
            <span className="sub-mark" lang="vi">
              {r.label}
            </span>
          )}
          {note.map((n) => (
            <span key={n} className="sub-mark">
              {n}
            </span>
          ))}
        </td>
      </tr>
    );
  };

  return (
    <>
      <h1>{c.title}</h1>
      <p className="lead">{c.intro}</p>

      {indicators.length > 0 && indicator && (
        <form className={`filters card ${styles.form}`} method="get" action="/compare">
          <div>
            <label htmlFor="indicator">{c.indicator}</label>
            <select id="indicator" name="indicator" defaultValue={indicator.code}>
              {indicators.map((i) => (
                <option key={i.code} value={i.code}>
                  {locale === "en" ? i.nameEn : i.name} ({locale === "en" ? i.measureUnitEn : i.measureUnit})
                </option>
              ))}
            </select>
          </div>
          {group && <SelectField id="group" label={c.group} value={group.code} options={indicator.groups.map((g) => ({ value: g.code, label: groupName(g, locale) }))} />}
          <SelectField id="year" label={c.year} value={year !== undefined ? String(year) : ""} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
          <input type="hidden" name="sort" value={sort} />
          <div className="actions">
            <button type="submit" className="button">
              {c.submit}
            </button>
            <Link href="/compare">{c.reset}</Link>
          </div>
        </form>
      )}

      <ProblemList problems={problems} />

      {!indicator ? (
        <div className="card empty" style={{ marginTop: "1rem" }}>
          <p>
            <strong>{c.nothingAtAll}</strong>
          </p>
        </div>
      ) : rows.length === 0 ? (
        <div className="card empty" style={{ marginTop: "1rem" }}>
          <p>
            <strong>{c.none}</strong>
          </p>
          <p className="muted">{c.noneHint(indicator.years.join(", "))}</p>
        </div>
      ) : (
        <>
          <div className="toolbar" style={{ justifyContent: "space-between", alignItems: "center", marginTop: "1rem" }}>
            <p style={{ margin: 0 }}>
              <strong>{c.caption(indicatorName, String(year))}</strong>
            </p>
            <p style={{ margin: 0 }}>
              {c.download}: <a href={`/api/v1/compare?${query({ format: "csv" })}`}>{c.csv}</a> ·{" "}
              <a href={`/api/v1/compare?${query({ format: "xlsx" })}`}>{c.xlsx}</a>
            </p>
          </div>
          {(() => {
            // The bars follow the table's order (provinces, each followed by its districts).
            const ordered = groups.flatMap((g) => [...g.own, ...g.children]);
            const full = ordered.map((r) => `${r.unit.level === "PROVINCE" ? "" : "↳ "}${unitName(r.unit, locale)}${r.label ? ` – ${r.label}` : ""}`);
            // Axis labels stay short; the accessible name and the table carry the whole label.
            const labels = full.map((l) => (l.length > 48 ? `${l.slice(0, 47)}…` : l));
            const name = c.chartName(indicatorName, String(year), ordered.length);
            return (
              <div data-chart="compare">
                <BarChart
                  horizontal
                  labels={labels}
                  datasets={[{ label: c.colValue(measure), values: ordered.map((r) => r.value) }]}
                  ariaLabel={`${name}. ${ordered.map((r, i) => `${full[i]}: ${valueText(r)}`).join("; ")}`}
                  caption={`${name}. ${c.chartNote}`}
                  locale={locale}
                />
              </div>
            );
          })()}
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{c.caption(indicatorName, String(year))}</caption>
              <thead>
                <tr>
                  {sortHeader("name", c.colUnit)}
                  {sortHeader("value", c.colValue(measure), "num")}
                  <th scope="col">{c.colNote}</th>
                </tr>
              </thead>
              <tbody>
                {groups.flatMap((g) => [
                  ...(g.own.length
                    ? g.own.map((r, i) => renderRow(r, `${g.province.code}-own-${i}`, false))
                    : [
                        <tr key={`${g.province.code}-head`}>
                          <th scope="row" className={styles.unit}>
                            <Link href={`/units/${g.province.key}`}>{unitName(g.province, locale)}</Link>
                          </th>
                          <td className="num muted">—</td>
                          <td className={styles.note}>
                            <span className="sub-mark">{c.noOwnFigure}</span>
                            {unitNote(g.province) && <span className="sub-mark">{unitNote(g.province)}</span>}
                          </td>
                        </tr>,
                      ]),
                  ...g.children.map((r, i) => renderRow(r, `${g.province.code}-sub-${r.unit.code}-${i}`, true)),
                  ...totalRow(g.province.code, totals.get(g.province.code)),
                ])}
              </tbody>
            </table>
          </div>
        </>
      )}

      {indicator && (
        <section aria-labelledby="reference" className="card" style={{ marginTop: "1.25rem" }}>
          <h2 id="reference" style={{ marginTop: 0, fontSize: "1.05rem" }}>
            {c.reference}
          </h2>
          <p style={{ margin: 0 }}>{c.noReference}</p>
        </section>
      )}
    </>
  );
}
