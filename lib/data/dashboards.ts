import "server-only";
// Dashboard data shaping: plain functions over what the data layer already returns
// (getPublishedPlan, listTargetProgress, listPublishedResultsForUnits). No maths of
// their own: every required/achieved/percent/status comes from the Progress object.
import { groupQualifier, WHOLE_POPULATION, type GroupRef } from "../domain/groups";
import { formatNumber } from "../domain/numbers";
import { STATUS_ORDER, statusTone, type Progress, type ProgressStatus } from "../domain/progress";
import { isWholePeriodKind } from "../domain/targets";
import { statusLabel } from "../i18n/messages";
import type { Locale } from "../i18n/locale";
import type { TTargetRow } from "./plans";
import { describeTargetRow, ownResults } from "./target-view";
import { messages } from "../i18n/messages";

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

/** A status's colour family (the badges' colours): good, warning, bad, neutral. */
export type TChartTone = ReturnType<typeof statusTone>;

/** One series of a plan chart, ready to draw and to list in the data table. */
export type TPlanChartSeries = {
  /** "target": what the target asks (neutral bars); "measured": what was reported (bars coloured by status). */
  role: "target" | "measured";
  label: string;
  /** One value per row; [from, to] for a required range ("từ 2 đến 3"), drawn as a floating bar. */
  values: (number | [number, number] | null)[];
  /** The same values in words, with their unit and "khoảng" / "trên": the data table. */
  texts: string[];
  /** The tooltip line of each bar: series, value in words and, for measured bars, the status. */
  tooltips: string[];
  /** Measured series: each bar's tone (its status); null for the target series. */
  tones: TChartTone[] | null;
};

