import "server-only";
// Searching the unit registry (every administrative unit before and after the 2025 reform,
// about 13.400 rows) in SQL, one page at a time, for the /units page and GET /api/v1/units;
// and one unit by its key with its successions, for GET /api/v1/units/{key}.
// Search ignores case and diacritics (docs/domain.md): every word of the normalised query must
// occur in `searchName`. Answers are cached for the public until the next write (lib/cache/public).
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { UNIT_KEY_PATTERN } from "../domain/ids";
import { searchWordForms } from "../domain/text";
import type { Prisma } from "../generated/prisma/client";
import { UNITS_MAX_PAGE_SIZE, UNITS_PAGE_SIZE, type TUnitLevel, type TUnitsQuery } from "../validation/units";

/** A unit named in another's row: its key (for links), code and names. */
export type TUnitRef = { key: string; code: string; name: string; nameEn: string | null; level: TUnitLevel };

/** One unit as search lists it. */
export type TUnitHit = TUnitRef & {
  /** The unit directly above it (null for the nation). */
  parent: TUnitRef | null;
  /** The province it lies in: its parent or grandparent; null for a province, the nation, or a unit under the nation. */
  province: TUnitRef | null;
  /** The unit it went into wholly at a reform (null when it continues, or went into several). */
  successor: TUnitRef | null;
  validFrom: Date | null;
  validTo: Date | null;
};

