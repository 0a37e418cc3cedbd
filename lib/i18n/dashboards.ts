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
  // "Mức hoàn thành" (share of the requirement achieved), not "tỷ lệ": beside a rate it would be misread.
  percentStatus: "Mức hoàn thành, trạng thái",
  // Plan charts: what the value axis measures, always with its unit.
  axisPointsDown: "Điểm % giảm",
  axisPointsUp: "Điểm % tăng",
  axisDecrease: (unit: string) => `Mức giảm (${unit})`,
  axisIncrease: (unit: string) => `Mức tăng (${unit})`,
  axisCount: (unit: string) => `Số lượng (${unit})`,
  axisShare: "Tỷ lệ trong chỉ tiêu cha (%)",
  axisLevel: (unit: string) => `Giá trị (${unit})`,
  axisAverageDecrease: (unit: string) => `Mức giảm bình quân mỗi năm (${unit})`,
  axisFactor: "Số lần so với giá trị gốc",
  axisUnitsShare: "Tỷ lệ số đơn vị đạt (%)",
  /** The unit of a change in a rate ("2,5 điểm %"). */
  pointsUnit: (_one: boolean): string => "điểm %",
  /** The unit of an average yearly change in a rate ("1,2 điểm %/năm"), and of another unit ("100 hộ/năm"). */
  pointsPerYearUnit: (_one: boolean): string => "điểm %/năm",
  perYear: (unit: string) => `${unit}/năm`,
  /** The unit of a factor ("1,5 lần"). */
  timesUnit: "lần",
  requiredDecrease: "Yêu cầu giảm",
  achievedDecrease: "Đã giảm",
  requiredAverageDecrease: "Yêu cầu giảm bình quân",
  achievedAverageDecrease: "Đã giảm bình quân",
  requiredIncrease: "Yêu cầu tăng",
  achievedIncrease: "Đã tăng",
  /** The words of a required amount: "khoảng 25.000", "từ 2 đến 3", "trên 3", "hơn 1.000". */
  rangeFromTo: (a: string, b: string) => `từ ${a} đến ${b}`,
  moreThan: "trên",
  /** Strict and approximate at once: the source's "hơn" ("hơn 1.000", not "trên khoảng 1.000"). */
  moreThanAbout: "hơn",
  // What a plan chart plots, in one sentence under it.
  noteChange: (down: boolean, annual: boolean, required: string) =>
    annual
      ? `Mỗi năm: mức ${down ? "giảm" : "tăng"} so với cuối năm trước (${down ? "giá trị năm trước trừ giá trị năm đó" : "giá trị năm đó trừ giá trị năm trước"}), không phải giá trị của chỉ số; yêu cầu mỗi năm: ${down ? "giảm" : "tăng"} ${required}.`
      : `Mức ${down ? "giảm" : "tăng"} so với giá trị gốc (${down ? "giá trị gốc trừ giá trị mới nhất" : "giá trị mới nhất trừ giá trị gốc"}), không phải giá trị của chỉ số; yêu cầu: ${down ? "giảm" : "tăng"} ${required}.`,
  noteCount: (annual: boolean, required: string) => (annual ? `Kết quả của từng năm so với yêu cầu mỗi năm: ${required}.` : `Tổng kết quả trong kỳ so với yêu cầu: ${required}.`),
  noteShare: (required: string) => `Tỷ lệ so với chỉ tiêu cha, so với yêu cầu: ${required}.`,
  noteLevel: (level: string) => `Giá trị mới nhất của chỉ số so với mức chỉ tiêu ${level} (không có giá trị gốc nên không tính được mức thay đổi).`,
  noteAverageDecrease: (required: string) =>
    `Mức giảm bình quân mỗi năm từ đầu kỳ (giá trị gốc trừ giá trị mới nhất, chia cho số năm từ năm đầu kỳ đến năm của giá trị mới nhất), không phải giá trị của chỉ số; yêu cầu: giảm bình quân ${required}.`,
  noteFactor: (required: string) =>
    `Giá trị mới nhất gấp bao nhiêu lần giá trị gốc (giá trị mới nhất chia cho giá trị gốc), không phải giá trị của chỉ số; yêu cầu: tăng ${required}.`,
  noteUnitsShare: (required: string, units: string | null) =>
    units === null
      ? `Tỷ lệ số đơn vị đạt trên tổng số đơn vị; chỉ tiêu chưa nêu tổng số đơn vị nên chưa tính được tỷ lệ. Yêu cầu: ${required}.`
      : `Số đơn vị đạt chia cho tổng số ${units}, tính theo %, so với yêu cầu: ${required}.`,
  /** Data table: the indicator's values a change is computed from. */
  fromTo: (annual: boolean): string => (annual ? "Cuối năm trước → cuối năm" : "Giá trị gốc → mới nhất"),
  /** Data table of a share of units: units reached, of how many. */
  unitsReached: "Số đơn vị đạt / tổng số",
  /** The bar colours, said in words (colour is never the only carrier: tooltips and the table name the status). */
  colourKey: "Màu cột kết quả theo trạng thái: xanh lá – đạt, vượt, đúng tiến độ; vàng nâu – có nguy cơ; đỏ – chậm tiến độ, không đạt; xám – chưa có số liệu. Cột yêu cầu màu xám nhạt.",
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
  // Annual targets: "met in k of n years, m without data" (m shown only when there are any).
  metInYears: (k: string, n: string, noData: string | null) => `Đạt ${k}/${n} năm${noData === null ? "" : `, ${noData} năm chưa có số liệu`}`,
  noYearDue: "Chưa đến năm nào cần đánh giá",
  yearPrefix: (y: string) => `Năm ${y}`,
  behindTitle: "Chỉ tiêu cần chú ý",
  behindIntro: "Chỉ tiêu không đạt, chậm tiến độ hoặc có nguy cơ, nặng nhất trước.",
  behindNone: "Không có chỉ tiêu nào không đạt, chậm tiến độ hay có nguy cơ.",
  behindMore: (shown: string, total: string) => `Đang hiện ${shown} trong ${total} chỉ tiêu cần chú ý; bảng tiến độ tải về có đủ tất cả.`,
  asOfLabel: "Tính tiến độ đến ngày",
  asOfSubmit: "Xem",
  asOfToday: "Về hôm nay",
  asOfShown: (date: string) => `Tiến độ tính đến ngày ${date}.`,
  asOfHint:
    "Nhập ngày theo dạng ngày/tháng/năm, ví dụ 31/12/2024. Tiến độ tính theo các năm đã kết thúc đến ngày đó, với mọi số liệu đã công bố hôm nay: số liệu của một năm trước được nhập hay sửa về sau cũng được tính.",
  asOfInvalid: "Ngày đã nhập không hợp lệ (cần một ngày có thật, năm 1945–2100), nên tiến độ được tính đến hôm nay.",
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
  percentStatus: "Share of requirement achieved, status",
  axisPointsDown: "Percentage points reduced",
  axisPointsUp: "Percentage points gained",
  axisDecrease: (unit) => `Reduction (${unit})`,
  axisIncrease: (unit) => `Increase (${unit})`,
  axisCount: (unit) => `Number (${unit})`,
  axisShare: "Share of the parent target (%)",
  axisLevel: (unit) => `Value (${unit})`,
  axisAverageDecrease: (unit) => `Average yearly reduction (${unit})`,
  axisFactor: "Times the baseline",
  axisUnitsShare: "Share of units reaching it (%)",
  pointsUnit: (one) => (one ? "percentage point" : "percentage points"),
  pointsPerYearUnit: (one) => (one ? "percentage point a year" : "percentage points a year"),
  perYear: (unit) => `${unit} a year`,
  timesUnit: "times",
  requiredDecrease: "Required reduction",
  achievedDecrease: "Reduced",
  requiredAverageDecrease: "Required average reduction",
  achievedAverageDecrease: "Average reduction",
  requiredIncrease: "Required increase",
  achievedIncrease: "Increased",
  rangeFromTo: (a, b) => `${a} to ${b}`,
  moreThan: "more than",
  moreThanAbout: "more than",
  noteChange: (down, annual, required) =>
    annual
      ? `Each year: the ${down ? "reduction" : "increase"} since the end of the previous year (${down ? "the previous year's value minus that year's" : "that year's value minus the previous year's"}), not the indicator's value; required each year: ${required}.`
      : `The ${down ? "reduction" : "increase"} since the baseline (${down ? "the baseline minus the latest value" : "the latest value minus the baseline"}), not the indicator's value; required: ${required}.`,
  noteCount: (annual, required) => (annual ? `Each year's result against the yearly requirement: ${required}.` : `The period's total against the requirement: ${required}.`),
  noteShare: (required) => `The share of the parent target against the requirement: ${required}.`,
  noteLevel: (level) => `The indicator's latest value against the target level ${level} (no baseline, so no change can be measured).`,
  noteAverageDecrease: (required) =>
    `The average yearly reduction since the start of the period (the baseline minus the latest value, divided by the years from the first year to the latest value's), not the indicator's value; required: an average of ${required}.`,
  noteFactor: (required) =>
    `How many times the baseline the latest value is (the latest value divided by the baseline), not the indicator's value; required: ${required}.`,
  noteUnitsShare: (required, units) =>
    units === null
      ? `The share of the units reaching it; the target does not say how many units there are, so no share can be computed. Required: ${required}.`
      : `The units reaching it divided by the ${units} in all, in %, against the requirement: ${required}.`,
  fromTo: (annual) => (annual ? "End of previous year → end of year" : "Baseline → latest"),
  unitsReached: "Units reaching it / in all",
  colourKey: "Result bars are coloured by status: green – met, exceeded, on track; amber – at risk; red – off track, missed; grey – no data. Required bars are light grey.",
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
  metInYears: (k, n, noData) =>
    `Met in ${k} of ${n} year${n === "1" ? "" : "s"}${noData === null ? "" : `, ${noData} year${noData === "1" ? "" : "s"} without data`}`,
  noYearDue: "No year due yet",
  yearPrefix: (y) => `Year ${y}`,
  behindTitle: "Targets that need attention",
  behindIntro: "Targets missed, off track or at risk, the worst first.",
  behindNone: "No target is missed, off track or at risk.",
  behindMore: (shown, total) => `Showing ${shown} of ${total} targets that need attention; the progress download has them all.`,
  asOfLabel: "Progress as of",
  asOfSubmit: "Show",
  asOfToday: "Back to today",
  asOfShown: (date) => `Progress as of ${date}.`,
  asOfHint:
    "Type the date as day/month/year, e.g. 31/12/2024. Progress counts the years ended by that day, with every figure published today: a figure for an earlier year entered or corrected later counts too.",
  asOfInvalid: "The date entered is not valid (a real date, year 1945–2100 is needed), so progress is shown as of today.",
  shareBar: (parts, total) => `Share of targets by status: ${parts} (${total} targets in all)`,
  plansByStatusTitle: "Each document's targets by status",
  downloadPlans: "By document:",
  planCol: "Document",
  totalCol: "Total",
  noPlanTargets: "No published targets for this unit yet.",
  noNumber: "No number stated",
};

export const dashboardsMessages: Record<Locale, TDashboardsDict> = { vi, en };
