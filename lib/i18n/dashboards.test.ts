import { describe, expect, it } from "vitest";
import { LOCALES } from "./locale";
import { messages } from "./messages";

describe("dashboardsMessages", () => {
  // Keys, kinds and empty texts of every area are checked by messages.test.ts.
  it.each(LOCALES)("builds non-empty strings with parameters in %s", (locale) => {
    const d = messages(locale).dashboards;
    for (const s of [d.requiredAndAchieved("Tỷ lệ hộ nghèo"), d.statusCaption(12), d.statusCaption(0), d.trendName("Số hộ nghèo", "hộ")]) {
      expect(typeof s).toBe("string");
      expect(s.trim()).not.toBe("");
    }
  });

  it("keeps the parameters in the text", () => {
    expect(messages("vi").dashboards.requiredAndAchieved("A")).toBe("Yêu cầu và đã đạt: A");
    expect(messages("en").dashboards.requiredAndAchieved("A")).toBe("Required and achieved: A");
    expect(messages("vi").dashboards.statusCaption(3)).toBe("Chỉ tiêu theo trạng thái (3 chỉ tiêu)");
    expect(messages("en").dashboards.statusCaption(3)).toBe("Targets by status (3 targets)");
    expect(messages("vi").dashboards.trendName("X", "hộ")).toBe("X (hộ) theo năm");
    expect(messages("en").dashboards.trendName("X", "households")).toBe("X (households) by year");
  });
});
