import "server-only";
// Dashboard data shaping: plain functions over what the data layer already returns
// (getPublishedPlan, listTargetProgress, listPublishedResultsForUnits). No maths of
// their own: every required/achieved/percent/status comes from the Progress object.
import { STATUS_ORDER, statusLabel, type Progress, type ProgressStatus } from "../domain/progress";
import type { Locale } from "../i18n/locale";
import type { TTargetRow } from "./plans";
import { describeTargetRow, ownResults } from "./target-view";

/** One row of a plan's target × year table (a whole-period row has year null). */
export type TPlanDashRow = {
  targetId: string;
  parentId: string | null;
  target: string;
  unit: string;
  /** The year for annual targets; null for a row covering the whole period. */
  year: number | null;
  period: string;
  required: number | null;
  achieved: number | null;
  expected: number | null;
  /** Latest value (rates) or sum (counts), as the progress function read it. */
  actual: number | null;
  /** The level a "reach" target names (≤ for REACH_AT_MOST, ≥ for REACH_AT_LEAST); null for other kinds. */
  level: number | null;
  percent: number | null;
  status: ProgressStatus;
  statusLabel: string;
};

export type TPlanChart = {
  targetId: string;
  parentId: string | null;
  title: string;
  /** "amount": required vs achieved; "level": a reach target judged without a baseline, level vs actual. */
  measure: "amount" | "level";
  rows: TPlanDashRow[];
};

/** Charts grouped by top-level target: a parent followed by its sub-targets. */
export type TPlanChartGroup = { parentId: string; charts: TPlanChart[] };

type TargetLike = Pick<TTargetRow, "id" | "parentId" | "kind" | "periodStart" | "periodEnd" | "results"> &
  Parameters<typeof describeTargetRow>[0] & { unit: { id: string; name: string; code: string } };

const periodLabel = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

/** Rows for one target: one per year for annual targets (from `yearly`), else one for the period. */
export function targetRows(t: TargetLike, p: Progress, locale: Locale): TPlanDashRow[] {
  const base = {
    targetId: t.id,
    parentId: t.parentId,
    target: describeTargetRow(t, locale),
    unit: t.unit.name,
    period: periodLabel(t.periodStart, t.periodEnd),
  };
  const row = (q: Progress): TPlanDashRow => ({
    ...base,
    year: q.year,
    required: q.required,
    achieved: q.achieved,
    expected: q.expected,
    actual: q.actual,
    level: t.kind === "REACH_AT_MOST" || t.kind === "REACH_AT_LEAST" ? t.lower : null,
    percent: q.percent,
    status: q.status,
    statusLabel: statusLabel(q.status, locale),
  });
  if (p.yearly && p.yearly.length > 0) return p.yearly.map(row);
  return [row(p)];
}

/** The whole plan as a target × year table (every published target, with its status). */
export function planTable(targets: TargetLike[], progress: Map<string, Progress>, locale: Locale): TPlanDashRow[] {
  return ordered(targets).flatMap((t) => {
    const p = progress.get(t.id);
    return p ? targetRows(t, p, locale) : [];
  });
}

/** Parents first, each followed by its sub-targets (depth first), as on the plan page. */
function ordered<T extends { id: string; parentId: string | null }>(targets: T[]): T[] {
  const ids = new Set(targets.map((t) => t.id));
  const out: T[] = [];
  const walk = (t: T) => {
    out.push(t);
    for (const c of targets.filter((x) => x.parentId === t.id)) walk(c);
  };
  targets.filter((t) => !t.parentId || !ids.has(t.parentId)).forEach(walk);
  return out;
}

/**
 * Charts of a plan: numeric targets with at least one published result, grouped with
 * their top-level parent so sub-targets sit beside it. Empty when nothing is reported.
 */
export function planCharts(targets: TargetLike[], progress: Map<string, Progress>, locale: Locale): TPlanChartGroup[] {
  const byId = new Map(targets.map((t) => [t.id, t]));
  const rootOf = (t: TargetLike): string => {
    let cur = t;
    for (let i = 0; i < 10 && cur.parentId && byId.has(cur.parentId); i++) cur = byId.get(cur.parentId)!;
    return cur.id;
  };
  const groups = new Map<string, TPlanChart[]>();
  for (const t of ordered(targets)) {
    const p = progress.get(t.id);
    if (!p || t.kind === "QUALITATIVE" || ownResults(t).length === 0) continue;
    const root = rootOf(t);
    groups.set(root, [
      ...(groups.get(root) ?? []),
      {
        targetId: t.id,
        parentId: t.parentId,
        title: describeTargetRow(t, locale),
        // Without a baseline nothing is "achieved" in points: compare the level with the value.
        measure: p.judgedOnLevel || (p.yearly ?? []).some((y) => y.judgedOnLevel) ? "level" : "amount",
        rows: targetRows(t, p, locale),
      },
    ]);
  }
  return [...groups].map(([parentId, charts]) => ({ parentId, charts }));
}

