// Texts of the searching unit picker (components/forms/unit-picker.tsx), Vietnamese first. The
// account pages (lib/i18n/accounts.ts) and plan authoring (lib/i18n/authoring.ts) each take them
// with a hint of their own. Plain strings only: they are handed to a client component.
import type { Locale } from "./locale";

const vi = {
  /** How to use the picker, below the field (with JavaScript). */
  hint: "Gõ tên hoặc mã đơn vị rồi chọn trong danh sách (phím mũi tên và Enter).",
  /** The same field without JavaScript: a plain text box for the unit's key. */
  hintPlain: "Nhập mã đơn vị, ví dụ 08 (Tỉnh Tuyên Quang) hoặc 00004 (Phường Ba Đình); đơn vị đã kết thúc: mã kèm năm, ví dụ 92-2025.",
  searching: "Đang tìm…",
  noResults: "Không tìm thấy đơn vị nào",
  failed: "Không tìm được đơn vị: máy chủ không trả lời. Hãy thử lại.",
  /** Before a count of units found: "Tìm thấy: 12 đơn vị". */
  found: "Số đơn vị tìm thấy:",
  more: "Gõ thêm để thu hẹp.",
  /** The text typed names no unit chosen from the list. */
  notChosen: "Chưa chọn đơn vị: hãy chọn một đơn vị trong danh sách.",
  /** The accessible name of the list of units found. */
  list: "Các đơn vị tìm thấy",
  /** "(đến 30/06/2025)": a unit that has ended, and when. */
  until: "đến",
  code: "mã",
  /** Marks the account's own unit, offered first. */
  yours: "đơn vị của bạn",
};

export type TUnitPickerText = typeof vi;

const en: TUnitPickerText = {
  hint: "Type a unit's name or code, then choose it in the list (arrow keys and Enter).",
  hintPlain: "Enter the unit's code, e.g. 08 (Tuyên Quang province) or 00004 (Ba Đình ward); for a unit that has ended, the code and year, e.g. 92-2025.",
  searching: "Searching…",
  noResults: "No unit found",
  failed: "Could not search the units: the server did not answer. Try again.",
  found: "Units found:",
  more: "Type more to narrow it down.",
  notChosen: "No unit chosen: choose one in the list.",
  list: "Units found",
  until: "until",
  code: "code",
  yours: "your unit",
};

export const unitPickerText: Record<Locale, TUnitPickerText> = { vi, en };
