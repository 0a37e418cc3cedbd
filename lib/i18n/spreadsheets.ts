// Interface text of the spreadsheet export/import pages, Vietnamese first. Every key
// exists in both languages (checked by the type). Row messages from the write path are
// already bilingual ("… / …") and are shown as they come.
import { formatNumber } from "../domain/numbers";
import type { TFileError, TRowWarning } from "../spreadsheets/grid-file";
import { inLocale } from "./locale";
import type { Locale } from "./locale";

type WarningParams<C extends TRowWarning["code"]> = Extract<TRowWarning, { code: C }>["params"];

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;
const list = (xs: string[] | undefined) => (xs ?? []).map((x) => `“${x}”`).join(", ");

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
  backToGrid: "Quay lại bảng nhập kết quả",
  noRows: "Kế hoạch này không có chỉ tiêu nào bạn được nhập kết quả.",
  // outcomes
  imported: (n: string) => `Đã nhập ${n} dòng.`,
  nothingToImport: "Không có dòng nào cần ghi: mọi dòng đều để trống hoặc giống số liệu đã lưu.",
  skipped: (unchanged: string, blank: string) => `Bỏ qua ${unchanged} dòng không thay đổi và ${blank} dòng để trống.`,
  rejected: (n: string) => `Tệp bị từ chối, không có gì được ghi: ${n} lỗi. Hãy sửa các dòng dưới đây rồi tải lên lại.`,
  rejectedForbidden: "Tệp có dòng ngoài phạm vi bạn được nhập. Tệp bị từ chối, không có gì được ghi.",
  rejectedConflict: "Tệp có dòng mà số liệu đã lưu đã thay đổi hoặc đã được duyệt. Tệp bị từ chối, không có gì được ghi.",
  errorsCaption: "Các lỗi trong tệp",
  colLine: "Dòng",
  colField: "Cột",
  colMessage: "Lỗi",
  rowError: (line: string, field: string | undefined, message: string) => `Dòng ${line}${field ? ` – ${field}` : ""}: ${message}`,
  // warnings: saved, but worth checking
  warningsTitle: (n: string) => `Đã ghi, nhưng ${n} dòng nên kiểm tra lại:`,
  warningsCaption: "Các dòng nên kiểm tra lại",
  colWarning: "Cần kiểm tra",
  warning: {
    exceeds_parent_unit: (p: WarningParams<"exceeds_parent_unit">) =>
      `${p.unitName}, năm ${p.year}: ${formatNumber(p.value)} lớn hơn kết quả của đơn vị cấp trên ${p.parentUnitName} (${formatNumber(p.parentValue)}) cho cùng chỉ tiêu. Số liệu đã được ghi; hãy kiểm tra lại.`,
    baseline_differs_from_previous_year: (p: WarningParams<"baseline_differs_from_previous_year">) =>
      `${p.unitName}, năm ${p.year}: giá trị gốc ${formatNumber(p.baseline)} khác với kết quả đã công bố năm ${p.previousYear} (${formatNumber(p.previousValue)}). Số liệu đã được ghi; hãy kiểm tra lại.`,
  },
  signInAgain: "Phiên đăng nhập đã hết. Hãy đăng nhập lại.",
  forbidden: "Bạn không có quyền nhập kết quả.",
  notFound: "Không tìm thấy kế hoạch.",
  noFile: "Hãy chọn một tệp .xlsx hoặc .csv.",
  unexpected: "Hệ thống tạm thời không xử lý được tệp. Không có gì được ghi; hãy thử lại sau.",
  file: {
    empty_file: () => "Tệp rỗng.",
    too_large: (e: TFileError) => `Tệp quá lớn: tối đa ${mb(e.limit ?? 0)}.`,
    unsupported_type: () => "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).",
    unreadable: () => "Không đọc được tệp Excel. Hãy lưu lại tệp dạng .xlsx (Excel Workbook) rồi tải lên lại.",
    not_utf8: () => "Tệp CSV không ở mã UTF-8. Trong Excel, chọn Lưu thành “CSV UTF-8 (Comma delimited)”.",
    csv_malformed: (e: TFileError) => `Tệp CSV sai định dạng: ${inLocale(e.detail ?? `dòng ${e.line ?? "?"}: dấu ngoặc kép (") không khớp`, "vi")}.`,
    no_sheet: () => "Tệp Excel không có trang dữ liệu nào.",
    no_header: () => "Tệp không có hàng tiêu đề (targetId, unitCode, year, value, …).",
    missing_columns: (e: TFileError) => `Thiếu cột bắt buộc: ${list(e.columns)}. Hãy dùng tệp tải về từ cổng.`,
    unknown_columns: (e: TFileError) => `Cột không nhận ra: ${list(e.columns)}. Tên cột phải như trong tệp tải về (xem trang “Hướng dẫn”).`,
    duplicate_columns: (e: TFileError) => `Cột bị lặp lại: ${list(e.columns)}.`,
    too_many_rows: (e: TFileError) => `Tệp có quá nhiều dòng: tối đa ${formatNumber(e.limit ?? 0)} dòng.`,
    too_many_changes: (e: TFileError) => `Mỗi lần nhập ghi được tối đa ${formatNumber(e.limit ?? 0)} dòng thay đổi; hãy chia tệp ra.`,
  } satisfies Record<TFileError["code"], (e: TFileError) => string>,
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
  downloadHint: "The file lists the targets, units and years you may fill in; the Excel file's “Hướng dẫn” (guide) sheet explains every column.",
  step2: "2. Upload the filled-in file",
  fileLabel: "Result file (.xlsx or .csv, at most 5 MB)",
  fileHint: "Numbers as text use the Vietnamese format: 2.400 is two thousand four hundred, 18,66 is eighteen point six six. Rows without a value and unchanged rows are skipped.",
  publishLabel: "Approve and publish the results written",
  publishHint: "Unticked: results are saved as drafts.",
  submit: "Check and import",
  submitting: "Checking…",
  backToGrid: "Back to the result grid",
  noRows: "This plan has no targets you may enter results for.",
  imported: (n: string) => `Imported ${n} rows.`,
  nothingToImport: "Nothing to write: every row is empty or equal to the stored figures.",
  skipped: (unchanged: string, blank: string) => `Skipped ${unchanged} unchanged and ${blank} empty rows.`,
  rejected: (n: string) => `The file was rejected and nothing was saved: ${n} errors. Fix the rows below and upload it again.`,
  rejectedForbidden: "The file has rows outside your jurisdiction. It was rejected and nothing was saved.",
  rejectedConflict: "The file has rows whose stored figures changed meanwhile or are approved. It was rejected and nothing was saved.",
  errorsCaption: "Errors in the file",
  colLine: "Row",
  colField: "Column",
  colMessage: "Error",
  rowError: (line: string, field: string | undefined, message: string) => `Row ${line}${field ? ` – ${field}` : ""}: ${message}`,
  warningsTitle: (n: string) => `Written, but ${n} row(s) are worth checking:`,
  warningsCaption: "Rows worth checking",
  colWarning: "To check",
  warning: {
    exceeds_parent_unit: (p) =>
      `${p.unitNameEn}, ${p.year}: ${formatNumber(p.value, { locale: "en" })} is greater than the figure of the parent unit ${p.parentUnitNameEn} (${formatNumber(p.parentValue, { locale: "en" })}) for the same target. It was written; please check it.`,
    baseline_differs_from_previous_year: (p) =>
      `${p.unitNameEn}, ${p.year}: the baseline ${formatNumber(p.baseline, { locale: "en" })} differs from the published ${p.previousYear} result (${formatNumber(p.previousValue, { locale: "en" })}). It was written; please check it.`,
  },
  signInAgain: "Your session has ended. Please sign in again.",
  forbidden: "You are not allowed to enter results.",
  notFound: "Plan not found.",
  noFile: "Choose an .xlsx or .csv file.",
  unexpected: "The file could not be processed right now. Nothing was saved; please try again later.",
  file: {
    empty_file: () => "The file is empty.",
    too_large: (e: TFileError) => `The file is too large: at most ${mb(e.limit ?? 0)}.`,
    unsupported_type: () => "Only Excel (.xlsx) or CSV (.csv) files are accepted.",
    unreadable: () => "The Excel file could not be read. Save it as .xlsx (Excel Workbook) and upload it again.",
    not_utf8: () => "The CSV file is not UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”.",
    csv_malformed: (e: TFileError) => `The CSV file is malformed: ${inLocale(e.detail ?? `line ${e.line ?? "?"}: unbalanced double quotes (")`, "en")}.`,
    no_sheet: () => "The Excel file has no data sheet.",
    no_header: () => "The file has no header row (targetId, unitCode, year, value, …).",
    missing_columns: (e: TFileError) => `Required columns are missing: ${list(e.columns)}. Use the file downloaded from the portal.`,
    unknown_columns: (e: TFileError) => `Unknown columns: ${list(e.columns)}. Column names must be as in the downloaded file (see its guide sheet).`,
    duplicate_columns: (e: TFileError) => `Columns appear twice: ${list(e.columns)}.`,
    too_many_rows: (e: TFileError) => `The file has too many rows: at most ${formatNumber(e.limit ?? 0, { locale: "en" })}.`,
    too_many_changes: (e: TFileError) => `One import writes at most ${formatNumber(e.limit ?? 0, { locale: "en" })} changed rows; split the file.`,
  },
};

export const spreadsheetsMessages: Record<Locale, TSpreadsheetDict> = { vi, en };

/** A "vi / en" message from the write path or a reader, in one language (as is when it is not in two halves). */

export function fileErrorMessage(error: TFileError, locale: Locale): string {
  return spreadsheetsMessages[locale].file[error.code](error);
}

/** A warning of the import (saved, but worth checking) in the reader's language, from its code and params. */
export function rowWarningMessage(w: Pick<TRowWarning, "code" | "params">, locale: Locale): string {
  // Each code has its own text; the cast joins a code to its own params (a union TypeScript cannot narrow by index).
  return (spreadsheetsMessages[locale].warning[w.code] as (p: TRowWarning["params"]) => string)(w.params);
}
