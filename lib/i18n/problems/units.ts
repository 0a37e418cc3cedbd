// Problem texts of managing the unit registry, by code (lib/errors.ts; rendered by
// lib/i18n/problems.ts). Thrown by lib/data/units-admin-core.ts with the rules of
// lib/domain/units-admin.ts; shown by the unit management page and printed by the operators'
// command line. Codes start with "registry_". A problem about a row of a file carries `line`
// (its line in the file), which the page and the command line print beside the text.
import { formatDate, formatNumber } from "../../domain/numbers";
import type { TParams, TParamValue } from "../../errors";
import type { TProblemTexts } from "./types";

type L = "vi" | "en";

const day = (v: TParamValue | undefined) => formatDate(typeof v === "string" ? v : null);
const n = (v: TParamValue | undefined, locale: L) => formatNumber(Number(v ?? 0), { locale });
const LEVEL: Record<L, Record<string, string>> = {
  vi: { NATION: "quốc gia", PROVINCE: "cấp tỉnh", DISTRICT: "cấp huyện", COMMUNE: "cấp xã" },
  en: { NATION: "national", PROVINCE: "province", DISTRICT: "district", COMMUNE: "commune" },
};
const level = (v: TParamValue | undefined, locale: L) => LEVEL[locale][String(v)] ?? String(v ?? "");

/** "2 kế hoạch, 5 chỉ tiêu" / "2 plans, 5 targets": what refers to a unit. */
function references(p: TParams, locale: L): string {
  const words: Record<L, [string, string, string][]> = {
    vi: [
      ["plans", "kế hoạch", "kế hoạch"],
      ["targets", "chỉ tiêu", "chỉ tiêu"],
      ["results", "kết quả", "kết quả"],
      ["users", "tài khoản", "tài khoản"],
      ["children", "đơn vị trực thuộc", "đơn vị trực thuộc"],
      ["successions", "quan hệ sáp nhập/chia tách", "quan hệ sáp nhập/chia tách"],
    ],
    en: [
      ["plans", "plan", "plans"],
      ["targets", "target", "targets"],
      ["results", "result", "results"],
      ["users", "account", "accounts"],
      ["children", "unit below it", "units below it"],
      ["successions", "succession", "successions"],
    ],
  };
  return words[locale]
    .filter(([k]) => Number(p[k] ?? 0) > 0)
    .map(([k, one, many]) => `${n(p[k], locale)} ${Number(p[k]) === 1 ? one : many}`)
    .join(", ");
}

