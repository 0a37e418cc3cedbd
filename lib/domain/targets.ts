/**
 * Target kinds (docs/domain.md, "Targets and their kinds") and their readable wording.
 *
 * | kind            | example (source)                                  | met when                     |
 * | DECREASE_BY     | giảm tỷ lệ hộ nghèo 2–2,5% (58/KH-UBND)            | baseline − actual ≥ lower    |
 * |  (strict)       | giảm tỷ lệ hộ nghèo DTTS trên 3% (199/KH-UBND)     | baseline − actual > 3        |
 * | REACH_AT_MOST   | giảm xuống còn 18,66% (199/KH-UBND)                | actual ≤ 18,66               |
 * | REACH_AT_LEAST  | đạt từ 37% (58/KH-UBND); 100% BHYT (Bạc Liêu 2024)  | actual ≥ level               |
 * | COUNT           | 2.400 lao động (58/KH-UBND)                        | sum of results ≥ count       |
 * | SHARE_OF_PARENT | trên 50% thuộc hộ nghèo… (199/KH-UBND)             | child / parent > 50%         |
 * | INCREASE_FACTOR | thu nhập hộ nghèo tăng 1,5 lần so với cuối năm 2020 | latest / baseline ≥ 1,5      |
 * | SHARE_OF_UNITS  | 30% huyện nghèo thoát khỏi tình trạng nghèo        | latest / units × 100 ≥ 30    |
 * | AVERAGE_DECREASE| giảm tỷ lệ hộ nghèo bình quân 1–1,5%/năm           | (baseline − latest) / years ≥ 1 |
 * | (annual flag)   | giảm 2%–3% hàng năm, 2021–2025 (Sóc Trăng)         | met in each year             |
 * | QUALITATIVE     | nhân rộng mô hình giảm nghèo                       | status set by hand           |
 *
 * "Percent changes in these plans are percentage points." The rules of each kind, progress
 * included, are in docs/domain.md ("Targets and their kinds", "Progress and status").
 */
import { formatNumber, type Locale } from "./numbers";

/** The exact strings of the database enum `TargetKind`. */
export const TARGET_KINDS = [
  "DECREASE_BY",
  "REACH_AT_MOST",
  "REACH_AT_LEAST",
  "COUNT",
  "SHARE_OF_PARENT",
  "INCREASE_FACTOR",
  "SHARE_OF_UNITS",
  "AVERAGE_DECREASE",
  "QUALITATIVE",
] as const;

export type TargetKind = (typeof TARGET_KINDS)[number];

export function isTargetKind(s: string): s is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(s);
}

/**
 * Kinds judged over their whole period only: a factor from a reference point, a share of units
 * reached by the end, an average yearly decrease. They ignore the `annual` flag, which
 * validation refuses with them.
 */
export const WHOLE_PERIOD_KINDS = ["INCREASE_FACTOR", "SHARE_OF_UNITS", "AVERAGE_DECREASE"] as const satisfies readonly TargetKind[];

export function isWholePeriodKind(kind: string): kind is (typeof WHOLE_PERIOD_KINDS)[number] {
  return (WHOLE_PERIOD_KINDS as readonly string[]).includes(kind);
}

/**
 * Kinds measured from a baseline that results carry (the value at the end of the year before
 * the period, or at the reference point): without one nothing can be judged, so entering a
 * result asks for it (lib/domain/results.ts, `baselineProblem`).
 */
export const BASELINE_KINDS = ["DECREASE_BY", "AVERAGE_DECREASE", "INCREASE_FACTOR"] as const satisfies readonly TargetKind[];

export function needsBaseline(kind: string): kind is (typeof BASELINE_KINDS)[number] {
  return (BASELINE_KINDS as readonly string[]).includes(kind);
}

