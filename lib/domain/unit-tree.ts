/**
 * The tree of administrative units: the one walk of parents, children and successors.
 * Two questions are asked of it, and they differ on purpose (docs/domain.md):
 * - `isWithin`: is a unit the given one or below it, by parents only. Jurisdiction: an officer
 *   of a province works in its districts, never in a unit merged into it.
 * - `scope`: the unit, every unit below it, and the units merged into it (with theirs). What a
 *   unit stands for when the public filters: a successor shows its predecessors' plans.
 * A tree is built once per list of units (memoised on the array), so asking is cheap.
 * Pure: no imports.
 */

export type TUnitNode = {
  id: string;
  parentId: string | null;
  /** The official code (reused across the 2025 reform) and the unique key ("92", "92-2025"). */
  code?: string;
  key?: string;
  successorId?: string | null;
  level?: string;
  validFrom?: Date | null;
  validTo?: Date | null;
};

/** A loop guard: no real tree is this deep. */
const MAX_DEPTH = 12;

export class UnitTree<U extends TUnitNode> {
  readonly byId = new Map<string, U>();
  private readonly children = new Map<string, U[]>();
  private readonly predecessors = new Map<string, U[]>();
  private readonly byCode = new Map<string, U[]>();
  private readonly byKey = new Map<string, U>();

  constructor(units: readonly U[]) {
    for (const u of units) {
      this.byId.set(u.id, u);
      if (u.code) this.byCode.set(u.code, [...(this.byCode.get(u.code) ?? []), u]);
      if (u.key) this.byKey.set(u.key, u);
    }
    for (const u of units) {
      if (u.parentId) this.children.set(u.parentId, [...(this.children.get(u.parentId) ?? []), u]);
      if (u.successorId) this.predecessors.set(u.successorId, [...(this.predecessors.get(u.successorId) ?? []), u]);
    }
  }

  get(id: string | null | undefined): U | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  /** The unit of a key ("92", "92-2025"): unambiguous whatever the year. */
  withKey(key: string): U | undefined {
    return this.byKey.get(key);
  }

  /**
   * The unit a code names in a year: the one with that code that existed in the year (codes are
   * reused across the reform, but never by two units at once); else the unit whose key it is.
   */
  inYear(codeOrKey: string, year: number): U | undefined {
    return (this.byCode.get(codeOrKey) ?? []).find((u) => validInYear(u, year)) ?? this.byKey.get(codeOrKey);
  }

  /** Ancestors from the top down, the unit itself excluded. */
  ancestors(id: string): U[] {
    const out: U[] = [];
    let p = this.get(this.get(id)?.parentId);
    while (p && out.length < MAX_DEPTH) {
      out.unshift(p);
      p = this.get(p.parentId);
    }
    return out;
  }

  /** True when `id` is `ancestorId` or lies below it (parents only). */
  isWithin(id: string, ancestorId: string): boolean {
    let cur = this.get(id);
    for (let depth = 0; cur && depth < MAX_DEPTH; depth++) {
      if (cur.id === ancestorId) return true;
      cur = this.get(cur.parentId);
    }
    return false;
  }

  private readonly scopes = new Map<string, ReadonlySet<string>>();

  /** The unit, every unit below it, and the units merged into it with theirs (computed once per unit). */
  scope(rootId: string): ReadonlySet<string> {
    const known = this.scopes.get(rootId);
    if (known) return known;
    const scope = new Set<string>();
    const stack = [rootId];
    while (stack.length) {
      const id = stack.pop()!;
      if (scope.has(id)) continue;
      scope.add(id);
      for (const c of this.children.get(id) ?? []) stack.push(c.id);
      for (const p of this.predecessors.get(id) ?? []) stack.push(p.id);
    }
    this.scopes.set(rootId, scope);
    return scope;
  }

  /** The province a unit belongs to (itself for a province); the unit itself when it has none above the nation. */
  provinceOf(id: string): U | undefined {
    const unit = this.get(id);
    if (!unit || unit.level === "PROVINCE") return unit;
    return this.ancestors(id).find((a) => a.level === "PROVINCE") ?? unit;
  }
}

const trees = new WeakMap<readonly TUnitNode[], UnitTree<TUnitNode>>();

/** The tree of a list of units, built once per list. */
export function unitTree<U extends TUnitNode>(units: readonly U[]): UnitTree<U> {
  let t = trees.get(units);
  if (!t) {
    t = new UnitTree(units);
    trees.set(units, t);
  }
  return t as unknown as UnitTree<U>;
}

/** True when the unit existed in every year of a period (a plan or target must be for a unit that does). */
export function validThroughout(unit: Pick<TUnitNode, "validFrom" | "validTo">, start: number, end: number): boolean {
  for (let y = start; y <= end; y++) if (!validInYear(unit, y)) return false;
  return true;
}

/** True when the unit existed in that year (validity by calendar year, either end open). */
export function validInYear(unit: Pick<TUnitNode, "validFrom" | "validTo">, year: number): boolean {
  return (!unit.validFrom || unit.validFrom.getUTCFullYear() <= year) && (!unit.validTo || unit.validTo.getUTCFullYear() >= year);
}
