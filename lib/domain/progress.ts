/**
 * Progress and status: THE one function that says how far a target has come (the
 * project's progress rules, "Progress and status"). Pages, charts, exports and the API all
 * call `computeProgress`; nothing else may recompute a status.
 *
 * Each rule below is quoted from the project's progress rules next to the code that
 * implements it.
 * Pure: plain numbers in, plain objects out.
 */
import { isIsoDate, type Locale } from "./numbers";
import { isWholePeriodKind, type TargetAmounts } from "./targets";

// ---------------------------------------------------------------------------
// Statuses
// ---------------------------------------------------------------------------

/**
 * Every status, in the order the progress rules evaluate them ("status, in this order: 1. no_data,
 * 2. exceeded, 3. met, 4. missed, 5. otherwise the period is running" → on_track, at_risk, off_track).
 */
export const STATUS_ORDER = [
  "no_data",
  "exceeded",
  "met",
  "missed",
  "on_track",
  "at_risk",
  "off_track",
] as const;

export type ProgressStatus = (typeof STATUS_ORDER)[number];

export function isProgressStatus(s: string): s is ProgressStatus {
  return (STATUS_ORDER as readonly string[]).includes(s);
}


/** A colour family for badges and charts: good (met, exceeded, on track), warning, bad, neutral. */
export function statusTone(status: ProgressStatus): "good" | "warning" | "bad" | "neutral" {
  switch (status) {
    case "met":
    case "exceeded":
    case "on_track":
      return "good";
    case "at_risk":
      return "warning";
    case "off_track":
    case "missed":
      return "bad";
    case "no_data":
      return "neutral";
  }
}

/** "ratio A/E ≥ 0.95 → on_track; ≥ 0.60 → at_risk" */
export const ON_TRACK_RATIO = 0.95;
export const AT_RISK_RATIO = 0.6;

// ---------------------------------------------------------------------------
// Inputs and output
// ---------------------------------------------------------------------------

export type QualitativeStatus = "NOT_STARTED" | "IN_PROGRESS" | "DONE";

/** A target as progress reads it (an approximate figure is judged on its number). */
export interface ProgressTarget extends Omit<TargetAmounts, "approximate"> {
  /** QUALITATIVE targets only: set by hand. */
  qualitativeStatus?: QualitativeStatus | null;
}

export interface ProgressResult {
  year: number;
  value: number;
  /** The unit's value before the period (the end of the previous year), for rates. */
  baseline?: number | null;
}

export interface Progress {
  /** null for the whole period; the year for one year of an annual target. */
  year: number | null;
  status: ProgressStatus;
  /**
   * Latest value (rates, factors, averages; the number of units reached for a share of units),
   * sum of the period's results (counts; the child's sum for shares of a parent).
   */
  actual: number | null;
  /**
   * A: the amount achieved (points decreased, progress toward the level, count, share in %, the
   * factor latest / baseline, the average yearly decrease in points).
   */
  achieved: number | null;
  /** R: the amount required (the factor itself for INCREASE_FACTOR). */
  required: number | null;
  /**
   * A / R × 100, one decimal, half away from zero. INCREASE_FACTOR: the share of the required
   * increase achieved, (actual − baseline) / (baseline × (R − 1)) × 100.
   */
  percent: number | null;
  /**
   * E = R × elapsed share of the period as of `asOf` (R once the period is over). A share of a
   * parent and an average decrease are judged on the level itself, not on the elapsed time: their
   * E is R throughout. INCREASE_FACTOR: the factor expected by now, 1 + (R − 1) × elapsed share.
   */
  expected: number | null;
  /** Share of the period's days elapsed as of `asOf`, 0–1. */
  elapsedShare: number;
  /** The value before the period (at the reference point for a factor); the number of units for SHARE_OF_UNITS. */
  baseline: number | null;
  baselineSource: "result" | "previous_result" | "target" | null;
  /**
   * A reach-level target without a baseline (or with one already at or beyond the level) is
   * "judged on the level alone": no `achieved`/`required`, `percent` = actual / level or
   * level / actual.
   */
  judgedOnLevel: boolean;
  /** Year of the latest result that counted. */
  dataYear: number | null;
  /** SHARE_OF_PARENT: the parent's sum over the same years. */
  parentActual?: number | null;
  /** Annual targets: one entry per year of the period. */
  yearly?: Progress[];
  /** Annual targets, whole period: "met in k of n years, m without data" — k = years met or exceeded… */
  metYears?: number;
  /**
   * …n = years due: the years of the period that have ended by `asOf`, plus the current year
   * once it is already met or exceeded (a year still to come is never due)…
   */
  dueYears?: number;
  /** …m = years that have ended by `asOf` without data. */
  noDataYears?: number;
  /** Annual targets: number of years in the period. */
  totalYears?: number;
}

