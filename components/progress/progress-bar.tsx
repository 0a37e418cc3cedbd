import { formatNumber } from "@/lib/domain/numbers";
import type { Progress } from "@/lib/domain/progress";
import type { Locale } from "@/lib/i18n/locale";
import { StatusBadge } from "./status-badge";
import { messages } from "@/lib/i18n/messages";

/** A target's share achieved as a bar (capped at 100% wide), with its status in words. */
export function ProgressBar({ p, locale, label }: { p: Progress; locale: Locale; label: string }) {
  const pct = p.percent;
  // An annual target's overall figures are its latest year's: say which year, so that a year
  // exceeded is not read as the whole period's verdict.
  const annualOverall = p.totalYears !== undefined && p.year === null;
  const pctText = `${annualOverall && p.dataYear !== null ? `${messages(locale).dashboards.yearPrefix(String(p.dataYear))}: ` : ""}${formatNumber(pct ?? 0, { locale, maxFractionDigits: 1 })}%`;
  return (
    <div className="progress">
      <StatusBadge status={p.status} locale={locale} />
      {pct !== null && (
        <>
          <div
            className={`bar ${p.status}`}
            role="meter"
            aria-label={label}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.max(0, Math.min(100, pct))}
            aria-valuetext={pctText}
          >
            <span style={{ width: `${Math.max(0, Math.min(100, pct))}%` }} />
          </div>
          <span className="muted">{pctText}</span>
        </>
      )}
      {annualOverall && (
        <span className="muted" data-met-years>
          {metInYears(p, locale)}
        </span>
      )}
    </div>
  );
}

/** Annual targets: "met in k of n years, m without data" (n: the years due so far). */
function metInYears(p: Progress, locale: Locale): string {
  const d = messages(locale).dashboards;
  const due = p.dueYears ?? 0;
  if (due === 0) return d.noYearDue;
  const noData = p.noDataYears ?? 0;
  return d.metInYears(formatNumber(p.metYears ?? 0, { locale }), formatNumber(due, { locale }), noData > 0 ? formatNumber(noData, { locale }) : null);
}
