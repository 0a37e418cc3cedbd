// The results area's problem texts: every code the write path may refuse with has a text in
// both languages, and the texts that come from elsewhere (a schema's message, the number
// parser's) are said in the reader's language.
import { describe, expect, it } from "vitest";
import { parseVietnameseNumber } from "../../domain/numbers";
import { WRITE_ERROR_KIND } from "../../domain/results";
import { problemBilingual, problemText } from "../problems";

const unexpected = (locale: "vi" | "en") => problemText({ code: "unexpected" }, locale);

describe("results problem texts", () => {
  it("say every write error code in both languages", () => {
    for (const code of Object.keys(WRITE_ERROR_KIND)) {
      for (const locale of ["vi", "en"] as const) expect(problemText({ code, params: { message: "a / b" } }, locale), `${locale}:${code}`).not.toBe(unexpected(locale));
    }
  });

  it("say a number the parser refused with the parser's own message, for the measure it was read with", () => {
    const typed = { code: "invalid_number", params: { parserCode: "malformed_grouping", input: "2.40" } };
    const parsed = parseVietnameseNumber("2.40") as { error: string; errorEn: string };
    expect(problemText(typed, "vi")).toBe(parsed.error);
    expect(problemText(typed, "en")).toBe(parsed.errorEn);
    const count = { code: "invalid_number", params: { parserCode: "ambiguous", input: "18,000", measure: "COUNT", measureUnit: "người" } };
    expect(problemBilingual(count)).toMatch(/^“18,000” không rõ nghĩa: .* \/ "18,000" is ambiguous: /);
  });

  it("say a schema's message in the reader's language", () => {
    const p = { code: "required", params: { message: "Thiếu năm / year is required" } };
    expect(problemText(p, "vi")).toBe("Thiếu năm");
    expect(problemText(p, "en")).toBe("Year is required");
    expect(problemText({ code: "invalid" }, "en")).toBe("Invalid value");
  });

  it("format numbers for the reader and name who changed a result", () => {
    const conflict = { code: "version_conflict", params: { value: 2500, version: 2, who: null, yourVersion: 1 } };
    expect(problemText(conflict, "vi")).toBe("Kết quả đã được thay đổi: hiện là 2.500 (phiên bản 2, do không rõ nhập), bạn đang sửa phiên bản 1. Hãy tải lại rồi nhập lại");
    expect(problemText({ code: "version_conflict" }, "en")).toBe("The result was just changed by someone else; reload and try again");
    expect(problemText({ code: "out_of_range", params: { what: "baseline", value: 120.5 } }, "vi")).toBe("Giá trị gốc là tỷ lệ phần trăm nên phải từ 0 đến 100 (đã nhập 120,5)");
    expect(problemText({ code: "year_out_of_period", params: { year: 2020, periodStart: 2023, periodEnd: 2023 } }, "en")).toBe("The year is outside the target's period (2023)");
    expect(problemText({ code: "exceeds_parent", params: { value: 150, parentValue: 100, parentStatement: "x".repeat(80) } }, "vi")).toContain(`“${"x".repeat(57)}…”`);
  });

  it("say which baseline a target needs, by its kind", () => {
    expect(problemText({ code: "baseline_required", params: { kind: "DECREASE_BY" } }, "vi")).toBe("Chỉ tiêu giảm tỷ lệ cần giá trị gốc (tỷ lệ cuối năm trước) để tính mức giảm");
    expect(problemText({ code: "baseline_required", params: { kind: "INCREASE_FACTOR" } }, "vi")).toContain("giá trị tại mốc so sánh");
    expect(problemText({ code: "baseline_required", params: { kind: "AVERAGE_DECREASE" } }, "en")).toBe(
      "An average yearly decrease needs the baseline (the value at the end of the year before the period)",
    );
    expect(problemText({ code: "exceeds_units", params: { value: 8, units: 7 } }, "vi")).toBe("Số đơn vị đạt (8) không thể nhiều hơn tổng số đơn vị của chỉ tiêu (7)");
    expect(problemText({ code: "baseline_not_positive", params: { what: "baseline", value: 0 } }, "en")).toBe("The baseline of an increase by a factor must be greater than 0 (0 given)");
  });

  it("say the API's summary of a refused batch in both languages", () => {
    expect(problemBilingual({ code: "batch_invalid", params: { rows: 3 } })).toBe("3 dòng có lỗi; không dòng nào được lưu / 3 row(s) have errors; nothing was saved");
  });
});
