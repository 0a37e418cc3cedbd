// Interface text of the dashboards (plan progress charts, unit dashboard, status summary,
// chart data tables), Vietnamese first. Every key exists in both languages (checked by the type).
import type { Locale } from "./locale";

const vi = {
  // Shared by the charts' data tables.
  year: "Năm",
  showAsTable: "Xem dạng bảng",
  seriesHeader: "Đơn vị, nội dung",
  // Progress chart of a plan (document).
  planChartTitle: "Biểu đồ tiến độ",
  planDownload: "Tải bảng chỉ tiêu × năm:",
  planEmpty: "Chưa có kết quả được công bố cho các chỉ tiêu định lượng của văn bản này, nên chưa có biểu đồ.",
  required: "Yêu cầu",
  achieved: "Đã đạt",
  requiredAndAchieved: (title: string) => `Yêu cầu và đã đạt: ${title}`,
  level: "Mức chỉ tiêu",
  actual: "Thực tế",
  levelAndActual: (title: string) => `Mức chỉ tiêu và giá trị thực tế: ${title}`,
  ofWhich: "Trong đó",
  percentStatus: "Tỷ lệ, trạng thái",
  // Dashboard of a unit.
  overviewTitle: "Tổng quan tiến độ",
  downloadStatus: "Tải bảng trạng thái:",
  downloadIndicators: "Bảng chỉ số theo năm:",
  statusCaption: (total: number) => `Chỉ tiêu theo trạng thái (${total} chỉ tiêu)`,
  trendsTitle: "Xu hướng các chỉ số",
  noTrends: "Chưa có kết quả được công bố cho đơn vị này.",
  trendName: (indicator: string, measureUnit: string) => `${indicator} (${measureUnit}) theo năm`,
  over: "hơn",
  about: "khoảng",
  approxIntro: "Theo nguồn, các giá trị sau là số xấp xỉ, không phải số chính xác:",
  // Status summary table.
  statusCol: "Trạng thái",
  targetsCol: "Số chỉ tiêu",
  shareBar: (parts: string, total: string) => `Tỷ lệ chỉ tiêu theo trạng thái: ${parts} (tổng ${total} chỉ tiêu)`,
  // Targets by status, per plan (unit dashboard).
  plansByStatusTitle: "Chỉ tiêu của từng văn bản theo trạng thái",
  downloadPlans: "Bảng theo văn bản:",
  planCol: "Văn bản",
  totalCol: "Tổng",
  noPlanTargets: "Chưa có chỉ tiêu nào của đơn vị này được công bố.",
  noNumber: "Không ghi số hiệu",
};

type TDashboardsDict = typeof vi;

const en: TDashboardsDict = {
  year: "Year",
  showAsTable: "Show as table",
  seriesHeader: "Unit, what is counted",
  planChartTitle: "Progress chart",
  planDownload: "Download the target × year table:",
  planEmpty: "No published results for this document's numeric targets yet, so there is no chart.",
  required: "Required",
  achieved: "Achieved",
  requiredAndAchieved: (title) => `Required and achieved: ${title}`,
  level: "Target level",
  actual: "Actual",
  levelAndActual: (title) => `Target level and actual value: ${title}`,
  ofWhich: "Of which",
  percentStatus: "Percent, status",
  overviewTitle: "Progress overview",
  downloadStatus: "Download the status table:",
  downloadIndicators: "Indicators by year:",
  statusCaption: (total) => `Targets by status (${total} targets)`,
  trendsTitle: "Indicator trends",
  noTrends: "No published results for this unit yet.",
  trendName: (indicator, measureUnit) => `${indicator} (${measureUnit}) by year`,
  over: "over",
  about: "about",
  approxIntro: "The source gives these values as bounds or approximations:",
  statusCol: "Status",
  targetsCol: "Targets",
  shareBar: (parts, total) => `Share of targets by status: ${parts} (${total} targets in all)`,
  plansByStatusTitle: "Each document's targets by status",
  downloadPlans: "By document:",
  planCol: "Document",
  totalCol: "Total",
  noPlanTargets: "No published targets for this unit yet.",
  noNumber: "No number stated",
};

export const dashboardsDictionary: Record<Locale, TDashboardsDict> = { vi, en };