export interface ComputeProgressOptions {
  /** SHARE_OF_PARENT: the parent target's yearly results (the parent count). */
  parentResults?: ProgressResult[];
}

// ---------------------------------------------------------------------------
// Arithmetic without float artefacts
// ---------------------------------------------------------------------------

/** Snap away binary artefacts (10,2 − 7,2 = 3,0000000000000004 → 3). Inputs carry ≤ 4 decimals. */
function snap(x: number): number {
  const v = Number(x.toFixed(9));
  return v === 0 ? 0 : v;
}

/** Tolerant comparisons so that exact boundary inputs land on the "≥" side. */
function tolerance(a: number, b: number): number {
  return 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}
const gte = (a: number, b: number): boolean => a >= b - tolerance(a, b);
const gt = (a: number, b: number): boolean => a > b + tolerance(a, b);

/** Round to `digits` decimals, half away from zero, on a scaled integer (2,45 → 2,5; −2,45 → −2,5). */
export function roundHalfAwayFromZero(x: number, digits = 1): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  if (abs >= 1e15) return sign * Math.round(abs);
  const [intText = "0", fracText = ""] = abs.toFixed(9).split(".");
  const scale = 10 ** digits;
  const kept = Number(intText) * scale + Number(fracText.slice(0, digits) || "0");
  const next = fracText.charAt(digits);
  const rounded = (kept + (next >= "5" ? 1 : 0)) / scale;
  return rounded === 0 ? 0 : sign * rounded;
}

// ---------------------------------------------------------------------------
// Calendar
// ---------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

interface Clock {
  year: number;
  day: number;
}

function parseAsOf(asOf: string): Clock {
  if (!isIsoDate(asOf)) throw new RangeError(`computeProgress: asOf must be a date "YYYY-MM-DD", got "${asOf}"`);
  const [y, m, d] = asOf.split("-").map(Number) as [number, number, number];
  return { year: y, day: dayNumber(y, m, d) };
}

/** "a period is whole calendar years (1 January of the first to 31 December of the last)" */
function periodDays(start: number, end: number): number {
  return dayNumber(end + 1, 1, 1) - dayNumber(start, 1, 1);
}

/** "the elapsed share is the days from its start to `asOf` inclusive over its days" (0–1). */
function elapsedShare(start: number, end: number, clock: Clock): number {
  const elapsed = clock.day - dayNumber(start, 1, 1) + 1;
  const total = periodDays(start, end);
  return Math.min(1, Math.max(0, elapsed / total));
}

/** "4. missed: the period is over" — asOf after 31 December of the last year. */
function isOver(end: number, clock: Clock): boolean {
  return clock.day > dayNumber(end, 12, 31);
}

// ---------------------------------------------------------------------------
// The progress function
// ---------------------------------------------------------------------------

/**
 * Progress of one target as of a date ("YYYY-MM-DD"), following the project's progress rules.
 * Expects at most one result per year (the database holds one per target, unit and year);
 * duplicates are a caller error and throw.
 */
