// What a plan's page shows of its targets (docs/domain.md, "A plan's page at national size"). A
// plan with up to PLAN_ROWS_MAX targets shows them all. A larger one (a province's plan with
// targets for each of its communes) is shown by unit: the targets of one unit at a time (the
// issuer's own first, or the unit chosen with `?unit=`), paged, and a table of every unit with
// its number of targets and their statuses, each linking to its own view. Every target stays
// one link away, and the page stays small whatever the plan's size.
import { STATUS_ORDER, type Progress, type ProgressStatus as Status } from "../domain/progress";
import type { TTargetRow } from "./plans";

/** Rows (targets with their sub-targets) above which a plan is shown by unit. */
export const PLAN_ROWS_MAX = 60;

/** Top-level targets per page of one unit's view. */
export const PLAN_PAGE_TARGETS = 40;

/** Rows of the table of units per page (a city's plan has a row for each of its 168 communes). */
export const PLAN_UNITS_PAGE = 50;

export type TPlanRow = { t: TTargetRow; depth: number };

type TUnitRef = TTargetRow["unit"];

export type TPlanUnitSummary = { unit: TUnitRef; targets: number; counts: Record<Status, number> };

export type TPlanView =
  | { kind: "all"; rows: TPlanRow[] }
  | {
      kind: "by-unit";
      /** The unit whose targets are shown. */
      unit: TUnitRef;
      /** Whether that unit was chosen by the reader (else it is the issuer's, or the first). */
      chosen: boolean;
      rows: TPlanRow[];
      page: number;
      pageCount: number;
      /** Every unit with targets in the plan, in the order of their codes. */
      units: TPlanUnitSummary[];
      /** The page of the table of units shown (by default the one with the unit shown), and its rows. */
      unitsPage: number;
      unitsPageCount: number;
      unitRows: TPlanUnitSummary[];
      total: number;
    };

export const emptyCounts = (): Record<Status, number> => Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<Status, number>;

/** Targets in reading order, each followed by its sub-targets (depth-first), from the top-level ones. */
export function orderedRows(targets: readonly TTargetRow[]): TPlanRow[] {
  const ids = new Set(targets.map((x) => x.id));
  const children = new Map<string, TTargetRow[]>();
  for (const x of targets) if (x.parentId && ids.has(x.parentId)) (children.get(x.parentId) ?? children.set(x.parentId, []).get(x.parentId)!).push(x);
  const out: TPlanRow[] = [];
  const walk = (x: TTargetRow, depth: number) => {
    out.push({ t: x, depth });
    for (const c of children.get(x.id) ?? []) walk(c, depth + 1);
  };
  for (const x of targets) if (!x.parentId || !ids.has(x.parentId)) walk(x, 0);
  return out;
}

/** A unit of a large plan: its targets (each top-level target's block) and how many are top-level. */
export type TPlanUnitBlock = TPlanUnitSummary & { tops: number };

/** Units in the order of their codes (then names). */
export function sortUnitBlocks<T extends { unit: TUnitRef }>(units: T[]): T[] {
  return units.sort((a, b) => a.unit.code.localeCompare(b.unit.code, "vi") || a.unit.name.localeCompare(b.unit.name, "vi"));
}

/** The unit a large plan's page shows: the one asked for, else the issuer's, else the first. */
export function pickUnit<T extends { unit: TUnitRef }>(units: readonly T[], opts: { issuerUnitId: string; unitKey?: string | null }): T {
  return (opts.unitKey ? units.find((u) => u.unit.key === opts.unitKey) : undefined) ?? units.find((u) => u.unit.id === opts.issuerUnitId) ?? units[0]!;
}

/**
 * The plan's targets as its page shows them. `unitKey` and `page` are the reader's choice (from
 * the address; an unknown unit or a page out of range falls back to the first).
 */
export function planView(
  targets: readonly TTargetRow[],
  progress: ReadonlyMap<string, Progress>,
  opts: { issuerUnitId: string; unitKey?: string | null; page?: number | null; unitsPage?: number | null },
): TPlanView {
  const rows = orderedRows(targets);
  if (rows.length <= PLAN_ROWS_MAX) return { kind: "all", rows };

  // Each top-level target and its sub-targets go with the top-level target's unit.
  type TBlock = TPlanUnitBlock & { rows: TPlanRow[] };
  const blocks = new Map<string, TBlock>();
  let block: TBlock | null = null;
  for (const r of rows) {
    if (r.depth === 0) {
      block = blocks.get(r.t.unit.id) ?? blocks.set(r.t.unit.id, { unit: r.t.unit, rows: [], tops: 0, counts: emptyCounts(), targets: 0 }).get(r.t.unit.id)!;
      block.tops++;
    }
    block!.rows.push(r);
    block!.targets++;
    const s = progress.get(r.t.id)?.status;
    if (s) block!.counts[s]++;
  }
  const units = sortUnitBlocks([...blocks.values()]);
  const picked = pickUnit(units, opts);
  return byUnitView(units, picked, picked.rows, rows.length, opts);
}

/**
 * The same view from a table of units counted elsewhere (the progress summary, for today) and the
 * targets of the unit shown only: what a large plan's page reads (lib/data/plan-page.ts).
 */
export function planViewOfUnit(
  units: TPlanUnitBlock[],
  picked: TPlanUnitBlock,
  unitTargets: readonly TTargetRow[],
  opts: { unitKey?: string | null; page?: number | null; unitsPage?: number | null },
): TPlanView {
  const total = units.reduce((n, u) => n + u.targets, 0);
  return byUnitView(units, picked, orderedRows(unitTargets), total, opts);
}

function byUnitView(
  units: TPlanUnitBlock[],
  picked: TPlanUnitBlock,
  pickedRows: TPlanRow[],
  total: number,
  opts: { unitKey?: string | null; page?: number | null; unitsPage?: number | null },
): TPlanView {
  const pageCount = Math.max(1, Math.ceil(picked.tops / PLAN_PAGE_TARGETS));
  const page = opts.page && opts.page >= 1 && opts.page <= pageCount ? opts.page : 1;
  // The page's top-level targets, each with its sub-targets.
  const shown: TPlanRow[] = [];
  let top = -1;
  for (const r of pickedRows) {
    if (r.depth === 0) top++;
    if (top >= (page - 1) * PLAN_PAGE_TARGETS && top < page * PLAN_PAGE_TARGETS) shown.push(r);
  }
  const summaries = units.map((u) => ({ unit: u.unit, targets: u.targets, counts: u.counts }));
  const unitsPageCount = Math.max(1, Math.ceil(units.length / PLAN_UNITS_PAGE));
  const unitsPage =
    opts.unitsPage && opts.unitsPage >= 1 && opts.unitsPage <= unitsPageCount ? opts.unitsPage : Math.floor(units.indexOf(picked) / PLAN_UNITS_PAGE) + 1;
  return {
    kind: "by-unit",
    unit: picked.unit,
    chosen: !!opts.unitKey && picked.unit.key === opts.unitKey,
    rows: shown,
    page,
    pageCount,
    units: summaries,
    unitsPage,
    unitsPageCount,
    unitRows: summaries.slice((unitsPage - 1) * PLAN_UNITS_PAGE, unitsPage * PLAN_UNITS_PAGE),
    total,
  };
}
