import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatNumber,
  formatPercent,
  isIsoDate,
  isoDateInTimeZone,
  isWholeNumberMeasure,
  numberInWords,
  parseVietnameseDate,
  parseVietnameseNumber,
  parseVietnameseRange,
  type NumberErrorCode,
  type NumberMeasure,
} from "./numbers";

describe("parseVietnameseNumber: accepted", () => {
  it.each<[string, number, boolean]>([
    ["2.400", 2400, false],
    ["18,66", 18.66, false],
    ["25.000", 25000, false],
    ["1.234.567,5", 1234567.5, false],
    ["37", 37, false],
    ["-1,5", -1.5, false],
    ["\u22121,5", -1.5, false], // Unicode minus sign
    ["+3", 3, false],
    ["0,5", 0.5, false],
    ["  2.400  ", 2400, false],
    ["2 400", 2400, false],
    ["2\u00A0400", 2400, false], // no-break space
    ["2\u202F400,25", 2400.25, false], // narrow no-break space
    ["1 234 567", 1234567, false],
    ["1.234", 1234, false], // Vietnamese convention: a thousands group, not one point two three four
    ["1,234", 1.234, false],
    ["0", 0, false],
    ["-0", 0, false],
    ["18,66%", 18.66, true],
    ["100 %", 100, true],
    ["-2,5%", -2.5, true],
  ])("%j → %d", (input, value, percent) => {
    const r = parseVietnameseNumber(input);
    expect(r).toEqual({ ok: true, value, percent });
    if (r.ok) expect(Object.is(r.value, -0)).toBe(false);
  });
});

describe("parseVietnameseNumber: refused", () => {
  it.each<[string, NumberErrorCode]>([
    ["", "empty"],
    ["   ", "empty"],
    ["abc", "invalid_characters"],
    ["12a", "invalid_characters"],
    ["1e5", "invalid_characters"],
    ["2.40", "malformed_grouping"],
    ["1.2345", "malformed_grouping"],
    ["12.34.5", "malformed_grouping"],
    ["2.5", "malformed_grouping"],
    ["1.234.5", "malformed_grouping"],
    ["2 40", "malformed_grouping"],
    ["2  400", "malformed_grouping"],
    ["1.234 567", "malformed_grouping"],
    ["1,2,3", "multiple_decimal_marks"],
    ["1,234.5", "english_format"],
    ["1,234,567", "english_format"],
    ["0.500", "ambiguous"],
    ["2,", "malformed"],
    [",5", "malformed"],
    ["1,2 3", "malformed"],
    ["- 5", "malformed"],
    ["%", "malformed"],
    ["1234567890123456", "too_large"],
  ])("%j → %s", (input, code) => {
    const r = parseVietnameseNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.error.length).toBeGreaterThan(0);
      expect(r.errorEn.length).toBeGreaterThan(0);
    }
  });

  it("explains the dot and suggests the comma for 2.5", () => {
    const r = parseVietnameseNumber("2.5");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain("dấu chấm (.) phân cách hàng nghìn");
      expect(r.error).toContain("“2,5”");
      expect(r.errorEn).toContain('"2,5"');
    }
  });

  it("says Vietnamese uses a comma for decimals when given English format", () => {
    const r = parseVietnameseNumber("1,234.5");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toContain("dấu phẩy (,) đứng trước phần thập phân");
      expect(r.error).toContain("“1.234,5”");
    }
  });

  it("names the offending character", () => {
    const r = parseVietnameseNumber("12a");
    expect(!r.ok && r.error).toContain("“a”");
  });
});

