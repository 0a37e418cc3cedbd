// The answer of POST /api/v1/targets/parse maps the reader's codes onto the catalogue, and never
// passes a code the catalogue does not hold as if it were known (a sub-group is never shown as the
// whole unit: an unknown group is null, not "all").
import { describe, expect, it } from "vitest";
import type { ReadTarget } from "../domain/plan-text/types";
import { toParseAnswer } from "./parse-targets";

const read: ReadTarget = {
  kind: "DECREASE_BY",
  indicatorCode: "poor-rate",
  groupCode: "khmer",
  lower: 3,
  upper: 3.5,
  strict: false,
  approximate: false,
  annual: false,
  baseline: null,
  periodStart: 2023,
  periodEnd: 2023,
  equivalentValue: null,
  equivalentUnit: null,
  measureWord: "%",
  parentIndex: 0,
  sentence: "Giảm tỷ lệ hộ nghèo 2 – 2,5%, trong đó giảm tỷ lệ hộ nghèo người dân tộc Khmer đạt từ 3 – 3,5 %.",
  statement: "trong đó giảm tỷ lệ hộ nghèo người dân tộc Khmer đạt từ 3 – 3,5 %",
};

const catalogue = {
  indicators: [{ code: "poor-rate", name: "Tỷ lệ hộ nghèo", measureUnit: "%" }],
  groups: [
    { code: "all", name: "Toàn bộ", nameEn: "Whole population" },
    { code: "khmer", name: "Hộ dân tộc Khmer", nameEn: "Khmer households" },
  ],
};

describe("toParseAnswer", () => {
  it("gives the Target shape without ids, the catalogue's names, the kind in lower case", () => {
    const { data, notUnderstood } = toParseAnswer({ targets: [read], notUnderstood: [{ reason: "number_unclear", sentence: "2.400.5 lao động.", statement: "2.400.5 lao động" }] }, catalogue);
    expect(data).toEqual([
      {
        indicator: { code: "poor-rate", name: "Tỷ lệ hộ nghèo", unit: "%" },
        group: { code: "khmer", name: "Hộ dân tộc Khmer", nameEn: "Khmer households" },
        kind: "decrease_by",
        lower: 3,
        upper: 3.5,
        strict: false,
        approximate: false,
        annual: false,
        baseline: null,
        unit: null,
        periodStart: 2023,
        periodEnd: 2023,
        parentId: null,
        equivalent: null,
        statement: read.statement,
        measure: read.measureWord,
        sentence: read.sentence,
        parentIndex: 0,
      },
    ]);
    expect(notUnderstood).toEqual([{ reason: "number_unclear", sentence: "2.400.5 lao động.", statement: "2.400.5 lao động" }]);
  });

  it("names no indicator or group the catalogue does not hold", () => {
    const { data } = toParseAnswer({ targets: [{ ...read, indicatorCode: "not-in-catalogue", groupCode: "not-in-catalogue" }], notUnderstood: [] }, catalogue);
    expect(data[0]).toMatchObject({ indicator: null, group: null });
    expect(toParseAnswer({ targets: [{ ...read, indicatorCode: null }], notUnderstood: [] }, catalogue).data[0]!.indicator).toBeNull();
  });
});
