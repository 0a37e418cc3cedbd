// /open-data: what data the portal publishes, how to download it (spreadsheets for people, the
// API for machines), its licence and how to cite it, working examples, and the API reference
// rendered for people from the OpenAPI document (server-side; the JSON stays at /api/v1/openapi.json).
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Fragment } from "react";
import { apiReference, codeSpans, type TReferenceOperation } from "@/lib/api/openapi-reference";
import { formatDate, isoDateInTimeZone } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";
import { getMessages } from "@/lib/i18n/server";
import styles from "./open-data.module.css";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { m } = await getMessages();
  return { title: m.downloads.openData.title };
}

/** The examples: every one answers 200 on the seeded data (tests/e2e/open-data.spec.ts). */
const EXAMPLE_PLAN = { id: "plan-58-kh-ubnd-2023", code: "58/KH-UBND" };
const EXAMPLE_UNIT = { key: "94", name: "Tỉnh Sóc Trăng" };
const EXAMPLES = [
  { key: "plans", href: "/api/v1/plans?q=soc+trang" },
  { key: "plan", href: `/api/v1/plans/${EXAMPLE_PLAN.id}` },
  { key: "planCsv", href: `/api/v1/plans/${EXAMPLE_PLAN.id}?format=csv` },
  { key: "units", href: "/api/v1/units?q=vinh+thinh" },
  { key: "unit", href: "/api/v1/units/92-2025" },
  { key: "progress", href: "/api/v1/progress?unit=94&format=csv" },
  { key: "compare", href: "/api/v1/compare?indicator=poverty-models" },
] as const;

type O = TMessages["downloads"]["openData"];

/** A description from the OpenAPI document (English), with its `code` spans. */
function Described({ text, locale }: { text: string; locale: Locale }) {
  return (
    <span lang={locale === "en" ? undefined : "en"}>
      {codeSpans(text).map((s, i) => (s.code ? <code key={i}>{s.text}</code> : <Fragment key={i}>{s.text}</Fragment>))}
    </span>
  );
}

