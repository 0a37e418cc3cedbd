// Problem texts of the results area, by code (lib/errors.ts; rendered by lib/i18n/problems.ts):
// why the write path (lib/data/results/, rules in lib/domain/results.ts) refused a row, the
// warnings of a saved one, and the API's summary of a refused batch. Numbers arrive as
// numbers and are formatted here. Two kinds of parameters come from elsewhere: a schema's
// own message ("tiếng Việt / English", lib/validation/results.ts) in `message`, and a
// number the parser refused, as typed, in `input` (its text is the parser's own).
import type { TParams } from "../../errors";
import { formatNumber, numberErrorText, type MeasureKind } from "../../domain/numbers";
import { inLocale, type Locale } from "../locale";
import type { TProblemTexts } from "./types";

type TParam = TParams[string] | undefined;
const nVi = (v: TParam) => formatNumber(Number(v));
const nEn = (v: TParam) => formatNumber(Number(v), { locale: "en" });
const short = (v: TParam) => (String(v).length > 60 ? `${String(v).slice(0, 57)}…` : String(v));
const period = (p: TParams) => (p.periodStart === p.periodEnd ? `${p.periodStart}` : `${p.periodStart}–${p.periodEnd}`);

/** A schema's message in one language, else the number parser's on the typed text. */
function fieldText(p: TParams, locale: Locale): string {
  if (typeof p.input === "string") {
    const measure = p.measure ? { measure: p.measure as MeasureKind, measureUnit: p.measureUnit === null ? null : String(p.measureUnit ?? "") } : null;
    const text = numberErrorText(p.input, locale, { measure });
    if (text) return text;
  }
  if (typeof p.message === "string") return inLocale(p.message, locale);
  return locale === "en" ? "Invalid value" : "Giá trị không hợp lệ";
}

const WHAT_VI: Record<string, string> = { value: "Giá trị", baseline: "Giá trị gốc" };
const STATUS_VI: Record<string, string> = { DRAFT: "nháp", SUBMITTED: "đã gửi duyệt", RETURNED: "bị trả lại", PUBLISHED: "đã duyệt và công bố" };
const STATUS_EN: Record<string, string> = { DRAFT: "draft", SUBMITTED: "submitted", RETURNED: "returned", PUBLISHED: "approved and published" };
/** What a reason is given for. */
const REASON_VI: Record<string, string> = { return: "trả lại", reopen: "mở lại" };
const REASON_EN: Record<string, string> = { return: "returning", reopen: "reopening" };
const reasonVi = (p: TParams) => REASON_VI[String(p.change)] ?? String(p.change);
const reasonEn = (p: TParams) => REASON_EN[String(p.change)] ?? String(p.change);
const whoVi = (p: TParams) => p.who ?? "không rõ";
const whoEn = (p: TParams) => p.who ?? "unknown";