export type TPlanChart = {
  targetId: string;
  parentId: string | null;
  title: string;
  /** "amount": required vs achieved; "level": a reach target judged without a baseline, level vs actual. */
  measure: "amount" | "level";
  rows: TPlanDashRow[];
  /** What is measured: the indicator, with the population group when it is not everyone ("Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)"). */
  subject: string;
  /** The value axis's title, with its unit ("Điểm % giảm", "Số lượng (người)"). */
  axisTitle: string;
  /** One sentence saying what the bars are (a change in points, not the rate; a total; a level). */
  note: string;
  series: TPlanChartSeries[];
  /** The status tone of each row (the measured bars' colours). */
  tones: TChartTone[];
  /** For a change (decrease/increase): the indicator's values it is computed from, per row ("12% → 10,5%"). */
  valuesBehind: { label: string; texts: string[] } | null;
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

/** A number with its unit: "18,66%", "2.400 người", "2 điểm %" ("—" when missing). */
function withUnit(v: number | null, unit: string, locale: Locale): string {
  const n = formatNumber(v, { locale, maxFractionDigits: 2 });
  if (v === null || unit === "") return n;
  return unit === "%" ? `${n}%` : `${n} ${unit}`;
}

/**
 * A required amount in words, as the target states it: "khoảng 25.000 người", "từ 2 đến 3 điểm %",
 * "trên 3 điểm %" (en: "about 25,000 people", "2 to 3 percentage points"). `upper` makes a range.
 * Used for chart tooltips, the charts' data tables and their notes, so "khoảng" never drops off.
 */
export function requiredText(
  lower: number | null,
  upper: number | null,
  opts: { approximate: boolean; strict: boolean; unit: string | ((one: boolean) => string) },
  locale: Locale,
): string {
  if (lower === null) return formatNumber(null);
  const d = messages(locale).dashboards;
  const unitOf = (v: number) => (typeof opts.unit === "function" ? opts.unit(v === 1) : opts.unit);
  const about = opts.approximate ? `${d.about} ` : "";
  if (upper !== null && upper !== lower) {
    const u = unitOf(upper);
    const a = formatNumber(lower, { locale, maxFractionDigits: 2 }) + (u === "%" ? "%" : "");
    return `${about}${d.rangeFromTo(a, withUnit(upper, u, locale))}`;
  }
  const amount = withUnit(lower, unitOf(lower), locale);
  // Both "trên" and "khoảng" are the source's "hơn": "hơn 1.000", never "trên khoảng 1.000".
  if (opts.strict) return `${opts.approximate ? d.moreThanAbout : d.moreThan} ${amount}`;
  return `${about}${amount}`;
}

/**
 * Charts of a plan: numeric targets with at least one published result, grouped with
 * their top-level parent so sub-targets sit beside it. Empty when nothing is reported.
 * Each chart says what it plots (axis title with the unit, a note), its measured bars carry
 * the status tone of their row, and a sub-group's series are labelled with the group.
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
    groups.set(root, [...(groups.get(root) ?? []), planChart(t, p, locale)]);
  }
  return [...groups].map(([parentId, charts]) => ({ parentId, charts }));
}

function planChart(t: TargetLike, p: Progress, locale: Locale): TPlanChart {
  const d = messages(locale).dashboards;
  const rows = targetRows(t, p, locale);
  const periods = p.yearly && p.yearly.length > 0 ? p.yearly : [p];
  // Without a baseline nothing is "achieved" in points: compare the level with the value.
  const measure: TPlanChart["measure"] = p.judgedOnLevel || (p.yearly ?? []).some((y) => y.judgedOnLevel) ? "level" : "amount";

  const ind = t.indicator;
  const indicatorName = (locale === "en" ? ind?.nameEn || ind?.name : ind?.name) ?? "";
  const unit = ((locale === "en" ? ind?.measureUnitEn || ind?.measureUnit : ind?.measureUnit) ?? "").trim();
  const pct = unit === "%";
  const group = groupQualifier(t.group, locale);
  const subject = group ? (indicatorName ? `${indicatorName} (${group})` : group) : indicatorName;
  /** A sub-group's series name their group, so they never read as the unit's overall figure. */
  const named = (label: string) => (group ? `${label} – ${subject}` : label);

  const tones = rows.map((r) => statusTone(r.status));
  const statusOf = (i: number) => {
    const r = rows[i]!;
    return r.percent === null ? r.statusLabel : `${r.statusLabel} (${formatNumber(r.percent, { locale, maxFractionDigits: 1 })}%)`;
  };
  const series = (role: TPlanChartSeries["role"], label: string, values: TPlanChartSeries["values"], texts: string[]): TPlanChartSeries => ({
    role,
    label,
    values,
    texts,
    tooltips: texts.map((x, i) => `${label}: ${x}${role === "measured" ? ` — ${statusOf(i)}` : ""}`),
    tones: role === "measured" ? tones : null,
  });
  const words = { approximate: t.approximate, strict: t.strict };
  const head = { targetId: t.id, parentId: t.parentId, title: describeTargetRow(t, locale), measure, rows, subject, tones };

  if (measure === "level") {
    // A reach target judged on the level itself: the level and the value, both in the indicator's unit.
    const levelText = requiredText(t.lower, null, { ...words, unit }, locale);
    return {
      ...head,
      axisTitle: d.axisLevel(unit || "—"),
      note: d.noteLevel(levelText),
      series: [
        series("target", named(d.level), rows.map((r) => r.level), rows.map(() => levelText)),
        series("measured", named(d.actual), rows.map((r) => r.actual), rows.map((r) => withUnit(r.actual, unit, locale))),
      ],
      valuesBehind: null,
    };
  }

  // "amount": what the target asks against what was achieved, in the unit of the change.
  // A factor, a share of units and an average decrease are judged over the whole period: they
  // ignore the annual flag (docs/domain.md, "Targets and their kinds").
  const annual = t.annual && !isWholePeriodKind(t.kind);
  const change =
    t.kind === "DECREASE_BY" || t.kind === "REACH_AT_MOST" || t.kind === "AVERAGE_DECREASE" ? "down"
    : t.kind === "REACH_AT_LEAST" || t.kind === "INCREASE_FACTOR" ? "up"
    : null;
  /**
   * The unit of the amounts: points for a change in a rate (points a year for an average), the
   * factor in "lần" / "times", the share in %, else the indicator's unit.
   */
  const amountUnit: string | ((one: boolean) => string) =
    t.kind === "AVERAGE_DECREASE" ? (pct ? d.pointsPerYearUnit : d.perYear(unit || "—"))
    : t.kind === "INCREASE_FACTOR" ? d.timesUnit
    : change && pct ? d.pointsUnit
    : t.kind === "SHARE_OF_PARENT" || t.kind === "SHARE_OF_UNITS" ? "%"
    : unit;
  const unitFor = (v: number | null) => (typeof amountUnit === "function" ? amountUnit(v === 1) : amountUnit);
  const reach = t.kind === "REACH_AT_MOST" || t.kind === "REACH_AT_LEAST";
  // A range ("từ 2 đến 3") is drawn as a band; a reach target asks for one distance (no range).
  const band = !reach && t.upper !== null && t.lower !== null && t.upper !== t.lower;
  // The amount required: Progress's, or — for a year without data yet — the target's own figure
  // (a decrease, a count or a share asks the same every year; a reach target's distance needs a baseline).
  const requiredOf = (r: TPlanDashRow) => r.required ?? (reach ? null : t.lower);
  const reqValues = rows.map((r): number | [number, number] | null => {
    const v = requiredOf(r);
    return v === null ? null : band ? [v, t.upper!] : v;
  });
  const reqTexts = rows.map((r) => requiredText(requiredOf(r), band ? t.upper : null, { ...words, unit: amountUnit }, locale));
  const reqWhole = requiredText(reach ? (rows.find((r) => r.required !== null)?.required ?? null) : t.lower, band ? t.upper : null, { ...words, unit: amountUnit }, locale);
  const achTexts = rows.map((r) => withUnit(r.achieved, unitFor(r.achieved), locale));

  const axisTitle =
    t.kind === "AVERAGE_DECREASE" ? d.axisAverageDecrease(pct ? d.pointsPerYearUnit(false) : d.perYear(unit || "—"))
    : t.kind === "INCREASE_FACTOR" ? d.axisFactor
    : t.kind === "SHARE_OF_UNITS" ? d.axisUnitsShare
    : change === "down" ? (pct ? d.axisPointsDown : d.axisDecrease(unit || "—"))
    : change === "up" ? (pct ? d.axisPointsUp : d.axisIncrease(unit || "—"))
    : t.kind === "SHARE_OF_PARENT" ? d.axisShare
    : d.axisCount(unit || "—");
  const units = t.kind === "SHARE_OF_UNITS" && t.baseline !== null ? withUnit(t.baseline, pct ? "" : unit, locale) : null;
  const note =
    t.kind === "AVERAGE_DECREASE" ? d.noteAverageDecrease(reqWhole)
    : t.kind === "INCREASE_FACTOR" ? d.noteFactor(reqWhole)
    : t.kind === "SHARE_OF_UNITS" ? d.noteUnitsShare(reqWhole, units)
    : change !== null ? d.noteChange(change === "down", annual, reqWhole)
    : t.kind === "SHARE_OF_PARENT" ? d.noteShare(reqWhole)
    : d.noteCount(annual, reqWhole);
  const [reqLabel, achLabel] =
    t.kind === "AVERAGE_DECREASE" ? [d.requiredAverageDecrease, d.achievedAverageDecrease]
    : change === "down" ? [d.requiredDecrease, d.achievedDecrease]
    : change === "up" ? [d.requiredIncrease, d.achievedIncrease]
    : [d.required, d.achieved];

  /** What the amounts are computed from, per row: the indicator's values, or units reached of how many. */
  const valuesBehind: TPlanChart["valuesBehind"] =
    t.kind === "SHARE_OF_UNITS"
      ? {
          label: `${d.unitsReached}${subject ? ` (${subject})` : ""}`,
          texts: periods.map((q) =>
            q.actual === null ? formatNumber(null)
            : q.baseline === null ? withUnit(q.actual, pct ? "" : unit, locale)
            : `${formatNumber(q.actual, { locale, maxFractionDigits: 2 })}/${withUnit(q.baseline, pct ? "" : unit, locale)}`,
          ),
        }
      : change === null
        ? null
        : {
            label: `${d.fromTo(annual)}${subject ? ` (${subject})` : ""}`,
            texts: periods.map((q) => (q.baseline === null && q.actual === null ? formatNumber(null) : `${withUnit(q.baseline, unit, locale)} → ${withUnit(q.actual, unit, locale)}`)),
          };

  return {
    ...head,
    axisTitle,
    note,
    series: [series("target", named(reqLabel), reqValues, reqTexts), series("measured", named(achLabel), rows.map((r) => r.achieved), achTexts)],
    // The rates the points come from, so the chart and the rates beside it tell the same story.
    valuesBehind,
  };
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
  /** Whom the figure counts: each group is its own trend, never one line with another's. */
  group: GroupRef;
  indicator: { code: string; name: string; nameEn: string | null; measureUnit: string; measureUnitEn?: string | null };
};