export function computeProgress(
  target: ProgressTarget,
  results: readonly ProgressResult[],
  asOf: string,
  opts: ComputeProgressOptions = {},
): Progress {
  const clock = parseAsOf(asOf);
  assertOnePerYear(results, "results");
  if (opts.parentResults) assertOnePerYear(opts.parentResults, "parentResults");

  // "A qualitative target carries a status set by hand (not started, in progress, done)."
  if (target.kind === "QUALITATIVE") return qualitativeProgress(target, clock);

  // "An annual recurring target is judged in each year on its own, and summarised as
  //  "met in k of n years"." The whole-period kinds (a factor, a share of units, an average
  //  decrease) ignore the flag.
  if (target.annual && !isWholePeriodKind(target.kind)) return annualProgress(target, results, clock, opts.parentResults ?? []);

  return judgePeriod(target, results, clock, null, opts.parentResults ?? [], defaultBaseline(target));
}

function assertOnePerYear(results: readonly ProgressResult[], what: string): void {
  const seen = new Set<number>();
  for (const r of results) {
    if (seen.has(r.year)) throw new RangeError(`computeProgress: ${what} has two results for ${r.year}`);
    seen.add(r.year);
  }
}

function emptyProgress(year: number | null, share: number): Progress {
  return {
    year,
    status: "no_data",
    actual: null,
    achieved: null,
    required: null,
    percent: null,
    expected: null,
    elapsedShare: share,
    baseline: null,
    baselineSource: null,
    judgedOnLevel: false,
    dataYear: null,
  };
}

/**
 * "Results count when their year is not after `asOf`'s year"; results with a year outside the
 * period are ignored. Sorted by year.
 */
function countedResults(results: readonly ProgressResult[], start: number, end: number, clock: Clock): ProgressResult[] {
  return results
    .filter((r) => r.year >= start && r.year <= end && r.year <= clock.year && Number.isFinite(r.value))
    .sort((a, b) => a.year - b.year);
}

type BaselineChoice = { value: number | null; source: Progress["baselineSource"] };
type BaselineRule = (counted: ProgressResult[]) => BaselineChoice;

/**
 * "The baseline is the one given with the result (the unit's value at the end of the year before
 *  the period), else the target's own baseline." The latest counted result's baseline is used;
 * if it has none, the nearest earlier result that has one (they all describe the same
 * pre-period value); else the target's.
 */
function defaultBaseline(target: ProgressTarget): BaselineRule {
  return (counted) => {
    for (let i = counted.length - 1; i >= 0; i--) {
      const b = counted[i]?.baseline;
      if (b !== null && b !== undefined && Number.isFinite(b)) return { value: b, source: "result" };
    }
    return target.baseline === null ? { value: null, source: null } : { value: target.baseline, source: "target" };
  };
}

