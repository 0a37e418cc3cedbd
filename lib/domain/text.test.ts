import { describe, expect, it } from "vitest";
import { matchesSearch, normalizeSearch } from "./text";

describe("normalizeSearch", () => {
  it.each<[string, string]>([
    ["Sóc Trăng", "soc trang"],
    ["SÓC TRĂNG", "soc trang"],
    ["soc trang", "soc trang"],
    ["  Sóc \t Trăng\n", "soc trang"],
    ["Đào tạo", "dao tao"],
    ["đường", "duong"],
    ["Bạc Liêu", "bac lieu"],
    ["Sơn La", "son la"],
    ["Cà Mau", "ca mau"],
    ["Kế hoạch 58/KH-UBND", "ke hoach 58/kh-ubnd"],
    ["Ưu tiên hộ nghèo", "uu tien ho ngheo"],
    ["", ""],
  ])("%j → %j", (input, out) => {
    expect(normalizeSearch(input)).toBe(out);
  });

  it("treats precomposed and decomposed Vietnamese alike", () => {
    const composed = "Trăng".normalize("NFC");
    const decomposed = "Trăng".normalize("NFD");
    expect(normalizeSearch(composed)).toBe(normalizeSearch(decomposed));
  });
});

describe("matchesSearch", () => {
  it("ignores case and diacritics", () => {
    expect(matchesSearch("UBND tỉnh Sóc Trăng", "soc trang")).toBe(true);
    expect(matchesSearch("UBND tỉnh Sóc Trăng", "SÓC TRĂNG")).toBe(true);
    expect(matchesSearch("Đào tạo nghề", "dao tao")).toBe(true);
  });
  it("needs every word", () => {
    expect(matchesSearch("huyện Châu Thành (Sóc Trăng)", "chau thanh soc")).toBe(true);
    expect(matchesSearch("huyện Châu Thành (Sóc Trăng)", "chau thanh son la")).toBe(false);
  });
  it("matches everything for an empty query", () => {
    expect(matchesSearch("Sơn La", "  ")).toBe(true);
  });
});
