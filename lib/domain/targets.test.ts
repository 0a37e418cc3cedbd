import { describe, expect, it } from "vitest";
import {
  TARGET_KINDS,
  describeTarget,
  isTargetKind,
  isWholePeriodKind,
  needsBaseline,
  validateTargetSpec,
  validateTargetSpecDetailed,
  type TargetSpec,
} from "./targets";

/** A valid spec to vary: "giảm tỷ lệ hộ nghèo 2–2,5%" (58/KH-UBND, 2023). */
function spec(over: Partial<TargetSpec> = {}): TargetSpec {
  return {
    kind: "DECREASE_BY",
    lower: 2,
    upper: 2.5,
    strict: false,
    approximate: false,
    baseline: null,
    periodStart: 2023,
    periodEnd: 2023,
    annual: false,
    measureUnit: "%",
    indicatorName: "Tỷ lệ hộ nghèo",
    ...over,
  };
}

describe("target kinds", () => {
  it("match the database enum", () => {
    expect(TARGET_KINDS).toEqual([
      "DECREASE_BY",
      "REACH_AT_MOST",
      "REACH_AT_LEAST",
      "COUNT",
      "SHARE_OF_PARENT",
      "INCREASE_FACTOR",
      "SHARE_OF_UNITS",
      "AVERAGE_DECREASE",
      "QUALITATIVE",
    ]);
    expect(isTargetKind("COUNT")).toBe(true);
    expect(isTargetKind("count")).toBe(false);
    expect(isTargetKind("SHARE_OF_UNITS")).toBe(true);
  });

  it("say which are judged over the whole period only, and which are measured from a baseline", () => {
    expect(TARGET_KINDS.filter(isWholePeriodKind)).toEqual(["INCREASE_FACTOR", "SHARE_OF_UNITS", "AVERAGE_DECREASE"]);
    expect(TARGET_KINDS.filter(needsBaseline)).toEqual(["DECREASE_BY", "INCREASE_FACTOR", "AVERAGE_DECREASE"]);
  });
});

/** The catalogue indicators of the later kinds (prisma/seed-data.ts). */
const income = { measureUnit: "triệu đồng/người/năm", indicatorName: "Thu nhập bình quân", group: "Hộ nghèo" };
const poorUnits = { measureUnit: "đơn vị", indicatorName: "Huyện nghèo", group: "huyện nghèo" };
const factor = (over: Partial<TargetSpec> = {}): Partial<TargetSpec> => ({ kind: "INCREASE_FACTOR", lower: 1.5, upper: null, baseline: 20, periodStart: 2021, periodEnd: 2025, ...income, ...over });
const unitsShare = (over: Partial<TargetSpec> = {}): Partial<TargetSpec> => ({ kind: "SHARE_OF_UNITS", lower: 30, upper: null, baseline: 7, periodStart: 2021, periodEnd: 2025, ...poorUnits, ...over });
const average = (over: Partial<TargetSpec> = {}): Partial<TargetSpec> => ({ kind: "AVERAGE_DECREASE", lower: 1, upper: 1.5, periodStart: 2021, periodEnd: 2025, ...over });

