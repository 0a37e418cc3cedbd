/**
 * Vietnamese numbers and dates: the one place where the portal parses and formats them
 * (docs/domain.md, "Entering numbers").
 *
 * - `2.400` is two thousand four hundred, `18,66` is eighteen point six six.
 * - An ambiguous or malformed number is refused with a clear message, never guessed.
 * - For a whole-number measure (a count: people, households, models…) a comma followed by
 *   exactly three digits ("18,000") is refused as ambiguous: read the Vietnamese way it is
 *   18, but it is almost always an English thousands separator (18.000). Rates and amounts
 *   keep the Vietnamese reading ("18,000" % is 18; 2.314,500 triệu đồng is plausible).
 * - Dates are dd/mm/yyyy.
 *
 * Pure functions, no framework imports.
 */

export type Locale = "vi" | "en";

// ---------------------------------------------------------------------------
// Parsing numbers
// ---------------------------------------------------------------------------

export type NumberErrorCode =
  /** Nothing entered. */
  | "empty"
  /** Letters or other characters that cannot be part of a number ("abc", "12a"). */
  | "invalid_characters"
  /** Structurally wrong: "2,", ",5", "- 5", "%" alone. */
  | "malformed"
  /** A "." (or space) thousands separator not followed by groups of exactly 3 digits ("2.5", "1.2345"). */
  | "malformed_grouping"
  /** More than one decimal comma ("1,2,3"). */
  | "multiple_decimal_marks"
  /** English format: comma before dot ("1,234.5") or commas grouping thousands ("1,234,567"). */
  | "english_format"
  /**
   * Could be read two ways: "0.500" (500 or one half?), or, for a count, "18,000"
   * (18 the Vietnamese way, eighteen thousand the English way).
   */
  | "ambiguous"
  /** More than 15 integer digits: beyond what a number can hold exactly. */
  | "too_large";

export type RangeErrorCode = NumberErrorCode | "not_a_range" | "range_order";

export interface ParseError<C extends string = NumberErrorCode> {
  ok: false;
  code: C;
  /** Message for the user, in Vietnamese. */
  error: string;
  /** The same message in English. */
  errorEn: string;
}

/** What a number measures, as the indicator says (Indicator.measure, Indicator.measureUnit). */
export type MeasureKind = "RATE" | "COUNT" | "AMOUNT";
export interface NumberMeasure {
  measure: MeasureKind;
  /** "%", "người", "hộ", "triệu đồng"…; a "%" unit makes the measure a rate whatever its kind. */
  measureUnit?: string | null;
}

export interface ParseNumberOptions {
  /** The measure the number is for; absent: no measure-specific rule applies. */
  measure?: NumberMeasure | null;
}

/** A rate: measured in percent (RATE, or a "%" unit). */
export function isRateMeasure(m: NumberMeasure | null | undefined): boolean {
  return !!m && (m.measure === "RATE" || (m.measureUnit ?? "").trim() === "%");
}

/** A whole-number measure: a count (people, households, models…) that is not a rate. */
export function isWholeNumberMeasure(m: NumberMeasure | null | undefined): boolean {
  return !!m && m.measure === "COUNT" && !isRateMeasure(m);
}

export type ParseNumberResult =
  | { ok: true; value: number; percent: boolean }
  | ParseError<NumberErrorCode>;

export type ParseRangeResult =
  | { ok: true; lower: number; upper: number; percent: boolean }
  | ParseError<RangeErrorCode>;

function fail<C extends string>(code: C, error: string, errorEn: string): ParseError<C> {
  return { ok: false, code, error, errorEn };
}

/** Spaces that may separate thousands: normal, no-break (U+00A0), narrow no-break (U+202F), thin (U+2009). */
const SPACE_CHARS = /[\u00A0\u202F\u2009]/g;
const MINUS_SIGNS = /^[-\u2212+]/;
const HINT_VI = "Ví dụ: 2.400 (hai nghìn bốn trăm) hoặc 18,66 (mười tám phẩy sáu sáu).";
const HINT_EN = 'Examples: 2.400 (two thousand four hundred) or 18,66 (eighteen point six six).';