function Operation({ op, o, locale }: { op: TReferenceOperation; o: O; locale: Locale }) {
  return (
    <section aria-labelledby={op.anchor} className={styles.operation} data-operation={`${op.method} ${op.path}`}>
      <h3 id={op.anchor} className={styles.opTitle}>
        <span className={styles.method}>{op.method}</span> <code className={styles.path}>{op.path}</code>
      </h3>
      {op.summary && (
        <p className={styles.summary}>
          <Described text={op.summary} locale={locale} />
        </p>
      )}
      {op.description && (
        <p className="muted">
          <Described text={op.description} locale={locale} />
        </p>
      )}
      {op.secured && <p className={styles.token}>{o.needsToken}</p>}
      <h4>{o.parameters}</h4>
      {op.parameters.length === 0 ? (
        <p className="muted">{o.noParameters}</p>
      ) : (
        <div className="table-wrap">
          <table className={`stack-on-phone ${styles.params}`}>
            <caption className="sr-only">{o.paramsCaption(`${op.method} ${op.path}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{o.colName}</th>
                <th scope="col">{o.colIn}</th>
                <th scope="col">{o.colType}</th>
                <th scope="col">{o.colRequired}</th>
                <th scope="col">{o.colDescription}</th>
              </tr>
            </thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`} data-param={p.name}>
                  <th scope="row">
                    <code>{p.name}</code>
                  </th>
                  <td data-label={o.colIn}>{o.in[p.in] ?? p.in}</td>
                  <td data-label={o.colType}>
                    <code>{p.type}</code>
                    {p.limits && <code className={styles.limits}>{p.limits}</code>}
                  </td>
                  <td data-label={o.colRequired}>{p.required ? o.required : o.optional}</td>
                  <td data-label={o.colDescription}>
                    {p.description && <Described text={p.description} locale={locale} />}
                    {p.values.length > 0 && (
                      <div className="muted">
                        {o.oneOf}{" "}
                        {p.values.map((v, i) => (
                          <Fragment key={v}>
                            {i > 0 && ", "}
                            <code>{v}</code>
                          </Fragment>
                        ))}
                      </div>
                    )}
                    {p.default !== null && (
                      <div className="muted">
                        {o.defaultValue}{" "}
                        <code>{p.default}</code>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h4>{o.responses}</h4>
      <ul className={styles.responses}>
        {op.responses.map((r) => (
          <li key={r.status} data-status={r.status}>
            <strong>{r.status}</strong> — <Described text={r.description} locale={locale} />
            {r.types.length > 0 && (
              <span className="muted">
                {" "}
                ({r.types.map((x, i) => (
                  <Fragment key={x}>
                    {i > 0 && ", "}
                    <code>{x}</code>
                  </Fragment>
                ))}
                )
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function OpenDataPage() {
  const { locale, t, m } = await getMessages();
  const o = m.downloads.openData;
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost"}`;
  const today = formatDate(isoDateInTimeZone());
  const ops = apiReference();
  const ref = (path: string) => `#${ops.find((x) => x.path === path && x.method === "GET")?.anchor ?? "reference"}`;
  const api = (path: string) => (
    <a href={ref(path)}>
      <code>{path}</code>
    </a>
  );
  const datasets: { key: keyof O["datasets"]; people: React.ReactNode; api: React.ReactNode }[] = [
    { key: "plans", people: <Link href="/plans">{o.pagePlans}</Link>, api: api("/api/v1/plans") },
    { key: "targets", people: <a href={`/plans/${EXAMPLE_PLAN.id}/download`}>{o.planWorkbook(EXAMPLE_PLAN.code)}</a>, api: api("/api/v1/plans/{id}") },
    {
      key: "results",
      people: <a href={`/units/${EXAMPLE_UNIT.key}/download`}>{o.unitWorkbook(EXAMPLE_UNIT.name)}</a>,
      api: (
        <>
          {api("/api/v1/plans/{id}")}, {api("/api/v1/dashboards/unit/{code}")}
        </>
      ),
    },
    {
      key: "units",
      people: <Link href="/units">{o.pageUnits}</Link>,
      api: (
        <>
          {api("/api/v1/units")}, {api("/api/v1/units/{key}")}
        </>
      ),
    },
    { key: "progress", people: <a href="/progress/download">{o.progressWorkbook}</a>, api: api("/api/v1/progress") },
    { key: "compare", people: <Link href="/compare">{o.pageCompare}</Link>, api: api("/api/v1/compare") },
  ];
  const sections = [
    { id: "data", title: o.dataTitle },
    { id: "downloads", title: o.downloadsTitle },
    { id: "licence", title: o.licenceTitle },
    { id: "api", title: o.apiTitle },
    { id: "reference", title: o.referenceTitle },
  ];

  return (
    <article className={styles.page}>
      <h1>{o.title}</h1>
      <p className="lead">{o.intro}</p>
      <nav aria-label={o.toc} className={styles.toc}>
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="data">
        <h2 id="data">{o.dataTitle}</h2>
        <div className="table-wrap">
          <table className="stack-on-phone" data-datasets>
            <caption className="sr-only">{o.dataCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{o.colData}</th>
                <th scope="col">{o.colWhat}</th>
                <th scope="col">{o.colPeople}</th>
                <th scope="col">{o.colApi}</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.key} data-dataset={d.key}>
                  <th scope="row">{o.datasets[d.key].name}</th>
                  <td data-label={o.colWhat}>{o.datasets[d.key].what}</td>
                  <td data-label={o.colPeople}>{d.people}</td>
                  <td data-label={o.colApi}>{d.api}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="downloads">
        <h2 id="downloads">{o.downloadsTitle}</h2>
        <p>{o.downloadsIntro}</p>
        <ul className={styles.links} data-downloads>
          <li>
            <a href="/progress/download" download>
              {o.downloadsProgress}
            </a>
          </li>
          <li>
            <a href="/progress/download?format=csv" download>
              {o.downloadsProgressCsv}
            </a>
          </li>
          <li>
            <a href={`/plans/${EXAMPLE_PLAN.id}/download`} download>
              {o.downloadsPlan(EXAMPLE_PLAN.code)}
            </a>
          </li>
          <li>
            <a href={`/units/${EXAMPLE_UNIT.key}/download`} download>
              {o.downloadsUnit(EXAMPLE_UNIT.name)}
            </a>
          </li>
        </ul>
        <p className="muted">{o.downloadsEverywhere}</p>
      </section>

      <section aria-labelledby="licence">
        <h2 id="licence">{o.licenceTitle}</h2>
        <dl className={styles.terms}>
          <dt>{o.licencePortalTerm}</dt>
          <dd>
            <strong data-licence="portal">{o.licencePortal}</strong> {o.licencePortalNote}
          </dd>
          <dt>{o.licenceUnitsTerm}</dt>
          <dd>{o.licenceUnits}</dd>
          <dt>{o.citeTerm}</dt>
          <dd>
            <p className={styles.cite}>{o.cite(t.siteName, today)}</p>
            <p className={styles.cite}>
              {o.citeExample}: {o.citeExampleText(t.siteName, `${origin}/plans/${EXAMPLE_PLAN.id}`, today)}
            </p>
          </dd>
        </dl>
      </section>

      <section aria-labelledby="api">
        <h2 id="api">{o.apiTitle}</h2>
        <p>{o.apiIntro}</p>
        <h3>{o.examplesTitle}</h3>
        <ul className={styles.examples} data-examples>
          {EXAMPLES.map((e) => (
            <li key={e.key}>
              {o.examples[e.key]}:{" "}
              <a href={e.href}>
                <code>{e.href}</code>
              </a>
            </li>
          ))}
        </ul>
        <p>
          <a href="/api/v1/openapi.json" data-openapi>
            {o.openapiLink}
          </a>
        </p>
      </section>

      <section aria-labelledby="reference">
        <h2 id="reference">{o.referenceTitle}</h2>
        <p className="muted">{o.referenceIntro}</p>
        {ops.map((op) => (
          <Operation key={op.anchor} op={op} o={o} locale={locale} />
        ))}
      </section>
    </article>
  );
}
