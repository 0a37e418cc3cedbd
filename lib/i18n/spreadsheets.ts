// Interface text of the spreadsheet export/import: the import page and form, and the exported
// workbook (its column labels and help, its guide sheet). Vietnamese first; every key exists in
// both languages (checked by the type). The problems of a file or of its rows (codes with their
// parameters) have their texts in lib/i18n/problems/spreadsheets.ts and lib/i18n/problems/results.ts.
import type { TColumnKey } from "../spreadsheets/format";
import type { Locale } from "./locale";

type TColumnText = { label: string; help: string; example: string };

const vi = {
  title: "Nhập kết quả từ tệp",
  breadcrumbWorkspace: "Bàn làm việc",
  breadcrumbGrid: "Nhập kết quả",
  noNumber: "Văn bản không ghi số",
  intro:
    "Tải bảng kết quả của kế hoạch về, điền giá trị bằng Excel (hoặc chương trình bảng tính khác), rồi tải tệp lên đây. Cổng kiểm tra mọi dòng trước khi ghi: chỉ cần một dòng sai, cả tệp bị từ chối và không có gì được ghi.",
  step1: "1. Tải bảng kết quả",
  downloadXlsx: "Tải tệp Excel (.xlsx)",
  downloadCsv: "Tải tệp CSV",
  downloadHint: "Tệp gồm các chỉ tiêu, đơn vị và năm bạn được nhập; trang “Hướng dẫn” trong tệp Excel giải thích từng cột.",
  step2: "2. Tải tệp đã điền lên",
  fileLabel: "Tệp kết quả (.xlsx hoặc .csv, tối đa 5 MB)",
  fileHint: "Số viết theo kiểu Việt Nam: 2.400 là hai nghìn bốn trăm, 18,66 là mười tám phẩy sáu sáu. Dòng để trống giá trị và dòng không thay đổi được bỏ qua.",
  publishLabel: "Duyệt và công bố ngay các kết quả được ghi",
  publishHint: "Không chọn: kết quả được lưu ở trạng thái nháp.",
  submit: "Kiểm tra và nhập",
  submitting: "Đang kiểm tra…",
  // The confirmation before approving and publishing what a file writes.
  publishTitle: "Duyệt và công bố kết quả?",
  publishQuestion: (n: string, file: string) =>
    `Duyệt và công bố ${n} dòng từ tệp ${file}? Các giá trị được duyệt và công chúng thấy ngay; muốn sửa phải mở lại từng giá trị, nêu lý do.`,
  publishConfirm: "Duyệt và công bố",
  cancel: "Hủy",
  chooseFileAgain: "Chọn lại tệp ở trên rồi bấm “Duyệt và công bố”.",
  backToGrid: "Quay lại bảng nhập kết quả",
  noRows: "Kế hoạch này không có chỉ tiêu nào bạn được nhập kết quả.",
  // outcomes
  imported: (n: string) => `Đã nhập ${n} dòng.`,
  nothingToImport: "Không có dòng nào cần ghi: mọi dòng đều để trống hoặc giống số liệu đã lưu.",
  skipped: (unchanged: string, blank: string) => `Bỏ qua ${unchanged} dòng không thay đổi và ${blank} dòng để trống.`,
  rejected: (n: string) => `Tệp bị từ chối, không có gì được ghi: ${n} lỗi. Hãy sửa các dòng dưới đây rồi tải lên lại.`,
  rejectedForbidden: "Tệp có dòng ngoài phạm vi bạn được nhập. Tệp bị từ chối, không có gì được ghi.",
  rejectedConflict: "Tệp có dòng mà số liệu đã lưu đã thay đổi hoặc đã được duyệt. Tệp bị từ chối, không có gì được ghi.",
  forbidden: "Bạn không có quyền nhập kết quả.",
  errorsCaption: "Các lỗi trong tệp",
  colLine: "Dòng",
  colField: "Cột",
  colMessage: "Lỗi",
  // warnings: saved, but worth checking
  warningsTitle: (n: string) => `Đã ghi, nhưng ${n} dòng nên kiểm tra lại:`,
  warningsCaption: "Các dòng nên kiểm tra lại",
  colWarning: "Cần kiểm tra",
  /** The exported workbook (lib/spreadsheets/export.ts). */
  workbook: {
    /** The file's name: "<fileName>-58-KH-UBND.xlsx" (ASCII). */
    fileName: "ket-qua",
    dataSheet: "Kết quả",
    guideSheet: "Hướng dẫn",
    status: { DRAFT: "Nháp", SUBMITTED: "Đã gửi duyệt", RETURNED: "Bị trả lại", PUBLISHED: "Đã duyệt (khóa)" },
    notEntered: "Chưa nhập",
    demoMark: " – số liệu minh họa (demo)",
    columns: {
      targetId: { label: "Mã chỉ tiêu", help: "Mã của chỉ tiêu trong cổng. Không sửa.", example: "target-58-jobs" },
      target: { label: "Chỉ tiêu", help: "Nội dung chỉ tiêu, để đối chiếu. Chỉ để xem: khi nhập, cột này bị bỏ qua.", example: "Giải quyết việc làm cho 2.400 lao động" },
      unitCode: { label: "Mã đơn vị", help: "Mã đơn vị hành chính (mã chính thức). Không sửa.", example: "942" },
      unit: { label: "Tên đơn vị", help: "Tên đơn vị hành chính. Chỉ để xem.", example: "Huyện Châu Thành" },
      year: { label: "Năm", help: "Năm của kết quả. Không sửa.", example: "2023" },
      measureUnit: { label: "Đơn vị tính", help: "Đơn vị tính của chỉ tiêu (%, người, hộ…). Chỉ để xem.", example: "người" },
      value: {
        label: "Giá trị",
        help: "Kết quả đạt được. Nhập số; nếu nhập dạng chữ thì theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn, dấu phẩy trước phần thập phân (2.400; 18,66). Tỷ lệ phần trăm nhập số phần trăm (18,66 chứ không phải 0,1866). Để trống nếu chưa có kết quả: dòng đó được bỏ qua.",
        example: "2.400",
      },
      baseline: { label: "Giá trị gốc", help: "Giá trị cuối năm trước (cần cho chỉ tiêu giảm, giảm bình quân mỗi năm nếu chỉ tiêu chưa có giá trị gốc); với chỉ tiêu tăng … lần: giá trị tại mốc so sánh. Để trống là không có.", example: "5,12" },
      note: { label: "Ghi chú", help: "Nguồn số liệu hoặc giải thích, tối đa 2.000 ký tự.", example: "Báo cáo tổng kết năm 2023 của UBND huyện" },
      evidenceUrl: { label: "Đường dẫn minh chứng", help: "Địa chỉ http:// hoặc https:// của văn bản, báo cáo làm minh chứng.", example: "https://chauthanh.soctrang.gov.vn/bao-cao-2023" },
      status: {
        label: "Trạng thái",
        help: "Trạng thái của kết quả đã lưu (chưa nhập, nháp, đã gửi duyệt, đã duyệt). Chỉ để xem. Kết quả đã duyệt bị khóa: phải mở lại trên cổng trước khi sửa.",
        example: "Nháp",
      },
      version: { label: "Phiên bản", help: "Phiên bản của kết quả đã lưu, để phát hiện người khác đã sửa trong lúc bạn điền tệp. Không sửa; để trống với kết quả mới.", example: "1" },
    } satisfies Record<TColumnKey, TColumnText>,
    guideTitle: (planCode: string | null) => `Hướng dẫn nhập kết quả: ${planCode ?? "văn bản không ghi số"}`,
    guideExported: (date: string, sheet: string) => `Tệp xuất ngày ${date}. Mỗi dòng của trang “${sheet}” là một chỉ tiêu của một đơn vị trong một năm.`,
    guideSteps: (sheet: string, maxSize: string, maxRows: string) => [
      `1. Điền cột “Giá trị” (và nếu cần “Giá trị gốc”, “Ghi chú”, “Đường dẫn minh chứng”) ở trang “${sheet}”. Giữ nguyên hàng tiêu đề và các cột mã, năm, phiên bản.`,
      "2. Lưu tệp dạng .xlsx (hoặc CSV UTF-8) rồi tải lên ở trang “Nhập kết quả từ tệp” của kế hoạch.",
      "3. Cổng kiểm tra mọi dòng trước. Chỉ cần một dòng sai, cả tệp bị từ chối và không có gì được ghi; bảng báo lỗi nêu số dòng và cột cần sửa. Tệp hợp lệ được ghi một lần, trong một giao dịch.",
      "4. Dòng để trống giá trị được bỏ qua; dòng không thay đổi so với số liệu đã lưu cũng được bỏ qua. Không thể xóa kết quả bằng tệp.",
      "5. Kết quả mới được lưu ở trạng thái nháp (trừ khi chọn duyệt và công bố ngay khi tải lên, nếu bạn có quyền). Kết quả đã duyệt bị khóa: mở lại trên cổng, kèm lý do, trước khi sửa.",
      `6. Giới hạn: tệp tối đa ${maxSize} và ${maxRows} dòng.`,
    ],
    guideHead: { column: "Cột", meaning: "Ý nghĩa", required: "Bắt buộc", example: "Ví dụ" },
    requiredYes: "Có",
    requiredNo: "Không",
    shownOnly: "Chỉ để xem",
    numbersTitle: "Số",
    numbersText:
      "Ô số được lưu là số; Excel hiển thị theo cài đặt vùng của máy. Nếu nhập dạng chữ, dùng kiểu Việt Nam: 2.400 là hai nghìn bốn trăm, 18,66 là mười tám phẩy sáu sáu. Số viết kiểu khác (ví dụ 2.40 hay 1,234.5) bị từ chối kèm lời giải thích, không bao giờ bị đoán. Với chỉ tiêu đếm (người, hộ, mô hình…), “18,000” bị từ chối vì không rõ là 18 hay 18.000: hãy nhập 18.000 hoặc 18.",
  },
};

