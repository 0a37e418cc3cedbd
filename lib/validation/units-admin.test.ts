import { describe, expect, it } from "vitest";
import { ZRegistryDate } from "./units-admin";

describe("a registry date as people type it", () => {
  it.each([
    ["01/07/2025", "2025-07-01"],
    [" 1/7/2025 ", "2025-07-01"],
    ["2025-07-01", "2025-07-01"],
  ])("%j → %s", (typed, iso) => {
    expect(ZRegistryDate.parse(typed)).toBe(iso);
  });

  it.each(["31/02/2025", "07/31/2025", "2025/07/01", "hôm nay", ""])("%j is refused with a message in both languages", (typed) => {
    const r = ZRegistryDate.safeParse(typed);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(" / ");
  });
});