/** Judge one period (the whole target, or one year of an annual target). */
function judgePeriod(
  target: ProgressTarget,
  results: readonly ProgressResult[],
  clock: Clock,
  year: number | null,
  parentResults: readonly ProgressResult[],
  baselineRule: BaselineRule,
): Progress {
  const { periodStart: start, periodEnd: end, kind, lower } = target;
  const share = elapsedShare(start, end, clock);
  const out = emptyProgress(year, share);
  const counted = countedResults(results, start, end, clock);
  const latest = counted[counted.length - 1];

  // 1. "no_data: no result yet."
  if (latest === undefined) return out;
  out.dataYear = latest.year;

  // A numeric target without its required amount cannot be judged.
  if (lower === null) {
    out.actual = latest.value;
    return out;
  }

  /** A (achieved), R (required) and whether the bounds are reached, per kind. */
  let achieved: number | null = null;
  let required: number | null = null;
  /** A / R before rounding; for "judged on the level alone": actual/level or level/actual. */
  let fraction: number | null = null;
  let met = false;
  let exceeded = false;
  /** "moving the wrong way": A < 0, or (judged on the level) moving away from it since the baseline. */
  let wrongWay = false;
  /**
   * "Where no baseline exists the pace cannot be measured from a start: a reach-level target
   *  without a baseline, and a share of a parent ("trên 50% …"), are judged during their period
   *  on the level itself, not scaled by elapsed time."
   */
  let onLevel = false;
  /**
   * INCREASE_FACTOR: the share of the required increase achieved, (actual − baseline) /
   * (baseline × (R − 1)); `percent` and the pace use it instead of A / R.
   */
  let factorProgress: number | null = null;

  switch (kind) {
    case "DECREASE_BY":
    case "AVERAGE_DECREASE": {
      // "decrease targets: baseline − latest actual"; AVERAGE_DECREASE: that over the years from
      // periodStart to the latest result's year, inclusive — the average yearly decrease so far,
      // judged on itself, not scaled by time.
      out.actual = latest.value;
      const b = baselineRule(counted);
      out.baseline = b.value;
      out.baselineSource = b.source;
      // "A decrease target with neither has `no_data`"
      if (b.value === null) return out;
      const years = kind === "AVERAGE_DECREASE" ? latest.year - start + 1 : 1;
      achieved = snap((b.value - latest.value) / years);
      required = lower;
      onLevel = kind === "AVERAGE_DECREASE";
      break;
    }
    case "REACH_AT_MOST":
    case "REACH_AT_LEAST": {
      // "reach-level targets: progress from the baseline toward the level"; "R … for "reach a
      //  level" targets, the distance from the baseline to the level"
      const atMost = kind === "REACH_AT_MOST";
      const actual = latest.value;
      out.actual = actual;
      const b = baselineRule(counted);
      out.baseline = b.value;
      out.baselineSource = b.source;
      // "met when actual ≤ 18,66" / "actual ≥ level" (strictly for "dưới …" / "trên …")
      met = atMost
        ? target.strict ? actual < lower : actual <= lower
        : target.strict ? actual > lower : actual >= lower;
      const distance = b.value === null ? null : snap(atMost ? b.value - lower : lower - b.value);
      if (b.value !== null && distance !== null && distance > 0) {
        achieved = snap(atMost ? b.value - actual : actual - b.value);
        required = distance;
      } else {
        // "a reach-level target with neither is judged on the level alone (`percent` = actual /
        //  level for "at least", level / actual for "at most")". Also used when the baseline is
        //  already at or beyond the level (no distance to cover).
        out.judgedOnLevel = true;
        onLevel = true;
        if (atMost) fraction = actual > 0 ? lower / actual : null;
        else fraction = lower > 0 ? actual / lower : null;
        wrongWay = b.value !== null && (atMost ? actual > b.value : actual < b.value);
      }
      break;
    }
    case "COUNT": {
      // "counts: sum of the yearly results in the period"
      const sum = snap(counted.reduce((s, r) => s + r.value, 0));
      out.actual = sum;
      achieved = sum;
      required = lower;
      break;
    }
    case "SHARE_OF_PARENT": {
      // "share of a parent count … met when child / parent > 50%": both summed over the years
      // for which both have a result.
      const parentByYear = new Map(countedResults(parentResults, start, end, clock).map((r) => [r.year, r.value]));
      const matched = counted.filter((r) => parentByYear.has(r.year));
      const childSum = snap(counted.reduce((s, r) => s + r.value, 0));
      const parentSum = snap(matched.reduce((s, r) => s + (parentByYear.get(r.year) ?? 0), 0));
      out.actual = childSum;
      out.parentActual = matched.length > 0 ? parentSum : null;
      if (matched.length === 0 || parentSum <= 0) return out;
      achieved = snap((snap(matched.reduce((s, r) => s + r.value, 0)) / parentSum) * 100);
      required = lower;
      // "ratio = … achieved share / required share": the share required holds all along.
      onLevel = true;
      break;
    }
    case "INCREASE_FACTOR": {
      // "achieved A = latest actual / baseline (a factor), required R = lower"; the baseline is
      // the value at the reference point, from the result else the target, as for a decrease.
      const actual = latest.value;
      out.actual = actual;
      const b = baselineRule(counted);
      out.baseline = b.value;
      out.baselineSource = b.source;
      // "No baseline → no_data"; nor can a baseline of zero or less be multiplied.
      if (b.value === null || b.value <= 0) return out;
      achieved = snap(actual / b.value);
      required = lower;
      // "the increase needed is baseline × (lower − 1)": the share of it achieved is the pace,
      // judged against the elapsed share; moving down from the baseline is the wrong way.
      const needed = b.value * (lower - 1);
      factorProgress = needed > 0 ? (actual - b.value) / needed : null;
      wrongWay = actual < b.value;
      break;
    }
    case "SHARE_OF_UNITS": {
      // "A result is the number of those units that have reached the state by the end of its
      //  year (cumulative: the latest result counts, not a sum)"; A = latest / units × 100.
      // The number of units is the target's own (a result's baseline is the indicator's value
      // before the period, not how many units there are).
      out.actual = latest.value;
      const units = target.baseline;
      out.baseline = units;
      out.baselineSource = units === null ? null : "target";
      if (units === null || units <= 0) return out;
      achieved = snap((latest.value / units) * 100);
      required = lower;
      break;
    }
    case "QUALITATIVE":
      return out; // handled by qualitativeProgress
  }

  if (achieved !== null && required !== null) {
    // 2. "exceeded: the target has an upper bound and A reaches it." (A reach-level target has
    //    a single level: no upper bound.)
    // 3. "met: A meets the lower bound (strictly, for "trên …" targets)."
    if (kind !== "REACH_AT_MOST" && kind !== "REACH_AT_LEAST") {
      exceeded = target.upper !== null && gte(achieved, target.upper);
      met = target.strict ? gt(achieved, required) : gte(achieved, required);
    }
    if (kind === "INCREASE_FACTOR") {
      // The share of the required increase, not A / R (a factor of 1 is no progress at all);
      // "moving down from the baseline is the wrong way" was set above.
      fraction = factorProgress;
    } else {
      fraction = required !== 0 ? achieved / required : null;
      wrongWay = achieved < 0;
    }
  }

  out.achieved = achieved;
  out.required = required;
  // "`percent` = A / R × 100, one decimal."
  out.percent = fraction === null ? null : roundHalfAwayFromZero(fraction * 100, 1);
  // "expected E = R × (elapsed share of the period)"; on the level itself: E = R; a factor: the
  // straight line from 1 (the baseline) to R.
  out.expected =
    required === null ? null
    : onLevel ? required
    : kind === "INCREASE_FACTOR" ? snap(1 + (required - 1) * share)
    : snap(required * share);

  if (exceeded) out.status = "exceeded";
  else if (met) out.status = "met";
  // 4. "missed: the period is over and the target is not met."
  else if (isOver(end, clock)) out.status = "missed";
  // 5. "otherwise the period is running … ratio A/E ≥ 0.95 → on_track; ≥ 0.60 → at_risk;
  //     below, or moving the wrong way → off_track."
  //    Judged on the level: "ratio = actual / level ("at least") or level / actual ("at most"),
  //    then the same bands" — the ratio is the fraction itself, not compared with the share.
  else out.status = runningStatus(wrongWay, fraction, onLevel ? 1 : share);
  return out;
}

