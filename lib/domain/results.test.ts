import { describe, expect, it } from "vitest";
import {
  baselineProblem,
  checkReason,
  childProblem,
  conflictProblem,
  factorBaselineProblem,
  figureProblem,
  isEditableStatus,
  isResultStatus,
  kindOf,
  lastEndedYear,
  matchesCellFilter,
  lostLockProblem,
  parentProblem,
  periodProblem,
  transitionProblem,
  unitsProblem,
  type TCurrentResult,
} from "./results";

const count = { measure: "COUNT" as const, measureUnit: "người" };
const rate = { measure: "RATE" as const, measureUnit: "%" };
const amount = { measure: "AMOUNT" as const, measureUnit: "triệu đồng" };

const stored = (over: Partial<TCurrentResult> = {}): TCurrentResult => ({
  id: "r1",
  value: 2500,
  baseline: null,
  version: 2,
  status: "DRAFT",
  enteredBy: { id: "u1", name: "Cán bộ" },
  updatedAt: "2024-01-02T03:04:05.000Z",
  ...over,
});

describe("the kind of a refused batch", () => {
  it("is its worst row's: forbidden, then not found, invalid, conflict", () => {
    expect(kindOf([{ code: "version_conflict" }, { code: "out_of_range" }, { code: "forbidden_publish" }])).toBe("forbidden");
    expect(kindOf([{ code: "locked" }, { code: "not_found" }, { code: "negative" }])).toBe("not_found");
    expect(kindOf([{ code: "locked" }, { code: "duplicate_row" }])).toBe("invalid");
    expect(kindOf([{ code: "version_required" }])).toBe("conflict");
    expect(kindOf([])).toBe("invalid");
  });
});