export type TIndicatorTrend = {
  indicatorCode: string;
  groupCode: string;
  /** The indicator's name, with the population group when it is not the whole population. */
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
 * Values by year for each indicator and population group with published results (a Khmer or
 * poor-district rate is its own trend, never a line beside the whole unit's): one series per
 * unit (and per label, so figures that count different things are never joined into one
 * line). Nothing is added up. When a series has several results for one year, the first one
 * read is kept.
 */
export function indicatorTrends(results: ResultLike[], locale: Locale): TIndicatorTrend[] {
  const byIndicator = new Map<string, ResultLike[]>();
  const trendKey = (r: ResultLike) => `${r.indicator.code}\u0000${r.group.code === WHOLE_POPULATION ? "" : r.group.code}`;
  for (const r of results) byIndicator.set(trendKey(r), [...(byIndicator.get(trendKey(r)) ?? []), r]);
  const key = (r: ResultLike) => `${r.unit.code}\u0000${r.label ?? ""}`;
  return [...byIndicator.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, rs]) => {
      const first = rs[0]!;
      const code = first.indicator.code;
      const name = locale === "en" && first.indicator.nameEn ? first.indicator.nameEn : first.indicator.name;
      const group = groupQualifier(first.group, locale);
      const years = [...new Set(rs.map((r) => r.year))].sort((a, b) => a - b);
      const seriesOf = [...new Map(rs.map((r) => [key(r), r])).entries()].sort(([a], [b]) => a.localeCompare(b));
      return {
        indicatorCode: code,
        groupCode: first.group.code,
        indicator: group ? `${name} (${group})` : name,
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
                group: t.groupCode,
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
