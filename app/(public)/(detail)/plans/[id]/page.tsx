import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { periodText, unitName } from "@/components/plans/format";
import { Inferred } from "@/components/plans/inferred";
import { ProgressBar } from "@/components/progress/progress-bar";
import { ResultsTable } from "@/components/results/results-table";
import { reportedResultsSection } from "@/components/results/section";
import { ResultValue } from "@/components/results/result-value";
import { PrintButton } from "@/components/ui/print-button";
import { PrintNote } from "@/components/ui/print-note";
import { PlanCharts } from "@/components/dashboards/plan-charts";
import { DownloadLinks, withQuery } from "@/components/downloads/download-links";
import { AsOfForm } from "@/components/progress/as-of-form";
import { PlanUnitsTable } from "@/components/plans/plan-units-table";
import { Pagination } from "@/components/ui/list-parts";
import { readPlanPage } from "@/lib/data/plan-page";
import { planCharts } from "@/lib/data/dashboards";
import { getPublishedPlanHead } from "@/lib/data/plans";
import { describeTargetRow } from "@/lib/data/target-view";
import { sourceCitation } from "@/lib/domain/citation";
import { groupName } from "@/lib/domain/groups";
import { formatDate, formatNumber, isoDateInTimeZone } from "@/lib/domain/numbers";
import { getMessages } from "@/lib/i18n/server";
import { readAsOf } from "@/lib/validation/as-of";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ asOf?: string | string[]; unit?: string | string[]; page?: string | string[]; units?: string | string[] }> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const plan = await getPublishedPlanHead((await params).id);
  return { title: plan ? `${plan.code ? plan.code + " – " : ""}${plan.title}` : "404" };
}