describe("a row on its own", () => {
  it("keeps the year in the target's period, and the unit existing that year", () => {
    const period = { periodStart: 2021, periodEnd: 2025 };
    expect(periodProblem(2020, period, { name: "Huyện A", existed: true })).toEqual({
      field: "year",
      code: "year_out_of_period",
      params: { year: 2020, periodStart: 2021, periodEnd: 2025 },
    });
    expect(periodProblem(2020, period, { name: "Huyện A", existed: false })?.code).toBe("year_out_of_period");
    expect(periodProblem(2023, period, { name: "Huyện A", existed: false })).toEqual({ field: "unitCode", code: "unit_not_valid", params: { unitName: "Huyện A", year: 2023 } });
    expect(periodProblem(2023, period, { name: "Huyện A", existed: true })).toBeNull();
  });

  it("keeps a rate within 0–100, a count whole, and nothing negative", () => {
    expect(figureProblem(rate, 100.5, "value")).toEqual({ field: "value", code: "out_of_range", params: { what: "value", value: 100.5 } });
    expect(figureProblem(rate, -1, "baseline")).toEqual({ field: "baseline", code: "out_of_range", params: { what: "baseline", value: -1 } });
    expect(figureProblem(rate, 18.66, "value")).toBeNull();
    expect(figureProblem(count, 12.5, "value")).toEqual({ field: "value", code: "not_whole", params: { what: "value", value: 12.5, measureUnit: "người" } });
    expect(figureProblem(count, -3, "value")?.code).toBe("negative");
    expect(figureProblem(amount, 2314.5, "value")).toBeNull();
    // A count measured in percent is a rate.
    expect(figureProblem({ measure: "COUNT", measureUnit: "%" }, 12.5, "value")).toBeNull();
  });

  it("asks a decrease, an average decrease and a factor for a baseline from somewhere", () => {
    expect(baselineProblem("DECREASE_BY", [undefined, null])).toEqual({ field: "baseline", code: "baseline_required", params: { kind: "DECREASE_BY" } });
    expect(baselineProblem("DECREASE_BY", [null, 12.4])).toBeNull();
    expect(baselineProblem("AVERAGE_DECREASE", [undefined, null])).toEqual({ field: "baseline", code: "baseline_required", params: { kind: "AVERAGE_DECREASE" } });
    expect(baselineProblem("INCREASE_FACTOR", [null, null])).toEqual({ field: "baseline", code: "baseline_required", params: { kind: "INCREASE_FACTOR" } });
    expect(baselineProblem("INCREASE_FACTOR", [18.5, null])).toBeNull();
    expect(baselineProblem("AT_LEAST", [null, null])).toBeNull();
    // A share of units takes its number of units from the target, not from results.
    expect(baselineProblem("SHARE_OF_UNITS", [null, null])).toBeNull();
  });

  it("keeps a factor's baseline above 0", () => {
    expect(factorBaselineProblem("INCREASE_FACTOR", 0)).toEqual({ field: "baseline", code: "baseline_not_positive", params: { what: "baseline", value: 0 } });
    expect(factorBaselineProblem("INCREASE_FACTOR", 0.5)).toBeNull();
    expect(factorBaselineProblem("INCREASE_FACTOR", null)).toBeNull();
    expect(factorBaselineProblem("DECREASE_BY", 0)).toBeNull();
  });

  it("keeps a share of units' result a whole number of units, at most the target's number", () => {
    expect(unitsProblem("SHARE_OF_UNITS", 2.5, 7, "đơn vị")).toEqual({ field: "value", code: "not_whole", params: { what: "value", value: 2.5, measureUnit: "đơn vị" } });
    expect(unitsProblem("SHARE_OF_UNITS", 8, 7, "đơn vị")).toEqual({ field: "value", code: "exceeds_units", params: { value: 8, units: 7 } });
    expect(unitsProblem("SHARE_OF_UNITS", 7, 7, "đơn vị")).toBeNull();
    expect(unitsProblem("SHARE_OF_UNITS", 12, null, "đơn vị")).toBeNull();
    expect(unitsProblem("COUNT", 2.5, 7, "đơn vị")).toBeNull();
  });

  it("keeps a sub-target's count within its parent's, and a parent's above its children's", () => {
    const parent = { statement: "Giải quyết việc làm", indicator: count };
    expect(parentProblem(150, parent, 100)).toEqual({ field: "value", code: "exceeds_parent", params: { value: 150, parentValue: 100, parentStatement: "Giải quyết việc làm" } });
    expect(parentProblem(100, parent, 100)).toBeNull();
    expect(parentProblem(150, parent, null)).toBeNull();
    expect(childProblem(20, parent, 25)).toEqual({ field: "value", code: "below_child", params: { value: 20, childValue: 25, childStatement: "Giải quyết việc làm" } });
    expect(childProblem(25, parent, 25)).toBeNull();
    expect(childProblem(20, parent, undefined)).toBeNull();
  });
});

describe("a row against what is stored", () => {
  it("locks approved results and asks updates for the current version", () => {
    const published = stored({ status: "PUBLISHED", version: 1 });
    expect(conflictProblem(1, published)).toEqual({ code: "locked", params: { value: 2500, version: 1, who: "Cán bộ" }, current: published });
    expect(conflictProblem(undefined, stored())).toMatchObject({ field: "version", code: "version_required", params: { value: 2500, version: 2, who: "Cán bộ" } });
    expect(conflictProblem(1, stored({ enteredBy: null }))).toMatchObject({ field: "version", code: "version_conflict", params: { version: 2, who: null, yourVersion: 1 } });
    expect(conflictProblem(2, stored())).toBeNull();
    expect(lostLockProblem(null)).toEqual({ code: "version_conflict" });
  });

  it("lets a status change start only from its statuses, with the version seen", () => {
    expect(transitionProblem("submit", stored())).toBeNull();
    expect(transitionProblem("submit", stored({ status: "SUBMITTED" }))).toMatchObject({ code: "invalid_status", params: { status: "SUBMITTED" } });
    expect(transitionProblem("submit", stored({ status: "PUBLISHED" }))).toMatchObject({ code: "locked" });
    expect(transitionProblem("publish", stored({ status: "SUBMITTED" }))).toBeNull();
    expect(transitionProblem("publish", stored({ status: "PUBLISHED" }))).toMatchObject({ code: "invalid_status" });
    expect(transitionProblem("reopen", stored({ status: "PUBLISHED" }), 2)).toBeNull();
    expect(transitionProblem("reopen", stored({ status: "PUBLISHED" }), 7)).toMatchObject({ field: "version", code: "version_conflict", params: { yourVersion: 7 } });
    expect(transitionProblem("reopen", stored())).toMatchObject({ code: "invalid_status" });
  });

  it("knows the statuses", () => {
    expect(["DRAFT", "SUBMITTED", "PUBLISHED", "draft", null].map(isResultStatus)).toEqual([true, true, true, false, false]);
  });
});

