// Matching the rows of a file to the plan's grid: which of them to send to saveResults.
import type { TGrid } from "../data/results-write";
import { numberErrorsForMeasure, parseResultInput, type TResultData } from "../validation/results";
import type { TImportRow } from "./read-file";

const sameText = (given: string | null | undefined, stored: string | null) => given === undefined || (given ?? null) === stored;
const sameNumber = (given: number | null | undefined, stored: number | null) => given === undefined || (given ?? null) === stored;

/**
 * Rows worth sending to saveResults: those of this plan's grid that change something.
 * A row equal to the stored result (value, baseline, note, evidence link) is left out,
 * so an exported file comes back without touching approved (locked) results or bumping
 * versions. A row for a target that is not in the grid (another plan, or nothing the
 * actor may fill) gets a problem of its own.
 */
export function selectChangedRows(rows: TImportRow[], grid: TGrid): { rows: TImportRow[]; unchanged: number } {
  const targetById = new Map(grid.targets.map((t) => [t.id, t]));
  const cellByKey = new Map(grid.cells.map((c) => [`${c.targetId}|${c.unitCode}|${c.year}`, c]));
  const out: TImportRow[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const parsed = row.problems.length > 0 ? null : parseResultInput(row.input);
    if (!parsed?.ok) {
      out.push(row); // the write path says what is wrong
      continue;
    }
    const d: TResultData = parsed.data;
    const target = targetById.get(d.targetId);
    if (!target) {
      out.push({ ...row, problems: [{ field: "targetId", code: "sheet_target_not_in_plan", params: { targetId: d.targetId } }] });
      continue;
    }
    // A number the target's measure makes ambiguous ("18,000" for a count) is never "unchanged":
    // the write path refuses it.
    if (numberErrorsForMeasure(row.input, target.indicator).length > 0) {
      out.push(row);
      continue;
    }
    const stored = cellByKey.get(`${d.targetId}|${d.unitCode}|${d.year}`)?.result;
    if (stored && d.value === stored.value && sameNumber(d.baseline, stored.baseline) && sameText(d.note, stored.note) && sameText(d.evidenceUrl, stored.evidenceUrl)) {
      unchanged++;
      continue;
    }
    out.push(row);
  }
  return { rows: out, unchanged };
}

/**
 * The batch for saveResults. A row with a problem of its own is sent as `null`, which the
 * write path always refuses: the whole file is then rejected (nothing written) while every
 * other row is still checked, so the report is complete.
 */
export function batchOf(rows: TImportRow[]): unknown[] {
  return rows.map((r) => (r.problems.length > 0 ? null : r.input));
}
