import "server-only";
// Administrative units: the registry's ~13.400 rows, read once per registry version (and
// once per request), the unit tree built once per read (lib/domain/unit-tree.ts).
import { cache } from "react";
import { cachedPublic } from "../cache/public";
import { db } from "../db/client";
import { unitTree } from "../domain/unit-tree";
import type { TRegUnit } from "../domain/units-admin";

export { unitSelect } from "./unit-select";
import { unitSelect } from "./unit-select";

/** A unit as the database gives it: the registry's unit (lib/domain/units-admin.ts) with its days as dates. */
export type TUnit = Omit<TRegUnit, "validFrom" | "validTo"> & { validFrom: Date | null; validTo: Date | null };

/** Every unit; cached until the next write to the registry (lib/cache/public), and once per request. */
export const listUnits = cache(
  (): Promise<TUnit[]> =>
    cachedPublic(["units"], () => db().adminUnit.findMany({ select: unitSelect, orderBy: [{ level: "asc" }, { name: "asc" }] }), "registry"),
);

/**
 * The ids a unit stands for when filtering: itself, every unit below it, and
 * the units merged into it (with theirs), so that a successor shows its
 * predecessors' plans and results.
 */
export function unitScope(units: TUnit[], rootId: string): ReadonlySet<string> {
  return unitTree(units).scope(rootId);
}

/** Ancestors from the top down (excluding the unit itself). */
export function unitAncestors(units: TUnit[], unit: TUnit): TUnit[] {
  return unitTree(units).ancestors(unit.id);
}

/** The unit ids a unit code stands for (unitScope: itself, below it, merged into it); null for an unknown code. */
export async function unitScopeByCode(code: string): Promise<string[] | null> {
  const units = await listUnits();
  const unit = unitTree(units).withKey(code);
  return unit ? [...unitScope(units, unit.id)] : null;
}

export type TSuccession = { unit: TUnit; share: "FULL" | "PARTIAL"; effectiveOn: Date };

/** The units a unit went into, and those that went into it, wholly or in part (the official lists). */
async function loadUnitSuccessions(unitId: string): Promise<{ predecessors: TSuccession[]; successors: TSuccession[] }> {
  const [units, rows] = await Promise.all([
    listUnits(),
    db().unitSuccession.findMany({ where: { OR: [{ predecessorId: unitId }, { successorId: unitId }] }, select: { predecessorId: true, successorId: true, share: true, effectiveOn: true } }),
  ]);
  const tree = unitTree(units);
  const pick = (rows2: typeof rows, other: (r: (typeof rows)[number]) => string): TSuccession[] =>
    rows2.flatMap((r) => {
      const unit = tree.get(other(r));
      return unit ? [{ unit, share: r.share, effectiveOn: r.effectiveOn }] : [];
    });
  const collator = new Intl.Collator("vi");
  const byName = (a: TSuccession, b: TSuccession) => collator.compare(a.unit.name, b.unit.name);
  return {
    predecessors: pick(rows.filter((r) => r.successorId === unitId), (r) => r.predecessorId).sort(byName),
    successors: pick(rows.filter((r) => r.predecessorId === unitId), (r) => r.successorId).sort(byName),
  };
}

/** Cached until the next write to the registry (lib/cache/public). */
export function getUnitSuccessions(unitId: string): Promise<{ predecessors: TSuccession[]; successors: TSuccession[] }> {
  return cachedPublic(["unit-successions", unitId], () => loadUnitSuccessions(unitId), "registry");
}

/** Units that issued or are the subject of published plans, for filters. */
async function loadListUnitsWithPlans(): Promise<TUnit[]> {
  const units = await listUnits();
  const rows = await db().plan.findMany({ where: { status: "PUBLISHED" }, select: { issuerUnitId: true }, distinct: ["issuerUnitId"] });
  const ids = new Set(rows.map((r) => r.issuerUnitId));
  // Include each issuer's ancestors and successors, so a province finds its districts' plans.
  for (const u of units) {
    if (!ids.has(u.id)) continue;
    for (const a of unitAncestors(units, u)) if (a.level !== "NATION") ids.add(a.id);
    if (u.successorId) ids.add(u.successorId);
  }
  return units.filter((u) => ids.has(u.id));
}

/** Cached for the public until the next write (lib/cache/public). */
export function listUnitsWithPlans(): Promise<TUnit[]> {
  return cachedPublic(["units-with-plans"], () => loadListUnitsWithPlans());
}