/** What a target promises, in numbers: the one declaration of a target's numeric shape. */
export interface TargetAmounts {
  kind: TargetKind;
  /**
   * Required amount: points for DECREASE_BY, level for REACH_*, count for COUNT, percent for
   * SHARE_OF_PARENT and SHARE_OF_UNITS, the factor for INCREASE_FACTOR ("1,5 lần"), points a year
   * for AVERAGE_DECREASE.
   */
  lower: number | null;
  /** Upper end of a range ("2–2,5"); not used by REACH_* (a level is one number). */
  upper: number | null;
  /** "trên …": met only strictly above lower ("dưới …" for REACH_AT_MOST). */
  strict: boolean;
  /** "khoảng …": the source gives an approximate figure. */
  approximate: boolean;
  /**
   * The value before the period (the end of the year before it); for INCREASE_FACTOR the value at
   * the reference point ("so với cuối năm 2020"); for SHARE_OF_UNITS the number of units the share
   * is of (a whole number; null when the plan does not say).
   */
  baseline: number | null;
  /** First and last calendar year of the period. */
  periodStart: number;
  periodEnd: number;
  /** "hàng năm": recurring, judged in each year of the period (not for the whole-period kinds). */
  annual: boolean;
}

export interface TargetSpec extends TargetAmounts {
  /** "%", "người", "hộ", … (pass the English unit when describing in English). */
  measureUnit: string;
  /** The indicator's name (pass the English name when describing in English). */
  indicatorName: string;
  /** "Giảm 1%, tương đương 2.273 hộ": the same target in a second unit. */
  equivalentValue?: number | null;
  equivalentUnit?: string | null;
  /** The population group's name when the target is about a sub-group ("Hộ dân tộc Khmer"); null for everyone. */
  group?: string | null;
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

export type TargetSpecField =
  | "kind"
  | "lower"
  | "upper"
  | "baseline"
  | "periodStart"
  | "periodEnd"
  | "annual"
  | "indicatorName"
  | "equivalentValue"
  | "equivalentUnit";

export type TargetSpecIssueCode =
  | "required"
  | "not_a_number"
  | "invalid_year"
  | "period_order"
  | "range_order"
  | "upper_not_allowed"
  | "must_be_positive"
  | "negative"
  | "percent_out_of_range"
  | "qualitative_has_numbers"
  | "equivalent_incomplete"
  | "factor_not_above_one"
  | "not_whole"
  | "annual_not_allowed";

export interface TargetSpecIssue {
  field: TargetSpecField;
  code: TargetSpecIssueCode;
  /** Vietnamese message. */
  message: string;
  messageEn: string;
}

const FIELD_LABELS: Record<"lower" | "upper" | "baseline" | "equivalentValue", [string, string]> = {
  lower: ["Giá trị chỉ tiêu", "Target value"],
  upper: ["Cận trên", "Upper bound"],
  baseline: ["Giá trị gốc", "Baseline"],
  equivalentValue: ["Giá trị tương đương", "Equivalent value"],
};

const isPercentUnit = (unit: string): boolean => unit.trim() === "%";

/** Every problem with a target, each with its field, a code and a message in both languages. */
export function validateTargetSpecDetailed(spec: TargetSpec): TargetSpecIssue[] {
  const issues: TargetSpecIssue[] = [];
  const add = (field: TargetSpecField, code: TargetSpecIssueCode, message: string, messageEn: string): void => {
    issues.push({ field, code, message, messageEn });
  };

  if (!isTargetKind(spec.kind)) {
    add("kind", "required", "Loại chỉ tiêu không hợp lệ.", "Invalid target kind.");
    return issues;
  }
  if (spec.indicatorName.trim() === "") {
    add("indicatorName", "required", "Cần nêu tên chỉ tiêu.", "The indicator name is required.");
  }

  // Period: whole calendar years, start ≤ end.
  for (const field of ["periodStart", "periodEnd"] as const) {
    const y = spec[field];
    if (!Number.isInteger(y) || y < 1900 || y > 2200) {
      add(field, "invalid_year", `Năm không hợp lệ: ${String(y)}.`, `Invalid year: ${String(y)}.`);
    }
  }
  if (spec.periodStart > spec.periodEnd) {
    add(
      "periodEnd",
      "period_order",
      `Năm bắt đầu (${spec.periodStart}) phải không sau năm kết thúc (${spec.periodEnd}).`,
      `The first year (${spec.periodStart}) must not be after the last year (${spec.periodEnd}).`,
    );
  }

  const numbers = ["lower", "upper", "baseline", "equivalentValue"] as const;
  for (const field of numbers) {
    const v = spec[field];
    if (v !== null && v !== undefined && !Number.isFinite(v)) {
      const [vi, en] = FIELD_LABELS[field];
      add(field, "not_a_number", `${vi} không phải là số.`, `${en} is not a number.`);
    }
  }

  if (spec.kind === "QUALITATIVE") {
    // "qualitative: status set by hand" — it carries no numbers.
    for (const field of numbers) {
      const v = spec[field];
      if (v !== null && v !== undefined) {
        const [vi, en] = FIELD_LABELS[field];
        add(
          field,
          "qualitative_has_numbers",
          `Chỉ tiêu định tính không có số liệu: bỏ trống ${vi.toLowerCase()}.`,
          `A qualitative target has no figures: leave the ${en.toLowerCase()} empty.`,
        );
      }
    }
    return issues;
  }

  const { lower, upper } = spec;
  if (lower === null) {
    add("lower", "required", "Cần nhập giá trị chỉ tiêu.", "The target value is required.");
  }
  if (lower !== null && upper !== null && lower > upper) {
    add(
      "upper",
      "range_order",
      `Cận dưới (${formatNumber(lower)}) lớn hơn cận trên (${formatNumber(upper)}).`,
      `The lower bound (${formatNumber(lower, { locale: "en" })}) is greater than the upper bound (${formatNumber(upper, { locale: "en" })}).`,
    );
  }
  if ((spec.kind === "REACH_AT_MOST" || spec.kind === "REACH_AT_LEAST") && upper !== null) {
    add(
      "upper",
      "upper_not_allowed",
      "Chỉ tiêu đạt mức chỉ có một mức: bỏ trống cận trên.",
      "A reach-a-level target has a single level: leave the upper bound empty.",
    );
  }
  /** Kinds whose required amount must be above 0 (a share of 0% of the units promises nothing). */
  const positive: Partial<Record<TargetKind, [string, string]>> = {
    DECREASE_BY: ["Mức giảm phải lớn hơn 0.", "The decrease must be greater than 0."],
    COUNT: ["Số lượng chỉ tiêu phải lớn hơn 0.", "The target count must be greater than 0."],
    AVERAGE_DECREASE: ["Mức giảm bình quân mỗi năm phải lớn hơn 0.", "The average yearly decrease must be greater than 0."],
    SHARE_OF_UNITS: ["Tỷ lệ số đơn vị đạt phải lớn hơn 0%.", "The share of units must be greater than 0%."],
  };
  const mustBePositive = positive[spec.kind];
  if (mustBePositive && lower !== null && lower <= 0) add("lower", "must_be_positive", ...mustBePositive);
  // "tăng 1,5 lần": a factor; 1 would be no increase at all.
  if (spec.kind === "INCREASE_FACTOR") {
    for (const field of ["lower", "upper"] as const) {
      const v = spec[field];
      if (v !== null && Number.isFinite(v) && v <= 1) {
        add(
          field,
          "factor_not_above_one",
          `Số lần tăng phải lớn hơn 1 (đã nhập ${formatNumber(v)}): “tăng 1,5 lần” là giá trị gấp 1,5 lần giá trị gốc.`,
          `The factor must be greater than 1 (${formatNumber(v, { locale: "en" })} given): “1.5 times” is 1.5 times the baseline.`,
        );
      }
    }
    // The value at the reference point is multiplied: zero cannot be.
    if (spec.baseline !== null && Number.isFinite(spec.baseline) && spec.baseline === 0) {
      add(
        "baseline",
        "must_be_positive",
        "Giá trị gốc của chỉ tiêu tăng … lần phải lớn hơn 0.",
        "The baseline of an increase by a factor must be greater than 0.",
      );
    }
  }
  // The number of units a share is of: a whole number of units, at least one.
  if (spec.kind === "SHARE_OF_UNITS" && spec.baseline !== null && Number.isFinite(spec.baseline)) {
    if (spec.baseline >= 0 && !Number.isInteger(spec.baseline)) {
      add(
        "baseline",
        "not_whole",
        `Giá trị gốc là số đơn vị (huyện, xã…) nên phải là số nguyên (đã nhập ${formatNumber(spec.baseline)}).`,
        `The baseline is a number of units (districts, communes…) and must be a whole number (${formatNumber(spec.baseline, { locale: "en" })} given).`,
      );
    } else if (spec.baseline === 0) {
      add("baseline", "must_be_positive", "Số đơn vị (giá trị gốc) phải lớn hơn 0.", "The number of units (baseline) must be greater than 0.");
    }
  }
  /** A negative bound already refused above ("must be above 0", "above 1"): said once. */
  const refusedAbove = (field: "lower" | "upper" | "baseline"): boolean =>
    (field === "lower" && mustBePositive !== undefined) || (spec.kind === "INCREASE_FACTOR" && field !== "baseline");
  for (const field of ["lower", "upper", "baseline"] as const) {
    const v = spec[field];
    if (v !== null && v < 0 && !refusedAbove(field)) {
      const [vi, en] = FIELD_LABELS[field];
      add(field, "negative", `${vi} không được âm.`, `The ${en.toLowerCase()} must not be negative.`);
    }
  }
  // Percentages lie within 0–100 (rates; and a share of the parent or of units is always a
  // percentage). A factor is not a percentage, though its baseline may be a rate; the number of
  // units a share is of is a count.
  const pct = isPercentUnit(spec.measureUnit);
  const percentFields =
    spec.kind === "SHARE_OF_PARENT" || spec.kind === "SHARE_OF_UNITS"
      ? (["lower", "upper"] as const)
      : spec.kind === "INCREASE_FACTOR"
        ? pct ? (["baseline"] as const) : ([] as const)
        : pct
          ? (["lower", "upper", "baseline"] as const)
          : ([] as const);
  for (const field of percentFields) {
    const v = spec[field];
    if (v !== null && (v > 100 || (v < 0 && !refusedAbove(field)))) {
      const [vi, en] = FIELD_LABELS[field];
      add(
        field,
        "percent_out_of_range",
        `${vi} là tỷ lệ phần trăm nên phải từ 0 đến 100.`,
        `The ${en.toLowerCase()} is a percentage and must be between 0 and 100.`,
      );
    }
  }
  const eqValue = spec.equivalentValue ?? null;
  const eqUnit = spec.equivalentUnit?.trim() ?? "";
  if ((eqValue === null) !== (eqUnit === "")) {
    add(
      eqValue === null ? "equivalentValue" : "equivalentUnit",
      "equivalent_incomplete",
      "Giá trị tương đương cần cả số và đơn vị (ví dụ 2.273 hộ).",
      "An equivalent needs both a number and a unit (e.g. 2,273 households).",
    );
  }
  if (eqValue !== null && eqValue <= 0) {
    add(
      "equivalentValue",
      "must_be_positive",
      "Giá trị tương đương phải lớn hơn 0.",
      "The equivalent value must be greater than 0.",
    );
  }
  if (spec.annual && isWholePeriodKind(spec.kind)) {
    const [what, whatEn] = WHOLE_PERIOD_WORDS[spec.kind];
    add(
      "annual",
      "annual_not_allowed",
      `Chỉ tiêu ${what} được đánh giá trên cả thời kỳ, không lặp lại hằng năm: bỏ chọn “Lặp lại hằng năm”.`,
      `A target ${whatEn} is judged over its whole period, not each year: untick “Recurs every year”.`,
    );
  }
  return issues;
}

/** The whole-period kinds in words, for the message refusing "hằng năm". */
const WHOLE_PERIOD_WORDS: Record<(typeof WHOLE_PERIOD_KINDS)[number], [string, string]> = {
  INCREASE_FACTOR: ["tăng … lần so với mốc gốc", "to multiply a value by a factor"],
  SHARE_OF_UNITS: ["tỷ lệ số đơn vị đạt", "for a share of units"],
  AVERAGE_DECREASE: ["giảm bình quân mỗi năm", "for an average yearly decrease"],
};

/** The problems with a target as messages in one language (Vietnamese by default); empty when valid. */
export function validateTargetSpec(spec: TargetSpec, locale: Locale = "vi"): string[] {
  return validateTargetSpecDetailed(spec).map((i) => (locale === "vi" ? i.message : i.messageEn));
}

// ---------------------------------------------------------------------------
// Describing a target in words
// ---------------------------------------------------------------------------

/** First letter lower-case for use mid-sentence, unless the first word is an acronym ("BHYT"). */
function midSentence(name: string): string {
  const first = name.split(/\s/, 1)[0] ?? "";
  if (first.length > 1 && first === first.toUpperCase() && first !== first.toLowerCase()) return name;
  return name.charAt(0).toLocaleLowerCase("vi") + name.slice(1);
}

function sentenceStart(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/**
 * The target as one readable sentence, e.g.
 * vi: "Giảm tỷ lệ hộ nghèo từ 2 đến 2,5 điểm %", "Giảm tỷ lệ hộ nghèo xuống còn 18,66%",
 *     "Lao động được giải quyết việc làm: khoảng 25.000 người", "… mỗi năm (2021–2025)";
 * en: "Reduce the poor-household rate by 2 to 2.5 percentage points".
 * For English pass the English indicator name and unit in the spec.
 */
export function describeTarget(spec: TargetSpec, locale: Locale = "vi"): string {
  const vi = locale === "vi";
  const pct = isPercentUnit(spec.measureUnit);
  const unit = spec.measureUnit.trim();
  const group = spec.group?.trim();
  const indicatorName = spec.indicatorName.trim();
  // A sub-group is named beside the indicator, never left out ("Tỷ lệ hộ nghèo (Hộ dân tộc Khmer)").
  const name = group ? (indicatorName ? `${indicatorName} (${group})` : group) : indicatorName;
  const num = (v: number | null): string => (v === null ? "?" : formatNumber(v, { locale }));
  /** A number with the unit attached when the unit is "%". */
  const withPct = (v: number | null, on: boolean): string => `${num(v)}${on ? "%" : ""}`;
  const { lower, upper, strict, approximate } = spec;
  const isRange = upper !== null && lower !== null && upper !== lower;
  const about = approximate ? (vi ? "khoảng " : "about ") : "";

  /**
   * "trên 3" / "more than 3"; "hơn 1.000" / "more than 1,000" for a bound both strict and
   * approximate (the source's "hơn": never "trên khoảng").
   */
  const above = (n: string): string =>
    strict ? (approximate ? `${vi ? "hơn" : "more than"} ${n}` : `${vi ? "trên" : "more than"} ${n}`) : `${about}${n}`;

  /** "từ 2 đến 2,5" / "trên 3" / "khoảng 25.000" / "hơn 1.000" / "2.400" */
  const amount = (percentAttached: boolean): string => {
    if (isRange) {
      return vi
        ? `${about}từ ${withPct(lower, percentAttached)} đến ${withPct(upper, percentAttached)}`
        : `${about}${withPct(lower, percentAttached)} to ${withPct(upper, percentAttached)}`;
    }
    return above(withPct(lower, percentAttached));
  };
  const unitSuffix = pct || unit === "" ? "" : ` ${unit}`;
  const years = spec.periodStart === spec.periodEnd ? `${spec.periodStart}` : `${spec.periodStart}–${spec.periodEnd}`;

  let text: string;
  switch (spec.kind) {
    case "DECREASE_BY": {
      // Percent changes are percentage points.
      const points = vi ? " điểm %" : ` percentage point${!isRange && lower === 1 ? "" : "s"}`;
      const suffix = pct ? points : unitSuffix;
      text = vi
        ? `Giảm ${midSentence(name)} ${amount(false)}${suffix}`
        : `Reduce the ${midSentence(name)} by ${amount(false)}${suffix}`;
      break;
    }
    case "AVERAGE_DECREASE": {
      // "giảm tỷ lệ hộ nghèo bình quân 1–1,5%/năm": points a year, on average over the period.
      const points = vi ? " điểm %" : ` percentage point${!isRange && lower === 1 ? "" : "s"}`;
      const suffix = pct ? points : unitSuffix;
      text = vi
        ? `Giảm ${midSentence(name)} bình quân ${amount(false)}${suffix} mỗi năm (${years})`
        : `Reduce the ${midSentence(name)} by an average of ${amount(false)}${suffix} a year (${years})`;
      break;
    }
    case "REACH_AT_MOST": {
      const level = `${about}${withPct(lower, pct)}${unitSuffix}`;
      text = vi
        ? `Giảm ${midSentence(name)} xuống ${strict ? "dưới" : "còn"} ${level}`
        : `Reduce the ${midSentence(name)} to ${strict ? "below " : ""}${level}`;
      break;
    }
    case "REACH_AT_LEAST": {
      const full = pct && lower === 100;
      const level = `${withPct(lower, pct)}${unitSuffix}`;
      const qualified = strict ? above(level) : full || approximate ? `${about}${level}` : `${vi ? "từ " : "at least "}${level}`;
      text = vi ? `${sentenceStart(name)} đạt ${qualified}` : `${sentenceStart(name)} reaches ${qualified}`;
      break;
    }
    case "INCREASE_FACTOR": {
      // "thu nhập bình quân của hộ nghèo tăng 1,5 lần": the latest value over the baseline.
      text = vi
        ? `${sentenceStart(name)} tăng ${amount(false)} lần`
        : `${sentenceStart(name)} rises to ${amount(false)} times the baseline`;
      break;
    }
    case "COUNT":
      text = `${sentenceStart(name)}: ${amount(pct)}${unitSuffix}`;
      break;
    case "SHARE_OF_PARENT": {
      const share = `${amount(true)}${vi ? " của chỉ tiêu cha" : " of the parent target"}`;
      text = name === "" ? sentenceStart(share) : `${sentenceStart(name)}: ${share}`;
      break;
    }
    case "SHARE_OF_UNITS": {
      // "30% huyện nghèo thoát khỏi tình trạng nghèo": a share of the units, of how many when stated.
      const units = pct || unit === "" ? (vi ? "đơn vị" : "units") : unit;
      const of =
        spec.baseline === null ? "" : vi ? ` (trong tổng số ${num(spec.baseline)} ${units})` : ` (out of ${num(spec.baseline)} ${units})`;
      const share = `${amount(true)}${vi ? " số đơn vị đạt" : " of the units"}${of}`;
      text = name === "" ? sentenceStart(share) : `${sentenceStart(name)}: ${share}`;
      break;
    }
    case "QUALITATIVE":
      text = sentenceStart(name);
      break;
  }

  const eqValue = spec.equivalentValue ?? null;
  const eqUnit = spec.equivalentUnit?.trim() ?? "";
  if (eqValue !== null && spec.kind !== "QUALITATIVE") {
    const eq = `${num(eqValue)}${eqUnit === "" ? "" : ` ${eqUnit}`}`;
    text += vi ? ` (tương đương ${eq})` : ` (equivalent to ${eq})`;
  }
  // The whole-period kinds ignore the flag (validation refuses it with them).
  if (spec.annual && !isWholePeriodKind(spec.kind)) {
    text += vi ? ` mỗi năm (${years})` : ` each year (${years})`;
  }
  return text;
}
