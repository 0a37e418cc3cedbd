import { unitName } from "@/components/plans/format";
import type { TBehindTarget } from "@/lib/data/overview";
import { describeTargetRow } from "@/lib/data/target-view";
import { formatNumber, formatPercent } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { StatusBadge } from "./status-badge";
import { messages } from "@/lib/i18n/messages";

/** "Where are we behind": the targets missed, off track or at risk, worst first, each linked to its plan. */
export function BehindList({ data, locale, headingLevel = 2 }: { data: { items: TBehindTarget[]; total: number }; locale: Locale; headingLevel?: 2 | 3 }) {
  const d = messages(locale).dashboards;
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="behind" className="behind">
      <H id="behind">{d.behindTitle}</H>
      {data.items.length === 0 ? (
        <p className="muted" data-empty="behind">
          {d.behindNone}
        </p>
      ) : (
        <>
          <p className="muted">{d.behindIntro}</p>
          <ol className="behind-list">
            {data.items.map(({ target: t, progress: p }) => (
              <li key={t.id} data-target-id={t.id}>
                <StatusBadge status={p.status} locale={locale} />{" "}
                {/* A plain link: a full navigation lets the browser mark the row as :target. */}
                <a href={`/plans/${t.plan.id}#target-${t.id}`}>{describeTargetRow(t, locale)}</a>
                <span className="muted">
                  {" "}
                  · {unitName(t.unit, locale)} · {t.plan.code ?? t.plan.title}
                  {p.percent !== null && <> · {formatPercent(p.percent, { locale })}</>}
                </span>
              </li>
            ))}
          </ol>
          {data.total > data.items.length && (
            <p className="muted">{d.behindMore(formatNumber(data.items.length, { locale }), formatNumber(data.total, { locale }))}</p>
          )}
        </>
      )}
    </section>
  );
}
