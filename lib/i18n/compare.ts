// Interface text of the province comparison page, Vietnamese first. Every key exists
// in both languages (checked by the type).
import type { Locale } from "./locale";

const vi = {
  nav: "So sánh",
  title: "So sánh địa phương",
  intro:
    "Một chỉ tiêu trong một năm, theo từng tỉnh và các huyện trực thuộc. Chỉ tính kết quả đã công bố; với chỉ tiêu đếm (người, hộ, mô hình, kinh phí) giá trị là tổng các kết quả của đơn vị trong năm, với chỉ tiêu tỷ lệ mỗi kết quả là một dòng.",
  indicator: "Chỉ tiêu",
  year: "Năm",
  submit: "Xem",
  reset: "Đặt lại",
  caption: (indicator: string, year: string) => `${indicator}, năm ${year}`,
  colUnit: "Đơn vị",
  colValue: (unit: string) => `Giá trị (${unit})`,
  colRows: "Số kết quả",
  colNote: "Ghi chú",
  sortBy: (col: string) => `Sắp xếp theo ${col.toLowerCase()}`,
  ascending: "tăng dần",
  descending: "giảm dần",
  noOwnFigure: "Tỉnh chưa có số liệu riêng",
  until: (d: string) => `Đơn vị trước sắp xếp 2025, hiệu lực đến ${d}`,
  mergedInto: (name: string) => `nay thuộc ${name}`,
  sumOf: (n: string) => `Tổng của ${n} kết quả`,
  reference: "Mốc so sánh quốc gia",
  noReference:
    "Chưa có chỉ tiêu quốc gia nào được ghi nhận để làm mốc so sánh cho chỉ tiêu này: các nguồn hiện có không nêu số liệu toàn quốc, nên cổng không tự đặt ra.",
  download: "Tải dữ liệu",
  csv: "CSV",
  xlsx: "Excel (.xlsx)",
  none: "Chưa có kết quả nào được công bố cho chỉ tiêu và năm này.",
  noneHint: (years: string) => (years ? `Năm có số liệu của chỉ tiêu này: ${years}.` : "Chọn chỉ tiêu hoặc năm khác."),
  nothingAtAll: "Chưa có kết quả nào được công bố, nên chưa có gì để so sánh.",
  unknownIndicator: (code: string) => `Không có chỉ tiêu mã “${code}”; đang hiển thị chỉ tiêu mặc định.`,
  badParam: (name: string, msg: string) => `${name}: ${msg}`,
  sortParam: "Sắp xếp",
  badSort: "cách sắp xếp không hợp lệ (dùng name, -name, value hoặc -value)",
  demo: "Số liệu minh họa",
  over: "hơn",
  about: "khoảng",
  levels: { NATION: "Toàn quốc", PROVINCE: "Tỉnh", DISTRICT: "Huyện", COMMUNE: "Xã" },
};

type TCompareDict = typeof vi;

const en: TCompareDict = {
  nav: "Compare",
  title: "Compare provinces",
  intro:
    "One indicator in one year, by province and its districts. Only published results count; for counts (people, households, models, funding) the value is the sum of the unit's results in the year, for rates each result is its own row.",
  indicator: "Indicator",
  year: "Year",
  submit: "Show",
  reset: "Reset",
  caption: (indicator, year) => `${indicator}, ${year}`,
  colUnit: "Unit",
  colValue: (unit) => `Value (${unit})`,
  colRows: "Results",
  colNote: "Note",
  sortBy: (col) => `Sort by ${col.toLowerCase()}`,
  ascending: "ascending",
  descending: "descending",
  noOwnFigure: "No province-level figure",
  until: (d) => `Unit before the 2025 reform, valid until ${d}`,
  mergedInto: (name) => `now part of ${name}`,
  sumOf: (n) => `Sum of ${n} results`,
  reference: "National reference",
  noReference:
    "No national target is recorded yet as a reference for this indicator: the sources give no national figures, and the portal does not invent one.",
  download: "Download the data",
  csv: "CSV",
  xlsx: "Excel (.xlsx)",
  none: "No published results for this indicator and year.",
  noneHint: (years) => (years ? `Years with data for this indicator: ${years}.` : "Choose another indicator or year."),
  nothingAtAll: "No results are published yet, so there is nothing to compare.",
  unknownIndicator: (code) => `There is no indicator “${code}”; showing the default indicator.`,
  badParam: (name, msg) => `${name}: ${msg}`,
  sortParam: "Sort",
  badSort: "invalid sort (use name, -name, value or -value)",
  demo: "Demo data",
  over: "over",
  about: "about",
  levels: { NATION: "Nation", PROVINCE: "Province", DISTRICT: "District", COMMUNE: "Commune" },
};

export const compareDictionary: Record<Locale, TCompareDict> = { vi, en };
