// The API's view of plans and targets (CONTRACT.md, "Open-data API, version 1").
// Enum values are given in lower case; dates as YYYY-MM-DD.
import type { TPlanDetail, TPlanSummary } from "../data/plans";
import { progressOf } from "../data/target-view";
import type { Progress } from "../domain/progress";

const lc = (s: string) => s.toLowerCase();
const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const apiUnit = (u: { code: string; name: string; level: string }) => ({ code: u.code, name: u.name, level: lc(u.level) });

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
    sourceUrl: p.sourceUrl,
    sourceNote: p.sourceNote,
    programme: p.programme ? { code: p.programme.code, name: p.programme.name } : null,
  };
}

export function toApiProgress(targetId: string, p: Progress) {
  const base = { targetId, year: p.year, actual: p.actual, achieved: p.achieved, percent: p.percent, status: p.status };
  // Annual targets, for the whole period: "met in k of n years".
  return p.totalYears === undefined ? base : { ...base, metYears: p.metYears ?? 0, totalYears: p.totalYears };
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
      indicator: t.indicator ? { code: t.indicator.code, name: t.indicator.name, unit: t.indicator.measureUnit } : null,
      kind: lc(t.kind),
      lower: t.lower,
      upper: t.upper,
      strict: t.strict,
      approximate: t.approximate,
      annual: t.annual,
      baseline: t.baseline,
      unit: apiUnit(t.unit),
      population: t.population,
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
      parentId: t.parentId,
      statement: t.statement,
      equivalent: t.equivalentValue !== null ? { value: t.equivalentValue, unit: t.equivalentUnit } : null,
      progress: toApiProgress(t.id, progress.get(t.id)!),
    })),
    reportedResults: p.reportedResults.map((r) => ({
      id: r.id,
      indicator: { code: r.indicator.code, name: r.indicator.name, unit: r.indicator.measureUnit },
      unit: apiUnit(r.unit),
      year: r.year,
      value: Number(r.value.toString()),
      qualifier: lc(r.qualifier),
      label: r.label,
      note: r.note,
      demo: r.isDemo,
    })),
  };
}
