import Link from "next/link";
import { DownloadLinks } from "@/components/downloads/download-links";
import { PlanCard } from "@/components/plans/plan-card";
import { listPublishedPlans } from "@/lib/data/plans";
import { getStatusCounts, listTargetsBehind, listTodayStatusCountsByPlan } from "@/lib/data/overview";
import { BehindList } from "@/components/progress/behind-list";
import { getHeadlineFigures } from "@/lib/data/stats";
import { StatusSummary } from "@/components/progress/status-summary";
import { formatDate, formatNumber, isoDateInTimeZone } from "@/lib/domain/numbers";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const { locale, t } = await getMessages();
  const asOf = isoDateInTimeZone();
  const [figures, latest, counts, behind, statusByPlan] = await Promise.all([
    getHeadlineFigures(),
    listPublishedPlans({}, { pageSize: 3 }),
    getStatusCounts(asOf),
    listTargetsBehind(asOf),
    listTodayStatusCountsByPlan(),
  ]);
  const fig = (n: number) => formatNumber(n, { locale });
  return (
    <>
      <h1>{t.siteName}</h1>
      <p className="lead">{t.home.intro}</p>
      <form action="/plans" method="get" role="search" className="search-inline">
        <label htmlFor="home-q" className="sr-only">
          {t.home.searchLabel}
        </label>
        <input id="home-q" type="search" name="q" placeholder={t.home.searchPlaceholder} aria-label={t.home.searchLabel} />
        <button type="submit" className="button">
          {t.plans.submit}
        </button>
      </form>
      <h2>{t.home.figures}</h2>
      <ul className="figures">
        {(["plans", "targets", "units", "results"] as const).map((k) => (
          <li key={k} className="figure">
            <span className="num">{fig(figures[k])}</span> {t.home[k]}
          </li>
        ))}
      </ul>
      <h2>{t.home.progress}</h2>
      <StatusSummary counts={counts!} locale={locale} caption={t.home.progressCaption(formatDate(asOf))} />
      <DownloadLinks
        xlsx="/progress/download"
        csv="/progress/download?format=csv"
        machine={[
          { label: "CSV", href: "/api/v1/progress?format=csv" },
          { label: "JSON", href: "/api/v1/progress" },
          { label: "XLSX", href: "/api/v1/progress?format=xlsx" },
        ]}
        locale={locale}
      />
      <BehindList data={behind!} locale={locale} />
      <h2>{t.home.latest}</h2>
      <ul className="plan-list">
        {latest.items.map((p) => (
          <PlanCard key={p.id} plan={p} t={t} locale={locale} counts={statusByPlan.get(p.id)} />
        ))}
      </ul>
      <p>
        <Link href="/plans" className="button secondary">
          {t.home.browseAll}
        </Link>
      </p>
    </>
  );
}