/**
 * Parse a number written the Vietnamese way: "." groups thousands, "," is the decimal mark.
 * A trailing "%" is stripped and reported as `percent: true`. Spaces (also no-break spaces)
 * may group thousands when every group after the first has exactly 3 digits ("2 400").
 *
 * With `opts.measure` a whole-number measure (see isWholeNumberMeasure): one to three digits,
 * a comma and exactly three digits ("18,000", "1,500") is refused as `ambiguous`, with a
 * message giving both readings. Rates and amounts read it the Vietnamese way (18 and 1,5).
 */
export function parseVietnameseNumber(input: string, opts: ParseNumberOptions = {}): ParseNumberResult {
  const raw = input.replace(SPACE_CHARS, " ").trim();
  if (raw === "") {
    return fail("empty", "Chưa nhập số.", "No number was entered.");
  }

  let s = raw;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
    if (s === "") {
      return fail("malformed", "Thiếu số trước dấu %.", 'A number is missing before "%".');
    }
  }

  let sign = 1;
  const signMatch = MINUS_SIGNS.exec(s);
  if (signMatch) {
    sign = signMatch[0] === "+" ? 1 : -1;
    s = s.slice(1);
    if (!/^\d/.test(s)) {
      return fail(
        "malformed",
        `Sai định dạng số “${raw}”: dấu âm/dương phải đứng liền trước chữ số.`,
        `Malformed number "${raw}": a sign must be directly followed by a digit.`,
      );
    }
  }

  const bad = /[^0-9., ]/.exec(s);
  if (bad) {
    return fail(
      "invalid_characters",
      `“${raw}” không phải là số: có ký tự “${bad[0]}”. Chỉ dùng chữ số, dấu chấm (.) phân cách hàng nghìn và dấu phẩy (,) trước phần thập phân. ${HINT_VI}`,
      `"${raw}" is not a number: it contains "${bad[0]}". Use digits, "." to group thousands and "," before decimals. ${HINT_EN}`,
    );
  }

  const commaCount = s.split(",").length - 1;
  if (commaCount > 1) {
    if (/^\d{1,3}(,\d{3})+$/.test(s)) {
      const suggestion = s.replace(/,/g, ".");
      return fail(
        "english_format",
        `“${raw}” viết theo kiểu tiếng Anh. Trong tiếng Việt, dấu chấm (.) phân cách hàng nghìn và dấu phẩy (,) đứng trước phần thập phân. Có phải bạn muốn nhập “${suggestion}”?`,
        `"${raw}" is in English format. Vietnamese uses "." to group thousands and "," for decimals. Did you mean "${suggestion}"?`,
      );
    }
    return fail(
      "multiple_decimal_marks",
      `Sai định dạng số “${raw}”: chỉ được có một dấu phẩy (,) thập phân. ${HINT_VI}`,
      `Malformed number "${raw}": only one decimal comma "," is allowed. ${HINT_EN}`,
    );
  }

  const commaAt = s.indexOf(",");
  const intPart = commaAt === -1 ? s : s.slice(0, commaAt);
  const fracPart = commaAt === -1 ? null : s.slice(commaAt + 1);

  if (fracPart !== null && fracPart.includes(".")) {
    const suggestion = raw.replace(/[.,]/g, (c) => (c === "." ? "," : "."));
    return fail(
      "english_format",
      `“${raw}” viết theo kiểu tiếng Anh (dấu phẩy trước dấu chấm). Trong tiếng Việt, dấu phẩy (,) đứng trước phần thập phân và dấu chấm (.) phân cách hàng nghìn. Có phải bạn muốn nhập “${suggestion}”?`,
      `"${raw}" is in English format (comma before dot). Vietnamese uses "," for decimals and "." to group thousands. Did you mean "${suggestion}"?`,
    );
  }
  if (fracPart !== null && !/^\d+$/.test(fracPart)) {
    return fail(
      "malformed",
      `Sai định dạng số “${raw}”: sau dấu phẩy (,) phải là các chữ số thập phân. ${HINT_VI}`,
      `Malformed number "${raw}": the comma "," must be followed by decimal digits. ${HINT_EN}`,
    );
  }
  if (intPart === "") {
    return fail(
      "malformed",
      `Sai định dạng số “${raw}”: thiếu phần nguyên trước dấu phẩy (viết 0,5 thay cho ,5).`,
      `Malformed number "${raw}": the whole part before the comma is missing (write 0,5 rather than ,5).`,
    );
  }
  if (fracPart !== null && isWholeNumberMeasure(opts.measure) && /^[1-9]\d{0,2}$/.test(intPart) && /^\d{3}$/.test(fracPart)) {
    return ambiguousThousands(raw, sign, intPart, fracPart);
  }

  const hasDot = intPart.includes(".");
  const hasSpace = intPart.includes(" ");
  let digits = intPart;
  if (hasDot && hasSpace) {
    return fail(
      "malformed_grouping",
      `Sai định dạng số “${raw}”: không dùng lẫn dấu chấm và khoảng trắng để phân cách hàng nghìn.`,
      `Malformed number "${raw}": do not mix dots and spaces to group thousands.`,
    );
  }
  if (hasDot || hasSpace) {
    const groups = intPart.split(hasDot ? "." : " ");
    const [first, ...rest] = groups;
    const wellGrouped =
      first !== undefined && /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
    if (!wellGrouped) {
      if (hasDot && groups.length === 2 && fracPart === null && first !== "" && rest[0] !== "") {
        const suggestion = raw.replace(".", ",");
        return fail(
          "malformed_grouping",
          `Sai định dạng số “${raw}”: trong tiếng Việt, dấu chấm (.) phân cách hàng nghìn nên sau dấu chấm phải có đúng 3 chữ số. Có phải bạn muốn nhập “${suggestion}”?`,
          `Malformed number "${raw}": in Vietnamese format "." separates thousands, so it must be followed by exactly 3 digits. Did you mean "${suggestion}"?`,
        );
      }
      return fail(
        "malformed_grouping",
        `Sai định dạng số “${raw}”: dấu chấm (.) hoặc khoảng trắng phân cách hàng nghìn phải chia số thành từng nhóm 3 chữ số. ${HINT_VI}`,
        `Malformed number "${raw}": "." or a space separating thousands must split the number into groups of 3 digits. ${HINT_EN}`,
      );
    }
    if (first !== undefined && first.startsWith("0")) {
      return fail(
        "ambiguous",
        `Không rõ nghĩa: “${raw}” có số 0 đứng đầu trước dấu phân cách hàng nghìn. Nếu là số thập phân, hãy dùng dấu phẩy, ví dụ “${raw.replace(".", ",")}”.`,
        `Ambiguous: "${raw}" starts with 0 before a thousands separator. For a decimal, use a comma, e.g. "${raw.replace(".", ",")}".`,
      );
    }
    digits = groups.join("");
  }

  if (digits.replace(/^0+/, "").length > 15) {
    return fail("too_large", `Số “${raw}” quá lớn.`, `The number "${raw}" is too large.`);
  }

  const value = sign * Number(fracPart === null ? digits : `${digits}.${fracPart}`);
  if (!Number.isFinite(value)) {
    return fail("too_large", `Số “${raw}” quá lớn.`, `The number "${raw}" is too large.`);
  }
  return { ok: true, value: value === 0 ? 0 : value, percent };
}

