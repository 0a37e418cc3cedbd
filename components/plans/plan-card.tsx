import Link from "next/link";
import type { TPlanSummary } from "@/lib/data/plans";
import { formatDate, formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { periodText, unitName } from "./format";
import { Inferred } from "./inferred";
import { statusLabel, type TMessages } from "@/lib/i18n/messages";
import type { TStatusCounts } from "@/lib/data/overview";
import { STATUS_DISPLAY_ORDER } from "@/components/progress/status-summary";

export function PlanCard({
  plan,
  t,
  locale,
  headingLevel = 3,
  counts,
}: {
  plan: TPlanSummary;
  t: TMessages["common"];
  locale: Locale;
  headingLevel?: 2 | 3;
  /** Its published targets by status today: a line of words and counts under the facts. */
  counts?: TStatusCounts;
}) {
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <li>
      <div className="meta">
        <span className="badge">{t.docTypes[plan.type]}</span>
        <span className="code">{plan.code ?? t.plans.noNumber}</span>
      </div>
      <H>
        <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
      </H>
      <ul className="meta">
        <li>
          {t.plans.issuer}: {plan.issuer}
        </li>
        <li>
          {t.plans.issued}:{" "}
          {plan.issuedOn ? (
            formatDate(plan.issuedOn)
          ) : (
            <>
              {t.plan.unknownDate}
              {plan.issueYear ? `; ${t.plans.issuedInYear(String(plan.issueYear))}` : ""}
              <Inferred reason={plan.issueYearInferred} t={t} compact />
            </>
          )}
        </li>
        <li>
          {t.plans.period}: {periodText(plan.periodStart, plan.periodEnd)}
          <Inferred reason={plan.periodInferred} t={t} compact />
        </li>
        <li>{unitName(plan.issuerUnit, locale)}</li>
        {plan._count.targets > 0 && <li>{t.plans.targetsCount(formatNumber(plan._count.targets, { locale }))}</li>}
      </ul>
      {counts && counts.total > 0 && (
        <p className="plan-card-status">
          <span className="sr-only">{t.plans.statusLine}: </span>
          {STATUS_DISPLAY_ORDER.filter((s) => counts[s] > 0).map((s) => (
            <span key={s} className={`status ${s}`}>
              {formatNumber(counts[s], { locale })} {statusLabel(s, locale)}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