const vi = {
  // A row the schema refused (its own message), or a number the parser refused.
  required: (p: TParams) => fieldText(p, "vi"),
  invalid: (p: TParams) => fieldText(p, "vi"),
  invalid_number: (p: TParams) => fieldText(p, "vi"),
  too_many_rows: (p: TParams) => `Mỗi lần gửi tối đa ${p.max} dòng`,
  duplicate_row: (p: TParams) => `Trùng chỉ tiêu, đơn vị và năm với dòng số ${p.firstRow} của lô`,
  forbidden_publish: (p: TParams) => `Bạn không có quyền duyệt và công bố kết quả của ${p.unitName}; hãy lưu nháp và gửi duyệt`,
  target_not_found: (p: TParams) => `Không tìm thấy chỉ tiêu “${p.targetId}”`,
  unit_not_found: (p: TParams) => `Không có đơn vị hành chính mã “${p.unitCode}”`,
  unit_not_in_target: (p: TParams) => `${p.unitName} không phải đơn vị của chỉ tiêu (${p.targetUnitName}) hay đơn vị trực thuộc`,
  unit_not_valid: (p: TParams) => `${p.unitName} không tồn tại trong năm ${p.year}`,
  year_out_of_period: (p: TParams) => `Năm ${p.year} nằm ngoài thời kỳ của chỉ tiêu (${period(p)})`,
  not_measurable: () => "Chỉ tiêu định tính không nhập số liệu kết quả",
  out_of_range: (p: TParams) => `${WHAT_VI[String(p.what)]} là tỷ lệ phần trăm nên phải từ 0 đến 100 (đã nhập ${nVi(p.value)})`,
  negative: (p: TParams) => `${WHAT_VI[String(p.what)]} không được âm (đã nhập ${nVi(p.value)})`,
  not_whole: (p: TParams) => `${WHAT_VI[String(p.what)]} là số đếm (${p.measureUnit}) nên phải là số nguyên (đã nhập ${nVi(p.value)})`,
  baseline_required: (p: TParams) =>
    p.kind === "INCREASE_FACTOR"
      ? "Chỉ tiêu tăng … lần cần giá trị gốc (giá trị tại mốc so sánh, ví dụ cuối năm 2020) để tính số lần tăng"
      : p.kind === "AVERAGE_DECREASE"
        ? "Chỉ tiêu giảm bình quân mỗi năm cần giá trị gốc (giá trị cuối năm trước thời kỳ) để tính mức giảm bình quân"
        : "Chỉ tiêu giảm tỷ lệ cần giá trị gốc (tỷ lệ cuối năm trước) để tính mức giảm",
  baseline_not_positive: (p: TParams) => `Giá trị gốc của chỉ tiêu tăng … lần phải lớn hơn 0 (đã nhập ${nVi(p.value)})`,
  exceeds_units: (p: TParams) => `Số đơn vị đạt (${nVi(p.value)}) không thể nhiều hơn tổng số đơn vị của chỉ tiêu (${nVi(p.units)})`,
  exceeds_parent: (p: TParams) =>
    `Giá trị ${nVi(p.value)} vượt quá kết quả của chỉ tiêu cha “${short(p.parentStatement)}” (${nVi(p.parentValue)}) cùng đơn vị và năm`,
  below_child: (p: TParams) => `Giá trị ${nVi(p.value)} nhỏ hơn kết quả đã nhập của chỉ tiêu con “${short(p.childStatement)}” (${nVi(p.childValue)})`,
  locked: (p: TParams) => `Kết quả này đã được duyệt, cần mở lại (kèm lý do) trước khi sửa (giá trị ${nVi(p.value)}, phiên bản ${p.version})`,
  version_required: (p: TParams) =>
    `Đã có kết quả cho chỉ tiêu, đơn vị và năm này: ${nVi(p.value)} (phiên bản ${p.version}, do ${whoVi(p)} nhập). Hãy tải lại và gửi kèm phiên bản hiện tại để sửa`,
  version_conflict: (p: TParams) =>
    p.version === undefined
      ? "Kết quả vừa được người khác thay đổi; hãy tải lại rồi nhập lại"
      : `Kết quả đã được thay đổi: hiện là ${nVi(p.value)} (phiên bản ${p.version}, do ${whoVi(p)} nhập), bạn đang sửa phiên bản ${p.yourVersion}. Hãy tải lại rồi nhập lại`,
  invalid_status: (p: TParams) => `Kết quả đang ở trạng thái “${STATUS_VI[String(p.status)] ?? p.status}”, không thể thực hiện thao tác này`,
  reason_required: (p: TParams) => `Cần nêu lý do ${reasonVi(p)} (từ ${p.min} đến ${p.max} ký tự)`,
  reason_too_short: (p: TParams) => `Lý do ${reasonVi(p)} cần ít nhất ${p.min} ký tự (đã nhập ${p.length})`,
  reason_too_long: (p: TParams) => `Lý do ${reasonVi(p)} tối đa ${nVi(p.max)} ký tự (đã nhập ${nVi(p.length)})`,
  reason_invalid: (p: TParams) => `Lý do ${reasonVi(p)} chứa ký tự điều khiển không hợp lệ`,

  // Warnings: saved, but the officer is told.
  exceeds_parent_unit: (p: TParams) =>
    `Đã lưu, nhưng cần kiểm tra: giá trị của ${p.unitName} (${nVi(p.value)}) lớn hơn kết quả của đơn vị cấp trên ${p.parentUnitName} (${nVi(p.parentValue)}) cho cùng chỉ tiêu, năm ${p.year}`,
  baseline_differs_from_previous_year: (p: TParams) =>
    `Đã lưu, nhưng cần kiểm tra: giá trị gốc ${nVi(p.baseline)} khác với kết quả đã công bố năm ${p.previousYear} của ${p.unitName} (${nVi(p.previousValue)}) cho cùng chỉ tiêu`,

  // The write API's summary of a refused batch, by kind.
  batch_forbidden: (p: TParams) => `Bạn không có quyền ghi ${p.rows} dòng của lô này; không dòng nào được lưu`,
  batch_conflict: (p: TParams) => `${p.rows} dòng xung đột với kết quả đã lưu (phiên bản hoặc đã duyệt); không dòng nào được lưu`,
  batch_invalid: (p: TParams) => `${p.rows} dòng có lỗi; không dòng nào được lưu`,
} satisfies TProblemTexts;