describe("describeTarget: the later kinds, and “hơn”", () => {
  it.each<[string, Partial<TargetSpec>, string, string]>([
    ["factor", factor(), "Thu nhập bình quân (Hộ nghèo) tăng 1,5 lần", "Thu nhập bình quân (Hộ nghèo) rises to 1.5 times the baseline"],
    ["factor, range", factor({ upper: 2 }), "Thu nhập bình quân (Hộ nghèo) tăng từ 1,5 đến 2 lần", "Thu nhập bình quân (Hộ nghèo) rises to 1.5 to 2 times the baseline"],
    ["factor, strict", factor({ strict: true }), "Thu nhập bình quân (Hộ nghèo) tăng trên 1,5 lần", "Thu nhập bình quân (Hộ nghèo) rises to more than 1.5 times the baseline"],
    ["factor, hơn", factor({ strict: true, approximate: true }), "Thu nhập bình quân (Hộ nghèo) tăng hơn 1,5 lần", "Thu nhập bình quân (Hộ nghèo) rises to more than 1.5 times the baseline"],
    [
      "share of units, of how many",
      unitsShare(),
      "Huyện nghèo (huyện nghèo): 30% số đơn vị đạt (trong tổng số 7 đơn vị)",
      "Huyện nghèo (huyện nghèo): 30% of the units (out of 7 đơn vị)",
    ],
    ["share of units, how many not stated", unitsShare({ baseline: null }), "Huyện nghèo (huyện nghèo): 30% số đơn vị đạt", "Huyện nghèo (huyện nghèo): 30% of the units"],
    ["share of units, strict", unitsShare({ baseline: null, strict: true, group: null }), "Huyện nghèo: trên 30% số đơn vị đạt", "Huyện nghèo: more than 30% of the units"],
    [
      "average decrease, range",
      average(),
      "Giảm tỷ lệ hộ nghèo bình quân từ 1 đến 1,5 điểm % mỗi năm (2021–2025)",
      "Reduce the tỷ lệ hộ nghèo by an average of 1 to 1.5 percentage points a year (2021–2025)",
    ],
    ["average decrease, one point", average({ upper: null }), "Giảm tỷ lệ hộ nghèo bình quân 1 điểm % mỗi năm (2021–2025)", "Reduce the tỷ lệ hộ nghèo by an average of 1 percentage point a year (2021–2025)"],
    ["average decrease, hơn", average({ lower: 3, upper: null, strict: true, approximate: true }), "Giảm tỷ lệ hộ nghèo bình quân hơn 3 điểm % mỗi năm (2021–2025)", "Reduce the tỷ lệ hộ nghèo by an average of more than 3 percentage points a year (2021–2025)"],
    // The whole-period kinds ignore the annual flag: no second "mỗi năm (…)".
    ["average decrease, annual flag ignored", average({ annual: true }), "Giảm tỷ lệ hộ nghèo bình quân từ 1 đến 1,5 điểm % mỗi năm (2021–2025)", "Reduce the tỷ lệ hộ nghèo by an average of 1 to 1.5 percentage points a year (2021–2025)"],
    ["factor, annual flag ignored", factor({ annual: true }), "Thu nhập bình quân (Hộ nghèo) tăng 1,5 lần", "Thu nhập bình quân (Hộ nghèo) rises to 1.5 times the baseline"],
    // Strict and approximate: "hơn", never "trên khoảng", for every kind that prints an amount.
    ["count, hơn", { kind: "COUNT", lower: 1000, upper: null, strict: true, approximate: true, measureUnit: "hộ", indicatorName: "Hộ tham gia mô hình" }, "Hộ tham gia mô hình: hơn 1.000 hộ", "Hộ tham gia mô hình: more than 1,000 hộ"],
    ["decrease, hơn", { lower: 3, upper: null, strict: true, approximate: true }, "Giảm tỷ lệ hộ nghèo hơn 3 điểm %", "Reduce the tỷ lệ hộ nghèo by more than 3 percentage points"],
    ["reach at least, hơn", { kind: "REACH_AT_LEAST", lower: 90, upper: null, strict: true, approximate: true, indicatorName: "Tỷ lệ bao phủ BHYT" }, "Tỷ lệ bao phủ BHYT đạt hơn 90%", "Tỷ lệ bao phủ BHYT reaches more than 90%"],
    ["share of parent, hơn", { kind: "SHARE_OF_PARENT", lower: 50, upper: null, strict: true, approximate: true, measureUnit: "người", indicatorName: "" }, "Hơn 50% của chỉ tiêu cha", "More than 50% of the parent target"],
    ["count, approximate only", { kind: "COUNT", lower: 1000, upper: null, approximate: true, measureUnit: "hộ", indicatorName: "Hộ tham gia mô hình" }, "Hộ tham gia mô hình: khoảng 1.000 hộ", "Hộ tham gia mô hình: about 1,000 hộ"],
  ])("%s", (_name, over, vi, en) => {
    expect(describeTarget(spec(over), "vi")).toBe(vi);
    expect(describeTarget(spec(over), "en")).toBe(en);
  });
});

