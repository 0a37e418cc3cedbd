import "server-only";
// What an officer's workspace lists: plans (any status) in the actor's jurisdiction.
import { inJurisdiction, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { listUnits } from "./units";

export async function listPlansForActor(actor: TActor) {
  const units = await listUnits();
  const scope = units.filter((u) => inJurisdiction(actor, u.id, units)).map((u) => u.id);
  return db().plan.findMany({
    where: actor.role === "ADMIN" ? {} : { OR: [{ issuerUnitId: { in: scope } }, { targets: { some: { unitId: { in: scope } } } }] },
    select: {
      id: true,
      code: true,
      title: true,
      status: true,
      periodStart: true,
      periodEnd: true,
      issuerUnit: { select: { name: true, nameEn: true } },
      _count: { select: { targets: true } },
    },
    orderBy: [{ issueYear: "desc" }, { id: "asc" }],
  });
}
