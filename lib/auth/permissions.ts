// Who may do what, where: the one place that decides. Pure functions, no I/O,
// so the same rule serves pages, server actions, route handlers, imports and
// the write API, and is tested as a matrix (permissions.test.ts).
//
// Jurisdiction (docs/domain.md, "Who may do what"):
//  - administrators: everywhere;
//  - provincial officers: their province and every unit below it;
//  - district and commune staff: their own district or commune (and units below it), and they
//    may only propose (enter and submit) results, never approve or publish;
//  - across a reform: an account whose unit ended wholly in another works in the successor as
//    well (its old plans stay its own); and an account reads, never rewrites, what the units
//    merged into its own published (its reading scope: `inReadingScope`).
// Anything not granted here is denied (fail closed).
import { unitTree, type TUnitNode } from "../domain/unit-tree";
import { AppError } from "../errors";

export type TRole = "ADMIN" | "PROVINCIAL_OFFICER" | "DISTRICT_STAFF";

export type TActor = { id: string; role: TRole; unitId: string | null; email: string; name: string };

export type { TUnitNode };

export const PERMISSIONS = [
  "result.edit", // enter or change a draft result, submit it
  "result.publish", // approve and publish results
  "result.reopen", // unlock a published result, with a reason
  "plan.edit", // create and edit plans, targets, tasks and citations (drafts)
  "plan.publish", // publish a plan and its targets
  "token.own", // manage one's own personal access tokens
  "audit.read.unit", // see the history of values in one's reading scope
  "plan.read", // open a plan's published figures in the workspace (read only)
  "audit.read.all", // search the whole audit log
  "user.manage", // accounts, roles, jurisdictions
  "unit.manage", // the registry of administrative units: create, rename, end, reorganise, import, delete
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const GRANTS: Record<TRole, readonly TPermission[]> = {
  ADMIN: PERMISSIONS,
  PROVINCIAL_OFFICER: ["result.edit", "result.publish", "result.reopen", "plan.edit", "plan.publish", "token.own", "audit.read.unit", "plan.read"],
  DISTRICT_STAFF: ["result.edit", "token.own", "audit.read.unit", "plan.read"],
};

/** Permissions that are about a unit: the actor's jurisdiction must contain it. */
const UNIT_SCOPED: ReadonlySet<TPermission> = new Set(["result.edit", "result.publish", "result.reopen", "plan.edit", "plan.publish", "audit.read.unit", "plan.read"]);

/** Unit-scoped permissions that only read: granted in the actor's reading scope, wider than its jurisdiction. */
const READING: ReadonlySet<TPermission> = new Set(["audit.read.unit", "plan.read"]);

export function hasPermission(actor: TActor | null, permission: TPermission): boolean {
  return !!actor && GRANTS[actor.role].includes(permission);
}

/**
 * The units an account works from: its own, and, when its unit ended wholly in another at a
 * reform (successorId), that successor (and its successor, after a later reform).
 */
export function jurisdictionRoots(actor: TActor, units: readonly TUnitNode[]): string[] {
  if (!actor.unitId) return [];
  const tree = unitTree(units);
  const roots = [actor.unitId];
  let unit = tree.get(actor.unitId);
  while (unit?.successorId && unit.validTo && !roots.includes(unit.successorId) && roots.length < 8) {
    roots.push(unit.successorId);
    unit = tree.get(unit.successorId);
  }
  return roots;
}

/** True when `unitId` is one of the actor's units (jurisdictionRoots) or lies below it. Administrators cover every unit. */
export function inJurisdiction(actor: TActor, unitId: string, units: readonly TUnitNode[]): boolean {
  if (actor.role === "ADMIN") return true;
  const tree = unitTree(units);
  return jurisdictionRoots(actor, units).some((root) => tree.isWithin(unitId, root));
}

/**
 * True when the actor may read the unit's published figures and their history in the
 * workspace: its jurisdiction, and the units merged into its units (with theirs), so that
 * Cần Thơ's officers read the former Sóc Trăng's plans. Reading only: writing needs inJurisdiction.
 */
export function inReadingScope(actor: TActor, unitId: string, units: readonly TUnitNode[]): boolean {
  if (actor.role === "ADMIN") return true;
  const tree = unitTree(units);
  return jurisdictionRoots(actor, units).some((root) => tree.scope(root).has(unitId));
}

/**
 * The decision for one action on one resource. `unitId` is the unit the resource
 * belongs to (a result's unit, a plan's issuing unit); required for unit-scoped permissions.
 */
export function can(actor: TActor | null, permission: TPermission, units: readonly TUnitNode[] = [], unitId?: string | null): boolean {
  if (!actor || !hasPermission(actor, permission)) return false;
  if (!UNIT_SCOPED.has(permission)) return true;
  if (!unitId) return actor.role === "ADMIN";
  return READING.has(permission) ? inReadingScope(actor, unitId, units) : inJurisdiction(actor, unitId, units);
}

/** The actor may not do this: the error model's "forbidden" (lib/errors.ts), thrown by assertCan. */
export class ForbiddenError extends AppError {
  constructor() {
    super("forbidden", { code: "forbidden" });
    this.name = "ForbiddenError";
  }
}

export function assertCan(actor: TActor | null, permission: TPermission, units: readonly TUnitNode[] = [], unitId?: string | null): asserts actor is TActor {
  if (!can(actor, permission, units, unitId)) throw new ForbiddenError();
}
