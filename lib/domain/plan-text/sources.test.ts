/**
 * Each of the five source pages, pasted whole (page furniture included), proposes exactly the
 * targets the seed holds for its plan: kind, bounds, strictness, approximation, group, indicator,
 * period, parent and equivalent — nothing more, nothing invented.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GROUP, indicators, PLAN, plans, targets as seedTargets } from "../../../prisma/seed-data";
import { readPlanText } from "./read";

const FIXTURES: Record<string, string> = {
  [PLAN.chauThanh58]: "58-kh-ubnd-chau-thanh-2023.txt",
  [PLAN.socTrang1845]: "1845-ubnd-vx-soc-trang-2018.txt",
  [PLAN.sonLa199]: "199-kh-ubnd-son-la-2022.txt",
  [PLAN.bacLieu2024]: "bac-lieu-2024.txt",
  [PLAN.socTrangMovement]: "soc-trang-phong-trao-2021-2025.txt",
};

const indicatorCode = new Map(indicators.map((i) => [i.id, i.code]));
const groupCode = new Map<string, string>(Object.values(GROUP).map((id) => [id, id.replace(/^group-/, "")]));
const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

describe("reading the source pages", () => {
  it("covers every seeded plan", () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(plans.map((p) => p.id).sort());
  });

  it.each(Object.entries(FIXTURES))("%s: the seed's targets, exactly", (planId, file) => {
    const text = readFileSync(join(__dirname, "fixtures", file), "utf8");
    const reading = readPlanText(text, { indicators: indicators.map((i) => ({ code: i.code, name: i.name })) });
    const seeded = seedTargets.filter((t) => t.planId === planId).sort((a, b) => a.position - b.position);
    const expected = seeded.map((t) => ({
      kind: t.kind,
      indicatorCode: t.indicatorId ? indicatorCode.get(t.indicatorId) : null,
      groupCode: groupCode.get(t.groupId ?? GROUP.all),
      lower: n(t.lower),
      upper: n(t.upper),
      strict: t.strict ?? false,
      approximate: t.approximate ?? false,
      annual: t.annual ?? false,
      baseline: n(t.baseline),
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
      equivalentValue: n(t.equivalentValue),
      equivalentUnit: t.equivalentUnit ?? null,
      parentIndex: t.parentId ? seeded.findIndex((p) => p.id === t.parentId) : null,
    }));
    const got = reading.targets.map((t) => ({
      kind: t.kind,
      indicatorCode: t.indicatorCode,
      groupCode: t.groupCode,
      lower: t.lower,
      upper: t.upper,
      strict: t.strict,
      approximate: t.approximate,
      annual: t.annual,
      baseline: t.baseline,
      periodStart: t.periodStart,
      periodEnd: t.periodEnd,
      equivalentValue: t.equivalentValue,
      equivalentUnit: t.equivalentUnit,
      parentIndex: t.parentIndex,
    }));
    expect(got).toEqual(expected);
    expect(reading.notUnderstood).toEqual([]);
    // Each proposal keeps the sentence it came from, and its own words are in it.
    for (const t of reading.targets) {
      expect(text.replace(/\s+/g, " ")).toContain(t.sentence.replace(/\.$/, ""));
      expect(t.sentence).toContain(t.statement.split("; ")[0]!);
    }
    // The statements are the seed's (the sources' own wording).
    expect(reading.targets.map((t) => t.statement.toLocaleLowerCase("vi"))).toEqual(seeded.map((t) => t.statement.toLocaleLowerCase("vi")));
  });
});
