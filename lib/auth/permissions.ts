// Who may do what, where: the one place that decides. Pure functions, no I/O,
// so the same rule serves pages, server actions, route handlers, imports and
// the write API, and is tested as a matrix (permissions.test.ts).
//
// Jurisdiction (docs/domain.md):
//  - administrators: everywhere;
//  - provincial officers: their province and every unit below it;
//  - district staff: their own district (and units below it), and they may only
//    propose (enter and submit) results, never approve or publish.
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
  "audit.read.unit", // see the history of values in one's jurisdiction
  "audit.read.all", // search the whole audit log
  "user.manage", // accounts, roles, jurisdictions
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const GRANTS: Record<TRole, readonly TPermission[]> = {
  ADMIN: PERMISSIONS,
  PROVINCIAL_OFFICER: ["result.edit", "result.publish", "result.reopen", "plan.edit", "plan.publish", "token.own", "audit.read.unit"],
  DISTRICT_STAFF: ["result.edit", "token.own", "audit.read.unit"],
};

/** Permissions that are about a unit: the actor's jurisdiction must contain it. */
const UNIT_SCOPED: ReadonlySet<TPermission> = new Set(["result.edit", "result.publish", "result.reopen", "plan.edit", "plan.publish", "audit.read.unit"]);

export function hasPermission(actor: TActor | null, permission: TPermission): boolean {
  return !!actor && GRANTS[actor.role].includes(permission);
}

/** True when `unitId` is the actor's unit or lies below it. Administrators cover every unit. */
export function inJurisdiction(actor: TActor, unitId: string, units: readonly TUnitNode[]): boolean {
  if (actor.role === "ADMIN") return true;
  if (!actor.unitId) return false;
  return unitTree(units).isWithin(unitId, actor.unitId);
}

/**
 * The decision for one action on one resource. `unitId` is the unit the resource
 * belongs to (a result's unit, a plan's issuing unit); required for unit-scoped permissions.
 */
export function can(actor: TActor | null, permission: TPermission, units: readonly TUnitNode[] = [], unitId?: string | null): boolean {
  if (!actor || !hasPermission(actor, permission)) return false;
  if (!UNIT_SCOPED.has(permission)) return true;
  if (!unitId) return actor.role === "ADMIN";
  return inJurisdiction(actor, unitId, units);
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
