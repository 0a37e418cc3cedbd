// Interface text of the result-entry grid (workspace/plans/[id]/results), Vietnamese first.
// A plain module (no server-only): the grid's client components read it by locale.
import type { Locale } from "./locale";


const vi = {
  title: "Nhập kết quả",
  readTitle: "Số liệu đã công bố",
  /** A target whose unit did not exist in some years of its period (a reform): why no row is there. */
  gap: (statement: string, unit: string, years: string, ended: string | null, successor: string | null) =>
    `Chỉ tiêu “${statement}” là của ${unit}, ` +
    (ended ? `đơn vị đã kết thúc ngày ${ended}${successor ? ` (sáp nhập vào ${successor})` : ""}` : "đơn vị chưa tồn tại trong những năm này") +
    `: không nhập được kết quả năm ${years}. ${successor ? `Số liệu từ đó thuộc về ${successor}: hãy lập kế hoạch cho đơn vị này, hoặc sửa thời kỳ của chỉ tiêu.` : "Hãy sửa thời kỳ của chỉ tiêu."}`,
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
  status: { NONE: "Chưa có", DRAFT: "Nháp", SUBMITTED: "Chờ duyệt", RETURNED: "Bị trả lại", PUBLISHED: "Đã công bố" },
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
    readOnly:
      "Chỉ xem: kế hoạch này thuộc một đơn vị đã sáp nhập vào đơn vị của bạn. Bạn xem được số liệu đã công bố và lịch sử của từng số liệu, nhưng không sửa, duyệt hay mở lại được.",
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
  readOnlyEmpty: "Chỉ xem: kế hoạch này thuộc một đơn vị đã sáp nhập vào đơn vị của bạn, và chưa có số liệu nào của nó được công bố.",
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
  readTitle: "Published figures",
  gap: (statement: string, unit: string, years: string, ended: string | null, successor: string | null) =>
    `The target “${statement}” is ${unit}'s, ` +
    (ended ? `a unit that ended on ${ended}${successor ? ` (merged into ${successor})` : ""}` : "a unit that did not exist yet in those years") +
    `: no result can be entered for ${years}. ${successor ? `Figures from then on belong to ${successor}: make a plan for it, or change the target's period.` : "Change the target's period."}`,
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
  status: { NONE: "None yet", DRAFT: "Draft", SUBMITTED: "Awaiting approval", RETURNED: "Returned", PUBLISHED: "Published" },
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
    readOnly: "Read only: this plan belongs to a unit merged into yours. You can read its published figures and each figure's history, but not change, approve or reopen them.",
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
  readOnlyEmpty: "Read only: this plan belongs to a unit merged into yours, and none of its figures has been published yet.",
  notFound: {
    title: "Plan not found",
    body: "This plan does not exist, or it is not published and not within your jurisdiction.",
  },
  loading: "Loading the result grid…",
  errorsTitle: "Errors to fix",
};

export const gridMessages: Record<Locale, TResultsGridText> = { vi, en };


