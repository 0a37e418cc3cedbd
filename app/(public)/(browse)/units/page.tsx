import type { Metadata } from "next";
import Link from "next/link";
import { ProblemList } from "@/components/ui/problem-list";
import { EmptyCard, FilterActions, Pagination, SearchBox } from "@/components/ui/list-parts";
import { SelectField } from "@/components/ui/select-field";
import { unitName } from "@/components/plans/format";
import { searchUnits, type TUnitHit, type TUnitRef } from "@/lib/data/units-search";
import { formatDate, formatNumber, isoDateInTimeZone } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { inLocale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";
import { getMessages } from "@/lib/i18n/server";
import { parseUnitsQuery, UNIT_LEVELS, UNITS_MAX_PAGE_SIZE, unitsQueryInput, type TUnitsQuery } from "@/lib/validation/units";
import styles from "./units.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.units.title };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type T = TMessages["common"];

/** The last day of the units the 1 July 2025 reform ended. */
const LAST_DAY_BEFORE_REFORM = "2025-06-30";

export default async function UnitsPage({ searchParams }: Props) {
  const { locale, t } = await getMessages();
  const today = isoDateInTimeZone();
  // The page lists 50 units a page; pageSize is the API's.
  const { query: parsed, issues } = parseUnitsQuery({ ...unitsQueryInput(await searchParams), pageSize: undefined });
  const query: TUnitsQuery = { ...parsed, pageSize: undefined };
  const labels: Record<string, string> = { q: t.unitsList.search, level: t.unitsList.level, parent: t.unitsList.province, validOn: t.unitsList.when, page: t.plans.pagination };
  // A malformed parameter is reported (in the reader's half of the message) and ignored; the rest still applies.
  const problems = issues.map((i) => `${labels[i.param] ?? i.param}: ${inLocale(i.message, locale)}`);
  const browsing = !query.q && !query.level && !query.parent;

  return (
    <>
      <h1>{t.units.title}</h1>
      <p className="lead">{t.units.intro}</p>
      {browsing ? (
        <>
          <SearchForm query={query} parent={null} today={today} t={t} locale={locale} />
          <ProblemList problems={problems} />
          <Provinces today={today} t={t} locale={locale} />
        </>
      ) : (
        <Results query={query} problems={problems} today={today} t={t} locale={locale} />
      )}
    </>
  );
}

async function Results({ query, problems, today, t, locale }: { query: TUnitsQuery; problems: string[]; today: string; t: T; locale: Locale }) {
  const result = await searchUnits(query);
  if (!result) problems = [...problems, t.unitsList.parentUnknown(query.parent ?? "")];
  const parent = result?.parent ?? null;
  const withQuery = (path: string, extra: Record<string, string>) => {
    const sp = new URLSearchParams();
    if (query.q) sp.set("q", query.q);
    if (query.level) sp.set("level", query.level.toLowerCase());
    if (query.parent) sp.set("parent", query.parent);
    if (query.validOn) sp.set("validOn", query.validOn);
    for (const [k, v] of Object.entries(extra)) sp.set(k, v);
    const s = sp.toString();
    return s ? `${path}?${s}` : path;
  };
  const pageHref = (p: number) => withQuery("/units", p > 1 ? { page: String(p) } : {});
  const heading = parent ? `${t.unitsList.childrenOf} ${unitName(parent, locale)}` : t.unitsList.results;

  return (
    <>
      <SearchForm query={query} parent={parent} today={today} t={t} locale={locale} />
      <ProblemList problems={problems} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading">
          {parent ? (
            <>
              {t.unitsList.childrenOf} <Link href={`/units/${parent.key}`}>{unitName(parent, locale)}</Link>
            </>
          ) : (
            heading
          )}
        </h2>
        <div className="toolbar" style={{ justifyContent: "space-between", alignItems: "center" }}>
          <p style={{ margin: 0 }}>
            <strong>{t.unitsList.found(formatNumber(result?.total ?? 0, { locale }))}</strong>
          </p>
          <span className={styles.links}>
            <Link href="/units">{t.unitsList.allProvinces}</Link>
            {result && result.total > 0 && <a href={withQuery("/api/v1/units", { format: "csv" })}>{t.unitsList.download}</a>}
          </span>
        </div>
        {!result || result.items.length === 0 ? (
          <EmptyCard title={t.unitsList.none} hint={t.unitsList.noneHint} />
        ) : (
          <UnitTable units={result.items} caption={heading} t={t} locale={locale} />
        )}
        {result && <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} m={t.plans} />}
      </section>
    </>
  );
}