describe("parseVietnameseNumber: a comma before exactly three digits, by measure", () => {
  const COUNT: NumberMeasure = { measure: "COUNT", measureUnit: "người" };
  const HOUSEHOLDS: NumberMeasure = { measure: "COUNT", measureUnit: "hộ" };
  const RATE: NumberMeasure = { measure: "RATE", measureUnit: "%" };
  const AMOUNT: NumberMeasure = { measure: "AMOUNT", measureUnit: "triệu đồng" };

  it("knows which measures are whole numbers", () => {
    expect(isWholeNumberMeasure(COUNT)).toBe(true);
    expect(isWholeNumberMeasure(HOUSEHOLDS)).toBe(true);
    expect(isWholeNumberMeasure(RATE)).toBe(false);
    expect(isWholeNumberMeasure(AMOUNT)).toBe(false);
    expect(isWholeNumberMeasure({ measure: "COUNT", measureUnit: " % " })).toBe(false); // a count in percent is a rate
    expect(isWholeNumberMeasure(null)).toBe(false);
  });

  it.each(["18,000", "20,000", "1,500", "18,250", "100,000", "+18,000", "18,000%"])("refuses %j for a count as ambiguous", (input) => {
    const r = parseVietnameseNumber(input, { measure: COUNT });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe("ambiguous");
  });

  it("names both readings of “18,000”, in figures and words, and what to type instead", () => {
    const r = parseVietnameseNumber("18,000", { measure: COUNT });
    expect(r).toEqual({
      ok: false,
      code: "ambiguous",
      error: "“18,000” không rõ nghĩa: theo cách viết Việt Nam là 18 (mười tám), theo cách viết tiếng Anh là 18.000 (mười tám nghìn). Hãy nhập 18.000 hoặc 18.",
      errorEn:
        '"18,000" is ambiguous: in Vietnamese format it is 18 (eighteen), in English format it is 18,000 (eighteen thousand). Enter 18.000 (Vietnamese format) for eighteen thousand, or 18.',
    });
  });

  it("says a count is whole when the Vietnamese reading is not (“1,500”)", () => {
    const r = parseVietnameseNumber("1,500", { measure: HOUSEHOLDS });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toContain("theo cách viết Việt Nam là 1,5 (một phẩy năm)");
    expect(r.error).toContain("theo cách viết tiếng Anh là 1.500 (một nghìn năm trăm)");
    expect(r.error).toContain("hãy nhập 1.500");
    expect(r.errorEn).toContain("in Vietnamese format it is 1,5 (one point five)");
    expect(r.errorEn).toContain("in English format it is 1,500 (one thousand five hundred)");
  });

  it.each<[string, number]>([
    ["2.400", 2400],
    ["2400", 2400],
    ["18.000", 18000],
    ["18", 18],
    ["18,5", 18.5], // not whole: refused later by the write path ("not_whole"), as before
    ["18,0001", 18.0001], // four decimals: not the pattern
    ["18,00", 18],
    ["0,500", 0.5], // "0,500" is no English grouping
    ["1234,000", 1234], // nor is a four-digit group before the comma
    ["1.234,000", 1234], // dots group thousands: consistently Vietnamese
  ])("reads %j for a count as %d", (input, value) => {
    expect(parseVietnameseNumber(input, { measure: COUNT })).toEqual({ ok: true, value, percent: false });
  });

  it.each<[string, NumberMeasure, number]>([
    ["18,000", RATE, 18],
    ["18,0", RATE, 18],
    ["18,00", RATE, 18],
    ["1,5", RATE, 1.5],
    ["1,500", RATE, 1.5],
    ["2.314,500", AMOUNT, 2314.5],
    ["18,000", AMOUNT, 18],
  ])("keeps the Vietnamese reading of %j for a rate or an amount", (input, measure, value) => {
    expect(parseVietnameseNumber(input, { measure })).toEqual({ ok: true, value, percent: false });
  });

  it("keeps the Vietnamese reading without a measure", () => {
    expect(parseVietnameseNumber("18,000")).toEqual({ ok: true, value: 18, percent: false });
  });

  it("applies to each side of a range", () => {
    const r = parseVietnameseRange("1,500 - 2.000", { measure: COUNT });
    expect(!r.ok && r.code).toBe("ambiguous");
    expect(parseVietnameseRange("1,500 - 2", { measure: RATE })).toEqual({ ok: true, lower: 1.5, upper: 2, percent: false });
  });

  it.each<[number, string, string]>([
    [0, "không", "zero"],
    [15, "mười lăm", "fifteen"],
    [21, "hai mươi mốt", "twenty-one"],
    [105, "một trăm linh năm", "one hundred five"],
    [1005, "một nghìn không trăm linh năm", "one thousand five"],
    [2400, "hai nghìn bốn trăm", "two thousand four hundred"],
    [18000, "mười tám nghìn", "eighteen thousand"],
    [18.66, "mười tám phẩy sáu sáu", "eighteen point six six"],
    [-1.5, "âm một phẩy năm", "minus one point five"],
  ])("numberInWords(%d)", (n, vi, en) => {
    expect(numberInWords(n, "vi")).toBe(vi);
    expect(numberInWords(n, "en")).toBe(en);
  });
});

