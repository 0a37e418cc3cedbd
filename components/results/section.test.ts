import { describe, expect, it } from "vitest";
import { reportedResultsSection } from "./section";

describe("reportedResultsSection", () => {
  it("shows the table of figures reported without a target (Bạc Liêu 2024)", () => {
    expect(reportedResultsSection(10, 0)).toBe("table");
    expect(reportedResultsSection(10, 3)).toBe("table");
  });
  it("leaves the section out when results exist only on targets (no empty heading)", () => {
    expect(reportedResultsSection(0, 2)).toBe("hidden");
  });
  it("says there are no results when nothing is reported", () => {
    expect(reportedResultsSection(0, 0)).toBe("empty");
  });
});
