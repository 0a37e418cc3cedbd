// Interface text of the result-entry grid (workspace/plans/[id]/results), Vietnamese first.
// A plain module (no server-only): the grid's client components read it by locale.
import type { TWriteWarning } from "../data/results-write";
import { formatNumber } from "../domain/numbers";
import type { Locale } from "./locale";

type TWarningParams<C extends TWriteWarning["code"]> = Extract<TWriteWarning, { code: C }>["params"];
const nVi = (v: number) => formatNumber(v);
const nEn = (v: number) => formatNumber(v, { locale: "en" });

const vi = {
  title: "Nhập kết quả",
  breadcrumb: "Vị trí",
  workspace: "Bàn làm việc",
  intro:
    "Nhập kết quả theo định dạng số Việt Nam: dấu chấm (.) phân cách hàng nghìn, dấu phẩy (,) trước phần thập phân, ví dụ 2.400 hoặc 18,66. Kết quả được lưu dưới dạng nháp, gửi duyệt, rồi được cán bộ cấp tỉnh duyệt và công bố.",
  qualitativeNote: "Chỉ tiêu định tính không nhập số liệu ở đây.",
  caption: (plan: string) => `Kết quả của các chỉ tiêu – ${plan}`,
  publicPage: "Xem trang công khai",
  cols: {
    target: "Chỉ tiêu",
    unit: "Đơn vị",
    year: "Năm",
    current: "Hiện tại",
    value: "Giá trị mới",
    baseline: "Giá trị gốc",
    baselineHint: "Tỷ lệ cuối năm trước",
    note: "Ghi chú",
    evidence: "Đường dẫn minh chứng",
    select: "Chọn",
  },
  ofWhich: "Trong đó",
  labels: {
    value: (year: number, what: string, unit: string) => `Giá trị năm ${year} – ${what} – ${unit}`,
    baseline: (year: number, what: string, unit: string) => `Giá trị gốc (cuối năm ${year - 1}) – ${what} – ${unit}`,
    note: (year: number, what: string, unit: string) => `Ghi chú năm ${year} – ${what} – ${unit}`,
    evidence: (year: number, what: string, unit: string) => `Đường dẫn minh chứng năm ${year} – ${what} – ${unit}`,
    select: (year: number, what: string, unit: string) => `Chọn dòng năm ${year} – ${what} – ${unit}`,
    selectAll: "Chọn tất cả các dòng có thể chọn",
    reason: (year: number, what: string, unit: string) => `Lý do mở lại – năm ${year} – ${what} – ${unit}`,
  },
  status: { NONE: "Chưa có", DRAFT: "Nháp", SUBMITTED: "Chờ duyệt", PUBLISHED: "Đã công bố" },
  version: (v: number) => `phiên bản ${v}`,
  enteredBy: (name: string, at: string) => `${name}, ${at}`,
  approvedBy: (name: string, at: string) => `Duyệt: ${name}, ${at}`,
  demo: "Số liệu minh họa",
  locked: "Đã duyệt, khóa",
  lockedHint: "Kết quả đã duyệt và công bố; cần mở lại (kèm lý do) trước khi sửa.",
  buttons: {
    save: "Lưu nháp",
    submit: "Gửi duyệt",
    publish: "Duyệt và công bố",
    working: "Đang xử lý…",
    reopen: "Mở lại",
    reopenSubmit: "Mở lại để sửa",
    useMine: "Giữ giá trị của tôi (ghi đè)",
    reload: "Tải lại giá trị hiện tại",
  },
  help: {
    actions:
      "“Lưu nháp” lưu các dòng đã thay đổi. “Gửi duyệt” và “Duyệt và công bố” áp dụng cho các dòng đã chọn (dòng vừa nhập được chọn sẵn).",
    noPublish: "Bạn có thể lưu nháp và gửi duyệt; cán bộ cấp tỉnh sẽ duyệt và công bố.",
  },
  history: {
    show: "Lịch sử",
    hide: "Ẩn lịch sử",
    title: (what: string) => `Lịch sử giá trị – ${what}`,
    when: "Thời điểm",
    who: "Người thực hiện",
    action: "Thao tác",
    change: "Giá trị",
    reason: "Lý do",
    empty: "Chưa có thay đổi nào được ghi lại.",
    via: { form: "qua bảng nhập", import: "nhập từ tệp", api: "qua API" },
    denied: "Bạn không có quyền xem lịch sử của giá trị này.",
    actions: {
      "result.create": "Nhập mới",
      "result.update": "Sửa",
      "result.submit": "Gửi duyệt",
      "result.publish": "Duyệt và công bố",
      "result.reopen": "Mở lại",
    } as Record<string, string>,
  },
  reopen: {
    reasonHint: "Ít nhất 5 ký tự; lý do được ghi vào nhật ký.",
    done: "Đã mở lại kết quả; giá trị trở về trạng thái nháp và có thể sửa.",
  },
  result: {
    nothingChanged: "Không có dòng nào thay đổi để lưu.",
    nothingSelected: "Chưa chọn dòng nào. Hãy đánh dấu ô “Chọn” ở các dòng cần gửi duyệt hoặc công bố.",
    nothingToSubmit: "Các dòng đã chọn không có kết quả nháp nào để gửi duyệt.",
    nothingToPublish: "Các dòng đã chọn không có kết quả nào chờ duyệt hoặc nháp để công bố.",
    saved: (n: number) => `Đã lưu ${n} kết quả dưới dạng nháp.`,
    submitted: (n: number) => `Đã gửi duyệt ${n} kết quả.`,
    published: (n: number) => `Đã duyệt và công bố ${n} kết quả.`,
    savedThenFailed: (n: number) => `Đã lưu ${n} kết quả dưới dạng nháp, nhưng bước tiếp theo chưa thực hiện được:`,
    failed: (n: number) => `Chưa lưu được: ${n} dòng có lỗi. Không có gì được ghi. Xem thông báo ở từng dòng.`,
    forbidden: "Bạn không có quyền thực hiện thao tác này với một số dòng. Không có gì được ghi.",
    conflict: "Có người khác vừa thay đổi kết quả. Không có gì bị ghi đè; hãy xem giá trị hiện tại ở từng dòng.",
  },
  warningsTitle: "Đã lưu, nhưng nên kiểm tra lại",
  warning: {
    exceeds_parent_unit: (p: TWarningParams<"exceeds_parent_unit">) =>
      `${nVi(p.value)} lớn hơn kết quả của đơn vị cấp trên ${p.parentUnitName} (${nVi(p.parentValue)}) cho cùng chỉ tiêu, năm ${p.year}. Số liệu đã được lưu; hãy kiểm tra lại.`,
    baseline_differs_from_previous_year: (p: TWarningParams<"baseline_differs_from_previous_year">) =>
      `Giá trị gốc ${nVi(p.baseline)} khác với kết quả đã công bố năm ${p.previousYear} (${nVi(p.previousValue)}) của cùng chỉ tiêu và đơn vị. Số liệu đã được lưu; hãy kiểm tra lại.`,
  },
  conflict: {
    other: (value: string, who: string, at: string, version: number) =>
      `Người khác đã thay đổi giá trị này: hiện là ${value} (phiên bản ${version}, do ${who} nhập lúc ${at}).`,
    locked: (value: string, who: string, at: string) => `Giá trị ${value} đã được duyệt và công bố (${who}, ${at}).`,
    yours: (value: string) => `Giá trị bạn nhập vẫn được giữ: ${value}.`,
    useMineDone: "Đã chọn giữ giá trị của bạn: bấm “Lưu nháp” để ghi đè giá trị hiện tại.",
    unknownWho: "không rõ",
  },
  forbidden: {
    title: "Bạn không có quyền nhập kết quả cho kế hoạch này",
    body: "Kế hoạch này thuộc địa phương ngoài phạm vi được giao cho tài khoản của bạn. Không có dữ liệu nào được hiển thị hoặc ghi.",
    back: "Về bàn làm việc",
  },
  empty: "Kế hoạch này không có chỉ tiêu định lượng nào trong phạm vi của bạn để nhập kết quả.",
  notFound: {
    title: "Không tìm thấy kế hoạch",
    body: "Kế hoạch này không tồn tại, hoặc chưa được công bố và không thuộc phạm vi của bạn.",
  },
  loading: "Đang tải bảng nhập kết quả…",
  errorsTitle: "Các lỗi cần sửa",
};

