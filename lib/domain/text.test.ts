import { describe, expect, it } from "vitest";
import { escapeLike, hasControlCharacters, matchesSearch, normalizeSearch, searchWordForms, withoutControlCharacters } from "./text";

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

describe("searchWordForms", () => {
  it("keeps each word, normalised, and adds its two-word splits when typed without a space", () => {
    const [soctrang] = searchWordForms("SócTrăng");
    expect(soctrang![0]).toBe("soctrang");
    expect(soctrang).toContain("soc trang");
    expect(soctrang).not.toContain("s octrang"); // each part has at least two letters
    expect(searchWordForms("vinh")).toEqual([["vinh"]]);
    expect(searchWordForms("sonla")[0]).toContain("son la");
  });

  it("escapes LIKE wildcards so they match themselves, and splits no code or short word", () => {
    expect(searchWordForms("50% a_b")).toEqual([["50\\%"], ["a\\_b"]]);
    expect(searchWordForms("58/kh-ubnd")).toEqual([["58/kh-ubnd"]]);
    expect(searchWordForms("xa")).toEqual([["xa"]]);
  });

  it("reads at most eight words", () => {
    expect(searchWordForms("a b c d e f g h i j")).toHaveLength(8);
  });
});

describe("control characters", () => {
  it("are found in any text, the line break allowed only in multi-line texts", () => {
    for (const c of ["\u0000", "\u0001", "\t", "\r", "\u001f", "\u007f"]) {
      expect(hasControlCharacters(`a${c}b`), JSON.stringify(c)).toBe(true);
      expect(hasControlCharacters(`a${c}b`, { lineBreaks: true }), JSON.stringify(c)).toBe(true);
    }
    expect(hasControlCharacters("a\nb")).toBe(true);
    expect(hasControlCharacters("a\nb", { lineBreaks: true })).toBe(false);
    expect(hasControlCharacters("Sóc Trăng – 2,5% “hộ nghèo”")).toBe(false);
  });
  it("read as spaces in a search, so NUL never reaches the database", () => {
    expect(withoutControlCharacters("a\u0000b\u007fc")).toBe("a b c");
    expect(normalizeSearch("Sóc\u0000Trăng\u0001")).toBe("soc trang");
    expect(searchWordForms("\u0000")).toEqual([]);
  });
  it("LIKE wildcards escaped to match themselves", () => {
    expect(escapeLike("50%_a\\b")).toBe("50\\%\\_a\\\\b");
  });
});
