import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PlanCard } from "@/components/plans/plan-card";
import { unitName } from "@/components/plans/format";
import { ResultsTable } from "@/components/results/results-table";
import { PrintButton } from "@/components/ui/print-button";
import { PrintNote } from "@/components/ui/print-note";
import { UnitDashboard } from "@/components/dashboards/unit-dashboard";
import { DownloadLinks, withQuery } from "@/components/downloads/download-links";
import { AsOfForm } from "@/components/progress/as-of-form";
import { indicatorTrends } from "@/lib/data/dashboards";
import { getStatusCounts, listPlanStatusCounts, listTargetsBehind } from "@/lib/data/overview";
import { listPublishedPlans } from "@/lib/data/plans";
import { listPublishedResultsPage, listTrendResults } from "@/lib/data/results";
import { Pagination } from "@/components/ui/list-parts";
import { getUnitSuccessions, listUnits, unitAncestors, unitScope } from "@/lib/data/units";
import { unitTree } from "@/lib/domain/unit-tree";
import { formatDate, isoDateInTimeZone } from "@/lib/domain/numbers";
import { getMessages } from "@/lib/i18n/server";
import { readAsOf } from "@/lib/validation/as-of";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ asOf?: string | string[]; page?: string | string[] }> };

async function findUnit(code: string) {
  if (!/^[A-Za-z0-9-]{1,16}$/.test(code)) return null;
  const units = await listUnits();
  // The path names a unit by its key: a code, or code and year for an ended unit whose code was reused ("92-2025").
  const unit = units.find((u) => u.key === code);
  return unit ? { unit, units } : null;
}

export async function generateMetadata({ params }: Pick<Props, "params">): Promise<Metadata> {
  const found = await findUnit((await params).code);
  return { title: found ? found.unit.name : "404" };
}

