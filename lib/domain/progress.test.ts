/**
 * The project's progress rules ("Progress and status"), row by row, using the
 * targets of the seed sources (58/KH-UBND, 199/KH-UBND, Bạc Liêu 2024, Sóc Trăng 2021–2025).
 */
import { statusLabel } from "../i18n/messages";
import { describe, expect, it } from "vitest";
import {
  STATUS_ORDER,
  computeProgress,
  roundHalfAwayFromZero,
  statusTone,
  type Progress,
  type ProgressResult,
  type ProgressTarget,
} from "./progress";

const base: ProgressTarget = {
  kind: "DECREASE_BY",
  lower: 2,
  upper: 2.5,
  strict: false,
  baseline: null,
  periodStart: 2023,
  periodEnd: 2023,
  annual: false,
};
const t = (over: Partial<ProgressTarget>): ProgressTarget => ({ ...base, ...over });
const r = (year: number, value: number, baseline: number | null = null): ProgressResult => ({ year, value, baseline });

type Row = [label: string, target: ProgressTarget, results: ProgressResult[], asOf: string, expected: Partial<Progress>];

/** 58/KH-UBND: giảm tỷ lệ hộ nghèo 2–2,5 điểm % in 2023 — "baseline − actual ≥ lower bound". */
const decrease = t({});
/** 199/KH-UBND: giảm tỷ lệ hộ nghèo DTTS trên 3 điểm % in 2022 — "baseline − actual > 3 (strict)". */
const decreaseStrict = t({ lower: 3, upper: null, strict: true, periodStart: 2022, periodEnd: 2022 });
/** A one-year target in a leap year, to hit the bands exactly: 2024-07-01 is day 183 of 366 = ½. */
const decreaseLeap = t({ periodStart: 2024, periodEnd: 2024, upper: null });

const decreaseRows: Row[] = [
  ["no result yet → no_data", decrease, [], "2023-12-31", { status: "no_data", percent: null, actual: null }],
  [
    "no baseline with the result nor on the target → no_data",
    decrease,
    [r(2023, 8)],
    "2023-12-31",
    { status: "no_data", actual: 8, achieved: null, baseline: null },
  ],
  ["A reaches the upper bound → exceeded", decrease, [r(2023, 7.5, 10)], "2023-12-31", { status: "exceeded", achieved: 2.5, percent: 125 }],
  ["A ≥ lower → met", decrease, [r(2023, 7.8, 10)], "2023-12-31", { status: "met", achieved: 2.2, required: 2, percent: 110 }],
  ["met before the year ends", decrease, [r(2023, 8, 10)], "2023-06-30", { status: "met", percent: 100 }],
  ["period over, not met → missed", decrease, [r(2023, 8.5, 10)], "2024-03-01", { status: "missed", achieved: 1.5, percent: 75 }],
  [
    "target's own baseline when the result has none",
    t({ baseline: 10 }),
    [r(2023, 7.8)],
    "2023-12-31",
    { status: "met", baseline: 10, baselineSource: "target", achieved: 2.2 },
  ],
  [
    "the result's baseline wins over the target's",
    t({ baseline: 12 }),
    [r(2023, 7.8, 10)],
    "2023-12-31",
    { status: "met", baseline: 10, baselineSource: "result", achieved: 2.2 },
  ],
  // Running, last day of the period (elapsed share 1, E = R = 2)
  ["A/E = 0.95 exactly → on_track", decrease, [r(2023, 8.1, 10)], "2023-12-31", { status: "on_track", percent: 95, expected: 2 }],
  ["A/E just under 0.95 → at_risk", decrease, [r(2023, 8.11, 10)], "2023-12-31", { status: "at_risk", percent: 94.5 }],
  ["A/E = 0.60 exactly → at_risk", decrease, [r(2023, 8.8, 10)], "2023-12-31", { status: "at_risk", percent: 60 }],
  ["A/E below 0.60 → off_track", decrease, [r(2023, 8.9, 10)], "2023-12-31", { status: "off_track", percent: 55 }],
  ["moving the wrong way → off_track", decrease, [r(2023, 10.5, 10)], "2023-12-31", { status: "off_track", achieved: -0.5, percent: -25 }],
  // Running mid-year in a leap year: elapsed share exactly ½, E = 1
  ["leap year: share ½, A/E = 0.95 → on_track", decreaseLeap, [r(2024, 9.05, 10)], "2024-07-01", { status: "on_track", expected: 1, elapsedShare: 0.5, percent: 47.5 }],
  ["leap year: A/E = 0.94 → at_risk", decreaseLeap, [r(2024, 9.06, 10)], "2024-07-01", { status: "at_risk", percent: 47 }],
  ["leap year: A/E = 0.60 → at_risk", decreaseLeap, [r(2024, 9.4, 10)], "2024-07-01", { status: "at_risk", percent: 30 }],
  ["leap year: A/E = 0.59 → off_track", decreaseLeap, [r(2024, 9.41, 10)], "2024-07-01", { status: "off_track", percent: 29.5 }],
  // Strict "trên 3": 10,2 − 7,2 = 3 (3,0000000000000004 in floating point) is not above 3
  ["strict: A = 3 is not met; on the last day A/E = 1 → on_track", decreaseStrict, [r(2022, 7.2, 10.2)], "2022-12-31", { status: "on_track", achieved: 3, percent: 100 }],
  ["strict: A = 3 after the period → missed", decreaseStrict, [r(2022, 7.2, 10.2)], "2023-01-01", { status: "missed", percent: 100 }],
  ["strict: A = 3,1 → met", decreaseStrict, [r(2022, 7.1, 10.2)], "2023-01-01", { status: "met", achieved: 3.1, percent: 103.3 }],
];

