// What the "Kết quả được báo cáo" (reported results) section of a plan page shows.

/**
 * - "table": the figures reported with the plan but not tied to any of its targets;
 * - "hidden": no such figures, but its targets have results (each target row already shows
 *   them): no section at all, never an empty heading;
 * - "empty": nothing reported for the plan: the section says so.
 */
export function reportedResultsSection(reportedWithoutTarget: number, onTargets: number): "table" | "hidden" | "empty" {
  if (reportedWithoutTarget > 0) return "table";
  return onTargets > 0 ? "hidden" : "empty";
}