describe("parseVietnameseRange", () => {
  it.each<[string, number, number, boolean]>([
    ["2–2,5", 2, 2.5, false],
    ["2 - 2,5", 2, 2.5, false],
    ["3 – 3,5", 3, 3.5, false],
    ["4 - 5", 4, 5, false],
    ["4—5", 4, 5, false],
    ["2%–3%", 2, 3, true],
    ["2 – 2,5%", 2, 2.5, true],
    ["2.400 - 2.500", 2400, 2500, false],
    ["-1 – 2", -1, 2, false],
    ["2–2", 2, 2, false],
  ])("%j → %d..%d", (input, lower, upper, percent) => {
    expect(parseVietnameseRange(input)).toEqual({ ok: true, lower, upper, percent });
  });

  it.each<[string, string]>([
    ["", "empty"],
    ["3", "not_a_range"],
    ["3 – 2", "range_order"],
    ["2.5 – 3", "malformed_grouping"],
    ["2 – abc", "invalid_characters"],
    ["1–2–3", "invalid_characters"],
    ["2 – 3,", "malformed"],
  ])("%j refused with %s", (input, code) => {
    const r = parseVietnameseRange(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it("says which side is wrong", () => {
    const r = parseVietnameseRange("2 – 3,5,1");
    expect(!r.ok && r.error).toMatch(/^Giá trị cuối: /);
  });

  it("accepts a single number when asked", () => {
    expect(parseVietnameseRange("3,5", { allowSingle: true })).toEqual({ ok: true, lower: 3.5, upper: 3.5, percent: false });
  });
});

describe("formatNumber / formatPercent (Node ICU, vi-VN)", () => {
  it("uses Node's full ICU for vi-VN", () => {
    expect(new Intl.NumberFormat("vi-VN").format(1234567.5)).toBe("1.234.567,5");
  });

  it.each<[number, string]>([
    [2400, "2.400"],
    [18.66, "18,66"],
    [25000, "25.000"],
    [1234567.5, "1.234.567,5"],
    [0.5, "0,5"],
    [-1.5, "-1,5"],
    [37, "37"],
    [0.12345, "0,1235"],
    [-0.00001, "0"],
  ])("%d → %s", (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it("takes fraction digit options", () => {
    expect(formatNumber(18.666, { maxFractionDigits: 1 })).toBe("18,7");
    expect(formatNumber(2, { minFractionDigits: 2 })).toBe("2,00");
  });

  it("formats English too", () => {
    expect(formatNumber(2400, { locale: "en" })).toBe("2,400");
    expect(formatNumber(18.66, { locale: "en" })).toBe("18.66");
  });

  it("shows a dash for no value", () => {
    expect(formatNumber(null)).toBe("—");
    expect(formatNumber(Number.NaN)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
  });

  it("formats percentages", () => {
    expect(formatPercent(18.66)).toBe("18,66%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(33.3333)).toBe("33,33%");
    expect(formatPercent(18.66, { locale: "en" })).toBe("18.66%");
  });

  it("round-trips through the parser", () => {
    for (const v of [2400, 18.66, 1234567.5, -1.5, 0.5]) {
      const r = parseVietnameseNumber(formatNumber(v));
      expect(r.ok && r.value).toBe(v);
    }
  });
});

describe("dates", () => {
  it.each<[Date | string, string]>([
    ["2023-03-21", "21/03/2023"],
    ["2024-02-29", "29/02/2024"],
    [new Date(Date.UTC(2023, 2, 21)), "21/03/2023"], // a date-only value stored as UTC midnight
    ["2022-08-02T00:00:00.000Z", "02/08/2022"],
    ["2023-02-31", "—"],
    ["not a date", "—"],
  ])("formatDate(%j) → %s", (input, text) => {
    expect(formatDate(input)).toBe(text);
  });

  it("formats a timestamp in a time zone when asked", () => {
    const t = new Date("2023-12-31T20:00:00Z"); // already 1 January 2024 in Vietnam
    expect(formatDate(t)).toBe("31/12/2023");
    expect(formatDate(t, { timeZone: "Asia/Ho_Chi_Minh" })).toBe("01/01/2024");
    expect(isoDateInTimeZone(t)).toBe("2024-01-01");
  });

  it.each<[string, string]>([
    ["21/3/2023", "2023-03-21"],
    ["21/03/2023", "2023-03-21"],
    ["2/8/2022", "2022-08-02"],
    ["29/02/2024", "2024-02-29"],
    ["10-7-2018", "2018-07-10"],
    ["3.8.2016", "2016-08-03"],
    [" 12/4/2024 ", "2024-04-12"],
    ["2023-03-21", "2023-03-21"],
  ])("parseVietnameseDate(%j) → %s", (input, iso) => {
    expect(parseVietnameseDate(input)).toEqual({ ok: true, value: iso });
  });

  it.each<[string, string]>([
    ["", "empty"],
    ["31/02/2023", "invalid_date"],
    ["29/02/2023", "invalid_date"],
    ["32/1/2023", "invalid_date"],
    ["1/13/2023", "invalid_date"],
    ["21/3/23", "malformed"],
    ["21/3-2023", "malformed"],
    ["3/21", "malformed"],
    ["hôm nay", "malformed"],
  ])("parseVietnameseDate(%j) refused: %s", (input, code) => {
    const r = parseVietnameseDate(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.error.length).toBeGreaterThan(0);
    }
  });

  it("checks ISO dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-3-1")).toBe(false);
  });
});