/**
 * "18,000" for a count: 18 the Vietnamese way, 18.000 the English way. Refused, naming both
 * readings (in figures and in words) and what to type for each.
 */
function ambiguousThousands(raw: string, sign: number, intPart: string, fracPart: string): ParseError<"ambiguous"> {
  const asVi = sign * Number(`${intPart}.${fracPart}`) || 0;
  const asEn = sign * Number(`${intPart}${fracPart}`) || 0;
  const viText = formatNumber(asVi);
  const enText = formatNumber(asEn);
  const enTextEn = formatNumber(asEn, { locale: "en" });
  const whole = Number.isInteger(asVi);
  const readings =
    `theo cách viết Việt Nam là ${viText} (${numberInWords(asVi, "vi")}), ` +
    `theo cách viết tiếng Anh là ${enText} (${numberInWords(asEn, "vi")}).`;
  const readingsEn =
    `in Vietnamese format it is ${viText} (${numberInWords(asVi, "en")}), ` +
    `in English format it is ${enTextEn} (${numberInWords(asEn, "en")}).`;
  return fail(
    "ambiguous",
    `“${raw}” không rõ nghĩa: ${readings} ` +
      (whole
        ? `Hãy nhập ${enText} hoặc ${viText}.`
        : `Số đếm phải là số nguyên: nếu là ${numberInWords(asEn, "vi")}, hãy nhập ${enText}.`),
    `"${raw}" is ambiguous: ${readingsEn} ` +
      (whole
        ? `Enter ${enText} (Vietnamese format) for ${numberInWords(asEn, "en")}, or ${viText}.`
        : `A count is a whole number: for ${numberInWords(asEn, "en")}, enter ${enText} (Vietnamese format).`),
  );
}

