import type { TResultRow } from "@/lib/data/plans";
import { groupQualifier } from "@/lib/domain/groups";
import type { Locale } from "@/lib/i18n/locale";
import { unitName } from "../plans/format";
import { ResultValue } from "./result-value";
import type { TMessages } from "@/lib/i18n/messages";

export function ResultsTable({ rows, t, locale, caption }: { rows: TResultRow[]; t: TMessages["common"]; locale: Locale; caption: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.result.year}</th>
            <th scope="col">{t.units.ofUnit}</th>
            <th scope="col">{t.result.indicator}</th>
            <th scope="col" className="num">
              {t.result.value}
            </th>
            <th scope="col">{t.result.detail}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.year}</td>
              <td>{unitName(r.unit, locale)}</td>
              <td>
                {locale === "en" ? r.indicator.nameEn : r.indicator.name}
                {/* Whom the figure counts, when not the whole population ("Đối tượng: Hộ nghèo"). */}
                {groupQualifier(r.group, locale) && (
                  <div className="muted" data-group={r.group.code}>
                    {t.plan.group}: {groupQualifier(r.group, locale)}
                  </div>
                )}
              </td>
              <td className="num">
                <ResultValue r={r} t={t} locale={locale} />
              </td>
              <td>
                {r.label && <div>{r.label}</div>}
                {r.note && <div className="muted">{r.note}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