// ---------------------------------------------------------------------------
// Unit dashboard
// ---------------------------------------------------------------------------

export type TStatusCountsLike = Record<ProgressStatus, number> & { total: number };

/** Zero in every status. */
export function emptyStatusCounts(): TStatusCountsLike {
  return { ...(Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<ProgressStatus, number>), total: 0 };
}

export function countStatuses(rows: { progress: Progress }[]): TStatusCountsLike {
  const counts = emptyStatusCounts();
  for (const r of rows) counts[r.progress.status]++;
  counts.total = rows.length;
  return counts;
}

type ResultLike = {
  year: number;
  value: { toString(): string };
  label?: string | null;
  /** "hơn …" (OVER) or "khoảng …" (ABOUT) as the source states it. */
  qualifier?: "EXACT" | "OVER" | "ABOUT" | null;
  unit: { code: string; name: string };
  indicator: { code: string; name: string; nameEn: string | null; measureUnit: string; measureUnitEn?: string | null };
};

export type TIndicatorTrend = {
  indicatorCode: string;
  indicator: string;
  measureUnit: string;
  years: number[];
  /**
   * One series per unit, and per label when a result counts something narrower than the
   * indicator (its label says what): values[i] belongs to years[i] (null: no published result).
   */
  series: { unitCode: string; unit: string; label: string | null; values: (number | null)[]; qualifiers: ("EXACT" | "OVER" | "ABOUT" | null)[] }[];
};

/**
 * Values by year for each indicator with published results: one series per unit (and per
 * label, so figures that count different things are never joined into one line). When a
 * series has several results for one year, the first one read is kept.
 */
export function indicatorTrends(results: ResultLike[], locale: Locale): TIndicatorTrend[] {
  const byIndicator = new Map<string, ResultLike[]>();
  for (const r of results) byIndicator.set(r.indicator.code, [...(byIndicator.get(r.indicator.code) ?? []), r]);
  const key = (r: ResultLike) => `${r.unit.code}\u0000${r.label ?? ""}`;
  return [...byIndicator.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, rs]) => {
      const first = rs[0]!;
      const years = [...new Set(rs.map((r) => r.year))].sort((a, b) => a - b);
      const seriesOf = [...new Map(rs.map((r) => [key(r), r])).entries()].sort(([a], [b]) => a.localeCompare(b));
      return {
        indicatorCode: code,
        indicator: locale === "en" && first.indicator.nameEn ? first.indicator.nameEn : first.indicator.name,
        measureUnit: (locale === "en" ? first.indicator.measureUnitEn : null) ?? first.indicator.measureUnit,
        years,
        series: seriesOf.map(([k, r0]) => ({
          unitCode: r0.unit.code,
          unit: r0.unit.name,
          label: r0.label ?? null,
          values: years.map((y) => {
            const r = rs.find((x) => key(x) === k && x.year === y);
            return r ? Number(r.value.toString()) : null;
          }),
          qualifiers: years.map((y) => rs.find((x) => key(x) === k && x.year === y)?.qualifier ?? null),
        })),
      };
    });
}

/** The indicator trends flattened to rows (indicator, unit, year, value) for downloads. */
export function trendRows(trends: TIndicatorTrend[]) {
  return trends.flatMap((t) =>
    t.series.flatMap((s) =>
      t.years.flatMap((year, i) =>
        s.values[i] === null
          ? []
          : [
              {
                indicator: t.indicatorCode,
                indicatorName: t.indicator,
                measureUnit: t.measureUnit,
                unit: s.unitCode,
                unitName: s.unit,
                label: s.label ?? "",
                year,
                // "over" / "about" when the source says "hơn" / "khoảng": the value is a bound, not an exact figure.
                qualifier: (s.qualifiers[i] ?? "EXACT").toLowerCase(),
                value: s.values[i],
              },
            ],
      ),
    ),
  );
}