/** A parse error's message for the reader: Vietnamese or English. */
export function parseErrorText(e: ParseError<string>, locale: Locale): string {
  return locale === "en" ? e.errorEn : e.error;
}

/**
 * Why `input` is not a number (for `opts.measure`, as parseVietnameseNumber reads it), in the
 * reader's language; null when it is one. Problems carry the typed text and the screen says it.
 */
export function numberErrorText(input: string, locale: Locale, opts: ParseNumberOptions = {}): string | null {
  const parsed = parseVietnameseNumber(input, opts);
  return parsed.ok ? null : parseErrorText(parsed, locale);
}

/**
 * Parse a range "2–2,5", "2 - 2,5", "3 – 3,5", "2%–3%": two Vietnamese numbers separated by a
 * dash (hyphen, en dash, em dash), with or without spaces. The separator is a dash that follows a
 * digit (or "%"), so a leading minus on the first number still works ("-1 – 2").
 * `lower > upper` is refused; a single number is refused with `not_a_range` unless `allowSingle`
 * is set (then lower = upper).
 */
export function parseVietnameseRange(
  input: string,
  opts: { allowSingle?: boolean } & ParseNumberOptions = {},
): ParseRangeResult {
  const s = input.replace(SPACE_CHARS, " ").trim();
  if (s === "") return fail("empty", "Chưa nhập khoảng giá trị.", "No range was entered.");

  const sep = /(\d\s*%?)\s*[-\u2012\u2013\u2014]\s*(?=[-\u2212+]?\d)/.exec(s);
  if (!sep) {
    const single = parseVietnameseNumber(s, opts);
    if (!single.ok) return single;
    if (opts.allowSingle) {
      return { ok: true, lower: single.value, upper: single.value, percent: single.percent };
    }
    return fail(
      "not_a_range",
      `“${s}” không phải là một khoảng. Viết hai số nối bằng gạch ngang, ví dụ 2–2,5.`,
      `"${s}" is not a range. Write two numbers joined by a dash, e.g. 2–2,5.`,
    );
  }
  const leftText = s.slice(0, sep.index + (sep[1] ?? "").length);
  const rightText = s.slice(sep.index + sep[0].length);

  const left = parseVietnameseNumber(leftText, opts);
  if (!left.ok) {
    return { ...left, error: `Giá trị đầu: ${left.error}`, errorEn: `Lower value: ${left.errorEn}` };
  }
  const right = parseVietnameseNumber(rightText, opts);
  if (!right.ok) {
    return { ...right, error: `Giá trị cuối: ${right.error}`, errorEn: `Upper value: ${right.errorEn}` };
  }
  if (left.value > right.value) {
    return fail(
      "range_order",
      `Khoảng không hợp lệ: giá trị đầu (${formatNumber(left.value)}) lớn hơn giá trị cuối (${formatNumber(right.value)}).`,
      `Invalid range: the lower value (${formatNumber(left.value, { locale: "en" })}) is greater than the upper value (${formatNumber(right.value, { locale: "en" })}).`,
    );
  }
  return { ok: true, lower: left.value, upper: right.value, percent: left.percent || right.percent };
}

// ---------------------------------------------------------------------------
// Formatting numbers
// ---------------------------------------------------------------------------