/**
 * Ratio A/E with E = R × share, i.e. (A/R) / share, compared as fraction ≥ band × share so that
 * inputs exactly on a band boundary give the "≥" branch. `share` is 1 for a target judged on the
 * level itself (the ratio is then the fraction: actual / level, level / actual or A / R).
 */
function runningStatus(wrongWay: boolean, fraction: number | null, share: number): ProgressStatus {
  // "moving the wrong way" → off_track
  if (wrongWay) return "off_track";
  if (fraction === null) return "off_track";
  if (gte(fraction, ON_TRACK_RATIO * share)) return "on_track";
  if (gte(fraction, AT_RISK_RATIO * share)) return "at_risk";
  return "off_track";
}

/**
 * "A qualitative target carries a status set by hand (not started, in progress, done)."
 * DONE → met; IN_PROGRESS → on_track while the period is not over, missed after;
 * NOT_STARTED → no_data while not over, missed after. Unset → no_data always: nobody has
 * recorded anything, and "no result yet" comes first in the rules' order. No numbers.
 */
function qualitativeProgress(target: ProgressTarget, clock: Clock): Progress {
  const out = emptyProgress(null, elapsedShare(target.periodStart, target.periodEnd, clock));
  const over = isOver(target.periodEnd, clock);
  switch (target.qualitativeStatus ?? null) {
    case null:
      out.status = "no_data";
      break;
    case "DONE":
      out.status = "met";
      break;
    case "IN_PROGRESS":
      out.status = over ? "missed" : "on_track";
      break;
    case "NOT_STARTED":
      out.status = over ? "missed" : "no_data";
      break;
  }
  return out;
}

