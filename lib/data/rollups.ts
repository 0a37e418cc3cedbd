import "server-only";
// Rollups of published results, computed by the database: one indicator across
// provinces and their districts (the comparison page and /api/v1/compare).
// Sums and counts are SQL aggregates; no result rows are loaded to be added up here.
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import type { TCompareSort } from "../validation/compare";
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

export type TComparableIndicator = TCompareIndicator & { years: number[] };

export type TCompareUnitRef = {
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

export type TCompareRow = {
  unit: TCompareUnit;
  /** COUNT/AMOUNT: the SUM of the unit's published results; RATE: one result's value. */
  value: number;
  /** Of a sum: ABOUT if any part is approximate, else OVER if any part is "hơn", else EXACT. */
  qualifier: TQualifier;
  /** Number of published results behind the value. */
  rows: number;
  /** What the figure counts, when it stands for one result. */
  label: string | null;
  isDemo: boolean;
};

export type TComparison = { indicator: TCompareIndicator; year: number; rows: TCompareRow[] };

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

/** Results the public may see: published, and (when tied to a target) of a published target of a published plan. */
const publishedResultWhere = {
  status: "PUBLISHED",
  OR: [{ targetId: null }, { target: { status: "PUBLISHED", plan: { status: "PUBLISHED" } } }],
} satisfies Prisma.ResultWhereInput;

const PUBLISHED_SQL = Prisma.sql`r."status" = 'PUBLISHED' AND (r."targetId" IS NULL OR (t."status" = 'PUBLISHED' AND p."status" = 'PUBLISHED'))`;

/** Indicators with any published result, with the years that have one (latest first). */
async function loadListComparableIndicators(): Promise<TComparableIndicator[]> {
  const pairs = await db().result.groupBy({ by: ["indicatorId", "year"], where: publishedResultWhere, orderBy: [{ indicatorId: "asc" }, { year: "desc" }] });
  if (pairs.length === 0) return [];
  const years = new Map<string, number[]>();
  for (const p of pairs) years.set(p.indicatorId, [...(years.get(p.indicatorId) ?? []), p.year]);
  const indicators = await db().indicator.findMany({ where: { id: { in: [...years.keys()] } }, select: indicatorSelect });
  const collator = new Intl.Collator("vi");
  return indicators
    .map((i) => ({ ...i, years: years.get(i.id) ?? [] }))
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

export async function getIndicatorByCode(code: string): Promise<TCompareIndicator | null> {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(code)) return null;
  return db().indicator.findUnique({ where: { code }, select: indicatorSelect });
}

type TSumRow = { unitId: string; total: string; n: number; anyOver: boolean; anyAbout: boolean; anyDemo: boolean; label: string | null };
type TRateRow = { unitId: string; value: string; qualifier: TQualifier; label: string | null; isDemo: boolean };

/**
 * One indicator in one year, per unit with published results. Counts and amounts are
 * summed per unit by the database; rates are never summed: each published result is its
 * own row (with its label). Returns null when the indicator does not exist.
 */
async function loadCompareIndicator({ indicatorCode, year }: { indicatorCode: string; year: number }): Promise<TComparison | null> {
  const indicator = await getIndicatorByCode(indicatorCode);
  if (!indicator) return null;
  const from = Prisma.sql`FROM "result" r LEFT JOIN "target" t ON t."id" = r."targetId" LEFT JOIN "plan" p ON p."id" = t."planId"
    WHERE ${PUBLISHED_SQL} AND r."indicatorId" = ${indicator.id} AND r."year" = ${year}`;

  let raw: (Omit<TCompareRow, "unit"> & { unitId: string })[];
  if (indicator.measure === "RATE") {
    const rows = await db().$queryRaw<TRateRow[]>`
      SELECT r."unitId" AS "unitId", r."value"::text AS "value", r."qualifier"::text AS "qualifier", r."label" AS "label", r."isDemo" AS "isDemo"
      ${from}
      ORDER BY r."unitId", r."value", r."id"`;
    raw = rows.map((r) => ({ unitId: r.unitId, value: Number(r.value), qualifier: r.qualifier, rows: 1, label: r.label, isDemo: r.isDemo }));
  } else {
    const rows = await db().$queryRaw<TSumRow[]>`
      SELECT r."unitId" AS "unitId", SUM(r."value")::text AS "total", COUNT(*)::int AS "n",
        bool_or(r."qualifier" = 'OVER') AS "anyOver", bool_or(r."qualifier" = 'ABOUT') AS "anyAbout", bool_or(r."isDemo") AS "anyDemo",
        CASE WHEN COUNT(*) = 1 THEN MIN(r."label") END AS "label"
      ${from}
      GROUP BY r."unitId"
      ORDER BY r."unitId"`;
    raw = rows.map((r) => ({
      unitId: r.unitId,
      value: Number(r.total),
      qualifier: r.anyAbout ? "ABOUT" : r.anyOver ? "OVER" : "EXACT",
      rows: Number(r.n),
      label: r.label,
      isDemo: r.anyDemo,
    }));
  }

  const units = await listUnits();
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows: TCompareRow[] = [];
  for (const { unitId, ...r } of raw) {
    const u = byId.get(unitId);
    if (u) rows.push({ ...r, unit: toCompareUnit(u, byId) });
  }
  return { indicator, year, rows };
}

function toCompareUnit(u: TUnit, byId: Map<string, TUnit>): TCompareUnit {
  let province: TUnit = u;
  for (let guard = 0; province.level !== "PROVINCE" && province.parentId && guard < 10; guard++) {
    const p = byId.get(province.parentId);
    if (!p || p.level === "NATION") break;
    province = p;
  }
  return { ...toUnitRef(u, byId), provinceCode: province.code, province: toUnitRef(province, byId) };
}

function toUnitRef(u: TUnit, byId: Map<string, TUnit>): TCompareUnitRef {
  const parent = u.parentId ? byId.get(u.parentId) : undefined;
  const succ = u.successorId ? byId.get(u.successorId) : undefined;
  return {
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
  /** The province's own rows (none when only its districts reported). */
  own: TCompareRow[];
  children: TCompareRow[];
};

/** Groups rows under their province and sorts provinces, and units within each, by name or value. */
export function groupComparison(rows: TCompareRow[], sort: TCompareSort): TCompareGroup[] {
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
  const list = [...groups.values()];
  for (const g of list) {
    g.own.sort(cmpRows);
    g.children.sort(cmpRows);
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

/** The rows in display order (for CSV, XLSX and JSON). */
export function orderComparison(rows: TCompareRow[], sort: TCompareSort): TCompareRow[] {
  return groupComparison(rows, sort).flatMap((g) => [...g.own, ...g.children]);
}

/** Cached for the public until the next write (lib/cache/public). */
export function listComparableIndicators(): Promise<TComparableIndicator[]> {
  return cachedPublic(["comparable-indicators"], () => loadListComparableIndicators());
}

/** Cached for the public until the next write (lib/cache/public). */
export function compareIndicator(q: { indicatorCode: string; year: number }): Promise<TComparison | null> {
  return cachedPublic(["compare", q.indicatorCode, q.year], () => loadCompareIndicator(q));
}