/** 199/KH-UBND: "giảm xuống còn 18,66%" in 2022 — "actual ≤ 18,66"; baseline 21,5 → R = 2,84. */
const atMost = t({ kind: "REACH_AT_MOST", lower: 18.66, upper: null, periodStart: 2022, periodEnd: 2022 });
const reachAtMostRows: Row[] = [
  ["no result yet → no_data", atMost, [], "2022-12-31", { status: "no_data" }],
  ["actual below the level → met", atMost, [r(2022, 18.5, 21.5)], "2022-12-31", { status: "met", achieved: 3, required: 2.84, percent: 105.6 }],
  ["actual exactly at the level → met", atMost, [r(2022, 18.66, 21.5)], "2022-12-31", { status: "met", percent: 100 }],
  ["period over, above the level → missed", atMost, [r(2022, 19.5, 21.5)], "2023-02-01", { status: "missed", achieved: 2, percent: 70.4 }],
  ["running, A/E ≥ 0.95 → on_track", atMost, [r(2022, 18.8, 21.5)], "2022-12-31", { status: "on_track", percent: 95.1 }],
  ["running, A/E ≥ 0.60 → at_risk", atMost, [r(2022, 19.7, 21.5)], "2022-12-31", { status: "at_risk", percent: 63.4 }],
  ["running, rate went up → off_track", atMost, [r(2022, 21.9, 21.5)], "2022-12-31", { status: "off_track", achieved: -0.4, percent: -14.1 }],
  [
    "no baseline: judged on the level alone, percent = level / actual",
    atMost,
    [r(2022, 20)],
    "2022-12-31",
    { status: "at_risk", judgedOnLevel: true, achieved: null, expected: null, percent: 93.3 },
  ],
  ["no baseline, at or below the level → met", atMost, [r(2022, 18)], "2022-12-31", { status: "met", judgedOnLevel: true, percent: 103.7 }],
  // "Where no baseline exists … judged during their period on the level itself, not scaled by
  //  elapsed time": Sơn La at 25% mid-2022, 18,66 / 25 = 0,7464 → at_risk (scaled by the ~½ year
  //  elapsed it would have been on_track).
  ["no baseline, mid-year: ratio = level / actual = 0,7464, not scaled → at_risk", atMost, [r(2022, 25)], "2022-07-01", { status: "at_risk", judgedOnLevel: true, percent: 74.6, expected: null }],
  ["no baseline, period over → missed", atMost, [r(2022, 20)], "2023-01-01", { status: "missed", percent: 93.3 }],
  [
    "baseline already below the level, still below → judged on the level, met",
    atMost,
    [r(2022, 18.5, 18)],
    "2022-12-31",
    { status: "met", judgedOnLevel: true },
  ],
  [
    "baseline already below the level, rate rose above it → judged on the level, wrong way → off_track",
    atMost,
    [r(2022, 19, 18)],
    "2022-12-31",
    { status: "off_track", judgedOnLevel: true, percent: 98.2 },
  ],
];

/** 58/KH-UBND: trained workers with certificates "đạt từ 37%" by end-2023, target baseline 30 → R = 7. */
const atLeast = t({ kind: "REACH_AT_LEAST", lower: 37, upper: null, baseline: 30 });
/** Bạc Liêu 2024: 100% BHYT, no baseline. */
const bhyt = t({ kind: "REACH_AT_LEAST", lower: 100, upper: null, periodStart: 2024, periodEnd: 2024 });
const reachAtLeastRows: Row[] = [
  ["no result yet → no_data", atLeast, [], "2023-12-31", { status: "no_data" }],
  ["level reached → met", atLeast, [r(2023, 37)], "2023-12-31", { status: "met", achieved: 7, required: 7, percent: 100 }],
  ["running, A/E = 0.857 → at_risk", atLeast, [r(2023, 36)], "2023-12-31", { status: "at_risk", percent: 85.7 }],
  ["running, A/E = 0.43 → off_track", atLeast, [r(2023, 33)], "2023-12-31", { status: "off_track", percent: 42.9 }],
  ["period over → missed", atLeast, [r(2023, 36)], "2024-01-02", { status: "missed", percent: 85.7 }],
  [
    "baseline with the result (31) wins; mid-year share 183/365 → on_track",
    atLeast,
    [r(2023, 34, 31)],
    "2023-07-02",
    { status: "on_track", baseline: 31, required: 6, achieved: 3, percent: 50 },
  ],
  ["no baseline: percent = actual / level; 95% on the last day → on_track", bhyt, [r(2024, 95)], "2024-12-31", { status: "on_track", judgedOnLevel: true, percent: 95 }],
  ["no baseline: 100% → met", bhyt, [r(2024, 100)], "2024-12-31", { status: "met", percent: 100 }],
  ["no baseline: period over at 90% → missed", bhyt, [r(2024, 90)], "2025-01-01", { status: "missed", percent: 90 }],
  ["no baseline: 59% on the last day → off_track", bhyt, [r(2024, 59)], "2024-12-31", { status: "off_track", percent: 59 }],
  // Judged on the level itself mid-year (2024-07-01 is exactly half of 2024): ratio = actual / level.
  ["no baseline, mid-year: 95 / 100 = 0,95 → on_track", bhyt, [r(2024, 95)], "2024-07-01", { status: "on_track", judgedOnLevel: true, percent: 95 }],
  ["no baseline, mid-year: 60 / 100 = 0,60 exactly → at_risk", bhyt, [r(2024, 60)], "2024-07-01", { status: "at_risk", judgedOnLevel: true, percent: 60 }],
  ["no baseline, mid-year: 59,9 / 100 below 0,60 → off_track", bhyt, [r(2024, 59.9)], "2024-07-01", { status: "off_track", judgedOnLevel: true, percent: 59.9 }],
];