describe("describeTarget (vi)", () => {
  it.each<[string, Partial<TargetSpec>, string]>([
    ["decrease, range", {}, "Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %"],
    [
      "decrease, range, population",
      { lower: 3, upper: 3.5, group: "hộ dân tộc Khmer" },
      "Giảm tỷ lệ hộ nghèo (hộ dân tộc Khmer) từ 3 đến 3,5 điểm %",
    ],
    ["decrease, strict", { lower: 3, upper: null, strict: true }, "Giảm tỷ lệ hộ nghèo trên 3 điểm %"],
    [
      "decrease with equivalent",
      { lower: 1, upper: null, periodStart: 2024, periodEnd: 2024, equivalentValue: 2273, equivalentUnit: "hộ" },
      "Giảm tỷ lệ hộ nghèo 1 điểm % (tương đương 2.273 hộ)",
    ],
    [
      "decrease, annual",
      { lower: 2, upper: 3, annual: true, periodStart: 2021, periodEnd: 2025 },
      "Giảm tỷ lệ hộ nghèo từ 2 đến 3 điểm % mỗi năm (2021–2025)",
    ],
    [
      "decrease in a count unit",
      { lower: 100, upper: null, measureUnit: "hộ", indicatorName: "Số hộ nghèo" },
      "Giảm số hộ nghèo 100 hộ",
    ],
    [
      "reach at most",
      { kind: "REACH_AT_MOST", lower: 18.66, upper: null, periodStart: 2022, periodEnd: 2022 },
      "Giảm tỷ lệ hộ nghèo xuống còn 18,66%",
    ],
    [
      "reach at most, strict",
      { kind: "REACH_AT_MOST", lower: 10, upper: null, strict: true },
      "Giảm tỷ lệ hộ nghèo xuống dưới 10%",
    ],
    [
      "reach at least",
      {
        kind: "REACH_AT_LEAST",
        lower: 37,
        upper: null,
        indicatorName: "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
      },
      "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt từ 37%",
    ],
    [
      "reach at least 100%",
      { kind: "REACH_AT_LEAST", lower: 100, upper: null, indicatorName: "Tỷ lệ người nghèo được cấp thẻ BHYT" },
      "Tỷ lệ người nghèo được cấp thẻ BHYT đạt 100%",
    ],
    [
      "reach at least, strict",
      { kind: "REACH_AT_LEAST", lower: 90, upper: null, strict: true, indicatorName: "Tỷ lệ bao phủ BHYT" },
      "Tỷ lệ bao phủ BHYT đạt trên 90%",
    ],
    [
      "count",
      { kind: "COUNT", lower: 2400, upper: null, measureUnit: "người", indicatorName: "Lao động được giải quyết việc làm" },
      "Lao động được giải quyết việc làm: 2.400 người",
    ],
    [
      "count, approximate",
      {
        kind: "COUNT",
        lower: 25000,
        upper: null,
        approximate: true,
        measureUnit: "người",
        indicatorName: "Lao động được kết nối việc làm",
      },
      "Lao động được kết nối việc làm: khoảng 25.000 người",
    ],
    [
      "count, strict",
      { kind: "COUNT", lower: 1000, upper: null, strict: true, measureUnit: "hộ", indicatorName: "Hộ tham gia mô hình" },
      "Hộ tham gia mô hình: trên 1.000 hộ",
    ],
    [
      "share of parent",
      { kind: "SHARE_OF_PARENT", lower: 50, upper: null, strict: true, measureUnit: "người", indicatorName: "" },
      "Trên 50% của chỉ tiêu cha",
    ],
    [
      "share of parent, named",
      {
        kind: "SHARE_OF_PARENT",
        lower: 50,
        upper: null,
        strict: true,
        measureUnit: "người",
        indicatorName: "Lao động thuộc hộ nghèo, cận nghèo, mới thoát nghèo",
      },
      "Lao động thuộc hộ nghèo, cận nghèo, mới thoát nghèo: trên 50% của chỉ tiêu cha",
    ],
    [
      "qualitative",
      { kind: "QUALITATIVE", lower: null, upper: null, measureUnit: "", indicatorName: "Nhân rộng mô hình giảm nghèo" },
      "Nhân rộng mô hình giảm nghèo",
    ],
  ])("%s", (_name, over, text) => {
    expect(describeTarget(spec(over), "vi")).toBe(text);
  });

  it("keeps an acronym at the start of a name mid-sentence", () => {
    expect(describeTarget(spec({ indicatorName: "DTTS: tỷ lệ hộ nghèo", lower: 3, upper: null, strict: true }))).toBe(
      "Giảm DTTS: tỷ lệ hộ nghèo trên 3 điểm %",
    );
  });
});

