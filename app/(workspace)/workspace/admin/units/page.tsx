import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AccountNav } from "@/components/account/account-nav";
import { UnitCreateForm, UnitDeleteForm, UnitEndForm, UnitImportForm, UnitRenameForm, UnitReorganiseForm } from "@/components/forms/unit-admin-forms";
import { ProblemList } from "@/components/ui/problem-list";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { getUnitAdmin, type TUnitAdminDetail } from "@/lib/data/units-admin";
import { searchUnits, type TUnitHit } from "@/lib/data/units-search";
import { formatDate, formatNumber, isoDateInTimeZone } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { inLocale } from "@/lib/i18n/locale";
import { messages, type TMessages } from "@/lib/i18n/messages";
import { getMessages } from "@/lib/i18n/server";
import { parseUnitsQuery, ZUnitKey } from "@/lib/validation/units";
import { MAX_UNITS_FILE_BYTES } from "@/lib/validation/units-admin";
import { createUnitAction, deleteUnitAction, endUnitAction, importUnitsAction, renameUnitAction, reorganiseUnitsAction } from "./actions";
import styles from "./units-admin.module.css";

export const dynamic = "force-dynamic";

const PATH = "/workspace/admin/units";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
type T = TMessages["unitsAdmin"];

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getMessages();
  return { title: messages(locale).unitsAdmin.title };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function validity(u: { validFrom: string | Date | null; validTo: string | Date | null }, t: T): string {
  const from = u.validFrom ? formatDate(u.validFrom) : null;
  const to = u.validTo ? formatDate(u.validTo) : null;
  if (from && to) return t.validity.between(from, to);
  if (from) return t.validity.from(from);
  if (to) return t.validity.to(to);
  return t.validity.always;
}

const label = (u: { name: string; key: string }) => `${u.name} (${u.key})`;

export default async function UnitsAdminPage({ searchParams }: Props) {
  const actor = await requireActor(PATH);
  const { locale, t: dict, m } = await getMessages();
  const t = m.unitsAdmin;
  if (!can(actor, "unit.manage")) forbidden(); // ./forbidden.tsx, status 403

  const params = await searchParams;
  const q = (first(params.q) ?? "").trim().slice(0, 200);
  const keyParam = (first(params.key) ?? "").trim();
  const deleted = (first(params.deleted) ?? "").slice(0, 300);
  const { query, issues } = parseUnitsQuery({ q: q || undefined });
  const problems = issues.map((i) => `${t.search.label}: ${inLocale(i.message, locale)}`);
  const key = ZUnitKey.safeParse(keyParam);
  const [found, unit] = await Promise.all([query.q ? searchUnits({ q: query.q, pageSize: 50 }) : Promise.resolve(null), key.success ? getUnitAdmin(actor, key.data) : Promise.resolve(null)]);
  const today = isoDateInTimeZone();
  const withKey = (k: string) => `${PATH}?${new URLSearchParams({ ...(q ? { q } : {}), key: k }).toString()}#unit`;

  return (
    <>
      <AccountNav actor={actor} current="units" t={m.accounts} workspaceLabel={dict.workspace.title} />
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      {deleted && (
        <p className="form-ok" role="status">
          {t.remove.done(deleted)}
        </p>
      )}

      <section aria-labelledby="find-unit">
        <h2 id="find-unit">{t.search.title}</h2>
        <form method="get" action={PATH} role="search" className={styles.search}>
          <div>
            <label htmlFor="unit-q">{t.search.label}</label>
            <div className="search-inline">
              <input id="unit-q" name="q" type="search" defaultValue={q} aria-describedby="unit-q-hint" maxLength={200} />
              <button type="submit" className="button">
                {t.search.submit}
              </button>
            </div>
            <p id="unit-q-hint" className="hint">
              {t.search.hint}
            </p>
          </div>
        </form>
        <ProblemList problems={problems} />
        {found && <SearchResults found={found.items} total={found.total} t={t} locale={locale} withKey={withKey} selected={unit?.key ?? null} />}
      </section>

      {keyParam && !unit && (
        <p className="card" role="alert" id="unit">
          {t.detail.notFound(keyParam.slice(0, 40))}
        </p>
      )}
      {unit && <UnitDetail unit={unit} t={t} locale={locale} />}

      <section aria-labelledby="create-unit">
        <h2 id="create-unit">{t.create.title}</h2>
        <p className={styles.intro}>{t.create.intro}</p>
        <UnitCreateForm locale={locale} create={createUnitAction} today={today} />
      </section>

      <section aria-labelledby="reorganise-units">
        <h2 id="reorganise-units">{t.reorganise.title}</h2>
        <p className={styles.intro}>{t.reorganise.intro}</p>
        <UnitReorganiseForm locale={locale} reorganise={reorganiseUnitsAction} today={today} />
      </section>

      <section aria-labelledby="import-units">
        <h2 id="import-units">{t.import.title}</h2>
        <p className={styles.intro}>{t.import.intro}</p>
        <UnitImportForm locale={locale} load={importUnitsAction} maxBytes={MAX_UNITS_FILE_BYTES} />
      </section>
    </>
  );
}