export type TUnitPage = {
  items: TUnitHit[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  /** The unit whose children are listed, when the query names one. */
  parent: TUnitRef | null;
};

/** A unit that went into another, or that another went into, at a reform (table unit_succession). */
export type TSuccessionLink = TUnitRef & { share: "FULL" | "PARTIAL"; effectiveOn: Date };

export type TUnitDetail = TUnitHit & {
  /** How many units lie directly below it. */
  children: number;
  /** The units that went into this one (wholly or in part). */
  predecessors: TSuccessionLink[];
  /** The units this one went into (wholly or in part). */
  successors: TSuccessionLink[];
};

const refSelect = { key: true, code: true, name: true, nameEn: true, level: true } as const satisfies Prisma.AdminUnitSelect;

const hitSelect = {
  ...refSelect,
  validFrom: true,
  validTo: true,
  parent: { select: { ...refSelect, parent: { select: refSelect } } },
  successor: { select: refSelect },
} as const satisfies Prisma.AdminUnitSelect;

type THitRow = Prisma.AdminUnitGetPayload<{ select: typeof hitSelect }>;

const ref = (u: TUnitRef): TUnitRef => ({ key: u.key, code: u.code, name: u.name, nameEn: u.nameEn, level: u.level });

function toHit(u: THitRow): TUnitHit {
  const parent = u.parent ? ref(u.parent) : null;
  const province =
    u.level === "PROVINCE" || u.level === "NATION" || !u.parent
      ? null
      : u.parent.level === "PROVINCE"
        ? ref(u.parent)
        : u.parent.parent?.level === "PROVINCE"
          ? ref(u.parent.parent)
          : null;
  return { ...ref(u), parent, province, successor: u.successor ? ref(u.successor) : null, validFrom: u.validFrom, validTo: u.validTo };
}

/** The day as the DATE columns hold it. */
const dayOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * The units strictly below any of `ids`, down to three levels: children, grandchildren and
 * great-grandchildren (a province's communes, whether under the province since 2025 or under a
 * district before). Jurisdiction follows parents the same way (docs/domain.md).
 */
const belowAny = (ids: string[]): Prisma.AdminUnitWhereInput => ({
  OR: [{ parentId: { in: ids } }, { parent: { parentId: { in: ids } } }, { parent: { parent: { parentId: { in: ids } } } }],
});

function unitWhere(query: TUnitsQuery, parentId: string | undefined, withinIds: string[] | undefined): Prisma.AdminUnitWhereInput {
  const and: Prisma.AdminUnitWhereInput[] = [];
  if (query.q) {
    // Every word in the name (or, typed without its space, as two words: "vinhthinh").
    const byName: Prisma.AdminUnitWhereInput = { AND: searchWordForms(query.q).map((forms) => ({ OR: forms.map((f) => ({ searchName: { contains: f } })) })) };
    // A code or key typed as the query ("92", "00004", "92-2025") finds its units too.
    const asKey = query.q.trim();
    and.push(/\d/.test(asKey) && UNIT_KEY_PATTERN.test(asKey) ? { OR: [byName, { code: asKey }, { key: asKey }] } : byName);
  }
  if (query.levels?.length) and.push({ level: { in: query.levels } });
  else if (query.level) and.push({ level: query.level });
  if (parentId !== undefined) and.push({ parentId });
  if (withinIds) and.push(belowAny(withinIds));
  if (query.validOn) {
    const day = dayOf(query.validOn);
    and.push({ OR: [{ validFrom: null }, { validFrom: { lte: day } }] });
    and.push({ OR: [{ validTo: null }, { validTo: { gte: day } }] });
  }
  return { AND: and };
}

/** Provinces first (the nation above them, communes last), then by name. */
const ORDER: Prisma.AdminUnitOrderByWithRelationInput[] = [{ level: "asc" }, { searchName: "asc" }, { key: "asc" }];

async function loadSearchUnits(query: TUnitsQuery, all: boolean): Promise<TUnitPage | null> {
  const pageSize = Math.min(Math.max(query.pageSize ?? UNITS_PAGE_SIZE, 1), UNITS_MAX_PAGE_SIZE);
  let parent: TUnitRef | null = null;
  let parentId: string | undefined;
  if (query.parent) {
    const p = await db().adminUnit.findUnique({ where: { key: query.parent }, select: { id: true, ...refSelect } });
    if (!p) return null;
    parentId = p.id;
    parent = ref(p);
  }
  let withinIds: string[] | undefined;
  if (query.within?.length) {
    const found = await db().adminUnit.findMany({ where: { key: { in: query.within } }, select: { id: true } });
    if (found.length !== new Set(query.within).size) return null;
    withinIds = found.map((u) => u.id);
  }
  const where = unitWhere(query, parentId, withinIds);
  if (all) {
    const rows = await db().adminUnit.findMany({ where, select: hitSelect, orderBy: ORDER });
    return { items: rows.map(toHit), total: rows.length, page: 1, pageSize: Math.max(rows.length, 1), pageCount: 1, parent };
  }
  // A page in two steps: the ids of the page (the sort carries only its keys, which keeps deep
  // pages of the whole registry cheap), then their rows with parent, province and successor.
  const pageIds = (page: number) => db().adminUnit.findMany({ where, select: { id: true }, orderBy: ORDER, skip: (page - 1) * pageSize, take: pageSize });
  const requested = Math.max(query.page ?? 1, 1);
  // The count and the page at once; a page past the end is answered with the last one.
  let [total, ids] = await Promise.all([db().adminUnit.count({ where }), pageIds(requested)]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requested, pageCount);
  if (page !== requested) ids = await pageIds(page);
  const rows = ids.length ? await db().adminUnit.findMany({ where: { id: { in: ids.map((r) => r.id) } }, select: { id: true, ...hitSelect } }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids.flatMap((r) => {
    const row = byId.get(r.id);
    return row ? [toHit(row)] : [];
  });
  return { items, total, page, pageSize, pageCount, parent };
}

/**
 * One page of the units matching a query: `q` (every word in the name, ignoring case and
 * diacritics; a code or key finds its units too), `level` or `levels`, `parent` (a unit key: its
 * children), `within` (unit keys: the units strictly below any of them, three levels deep),
 * `validOn` (YYYY-MM-DD: units in existence that day). Provinces first, then by name. `pageSize`
 * defaults to 50, at most 200; a page past the end is the last page. Null when `parent` or a key
 * of `within` names no unit (`unknownUnitKeys` says which). Cached until the next write to the registry.
 */
export function searchUnits(query: TUnitsQuery): Promise<TUnitPage | null> {
  const key = {
    q: query.q,
    level: query.level,
    levels: query.levels?.length ? [...query.levels].sort() : undefined,
    parent: query.parent,
    within: query.within?.length ? [...query.within].sort() : undefined,
    validOn: query.validOn,
    page: query.page,
    pageSize: query.pageSize,
  };
  return cachedPublic(["units-search", key], () => loadSearchUnits(query, false), "registry");
}

/** Every unit matching a query (`page` and `pageSize` ignored), for downloads; read afresh each time (up to the whole registry). */
export function searchAllUnits(query: TUnitsQuery): Promise<TUnitPage | null> {
  return loadSearchUnits(query, true);
}

/**
 * The units with these keys, as search lists them (parent, province, successor), by key; keys that
 * name no unit are left out. For the forms that show units already chosen (a plan's issuing unit,
 * an account's unit). Read afresh.
 */
export async function getUnitHitsByKey(keys: readonly string[]): Promise<Map<string, TUnitHit>> {
  const wanted = [...new Set(keys)].filter((k) => UNIT_KEY_PATTERN.test(k));
  if (!wanted.length) return new Map();
  const rows = await db().adminUnit.findMany({ where: { key: { in: wanted } }, select: hitSelect });
  return new Map(rows.map((r) => [r.key, toHit(r)]));
}

/** Which of these keys name no unit (to say why a search answered null). */
export async function unknownUnitKeys(keys: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(keys)].filter((k) => UNIT_KEY_PATTERN.test(k));
  const found = new Set((await db().adminUnit.findMany({ where: { key: { in: wanted } }, select: { key: true } })).map((u) => u.key));
  return [...new Set(keys)].filter((k) => !found.has(k));
}

const detailSelect = {
  ...hitSelect,
  _count: { select: { children: true } },
  predecessions: { select: { share: true, effectiveOn: true, predecessor: { select: refSelect } }, orderBy: [{ predecessor: { level: "asc" } }, { predecessor: { searchName: "asc" } }] },
  successions: { select: { share: true, effectiveOn: true, successor: { select: refSelect } }, orderBy: [{ successor: { level: "asc" } }, { successor: { searchName: "asc" } }] },
} as const satisfies Prisma.AdminUnitSelect;

async function loadGetUnitByKey(key: string): Promise<TUnitDetail | null> {
  if (!UNIT_KEY_PATTERN.test(key)) return null;
  const u = await db().adminUnit.findUnique({ where: { key }, select: detailSelect });
  if (!u) return null;
  return {
    ...toHit(u),
    children: u._count.children,
    predecessors: u.predecessions.map((s) => ({ ...ref(s.predecessor), share: s.share, effectiveOn: s.effectiveOn })),
    successors: u.successions.map((s) => ({ ...ref(s.successor), share: s.share, effectiveOn: s.effectiveOn })),
  };
}

/** One unit by its key ("92", "92-2025"), with its parent, children count and successions; null when none has it. Cached until the next write to the registry. */
export function getUnitByKey(key: string): Promise<TUnitDetail | null> {
  return cachedPublic(["unit-by-key", key], () => loadGetUnitByKey(key), "registry");
}