describe("describeTarget (en)", () => {
  const en = (over: Partial<TargetSpec>): string => describeTarget(spec({ indicatorName: "Poor-household rate", ...over }), "en");

  it.each<[string, Partial<TargetSpec>, string]>([
    ["decrease, range", {}, "Reduce the poor-household rate by 2 to 2.5 percentage points"],
    ["decrease, strict", { lower: 3, upper: null, strict: true }, "Reduce the poor-household rate by more than 3 percentage points"],
    [
      "decrease, one point with equivalent",
      { lower: 1, upper: null, equivalentValue: 2273, equivalentUnit: "households" },
      "Reduce the poor-household rate by 1 percentage point (equivalent to 2,273 households)",
    ],
    [
      "decrease, annual",
      { lower: 2, upper: 3, annual: true, periodStart: 2021, periodEnd: 2025 },
      "Reduce the poor-household rate by 2 to 3 percentage points each year (2021–2025)",
    ],
    ["reach at most", { kind: "REACH_AT_MOST", lower: 18.66, upper: null }, "Reduce the poor-household rate to 18.66%"],
    [
      "reach at least",
      { kind: "REACH_AT_LEAST", lower: 37, upper: null, indicatorName: "Trained workers with certificates" },
      "Trained workers with certificates reaches at least 37%",
    ],
    [
      "count, approximate",
      { kind: "COUNT", lower: 25000, upper: null, approximate: true, measureUnit: "people", indicatorName: "Workers connected to jobs" },
      "Workers connected to jobs: about 25,000 people",
    ],
    [
      "share of parent",
      { kind: "SHARE_OF_PARENT", lower: 50, upper: null, strict: true, indicatorName: "From poor households" },
      "From poor households: more than 50% of the parent target",
    ],
    [
      "qualitative",
      { kind: "QUALITATIVE", lower: null, upper: null, indicatorName: "Replicate poverty-reduction models" },
      "Replicate poverty-reduction models",
    ],
  ])("%s", (_name, over, text) => {
    expect(en(over)).toBe(text);
  });
});

