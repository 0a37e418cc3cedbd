import { PUBLIC_VALUE_SQL, VISIBLE_RESULT, VISIBLE_RESULT_FROM, VISIBLE_RESULT_SQL } from "./public-results";
import "server-only";
// One indicator across provinces and their districts, for one population group and year
// (the comparison page and /api/v1/compare). Every published figure is its own row; totals
// are formed only by the one aggregation rule (lib/domain/aggregate, docs/domain.md
// "Adding figures up") and are labelled as computed.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { addFigures, isAdditive, type Figure, type RefusalReason } from "../domain/aggregate";
import { WHOLE_POPULATION } from "../domain/groups";
import type { TCompareSort } from "../validation/compare";
import { getGroupByCode, listGroups, type TGroup } from "./groups";
import { unitTree } from "../domain/unit-tree";
import { listUnits, type TUnit } from "./units";

export type TQualifier = "EXACT" | "OVER" | "ABOUT";

export type TCompareIndicator = {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  measureUnit: string;
  measureUnitEn: string;
  measure: "RATE" | "COUNT" | "AMOUNT";
  lowerIsBetter: boolean;
};

/** A population group that has published figures of an indicator, with their years (latest first). */
export type TComparableGroup = TGroup & { years: number[] };

/** An indicator with published figures: its years, and the groups they count ("all" first). */
export type TComparableIndicator = TCompareIndicator & { years: number[]; groups: TComparableGroup[] };

export type TCompareUnitRef = {
  /** The unit's identity in URLs ("92", "92-2025"). */
  key: string;
  code: string;
  name: string;
  shortName: string;
  nameEn: string | null;
  level: TUnit["level"];
  parentCode: string | null;
  validTo: Date | null;
  successor: { code: string; name: string; nameEn: string | null } | null;
};

export type TCompareUnit = TCompareUnitRef & {
  /** The province the unit belongs to (itself for a province). */
  provinceCode: string;
  province: TCompareUnitRef;
};

/** One published figure: never a sum (lib/domain/aggregate says when figures may be added). */
export type TCompareRow = {
  unit: TCompareUnit;
  value: number;
  /** "hơn …" (OVER) or "khoảng/gần …" (ABOUT) as the source words it. */
  qualifier: TQualifier;
  /** What the figure counts, when it is narrower than the indicator. */
  label: string | null;
  /** How many figures this unit has in the series: more than one are listed, never added. */
  unitFigures: number;
  isDemo: boolean;
};

/**
 * A province's districts (or communes) added up by the one aggregation rule: a figure the
 * portal computes, labelled so, saying how many units reported; or why they cannot be added.
 */
export type TCompareTotal = { provinceCode: string } & (
  | { ok: true; value: number; qualifier: TQualifier; reported: number; computed: true }
  | { ok: false; reason: RefusalReason }
);

export type TComparison = { indicator: TCompareIndicator; group: TGroup; year: number; rows: TCompareRow[]; totals: TCompareTotal[] };

const indicatorSelect = {
  id: true,
  code: true,
  name: true,
  nameEn: true,
  measureUnit: true,
  measureUnitEn: true,
  measure: true,
  lowerIsBetter: true,
} as const;


