import { describe, expect, it } from "vitest";
import { sourceCitation, type SourceFields } from "./citation";

const none: SourceFields = { sourcePublisher: null, sourceTitle: null, sourcePublishedOn: null, sourceNote: null, sourceUrl: null };

describe("sourceCitation", () => {
  it("cites publisher, title in quotes and the note (Sóc Trăng movement plan)", () => {
    const p = {
      ...none,
      sourcePublisher: "Cổng thông tin điện tử tỉnh Sóc Trăng",
      sourceTitle: "Ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Sóc Trăng chung tay vì người nghèo”",
      sourceNote: "Người viết: An Vy. Trang không ghi ngày đăng, số hiệu và ngày ban hành văn bản.",
    };
    expect(sourceCitation(p, "vi")).toEqual({
      text:
        "Cổng thông tin điện tử tỉnh Sóc Trăng, “Ban hành Kế hoạch tổ chức thực hiện Phong trào thi đua “Sóc Trăng chung tay vì người nghèo””. " +
        "Người viết: An Vy. Trang không ghi ngày đăng, số hiệu và ngày ban hành văn bản.",
      url: null,
    });
  });

  it("says when the page names no publisher, and gives the publication date dd/mm/yyyy (Bạc Liêu)", () => {
    const p = {
      ...none,
      sourceTitle: "BẠC LIÊU: HƯỚNG TỚI MỤC TIÊU GIẢM NGHÈO BỀN VỮNG",
      sourcePublishedOn: new Date("2024-04-12T00:00:00Z"),
      sourceNote: "Người viết: Kim Trung",
      sourceUrl: "https://example.gov.vn/tin/bac-lieu",
    };
    expect(sourceCitation(p, "vi")).toEqual({
      text: "Trang tin không ghi tên cơ quan đăng, “BẠC LIÊU: HƯỚNG TỚI MỤC TIÊU GIẢM NGHÈO BỀN VỮNG”, đăng ngày 12/04/2024. Người viết: Kim Trung.",
      url: "https://example.gov.vn/tin/bac-lieu",
    });
    // English connecting words; the Vietnamese title and note stay as the source gives them.
    expect(sourceCitation(p, "en")!.text).toBe(
      "Publisher not named on the page, “BẠC LIÊU: HƯỚNG TỚI MỤC TIÊU GIẢM NGHÈO BỀN VỮNG”, published on 12/04/2024. Người viết: Kim Trung.",
    );
  });

  it("with a publisher in English too", () => {
    const p = { ...none, sourcePublisher: "Cổng TTĐT huyện Châu Thành", sourceTitle: "Phát động phong trào", sourcePublishedOn: "2023-03-22" };
    expect(sourceCitation(p, "en")!.text).toBe("Cổng TTĐT huyện Châu Thành, “Phát động phong trào”, published on 22/03/2023.");
  });

  it("is null for a plan with no source field (no empty row), and a bare link when only the link is known", () => {
    expect(sourceCitation(none, "vi")).toBeNull();
    expect(sourceCitation({ ...none, sourceNote: "  ", sourceTitle: "" }, "vi")).toBeNull();
    expect(sourceCitation({ ...none, sourceUrl: "https://x.vn/a" }, "vi")).toEqual({ text: "", url: "https://x.vn/a" });
    expect(sourceCitation({ ...none, sourceNote: "Người viết: Yến Võ" }, "vi")).toEqual({ text: "Người viết: Yến Võ.", url: null });
  });
});
