// The API's view of plans and targets (docs/api.md).
// Enum values are given in lower case; dates as YYYY-MM-DD.
import type { TPlanDetail, TPlanSummary } from "../data/plans";
import { progressOf } from "../data/target-view";
import type { Progress } from "../domain/progress";
import type { TargetAmounts } from "../domain/targets";

const lc = (s: string) => s.toLowerCase();
const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const apiUnit = (u: { code: string; name: string; level: string }) => ({ code: u.code, name: u.name, level: lc(u.level) });
/** The population group a figure or target counts (never left out: "all" is the whole unit). */
export const apiGroup = (g: { code: string; name: string; nameEn: string }) => ({ code: g.code, name: g.name, nameEn: g.nameEn });

/** What a target says, as the API writes it: shared by stored targets and targets proposed from plan text (lib/api/parse-targets.ts). */
export type TTargetTerms = Omit<TargetAmounts, "periodStart" | "periodEnd"> & {
  indicator: { code: string; name: string; measureUnit: string } | null;
  /** null only for a proposed target whose group the catalogue does not hold (never shown as the whole unit). */
  group: { code: string; name: string; nameEn: string } | null;
  /** null only for a proposed target whose text names no period. */
  periodStart: number | null;
  periodEnd: number | null;
  statement: string;
  equivalentValue: number | null;
  equivalentUnit: string | null;
};

export function apiTargetTerms(t: TTargetTerms) {
  return {
    indicator: t.indicator ? { code: t.indicator.code, name: t.indicator.name, unit: t.indicator.measureUnit } : null,
    kind: lc(t.kind),
    lower: t.lower,
    upper: t.upper,
    strict: t.strict,
    approximate: t.approximate,
    annual: t.annual,
    baseline: t.baseline,
    group: t.group ? apiGroup(t.group) : null,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    statement: t.statement,
    equivalent: t.equivalentValue !== null ? { value: t.equivalentValue, unit: t.equivalentUnit } : null,
  };
}

export function toApiPlan(p: TPlanSummary) {
  return {
    id: p.id,
    code: p.code,
    type: lc(p.type),
    title: p.title,
    issuedOn: isoDate(p.issuedOn),
    issuer: p.issuer,
    unit: apiUnit(p.issuerUnit),
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    /** Why a value the source does not state was inferred; null when the source states it. */
    inferred: { period: p.periodInferred, issueYear: p.issueYearInferred },
    sourceUrl: p.sourceUrl,
    sourceNote: p.sourceNote,
    source: { publisher: p.sourcePublisher, title: p.sourceTitle, publishedOn: isoDate(p.sourcePublishedOn), url: p.sourceUrl, note: p.sourceNote },
    programme: p.programme
      ? {
          code: p.programme.code,
          name: p.programme.name,
          periodStart: p.programme.periodStart,
          periodEnd: p.programme.periodEnd,
          periodInferred: p.programme.periodInferred,
        }
      : null,
  };
}

export function toApiProgress(targetId: string, p: Progress) {
  const base = { targetId, year: p.year, actual: p.actual, achieved: p.achieved, percent: p.percent, status: p.status };
  // Annual targets, for the whole period: "met in k of n years, m without data".
  return p.totalYears === undefined
    ? base
    : { ...base, metYears: p.metYears ?? 0, dueYears: p.dueYears ?? 0, noDataYears: p.noDataYears ?? 0, totalYears: p.totalYears };
}

export function toApiPlanDetail(p: TPlanDetail, asOf: string) {
  const progress = progressOf(p.targets, asOf);
  return {
    ...toApiPlan(p),
    summary: p.summary,
    citations: p.citations.map((c) => ({ code: c.code, type: lc(c.type), issuer: c.issuer, issuedOn: isoDate(c.issuedOn), title: c.title })),
    tasks: p.tasks.map((t) => ({ description: t.description, responsible: t.responsible })),
    targets: p.targets.map((t) => ({
      id: t.id,
      ...apiTargetTerms(t),
      // A stored target always has its group ("all" for the whole unit).
      group: apiGroup(t.group),
      unit: apiUnit(t.unit),
      parentId: t.parentId,
      progress: toApiProgress(t.id, progress.get(t.id)!),
    })),
    reportedResults: p.reportedResults.map((r) => ({
      id: r.id,
      indicator: { code: r.indicator.code, name: r.indicator.name, unit: r.indicator.measureUnit },
      unit: apiUnit(r.unit),
      group: apiGroup(r.group),
      year: r.year,
      value: Number(r.value.toString()),
      qualifier: lc(r.qualifier),
      label: r.label,
      note: r.note,
      demo: r.isDemo,
    })),
  };
}
