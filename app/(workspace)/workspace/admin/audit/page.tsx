// The audit log for administrators (audit.read.all): every entry as a sentence in the reader's
// language with a link to its record (lib/data/audit-text.ts `describeAudit`), searched without
// diacritics, filtered (person, unit, action, kind of record, dates typed dd/mm/yyyy), 50 to a
// page, downloaded as CSV or XLSX (./export). The raw before/after stay under each entry.
// A filter that cannot be read is named and not applied; the page never fails on it.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { UnitPicker } from "@/components/forms/unit-picker";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { AUDIT_EXPORT_MAX, listAudit, listAuditPeople, type TAuditEntry } from "@/lib/data/audit";
import { auditQueryParams, auditQueryProblemText, parseAuditQuery } from "@/lib/data/audit-query";
import { changedFields, describeAudit, entityOfAction } from "@/lib/data/audit-text";
import { formatDateTime, formatNumber } from "@/lib/domain/numbers";
import { AUDIT_ACTIONS, AUDIT_ENTITIES, type TAuditMessages } from "@/lib/i18n/audit";
import type { Locale } from "@/lib/i18n/locale";
import { getMessages } from "@/lib/i18n/server";
import { unitPickerText } from "@/lib/i18n/unit-picker";
import styles from "./audit.module.css";

export const dynamic = "force-dynamic";