describe("returning a value to its author", () => {
  it("returns only a submitted value, which its author may then edit and submit again", () => {
    expect(transitionProblem("return", stored({ status: "SUBMITTED" }))).toBeNull();
    expect(transitionProblem("return", stored({ status: "DRAFT" }))).toMatchObject({ code: "invalid_status", params: { status: "DRAFT" } });
    expect(transitionProblem("return", stored({ status: "PUBLISHED" }))).toMatchObject({ code: "locked" });
    expect(transitionProblem("return", stored({ status: "SUBMITTED" }), 1)).toMatchObject({ code: "version_conflict" });
    expect(transitionProblem("submit", stored({ status: "RETURNED" }))).toBeNull();
    expect(transitionProblem("publish", stored({ status: "RETURNED" }))).toBeNull();
    expect(conflictProblem(2, stored({ status: "RETURNED" }))).toBeNull();
    expect([null, "DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"].map((s) => isEditableStatus(s as never))).toEqual([true, true, true, true, false]);
  });

  it("needs a reason of 5 to 2000 characters, without control characters", () => {
    expect(checkReason("  Số liệu chưa khớp báo cáo \r\n quý IV ", "return")).toEqual({ ok: true, reason: "Số liệu chưa khớp báo cáo \n quý IV" });
    expect(checkReason("", "return")).toMatchObject({ ok: false, problem: { field: "reason", code: "reason_required" } });
    expect(checkReason(undefined, "return")).toMatchObject({ ok: false, problem: { code: "reason_required" } });
    expect(checkReason(" abcd ", "return")).toMatchObject({ ok: false, problem: { code: "reason_too_short", params: { min: 5, length: 4, change: "return" } } });
    expect(checkReason("x".repeat(2001), "return")).toMatchObject({ ok: false, problem: { code: "reason_too_long", params: { max: 2000, length: 2001 } } });
    expect(checkReason("abc\u0007def", "return")).toMatchObject({ ok: false, problem: { code: "reason_invalid" } });
    expect(kindOf([{ code: "reason_too_short" }])).toBe("invalid");
  });
});

describe("the officers' working day", () => {
  it("filters cells by where they stand", () => {
    const statuses = [null, "DRAFT", "SUBMITTED", "RETURNED", "PUBLISHED"] as const;
    const pick = (f: Parameters<typeof matchesCellFilter>[0]) => statuses.filter((s) => matchesCellFilter(f, s));
    expect(pick("all")).toEqual(statuses);
    expect(pick("todo")).toEqual([null, "DRAFT"]);
    expect(pick("none")).toEqual([null]);
    expect(pick("returned")).toEqual(["RETURNED"]);
    expect(pick("submitted")).toEqual(["SUBMITTED"]);
    expect(pick("published")).toEqual(["PUBLISHED"]);
  });

  it("says which years are due: those that have ended", () => {
    expect(lastEndedYear("2026-11-30")).toBe(2025);
    expect(lastEndedYear("2026-01-01")).toBe(2025);
    expect(lastEndedYear("2025-12-31")).toBe(2024);
  });
});