export default async function PlanPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { locale, t } = await getMessages();
  const today = isoDateInTimeZone();
  const sp = await searchParams;
  const { asOf, invalid } = readAsOf(sp.asOf, today);
  // A large plan is shown one unit at a time (lib/data/plan-view.ts); `unit`, `page` and `units` choose.
  const int = (v: string | string[] | undefined) => (Number.isInteger(Number(one(v))) ? Number(one(v)) : null);
  const read = await readPlanPage(id, { asOf, unitKey: one(sp.unit) ?? null, page: int(sp.page), unitsPage: int(sp.units) });
  if (!read) notFound();
  const { plan, view, progress } = read;
  const ordered = view.rows;
  const viewHref = (unitKey: string | null, page = 1, unitsPage?: number) =>
    withQuery(`/plans/${plan.id}`, {
      asOf: asOf === today ? undefined : asOf,
      unit: unitKey ?? undefined,
      page: page > 1 ? String(page) : undefined,
      units: unitsPage ? String(unitsPage) : undefined,
    }) + (unitsPage ? "#targets-by-unit" : "#targets");
  const resultsView = reportedResultsSection(plan.reportedResults.length, plan.hasTargetResults ? 1 : 0);
  const citation = sourceCitation(plan, locale);
  /** A date other than today, carried into the downloads. */
  const shownAsOf = asOf === today ? undefined : asOf;

  return (
    <article>
      <nav className="breadcrumbs" aria-label={t.breadcrumb}>
        <ol>
          <li>
            <Link href="/plans">{t.nav.plans}</Link>
          </li>
          {plan.unitPath.map((u) => (
            <li key={u.id}>
              <Link href={`/units/${u.key}`}>{unitName(u, locale)}</Link>
            </li>
          ))}
          <li aria-current="page">{plan.code ?? t.plans.noNumber}</li>
        </ol>
      </nav>
      <p className="meta">
        <span className="badge">{t.docTypes[plan.type]}</span>
        <span className="code">{plan.code ?? t.plans.noNumber}</span>
      </p>
      <h1>{plan.title}</h1>
      <div className="toolbar no-print" style={{ alignItems: "center" }}>
        <DownloadLinks
          xlsx={withQuery(`/plans/${plan.id}/download`, { asOf: shownAsOf })}
          csv={withQuery(`/plans/${plan.id}/download`, { format: "csv", asOf: shownAsOf })}
          machine={[
            { label: "CSV", href: withQuery(`/api/v1/plans/${plan.id}`, { format: "csv", asOf: shownAsOf }) },
            { label: "JSON", href: withQuery(`/api/v1/plans/${plan.id}`, { asOf: shownAsOf }) },
          ]}
          locale={locale}
        />
        <PrintButton label={t.plan.print} />
      </div>

      <section aria-labelledby="facts" className="card">
        <h2 id="facts" style={{ marginTop: 0 }}>
          {t.plan.facts}
        </h2>
        <dl className="facts">
          <dt>{t.plan.code}</dt>
          <dd>{plan.code ?? t.plans.noNumber}</dd>
          <dt>{t.plan.type}</dt>
          <dd>{t.docTypes[plan.type]}</dd>
          <dt>{t.plan.issuer}</dt>
          <dd>{plan.issuer}</dd>
          <dt>{t.plan.unit}</dt>
          <dd>
            <Link href={`/units/${plan.issuerUnit.key}`}>{unitName(plan.issuerUnit, locale)}</Link>
          </dd>
          <dt>{t.plan.issuedOn}</dt>
          <dd>{plan.issuedOn ? formatDate(plan.issuedOn) : t.plan.unknownDate}</dd>
          {!plan.issuedOn && plan.issueYear && (
            <>
              {/* No issue date: the year, marked when the portal inferred it. */}
              <dt>{t.plan.issueYear}</dt>
              <dd>
                {plan.issueYear}
                <Inferred reason={plan.issueYearInferred} t={t} />
              </dd>
            </>
          )}
          <dt>{t.plan.period}</dt>
          <dd>
            {periodText(plan.periodStart, plan.periodEnd)}
            <Inferred reason={plan.periodInferred} t={t} />
          </dd>
          {plan.programme && (
            <>
              <dt>{t.plan.programme}</dt>
              <dd>
                {locale === "en" && plan.programme.nameEn ? plan.programme.nameEn : plan.programme.name}
                <span className="muted">
                  {" "}
                  ({t.plan.programmePeriod} {periodText(plan.programme.periodStart, plan.programme.periodEnd)})
                </span>
                <Inferred reason={plan.programme.periodInferred} t={t} />
              </dd>
            </>
          )}
          {citation && (
            <>
              {/* The source cited in words: publisher, title, date, note; then the page's address. */}
              <dt>{t.plan.source}</dt>
              <dd className="citation">
                {citation.text}
                {citation.url && (
                  <span className="citation-url">
                    {t.plan.sourceAt}:{" "}
                    <a href={citation.url} rel="noopener noreferrer">
                      {citation.url}
                    </a>
                  </span>
                )}
              </dd>
            </>
          )}
        </dl>
      </section>

      {plan.summary && (
        <section aria-labelledby="summary">
          <h2 id="summary">{t.plan.summary}</h2>
          <p>{plan.summary}</p>
        </section>
      )}

      <section aria-labelledby="targets">
        <h2 id="targets">{t.plan.targets}</h2>
        <AsOfForm path={`/plans/${plan.id}`} keep={{ unit: view.kind === "by-unit" && view.chosen ? view.unit.key : undefined }} asOf={asOf} today={today} invalid={invalid} locale={locale} />
        {view.kind === "by-unit" && (
          <>
            <p data-plan-by-unit>
              {t.plan.byUnit.intro(formatNumber(view.total, { locale }), formatNumber(view.units.length, { locale }))} <a href="#targets-by-unit">{t.plan.byUnit.jump}</a>
            </p>
            <h3 id="targets-of">{t.plan.byUnit.of(unitName(view.unit, locale))}</h3>
          </>
        )}
        {ordered.length === 0 ? (
          <p className="muted">{t.plan.noTargets}</p>
        ) : (
          <div className="table-wrap">
            <table className="targets-table stack-on-phone">
              <caption className="sr-only">{t.plan.targets}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.plan.requirement}</th>
                  <th scope="col">{t.plan.appliesTo}</th>
                  <th scope="col">{t.plan.period}</th>
                  <th scope="col">{t.plan.progress}</th>
                </tr>
              </thead>
              <tbody>
                {ordered.map(({ t: x, depth }) => {
                  const p = progress.get(x.id);
                  return (
                    <tr key={x.id} id={`target-${x.id}`} className={depth > 0 ? "sub" : undefined} data-target-id={x.id}>
                      <td style={depth > 1 ? { paddingLeft: `${depth * 2}rem` } : undefined}>
                        {depth > 0 && <span className="sub-mark">↳ {t.plan.ofWhich}</span>}
                        <strong>{describeTargetRow(x, locale)}</strong>
                        <span className="sub-mark">
                          {t.plan.statement}: “{x.statement}”
                        </span>
                        {x.results.length > 0 && (
                          <ul className="meta">
                            {[...x.results].sort((a, b) => Number(a.unitId !== x.unit.id) - Number(b.unitId !== x.unit.id) || a.year - b.year).map((r) => (
                              <li key={r.id}>
                                {r.year}
                                {/* A figure of a unit below the target's: its breakdown, named, not counted in the progress. */}
                                {r.unitId !== x.unit.id && ` · ${unitName(r.unit, locale)}`}: <ResultValue r={r} t={t} locale={locale} />
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td data-label={t.plan.appliesTo}>
                        {unitName(x.unit, locale)}
                        <div className="muted" data-group={x.group.code}>
                          {t.plan.group}: {groupName(x.group, locale)}
                        </div>
                      </td>
                      <td data-label={t.plan.period}>
                        {periodText(x.periodStart, x.periodEnd)}
                        {x.annual && <div className="muted">{t.plan.annual}</div>}
                      </td>
                      <td data-label={t.plan.progress}>
                        {p && <ProgressBar p={p} locale={locale} label={`${t.plan.progress}: ${describeTargetRow(x, locale)}`} />}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {view.kind === "by-unit" && (
          <>
            <Pagination page={view.page} pageCount={view.pageCount} href={(p) => viewHref(view.unit.key, p)} m={t.plans} />
            <PlanUnitsTable view={view} href={(key) => viewHref(key)} pageHref={(p) => viewHref(view.unit.key, view.page, p)} locale={locale} t={t} />
          </>
        )}
        {ordered.some(({ t: x }) => x.results.some((r) => r.unitId !== x.unit.id)) && <p className="muted">{t.plan.breakdownNote}</p>}
      </section>

      <PlanCharts planId={plan.id} asOf={asOf === today ? undefined : asOf} groups={planCharts(ordered.map((r) => r.t), progress, locale)} locale={locale} />

      {/* Only with content: the figures reported without a target, or "no results" when nothing is
          reported; when results exist only on targets, the target rows show them and this section is left out. */}
      {resultsView !== "hidden" && (
        <section aria-labelledby="results">
          <h2 id="results">{t.plan.results}</h2>
          {resultsView === "empty" ? (
            <p className="muted">{t.plan.noResults}</p>
          ) : (
            <>
              <p className="muted">{t.plan.resultsIntro}</p>
              <ResultsTable rows={plan.reportedResults} t={t} locale={locale} caption={t.plan.results} />
            </>
          )}
        </section>
      )}

      <section aria-labelledby="citations">
        <h2 id="citations">{t.plan.citations}</h2>
        {plan.citations.length === 0 ? (
          <p className="muted">{t.plan.noCitations}</p>
        ) : (
          <ul>
            {plan.citations.map((c) => {
              const label = `${t.docTypes[c.type]}${c.code ? ` ${c.code}` : ""}${c.issuedOn ? ` ${t.plan.citedOn} ${formatDate(c.issuedOn)}` : ""}`;
              return (
                <li key={c.id}>
                  {c.citedPlanId && c.citedPlan?.status === "PUBLISHED" ? <Link href={`/plans/${c.citedPlanId}`}>{label}</Link> : <strong>{label}</strong>}
                  {` ${t.plan.citedBy} ${c.issuer}`}
                  {c.title && <span className="muted"> — {c.title}</span>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="tasks">
        <h2 id="tasks">{t.plan.tasks}</h2>
        {plan.tasks.length === 0 ? (
          <p className="muted">{t.plan.noTasks}</p>
        ) : (
          <ol className="stack">
            {plan.tasks.map((task) => (
              <li key={task.id}>
                {task.description}
                <div className="muted">
                  {t.plan.responsible}: {task.responsible}
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <p className="no-print">
        <Link href="/plans">← {t.plan.back}</Link>
      </p>
      <PrintNote text={t.report.printedFrom(`/plans/${plan.id}`, formatDate(asOf))} />
    </article>
  );
}