export type TSpreadsheetDict = typeof vi;

const en: TSpreadsheetDict = {
  title: "Import results from a file",
  breadcrumbWorkspace: "Workspace",
  breadcrumbGrid: "Enter results",
  noNumber: "Document without a number",
  intro:
    "Download the plan's result sheet, fill in the values in Excel (or another spreadsheet program), then upload the file here. Every row is checked before anything is written: one bad row rejects the whole file and nothing is saved.",
  step1: "1. Download the result sheet",
  downloadXlsx: "Download Excel file (.xlsx)",
  downloadCsv: "Download CSV file",
  downloadHint: "The file lists the targets, units and years you may fill in; the Excel file's “Guide” sheet explains every column.",
  step2: "2. Upload the filled-in file",
  fileLabel: "Result file (.xlsx or .csv, at most 5 MB)",
  fileHint: "Numbers as text use the Vietnamese format: 2.400 is two thousand four hundred, 18,66 is eighteen point six six. Rows without a value and unchanged rows are skipped.",
  publishLabel: "Approve and publish the results written",
  publishHint: "Unticked: results are saved as drafts.",
  submit: "Check and import",
  submitting: "Checking…",
  publishTitle: "Approve and publish the results?",
  publishQuestion: (n: string, file: string) =>
    `Approve and publish ${n} rows from the file ${file}? The values are approved and the public sees them at once; changing one then needs reopening it, with a reason.`,
  publishConfirm: "Approve and publish",
  cancel: "Cancel",
  chooseFileAgain: "Choose the file again above, then press “Approve and publish”.",
  backToGrid: "Back to the result grid",
  noRows: "This plan has no targets you may enter results for.",
  imported: (n: string) => `Imported ${n} rows.`,
  nothingToImport: "Nothing to write: every row is empty or equal to the stored figures.",
  skipped: (unchanged: string, blank: string) => `Skipped ${unchanged} unchanged and ${blank} empty rows.`,
  rejected: (n: string) => `The file was rejected and nothing was saved: ${n} errors. Fix the rows below and upload it again.`,
  rejectedForbidden: "The file has rows outside your jurisdiction. It was rejected and nothing was saved.",
  rejectedConflict: "The file has rows whose stored figures changed meanwhile or are approved. It was rejected and nothing was saved.",
  forbidden: "You are not allowed to enter results.",
  errorsCaption: "Errors in the file",
  colLine: "Row",
  colField: "Column",
  colMessage: "Error",
  warningsTitle: (n: string) => `Written, but ${n} row(s) are worth checking:`,
  warningsCaption: "Rows worth checking",
  colWarning: "To check",
  workbook: {
    fileName: "results",
    dataSheet: "Results",
    guideSheet: "Guide",
    status: { DRAFT: "Draft", SUBMITTED: "Submitted for approval", RETURNED: "Returned", PUBLISHED: "Approved (locked)" },
    notEntered: "Not entered",
    demoMark: " – illustrative figures (demo)",
    columns: {
      targetId: { label: "Target id", help: "The target's id in the portal. Do not change it.", example: "target-58-jobs" },
      target: { label: "Target", help: "The target's wording, for reference. Shown only: the import ignores this column.", example: "Giải quyết việc làm cho 2.400 lao động" },
      unitCode: { label: "Unit code", help: "The administrative unit's official code. Do not change it.", example: "942" },
      unit: { label: "Unit", help: "The administrative unit's name. Shown only.", example: "Huyện Châu Thành" },
      year: { label: "Year", help: "The year of the result. Do not change it.", example: "2023" },
      measureUnit: { label: "Measure unit", help: "The target's unit of measure (%, people, households…). Shown only.", example: "người" },
      value: {
        label: "Value",
        help: "The result achieved. Enter a number; typed as text, use the Vietnamese format: a dot between thousands, a comma before the decimals (2.400; 18,66). Enter a percentage in percent (18,66, not 0,1866). Leave it empty when there is no result yet: the row is skipped.",
        example: "2.400",
      },
      baseline: { label: "Baseline", help: "The value at the end of the previous year (needed for a decrease or an average yearly decrease without a baseline of its own); for an increase by a factor, the value at its reference point. Empty means none.", example: "5,12" },
      note: { label: "Note", help: "The source of the figure, or an explanation; at most 2,000 characters.", example: "Báo cáo tổng kết năm 2023 của UBND huyện" },
      evidenceUrl: { label: "Evidence link", help: "The http:// or https:// address of the document or report that is the evidence.", example: "https://chauthanh.soctrang.gov.vn/bao-cao-2023" },
      status: {
        label: "Status",
        help: "The status of the saved result (not entered, draft, submitted for approval, approved). Shown only. An approved result is locked: reopen it in the portal before changing it.",
        example: "Draft",
      },
      version: { label: "Version", help: "The version of the saved result, to detect that someone else changed it while you filled in the file. Do not change it; leave it empty for a new result.", example: "1" },
    },
    guideTitle: (planCode: string | null) => `How to enter results: ${planCode ?? "document without a number"}`,
    guideExported: (date: string, sheet: string) => `File exported on ${date}. Each row of the “${sheet}” sheet is one target of one unit in one year.`,
    guideSteps: (sheet: string, maxSize: string, maxRows: string) => [
      `1. Fill in the “Value” column (and if needed “Baseline”, “Note”, “Evidence link”) on the “${sheet}” sheet. Keep the header row and the id, year and version columns as they are.`,
      "2. Save the file as .xlsx (or CSV UTF-8), then upload it on the plan's “Import results from a file” page.",
      "3. The portal checks every row first. One bad row rejects the whole file and nothing is written; the error table names the row and column to fix. A valid file is written at once, in one transaction.",
      "4. Rows without a value are skipped; rows equal to the stored figures are skipped too. Results cannot be deleted with a file.",
      "5. New results are saved as drafts (unless you choose to approve and publish them on upload, if you may). An approved result is locked: reopen it in the portal, with a reason, before changing it.",
      `6. Limits: at most ${maxSize} and ${maxRows} rows per file.`,
    ],
    guideHead: { column: "Column", meaning: "Meaning", required: "Required", example: "Example" },
    requiredYes: "Yes",
    requiredNo: "No",
    shownOnly: "Shown only",
    numbersTitle: "Numbers",
    numbersText:
      "Number cells are stored as numbers; Excel shows them in the computer's regional format. Typed as text, use the Vietnamese format: 2.400 is two thousand four hundred, 18,66 is eighteen point six six. Numbers written otherwise (such as 2.40 or 1,234.5) are refused with an explanation, never guessed. For a count (people, households, models…), “18,000” is refused because it could be 18 or 18.000: enter 18.000 or 18.",
  },
};

export const spreadsheetsMessages: Record<Locale, TSpreadsheetDict> = { vi, en };