export default async function UnitPage({ params, searchParams }: Props) {
  const { locale, t } = await getMessages();
  const found = await findUnit((await params).code);
  if (!found) notFound();
  const { unit, units } = found;
  const ancestors = unitAncestors(units, unit).filter((u) => u.level !== "NATION");
  const children = units.filter((u) => u.parentId === unit.id);
  const tree = unitTree(units);
  const { predecessors, successors } = await getUnitSuccessions(unit.id);
  const scope = [...unitScope(units, unit.id)];
  const today = isoDateInTimeZone();
  const sp = await searchParams;
  const { asOf, invalid } = readAsOf(sp.asOf, today);
  // The results table is paged (a city's results run to thousands); a bad page number gives the first.
  const pageParam = Number(typeof sp.page === "string" ? sp.page : 1);
  const resultsPage = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 100_000 ? pageParam : 1;
  /** A date other than today, carried into the downloads. */
  const shownAsOf = asOf === today ? undefined : asOf;
  const [plans, results, counts, planCounts, behind, trendResults] = await Promise.all([
    listPublishedPlans({ unit: unit.key }, { all: true }),
    listPublishedResultsPage(scope, resultsPage),
    getStatusCounts(asOf, unit.key),
    listPlanStatusCounts(asOf, unit.key),
    listTargetsBehind(asOf, unit.key),
    listTrendResults(scope),
  ]);

  const u = t.unitPage;
  // A predecessor's plans are listed under the unit it went into wholly, saying where they come from.
  const wholePredecessors = predecessors.filter((p) => p.share === "FULL" && p.unit.id !== unit.id);
  const fromOf = (issuerId: string) => wholePredecessors.find((p) => tree.isWithin(issuerId, p.unit.id));
  const planGroups = [
    { from: undefined, plans: plans.items.filter((p) => !fromOf(p.issuerUnit.id)) },
    ...wholePredecessors.map((from) => ({ from, plans: plans.items.filter((p) => fromOf(p.issuerUnit.id)?.unit.id === from.unit.id) })),
  ].filter((g) => g.plans.length > 0);

  return (
    <>
      <nav className="breadcrumbs" aria-label={t.breadcrumb}>
        <ol>
          <li>
            <Link href="/units">{t.nav.units}</Link>
          </li>
          {ancestors.map((a) => (
            <li key={a.id}>
              <Link href={`/units/${a.key}`}>{unitName(a, locale)}</Link>
            </li>
          ))}
          <li aria-current="page">{unitName(unit, locale)}</li>
        </ol>
      </nav>
      <h1>{unitName(unit, locale)}</h1>
      <div className="toolbar no-print" style={{ alignItems: "center" }}>
        <DownloadLinks
          xlsx={withQuery(`/units/${unit.key}/download`, { asOf: shownAsOf })}
          csv={withQuery(`/units/${unit.key}/download`, { format: "csv", asOf: shownAsOf })}
          machine={[
            { label: "CSV", href: withQuery("/api/v1/progress", { unit: unit.key, format: "csv", asOf: shownAsOf }) },
            { label: "JSON", href: withQuery("/api/v1/progress", { unit: unit.key, asOf: shownAsOf }) },
          ]}
          locale={locale}
        />
        <PrintButton label={t.report.print} />
      </div>
      <section className="card" aria-label={t.plan.facts}>
        <dl className="facts">
          <dt>{t.units.level}</dt>
          <dd>{t.levels[unit.level]}</dd>
          <dt>{t.units.code}</dt>
          <dd>{unit.code}</dd>
          {ancestors.length > 0 && (
            <>
              <dt>{t.units.parent}</dt>
              <dd>{ancestors.map((a) => unitName(a, locale)).join(" › ")}</dd>
            </>
          )}
          {unit.validTo && (
            <>
              <dt>{t.units.validity}</dt>
              <dd>{t.units.until(formatDate(unit.validTo))}</dd>
            </>
          )}
          {successors.length > 0 && (
            <>
              <dt>{u.successors}</dt>
              <dd>
                <ul className="plain" data-successors>
                  {successors.map((s) => (
                    <li key={s.unit.id} data-share={s.share.toLowerCase()}>
                      <Link href={`/units/${s.unit.key}`}>{unitName(s.unit, locale)}</Link>
                      {" — "}
                      {(s.share === "FULL" ? u.wentWhole : u.wentPart)(formatDate(s.effectiveOn))}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {predecessors.length > 0 && (
            <>
              <dt>{u.predecessors}</dt>
              <dd>
                <ul className="plain" data-predecessors>
                  {predecessors.map((p) => (
                    <li key={p.unit.id} data-share={p.share.toLowerCase()}>
                      <Link href={`/units/${p.unit.key}`}>{unitName(p.unit, locale)}</Link>
                      {p.unit.validTo && p.unit.code === unit.code ? ` (${t.units.until(formatDate(p.unit.validTo))})` : ""}
                      {" — "}
                      {(p.share === "FULL" ? u.whole : u.part)(formatDate(p.effectiveOn))}
                    </li>
                  ))}
                </ul>
                {predecessors.some((p) => p.share === "PARTIAL") && <p className="muted">{u.partNote}</p>}
              </dd>
            </>
          )}
        </dl>
      </section>

      {children.length > 0 && (
        <section aria-labelledby="children">
          <h2 id="children">{t.units.children}</h2>
          <ul className="unit-list">
            {children.map((c) => (
              <li key={c.id}>
                <Link href={`/units/${c.key}`}>{unitName(c, locale)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="plans">
        <h2 id="plans">{t.units.plans}</h2>
        {plans.items.length === 0 ? (
          <p className="muted">{t.units.noPlans}</p>
        ) : (
          planGroups.map((g) => (
            <div key={g.from?.unit.id ?? "own"} data-from={g.from?.unit.key}>
              {g.from && (
                <h3 className="plan-group">{u.fromPredecessor(unitName(g.from.unit, locale), unitName(unit, locale), formatDate(g.from.effectiveOn))}</h3>
              )}
              <ul className="plan-list">
                {g.plans.map((p) => (
                  <PlanCard key={p.id} plan={p} t={t} locale={locale} />
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <UnitDashboard
        unitCode={unit.code}
        unitKey={unit.key}
        asOf={shownAsOf}
        asOfControl={<AsOfForm path={`/units/${unit.key}`} asOf={asOf} today={today} invalid={invalid} locale={locale} />}
        counts={counts!}
        plans={planCounts ?? []}
        behind={behind ?? { items: [], total: 0 }} trends={indicatorTrends(trendResults, locale)} locale={locale} />

      <section aria-labelledby="results">
        <h2 id="results">{t.units.results}</h2>
        {results.total === 0 ? (
          <p className="muted">{t.units.noResults}</p>
        ) : (
          <>
            <ResultsTable rows={results.items} t={t} locale={locale} caption={t.units.results} />
            <Pagination
              page={results.page}
              pageCount={results.pageCount}
              href={(p) => withQuery(`/units/${unit.key}`, { asOf: shownAsOf, page: p > 1 ? String(p) : undefined }) + "#results"}
              m={{ ...t.plans, pagination: t.units.resultsPages }}
            />
          </>
        )}
      </section>
      <PrintNote text={t.report.printedFrom(`/units/${unit.key}`, formatDate(asOf))} />
    </>
  );
}
