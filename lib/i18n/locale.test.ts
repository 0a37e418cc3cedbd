import { describe, expect, it } from "vitest";
import { inLocale } from "./locale";

describe("inLocale: the one split of a bilingual text", () => {
  it("takes the Vietnamese before the first ' / ' and the English after it", () => {
    expect(inLocale("Năm không hợp lệ / invalid year", "vi")).toBe("Năm không hợp lệ");
    expect(inLocale("Năm không hợp lệ / invalid year", "en")).toBe("Invalid year");
  });
  it("keeps an English half that itself contains ' / '", () => {
    expect(inLocale("A / B / C", "en")).toBe("B / C");
    expect(inLocale("A / B / C", "vi")).toBe("A");
  });
  it("returns a text without ' / ' as it is", () => {
    expect(inLocale("2.400/2.500", "en")).toBe("2.400/2.500");
  });
});
