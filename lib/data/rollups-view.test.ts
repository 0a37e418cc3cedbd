// What /compare shows of a comparison (docs/domain.md, "The comparison at national size"), over
// hand-built rows: no database. Every figure stays reachable: in the overview or on one page of
// its province's view.
import { describe, expect, it } from "vitest";
import { COMPARE_PAGE_ROWS, compareView, groupComparison, type TCompareRow, type TCompareTotal, type TCompareUnitRef } from "./rollups";

const ref = (code: string, name: string, level: TCompareUnitRef["level"], parentCode: string | null): TCompareUnitRef => ({
  key: code,
  code,
  name,
  shortName: name,
  nameEn: null,
  level,
  parentCode,
  validTo: null,
  successor: null,
});
const provinces = { "95": ref("95", "Bạc Liêu", "PROVINCE", "VN"), "94": ref("94", "Sóc Trăng", "PROVINCE", "VN"), "14": ref("14", "Sơn La", "PROVINCE", "VN") };
type TProvince = keyof typeof provinces;

const row = (province: TProvince, code: string | null, value: number, over: Partial<TCompareRow> = {}): TCompareRow => {
  const p = provinces[province];
  const unit = code === null ? p : ref(code, `Xã ${code}`, "COMMUNE", province);
  return { unit: { ...unit, provinceCode: p.code, province: p }, value, qualifier: "EXACT", label: null, unitFigures: 1, isDemo: false, ...over };
};

/** `n` communes of a province, numbered so that names and values sort alike. */
const communes = (province: TProvince, n: number) => Array.from({ length: n }, (_, i) => row(province, `${province}${String(i).padStart(4, "0")}`, i + 1));

const total: TCompareTotal = { provinceCode: "95", ok: true, value: 100, qualifier: "OVER", reported: 2, computed: true };

describe("compareView: the overview", () => {
  it("has one line per province with a figure: its own rows, how many figures its units have, and its computed total", () => {
    const rows = [row("95", null, 2314, { qualifier: "OVER" }), row("95", "956", 40), row("95", "957", 60, { qualifier: "OVER" }), ...communes("94", 3), row("14", null, 21500)];
    const view = compareView(groupComparison(rows, "name"), [total], {});
    if (view.kind !== "provinces") throw new Error("expected the overview");
    expect(view.missingProvince).toBeNull();
    expect(view.provinces.map((p) => [p.province.code, p.own.map((r) => r.value), p.children, p.total?.ok ?? null])).toEqual([
      ["95", [2314], 2, true],
      // Sóc Trăng has no figure of its own: it is listed for its communes'.
      ["94", [], 3, null],
      // By name in Vietnamese: "ơ" comes after "o".
      ["14", [21500], 0, null],
    ]);
  });

  it("stays one line per province whatever the number of communes (3.321 at national size)", () => {
    const rows = [...communes("95", 1500), ...communes("94", 1500), ...communes("14", 321), row("14", null, 5)];
    const view = compareView(groupComparison(rows, "-value"), [], {});
    if (view.kind !== "provinces") throw new Error("expected the overview");
    expect(view.provinces).toHaveLength(3);
    expect(view.provinces.reduce((n, p) => n + p.own.length + p.children, 0)).toBe(rows.length);
    // By value, a province without its own figure goes last.
    expect(view.provinces[0]!.province.code).toBe("14");
  });

  it("keeps a province's several own figures apart, never added", () => {
    const rows = [row("95", null, 1000, { unitFigures: 2 }), row("95", null, 400, { unitFigures: 2 })];
    const view = compareView(groupComparison(rows, "name"), [], {});
    if (view.kind !== "provinces") throw new Error("expected the overview");
    expect(view.provinces[0]!.own.map((r) => r.value)).toEqual([400, 1000]);
  });

  it("shows the overview, naming the code, for a province without figures in this comparison", () => {
    const view = compareView(groupComparison([row("95", null, 1)], "name"), [], { province: "01", page: 3 });
    expect(view).toMatchObject({ kind: "provinces", missingProvince: "01" });
  });
});