/** 58/KH-UBND: jobs for 2.400 workers in 2023 — "sum of results ≥ count". */
const count = t({ kind: "COUNT", lower: 2400, upper: null });
/** 199/KH-UBND style, over five years: about 25.000 workers 2021–2025 (1.826 days). */
const count5 = t({ kind: "COUNT", lower: 25000, upper: null, periodStart: 2021, periodEnd: 2025 });
const countRows: Row[] = [
  ["no result yet → no_data", count, [], "2023-12-31", { status: "no_data" }],
  ["asOf before the period → no_data", count, [r(2023, 2500)], "2022-12-31", { status: "no_data" }],
  ["sum ≥ count → met", count, [r(2023, 2450)], "2023-12-31", { status: "met", actual: 2450, percent: 102.1 }],
  ["reaches the upper bound → exceeded", t({ kind: "COUNT", lower: 2400, upper: 2500 }), [r(2023, 2600)], "2023-12-31", { status: "exceeded", percent: 108.3 }],
  ["period over, short → missed", count, [r(2023, 2000)], "2024-01-15", { status: "missed", percent: 83.3 }],
  ["running, A/E = 0.625 → at_risk", count, [r(2023, 1500)], "2023-12-31", { status: "at_risk", percent: 62.5 }],
  ["running, A/E = 0.42 → off_track", count, [r(2023, 1000)], "2023-12-31", { status: "off_track", percent: 41.7 }],
  ["mid-year (day 183 of 365), half done → on_track", count, [r(2023, 1200)], "2023-07-02", { status: "on_track", percent: 50 }],
  [
    "several years summed; share 1.095/1.826 → on_track",
    count5,
    [r(2021, 5000), r(2022, 6000), r(2023, 4000)],
    "2023-12-31",
    { status: "on_track", actual: 15000, achieved: 15000, percent: 60, dataYear: 2023 },
  ],
  [
    "results after asOf's year do not count",
    count5,
    [r(2021, 5000), r(2022, 3000), r(2023, 9000)],
    "2022-06-30",
    { actual: 8000, dataYear: 2022 },
  ],
  [
    "results outside the period are ignored",
    count,
    [r(2022, 1000), r(2023, 2000), r(2024, 500)],
    "2024-02-01",
    { status: "missed", actual: 2000, dataYear: 2023 },
  ],
];

/** 199/KH-UBND: "trên 50%" of the 25.000 workers from poor/near-poor households — "child / parent > 50%". */
const share = t({ kind: "SHARE_OF_PARENT", lower: 50, upper: null, strict: true, periodStart: 2022, periodEnd: 2022 });
const parent2022 = [r(2022, 25000)];
const shareRows: [string, ProgressTarget, ProgressResult[], ProgressResult[] | undefined, string, Partial<Progress>][] = [
  ["no result yet → no_data", share, [], parent2022, "2022-12-31", { status: "no_data" }],
  ["no parent result → no_data", share, [r(2022, 13000)], undefined, "2022-12-31", { status: "no_data", actual: 13000 }],
  ["parent only for another year → no_data", share, [r(2022, 13000)], [r(2021, 25000)], "2022-12-31", { status: "no_data" }],
  ["52% > 50% → met", share, [r(2022, 13000)], parent2022, "2022-12-31", { status: "met", achieved: 52, required: 50, percent: 104, parentActual: 25000 }],
  ["exactly 50% is not above 50%: running → on_track", share, [r(2022, 12500)], parent2022, "2022-12-31", { status: "on_track", achieved: 50, percent: 100 }],
  ["exactly 50% after the period → missed", share, [r(2022, 12500)], parent2022, "2023-01-01", { status: "missed" }],
  ["32% → A/E = 0.64 → at_risk", share, [r(2022, 8000)], parent2022, "2022-12-31", { status: "at_risk", achieved: 32, percent: 64 }],
  ["28% → A/E = 0.56 → off_track", share, [r(2022, 7000)], parent2022, "2022-12-31", { status: "off_track", percent: 56 }],
  // Judged on the share itself, not scaled by the elapsed time: 30% / 50% = 0,6 mid-year → at_risk
  // (scaled by the ½ year elapsed it would have been on_track); E is the required share.
  ["mid-year, 30% / 50% = 0,6 exactly, not scaled → at_risk", share, [r(2022, 7500)], parent2022, "2022-07-02", { status: "at_risk", achieved: 30, percent: 60, expected: 50 }],
  ["mid-year, 29,6% / 50% below 0,60 → off_track", share, [r(2022, 7400)], parent2022, "2022-07-02", { status: "off_track", achieved: 29.6 }],
  ["mid-year, 48% / 50% = 0,96 → on_track", share, [r(2022, 12000)], parent2022, "2022-07-02", { status: "on_track", achieved: 48 }],
];

