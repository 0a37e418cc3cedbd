/**
 * Adding figures up: THE one rule that says when published figures may be added into a total
 * (docs/domain.md "Adding figures up"). Compare, unit trends and downloads call `addFigures`;
 * nothing else adds results.
 *
 * A total is shown only where it is true:
 * - only figures of the same indicator, population group and year are added (the indicator
 *   fixes the measure: "lượt hộ" and "hộ" are different indicators);
 * - only additive measures (counts and amounts): rates and levels are never summed, nor
 *   averaged without weights;
 * - only from units that do not overlap (no unit inside another of the set), and never two
 *   figures of one unit (two targets' results of one unit and year may count the same people:
 *   "hơn 1.000 lượt hộ" and "hơn 400 hộ" are not 1.400 of anything);
 * - the total says how many units reported, and is always labelled as computed by the portal.
 * Pure: plain values in, plain values out.
 */

export type Qualifier = "EXACT" | "OVER" | "ABOUT";
export type Measure = "RATE" | "COUNT" | "AMOUNT";

export interface Figure {
  unitId: string;
  /** The unit and every unit above it (its own id included), to tell overlapping units apart. */
  unitPath: readonly string[];
  indicator: string;
  measure: Measure;
  group: string;
  year: number;
  value: number;
  qualifier: Qualifier;
}

export type RefusalReason =
  /** Nothing to add. */
  | "empty"
  /** Rates and levels are never summed. */
  | "not_additive"
  /** Different indicators (measures), groups or years. */
  | "not_commensurable"
  /** Two figures for one unit: they may count the same people. */
  | "same_unit_twice"
  /** One unit lies inside another of the set: its figure would be counted twice. */
  | "overlapping_units";

export type Total =
  | {
      ok: true;
      value: number;
      /** OVER when some part is "hơn …" (the total is at least this), ABOUT when some part is approximate. */
      qualifier: Qualifier;
      /** How many units' figures make the total. */
      reported: number;
      /** Always true: a total is derived by the portal, never a figure a source states. */
      computed: true;
    }
  | { ok: false; reason: RefusalReason; unitIds?: string[] };

/** Whether figures of this measure may ever be added. */
export function isAdditive(measure: Measure): boolean {
  return measure === "COUNT" || measure === "AMOUNT";
}

/** Adds figures when, and only when, the rule above allows it. */
export function addFigures(figures: readonly Figure[]): Total {
  const first = figures[0];
  if (!first) return { ok: false, reason: "empty" };
  if (!figures.every((f) => isAdditive(f.measure))) return { ok: false, reason: "not_additive" };
  if (!figures.every((f) => f.indicator === first.indicator && f.group === first.group && f.year === first.year && f.measure === first.measure)) {
    return { ok: false, reason: "not_commensurable" };
  }
  const seen = new Map<string, number>();
  for (const f of figures) seen.set(f.unitId, (seen.get(f.unitId) ?? 0) + 1);
  const twice = [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  if (twice.length) return { ok: false, reason: "same_unit_twice", unitIds: twice };
  const inside = figures.filter((f) => f.unitPath.some((id) => id !== f.unitId && seen.has(id))).map((f) => f.unitId);
  if (inside.length) return { ok: false, reason: "overlapping_units", unitIds: inside };

  // Sum on scaled integers (values carry at most 4 decimals) so 0,1 + 0,2 is 0,3.
  const value = figures.reduce((s, f) => s + Math.round(f.value * 10_000), 0) / 10_000;
  const anyAbout = figures.some((f) => f.qualifier === "ABOUT");
  const anyOver = figures.some((f) => f.qualifier === "OVER");
  return { ok: true, value, qualifier: anyAbout ? "ABOUT" : anyOver ? "OVER" : "EXACT", reported: figures.length, computed: true };
}

/** The key of one series: figures of different keys are never joined into one line or bar. */
export function seriesKey(f: Pick<Figure, "indicator" | "group">, unitId: string, label: string | null = null): string {
  return [f.indicator, f.group, unitId, label ?? ""].join("\u0000");
}