describe("validateTargetSpec", () => {
  it.each<[string, Partial<TargetSpec>]>([
    ["decrease range", {}],
    ["reach at most", { kind: "REACH_AT_MOST", lower: 18.66, upper: null, baseline: 21.5 }],
    ["reach at least 100%", { kind: "REACH_AT_LEAST", lower: 100, upper: null }],
    ["count", { kind: "COUNT", lower: 2400, upper: null, measureUnit: "người" }],
    ["share", { kind: "SHARE_OF_PARENT", lower: 50, upper: null, strict: true, measureUnit: "người" }],
    ["qualitative", { kind: "QUALITATIVE", lower: null, upper: null }],
    ["annual", { lower: 2, upper: 3, annual: true, periodStart: 2021, periodEnd: 2025 }],
    ["equivalent", { lower: 1, upper: null, equivalentValue: 2273, equivalentUnit: "hộ" }],
    ["factor", factor()],
    ["factor range without a baseline", factor({ upper: 2, baseline: null })],
    ["factor of a rate", factor({ measureUnit: "%", lower: 2, baseline: 40 })],
    ["share of units", unitsShare()],
    ["share of units, how many not stated", unitsShare({ baseline: null, strict: true })],
    ["average decrease", average()],
  ])("accepts %s", (_name, over) => {
    expect(validateTargetSpec(spec(over))).toEqual([]);
  });

  it.each<[string, Partial<TargetSpec>, string, string]>([
    ["lower > upper", { lower: 3, upper: 2 }, "upper", "range_order"],
    ["period reversed", { periodStart: 2025, periodEnd: 2021 }, "periodEnd", "period_order"],
    ["year not an integer", { periodStart: 2021.5 }, "periodStart", "invalid_year"],
    ["rate above 100", { kind: "REACH_AT_LEAST", lower: 120, upper: null }, "lower", "percent_out_of_range"],
    ["baseline rate above 100", { baseline: 101 }, "baseline", "percent_out_of_range"],
    ["negative level", { kind: "REACH_AT_MOST", lower: -1, upper: null }, "lower", "negative"],
    ["count of zero", { kind: "COUNT", lower: 0, upper: null, measureUnit: "người" }, "lower", "must_be_positive"],
    ["decrease of zero", { lower: 0, upper: null }, "lower", "must_be_positive"],
    ["count without a number", { kind: "COUNT", lower: null, upper: null, measureUnit: "người" }, "lower", "required"],
    ["share above 100", { kind: "SHARE_OF_PARENT", lower: 150, upper: null, measureUnit: "người" }, "lower", "percent_out_of_range"],
    ["share below 0", { kind: "SHARE_OF_PARENT", lower: -5, upper: null, measureUnit: "người" }, "lower", "percent_out_of_range"],
    ["qualitative with a number", { kind: "QUALITATIVE", lower: 5, upper: null }, "lower", "qualitative_has_numbers"],
    ["qualitative with a baseline", { kind: "QUALITATIVE", lower: null, upper: null, baseline: 3 }, "baseline", "qualitative_has_numbers"],
    ["reach with an upper bound", { kind: "REACH_AT_LEAST", lower: 37, upper: 40 }, "upper", "upper_not_allowed"],
    ["equivalent without unit", { equivalentValue: 2273 }, "equivalentUnit", "equivalent_incomplete"],
    ["equivalent without value", { equivalentUnit: "hộ" }, "equivalentValue", "equivalent_incomplete"],
    ["no indicator name", { indicatorName: "  " }, "indicatorName", "required"],
    ["NaN", { lower: Number.NaN }, "lower", "not_a_number"],
    ["factor of 1 (no increase)", factor({ lower: 1 }), "lower", "factor_not_above_one"],
    ["factor below 1", factor({ lower: 0.8 }), "lower", "factor_not_above_one"],
    ["factor range ending at 1", factor({ lower: 0.5, upper: 1 }), "upper", "factor_not_above_one"],
    ["factor without its number", factor({ lower: null }), "lower", "required"],
    ["factor from a baseline of 0", factor({ baseline: 0 }), "baseline", "must_be_positive"],
    ["factor from a negative baseline", factor({ baseline: -3 }), "baseline", "negative"],
    ["factor of a rate with a baseline above 100", factor({ measureUnit: "%", baseline: 120 }), "baseline", "percent_out_of_range"],
    ["share of units above 100", unitsShare({ lower: 120 }), "lower", "percent_out_of_range"],
    ["share of units of 0", unitsShare({ lower: 0 }), "lower", "must_be_positive"],
    ["share of units, upper above 100", unitsShare({ upper: 101 }), "upper", "percent_out_of_range"],
    ["share of units of a fraction of a unit", unitsShare({ baseline: 7.5 }), "baseline", "not_whole"],
    ["share of units of 0 units", unitsShare({ baseline: 0 }), "baseline", "must_be_positive"],
    ["share of units of a negative number of units", unitsShare({ baseline: -2 }), "baseline", "negative"],
    ["average decrease of 0", average({ lower: 0, upper: null }), "lower", "must_be_positive"],
    ["average decrease, range reversed", average({ lower: 2, upper: 1 }), "upper", "range_order"],
    ["average decrease of a rate above 100", average({ lower: 120, upper: null }), "lower", "percent_out_of_range"],
    ["annual factor", factor({ annual: true }), "annual", "annual_not_allowed"],
    ["annual share of units", unitsShare({ annual: true }), "annual", "annual_not_allowed"],
    ["annual average decrease", average({ annual: true }), "annual", "annual_not_allowed"],
  ])("refuses %s", (_name, over, field, code) => {
    const issues = validateTargetSpecDetailed(spec(over));
    expect(issues).toContainEqual(expect.objectContaining({ field, code }));
    const messages = validateTargetSpec(spec(over));
    expect(messages.length).toBe(issues.length);
    for (const m of messages) expect(m).toMatch(/\p{L}/u);
  });

  it("says a refused bound once: a negative factor is “not above 1”, a negative decrease “above 0”", () => {
    expect(validateTargetSpecDetailed(spec(factor({ lower: -1 })))).toEqual([expect.objectContaining({ field: "lower", code: "factor_not_above_one" })]);
    expect(validateTargetSpecDetailed(spec(unitsShare({ lower: -5 })))).toEqual([expect.objectContaining({ field: "lower", code: "must_be_positive" })]);
    expect(validateTargetSpecDetailed(spec({ lower: -1, upper: null }))).toEqual([expect.objectContaining({ field: "lower", code: "must_be_positive" })]);
  });

  it("refuses “hằng năm” with the whole-period kinds in both languages, and accepts it with the others", () => {
    expect(validateTargetSpec(spec(average({ annual: true })))).toEqual([
      "Chỉ tiêu giảm bình quân mỗi năm được đánh giá trên cả thời kỳ, không lặp lại hằng năm: bỏ chọn “Lặp lại hằng năm”.",
    ]);
    expect(validateTargetSpec(spec(factor({ annual: true })), "en")).toEqual([
      "A target to multiply a value by a factor is judged over its whole period, not each year: untick “Recurs every year”.",
    ]);
    expect(validateTargetSpec(spec({ annual: true, periodStart: 2021, periodEnd: 2025 }))).toEqual([]);
  });

  it("gives Vietnamese messages by default and English on request", () => {
    expect(validateTargetSpec(spec({ lower: 3, upper: 2 }))).toEqual(["Cận dưới (3) lớn hơn cận trên (2)."]);
    expect(validateTargetSpec(spec({ lower: 3, upper: 2 }), "en")).toEqual([
      "The lower bound (3) is greater than the upper bound (2).",
    ]);
  });
});