/** The search form: a GET form, so every result is a link (and works without JavaScript). */
function SearchForm({ query, parent, today, t, locale }: { query: TUnitsQuery; parent: TUnitRef | null; today: string; t: T; locale: Locale }) {
  const validOn = query.validOn ?? "";
  return (
    <form className={`filters card ${styles.form}`} method="get" action="/units" role="search" aria-label={t.unitsList.searchTitle}>
      <SearchBox label={t.unitsList.search} hint={t.unitsList.searchHint} value={query.q ?? ""} autoComplete="off" />
      <SelectField
        id="level"
        label={t.unitsList.level}
        value={query.level?.toLowerCase() ?? ""}
        any={t.unitsList.anyLevel}
        options={UNIT_LEVELS.map((l) => ({ value: l.toLowerCase(), label: t.levels[l] }))}
      />
      <fieldset className={styles.when}>
        <legend>{t.unitsList.when}</legend>
        <div className="check">
          <input type="radio" id="validOn-all" name="validOn" value="" defaultChecked={validOn === ""} />
          <label htmlFor="validOn-all">{t.unitsList.whenAll}</label>
        </div>
        <div className="check">
          <input type="radio" id="validOn-today" name="validOn" value={today} defaultChecked={validOn === today} />
          <label htmlFor="validOn-today">{t.unitsList.whenToday}</label>
        </div>
        {validOn !== "" && validOn !== today && (
          <div className="check">
            <input type="radio" id="validOn-day" name="validOn" value={validOn} defaultChecked />
            <label htmlFor="validOn-day">{t.unitsList.whenOn(formatDate(validOn))}</label>
          </div>
        )}
      </fieldset>
      {parent && (
        <div className={`check ${styles.within}`}>
          <input type="checkbox" id="parent" name="parent" value={parent.key} defaultChecked />
          <label htmlFor="parent">{t.unitsList.within(unitName(parent, locale))}</label>
        </div>
      )}
      <FilterActions submit={t.unitsList.submit} reset={t.unitsList.reset} resetHref="/units" />
    </form>
  );
}

/** With no query: the provinces of today, and those before the reform behind a disclosure. */
async function Provinces({ today, t, locale }: { today: string; t: T; locale: Locale }) {
  const [current, former] = await Promise.all([
    searchUnits({ level: "PROVINCE", validOn: today, pageSize: UNITS_MAX_PAGE_SIZE }),
    searchUnits({ level: "PROVINCE", validOn: LAST_DAY_BEFORE_REFORM, pageSize: UNITS_MAX_PAGE_SIZE }),
  ]);
  const currentTitle = t.unitsList.currentProvinces(formatNumber(current?.total ?? 0, { locale }));
  const formerTitle = t.unitsList.formerProvinces(formatNumber(former?.total ?? 0, { locale }));
  return (
    <>
      <section aria-labelledby="current-provinces">
        <h2 id="current-provinces">{currentTitle}</h2>
        <ProvinceTable units={current?.items ?? []} caption={currentTitle} t={t} locale={locale} />
      </section>
      <details className={styles.former}>
        <summary>{formerTitle}</summary>
        <ProvinceTable units={former?.items ?? []} caption={formerTitle} t={t} locale={locale} />
      </details>
    </>
  );
}

function Validity({ u, t, locale }: { u: TUnitHit; t: T; locale: Locale }) {
  if (!u.validTo) return <>{u.validFrom ? t.unitsList.since(formatDate(u.validFrom)) : t.unitsList.current}</>;
  return (
    <>
      {t.unitsList.until(formatDate(u.validTo))}
      {u.successor && (
        <span className={styles.successor}>
          {t.unitsList.nowPartOf} <Link href={`/units/${u.successor.key}`}>{unitName(u.successor, locale)}</Link>
        </span>
      )}
    </>
  );
}

type TColumn = { label: string; cell: (u: TUnitHit) => React.ReactNode };

/** Units as a table (labelled blocks on a phone): the name first, then the given columns. */
function HitTable({ units, caption, columns, t, locale }: { units: TUnitHit[]; caption: string; columns: TColumn[]; t: T; locale: Locale }) {
  return (
    <div className="table-wrap">
      <table className={`stack-on-phone ${styles.table}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.unitsList.name}</th>
            {columns.map((c) => (
              <th scope="col" key={c.label}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.key} data-unit-key={u.key}>
              <th scope="row">
                <Link href={`/units/${u.key}`}>{unitName(u, locale)}</Link>
              </th>
              {columns.map((c) => (
                <td key={c.label} data-label={c.label}>
                  {c.cell(u)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ProvinceTable({ units, caption, t, locale }: { units: TUnitHit[]; caption: string; t: T; locale: Locale }) {
  const columns: TColumn[] = [
    { label: t.unitsList.code, cell: (u) => u.code },
    { label: t.unitsList.validity, cell: (u) => <Validity u={u} t={t} locale={locale} /> },
    {
      label: t.unitsList.communes,
      cell: (u) => (
        <Link href={`/units?parent=${encodeURIComponent(u.key)}`}>
          {t.unitsList.communes}
          <span className="sr-only"> {t.unitsList.communesOf(unitName(u, locale))}</span>
        </Link>
      ),
    },
  ];
  return <HitTable units={units} caption={caption} columns={columns} t={t} locale={locale} />;
}

function UnitTable({ units, caption, t, locale }: { units: TUnitHit[]; caption: string; t: T; locale: Locale }) {
  const columns: TColumn[] = [
    { label: t.unitsList.level, cell: (u) => t.levels[u.level] },
    { label: t.unitsList.code, cell: (u) => u.code },
    { label: t.unitsList.province, cell: (u) => (u.province ? <Link href={`/units/${u.province.key}`}>{unitName(u.province, locale)}</Link> : "—") },
    { label: t.unitsList.validity, cell: (u) => <Validity u={u} t={t} locale={locale} /> },
  ];
  return <HitTable units={units} caption={caption} columns={columns} t={t} locale={locale} />;
}