/**
 * "An annual recurring target is judged in each year on its own, and summarised as "met in k of
 * n years, m without data"." Each year is a one-year period judged on that year's result. Its
 * baseline: the one given with that result, else the previous year's result value (a result of
 * the year before the period may serve here, though it never counts), else — for the first year
 * only — the target's baseline (the value before the period; for a later year it would overstate
 * the change, so such a year without any baseline is judged like any target without one).
 *
 * Overall status, in this order:
 * - "`missed` as soon as any ended year is missed (it can no longer be met every year)" — even
 *   while the period is still running;
 * - "`met` (or `exceeded`, if every year exceeded) only when every year of the period is met";
 * - "otherwise the status of the current year" (the year of `asOf`, within the period), "or,
 *   after the period, of the years still without data: `no_data`" (also `no_data` before it).
 * Its figures (actual, percent, …) are those of the latest year with data.
 *
 * Summary: k = `metYears` (years met or exceeded); n = `dueYears` (years ended by `asOf`, plus
 * the current year once it is met or exceeded; a year still to come is never counted);
 * m = `noDataYears` (ended years without data); `totalYears` (years in the period).
 */
function annualProgress(
  target: ProgressTarget,
  results: readonly ProgressResult[],
  clock: Clock,
  parentResults: readonly ProgressResult[],
): Progress {
  const byYear = new Map(results.filter((r) => Number.isFinite(r.value)).map((r) => [r.year, r]));
  const yearly: Progress[] = [];
  for (let y = target.periodStart; y <= target.periodEnd; y++) {
    const own = byYear.get(y);
    const previous = byYear.get(y - 1);
    const baselineRule: BaselineRule = () => {
      if (own?.baseline !== null && own?.baseline !== undefined) return { value: own.baseline, source: "result" };
      if (previous !== undefined) return { value: previous.value, source: "previous_result" };
      if (y === target.periodStart && target.baseline !== null) return { value: target.baseline, source: "target" };
      return { value: null, source: null };
    };
    const oneYear: ProgressTarget = { ...target, periodStart: y, periodEnd: y, annual: false };
    yearly.push(judgePeriod(oneYear, own ? [own] : [], clock, y, parentResults, baselineRule));
  }

  const isMet = (p: Progress): boolean => p.status === "met" || p.status === "exceeded";
  // A year has ended once `asOf` is after its 31 December; the current year is `asOf`'s own.
  const ended = yearly.filter((p) => p.year !== null && isOver(p.year, clock));
  const current = yearly.find((p) => p.year === clock.year);
  const summary = {
    yearly,
    metYears: yearly.filter(isMet).length,
    dueYears: ended.length + (current !== undefined && isMet(current) ? 1 : 0),
    noDataYears: ended.filter((p) => p.status === "no_data").length,
    totalYears: yearly.length,
  };

  let status: ProgressStatus;
  if (ended.some((p) => p.status === "missed")) status = "missed";
  else if (yearly.every(isMet)) status = yearly.every((p) => p.status === "exceeded") ? "exceeded" : "met";
  else if (current !== undefined) status = current.status;
  else status = "no_data";

  const withData = yearly.filter((p) => p.status !== "no_data");
  const latest = withData[withData.length - 1];
  const share = elapsedShare(target.periodStart, target.periodEnd, clock);
  if (latest === undefined) return { ...emptyProgress(null, share), status, ...summary };
  return { ...latest, year: null, elapsedShare: share, status, ...summary };
}
