import "server-only";
// What an officer's workspace lists: the plans (any status) with their issuer or a target in
// the actor's jurisdiction, which they work on; and the published plans of the units merged into
// theirs (their reading scope), which they read but do not rewrite (docs/domain.md).
import { inJurisdiction, inReadingScope, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { listUnits } from "./units";

const planSelect = {
  id: true,
  code: true,
  title: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  issuerUnit: { select: { name: true, nameEn: true } },
  _count: { select: { targets: true } },
} as const;

const inUnits = (ids: string[]) => ({ OR: [{ issuerUnitId: { in: ids } }, { targets: { some: { unitId: { in: ids } } } }] });

export async function listPlansForActor(actor: TActor) {
  const orderBy = [{ issueYear: "desc" as const }, { id: "asc" as const }];
  if (actor.role === "ADMIN") return { work: await db().plan.findMany({ select: planSelect, orderBy }), read: [] };
  const units = await listUnits();
  const working = units.filter((u) => inJurisdiction(actor, u.id, units)).map((u) => u.id);
  const workingSet = new Set(working);
  const readOnly = units.filter((u) => !workingSet.has(u.id) && inReadingScope(actor, u.id, units)).map((u) => u.id);
  const [work, read] = await Promise.all([
    db().plan.findMany({ where: inUnits(working), select: planSelect, orderBy }),
    readOnly.length ? db().plan.findMany({ where: { status: "PUBLISHED", ...inUnits(readOnly) }, select: planSelect, orderBy }) : [],
  ]);
  const mine = new Set(work.map((p) => p.id));
  return { work, read: read.filter((p) => !mine.has(p.id)) };
}