describe("compareView: one province", () => {
  it("lists the province's own rows, then its units, and the computed total after them", () => {
    const rows = [row("95", "957", 60, { qualifier: "OVER" }), row("95", null, 2314), row("95", "956", 40), row("94", null, 5000)];
    const view = compareView(groupComparison(rows, "name"), [total], { province: "95" });
    if (view.kind !== "province") throw new Error("expected a province");
    expect(view.province.code).toBe("95");
    expect(view.rows.map((r) => [r.row.unit.code, r.sub])).toEqual([
      ["95", false],
      ["956", true],
      ["957", true],
    ]);
    expect(view).toMatchObject({ noOwnFigure: false, figures: 3, page: 1, pageCount: 1, total });
  });

  it(`pages the units ${COMPARE_PAGE_ROWS} rows at a time, sorted within the province; the total ends the last page`, () => {
    const rows = [...communes("94", 250), row("95", null, 1)];
    const t94: TCompareTotal = { provinceCode: "94", ok: true, value: 31375, qualifier: "EXACT", reported: 250, computed: true };
    const at = (page: number | undefined, sort: "name" | "-value" = "name") => {
      const v = compareView(groupComparison(rows, sort), [total, t94], { province: "94", page });
      if (v.kind !== "province") throw new Error("expected a province");
      return v;
    };
    const p1 = at(undefined);
    expect(p1).toMatchObject({ page: 1, pageCount: 3, figures: 250, noOwnFigure: true, total: undefined });
    expect(p1.rows).toHaveLength(COMPARE_PAGE_ROWS);
    expect(p1.rows[0]!.row.value).toBe(1);
    const p2 = at(2);
    expect(p2).toMatchObject({ page: 2, noOwnFigure: false, total: undefined });
    expect(p2.rows[0]!.row.value).toBe(101);
    const p3 = at(3);
    expect(p3.rows.map((r) => r.row.value)).toEqual(Array.from({ length: 50 }, (_, i) => 201 + i));
    expect(p3.total).toBe(t94);
    // Past the last page: the last page.
    expect(at(99)).toMatchObject({ page: 3, total: t94 });
    // Largest first, within the province.
    expect(at(1, "-value").rows[0]!.row.value).toBe(250);
    // Every figure is on exactly one page.
    expect([p1, p2, p3].flatMap((p) => p.rows.map((r) => r.row.unit.code)).sort()).toEqual(rows.filter((r) => r.unit.provinceCode === "94").map((r) => r.unit.code).sort());
  });

  it("keeps the province's own rows on the first page, counted in its rows", () => {
    const rows = [row("95", null, 1000), ...communes("95", 100)];
    const view = compareView(groupComparison(rows, "name"), [], { province: "95", page: 2 });
    if (view.kind !== "province") throw new Error("expected a province");
    expect(view).toMatchObject({ page: 2, pageCount: 2, figures: 101, noOwnFigure: false });
    expect(view.rows.map((r) => r.row.value)).toEqual([100]);
  });
});

describe("groupComparison: sorting only what a page lists", () => {
  it("sorts the units below one province only when asked, and every province's by default", () => {
    const rows = [...communes("94", 4).reverse(), ...communes("95", 3).reverse()];
    const codes = (g: ReturnType<typeof groupComparison>, p: string) => g.find((x) => x.province.code === p)!.children.map((r) => r.unit.code);
    const all = groupComparison(rows, "name");
    expect(codes(all, "94")).toEqual(["940000", "940001", "940002", "940003"]);
    expect(codes(all, "95")).toEqual(["950000", "950001", "950002"]);
    const one = groupComparison(rows, "name", "95");
    expect(codes(one, "95")).toEqual(["950000", "950001", "950002"]);
    expect(codes(one, "94")).toEqual(["940003", "940002", "940001", "940000"]);
    const none = groupComparison(rows, "name", null);
    expect(codes(none, "95")).toEqual(["950002", "950001", "950000"]);
    // The counts the overview shows do not depend on it.
    expect(compareView(none, [], {})).toEqual(compareView(all, [], {}));
  });
});
