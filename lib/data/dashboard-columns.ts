import { STATUS_ORDER } from "../domain/progress";

// Columns of the dashboard downloads (CSV and XLSX), shared by the routes and the API description.
export const PLAN_COLUMNS = ["targetId", "parentId", "target", "unit", "period", "year", "required", "achieved", "expected", "actual", "level", "percent", "status", "statusLabel"] as const;
export const STATUS_COLUMNS = ["targetId", "planId", "planCode", "indicator", "group", "unit", "status", "statusLabel", "actual", "achieved", "required", "percent", "dataYear"] as const;
export const INDICATOR_COLUMNS = ["indicator", "indicatorName", "group", "measureUnit", "unit", "unitName", "label", "year", "qualifier", "value"] as const;
export const PLAN_STATUS_COLUMNS = ["planId", "planCode", "planTitle", "issueYear", ...STATUS_ORDER, "total"] as const;