const en: TProblemTexts<keyof typeof vi> = {
  required: (p) => fieldText(p, "en"),
  invalid: (p) => fieldText(p, "en"),
  invalid_number: (p) => fieldText(p, "en"),
  too_many_rows: (p) => `At most ${p.max} rows per batch`,
  duplicate_row: (p) => `Same target, unit and year as row ${p.firstRow} of the batch`,
  forbidden_publish: (p) => `You may not approve and publish results for ${p.unitNameEn}; save a draft and submit it`,
  target_not_found: (_p) => "No target with this id",
  unit_not_found: (_p) => "No administrative unit with this code",
  unit_not_in_target: (_p) => "The unit is neither the target's unit nor below it",
  unit_not_valid: (p) => `The unit did not exist in ${p.year}`,
  year_out_of_period: (p) => `The year is outside the target's period (${period(p)})`,
  not_measurable: () => "A qualitative target takes no figures",
  out_of_range: (p) => `The ${p.what} is a percentage and must be between 0 and 100`,
  negative: (p) => `The ${p.what} must not be negative`,
  not_whole: (p) => `The ${p.what} is a count and must be a whole number`,
  baseline_required: (p) =>
    p.kind === "INCREASE_FACTOR"
      ? "A target to increase by a factor needs the baseline (the value at the reference point, e.g. the end of 2020)"
      : p.kind === "AVERAGE_DECREASE"
        ? "An average yearly decrease needs the baseline (the value at the end of the year before the period)"
        : "A decrease target needs the baseline (the value at the end of the previous year)",
  baseline_not_positive: (p) => `The baseline of an increase by a factor must be greater than 0 (${nEn(p.value)} given)`,
  exceeds_units: (p) => `The number of units reaching it (${nEn(p.value)}) cannot exceed the target's number of units (${nEn(p.units)})`,
  exceeds_parent: (_p) => "The value exceeds the parent target's result for the same unit and year",
  below_child: (_p) => "The value is below a sub-target's result for the same unit and year",
  locked: (_p) => "This result is approved and published; reopen it with a reason before changing it",
  version_required: (_p) => "A result already exists; send its current version to change it",
  version_conflict: (p) =>
    p.version === undefined ? "The result was just changed by someone else; reload and try again" : "The result was changed by someone else; reload and try again",
  invalid_status: (p) => `The result's status (${STATUS_EN[String(p.status)] ?? String(p.status).toLowerCase()}) does not allow this`,
  reason_required: (p) => `A reason for ${reasonEn(p)} is required (${p.min} to ${p.max} characters)`,
  reason_too_short: (p) => `The reason for ${reasonEn(p)} needs at least ${p.min} characters (${p.length} given)`,
  reason_too_long: (p) => `The reason for ${reasonEn(p)} has at most ${nEn(p.max)} characters (${nEn(p.length)} given)`,
  reason_invalid: (p) => `The reason for ${reasonEn(p)} contains control characters`,

  exceeds_parent_unit: (p) =>
    `Saved, but please check: the value for ${p.unitNameEn} (${nEn(p.value)}) is greater than the figure of the parent unit ${p.parentUnitNameEn} (${nEn(p.parentValue)}) for the same target and year ${p.year}`,
  baseline_differs_from_previous_year: (p) =>
    `Saved, but please check: the baseline ${nEn(p.baseline)} differs from the published ${p.previousYear} result of ${p.unitNameEn} (${nEn(p.previousValue)}) for the same target`,

  batch_forbidden: (p) => `You may not write ${p.rows} row(s) of this batch; nothing was saved`,
  batch_conflict: (p) => `${p.rows} row(s) conflict with stored results; nothing was saved`,
  batch_invalid: (p) => `${p.rows} row(s) have errors; nothing was saved`,
};

export const resultsProblems: Record<"vi" | "en", TProblemTexts<keyof typeof vi>> = { vi, en };
