import { describe, expect, it } from "vitest";
import {
  TARGET_KINDS,
  describeTarget,
  isTargetKind,
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
      "QUALITATIVE",
    ]);
    expect(isTargetKind("COUNT")).toBe(true);
    expect(isTargetKind("count")).toBe(false);
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
  ])("refuses %s", (_name, over, field, code) => {
    const issues = validateTargetSpecDetailed(spec(over));
    expect(issues).toContainEqual(expect.objectContaining({ field, code }));
    const messages = validateTargetSpec(spec(over));
    expect(messages.length).toBe(issues.length);
    for (const m of messages) expect(m).toMatch(/\p{L}/u);
  });

  it("gives Vietnamese messages by default and English on request", () => {
    expect(validateTargetSpec(spec({ lower: 3, upper: 2 }))).toEqual(["Cận dưới (3) lớn hơn cận trên (2)."]);
    expect(validateTargetSpec(spec({ lower: 3, upper: 2 }), "en")).toEqual([
      "The lower bound (3) is greater than the upper bound (2).",
    ]);
  });
});
