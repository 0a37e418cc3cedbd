import "server-only";
// Progress of published targets for the API and dashboards. Targets are filtered in
// SQL; the status maths is lib/domain/progress. For today's date the answer is read
// from the progress summary (lib/data/progress-summary), which the same function fills;
// for any other date it is computed from the targets' published results.
import type { Prisma } from "../generated/prisma/client";
import type { Progress } from "../domain/progress";
import { cachedPublic } from "../cache/public";
import { isoDateInTimeZone } from "../domain/numbers";
import { computeTargetProgress, progressRowOf, type TProgressRow } from "./progress-compute";
import { readSummaryProgress, summaryUsable } from "./progress-summary";
import { unitScopeByCode } from "./units";

export type TProgressFilter = { unit?: string; year?: number; indicator?: string; asOf: string };

export type { TProgressRow };

/** The published-target filter of the API and dashboards, in SQL terms; null for an unknown unit. */
export async function progressWhere(filter: Omit<TProgressFilter, "asOf">): Promise<Prisma.TargetWhereInput | null> {
  const and: Prisma.TargetWhereInput[] = [{ status: "PUBLISHED", plan: { status: "PUBLISHED" } }];
  if (filter.unit) {
    const scope = await unitScopeByCode(filter.unit);
    if (!scope) return null;
    and.push({ unitId: { in: scope } });
  }
  if (filter.year) and.push({ periodStart: { lte: filter.year }, periodEnd: { gte: filter.year } });
  if (filter.indicator) and.push({ indicator: { code: filter.indicator } });
  return { AND: and };
}

async function loadListTargetProgress(filter: TProgressFilter): Promise<TProgressRow[] | null> {
  const where = await progressWhere(filter);
  if (!where) return null;
  const rows =
    (await summaryUsable(filter.asOf, isoDateInTimeZone()))
      ? await readSummaryProgress(where, filter.asOf)
      : (await computeTargetProgress(where, filter.asOf)).map(({ target, progress }) => progressRowOf(target, progress));
  if (!filter.year) return rows;
  return rows.map((r) => ({ ...r, progress: r.progress.yearly?.find((y) => y.year === filter.year) ?? r.progress }));
}

/** Cached for the public until the next write (lib/cache/public). */
export function listTargetProgress(filter: TProgressFilter): Promise<TProgressRow[] | null> {
  return cachedPublic(["progress", filter.asOf, filter.unit ?? null, filter.year ?? null, filter.indicator ?? null], () => loadListTargetProgress(filter));
}