export type TResultsGridText = typeof vi;

const en: TResultsGridText = {
  title: "Enter results",
  breadcrumb: "Breadcrumb",
  workspace: "Workspace",
  intro:
    'Type results in Vietnamese number format: "." groups thousands and "," comes before decimals, e.g. 2.400 or 18,66. Results are saved as drafts, submitted for approval, then approved and published by a provincial officer.',
  qualitativeNote: "Qualitative targets take no figures here.",
  caption: (plan: string) => `Results of the targets – ${plan}`,
  publicPage: "View the public page",
  cols: {
    target: "Target",
    unit: "Unit",
    year: "Year",
    current: "Current",
    value: "New value",
    baseline: "Baseline",
    baselineHint: "Rate at the end of the previous year",
    note: "Note",
    evidence: "Evidence link",
    select: "Select",
  },
  ofWhich: "Of which",
  labels: {
    value: (year, what, unit) => `Value for ${year} – ${what} – ${unit}`,
    baseline: (year, what, unit) => `Baseline (end of ${year - 1}) – ${what} – ${unit}`,
    note: (year, what, unit) => `Note for ${year} – ${what} – ${unit}`,
    evidence: (year, what, unit) => `Evidence link for ${year} – ${what} – ${unit}`,
    select: (year, what, unit) => `Select the row for ${year} – ${what} – ${unit}`,
    selectAll: "Select every selectable row",
    reason: (year, what, unit) => `Reason for reopening – ${year} – ${what} – ${unit}`,
  },
  status: { NONE: "None yet", DRAFT: "Draft", SUBMITTED: "Awaiting approval", PUBLISHED: "Published" },
  version: (v) => `version ${v}`,
  enteredBy: (name, at) => `${name}, ${at}`,
  approvedBy: (name, at) => `Approved: ${name}, ${at}`,
  demo: "Demo data",
  locked: "Approved, locked",
  lockedHint: "This result is approved and published; reopen it (with a reason) before changing it.",
  buttons: {
    save: "Save draft",
    submit: "Submit for approval",
    publish: "Approve and publish",
    working: "Working…",
    reopen: "Reopen",
    reopenSubmit: "Reopen for editing",
    useMine: "Keep my value (overwrite)",
    reload: "Reload the current value",
  },
  help: {
    actions: '"Save draft" saves the rows you changed. "Submit" and "Approve and publish" act on the selected rows (rows you typed in are selected for you).',
    noPublish: "You may save drafts and submit them; a provincial officer approves and publishes.",
  },
  history: {
    show: "History",
    hide: "Hide history",
    title: (what) => `History of the value – ${what}`,
    when: "When",
    who: "Who",
    action: "Action",
    change: "Value",
    reason: "Reason",
    empty: "No change has been recorded yet.",
    via: { form: "entry grid", import: "file import", api: "API" },
    denied: "You may not see the history of this value.",
    actions: {
      "result.create": "Entered",
      "result.update": "Changed",
      "result.submit": "Submitted",
      "result.publish": "Approved and published",
      "result.reopen": "Reopened",
    },
  },
  reopen: {
    reasonHint: "At least 5 characters; the reason is kept in the audit log.",
    done: "The result is reopened: it is a draft again and can be changed.",
  },
  result: {
    nothingChanged: "No row has changed; nothing to save.",
    nothingSelected: 'No row is selected. Tick "Select" on the rows to submit or publish.',
    nothingToSubmit: "The selected rows have no draft result to submit.",
    nothingToPublish: "The selected rows have no draft or submitted result to publish.",
    saved: (n) => `Saved ${n} result${n === 1 ? "" : "s"} as draft.`,
    submitted: (n) => `Submitted ${n} result${n === 1 ? "" : "s"} for approval.`,
    published: (n) => `Approved and published ${n} result${n === 1 ? "" : "s"}.`,
    savedThenFailed: (n) => `Saved ${n} result${n === 1 ? "" : "s"} as draft, but the next step failed:`,
    failed: (n) => `Not saved: ${n} row${n === 1 ? " has an error" : "s have errors"}. Nothing was written. See the message on each row.`,
    forbidden: "You are not allowed to do this for some rows. Nothing was written.",
    conflict: "Someone else has just changed a result. Nothing was overwritten; see the current value on each row.",
  },
  warningsTitle: "Saved, but worth checking",
  warning: {
    exceeds_parent_unit: (p) =>
      `${nEn(p.value)} is greater than the figure of the parent unit ${p.parentUnitNameEn} (${nEn(p.parentValue)}) for the same target and year ${p.year}. It was saved; please check it.`,
    baseline_differs_from_previous_year: (p) =>
      `The baseline ${nEn(p.baseline)} differs from the published ${p.previousYear} result (${nEn(p.previousValue)}) for the same target and unit. It was saved; please check it.`,
  },
  conflict: {
    other: (value, who, at, version) => `Someone else changed this value: it is now ${value} (version ${version}, entered by ${who} at ${at}).`,
    locked: (value, who, at) => `The value ${value} is approved and published (${who}, ${at}).`,
    yours: (value) => `Your value is kept: ${value}.`,
    useMineDone: 'Keeping your value: press "Save draft" to overwrite the current one.',
    unknownWho: "unknown",
  },
  forbidden: {
    title: "You may not enter results for this plan",
    body: "This plan belongs to a locality outside your account's jurisdiction. No data is shown or written.",
    back: "Back to the workspace",
  },
  empty: "This plan has no quantitative target within your jurisdiction to enter results for.",
  notFound: {
    title: "Plan not found",
    body: "This plan does not exist, or it is not published and not within your jurisdiction.",
  },
  loading: "Loading the result grid…",
  errorsTitle: "Errors to fix",
};

export const gridMessages: Record<Locale, TResultsGridText> = { vi, en };


/** A warning of the write path (saved, but worth checking) in the reader's language, from its code and params. */
export function warningMessage(w: Pick<TWriteWarning, "code" | "params">, locale: Locale): string {
  // Each code has its own text; the cast joins a code to its own params (a union TypeScript cannot narrow by index).
  return (gridMessages[locale].warning[w.code] as (p: TWriteWarning["params"]) => string)(w.params);
}