const vi = {
  registry_key_taken: (p: TParams) => `Khóa “${p.key}” đã thuộc về ${p.name}; khóa là địa chỉ công khai nên không bao giờ đổi hay dùng lại: hãy đặt cho đơn vị mới một khóa khác`,
  registry_code_in_use: (p: TParams) =>
    `Mã ${p.code} đang thuộc về ${p.name}${p.validTo ? `, còn hiệu lực đến ${day(p.validTo)}` : ", đang còn hiệu lực"}: đơn vị mới từ ${day(p.date)} không dùng được mã này`,
  registry_parent_unknown: (p: TParams) => `Không có đơn vị cấp trên “${p.key}”`,
  registry_parent_not_valid: (p: TParams) => `Đơn vị cấp trên ${p.name} không còn hiệu lực vào ngày ${day(p.date)}`,
  registry_parent_level: (p: TParams) => `${p.name} (${level(p.parentLevel, "vi")}) không thể là cấp trên của một đơn vị ${level(p.level, "vi")}`,
  registry_parent_required: () => "Thiếu đơn vị cấp trên: đơn vị cấp huyện, cấp xã phải thuộc một đơn vị cấp trên",
  registry_nation: () => "Không thể kết thúc, sáp nhập hay xóa đơn vị quốc gia",
  registry_not_yet_valid: (p: TParams) => `${p.name} chỉ có hiệu lực từ ${day(p.validFrom)}: không thể kết thúc trước ngày đó (ngày hiệu lực ${day(p.date)})`,
  registry_already_ended: (p: TParams) => `${p.name} đã hết hiệu lực (ngày cuối cùng ${day(p.validTo)})`,
  registry_already_succeeded: (p: TParams) => `${p.name} đã được sáp nhập/chia tách từ ngày ${day(p.date)}`,
  registry_self_succession: (p: TParams) => `${p.name} không thể sáp nhập vào chính nó`,
  registry_duplicate_succession: (p: TParams) => `${p.from} → ${p.to} được nêu hai lần`,
  registry_level_mismatch: (p: TParams) => `${p.from} (${level(p.fromLevel, "vi")}) không thể sáp nhập vào ${p.to} (${level(p.toLevel, "vi")}): phải cùng cấp`,
  registry_successor_not_valid: (p: TParams) => `${p.name} không có hiệu lực vào ngày ${day(p.date)} nên không thể nhận đơn vị sáp nhập`,
  registry_share_differs: (p: TParams) => `${p.from} → ${p.to} đã được ghi với phần chuyển ${p.share === "FULL" ? "toàn bộ" : "một phần"}`,
  registry_full_and_more: (p: TParams) => `${p.name} sáp nhập toàn bộ thì chỉ vào một đơn vị (đang nêu ${n(p.count, "vi")}); nếu chia tách, hãy chọn “một phần”`,
  registry_partial_single: (p: TParams) => `${p.name} chỉ chuyển một phần vào một đơn vị: hãy nêu các đơn vị nhận phần còn lại, hoặc chọn “toàn bộ”`,
  registry_children_remain: (p: TParams) =>
    `${p.name} còn ${n(p.count, "vi")} đơn vị trực thuộc vẫn có hiệu lực (ví dụ ${p.example}): hãy kết thúc hoặc sáp nhập chúng cùng lúc`,
  registry_end_before_start: (p: TParams) => `${p.name} có hiệu lực từ ${day(p.validFrom)}: ngày hết hiệu lực ${day(p.date)} phải sau ngày đó`,
  registry_unit_unknown: (p: TParams) => `Không có đơn vị có khóa “${p.key}”`,
  registry_no_predecessor: () => "Nhập ít nhất một đơn vị trước sắp xếp",
  registry_no_successor: () => "Nhập ít nhất một đơn vị sau sắp xếp, hoặc tạo đơn vị mới",
  registry_in_use: (p: TParams) => `Không thể xóa ${p.name}: đang được dùng bởi ${references(p, "vi")}. Đơn vị không còn tồn tại thì hãy kết thúc nó thay vì xóa`,
  registry_preview_stale: () => "Dữ liệu hoặc tệp đã thay đổi kể từ khi xem trước: hãy xem trước lại rồi xác nhận",
  registry_changed_meanwhile: () => "Danh mục vừa được người khác thay đổi: hãy xem trước lại rồi xác nhận",
  registry_file_missing: () => "Hãy chọn tệp danh sách đơn vị (.csv)",
  registry_file_too_large: (p: TParams) => `Tệp quá lớn: tối đa ${Math.round(Number(p.limit ?? 0) / (1024 * 1024))} MB`,
  registry_file_not_utf8: () => "Tệp CSV không ở mã UTF-8. Trong Excel, chọn Lưu thành “CSV UTF-8 (Comma delimited)”",
  registry_csv_quote: (p: TParams) => `Dấu ngoặc kép (") mở ở dòng ${p.line} không được đóng`,
  registry_csv_empty: () => "Tệp rỗng: cần hàng tiêu đề",
  registry_csv_separator: () => "Tệp dùng dấu chấm phẩy (;): các cột phải cách nhau bằng dấu phẩy (,), như tệp dùng chung",
  registry_csv_too_many_rows: (p: TParams) => `Tệp có ${n(p.count, "vi")} dòng: tối đa ${n(p.max, "vi")}`,
  registry_csv_extra_cells: (p: TParams) => `Dòng có nhiều ô hơn ${n(p.count, "vi")} cột của hàng tiêu đề (tên có dấu phẩy thì đặt trong ngoặc kép)`,
  registry_csv_missing_columns: (p: TParams) => `Thiếu cột: ${p.columns}. Hàng tiêu đề phải là: ${p.expected}`,
  registry_csv_unknown_columns: (p: TParams) => `Cột không nhận ra: ${p.columns}. Các cột được nhận: ${p.expected}`,
  registry_csv_duplicate_column: (p: TParams) => `Cột “${p.column}” bị lặp lại`,
  registry_csv_required: (p: TParams) => `Thiếu giá trị cột ${p.column}`,
  registry_csv_too_long: (p: TParams) => `Cột ${p.column} tối đa ${n(p.max, "vi")} ký tự`,
  registry_csv_control: (p: TParams) => `Cột ${p.column} chứa ký tự điều khiển`,
  registry_csv_bad_code: (p: TParams) => `Cột ${p.column}: “${p.value}” không phải là mã đơn vị (1–12 chữ cái hoặc chữ số)`,
  registry_csv_bad_level: (p: TParams) => `Cấp “${p.value}” không hợp lệ: dùng PROVINCE, DISTRICT hoặc COMMUNE`,
  registry_csv_bad_key: (p: TParams) => `Khóa “${p.value}” không hợp lệ: là mã đơn vị, hoặc mã kèm năm, ví dụ 92-2025`,
  registry_csv_bad_share: (p: TParams) => `Phần chuyển “${p.value}” không hợp lệ: dùng full (toàn bộ) hoặc partial (một phần)`,
  registry_csv_duplicate_row: (p: TParams) => `Trùng với dòng ${p.first}`,
  registry_csv_ambiguous: (p: TParams) => `Có nhiều đơn vị mang mã ${p.code} vào ngày ${day(p.date)}`,
  registry_csv_no_predecessor: (p: TParams) => `Không có đơn vị ${level(p.level, "vi")} mã ${p.code} còn hiệu lực vào ngày ${day(p.date)} (ngày trước ngày hiệu lực)`,
  registry_csv_no_successor: (p: TParams) => `Không có đơn vị ${level(p.level, "vi")} mã ${p.code} vào ngày ${day(p.date)}: hãy thêm nó vào tệp danh sách đơn vị`,
  registry_csv_name_differs: (p: TParams) => `Mã ${p.code} là ${p.name}, không phải “${p.given}”: hãy kiểm tra lại mã`,
  registry_csv_key_differs: (p: TParams) => `Mã này là ${p.name}, khóa khác “${p.key}”: khóa của đơn vị đã có không bao giờ đổi`,
  registry_csv_parent_differs: (p: TParams) =>
    `${p.name} thuộc ${p.parent}, không phải ${p.given}: đơn vị chuyển sang đơn vị cấp trên khác là đơn vị mới; hãy nêu nó trong tệp đơn vị kế thừa, với khóa riêng`,
} satisfies TProblemTexts;

