// Turns a target row (with its published results) into what every reader sees:
// its wording and its progress, computed by the one progress function.
import { groupQualifier, type GroupRef } from "../domain/groups";
import { computeProgress, type Progress } from "../domain/progress";
import { describeTarget, type TargetAmounts, type TargetSpec } from "../domain/targets";
import type { Locale } from "../i18n/locale";
import { num } from "./decimal";

type Row = TargetAmounts & {
  id: string;
  parentId: string | null;
  group: GroupRef;
  equivalentValue: number | null;
  equivalentUnit: string | null;
  qualitativeStatus: "NOT_STARTED" | "IN_PROGRESS" | "DONE" | null;
  indicator: { name: string; nameEn: string; measureUnit: string; measureUnitEn: string; lowerIsBetter: boolean } | null;
  unit: { id: string };
  results: TResultForProgress[];
};

/** A published result as progress needs it: its year, value, baseline and the unit it is for. */
export type TResultForProgress = { year: number; value: { toString(): string }; baseline: { toString(): string } | null; unitId: string };

/**
 * The results that count for a target: those of the target's own unit. Officers may also enter
 * figures for the units below it (a province target's districts); those are its breakdown,
 * shown beside it, and never added to or mixed with the unit's own figure.
 */
export function ownResults<R extends { unitId: string }>(t: { unit: { id: string }; results: R[] }): R[] {
  return t.results.filter((r) => r.unitId === t.unit.id);
}

/** The fields a target's wording needs (any row shape that has them). */
export type TSpecRow = Pick<
  Row,
  "kind" | "lower" | "upper" | "strict" | "approximate" | "baseline" | "periodStart" | "periodEnd" | "annual" | "group" | "equivalentValue" | "equivalentUnit"
> & { indicator: { name: string; nameEn?: string; measureUnit: string; measureUnitEn?: string } | null };

export function targetSpec(t: TSpecRow, locale: Locale): TargetSpec {
  return {
    kind: t.kind,
    lower: t.lower,
    upper: t.upper,
    strict: t.strict,
    approximate: t.approximate,
    baseline: t.baseline,
    periodStart: t.periodStart,
    periodEnd: t.periodEnd,
    annual: t.annual,
    measureUnit: (locale === "en" ? (t.indicator?.measureUnitEn ?? t.indicator?.measureUnit) : t.indicator?.measureUnit) ?? "",
    indicatorName: (locale === "en" ? (t.indicator?.nameEn ?? t.indicator?.name) : t.indicator?.name) ?? "",
    equivalentValue: t.equivalentValue,
    equivalentUnit: t.equivalentUnit,
    group: groupQualifier(t.group, locale),
  };
}

export function describeTargetRow(t: TSpecRow, locale: Locale): string {
  return describeTarget(targetSpec(t, locale), locale);
}

const toResults = (rs: Row["results"]) => rs.map((r) => ({ year: r.year, value: num(r.value)!, baseline: num(r.baseline) }));

/** Progress of each target as of a date ("YYYY-MM-DD"); sub-targets that are shares use their parent's results. */
export function progressOf(targets: Row[], asOf: string): Map<string, Progress> {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const out = new Map<string, Progress>();
  for (const t of targets) {
    const parent = t.parentId ? byId.get(t.parentId) : undefined;
    out.set(
      t.id,
      computeProgress(
        {
          kind: t.kind,
          lower: t.lower,
          upper: t.upper,
          strict: t.strict,
          baseline: t.baseline,
          periodStart: t.periodStart,
          periodEnd: t.periodEnd,
          annual: t.annual,
          qualitativeStatus: t.qualitativeStatus,
        },
        toResults(ownResults(t)),
        asOf,
        parent ? { parentResults: toResults(ownResults(parent)) } : undefined,
      ),
    );
  }
  return out;
}
