// What lib/domain/numbers.ts says to the reader: a refused number's message in their
// language, and an instant as "dd/mm/yyyy HH:mm" in Vietnam's time zone.
import { describe, expect, it } from "vitest";
import { formatDateTime, numberErrorText, parseErrorText, parseVietnameseNumber } from "./numbers";

describe("numberErrorText", () => {
  it("gives the parser's message in the reader's language, null for a number", () => {
    const parsed = parseVietnameseNumber("12abc");
    if (parsed.ok) throw new Error("12abc parsed");
    expect(numberErrorText("12abc", "vi")).toBe(parsed.error);
    expect(numberErrorText("12abc", "en")).toBe(parseErrorText(parsed, "en"));
    expect(parseErrorText(parsed, "en")).toBe(parsed.errorEn);
    expect(numberErrorText("2.400", "en")).toBeNull();
  });

  it("reads with the measure it is given: “18,000” is ambiguous for a count only", () => {
    const count = { measure: { measure: "COUNT" as const, measureUnit: "người" } };
    expect(numberErrorText("18,000", "en", count)).toMatch(/^"18,000" is ambiguous/);
    expect(numberErrorText("18,000", "en")).toBeNull();
  });
});

describe("formatDateTime", () => {
  it("writes an instant in Vietnam's time zone (UTC+7)", () => {
    expect(formatDateTime(new Date("2024-01-31T18:05:00Z"))).toBe("01/02/2024 01:05");
    expect(formatDateTime("2024-06-01T00:00:00.000Z")).toBe("01/06/2024 07:00");
  });

  it("says “—” (or what it is told) for a missing or invalid instant", () => {
    expect(formatDateTime(null)).toBe("—");
    expect(formatDateTime(undefined, "chưa dùng")).toBe("chưa dùng");
    expect(formatDateTime("not a date")).toBe("—");
  });
});
