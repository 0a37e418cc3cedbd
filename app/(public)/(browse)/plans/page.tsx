import { listTodayStatusCountsByPlan } from "@/lib/data/overview";
import { inLocale } from "@/lib/i18n/locale";
import type { Metadata } from "next";
import { ProblemList } from "@/components/ui/problem-list";
import { EmptyCard, FilterActions, Pagination, SearchBox } from "@/components/ui/list-parts";
import { PlanCard } from "@/components/plans/plan-card";
import { unitName } from "@/components/plans/format";
import { DOCUMENT_TYPES } from "@/lib/data/enums";
import { listPublishedPlans } from "@/lib/data/plans";
import { listUnitsWithPlans } from "@/lib/data/units";
import { formatNumber } from "@/lib/domain/numbers";
import { getMessages } from "@/lib/i18n/server";
import { planFilterInput, ZPlanFilter, type TPlanFilter } from "@/lib/validation/plans";
import { SelectField } from "@/components/ui/select-field";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.plans.title };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PlansPage({ searchParams }: Props) {
  const { locale, t } = await getMessages();
  const raw = planFilterInput(await searchParams);
  const parsed = ZPlanFilter.safeParse(raw);
  // A malformed parameter is reported and ignored; the rest of the filter still applies.
  const fieldLabel: Record<string, string> = { q: t.plans.search, unit: t.plans.unit, year: t.plans.year, type: t.plans.type, page: t.plans.pagination };
  // Messages are written "tiếng Việt / English": show the reader's half.
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${fieldLabel[String(i.path[0])] ?? String(i.path[0])}: ${inLocale(i.message, locale)}`);
  const filter: TPlanFilter = parsed.success
    ? parsed.data
    : Object.fromEntries(
        Object.entries(raw).flatMap(([k, v]) => {
          const one = ZPlanFilter.shape[k as keyof typeof ZPlanFilter.shape].safeParse(v);
          return one.success && one.data !== undefined ? [[k, one.data]] : [];
        }),
      );
  const [result, units, statusByPlan] = await Promise.all([listPublishedPlans(filter), listUnitsWithPlans(), listTodayStatusCountsByPlan()]);
  const years = Array.from({ length: 2026 - 2016 + 1 }, (_, i) => 2026 - i);
  const withFilter = (path: string, extra: Record<string, string>) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== "page") sp.set(k, String(v));
    for (const [k, v] of Object.entries(extra)) sp.set(k, v);
    return `${path}?${sp.toString()}`;
  };
  const pageHref = (p: number) => withFilter("/plans", { page: String(p) });
  const csvHref = withFilter("/api/v1/plans", { format: "csv" });

  return (
    <>
      <h1>{t.plans.title}</h1>
      <form className="filters card" method="get" action="/plans" role="search">
        <SearchBox label={t.plans.search} hint={t.plans.searchHint} value={filter.q ?? ""} />
        <SelectField
          id="unit"
          label={t.plans.unit}
          value={filter.unit ?? ""}
          any={t.plans.any}
          options={units.map((u) => ({ value: u.code, label: `${unitName(u, locale)}${u.validTo ? ` (${t.units.beforeMerger})` : ""}` }))}
        />
        <SelectField id="year" label={t.plans.year} value={filter.year ? String(filter.year) : ""} any={t.plans.any} options={years.map((y) => ({ value: String(y), label: String(y) }))} />
        <SelectField id="type" label={t.plans.type} value={filter.type ?? ""} any={t.plans.any} options={DOCUMENT_TYPES.map((ty) => ({ value: ty, label: t.docTypes[ty] }))} />
        <FilterActions submit={t.plans.submit} reset={t.plans.reset} resetHref="/plans" />
      </form>

      <ProblemList problems={problems} />

      <div className="toolbar" style={{ justifyContent: "space-between", alignItems: "center", marginTop: "1rem" }}>
        <p aria-live="polite" style={{ margin: 0 }}>
          <strong>{t.plans.found(formatNumber(result.total, { locale }))}</strong>
        </p>
        <a href={csvHref}>{t.plans.download}</a>
      </div>

      {result.items.length === 0 ? (
        <EmptyCard title={t.plans.none} hint={t.plans.noneHint} />
      ) : (
        <ul className="plan-list">
          {result.items.map((p) => (
            <PlanCard key={p.id} plan={p} t={t} locale={locale} counts={statusByPlan.get(p.id)} />
          ))}
        </ul>
      )}

      <Pagination page={result.page} pageCount={result.pageCount} href={pageHref} m={t.plans} />
    </>
  );
}