export interface FormatNumberOptions {
  /** Default 4 (the database keeps 4 decimals); trailing zeros are not shown. */
  maxFractionDigits?: number;
  /** Default 0. */
  minFractionDigits?: number;
  /** Default "vi" ("2.400", "18,66"); "en" gives "2,400", "18.66". */
  locale?: Locale;
}

/** What is shown for a missing or non-finite value. */
export const NO_VALUE = "—";

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormatter(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-US", {
      minimumFractionDigits: min,
      maximumFractionDigits: Math.max(min, max),
      // never "-0" when a small negative value rounds to zero
      signDisplay: "negative",
    });
    formatters.set(key, f);
  }
  return f;
}

/** Format a number for display: vi-VN by default ("2.400", "18,66", "-1,5"). null/NaN → "—". */
export function formatNumber(value: number | null | undefined, opts: FormatNumberOptions = {}): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const { maxFractionDigits = 4, minFractionDigits = 0, locale = "vi" } = opts;
  return numberFormatter(locale, minFractionDigits, maxFractionDigits).format(value);
}

/** A percentage (already in percent, not a fraction): 18.66 → "18,66%". null/NaN → "—". */
export function formatPercent(value: number | null | undefined, opts: FormatNumberOptions = {}): string {
  const n = formatNumber(value, { maxFractionDigits: 2, ...opts });
  return n === NO_VALUE ? n : `${n}%`;
}

// ---------------------------------------------------------------------------
// Numbers in words (for messages that must not be misread)
// ---------------------------------------------------------------------------

const VI_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const VI_SCALES = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ"];
const EN_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
const EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const EN_SCALES = ["", "thousand", "million", "billion", "trillion", "quadrillion"];

/** 0–999 in Vietnamese; `full` when a higher group precedes ("không trăm linh năm"). */
function viGroup(n: number, full: boolean): string {
  const a = Math.floor(n / 100);
  const b = Math.floor((n % 100) / 10);
  const c = n % 10;
  const out: string[] = [];
  if (a > 0 || full) out.push(VI_DIGITS[a]!, "trăm");
  if (b === 0) {
    if (c > 0) out.push(...(a > 0 || full ? ["linh", VI_DIGITS[c]!] : [VI_DIGITS[c]!]));
  } else if (b === 1) {
    out.push("mười");
    if (c > 0) out.push(c === 5 ? "lăm" : VI_DIGITS[c]!);
  } else {
    out.push(VI_DIGITS[b]!, "mươi");
    if (c > 0) out.push(c === 1 ? "mốt" : c === 5 ? "lăm" : VI_DIGITS[c]!);
  }
  return out.join(" ");
}

function enGroup(n: number): string {
  const a = Math.floor(n / 100);
  const rest = n % 100;
  const out: string[] = [];
  if (a > 0) out.push(EN_ONES[a]!, "hundred");
  if (rest > 0) {
    if (rest < 20) out.push(EN_ONES[rest]!);
    else out.push(rest % 10 === 0 ? EN_TENS[Math.floor(rest / 10)]! : `${EN_TENS[Math.floor(rest / 10)]}-${EN_ONES[rest % 10]}`);
  }
  return out.join(" ");
}

function integerInWords(n: number, locale: Locale): string {
  if (n === 0) return locale === "vi" ? VI_DIGITS[0]! : EN_ONES[0]!;
  const groups: number[] = [];
  for (let x = n; x > 0; x = Math.floor(x / 1000)) groups.push(x % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) continue;
    const scale = (locale === "vi" ? VI_SCALES : EN_SCALES)[i] ?? "";
    const words = locale === "vi" ? viGroup(g, parts.length > 0) : enGroup(g);
    parts.push(scale ? `${words} ${scale}` : words);
  }
  return parts.join(" ");
}

/**
 * A number in words, as said aloud: 18 → "mười tám" / "eighteen", 18000 → "mười tám nghìn" /
 * "eighteen thousand", 1,5 → "một phẩy năm" / "one point five" (decimals digit by digit,
 * at most 4). Up to 15 integer digits; beyond that, the figures.
 */
