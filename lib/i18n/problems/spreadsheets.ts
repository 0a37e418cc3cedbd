// Problem texts of the spreadsheets area, by code (lib/errors.ts; rendered by lib/i18n/problems.ts):
//   file_*   the uploaded file as a whole (lib/spreadsheets/read-file.ts): nothing in it is read;
//   cell_*   one cell that could not be read (lib/spreadsheets/read-xlsx.ts), reported at its row;
//   sheet_*  the import and the export themselves (a row outside the plan, no plan, a bad request).
// A list of column names comes as one parameter, a name a line (lib/spreadsheets/read-rows.ts).
import { formatNumber } from "../../domain/numbers";
import type { TParamValue } from "../../errors";
import { inLocale } from "../locale";
import type { TProblemTexts } from "./types";

const mb = (bytes: TParamValue | undefined) => `${Math.round(Number(bytes ?? 0) / (1024 * 1024))} MB`;
const quoted = (lines: TParamValue | undefined) => (lines ? String(lines).split("\n").map((x) => `“${x}”`).join(", ") : "");
const count = (n: TParamValue | undefined, locale: "vi" | "en") => formatNumber(Number(n ?? 0), { locale });

const vi = {
  file_missing: () => "Hãy chọn một tệp .xlsx hoặc .csv.",
  file_empty: () => "Tệp rỗng.",
  file_too_large: (p) => `Tệp quá lớn: tối đa ${mb(p.limit)}.`,
  file_unsupported_type: () => "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv).",
  file_unreadable: () => "Không đọc được tệp Excel. Hãy lưu lại tệp dạng .xlsx (Excel Workbook) rồi tải lên lại.",
  file_not_utf8: () => "Tệp CSV không ở mã UTF-8. Trong Excel, chọn Lưu thành “CSV UTF-8 (Comma delimited)”.",
  // `detail` is the CSV reader's own message ("vi / en", lib/api/csv-parse.ts).
  file_csv_malformed: (p) => `Tệp CSV sai định dạng: ${inLocale(String(p.detail ?? `dòng ${p.line ?? "?"}: dấu ngoặc kép (") không khớp`), "vi")}.`,
  file_no_sheet: () => "Tệp Excel không có trang dữ liệu nào.",
  file_no_header: () => "Tệp không có hàng tiêu đề (targetId, unitCode, year, value, …).",
  file_missing_columns: (p) => `Thiếu cột bắt buộc: ${quoted(p.columns)}. Hãy dùng tệp tải về từ cổng.`,
  file_unknown_columns: (p) => `Cột không nhận ra: ${quoted(p.columns)}. Tên cột phải như trong tệp tải về (xem trang “Hướng dẫn”).`,
  file_duplicate_columns: (p) => `Cột bị lặp lại: ${quoted(p.columns)}.`,
  file_too_many_rows: (p) => `Tệp có quá nhiều dòng: tối đa ${count(p.limit, "vi")} dòng.`,
  file_too_many_changes: (p) => `Mỗi lần nhập ghi được tối đa ${count(p.limit, "vi")} dòng thay đổi; hãy chia tệp ra.`,
  // An XLSX's zip, checked before it is read (lib/spreadsheets/zip.ts, read-xlsx.ts); nothing in it is read.
  file_unpacked_too_large: (p) => `Tệp Excel khi giải nén lớn hơn ${mb(p.limit)}. Hãy xóa hình ảnh và trang tính thừa, hoặc dùng tệp tải về từ cổng.`,
  file_zip_unsafe: () => "Tệp Excel có cấu trúc nén bất thường (mã hóa, tên phần lạ hoặc kích thước khai báo sai) nên không được đọc. Hãy mở tệp bằng Excel và lưu lại thành tệp .xlsx mới.",
  file_too_many_cells: (p) => `Trang dữ liệu có quá nhiều ô: tối đa ${count(p.limit, "vi")} ô. Hãy xóa các cột, hàng hoặc định dạng thừa.`,
  file_busy: () => "Cổng đang đọc một tệp khác; hãy thử lại sau ít giây. Chưa có gì được lưu.",
  cell_not_number: () => "Ô không chứa số hợp lệ",
  cell_boolean: () => "Ô chứa giá trị đúng/sai (TRUE/FALSE), không phải số hay chữ",
  cell_date: () => "Ô đang ở dạng ngày tháng; hãy định dạng lại ô là số hoặc văn bản rồi nhập lại",
  cell_formula_error: (p) => `Ô có lỗi công thức ${p.error}`,
  cell_formula_no_result: () => "Công thức chưa có kết quả; hãy mở tệp bằng Excel và lưu lại",
  cell_unreadable: () => "Không đọc được nội dung ô",
  sheet_target_not_in_plan: (p) => `Chỉ tiêu “${p.targetId}” không thuộc kế hoạch này hoặc không thuộc phạm vi bạn được nhập`,
  sheet_plan_not_found: () => "Không tìm thấy kế hoạch.",
  sheet_signed_out: () => "Cần đăng nhập để tải bảng kết quả.",
  sheet_bad_format: (p) => `Định dạng không hỗ trợ: "${p.format}" (dùng xlsx hoặc csv).`,
  sheet_xlsx_not_in_api: () => "API không nhận tệp Excel (.xlsx): hãy gửi JSON hoặc CSV (UTF-8). Muốn nhập tệp Excel, dùng trang “Nhập kết quả từ tệp” của kế hoạch.",
} satisfies TProblemTexts;

const en: TProblemTexts<keyof typeof vi> = {
  file_missing: () => "Choose an .xlsx or .csv file.",
  file_empty: () => "The file is empty.",
  file_too_large: (p) => `The file is too large: at most ${mb(p.limit)}.`,
  file_unsupported_type: () => "Only Excel (.xlsx) or CSV (.csv) files are accepted.",
  file_unreadable: () => "The Excel file could not be read. Save it as .xlsx (Excel Workbook) and upload it again.",
  file_not_utf8: () => "The CSV file is not UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”.",
  file_csv_malformed: (p) => `The CSV file is malformed: ${inLocale(String(p.detail ?? `line ${p.line ?? "?"}: unbalanced double quotes (")`), "en")}.`,
  file_no_sheet: () => "The Excel file has no data sheet.",
  file_no_header: () => "The file has no header row (targetId, unitCode, year, value, …).",
  file_missing_columns: (p) => `Required columns are missing: ${quoted(p.columns)}. Use the file downloaded from the portal.`,
  file_unknown_columns: (p) => `Unknown columns: ${quoted(p.columns)}. Column names must be as in the downloaded file (see its guide sheet).`,
  file_duplicate_columns: (p) => `Columns appear twice: ${quoted(p.columns)}.`,
  file_too_many_rows: (p) => `The file has too many rows: at most ${count(p.limit, "en")}.`,
  file_too_many_changes: (p) => `One import writes at most ${count(p.limit, "en")} changed rows; split the file.`,
  file_unpacked_too_large: (p) => `The Excel file unpacks to more than ${mb(p.limit)}. Remove pictures and extra sheets, or use the file downloaded from the portal.`,
  file_zip_unsafe: () => "The Excel file's packaging is unusual (encrypted, odd part names or wrong declared sizes), so it was not read. Open it in Excel and save it as a new .xlsx file.",
  file_too_many_cells: (p) => `The data sheet has too many cells: at most ${count(p.limit, "en")}. Delete extra columns, rows or formatting.`,
  file_busy: () => "The portal is reading another file; try again in a few seconds. Nothing was saved.",
  cell_not_number: () => "The cell holds no valid number",
  cell_boolean: () => "The cell holds TRUE/FALSE",
  cell_date: () => "The cell is formatted as a date; format it as a number or text",
  cell_formula_error: (p) => `The cell holds a formula error ${p.error}`,
  cell_formula_no_result: () => "The formula has no computed result; open and save the file in Excel",
  cell_unreadable: () => "The cell could not be read",
  sheet_target_not_in_plan: (p) => `The target “${p.targetId}” is not in this plan, or not yours to fill`,
  sheet_plan_not_found: () => "Plan not found.",
  sheet_signed_out: () => "Sign in to download the result sheet.",
  sheet_bad_format: (p) => `Unsupported format: "${p.format}" (use xlsx or csv).`,
  sheet_xlsx_not_in_api: () => "The API does not accept Excel (.xlsx) files: send JSON or CSV (UTF-8). To import a workbook, use the plan's “Import results from a file” page.",
};

export const spreadsheetsProblems: Record<"vi" | "en", TProblemTexts<keyof typeof vi>> = { vi, en };
