/**
 * The reader's own rules (docs/plan-text.md): it reads back what the portal writes, never takes a
 * date, a code or a year for a figure, never guesses, and stays linear on hostile input.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GROUP, indicators, targets as seedTargets } from "../../../prisma/seed-data";
import { describeTarget, type TargetKind } from "../targets";
import { readPlanText } from "./read";

describe("reading back what the portal writes (describeTarget)", () => {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const groupNames: Record<string, string> = {
    [GROUP.khmer]: "Hộ dân tộc Khmer",
    [GROUP.ethnicMinority]: "Hộ dân tộc thiểu số",
    [GROUP.poorDistricts]: "Các huyện nghèo",
    [GROUP.ruralWorkers]: "Lao động nông thôn",
    [GROUP.poorNearPoor]: "Hộ nghèo, hộ cận nghèo",
    [GROUP.poorNearPoorEscaped]: "Hộ nghèo, hộ cận nghèo và hộ mới thoát nghèo",
  };
  // A share of the parent is written without its parent ("… của chỉ tiêu cha"): it is read from "trong đó" only.
  const numeric = seedTargets.filter((t) => t.kind !== "QUALITATIVE" && t.kind !== "SHARE_OF_PARENT");

  it.each(numeric.map((t) => [t.id, t]))("%s", (_id, t) => {
    const ind = byId.get(t.indicatorId!)!;
    const sentence = describeTarget({
      kind: t.kind as TargetKind,
      lower: t.lower === null || t.lower === undefined ? null : Number(t.lower),
      upper: t.upper === null || t.upper === undefined ? null : Number(t.upper),
      strict: t.strict ?? false,
      approximate: t.approximate ?? false,
      baseline: null,
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
      annual: t.annual ?? false,
      measureUnit: ind.measureUnit,
      indicatorName: ind.name,
      equivalentValue: t.equivalentValue === null || t.equivalentValue === undefined ? null : Number(t.equivalentValue),
      equivalentUnit: t.equivalentUnit ?? null,
      group: t.groupId && t.groupId !== GROUP.all ? groupNames[t.groupId] : null,
    });
    const reading = readPlanText(`Mục tiêu năm ${t.periodStart}:\n- ${sentence}.`);
    expect(reading.notUnderstood, sentence).toEqual([]);
    expect(reading.targets, sentence).toHaveLength(1);
    const r = reading.targets[0]!;
    expect(
      { kind: r.kind, indicator: r.indicatorCode, group: r.groupCode, lower: r.lower, upper: r.upper, strict: r.strict, approximate: r.approximate, annual: r.annual, eq: r.equivalentValue },
      sentence,
    ).toEqual({
      kind: t.kind,
      indicator: ind.code,
      group: (t.groupId ?? GROUP.all).replace(/^group-/, ""),
      lower: Number(t.lower),
      upper: t.upper === null || t.upper === undefined ? null : Number(t.upper),
      strict: t.strict ?? false,
      approximate: t.approximate ?? false,
      annual: t.annual ?? false,
      eq: t.equivalentValue === null || t.equivalentValue === undefined ? null : Number(t.equivalentValue),
    });
  });
});

describe("what is never a figure", () => {
  it("takes no date, document number, time or year for an amount", () => {
    const text = [
      "Ngày 21 tháng 3 năm 2023, Ủy ban nhân dân huyện ban hành Kế hoạch số 58/KH-UBND.",
      "Căn cứ Nghị quyết số 20-NQ/TU ngày 21.12.2021 và Thông tư 13/2025/TT-BNNMT.",
      "Thứ Sáu, 12/04/2024 | 15:30",
      "Giảm tỷ lệ hộ nghèo 1,5% theo Quyết định số 90/QĐ-TTg ngày 18/01/2022.",
    ].join("\n");
    const r = readPlanText(text);
    expect(r.notUnderstood).toEqual([]);
    expect(r.targets.map((t) => [t.kind, t.lower])).toEqual([["DECREASE_BY", 1.5]]);
  });

  it("every figure it proposes is written in its sentence", () => {
    const text =
      "Mục tiêu cụ thể: giảm tỷ lệ hộ nghèo từ 1,5 – 2%; giải quyết việc làm cho 2.400 lao động, trong đó 25 người đi làm việc ở nước ngoài; tỷ lệ hộ nghèo còn dưới 18,66%.";
    const r = readPlanText(text);
    expect(r.targets).toHaveLength(4);
    const vi = (v: number) => v.toLocaleString("de-DE");
    for (const t of r.targets) for (const v of [t.lower, t.upper]) if (v !== null) expect(t.sentence).toContain(vi(v));
  });
});

describe("never guessing", () => {
  it.each([
    ["Giảm tỷ lệ hộ nghèo 1.5%.", "number_unclear"],
    ["Giải quyết việc làm cho 2,400 lao động.", "number_unclear"],
    ["Giải quyết việc làm cho 2.400 lao động tại 12 xã.", "several_figures"],
    ["Tăng tỷ lệ lao động qua đào tạo 5%.", "kind_unclear"],
  ])("%s → not understood (%s), no target", (text, reason) => {
    const r = readPlanText(text);
    expect(r.targets).toEqual([]);
    expect(r.notUnderstood.map((n) => n.reason)).toEqual([reason]);
    expect(r.notUnderstood[0]!.sentence).toBe(text);
  });
});

describe("hostile input", () => {
  it.each([
    ["many targets in one sentence", "Giảm tỷ lệ hộ nghèo 1%, ".repeat(2600)],
    ["one group word repeated without end", `Phấn đấu ${"huyện nghèo ".repeat(5000)}30%`],
    ["digits and commas", "1,".repeat(30_000)],
    ["unclosed parentheses", "(".repeat(60_000)],
    ["dates", "ngày 1/1/2020 ".repeat(4500)],
  ])("%s: read to the end", (_name, text) => {
    const r = readPlanText(text.slice(0, 64 * 1024));
    expect(Array.isArray(r.targets)).toBe(true);
  });

  it("a statement longer than a target is said is not read as one", () => {
    const r = readPlanText(`Giảm tỷ lệ hộ nghèo ${"rất ".repeat(600)}1%.`);
    expect(r.targets).toEqual([]);
    expect(r.notUnderstood.map((n) => n.reason)).toEqual(["kind_unclear"]);
  });
});

describe("a national programme's targets, in the style of its decision (fixtures/national-programme-style-2021-2025.txt)", () => {
  it("reads each kind the national targets use, shares said before their verb included", () => {
    const text = readFileSync(join(__dirname, "fixtures", "national-programme-style-2021-2025.txt"), "utf8");
    const r = readPlanText(text);
    expect(r.notUnderstood).toEqual([]);
    expect(r.targets.map((t) => [t.kind, t.indicatorCode, t.groupCode, t.lower, t.upper, t.strict, t.annual, t.periodStart, t.periodEnd])).toEqual([
      ["QUALITATIVE", null, "all", null, null, false, false, 2021, 2025],
      ["AVERAGE_DECREASE", "poor-rate", "all", 1, 1.5, false, false, 2021, 2025],
      ["DECREASE_BY", "poor-rate", "ethnic-minority", 3, null, true, true, 2021, 2025],
      ["SHARE_OF_UNITS", "poor-units-escaped", "poor-districts", 30, null, false, false, 2021, 2025],
      ["SHARE_OF_UNITS", "poor-units-escaped", "all", 30, null, false, false, 2021, 2025],
      ["INCREASE_FACTOR", "poor-household-income", "all", 1.5, null, false, false, 2021, 2025],
      ["REACH_AT_LEAST", null, "poor-near-poor", 100, null, false, false, 2021, 2025],
    ]);
    // "Đối tượng" ends the block: the households it lists are not a target.
    expect(r.targets.some((t) => t.statement.includes("phạm vi toàn quốc"))).toBe(false);
  });
});
