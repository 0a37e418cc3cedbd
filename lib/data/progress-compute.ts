import { PUBLIC_RESULT, publicFigureSelect, publicResult } from "./public-results";
import "server-only";
// Loads targets with their published results and runs the one progress function
// (lib/domain/progress via progressOf). Used by the progress summary and for dates
// other than today.
import { db } from "../db/client";
import type { Db } from "../db/prisma";
import type { Prisma } from "../generated/prisma/client";
import { withTargetNumbers } from "./decimal";
import { targetSelect } from "./plans";
import { progressOf } from "./target-view";
import type { Progress } from "../domain/progress";

/** One target's progress as the API and the dashboards list it. */
export type TProgressRow = {
  targetId: string;
  planId: string;
  planCode: string | null;
  indicatorCode: string | null;
  /** The population group the target counts ("all" for the whole unit). */
  groupCode: string;
  unitCode: string;
  progress: Progress;
};

type TProgressRowSource = { id: string; planId: string; plan: { code: string | null }; indicator: { code: string } | null; group: { code: string }; unit: { code: string } };

export function progressRowOf(t: TProgressRowSource, progress: Progress): TProgressRow {
  return { targetId: t.id, planId: t.planId, planCode: t.plan.code, indicatorCode: t.indicator?.code ?? null, groupCode: t.group.code, unitCode: t.unit.code, progress };
}

const progressSelect = {
  ...targetSelect,
  planId: true,
  plan: { select: { code: true } },
  results: { where: PUBLIC_RESULT, select: { year: true, unitId: true, ...publicFigureSelect } },
} satisfies Prisma.TargetSelect;

/**
 * Progress of the targets `where` selects, as of a date, by the one progress function.
 * Share targets get their parent's results even when `where` leaves the parent out.
 */
export async function computeTargetProgress(where: Prisma.TargetWhereInput, asOf: string, client: Pick<Db, "target"> = db()) {
  const targets = await client.target.findMany({ where, select: progressSelect, orderBy: [{ planId: "asc" }, { position: "asc" }] });
  const missingParents = [...new Set(targets.map((t) => t.parentId).filter((p): p is string => !!p && !targets.some((t) => t.id === p)))];
  const parents = missingParents.length ? await client.target.findMany({ where: { id: { in: missingParents } }, select: progressSelect }) : [];
  const rows = [...targets, ...parents].map((t) => withTargetNumbers({ ...t, results: t.results.map(publicResult) }));
  const progress = progressOf(rows, asOf);
  return targets.map((t) => ({ target: t, progress: progress.get(t.id)! }));
}