const PATH = "/workspace/admin/audit";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getMessages();
  return { title: m.audit.title };
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor(PATH);
  const { locale, m: all } = await getMessages();
  const m = all.audit;
  if (!can(actor, "audit.read.all")) forbidden(); // ./forbidden.tsx, status 403

  const query = parseAuditQuery(await searchParams);
  const [result, people] = await Promise.all([listAudit(actor, query.filter), listAuditPeople(actor)]);
  const n = (x: number) => formatNumber(x, { locale });
  const problems = query.problems.map((p) => auditQueryProblemText(p, locale));
  if (result.unitMissing && query.filter.unit) problems.push(m.errors.unitUnknown(query.filter.unit));
  if (result.pageAsked !== null) problems.push(m.errors.pageBeyond(n(result.pageAsked), n(result.pageCount)));

  const params = auditQueryParams(query.values, { ...query.filter, unit: result.unitMissing ? undefined : query.filter.unit });
  const pageHref = (page: number) => {
    const p = new URLSearchParams(params);
    if (page > 1) p.set("page", String(page));
    const s = p.toString();
    return s ? `${PATH}?${s}` : PATH;
  };
  const downloadHref = (format: "csv" | "xlsx") => {
    const p = new URLSearchParams(params);
    p.set("format", format);
    return `${PATH}/export?${p.toString()}`;
  };
  const first = result.total === 0 ? 0 : (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, result.page * result.pageSize);
  const invalid = new Set(query.problems.map((p) => (p.code === "date" ? p.field : p.code === "range" ? "from" : p.code)));
  const unitName = result.unit ? (locale === "en" && result.unit.nameEn ? result.unit.nameEn : result.unit.name) : null;

  return (
    <>
      <nav className="breadcrumbs" aria-label={all.common.workspace.breadcrumb}>
        <ol>
          <li>
            <Link href="/workspace">{all.common.workspace.title}</Link>
          </li>
          <li aria-current="page">{m.title}</li>
        </ol>
      </nav>
      <h1>{m.title}</h1>
      <p className="lead">{m.intro}</p>

      {problems.length > 0 && (
        <div className={`form-error ${styles.problems}`} role="alert" data-audit-problems>
          <p>{m.errors.title}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <form className={`card ${styles.filters}`} method="get" role="search" aria-label={m.filters.legend}>
        <div className={styles.q}>
          <label htmlFor="q">{m.filters.q}</label>
          <input id="q" name="q" type="search" defaultValue={query.values.q} maxLength={400} aria-describedby="q-hint" aria-invalid={invalid.has("q_too_long") || invalid.has("q_too_many_words") || undefined} />
          <p className="hint" id="q-hint">
            {m.filters.qHint}
          </p>
        </div>
        <div>
          <label htmlFor="person">{m.filters.person}</label>
          <input id="person" name="person" type="text" list="audit-people" defaultValue={query.values.person} maxLength={240} autoComplete="off" aria-describedby="person-hint" aria-invalid={invalid.has("person_too_long") || undefined} />
          <datalist id="audit-people">
            {people.map((p) => (
              <option key={p.email} value={p.email}>
                {p.name}
              </option>
            ))}
          </datalist>
          <p className="hint" id="person-hint">
            {m.filters.personHint}
          </p>
        </div>
        <div>
          <label htmlFor="unit">{m.filters.unit}</label>
          {/* The searching picker (any unit, ended ones too); without JavaScript, the unit's key typed. */}
          <UnitPicker
            id="unit"
            name="unit"
            m={unitPickerText[locale]}
            locale={locale}
            initial={result.unit ? { key: result.unit.key, label: unitName ?? result.unit.key } : query.values.unit ? { key: query.values.unit } : null}
            invalid={invalid.has("unit_unknown") || result.unitMissing}
            describedBy="unit-hint"
          />
          <p className="hint" id="unit-hint">
            {unitName ? <strong data-audit-unit>{m.filters.unitChosen(`${unitName} (${result.unit!.key})`)}</strong> : m.filters.unitHint}
          </p>
        </div>
        <div>
          <label htmlFor="action">{m.filters.action}</label>
          <select id="action" name="action" defaultValue={query.filter.action ?? ""} aria-invalid={invalid.has("action_unknown") || undefined}>
            <option value="">{m.filters.any}</option>
            {AUDIT_ENTITIES.map((entity) => (
              <optgroup key={entity} label={m.entities[entity]}>
                {AUDIT_ACTIONS.filter((a) => entityOfAction(a) === entity).map((a) => (
                  <option key={a} value={a}>
                    {m.actions[a]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="entity">{m.filters.entity}</label>
          <select id="entity" name="entity" defaultValue={query.filter.entity ?? ""} aria-invalid={invalid.has("entity_unknown") || undefined}>
            <option value="">{m.filters.any}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {m.entities[e]}
              </option>
            ))}
          </select>
        </div>
        <div className={styles.dates}>
          <div>
            <label htmlFor="from">{m.filters.from}</label>
            <input id="from" name="from" type="text" inputMode="numeric" placeholder={m.filters.datePlaceholder} defaultValue={query.values.from} maxLength={40} autoComplete="off" aria-describedby="date-hint" aria-invalid={invalid.has("from") || undefined} />
          </div>
          <div>
            <label htmlFor="to">{m.filters.to}</label>
            <input id="to" name="to" type="text" inputMode="numeric" placeholder={m.filters.datePlaceholder} defaultValue={query.values.to} maxLength={40} autoComplete="off" aria-describedby="date-hint" aria-invalid={invalid.has("to") || undefined} />
          </div>
          <p className="hint" id="date-hint">
            {m.filters.dateHint}
          </p>
        </div>
        <div className={styles.actions}>
          <button type="submit" className="button">
            {m.filters.submit}
          </button>
          <Link href={PATH}>{m.filters.reset}</Link>
        </div>
      </form>

      <div className={styles.summary}>
        <p aria-live="polite" data-audit-total={result.total}>
          <strong>{m.total(n(result.total))}</strong>
          {result.total > 0 && <span className="muted"> · {m.showing(n(first), n(last), n(result.total))}</span>}
        </p>
        <p className={styles.downloads}>
          <span className="sr-only">{m.download.label}: </span>
          <a href={downloadHref("csv")} download>
            {m.download.csv}
          </a>
          <a href={downloadHref("xlsx")} download>
            {m.download.xlsx}
          </a>
          <span className="hint">{m.download.hint(n(AUDIT_EXPORT_MAX))}</span>
        </p>
      </div>

      {result.items.length === 0 ? (
        <p className="card empty">{m.none}</p>
      ) : (
        <ol className={styles.list} aria-label={m.title}>
          {result.items.map((e) => (
            <Entry key={e.id} e={e} locale={locale} m={m} />
          ))}
        </ol>
      )}

      {result.pageCount > 1 && <Pages page={result.page} count={result.pageCount} href={pageHref} m={m} n={n} />}
    </>
  );
}

function Entry({ e, locale, m }: { e: TAuditEntry; locale: Locale; m: TAuditMessages }) {
  const d = describeAudit(e, locale);
  const json = (v: unknown) => (v === null || v === undefined ? m.entry.empty : JSON.stringify(v, null, 2));
  const changed = changedFields(e.before, e.after);
  return (
    <li className={styles.entry} data-audit-entry={e.id} data-action={e.action}>
      <p className={styles.sentence}>{d.sentence}</p>
      <p className={styles.meta}>
        <time dateTime={e.at}>{formatDateTime(e.at)}</time>
        <span>{d.action}</span>
        {d.via && <span>{d.via}</span>}
        {d.email && <span>{d.email}</span>}
        {e.ip && (
          <span>
            {m.entry.ip} {e.ip}
          </span>
        )}
        {d.link && (
          <a href={d.link.href} aria-label={`${d.link.label}: ${d.record}`} data-audit-link>
            {d.link.label} →
          </a>
        )}
      </p>
      {e.reason && (
        <p className={styles.reason}>
          {m.entry.reason}: “{e.reason}”
        </p>
      )}
      {(e.before !== null || e.after !== null || e.entityId) && (
        <details className={styles.raw}>
          <summary>{m.entry.raw}</summary>
          <dl>
            <dt>{m.entry.id}</dt>
            <dd className="code">
              {d.entity}
              {e.entityId ? ` · ${e.entityId}` : ""}
            </dd>
            {changed.length > 0 && (
              <>
                <dt>{m.entry.changed}</dt>
                <dd>
                  <ul className={styles.changed}>
                    {changed.map((c) => (
                      <li key={c.field}>
                        <code>{c.field}</code>: {c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            <dt>{m.entry.before}</dt>
            <dd>
              {/* Long snapshots scroll: the region takes the keyboard's focus, named. */}
              <pre tabIndex={0} aria-label={`${m.entry.before} (JSON)`}>{json(e.before)}</pre>
            </dd>
            <dt>{m.entry.after}</dt>
            <dd>
              <pre tabIndex={0} aria-label={`${m.entry.after} (JSON)`}>{json(e.after)}</pre>
            </dd>
          </dl>
        </details>
      )}
    </li>
  );
}

/** The pages: first, previous, the pages around this one (with the first and the last), next, last. */
function Pages({ page, count, href, m, n }: { page: number; count: number; href: (p: number) => string; m: TAuditMessages; n: (x: number) => string }) {
  const around = new Set([1, count, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= count));
  const shown = [...around].sort((a, b) => a - b);
  const items: (number | "gap")[] = [];
  shown.forEach((p, i) => {
    if (i > 0 && p - shown[i - 1]! > 1) items.push("gap");
    items.push(p);
  });
  const p = m.pagination;
  return (
    <nav className={styles.pages} aria-label={p.label}>
      <p className={styles.pageOf}>{p.current(n(page), n(count))}</p>
      <ul>
        <li>{page > 1 ? <Link href={href(1)}>« {p.first}</Link> : <span aria-hidden="true">« {p.first}</span>}</li>
        <li>{page > 1 ? <Link href={href(page - 1)} rel="prev">‹ {p.prev}</Link> : <span aria-hidden="true">‹ {p.prev}</span>}</li>
        {items.map((x, i) =>
          x === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={x}>
              {x === page ? (
                <span aria-current="page" className={styles.current}>
                  <span className="sr-only">{p.page(n(x))}</span>
                  <span aria-hidden="true">{n(x)}</span>
                </span>
              ) : (
                <Link href={href(x)} aria-label={p.page(n(x))}>
                  {n(x)}
                </Link>
              )}
            </li>
          ),
        )}
        <li>{page < count ? <Link href={href(page + 1)} rel="next">{p.next} ›</Link> : <span aria-hidden="true">{p.next} ›</span>}</li>
        <li>{page < count ? <Link href={href(count)}>{p.last} »</Link> : <span aria-hidden="true">{p.last} »</span>}</li>
      </ul>
    </nav>
  );
}