/**
 * "Thu nhập bình quân của hộ nghèo tăng 1,5 lần so với cuối năm 2020", 2021–2025: A = latest /
 * baseline, met when A ≥ 1,5; the pace is the share of the required increase, (actual − baseline)
 * / (baseline × 0,5), against the elapsed share. 31/12/2023 is day 1.095 of 1.826.
 */
const factor = t({ kind: "INCREASE_FACTOR", lower: 1.5, upper: null, baseline: 20, periodStart: 2021, periodEnd: 2025 });
/** One leap year, to hit the bands exactly: 2024-07-01 is half of it; the increase needed is 10. */
const factorLeap = t({ kind: "INCREASE_FACTOR", lower: 1.5, upper: null, baseline: 20, periodStart: 2024, periodEnd: 2024 });
const factorRows: Row[] = [
  ["no result yet → no_data", factor, [], "2023-12-31", { status: "no_data", actual: null }],
  [
    "no baseline with the result nor on the target → no_data, actual shown",
    t({ ...factor, baseline: null }),
    [r(2023, 25)],
    "2023-12-31",
    { status: "no_data", actual: 25, achieved: null, percent: null, baseline: null },
  ],
  ["a baseline of 0 cannot be multiplied → no_data", factor, [r(2023, 25, 0)], "2023-12-31", { status: "no_data", actual: 25, achieved: null }],
  ["30 / 20 = 1,5 → met", factor, [r(2025, 30)], "2026-01-10", { status: "met", achieved: 1.5, required: 1.5, percent: 100, baseline: 20, baselineSource: "target" }],
  ["met before the period ends", factor, [r(2023, 31)], "2023-12-31", { status: "met", achieved: 1.55, percent: 110 }],
  ["the result's baseline wins over the target's", factor, [r(2023, 24, 16)], "2023-12-31", { status: "met", baseline: 16, baselineSource: "result", achieved: 1.5 }],
  ["an upper bound reached → exceeded", t({ ...factor, upper: 2 }), [r(2024, 40)], "2024-12-31", { status: "exceeded", achieved: 2, percent: 200 }],
  ["period over at 1,4 → missed; percent is the share of the increase (80), not A / R (93,3)", factor, [r(2025, 28)], "2026-01-10", { status: "missed", achieved: 1.4, percent: 80 }],
  ["strict “trên 1,5 lần”: exactly 1,5 after the period → missed", t({ ...factor, strict: true }), [r(2025, 30)], "2026-01-10", { status: "missed", achieved: 1.5 }],
  ["strict: exactly 1,5 on the last day → on_track (g = 1)", t({ ...factor, strict: true }), [r(2025, 30)], "2025-12-31", { status: "on_track", percent: 100 }],
  // 25 is half the increase (g = 0,5) at 0,5997 of the period: 0,83 → at_risk (A / R = 0,83 of R
  // would say nothing of the pace). E is the factor expected by now: 1 + 0,5 × 1.095/1.826.
  ["running: g = 0,5 at 60% of the period → at_risk", factor, [r(2023, 25)], "2023-12-31", { status: "at_risk", achieved: 1.25, percent: 50, expected: expect.closeTo(1 + (0.5 * 1095) / 1826, 8) }],
  ["running: g = 0,6 at 60% of the period → on_track", factor, [r(2023, 26)], "2023-12-31", { status: "on_track", percent: 60 }],
  ["leap year, share ½: g = 0,475 exactly → on_track", factorLeap, [r(2024, 24.75)], "2024-07-01", { status: "on_track", percent: 47.5, expected: 1.25 }],
  ["leap year: g = 0,474 → at_risk", factorLeap, [r(2024, 24.74)], "2024-07-01", { status: "at_risk" }],
  ["leap year: g = 0,30 exactly → at_risk", factorLeap, [r(2024, 23)], "2024-07-01", { status: "at_risk", percent: 30 }],
  ["leap year: g = 0,299 → off_track", factorLeap, [r(2024, 22.99)], "2024-07-01", { status: "off_track" }],
  ["below the baseline: the wrong way → off_track", factor, [r(2023, 19)], "2023-12-31", { status: "off_track", achieved: 0.95, percent: -10 }],
  ["the latest result counts, not a sum", factor, [r(2022, 22), r(2023, 25)], "2023-12-31", { actual: 25, achieved: 1.25, dataYear: 2023 }],
];

/**
 * "30% huyện nghèo thoát khỏi tình trạng nghèo" of the province's 7 poor districts, 2021–2025: a
 * result is how many have escaped by the end of its year (cumulative: the latest counts).
 */
