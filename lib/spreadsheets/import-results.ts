import "server-only";
// Importing a filled-in result sheet for one plan: read the file (read-file.ts), keep the
// rows of this plan's grid that change something (match.ts), and hand them to THE write path,
// saveResults, which checks every row (permissions per row, ranges, periods, sub-target
// ≤ parent, versions, "18,000" for a count) before it writes all of them in one
// transaction, or nothing. A written file may come back with warnings at their rows.
// The server action (app/(workspace)/workspace/plans/[id]/import/actions.ts) and the
// integration tests both come through here.
import type { TActor } from "../auth/permissions";
import { listResultsForGrid, MAX_BATCH_ROWS, saveResults } from "../data/results-write";
import { batchOf, selectChangedRows } from "./match";
import { parseGridFile, type TFileError } from "./read-file";
import { rowErrorsOf, rowWarningsOf, type TImportReport } from "./report";

export type TImportOutcome =
  | { ok: true; report: TImportReport }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "file"; error: TFileError }
  | { ok: false; reason: "rows"; report: TImportReport };

/**
 * Imports `file` into plan `planId` as `actor`. Throws ForbiddenError when the actor may
 * not enter results at all (from listResultsForGrid).
 */
export async function importResultsFile(
  actor: TActor,
  planId: string,
  file: { name: string; type?: string; bytes: Uint8Array },
  opts: { publish?: boolean; ip?: string } = {},
): Promise<TImportOutcome> {
  const grid = await listResultsForGrid(actor, planId);
  if (!grid) return { ok: false, reason: "not_found" };
  const parsed = await parseGridFile(file);
  if (!parsed.ok) return { ok: false, reason: "file", error: parsed.error };

  const { rows, unchanged } = selectChangedRows(parsed.rows, grid);
  const base = { format: parsed.format, unchanged, blank: parsed.blank };
  if (rows.length === 0) return { ok: true, report: { ...base, imported: 0, errors: [], warnings: [] } };
  if (rows.length > MAX_BATCH_ROWS) return { ok: false, reason: "file", error: { code: "file_too_many_changes", params: { limit: MAX_BATCH_ROWS } } };

  const outcome = await saveResults(actor, batchOf(rows), { publish: opts.publish ?? false, ...(opts.ip ? { ip: opts.ip } : {}), source: "import" });
  if (outcome.ok) {
    // Rows with problems of their own are sent as null, which saveResults always refuses.
    // Warnings (saved, but worth a second look) go with the summary, at their file rows.
    return { ok: true, report: { ...base, imported: outcome.saved.length, errors: [], warnings: rowWarningsOf(rows, outcome.warnings) } };
  }
  return { ok: false, reason: "rows", report: { ...base, imported: 0, kind: outcome.kind, errors: rowErrorsOf(rows, outcome.errors), warnings: [] } };
}

/**
 * How many rows importing `file` would write, without writing anything: the number asked about
 * before approving and publishing them ("Duyệt và công bố 12 dòng từ tệp …?"). `rows: null` when
 * the import would refuse the file or write nothing anyway (the plan is not found, the file cannot
 * be read, a row has problems of its own, no row changes anything): there is nothing to confirm,
 * the import itself says why. `ok: false` when the file could not be read now (file_busy: another
 * file is being read): the question cannot be asked, and the import must not run unasked.
 * Throws ForbiddenError as importResultsFile does.
 */
export async function countRowsToImport(
  actor: TActor,
  planId: string,
  file: { name: string; type?: string; bytes: Uint8Array },
): Promise<{ ok: true; rows: number | null } | { ok: false; error: TFileError }> {
  const grid = await listResultsForGrid(actor, planId);
  if (!grid) return { ok: true, rows: null };
  const parsed = await parseGridFile(file);
  if (!parsed.ok) return parsed.error.code === "file_busy" ? { ok: false, error: parsed.error } : { ok: true, rows: null };
  const { rows } = selectChangedRows(parsed.rows, grid);
  if (rows.length === 0 || rows.length > MAX_BATCH_ROWS || rows.some((r) => r.problems.length > 0)) return { ok: true, rows: null };
  return { ok: true, rows: rows.length };
}