/** Indicators with any published result, with the groups and years that have one (latest first). */
async function loadListComparableIndicators(): Promise<TComparableIndicator[]> {
  const triples = await db().result.groupBy({
    by: ["indicatorId", "groupId", "year"],
    where: VISIBLE_RESULT,
    orderBy: [{ indicatorId: "asc" }, { year: "desc" }],
  });
  if (triples.length === 0) return [];
  const [indicators, groups] = await Promise.all([
    db().indicator.findMany({ where: { id: { in: [...new Set(triples.map((t) => t.indicatorId))] } }, select: indicatorSelect }),
    listGroups(),
  ]);
  const collator = new Intl.Collator("vi");
  return indicators
    .map((i) => {
      const mine = triples.filter((t) => t.indicatorId === i.id);
      const yearsOf = (rows: typeof mine) => [...new Set(rows.map((t) => t.year))].sort((a, b) => b - a);
      return {
        ...i,
        years: yearsOf(mine),
        groups: groups.filter((g) => mine.some((t) => t.groupId === g.id)).map((g) => ({ ...g, years: yearsOf(mine.filter((t) => t.groupId === g.id)) })),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

export async function getIndicatorByCode(code: string): Promise<TCompareIndicator | null> {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) return null;
  return db().indicator.findUnique({ where: { code }, select: indicatorSelect });
}

/** The group a comparison shows when none is asked: the whole population if it has figures, else the first group that has. */
export function defaultCompareGroup(indicator: TComparableIndicator | undefined): string {
  return indicator?.groups[0]?.code ?? WHOLE_POPULATION;
}

type TFigureRow = { id: string; unitId: string; value: string; qualifier: TQualifier; label: string | null; isDemo: boolean };

type TCompareQuery = { indicatorCode: string; groupCode: string; year: number };

/** The indicator and group a comparison asks for; null when either does not exist. */
async function seriesOf({ indicatorCode, groupCode }: TCompareQuery): Promise<{ indicator: TCompareIndicator; group: TGroup } | null> {
  const [indicator, group] = await Promise.all([getIndicatorByCode(indicatorCode), getGroupByCode(groupCode)]);
  return indicator && group ? { indicator, group } : null;
}

/** The published figures of one series, of the given units only when `unitIds` is given. */
function readFigures(indicatorId: string, groupId: string, year: number, unitIds?: string[]): Promise<TFigureRow[]> {
  return db().$queryRaw<TFigureRow[]>`
    SELECT r."id" AS "id", r."unitId" AS "unitId", ${PUBLIC_VALUE_SQL}::text AS "value", r."qualifier"::text AS "qualifier", r."label" AS "label", r."isDemo" AS "isDemo"
    FROM ${VISIBLE_RESULT_FROM}
    WHERE ${VISIBLE_RESULT_SQL} AND r."indicatorId" = ${indicatorId} AND r."groupId" = ${groupId} AND r."year" = ${year}
      ${unitIds ? Prisma.sql`AND r."unitId" = ANY(${unitIds}::text[])` : Prisma.empty}
    ORDER BY r."unitId", r."value", r."id"`;
}

/**
 * One indicator, one population group, one year: every published figure of every unit, one
 * row each (never a sum: two figures of one unit may count the same people), and for each
 * province whose units below it reported, their total where the aggregation rule allows it.
 * Null when the indicator or the group does not exist.
 */
async function loadCompareIndicator(q: TCompareQuery): Promise<TComparison | null> {
  const series = await seriesOf(q);
  if (!series) return null;
  const { indicator, group } = series;
  const { year } = q;
  return buildComparison(indicator, group, year, await readFigures(indicator.id, group.id, year), await listUnits());
}

/** The rows and totals of a set of figures (all of a series, or all of a province's: a unit's figures are always all there). */
function buildComparison(indicator: TCompareIndicator, group: TGroup, year: number, figures: TFigureRow[], units: TUnit[]): TComparison {
  const byId = new Map(units.map((u) => [u.id, u]));
  const perUnit = new Map<string, number>();
  for (const f of figures) perUnit.set(f.unitId, (perUnit.get(f.unitId) ?? 0) + 1);
  // A unit's reference and path once per unit, not per figure (a commune may have many).
  const refs = new Map<string, { ref: TCompareUnit; path: string[] }>();
  const refOf = (u: TUnit) => refs.get(u.id) ?? refs.set(u.id, { ref: toCompareUnit(u, units), path: [u.id, ...unitTree(units).ancestors(u.id).map((a) => a.id)] }).get(u.id)!;
  const rows: TCompareRow[] = [];
  const parts = new Map<string, Figure[]>();
  for (const f of figures) {
    const u = byId.get(f.unitId);
    if (!u) continue;
    const { ref, path } = refOf(u);
    const row: TCompareRow = {
      unit: ref,
      value: Number(f.value),
      qualifier: f.qualifier,
      label: f.label,
      unitFigures: perUnit.get(f.unitId) ?? 1,
      isDemo: f.isDemo,
    };
    rows.push(row);
    // Units below a province are candidates for its computed total.
    if (row.unit.code !== row.unit.provinceCode) {
      const list = parts.get(row.unit.provinceCode) ?? parts.set(row.unit.provinceCode, []).get(row.unit.provinceCode)!;
      list.push({ unitId: u.id, unitPath: path, indicator: indicator.code, measure: indicator.measure, group: group.code, year, value: row.value, qualifier: row.qualifier });
    }
  }
  const totals: TCompareTotal[] = [];
  if (isAdditive(indicator.measure)) {
    for (const [provinceCode, figs] of parts) {
      // A single unit's figure is shown as itself; a total says something only for two or more.
      if (figs.length < 2) continue;
      const t = addFigures(figs);
      totals.push(t.ok ? { provinceCode, ...t } : { provinceCode, ok: false, reason: t.reason });
    }
  }
  return { indicator, group, year, rows, totals };
}

/** What /compare lists: groups by province (the overview's units below each counted, not read), their totals, and how many figures the series has. */
export type TComparePage = { groups: TCompareGroup[]; totals: TCompareTotal[]; figures: number };

/**
 * The overview of a series: each province's own figures (read), and how many figures the units
 * below it have (counted by the database, not read: at national size they are tens of thousands).
 * Computed totals are formed in a province's view, where its figures are read.
 */
async function loadCompareOverview(q: TCompareQuery): Promise<(TComparison & { childCounts: Map<string, number>; childProvinces: TCompareUnitRef[]; figures: number }) | null> {
  const series = await seriesOf(q);
  if (!series) return null;
  const { indicator, group } = series;
  const { year } = q;
  const [perUnit, units] = await Promise.all([
    db().$queryRaw<{ unitId: string; n: number }[]>`
      SELECT r."unitId", count(*)::int AS n
      FROM ${VISIBLE_RESULT_FROM}
      WHERE ${VISIBLE_RESULT_SQL} AND r."indicatorId" = ${indicator.id} AND r."groupId" = ${group.id} AND r."year" = ${year}
      GROUP BY r."unitId"`,
    listUnits(),
  ]);
  const tree = unitTree(units);
  const own: string[] = [];
  const childCounts = new Map<string, number>();
  const childProvinces = new Map<string, TCompareUnitRef>();
  let figures = 0;
  for (const { unitId, n } of perUnit) {
    const u = tree.get(unitId);
    if (!u) continue;
    figures += n;
    const province = tree.provinceOf(u.id) ?? u;
    if (u.code === province.code) own.push(u.id);
    else {
      childCounts.set(province.code, (childCounts.get(province.code) ?? 0) + n);
      if (!childProvinces.has(province.code)) childProvinces.set(province.code, toUnitRef(province, tree.byId));
    }
  }
  const comparison = buildComparison(indicator, group, year, own.length ? await readFigures(indicator.id, group.id, year, own) : [], units);
  return { ...comparison, childCounts, childProvinces: [...childProvinces.values()], figures };
}

/** One province's series: the figures of every unit whose province has this code (itself, below it, and former units of that code). */
async function loadCompareProvince(q: TCompareQuery, provinceCode: string): Promise<TComparison | null> {
  const series = await seriesOf(q);
  if (!series) return null;
  const { indicator, group } = series;
  const { year } = q;
  const units = await listUnits();
  const tree = unitTree(units);
  const ids = units.filter((u) => (tree.provinceOf(u.id) ?? u).code === provinceCode).map((u) => u.id);
  return buildComparison(indicator, group, year, ids.length ? await readFigures(indicator.id, group.id, year, ids) : [], units);
}

/**
 * What /compare lists (docs/domain.md, "The comparison at national size"): with a province that
 * has figures, all of its rows and its total; else the overview. Null when the indicator or the
 * group does not exist. Cached for the public until the next write (lib/cache/public).
 */
export async function comparePage(q: TCompareQuery, sort: TCompareSort, province?: string): Promise<TComparePage | null> {
  if (province !== undefined) {
    const one = await cachedPublic(["compare-province", q.indicatorCode, q.groupCode, q.year, province], () => loadCompareProvince(q, province));
    if (!one) return null;
    if (one.rows.length > 0) return { groups: groupComparison(one.rows, sort, province), totals: one.totals, figures: one.rows.length };
  }
  const ov = await cachedPublic(["compare-overview", q.indicatorCode, q.groupCode, q.year], () => loadCompareOverview(q));
  if (!ov) return null;
  const groups = groupComparison(ov.rows, sort, null, ov.childProvinces);
  for (const g of groups) g.childCount = ov.childCounts.get(g.province.code) ?? 0;
  return { groups, totals: [], figures: ov.figures };
}

function toCompareUnit(u: TUnit, units: TUnit[]): TCompareUnit {
  const tree = unitTree(units);
  const province = tree.provinceOf(u.id) ?? u;
  return { ...toUnitRef(u, tree.byId), provinceCode: province.code, province: toUnitRef(province, tree.byId) };
}

function toUnitRef(u: TUnit, byId: Map<string, TUnit>): TCompareUnitRef {
  const parent = u.parentId ? byId.get(u.parentId) : undefined;
  const succ = u.successorId ? byId.get(u.successorId) : undefined;
  return {
    key: u.key,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    nameEn: u.nameEn,
    level: u.level,
    parentCode: parent?.code ?? null,
    validTo: u.validTo,
    successor: succ ? { code: succ.code, name: succ.name, nameEn: succ.nameEn } : null,
  };
}

// ---------------------------------------------------------------------------
// Order: provinces, each followed by its districts (and communes), sorted.
// ---------------------------------------------------------------------------


export type TCompareGroup = {
  province: TCompareUnitRef;
  /** How many figures the units below it have, when they were counted without being read (the overview). */
  childCount?: number;
  /** The province's own rows (none when only its districts reported). */
  own: TCompareRow[];
  children: TCompareRow[];
};

/**
 * Groups rows under their province and sorts provinces, and units within each, by name or value.
 * `childrenOf` limits the sorting of units below a province to that province (null: none), for a
 * page that lists only its rows; by default every province's are sorted. `moreProvinces` are
 * listed too, without rows (the overview's provinces with figures only below them).
 */
export function groupComparison(rows: TCompareRow[], sort: TCompareSort, childrenOf?: string | null, moreProvinces: readonly TCompareUnitRef[] = []): TCompareGroup[] {
  const collator = new Intl.Collator("vi");
  const desc = sort.startsWith("-");
  const byValue = sort.endsWith("value");
  const cmpRows = (a: TCompareRow, b: TCompareRow) => {
    const c = byValue ? a.value - b.value : collator.compare(a.unit.shortName, b.unit.shortName);
    return (desc ? -c : c) || collator.compare(a.unit.shortName, b.unit.shortName) || a.value - b.value;
  };
  const groups = new Map<string, TCompareGroup>();
  for (const r of rows) {
    const key = r.unit.provinceCode;
    let g = groups.get(key);
    if (!g) {
      g = { province: r.unit.province, own: [], children: [] };
      groups.set(key, g);
    }
    (r.unit.code === key ? g.own : g.children).push(r);
  }
  // Provinces listed for the figures of their units below, which were counted, not read.
  for (const p of moreProvinces) if (!groups.has(p.code)) groups.set(p.code, { province: p, own: [], children: [] });
  const list = [...groups.values()];
  for (const g of list) {
    g.own.sort(cmpRows);
    if (childrenOf === undefined || childrenOf === g.province.code) g.children.sort(cmpRows);
  }
  // A province is placed by its own value; one without its own figure goes last when sorting by value.
  const key = (g: TCompareGroup): number | null => (g.own.length ? g.own[0]!.value : null);
  list.sort((a, b) => {
    if (byValue) {
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else if (ka !== kb) return desc ? kb - ka : ka - kb;
      return collator.compare(a.province.shortName, b.province.shortName);
    }
    const c = collator.compare(a.province.shortName, b.province.shortName);
    return desc ? -c : c;
  });
  return list;
}

// ---------------------------------------------------------------------------
// What /compare shows (docs/domain.md, "The comparison at national size"): every province in one
// short table, each linking to its own view where its units below it are paged. The page stays
// small at national size (3.321 communes), and every figure stays one link away.
// ---------------------------------------------------------------------------

/** Rows per page of a province's view. */
export const COMPARE_PAGE_ROWS = 100;

/** A province in the overview: its own figures, and how many figures its units below it have. */
export type TCompareProvinceLine = {
  province: TCompareUnitRef;
  own: TCompareRow[];
  children: number;
  total: TCompareTotal | undefined;
};

export type TCompareView =
  | {
      kind: "provinces";
      provinces: TCompareProvinceLine[];
      /** The `province` asked for when it has no figure in this comparison (the overview is shown instead). */
      missingProvince: string | null;
    }
  | {
      kind: "province";
      province: TCompareUnitRef;
      /** The province's own figures and then its units' (`sub`), this page's share of them. */
      rows: { row: TCompareRow; sub: boolean }[];
      /** The province has no figure of its own: page 1 says so above its units. */
      noOwnFigure: boolean;
      /** Every figure of the province and its units, on all pages. */
      figures: number;
      page: number;
      pageCount: number;
      /** The computed total, on the last page only (it follows the rows it adds up). */
      total: TCompareTotal | undefined;
    };

/**
 * The overview (no `province`), or one province's rows paged by COMPARE_PAGE_ROWS; a page past
 * the last shows the last. `groups` come from groupComparison, so the order is the sort's.
 */
export function compareView(
  groups: readonly TCompareGroup[],
  totals: readonly TCompareTotal[],
  opts: { province?: string; page?: number } = {},
): TCompareView {
  const totalOf = (code: string) => totals.find((t) => t.provinceCode === code);
  const g = opts.province === undefined ? undefined : groups.find((x) => x.province.code === opts.province);
  if (!g) {
    return {
      kind: "provinces",
      provinces: groups.map((x) => ({ province: x.province, own: x.own, children: x.childCount ?? x.children.length, total: totalOf(x.province.code) })),
      missingProvince: opts.province ?? null,
    };
  }
  const size = COMPARE_PAGE_ROWS;
  const all = [...g.own.map((row) => ({ row, sub: false })), ...g.children.map((row) => ({ row, sub: true }))];
  const pageCount = Math.max(1, Math.ceil(all.length / size));
  const page = Math.min(Math.max(1, opts.page ?? 1), pageCount);
  return {
    kind: "province",
    province: g.province,
    rows: all.slice((page - 1) * size, page * size),
    noOwnFigure: g.own.length === 0 && page === 1,
    figures: all.length,
    page,
    pageCount,
    total: page === pageCount ? totalOf(g.province.code) : undefined,
  };
}

/** The rows in display order (for CSV, XLSX and JSON). */
export function orderComparison(rows: TCompareRow[], sort: TCompareSort): TCompareRow[] {
  return groupComparison(rows, sort).flatMap((g) => [...g.own, ...g.children]);
}

/** Cached for the public until the next write (lib/cache/public). */
export function listComparableIndicators(): Promise<TComparableIndicator[]> {
  return cachedPublic(["comparable-indicators"], () => loadListComparableIndicators());
}

/** Cached for the public until the next write (lib/cache/public). */
export function compareIndicator(q: { indicatorCode: string; groupCode: string; year: number }): Promise<TComparison | null> {
  return cachedPublic(["compare", q.indicatorCode, q.groupCode, q.year], () => loadCompareIndicator(q));
}
