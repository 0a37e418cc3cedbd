import { describe, expect, it } from "vitest";
import { dashboardsDictionary } from "./dashboards";
import { LOCALES } from "./locale";

describe("dashboardsDictionary", () => {
  const { vi, en } = dashboardsDictionary;

  it("has the same keys, of the same kind, in both languages", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(typeof en[key], key).toBe(typeof vi[key]);
    }
  });

  it.each(LOCALES)("has no empty string in %s", (locale) => {
    for (const [key, value] of Object.entries(dashboardsDictionary[locale])) {
      if (typeof value === "string") expect(value.trim(), key).not.toBe("");
    }
  });

  it.each(LOCALES)("builds non-empty strings with parameters in %s", (locale) => {
    const d = dashboardsDictionary[locale];
    for (const s of [d.requiredAndAchieved("Tỷ lệ hộ nghèo"), d.statusCaption(12), d.statusCaption(0), d.trendName("Số hộ nghèo", "hộ")]) {
      expect(typeof s).toBe("string");
      expect(s.trim()).not.toBe("");
    }
  });

  it("keeps the parameters in the text", () => {
    expect(dashboardsDictionary.vi.requiredAndAchieved("A")).toBe("Yêu cầu và đã đạt: A");
    expect(dashboardsDictionary.en.requiredAndAchieved("A")).toBe("Required and achieved: A");
    expect(dashboardsDictionary.vi.statusCaption(3)).toBe("Chỉ tiêu theo trạng thái (3 chỉ tiêu)");
    expect(dashboardsDictionary.en.statusCaption(3)).toBe("Targets by status (3 targets)");
    expect(dashboardsDictionary.vi.trendName("X", "hộ")).toBe("X (hộ) theo năm");
    expect(dashboardsDictionary.en.trendName("X", "households")).toBe("X (households) by year");
  });
});