function SearchResults({ found, total, t, locale, withKey, selected }: { found: TUnitHit[]; total: number; t: T; locale: Locale; withKey: (k: string) => string; selected: string | null }) {
  const n = (x: number) => formatNumber(x, { locale });
  if (found.length === 0) return <p className="muted">{t.search.none}</p>;
  return (
    <>
      <p role="status">{t.search.found(n(total))}</p>
      {total > found.length && <p className="hint">{t.search.more(n(total))}</p>}
      <div className="table-wrap">
        <table className={styles.results}>
          <caption className="sr-only">{t.search.found(n(total))}</caption>
          <thead>
            <tr>
              <th scope="col">{t.search.colName}</th>
              <th scope="col">{t.search.colKey}</th>
              <th scope="col">{t.search.colLevel}</th>
              <th scope="col">{t.search.colParent}</th>
              <th scope="col">{t.search.colValidity}</th>
            </tr>
          </thead>
          <tbody>
            {found.map((u) => (
              <tr key={u.key} data-unit-key={u.key} aria-current={u.key === selected ? "true" : undefined}>
                <th scope="row">
                  <Link href={withKey(u.key)}>{u.name}</Link>
                </th>
                <td className="code">{u.key}</td>
                <td>{t.levels[u.level]}</td>
                <td>{u.parent ? u.parent.name : "—"}</td>
                <td className={styles.nowrap}>{validity(u, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function UnitDetail({ unit, t, locale }: { unit: TUnitAdminDetail; t: T; locale: Locale }) {
  const d = t.detail;
  const r = unit.references;
  const refs = (
    [
      [r.plans, d.refPlans],
      [r.targets, d.refTargets],
      [r.results, d.refResults],
      [r.users, d.refUsers],
      [r.children, d.refChildren],
      [r.successions, d.refSuccessions],
    ] as const
  ).filter(([count]) => count > 0);
  const links = (list: TUnitAdminDetail["predecessors"]) =>
    list.length === 0 ? (
      d.none
    ) : (
      <ul className={styles.inlineList}>
        {list.map((p) => (
          <li key={p.key}>
            <a href={`?key=${encodeURIComponent(p.key)}#unit`}>{label(p)}</a> – {p.share === "FULL" ? d.whole : d.part}, {formatDate(p.effectiveOn)}
          </li>
        ))}
      </ul>
    );
  const isNation = unit.level === "NATION";
  return (
    <section aria-labelledby="unit" className={`card ${styles.detail}`} data-unit={unit.key}>
      <h2 id="unit" className={styles.detailTitle}>
        {unit.name} <span className="muted">({unit.key})</span>
      </h2>
      <dl className={styles.facts}>
        <div>
          <dt>{d.key}</dt>
          <dd className="code">{unit.key}</dd>
        </div>
        <div>
          <dt>{d.code}</dt>
          <dd className="code">{unit.code}</dd>
        </div>
        <div>
          <dt>{d.level}</dt>
          <dd>{t.levels[unit.level]}</dd>
        </div>
        <div>
          <dt>{d.parent}</dt>
          <dd>{unit.parent ? <a href={`?key=${encodeURIComponent(unit.parent.key)}#unit`}>{label(unit.parent)}</a> : "—"}</dd>
        </div>
        <div>
          <dt>{d.validFrom}</dt>
          <dd>{unit.validFrom ? formatDate(unit.validFrom) : "—"}</dd>
        </div>
        <div>
          <dt>{d.validTo}</dt>
          <dd>{unit.validTo ? formatDate(unit.validTo) : d.open}</dd>
        </div>
        {unit.successor && (
          <div>
            <dt>{d.successor}</dt>
            <dd>
              <a href={`?key=${encodeURIComponent(unit.successor.key)}#unit`}>{label(unit.successor)}</a>
            </dd>
          </div>
        )}
      </dl>
      <dl className={styles.facts}>
        <div className={styles.wide}>
          <dt>{d.predecessors}</dt>
          <dd>{links(unit.predecessors)}</dd>
        </div>
        <div className={styles.wide}>
          <dt>{d.successors}</dt>
          <dd>{links(unit.successors)}</dd>
        </div>
        <div className={styles.wide}>
          <dt>{d.references}</dt>
          <dd data-references>{refs.length ? refs.map(([count, word]) => `${formatNumber(count, { locale })} ${word}`).join(", ") : d.referencesNone}</dd>
        </div>
      </dl>
      <p>
        <Link href={`/units/${encodeURIComponent(unit.key)}`}>{d.publicPage}</Link>
      </p>

      <div className={styles.panels}>
        <section aria-labelledby="rename-unit" className={styles.panel}>
          <h3 id="rename-unit">{t.rename.title}</h3>
          <UnitRenameForm key={unit.key} locale={locale} rename={renameUnitAction} unit={unit} />
        </section>
        {!isNation && unit.validTo === null && (
          <section aria-labelledby="end-unit" className={styles.panel}>
            <h3 id="end-unit">{t.end.title}</h3>
            <p className="hint">{t.end.intro}</p>
            <UnitEndForm key={unit.key} locale={locale} end={endUnitAction} unit={{ key: unit.key, label: label(unit) }} />
          </section>
        )}
        {!isNation && (
          <section aria-labelledby="delete-unit" className={styles.panel}>
            <h3 id="delete-unit">{t.remove.title}</h3>
            <p className="hint">{t.remove.intro}</p>
            {refs.length ? <p className="muted">{t.remove.blocked}</p> : <UnitDeleteForm key={unit.key} locale={locale} remove={deleteUnitAction} unit={{ key: unit.key, label: label(unit) }} />}
          </section>
        )}
      </div>
    </section>
  );
}
