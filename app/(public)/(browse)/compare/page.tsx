import { inLocale } from "@/lib/i18n/locale";
import type { Metadata } from "next";
import Link from "next/link";
import { ProblemList } from "@/components/ui/problem-list";
import { Pagination } from "@/components/ui/list-parts";
import { BarChart } from "@/components/charts/lazy";
import { unitName } from "@/components/plans/format";
import {
  comparePage,
  compareView,
  defaultCompareGroup,
  listComparableIndicators,
  type TCompareProvinceLine,
  type TCompareRow,
  type TCompareTotal,
  type TCompareUnitRef,
} from "@/lib/data/rollups";
import { groupName, groupQualifier } from "@/lib/domain/groups";
import { formatDate, formatNumber } from "@/lib/domain/numbers";
import { getLocale } from "@/lib/i18n/server";
import { ZCompareSort, ZGroupCode, ZIndicatorCode, ZPage, ZProvinceCode, ZYear, type TCompareSort } from "@/lib/validation/compare";
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
  const m = messages(locale);
  const c = m.compare;
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
  const askedProvince = parse(ZProvinceCode, c.provinceParam, first(sp.province));
  const askedPage = parse(ZPage, c.pageParam, first(sp.page));

  const indicators = await listComparableIndicators();
  let indicator = askedIndicator ? indicators.find((i) => i.code === askedIndicator) : undefined;
  if (askedIndicator && !indicator) problems.push(c.unknownIndicator(askedIndicator));
  indicator ??= indicators[0];
  // One population group at a time: a Khmer or poor-district rate never stands beside a whole unit's.
  let group = askedGroup ? indicator?.groups.find((g) => g.code === askedGroup) : undefined;
  if (askedGroup && indicator && !group) problems.push(c.unknownGroup(askedGroup));
  group ??= indicator?.groups.find((g) => g.code === defaultCompareGroup(indicator));
  const year = askedYear ?? group?.years[0];
  // Province first (docs/domain.md, "The comparison at national size"): the overview, or one
  // province's rows a page at a time, so the page stays small (and quick to read) with every commune loaded.
  const listed = indicator && group && year !== undefined ? await comparePage({ indicatorCode: indicator.code, groupCode: group.code, year }, sort, askedProvince) : null;
  const figures = listed?.figures ?? 0;
  const view = compareView(listed?.groups ?? [], listed?.totals ?? [], { province: askedProvince, page: askedPage });
  if (view.kind === "provinces" && view.missingProvince !== null && figures > 0) problems.push(c.unknownProvince(view.missingProvince));
  const province = view.kind === "province" ? view.province : null;
  const years = [...new Set(indicators.flatMap((i) => i.years))].sort((a, b) => b - a);
  if (year !== undefined && !years.includes(year)) years.unshift(year);

  const measure = indicator ? (locale === "en" ? indicator.measureUnitEn : indicator.measureUnit) : "";
  // A sub-group is named with the indicator everywhere the figures show ("Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)").
  const sub = groupQualifier(group, locale);
  const indicatorName = indicator ? `${locale === "en" ? indicator.nameEn : indicator.name}${sub ? ` (${sub})` : ""}` : "";
  /** The series (indicator, group, year, sort) and `extra`; `province` stays unless `extra` sets it to null. */
  const query = (extra: Record<string, string | null>) => {
    const q = new URLSearchParams();
    if (indicator) q.set("indicator", indicator.code);
    if (group) q.set("group", group.code);
    if (year !== undefined) q.set("year", String(year));
    q.set("sort", sort);
    if (province) q.set("province", province.code);
    for (const [k, v] of Object.entries(extra)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    return q.toString();
  };
  const sortHeader = (col: "name" | "value", label: string, className?: string) => {
    const active = sort === col || sort === `-${col}`;
    const desc = sort === `-${col}`;
    // First click: names A→Z, values largest first; a second click reverses.
    const next: TCompareSort = active ? ((desc ? col : `-${col}`) as TCompareSort) : col === "value" ? "-value" : "name";
    return (
      <th scope="col" className={className} aria-sort={active ? (desc ? "descending" : "ascending") : "none"}>
        {/* A new order starts again at the first page. */}
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
  /** What a figure's reader must know beside it: several figures of its unit, never added; an ended unit. */
  const notesOf = (r: TCompareRow) => [r.unitFigures > 1 ? c.oneOf(formatNumber(r.unitFigures, { locale })) : null, unitNote(r.unit)];
  // A unit below its province is indented by its row's class (tr.sub, compare.module.css): one
  // class less on each row of a province's view.
  const unitCell = (u: TCompareUnitRef) => (
    <th scope="row" className={styles.unit}>
      <Link href={`/units/${u.key}`}>{unitName(u, locale)}</Link>
    </th>
  );
  const valueCell = (r: TCompareRow) => (
    <td className="num">
      {r.isDemo ? `${valueText(r)} ` : valueText(r)}
      {r.isDemo && <span className="badge demo">{c.demo}</span>}
    </td>
  );
  const noteCell = (label: string | null, notes: (string | null)[]) => (
    <td className={styles.note}>
      {/* What the figure counts, as the (Vietnamese) source words it. */}
      {label && (
        <span className="sub-mark" lang="vi">
          {label}
        </span>
      )}
      {[...new Set(notes.filter((n): n is string => n !== null))].map((n, i) => (
        <span key={i} className="sub-mark">
          {n}
        </span>
      ))}
    </td>
  );
  const renderRow = (r: TCompareRow, key: string, sub: boolean) => (
    <tr key={key} className={sub ? "sub" : undefined}>
      {unitCell(r.unit)}
      {valueCell(r)}
      {noteCell(r.label, notesOf(r))}
    </tr>
  );
  /** A province without a figure of its own: its name, "—" and why. */
  const noOwnRow = (p: TCompareUnitRef) => (
    <tr key={`${p.code}-head`}>
      {unitCell(p)}
      <td className="num muted">—</td>
      {noteCell(null, [c.noOwnFigure, unitNote(p)])}
    </tr>
  );
  /**
   * A province in the overview, one row whatever its data: its figure; or, when it has several
   * (listed apart, never added), how many; and one link to its view, where each figure of the
   * province and of its districts and communes is its own row, with their computed total.
   */
  const provinceRow = (p: TCompareProvinceLine) => {
    const one = p.own.length === 1 ? p.own[0] : undefined;
    const name = unitName(p.province, locale);
    const href = `/compare?${query({ province: p.province.code })}`;
    const k = formatNumber(p.own.length, { locale });
    const n = formatNumber(p.children, { locale });
    const several = p.own.length > 1;
    const demo = p.own.some((r) => r.isDemo);
    return (
      <tr key={p.province.code}>
        {unitCell(one?.unit ?? p.province)}
        {one ? (
          valueCell(one)
        ) : several ? (
          <td className={`num ${styles.several}`}>
            {demo ? `${c.ownFigures(k)} ` : c.ownFigures(k)}
            {demo && <span className="badge demo">{c.demo}</span>}
          </td>
        ) : (
          <td className="num muted">—</td>
        )}
        <td className={styles.below}>
          {p.children > 0 ? (
            <Link href={href} aria-label={c.childFiguresOf(n, name)}>
              {c.childFigures(n)}
            </Link>
          ) : several ? (
            <Link href={href} aria-label={c.seeOwnOf(k, name)}>
              {c.seeOwn(k)}
            </Link>
          ) : (
            <span className="muted">{c.noChildren}</span>
          )}
          {p.total?.ok && <span className="sub-mark">{c.totalShort(formatNumber(p.total.reported, { locale }), valueText(p.total))}</span>}
        </td>
        {noteCell(
          one?.label ?? null,
          one
            ? notesOf(one)
            : several
              ? p.own.flatMap((r) => [r.unitFigures > 1 ? c.notAdded(formatNumber(r.unitFigures, { locale })) : null, unitNote(r.unit)])
              : [c.noOwnFigure, unitNote(p.province)],
        )}
      </tr>
    );
  };

  const caption = (() => {
    const base = c.caption(indicatorName, String(year));
    if (view.kind !== "province") return base;
    const within = c.inProvince(base, unitName(view.province, locale));
    return view.pageCount > 1 ? c.onPage(within, formatNumber(view.page, { locale }), formatNumber(view.pageCount, { locale })) : within;
  })();
  // The bars are the table's figures on this page, in its order: the provinces' own figures in the
  // overview (a province with several has none: they are not added), the province and its units
  // (one page of them) in a province's view.
  const charted: { row: TCompareRow; sub: boolean }[] =
    view.kind === "province" ? view.rows : view.provinces.flatMap((p) => (p.own.length === 1 ? [{ row: p.own[0]!, sub: false }] : []));
  const pageHref = (p: number) => `/compare?${query({ page: String(p) })}`;

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
          {/* Another indicator or year stays in the province; "reset" goes back to every province. */}
          {province && <input type="hidden" name="province" value={province.code} />}
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
      ) : figures === 0 ? (
        <div className="card empty" style={{ marginTop: "1rem" }}>
          <p>
            <strong>{c.none}</strong>
          </p>
          <p className="muted">{c.noneHint(indicator.years.join(", "))}</p>
        </div>
      ) : (
        <>
          {view.kind === "province" ? (
            <>
              <nav className="breadcrumbs" aria-label={m.common.breadcrumb} style={{ marginTop: "1rem" }}>
                <ol>
                  <li>
                    <Link href={`/compare?${query({ province: null })}`}>{c.allProvinces}</Link>
                  </li>
                  <li aria-current="page">{unitName(view.province, locale)}</li>
                </ol>
              </nav>
              <h2 style={{ marginBottom: "0.25rem" }}>{unitName(view.province, locale)}</h2>
              <p className="muted" style={{ marginTop: 0 }}>
                {c.provinceFigures(formatNumber(view.figures, { locale }))}
              </p>
            </>
          ) : (
            <p className="muted">{c.overviewHint}</p>
          )}
          <div className="toolbar" style={{ justifyContent: "space-between", alignItems: "center", marginTop: "1rem" }}>
            <p style={{ margin: 0 }}>
              <strong>{caption}</strong>
            </p>
            {/* The files hold the whole comparison, every province (the API has no province filter). */}
            <p style={{ margin: 0 }}>
              {province ? c.downloadAll : c.download}: <a href={`/api/v1/compare?${query({ province: null, format: "csv" })}`}>{c.csv}</a> ·{" "}
              <a href={`/api/v1/compare?${query({ province: null, format: "xlsx" })}`}>{c.xlsx}</a>
            </p>
          </div>
          {charted.length > 0 &&
            (() => {
              const full = charted.map(({ row: r, sub: s }) => `${s ? "↳ " : ""}${unitName(r.unit, locale)}${r.label ? ` – ${r.label}` : ""}`);
              // Axis labels stay short; the accessible name and the table carry the whole label.
              const labels = full.map((l) => (l.length > 48 ? `${l.slice(0, 47)}…` : l));
              const name = c.chartName(caption, charted.length);
              return (
                <div data-chart="compare">
                  <BarChart
                    horizontal
                    labels={labels}
                    datasets={[{ label: c.colValue(measure), values: charted.map(({ row: r }) => r.value) }]}
                    ariaLabel={`${name}. ${charted.map(({ row: r }, i) => `${full[i]}: ${valueText(r)}`).join("; ")}`}
                    caption={`${name}. ${c.chartNote}`}
                    locale={locale}
                  />
                </div>
              );
            })()}
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{caption}</caption>
              <thead>
                <tr>
                  {sortHeader("name", c.colUnit)}
                  {sortHeader("value", c.colValue(measure), "num")}
                  {view.kind === "provinces" && <th scope="col">{c.colBelow}</th>}
                  <th scope="col">{c.colNote}</th>
                </tr>
              </thead>
              <tbody>
                {view.kind === "provinces"
                  ? view.provinces.map(provinceRow)
                  : [
                      ...(view.noOwnFigure ? [noOwnRow(view.province)] : []),
                      ...view.rows.map(({ row: r, sub: s }, i) => renderRow(r, `${r.unit.code}-${s ? "sub" : "own"}-${i}`, s)),
                      ...totalRow(view.province.code, view.total),
                    ]}
              </tbody>
            </table>
          </div>
          {view.kind === "province" && <Pagination page={view.page} pageCount={view.pageCount} href={pageHref} m={m.common.plans} />}
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
