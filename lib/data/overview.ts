import "server-only";
// Public overview: how many published targets are in each status, as of a date.
// Statuses come from the one progress function (via listTargetProgress).
import { STATUS_ORDER, type ProgressStatus } from "../domain/progress";
import { listTargetProgress } from "./progress";

export type TStatusCounts = Record<ProgressStatus, number> & { total: number };

export async function getStatusCounts(asOf: string): Promise<TStatusCounts> {
  const rows = (await listTargetProgress({ asOf })) ?? [];
  const counts = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0])) as Record<ProgressStatus, number>;
  for (const r of rows) counts[r.progress.status]++;
  return { ...counts, total: rows.length };
}
