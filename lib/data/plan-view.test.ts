import { describe, expect, it } from "vitest";
import type { Progress } from "../domain/progress";
import { PLAN_PAGE_TARGETS, PLAN_ROWS_MAX, PLAN_UNITS_PAGE, orderedRows, planView } from "./plan-view";
import type { TTargetRow } from "./plans";

const unit = (key: string) => ({ id: `unit-${key}`, key, code: key, name: `Đơn vị ${key}`, nameEn: null, shortName: key, level: "COMMUNE" }) as unknown as TTargetRow["unit"];
const target = (id: string, unitKey: string, parentId: string | null = null) => ({ id, parentId, unit: unit(unitKey) }) as unknown as TTargetRow;
const status = (targets: TTargetRow[], s: Progress["status"]) => new Map(targets.map((t) => [t.id, { status: s } as Progress]));

describe("a plan's targets on its page", () => {
  it("reads each target followed by its sub-targets, whatever their order in the plan", () => {
    const rows = orderedRows([target("a", "1"), target("b", "1"), target("a1", "1", "a"), target("a1x", "1", "a1")]);
    expect(rows.map((r) => `${r.t.id}:${r.depth}`)).toEqual(["a:0", "a1:1", "a1x:2", "b:0"]);
  });

  it(`shows every target of a plan with up to ${PLAN_ROWS_MAX}`, () => {
    const ts = Array.from({ length: PLAN_ROWS_MAX }, (_, i) => target(`t${i}`, String(i % 3)));
    expect(planView(ts, status(ts, "met"), { issuerUnitId: "unit-0" })).toMatchObject({ kind: "all" });
  });

  it("shows a larger plan one unit at a time, the issuer's first, with every unit's count and statuses; every target is one link away", () => {
    // A province (P) with 5 targets, one with a sub-target, and 20 communes with 4 targets each.
    const ts = [
      ...Array.from({ length: 5 }, (_, i) => target(`p${i}`, "P")),
      target("p0-sub", "P", "p0"),
      ...Array.from({ length: 20 }, (_, c) => Array.from({ length: 4 }, (_, k) => target(`c${c}-${k}`, `C${String(c).padStart(2, "0")}`))).flat(),
    ];
    const progress = status(ts, "no_data");
    progress.set("c3-0", { status: "met" } as Progress);
    const view = planView(ts, progress, { issuerUnitId: "unit-P" });
    if (view.kind !== "by-unit") throw new Error("expected by unit");
    expect(view.unit.key).toBe("P");
    expect(view.chosen).toBe(false);
    expect(view.rows.map((r) => r.t.id)).toEqual(["p0", "p0-sub", "p1", "p2", "p3", "p4"]);
    expect(view.total).toBe(86);
    expect(view.units).toHaveLength(21);
    expect(view.units.map((u) => u.unit.key).slice(0, 2)).toEqual(["C00", "C01"]);
    expect(view.units.find((u) => u.unit.key === "P")).toMatchObject({ targets: 6 });
    expect(view.units.find((u) => u.unit.key === "C03")!.counts).toMatchObject({ met: 1, no_data: 3 });
    expect(view.units.reduce((n, u) => n + u.targets, 0)).toBe(ts.length);

    const c03 = planView(ts, progress, { issuerUnitId: "unit-P", unitKey: "C03" });
    expect(c03).toMatchObject({ kind: "by-unit", chosen: true, page: 1, pageCount: 1 });
    expect(c03.rows.map((r) => r.t.id)).toEqual(["c3-0", "c3-1", "c3-2", "c3-3"]);
    // An unknown unit or page: the first view, not an error.
    expect(planView(ts, progress, { issuerUnitId: "unit-P", unitKey: "nope", page: 99 })).toMatchObject({ chosen: false, page: 1, unit: { key: "P" } });
  });

  it(`pages one unit's targets ${PLAN_PAGE_TARGETS} top-level targets at a time, keeping sub-targets with theirs`, () => {
    const ts = Array.from({ length: PLAN_PAGE_TARGETS + 30 }, (_, i) => target(`t${i}`, "P"));
    ts.push(target(`t${PLAN_PAGE_TARGETS}-sub`, "P", `t${PLAN_PAGE_TARGETS}`));
    const first = planView(ts, status(ts, "met"), { issuerUnitId: "unit-P" });
    const second = planView(ts, status(ts, "met"), { issuerUnitId: "unit-P", page: 2 });
    expect(first).toMatchObject({ kind: "by-unit", page: 1, pageCount: 2 });
    expect(first.rows).toHaveLength(PLAN_PAGE_TARGETS);
    expect(second.rows.map((r) => r.t.id).slice(0, 2)).toEqual([`t${PLAN_PAGE_TARGETS}`, `t${PLAN_PAGE_TARGETS}-sub`]);
    expect(first.rows.length + second.rows.length).toBe(ts.length);
  });

  it(`pages the table of units ${PLAN_UNITS_PAGE} rows at a time, opening on the page of the unit shown`, () => {
    // A province and 120 communes with 2 targets each: three pages of units.
    const ts = [target("p0", "P"), ...Array.from({ length: 120 }, (_, c) => [0, 1].map((k) => target(`c${c}-${k}`, `C${String(c).padStart(3, "0")}`))).flat()];
    const progress = status(ts, "met");
    const issuer = planView(ts, progress, { issuerUnitId: "unit-P" });
    if (issuer.kind !== "by-unit") throw new Error("expected by unit");
    expect(issuer.unitsPageCount).toBe(3);
    // "P" sorts after every "C…": its row is on the last page, which opens.
    expect(issuer).toMatchObject({ unitsPage: 3 });
    expect(issuer.unitRows.map((u) => u.unit.key)).toContain("P");
    const c060 = planView(ts, progress, { issuerUnitId: "unit-P", unitKey: "C060" });
    expect(c060).toMatchObject({ unitsPage: 2 });
    expect(c060.kind === "by-unit" && c060.unitRows[0]!.unit.key).toBe("C050");
    // Asked for: that page; out of range: the unit's own page.
    expect(planView(ts, progress, { issuerUnitId: "unit-P", unitKey: "C060", unitsPage: 1 })).toMatchObject({ unitsPage: 1 });
    expect(planView(ts, progress, { issuerUnitId: "unit-P", unitKey: "C060", unitsPage: 9 })).toMatchObject({ unitsPage: 2 });
    // Every unit is on exactly one page.
    const all = [1, 2, 3].flatMap((p) => {
      const v = planView(ts, progress, { issuerUnitId: "unit-P", unitsPage: p });
      return v.kind === "by-unit" ? v.unitRows.map((u) => u.unit.key) : [];
    });
    expect(new Set(all).size).toBe(121);
    expect(all).toHaveLength(121);
  });
});