const en: TProblemTexts<keyof typeof vi> = {
  registry_key_taken: (p) => `The key “${p.key}” belongs to ${p.name}; keys are public addresses, never changed nor reused: give the new unit a key of its own`,
  registry_code_in_use: (p) => `The code ${p.code} belongs to ${p.name}${p.validTo ? `, valid until ${day(p.validTo)}` : ", still valid"}: a new unit from ${day(p.date)} cannot use it`,
  registry_parent_unknown: (p) => `There is no parent unit “${p.key}”`,
  registry_parent_not_valid: (p) => `The parent unit ${p.name} does not exist on ${day(p.date)}`,
  registry_parent_level: (p) => `${p.name} (${level(p.parentLevel, "en")} level) cannot be the parent of a ${level(p.level, "en")}`,
  registry_parent_required: () => "A parent unit is required: districts and communes belong to a unit above them",
  registry_nation: () => "The nation cannot be ended, merged or deleted",
  registry_not_yet_valid: (p) => `${p.name} exists only from ${day(p.validFrom)}: it cannot end before that (effective date ${day(p.date)})`,
  registry_already_ended: (p) => `${p.name} has already ended (last day ${day(p.validTo)})`,
  registry_already_succeeded: (p) => `${p.name} was already merged or split on ${day(p.date)}`,
  registry_self_succession: (p) => `${p.name} cannot go into itself`,
  registry_duplicate_succession: (p) => `${p.from} → ${p.to} is given twice`,
  registry_level_mismatch: (p) => `${p.from} (${level(p.fromLevel, "en")}) cannot go into ${p.to} (${level(p.toLevel, "en")}): the levels must match`,
  registry_successor_not_valid: (p) => `${p.name} does not exist on ${day(p.date)}, so nothing can go into it`,
  registry_share_differs: (p) => `${p.from} → ${p.to} is already recorded as ${p.share === "FULL" ? "whole" : "in part"}`,
  registry_full_and_more: (p) => `${p.name} going wholly into a unit goes into one only (${n(p.count, "en")} given); for a split, choose “in part”`,
  registry_partial_single: (p) => `${p.name} goes only in part into one unit: name the units that take the rest, or choose “whole”`,
  registry_children_remain: (p) => `${p.name} still has ${n(p.count, "en")} units below it that remain valid (e.g. ${p.example}): end or merge them at the same time`,
  registry_end_before_start: (p) => `${p.name} exists from ${day(p.validFrom)}: the effective date ${day(p.date)} must come after it`,
  registry_unit_unknown: (p) => `There is no unit with the key “${p.key}”`,
  registry_no_predecessor: () => "Give at least one unit before the change",
  registry_no_successor: () => "Give at least one unit after the change, or create a new one",
  registry_in_use: (p) => `${p.name} cannot be deleted: ${references(p, "en")} refer to it. End a unit that no longer exists instead of deleting it`,
  registry_preview_stale: () => "The data or the files changed since the preview: preview again, then confirm",
  registry_changed_meanwhile: () => "Someone else just changed the registry: preview again, then confirm",
  registry_file_missing: () => "Choose the units file (.csv)",
  registry_file_too_large: (p) => `The file is too large: at most ${Math.round(Number(p.limit ?? 0) / (1024 * 1024))} MB`,
  registry_file_not_utf8: () => "The CSV file is not UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”",
  registry_csv_quote: (p) => `The quote (") opened on line ${p.line} is never closed`,
  registry_csv_empty: () => "The file is empty: a header row is required",
  registry_csv_separator: () => "The file uses semicolons (;): columns must be separated by commas (,), as in the shared files",
  registry_csv_too_many_rows: (p) => `The file has ${n(p.count, "en")} rows: at most ${n(p.max, "en")}`,
  registry_csv_extra_cells: (p) => `The line has more cells than the header's ${n(p.count, "en")} columns (quote a name that contains a comma)`,
  registry_csv_missing_columns: (p) => `Missing columns: ${p.columns}. The header must be: ${p.expected}`,
  registry_csv_unknown_columns: (p) => `Unknown columns: ${p.columns}. Accepted columns: ${p.expected}`,
  registry_csv_duplicate_column: (p) => `The column “${p.column}” appears twice`,
  registry_csv_required: (p) => `The column ${p.column} is empty`,
  registry_csv_too_long: (p) => `The column ${p.column} has at most ${n(p.max, "en")} characters`,
  registry_csv_control: (p) => `The column ${p.column} contains control characters`,
  registry_csv_bad_code: (p) => `Column ${p.column}: “${p.value}” is not a unit code (1–12 letters or digits)`,
  registry_csv_bad_level: (p) => `The level “${p.value}” is not valid: use PROVINCE, DISTRICT or COMMUNE`,
  registry_csv_bad_key: (p) => `The key “${p.value}” is not valid: a unit code, or a code and a year such as 92-2025`,
  registry_csv_bad_share: (p) => `The share “${p.value}” is not valid: use full or partial`,
  registry_csv_duplicate_row: (p) => `Same as line ${p.first}`,
  registry_csv_ambiguous: (p) => `Several units have the code ${p.code} on ${day(p.date)}`,
  registry_csv_no_predecessor: (p) => `No ${level(p.level, "en")} with the code ${p.code} exists on ${day(p.date)} (the day before the effective date)`,
  registry_csv_no_successor: (p) => `No ${level(p.level, "en")} with the code ${p.code} exists on ${day(p.date)}: add it to the units file`,
  registry_csv_name_differs: (p) => `The code ${p.code} is ${p.name}, not “${p.given}”: check the code`,
  registry_csv_key_differs: (p) => `This code is ${p.name}, whose key is not “${p.key}”: the key of an existing unit never changes`,
  registry_csv_parent_differs: (p) =>
    `${p.name} lies under ${p.parent}, not ${p.given}: a unit that moves to another parent is a new unit; list it in the successors file, with a key of its own`,
};

export const unitsProblems: Record<"vi" | "en", TProblemTexts<keyof typeof vi>> = { vi, en };
