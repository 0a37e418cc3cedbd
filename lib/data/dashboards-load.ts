import "server-only";
// Loads dashboard tables for downloads (published data only). The shaping itself is
// in ./dashboards (pure, unit-tested); this file only reads.
import type { TSheet } from "../api/xlsx";
import { statusLabel } from "../i18n/messages";
import { planTable, indicatorTrends, trendRows } from "./dashboards";
import { getPublishedPlan } from "./plans";
import { listTargetProgress } from "./progress";
import { listTrendResults } from "./results";
import { progressOf } from "./target-view";
import { unitScopeByCode } from "./units";
import { INDICATOR_COLUMNS, PLAN_COLUMNS, PLAN_STATUS_COLUMNS, STATUS_COLUMNS } from "./dashboard-columns";
import { listPlanStatusCounts } from "./overview";
import { UNIT_KEY_PATTERN } from "../domain/ids";


export async function planDashboardDownload(id: string, asOf: string): Promise<{ planId: string; table: TSheet } | null> {
  const plan = await getPublishedPlan(id);
  if (!plan) return null;
  const rows = planTable(plan.targets, progressOf(plan.targets, asOf), "vi");
  return { planId: plan.id, table: { name: "Chỉ tiêu theo năm", columns: PLAN_COLUMNS, rows } };
}

export async function unitDashboardDownload(code: string, asOf: string): Promise<{ status: TSheet; plans: TSheet; indicators: TSheet } | null> {
  if (!UNIT_KEY_PATTERN.test(code)) return null;
  const scope = await unitScopeByCode(code);
  if (!scope) return null;
  const [progress, plans, results] = await Promise.all([
    listTargetProgress({ unit: code, asOf }),
    listPlanStatusCounts(asOf, code),
    listTrendResults(scope),
  ]);
  const statusRows = (progress ?? []).map((r) => ({
    targetId: r.targetId,
    planId: r.planId,
    planCode: r.planCode,
    indicator: r.indicatorCode,
    group: r.groupCode,
    unit: r.unitCode,
    status: r.progress.status,
    statusLabel: statusLabel(r.progress.status, "vi"),
    actual: r.progress.actual,
    achieved: r.progress.achieved,
    required: r.progress.required,
    percent: r.progress.percent,
    dataYear: r.progress.dataYear,
  }));
  return {
    status: { name: "Trạng thái chỉ tiêu", columns: STATUS_COLUMNS, rows: statusRows },
    plans: {
      name: "Theo văn bản",
      columns: PLAN_STATUS_COLUMNS,
      rows: (plans ?? []).map((p) => ({ planId: p.planId, planCode: p.planCode, planTitle: p.planTitle, issueYear: p.issueYear, ...p.counts })),
    },
    indicators: { name: "Chỉ số theo năm", columns: INDICATOR_COLUMNS, rows: trendRows(indicatorTrends(results, "vi")) },
  };
}