const units = t({ kind: "SHARE_OF_UNITS", lower: 30, upper: null, baseline: 7, periodStart: 2021, periodEnd: 2025 });
/** 100 units over the leap year 2024: A = the value, E = 20 on 2024-07-01. */
const unitsLeap = t({ kind: "SHARE_OF_UNITS", lower: 40, upper: null, baseline: 100, periodStart: 2024, periodEnd: 2024 });
const unitsRows: Row[] = [
  ["no result yet → no_data", units, [], "2023-12-31", { status: "no_data" }],
  ["no number of units on the target → no_data, units reached shown", t({ ...units, baseline: null }), [r(2023, 2)], "2023-12-31", { status: "no_data", actual: 2, achieved: null, percent: null }],
  ["3 of 7 = 42,9% ≥ 30% → met", units, [r(2024, 3)], "2024-12-31", { status: "met", actual: 3, achieved: 42.857142857, required: 30, percent: 142.9, baseline: 7, baselineSource: "target" }],
  // Summed, 1 + 2 = 3 units would be 42,9% and met; the latest (2 of 7, 28,6%) counts.
  ["cumulative: the latest result counts, not the sum → on_track", units, [r(2022, 1), r(2023, 2)], "2023-12-31", { status: "on_track", actual: 2, achieved: 28.571428571, percent: 95.2, dataYear: 2023 }],
  ["the number of units is the target's: a result's baseline is not it", units, [r(2024, 3, 50)], "2024-12-31", { status: "met", baseline: 7, baselineSource: "target" }],
  ["period over, 2 of 7 → missed", units, [r(2025, 2)], "2026-01-10", { status: "missed", percent: 95.2 }],
  ["strict “trên 30%”: exactly 30% (3 of 10) after the period → missed", t({ ...units, baseline: 10, strict: true }), [r(2025, 3)], "2026-01-10", { status: "missed", achieved: 30 }],
  ["strict: 4 of 10 → met", t({ ...units, baseline: 10, strict: true }), [r(2025, 4)], "2026-01-10", { status: "met" }],
  ["an upper bound reached → exceeded", t({ ...units, baseline: 10, upper: 50 }), [r(2024, 5)], "2024-12-31", { status: "exceeded", percent: 166.7 }],
  // Paced from 0 at the start: E = R × elapsed share.
  ["leap year, share ½: A/E = 19/20 = 0,95 → on_track", unitsLeap, [r(2024, 19)], "2024-07-01", { status: "on_track", expected: 20, percent: 47.5 }],
  ["leap year: A/E = 0,90 → at_risk", unitsLeap, [r(2024, 18)], "2024-07-01", { status: "at_risk" }],
  ["leap year: A/E = 0,60 exactly → at_risk", unitsLeap, [r(2024, 12)], "2024-07-01", { status: "at_risk" }],
  ["leap year: A/E = 0,55 → off_track", unitsLeap, [r(2024, 11)], "2024-07-01", { status: "off_track" }],
];

/**
 * "Giảm tỷ lệ hộ nghèo bình quân 1–1,5%/năm" over 2021–2025, 10% at the end of 2020: A = (10 −
 * latest) / years from 2021 to the latest result's year, both included; judged on A / R itself.
 */
const average = t({ kind: "AVERAGE_DECREASE", lower: 1, upper: 1.5, baseline: 10, periodStart: 2021, periodEnd: 2025 });
const averageRows: Row[] = [
  ["no result yet → no_data", average, [], "2023-12-31", { status: "no_data" }],
  ["no baseline with the result nor on the target → no_data", t({ ...average, baseline: null }), [r(2022, 8)], "2023-03-01", { status: "no_data", actual: 8, achieved: null }],
  ["2 points in 2 years: A = 1 → met before the period ends", average, [r(2022, 8)], "2023-03-01", { status: "met", achieved: 1, required: 1, percent: 100, expected: 1 }],
  ["3 points in 2 years: A = 1,5 → exceeded", average, [r(2022, 7)], "2023-03-01", { status: "exceeded", achieved: 1.5, percent: 150 }],
  ["the result's baseline wins over the target's", average, [r(2021, 10, 11)], "2021-12-31", { status: "met", baseline: 11, baselineSource: "result", achieved: 1 }],
  // 1,5 points by the end of 2023 is 3 years (2021, 2022, 2023): 0,5 a year (2 years would give 0,75).
  ["years counted from the first year to the latest result's, inclusive: 1,5 / 3 = 0,5 → off_track", average, [r(2023, 8.5)], "2024-03-01", { status: "off_track", achieved: 0.5, percent: 50 }],
  // Not scaled by time: in the first year (share ≤ 1/5) an average of 0,6 is still only 0,6 of R.
  ["judged on the average itself, not the elapsed share: A/R = 0,60 exactly → at_risk", average, [r(2021, 9.4)], "2021-12-31", { status: "at_risk", achieved: 0.6, expected: 1 }],
  ["A/R = 0,95 exactly → on_track", average, [r(2021, 9.05)], "2021-12-31", { status: "on_track", percent: 95 }],
  ["A/R = 0,94 → at_risk", average, [r(2021, 9.06)], "2021-12-31", { status: "at_risk" }],
  ["A/R = 0,59 → off_track", average, [r(2021, 9.41)], "2021-12-31", { status: "off_track" }],
  ["the rate rose: A < 0 → off_track", average, [r(2023, 10.3)], "2024-03-01", { status: "off_track", achieved: -0.1 }],
  ["period over, 4 points in 5 years: A = 0,8 → missed", average, [r(2025, 6)], "2026-01-10", { status: "missed", achieved: 0.8, percent: 80 }],
  ["period over, 5 points in 5 years → met", average, [r(2025, 5)], "2026-01-10", { status: "met", achieved: 1 }],
  // Nothing is latched: met on 2022's result, running again once 2023's pulls the average down.
  ["a later year pulling the average down → running again", average, [r(2022, 8), r(2023, 9.5)], "2024-01-05", { status: "off_track", achieved: 0.166666667, dataYear: 2023 }],
  ["strict “trên 1 điểm”: exactly 1 on average is not met → on_track while running", t({ ...average, upper: null, strict: true }), [r(2022, 8)], "2023-03-01", { status: "on_track", achieved: 1 }],
  ["strict: exactly 1 after the period → missed", t({ ...average, upper: null, strict: true }), [r(2025, 5)], "2026-01-10", { status: "missed" }],
  ["decimals without artefacts: (10,2 − 7,2) / 3 = 1 → met", t({ ...average, baseline: 10.2 }), [r(2023, 7.2)], "2024-01-01", { status: "met", achieved: 1 }],
];

