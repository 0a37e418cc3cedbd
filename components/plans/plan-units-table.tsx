// A large plan's targets by unit (lib/data/plan-view.ts): one row per unit with its number of
// targets and their statuses, each unit linking to the page of its own targets; paged
// (PLAN_UNITS_PAGE rows), opening on the page of the unit shown.
import Link from "next/link";
import { unitName } from "@/components/plans/format";
import { StatusCountCells, StatusHeaderCells } from "@/components/progress/status-cells";
import { Pagination } from "@/components/ui/list-parts";
import type { TPlanView } from "@/lib/data/plan-view";
import { formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";

type Props = {
  view: Extract<TPlanView, { kind: "by-unit" }>;
  href: (unitKey: string) => string;
  /** The address of another page of this table (the unit shown stays). */
  pageHref: (unitsPage: number) => string;
  locale: Locale;
  t: TMessages["common"];
};

export function PlanUnitsTable({ view, href, pageHref, locale, t }: Props) {
  const b = t.plan.byUnit;
  const n = (v: number) => formatNumber(v, { locale });
  return (
    <section aria-labelledby="targets-by-unit">
      <h3 id="targets-by-unit">{b.unitsTitle}</h3>
      <div className="table-wrap">
        <table className="plan-status stack-on-phone" data-plan-units>
          <caption className="sr-only">{b.unitsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{b.unitCol}</th>
              <th scope="col" className="num">
                {b.countCol}
              </th>
              <StatusHeaderCells locale={locale} />
            </tr>
          </thead>
          <tbody>
            {view.unitRows.map((u) => {
              const current = u.unit.id === view.unit.id;
              return (
                <tr key={u.unit.id} data-unit-key={u.unit.key} aria-current={current ? "true" : undefined}>
                  <th scope="row">
                    {current ? (
                      <strong>
                        {unitName(u.unit, locale)} <span className="muted">({b.shown})</span>
                      </strong>
                    ) : (
                      <Link href={href(u.unit.key)}>{unitName(u.unit, locale)}</Link>
                    )}
                  </th>
                  <td className="num" data-label={b.countCol}>
                    {n(u.targets)}
                  </td>
                  <StatusCountCells counts={u.counts} locale={locale} />
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pagination page={view.unitsPage} pageCount={view.unitsPageCount} href={pageHref} m={{ ...t.plans, pagination: b.unitsPages }} />
    </section>
  );
}
