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
 * | (annual flag)   | giảm 2%–3% hàng năm, 2021–2025 (Sóc Trăng)         | met in each year             |
 * | QUALITATIVE     | nhân rộng mô hình giảm nghèo                       | status set by hand           |
 *
 * "Percent changes in these plans are percentage points."
 */
import { formatNumber, type Locale } from "./numbers";

/** The exact strings of the database enum `TargetKind`. */
export const TARGET_KINDS = [
  "DECREASE_BY",
  "REACH_AT_MOST",
  "REACH_AT_LEAST",
  "COUNT",
  "SHARE_OF_PARENT",
  "QUALITATIVE",
] as const;

export type TargetKind = (typeof TARGET_KINDS)[number];

export function isTargetKind(s: string): s is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(s);
}

/** What a target promises, in numbers: the one declaration of a target's numeric shape. */
export interface TargetAmounts {
  kind: TargetKind;
  /** Required amount: points for DECREASE_BY, level for REACH_*, count for COUNT, percent for SHARE_OF_PARENT. */
  lower: number | null;
  /** Upper end of a range ("2–2,5"); not used by REACH_* (a level is one number). */
  upper: number | null;
  /** "trên …": met only strictly above lower ("dưới …" for REACH_AT_MOST). */
  strict: boolean;
  /** "khoảng …": the source gives an approximate figure. */
  approximate: boolean;
  baseline: number | null;
  /** First and last calendar year of the period. */
  periodStart: number;
  periodEnd: number;
  /** "hàng năm": recurring, judged in each year of the period. */
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
  | "equivalent_incomplete";

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
  if ((spec.kind === "DECREASE_BY" || spec.kind === "COUNT") && lower !== null && lower <= 0) {
    add(
      "lower",
      "must_be_positive",
      spec.kind === "COUNT" ? "Số lượng chỉ tiêu phải lớn hơn 0." : "Mức giảm phải lớn hơn 0.",
      spec.kind === "COUNT" ? "The target count must be greater than 0." : "The decrease must be greater than 0.",
    );
  }
  for (const field of ["lower", "upper", "baseline"] as const) {
    const v = spec[field];
    if (v !== null && v < 0 && !(field === "lower" && (spec.kind === "DECREASE_BY" || spec.kind === "COUNT"))) {
      const [vi, en] = FIELD_LABELS[field];
      add(field, "negative", `${vi} không được âm.`, `The ${en.toLowerCase()} must not be negative.`);
    }
  }
  // Percentages lie within 0–100 (rates; and a share of the parent is always a percentage).
  const percentFields =
    spec.kind === "SHARE_OF_PARENT"
      ? (["lower", "upper"] as const)
      : isPercentUnit(spec.measureUnit)
        ? (["lower", "upper", "baseline"] as const)
        : ([] as const);
  for (const field of percentFields) {
    const v = spec[field];
    if (v !== null && (v < 0 || v > 100)) {
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
  return issues;
}

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

  /** "từ 2 đến 2,5" / "trên 3" / "khoảng 25.000" / "2.400" */
  const amount = (percentAttached: boolean): string => {
    if (isRange) {
      return vi
        ? `${about}từ ${withPct(lower, percentAttached)} đến ${withPct(upper, percentAttached)}`
        : `${about}${withPct(lower, percentAttached)} to ${withPct(upper, percentAttached)}`;
    }
    return `${strict ? (vi ? "trên " : "more than ") : ""}${about}${withPct(lower, percentAttached)}`;
  };
  const unitSuffix = pct || unit === "" ? "" : ` ${unit}`;

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
    case "REACH_AT_MOST": {
      const level = `${about}${withPct(lower, pct)}${unitSuffix}`;
      text = vi
        ? `Giảm ${midSentence(name)} xuống ${strict ? "dưới" : "còn"} ${level}`
        : `Reduce the ${midSentence(name)} to ${strict ? "below " : ""}${level}`;
      break;
    }
    case "REACH_AT_LEAST": {
      const full = pct && lower === 100;
      const level = `${about}${withPct(lower, pct)}${unitSuffix}`;
      const qualifier = strict
        ? vi ? "trên " : "more than "
        : full || approximate ? "" : vi ? "từ " : "at least ";
      text = vi
        ? `${sentenceStart(name)} đạt ${qualifier}${level}`
        : `${sentenceStart(name)} reaches ${qualifier}${level}`;
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
  if (spec.annual) {
    const years =
      spec.periodStart === spec.periodEnd ? `${spec.periodStart}` : `${spec.periodStart}–${spec.periodEnd}`;
    text += vi ? ` mỗi năm (${years})` : ` each year (${years})`;
  }
  return text;
}
