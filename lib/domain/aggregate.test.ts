import { describe, expect, it } from "vitest";
import { addFigures, isAdditive, type Figure } from "./aggregate";

const VN = "unit-vn";
const BL = "unit-95";
const fig = (over: Partial<Figure>): Figure => ({
  unitId: BL,
  unitPath: [BL, VN],
  indicator: "jobs",
  measure: "COUNT",
  group: "all",
  year: 2023,
  value: 1,
  qualifier: "EXACT",
  ...over,
});

describe("addFigures: the one rule for totals", () => {
  it("never adds two figures of one unit and year (Bạc Liêu: 'hơn 1.000 lượt hộ' and 'hơn 400 hộ' are not 1.400)", () => {
    // Even with the same indicator and group: two targets' figures may count the same households.
    const r = addFigures([fig({ value: 1000, qualifier: "OVER" }), fig({ value: 400, qualifier: "OVER" })]);
    expect(r).toEqual({ ok: false, reason: "same_unit_twice", unitIds: [BL] });
  });

  it("never adds figures of different indicators (measures), groups or years", () => {
    const hd = "unit-961";
    expect(addFigures([fig({}), fig({ unitId: hd, unitPath: [hd, BL, VN], indicator: "model-households" })]).ok).toBe(false);
    expect(addFigures([fig({}), fig({ unitId: "unit-14", unitPath: ["unit-14", VN], group: "khmer" })])).toMatchObject({ reason: "not_commensurable" });
    expect(addFigures([fig({}), fig({ unitId: "unit-14", unitPath: ["unit-14", VN], year: 2024 })])).toMatchObject({ reason: "not_commensurable" });
  });

  it("never sums rates", () => {
    expect(addFigures([fig({ measure: "RATE" }), fig({ unitId: "unit-14", unitPath: ["unit-14", VN], measure: "RATE" })])).toEqual({
      ok: false,
      reason: "not_additive",
    });
    expect(isAdditive("RATE")).toBe(false);
    expect(isAdditive("AMOUNT")).toBe(true);
  });

  it("never adds a unit and a unit inside it", () => {
    const hb = "unit-961";
    const r = addFigures([fig({ value: 30 }), fig({ unitId: hb, unitPath: [hb, BL, VN], value: 5 })]);
    expect(r).toEqual({ ok: false, reason: "overlapping_units", unitIds: [hb] });
  });

  it("adds sibling units' figures, says how many reported and that it is computed", () => {
    const a = "unit-956";
    const b = "unit-957";
    const r = addFigures([fig({ unitId: a, unitPath: [a, BL, VN], value: 0.1 }), fig({ unitId: b, unitPath: [b, BL, VN], value: 0.2 })]);
    expect(r).toEqual({ ok: true, value: 0.3, qualifier: "EXACT", reported: 2, computed: true });
  });

  it("carries 'hơn' and 'khoảng' into the total (approximate wins)", () => {
    const a = "unit-956";
    const b = "unit-957";
    const parts = [fig({ unitId: a, unitPath: [a, BL, VN], value: 400, qualifier: "OVER" }), fig({ unitId: b, unitPath: [b, BL, VN], value: 30 })];
    expect(addFigures(parts)).toMatchObject({ ok: true, value: 430, qualifier: "OVER" });
    expect(addFigures([...parts, fig({ unitId: "unit-961", unitPath: ["unit-961", BL, VN], qualifier: "ABOUT" })])).toMatchObject({ qualifier: "ABOUT" });
  });

  it("has nothing to add for no figures", () => {
    expect(addFigures([])).toEqual({ ok: false, reason: "empty" });
  });
});
