import { describe, expect, it } from "vitest";
import { unitTree, validInYear } from "./unit-tree";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const units = [
  { id: "vn", parentId: null, level: "NATION" },
  { id: "92", parentId: "vn", level: "PROVINCE" },
  { id: "94", parentId: "vn", level: "PROVINCE", successorId: "92", validTo: d("2025-06-30") },
  { id: "942", parentId: "94", level: "DISTRICT", validTo: d("2025-06-30") },
  { id: "14", parentId: "vn", level: "PROVINCE" },
];

describe("unitTree", () => {
  const t = unitTree(units);

  it("is built once per list of units", () => {
    expect(unitTree(units)).toBe(t);
  });

  it("gives ancestors from the top down", () => {
    expect(t.ancestors("942").map((u) => u.id)).toEqual(["vn", "94"]);
    expect(t.ancestors("vn")).toEqual([]);
  });

  it("isWithin follows parents only: a district is within its province, a merged province is not within its successor", () => {
    expect(t.isWithin("942", "94")).toBe(true);
    expect(t.isWithin("94", "94")).toBe(true);
    expect(t.isWithin("94", "92")).toBe(false);
    expect(t.isWithin("942", "92")).toBe(false);
    expect(t.isWithin("942", "14")).toBe(false);
  });

  it("scope takes the unit, what lies below it and the units merged into it, with theirs", () => {
    expect([...t.scope("92")].sort()).toEqual(["92", "94", "942"]);
    expect([...t.scope("94")].sort()).toEqual(["94", "942"]);
    expect([...t.scope("14")]).toEqual(["14"]);
  });

  it("finds the province of a unit", () => {
    expect(t.provinceOf("942")?.id).toBe("94");
    expect(t.provinceOf("94")?.id).toBe("94");
    expect(t.provinceOf("vn")?.id).toBe("vn");
  });

  it("knows whether a unit existed in a year", () => {
    expect(validInYear(units[3]!, 2025)).toBe(true);
    expect(validInYear(units[3]!, 2026)).toBe(false);
    expect(validInYear(units[1]!, 1990)).toBe(true);
  });
});