const qualitative = t({ kind: "QUALITATIVE", lower: null, upper: null, periodStart: 2023, periodEnd: 2023 });
const qualitativeRows: [string, ProgressTarget["qualitativeStatus"], string, Progress["status"]][] = [
  ["done → met", "DONE", "2023-06-30", "met"],
  ["done, after the period → met", "DONE", "2024-06-30", "met"],
  ["in progress while running → on_track", "IN_PROGRESS", "2023-06-30", "on_track"],
  ["in progress after the period → missed", "IN_PROGRESS", "2024-01-01", "missed"],
  ["not started while running → no_data", "NOT_STARTED", "2023-06-30", "no_data"],
  ["not started after the period → missed", "NOT_STARTED", "2024-01-01", "missed"],
  ["unset while running → no_data", null, "2023-06-30", "no_data"],
  ["unset after the period → no_data (nothing recorded)", null, "2024-01-01", "no_data"],
];

describe("computeProgress — the progress rules, one row per kind × status", () => {
  describe("DECREASE_BY: achieved = baseline − latest actual", () => {
    it.each(decreaseRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("REACH_AT_MOST: progress from the baseline toward the level", () => {
    it.each(reachAtMostRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("REACH_AT_LEAST: progress from the baseline toward the level", () => {
    it.each(reachAtLeastRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("COUNT: sum of the yearly results in the period", () => {
    it.each(countRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("SHARE_OF_PARENT: child / parent × 100", () => {
    it.each(shareRows)("%s", (_label, target, results, parentResults, asOf, expected) => {
      expect(computeProgress(target, results, asOf, { parentResults })).toMatchObject(expected);
    });
  });
  describe("INCREASE_FACTOR: achieved = latest / baseline, paced on the share of the required increase", () => {
    it.each(factorRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("SHARE_OF_UNITS: latest units reached / number of units × 100", () => {
    it.each(unitsRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("AVERAGE_DECREASE: (baseline − latest) / years so far, judged on the average itself", () => {
    it.each(averageRows)("%s", (_label, target, results, asOf, expected) => {
      expect(computeProgress(target, results, asOf)).toMatchObject(expected);
    });
  });
  describe("the whole-period kinds ignore the annual flag", () => {
    it.each<[string, ProgressTarget, ProgressResult[], string]>([
      ["INCREASE_FACTOR", factor, [r(2023, 25)], "2023-12-31"],
      ["SHARE_OF_UNITS", units, [r(2022, 1), r(2023, 2)], "2023-12-31"],
      ["AVERAGE_DECREASE", average, [r(2022, 8), r(2023, 9.5)], "2024-01-05"],
    ])("%s: the same progress with annual set, and no yearly breakdown", (_kind, target, results, asOf) => {
      const whole = computeProgress(target, results, asOf);
      const flagged = computeProgress({ ...target, annual: true }, results, asOf);
      expect(flagged).toEqual(whole);
      expect(flagged.yearly).toBeUndefined();
    });
  });
  describe("QUALITATIVE: status set by hand", () => {
    it.each(qualitativeRows)("%s", (_label, qualitativeStatus, asOf, status) => {
      expect(computeProgress({ ...qualitative, qualitativeStatus }, [], asOf)).toMatchObject({
        status,
        percent: null,
        achieved: null,
      });
    });
  });
});

describe("annual recurring target: judged in each year, 'met in k of n years, m without data'", () => {
  /** Sóc Trăng 2021–2025: giảm tỷ lệ hộ nghèo 2–3 điểm % hàng năm. */
  const annual = t({ lower: 2, upper: 3, periodStart: 2021, periodEnd: 2025, annual: true });

  it("Sóc Trăng: a missed year makes the target missed while the period runs, met in 1 of 2 years", () => {
    // 2021: 11 → 10, one point (missed); 2022: 10 → 8, two points (met); 2023 has no result yet.
    const p = computeProgress(annual, [r(2021, 10, 11), r(2022, 8)], "2023-03-01");
    expect(p.yearly?.map((y) => [y.year, y.status])).toEqual([
      [2021, "missed"],
      [2022, "met"],
      [2023, "no_data"],
      [2024, "no_data"],
      [2025, "no_data"],
    ]);
    expect(p).toMatchObject({ year: null, status: "missed", metYears: 1, dueYears: 2, noDataYears: 0, totalYears: 5 });
    // The figures are those of the latest year with data.
    expect(p).toMatchObject({ dataYear: 2022, actual: 8, achieved: 2, percent: 100 });
  });

  it("judges each year on its own and reports the latest year with data", () => {
    const p = computeProgress(
      annual,
      [r(2021, 8, 10), r(2022, 5.5), r(2023, 4.5), r(2024, 3)],
      "2024-06-30",
    );
    expect(p.yearly?.map((y) => [y.year, y.status, y.achieved, y.baselineSource])).toEqual([
      [2021, "met", 2, "result"],
      [2022, "met", 2.5, "previous_result"],
      [2023, "missed", 1, "previous_result"],
      [2024, "on_track", 1.5, "previous_result"], // E = 2 × 182/366
      [2025, "no_data", null, null],
    ]);
    // 2023 ended missed, so the whole target is missed although 2024 is on track; 2024 is not due
    // yet (no verdict), 2025 is to come: 2 of 3.
    expect(p).toMatchObject({ year: null, status: "missed", percent: 75, dataYear: 2024, metYears: 2, dueYears: 3, noDataYears: 0, totalYears: 5 });
  });

  it("while running, with no year missed: the current year's status", () => {
    const p = computeProgress(annual, [r(2021, 8, 10), r(2022, 5.5), r(2023, 4.5, 5.5)], "2023-06-30");
    // 2023: 1 point of 2 by mid-year (E = 2 × 181/365) → on_track
    expect(p).toMatchObject({ status: "on_track", metYears: 2, dueYears: 2, noDataYears: 0 });
  });

  it("while running, an ended year without data counts as due and without data; the current year gives the status", () => {
    const p = computeProgress(annual, [r(2021, 8, 10), r(2023, 4.5, 5.5)], "2023-06-30");
    expect(p).toMatchObject({ status: "on_track", metYears: 1, dueYears: 2, noDataYears: 1, dataYear: 2023 });
  });

  it("the current year already met counts as due and gives its status", () => {
    const p = computeProgress(annual, [r(2021, 8, 10), r(2022, 5.5)], "2022-06-30");
    expect(p).toMatchObject({ status: "met", metYears: 2, dueYears: 2, noDataYears: 0 });
  });

  it("the current year without data yet: its no_data is the status, and it is not due", () => {
    const p = computeProgress(annual, [r(2021, 8, 10)], "2022-03-01");
    expect(p).toMatchObject({ status: "no_data", metYears: 1, dueYears: 1, noDataYears: 0, dataYear: 2021, percent: 100 });
  });

  it("in the first year with no data: no year due yet (future years are never counted)", () => {
    expect(computeProgress(annual, [], "2021-06-30")).toMatchObject({ status: "no_data", metYears: 0, dueYears: 0, noDataYears: 0, totalYears: 5 });
    expect(computeProgress(annual, [], "2020-06-30")).toMatchObject({ status: "no_data", metYears: 0, dueYears: 0, noDataYears: 0 });
  });

  const allMet = [r(2021, 20, 22), r(2022, 18), r(2023, 16), r(2024, 14), r(2025, 12)];
  it("period over and every year met → met, 5 of 5", () => {
    expect(computeProgress(annual, allMet, "2026-01-10")).toMatchObject({ status: "met", metYears: 5, dueYears: 5, noDataYears: 0 });
  });
  it("every year of the period met before it ends → met", () => {
    expect(computeProgress(annual, allMet, "2025-06-30")).toMatchObject({ status: "met", metYears: 5, dueYears: 5 });
  });
  it("every year exceeded → exceeded", () => {
    const all = [r(2021, 19, 22), r(2022, 16), r(2023, 13), r(2024, 10), r(2025, 7)];
    expect(computeProgress(annual, all, "2026-01-10")).toMatchObject({ status: "exceeded", metYears: 5, dueYears: 5 });
  });
  it("period over and one year missed → missed, 4 of 5", () => {
    const one = [r(2021, 20, 22), r(2022, 18), r(2023, 17), r(2024, 14), r(2025, 12)];
    const p = computeProgress(annual, one, "2026-01-10");
    expect(p).toMatchObject({ status: "missed", metYears: 4, dueYears: 5, noDataYears: 0 });
    expect(p.yearly?.[3]?.status).toBe("exceeded"); // 17 → 14
  });
  it("a year without data: after the period, not met every year and none missed → no_data", () => {
    const gap = [r(2021, 20, 22), r(2022, 18), r(2024, 14, 16), r(2025, 12)];
    const p = computeProgress(annual, gap, "2026-01-10");
    // Was `met` (the latest year's status); a year without data cannot count as met.
    expect(p).toMatchObject({ status: "no_data", metYears: 4, dueYears: 5, noDataYears: 1, totalYears: 5 });
    expect(p).toMatchObject({ dataYear: 2025, percent: 100 }); // the latest year's figures stay
    expect(p.yearly?.[2]?.status).toBe("no_data");
  });
  it("a later year with no baseline anywhere is not judged against the target's pre-period baseline", () => {
    const p = computeProgress({ ...annual, baseline: 22 }, [r(2021, 20), r(2023, 14)], "2024-01-10");
    expect(p.yearly?.[0]).toMatchObject({ status: "met", baselineSource: "target" });
    expect(p.yearly?.[2]).toMatchObject({ status: "no_data", actual: 14 });
    expect(p).toMatchObject({ status: "no_data", metYears: 1, dueYears: 3, noDataYears: 2 });
  });
  it("the year before the period serves as the first year's baseline but does not count", () => {
    const p = computeProgress(annual, [r(2020, 12), r(2021, 10)], "2021-12-31");
    expect(p.yearly?.[0]).toMatchObject({ status: "met", baseline: 12, baselineSource: "previous_result", achieved: 2 });
  });
  it("no year with data, period over → no_data, 0 of 5, 5 without data", () => {
    expect(computeProgress(annual, [], "2026-01-10")).toMatchObject({ status: "no_data", metYears: 0, dueYears: 5, noDataYears: 5, totalYears: 5 });
  });
  it("an annual count is judged per year", () => {
    const p = computeProgress(t({ kind: "COUNT", lower: 100, upper: null, periodStart: 2022, periodEnd: 2023, annual: true }), [r(2022, 120), r(2023, 90)], "2024-01-01");
    expect(p).toMatchObject({ status: "missed", metYears: 1, dueYears: 2, noDataYears: 0 });
  });
  it("an annual count: a missed year makes it missed while the next year runs", () => {
    const target = t({ kind: "COUNT", lower: 100, upper: null, periodStart: 2022, periodEnd: 2024, annual: true });
    const p = computeProgress(target, [r(2022, 90), r(2023, 150)], "2023-06-30");
    expect(p).toMatchObject({ status: "missed", metYears: 1, dueYears: 2, noDataYears: 0, dataYear: 2023 });
  });
});

describe("period and calendar", () => {
  it("asOf before, within and after the period", () => {
    const target = t({ baseline: 10 });
    expect(computeProgress(target, [r(2023, 8.5)], "2022-12-31").status).toBe("no_data");
    expect(computeProgress(target, [r(2023, 8.5)], "2023-12-31").status).toBe("at_risk");
    expect(computeProgress(target, [r(2023, 8.5)], "2024-01-01").status).toBe("missed");
  });

  it.each<[string, number]>([
    ["2024-01-01", 1 / 366],
    ["2024-07-01", 0.5],
    ["2024-12-31", 1],
    ["2025-06-01", 1],
    ["2023-12-31", 0],
  ])("leap-year elapsed share as of %s is %d", (asOf, expected) => {
    expect(computeProgress(t({ periodStart: 2024, periodEnd: 2024 }), [], asOf).elapsedShare).toBeCloseTo(expected, 12);
  });

  it("counts a multi-year period's days with its leap year", () => {
    // 2021–2025 has 1.826 days; 31/12/2023 is day 1.095
    const p = computeProgress(count5, [r(2021, 25000)], "2023-12-31");
    expect(p.elapsedShare).toBeCloseTo(1095 / 1826, 12);
    expect(p.expected).toBeCloseTo((25000 * 1095) / 1826, 6);
  });

  it("refuses a malformed asOf and duplicate years", () => {
    expect(() => computeProgress(decrease, [], "31/12/2023")).toThrow(RangeError);
    expect(() => computeProgress(decrease, [], "2023-02-30")).toThrow(RangeError);
    expect(() => computeProgress(decrease, [r(2023, 8, 10), r(2023, 7, 10)], "2023-12-31")).toThrow(/two results/);
  });
});

describe("arithmetic", () => {
  it.each<[number, number]>([
    [2.45, 2.5],
    [-2.45, -2.5],
    [0.05, 0.1],
    [-0.05, -0.1],
    [104.25, 104.3],
    [1.04999, 1],
    [0.1 + 0.2, 0.3],
    [-0.04, 0],
    [33.333333, 33.3],
  ])("roundHalfAwayFromZero(%d) = %d", (x, y) => {
    expect(Object.is(roundHalfAwayFromZero(x, 1), y)).toBe(true);
  });

  it("sums without float artefacts: 0,1 + 0,2 meets 0,3", () => {
    const q = computeProgress(t({ kind: "COUNT", lower: 0.3, upper: null, periodStart: 2022 }), [r(2022, 0.1), r(2023, 0.2)], "2023-12-31");
    expect(q).toMatchObject({ actual: 0.3, status: "met", percent: 100 });
  });
});

describe("labels", () => {
  it("lists every status in the rules' order", () => {
    expect(STATUS_ORDER).toEqual(["no_data", "exceeded", "met", "missed", "on_track", "at_risk", "off_track"]);
  });
  it.each<[Progress["status"], string, string]>([
    ["no_data", "Chưa có số liệu", "No data"],
    ["on_track", "Đúng tiến độ", "On track"],
    ["at_risk", "Có nguy cơ", "At risk"],
    ["off_track", "Chậm tiến độ", "Off track"],
    ["met", "Đạt", "Met"],
    ["exceeded", "Vượt", "Exceeded"],
    ["missed", "Không đạt", "Missed"],
  ])("%s → %s / %s", (status, vi, en) => {
    expect(statusLabel(status, "vi")).toBe(vi);
    expect(statusLabel(status, "en")).toBe(en);
    expect(statusLabel(status)).toBe(vi);
    expect(["good", "warning", "bad", "neutral"]).toContain(statusTone(status));
  });
});