export function numberInWords(value: number, locale: Locale = "vi"): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return formatNumber(value, { locale });
  const fixed = Math.abs(value).toFixed(4).replace(/\.?0+$/, "");
  const [intText, fracText] = fixed.split(".");
  let words = integerInWords(Number(intText), locale);
  if (fracText) {
    const digits = [...fracText].map((d) => (locale === "vi" ? VI_DIGITS : EN_ONES)[Number(d)]!);
    words += ` ${locale === "vi" ? "phẩy" : "point"} ${digits.join(" ")}`;
  }
  return value < 0 && fixed !== "0" ? `${locale === "vi" ? "âm" : "minus"} ${words}` : words;
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const pad4 = (n: number): string => String(n).padStart(4, "0");

/** True for a real calendar date written "YYYY-MM-DD" ("2023-02-29" is false). */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * "dd/mm/yyyy". A "YYYY-MM-DD" string is a calendar date and is reformatted as is. A Date (or a
 * timestamp string) is read in UTC — date-only database values are UTC midnight, so no timezone
 * shift — unless `timeZone` is given (e.g. "Asia/Ho_Chi_Minh" for timestamps).
 * Invalid input → "—".
 */
export function formatDate(d: Date | string | null | undefined, opts: { timeZone?: string } = {}): string {
  if (d === null || d === undefined) return NO_VALUE;
  if (typeof d === "string") {
    const m = ISO_DATE.exec(d.trim());
    if (m) {
      const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidYmd(y, mo, da) ? `${pad2(da)}/${pad2(mo)}/${pad4(y)}` : NO_VALUE;
    }
    d = new Date(d);
  }
  if (Number.isNaN(d.getTime())) return NO_VALUE;
  const iso = opts.timeZone ? isoDateInTimeZone(d, opts.timeZone) : d.toISOString().slice(0, 10);
  return formatDate(iso);
}

const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
let clockFormat: Intl.DateTimeFormat | undefined;

/**
 * An instant as "dd/mm/yyyy HH:mm" in Vietnam's time zone (when a result or an account was
 * changed). A Date or a timestamp string; `empty` (default "—") for a missing or invalid one.
 */
export function formatDateTime(d: Date | string | null | undefined, empty: string = NO_VALUE): string {
  if (d === null || d === undefined || d === "") return empty;
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return empty;
  clockFormat ??= new Intl.DateTimeFormat("en-GB", { timeZone: VIETNAM_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${formatDate(date, { timeZone: VIETNAM_TIME_ZONE })} ${clockFormat.format(date)}`;
}

/** The calendar date ("YYYY-MM-DD") of an instant in a time zone; default now in Vietnam. */
export function isoDateInTimeZone(date: Date = new Date(), timeZone = "Asia/Ho_Chi_Minh"): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(date);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year").padStart(4, "0")}-${get("month")}-${get("day")}`;
}

export type DateErrorCode = "empty" | "malformed" | "invalid_date";
export type ParseDateResult = { ok: true; value: string } | ParseError<DateErrorCode>;

/**
 * Parse a Vietnamese date "21/3/2023" or "21/03/2023" (also with "-" or "." as the one
 * separator) into "2023-03-21". An ISO "2023-03-21" is accepted as well. Day before month,
 * four-digit year; dates that do not exist (31/02/2023) are refused.
 */
export function parseVietnameseDate(input: string): ParseDateResult {
  const s = input.trim();
  if (s === "") return fail("empty", "Chưa nhập ngày.", "No date was entered.");
  let y: number, m: number, d: number;
  const iso = ISO_DATE.exec(s);
  const vi = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (vi) {
    [d, m, y] = [Number(vi[1]), Number(vi[3]), Number(vi[4])];
  } else {
    return fail(
      "malformed",
      `Sai định dạng ngày “${s}”: hãy nhập theo dạng ngày/tháng/năm, ví dụ 21/03/2023.`,
      `Malformed date "${s}": use day/month/year, e.g. 21/03/2023.`,
    );
  }
  if (!isValidYmd(y, m, d)) {
    return fail(
      "invalid_date",
      `Ngày “${s}” không tồn tại.`,
      `The date "${s}" does not exist.`,
    );
  }
  return { ok: true, value: `${pad4(y)}-${pad2(m)}-${pad2(d)}` };
}
