// The texts of every problem code (lib/errors.ts), in both languages, and the one way to
// turn a problem into words. Codes common to every area are here; each area keeps its own
// in lib/i18n/problems/<area>.ts. A test checks that both languages have the same codes.
import type { TParams, TProblem } from "../errors";
import type { Locale } from "./locale";
import { accountsProblems } from "./problems/accounts";
import { plansProblems } from "./problems/plans";
import { resultsProblems } from "./problems/results";
import { spreadsheetsProblems } from "./problems/spreadsheets";
import { unitsProblems } from "./problems/units";
import type { TProblemTexts } from "./problems/types";

/** What was refused, for the "forbidden" text of a result write ("gửi duyệt", "mở lại"…). */
const CHANGE_VI: Record<string, string> = { submit: "gửi duyệt", publish: "duyệt và công bố", return: "trả lại", reopen: "mở lại" };
const CHANGE_EN: Record<string, string> = { submit: "submit", publish: "approve and publish", return: "return", reopen: "reopen" };

const vi = {
  unexpected: () => "Có lỗi ngoài dự kiến; chưa có gì được lưu. Hãy thử lại sau.",
  unavailable: () => "Hệ thống tạm thời không xử lý được yêu cầu; hãy thử lại sau.",
  signed_out: () => "Phiên đăng nhập đã hết. Hãy đăng nhập lại.",
  forbidden: (p: TParams) =>
    p.account === "missing"
      ? "Tài khoản không tồn tại hoặc đã bị khóa"
      : p.unitName !== undefined && p.unitName !== null
        ? `Bạn không có quyền ${CHANGE_VI[String(p.change)] ?? "nhập"} kết quả của ${p.unitName}`
        : p.change === "reopen"
          ? "Bạn không có quyền mở lại kết quả này"
          : "Bạn không có quyền thực hiện thao tác này.",
  not_found: (p: TParams) => (p.id !== undefined && p.id !== null ? `Không tìm thấy kết quả “${p.id}”` : "Không tìm thấy."),
  bad_form: () => "Biểu mẫu gửi lên không hợp lệ; hãy tải lại trang rồi thử lại.",
  invalid_field: (p: TParams) => String(p.message ?? "Giá trị không hợp lệ."),
} satisfies TProblemTexts;

type TCommonCode = keyof typeof vi;

const en: TProblemTexts<TCommonCode> = {
  unexpected: () => "Something unexpected went wrong; nothing was saved. Please try again later.",
  unavailable: () => "The service could not handle the request; try again later.",
  signed_out: () => "Your session has ended. Please sign in again.",
  forbidden: (p) =>
    p.account === "missing"
      ? "The account does not exist or is disabled"
      : p.unitNameEn !== undefined && p.unitNameEn !== null
        ? `You may not ${CHANGE_EN[String(p.change)] ?? "enter"} results for ${p.unitNameEn}`
        : p.change === "reopen"
          ? "You are not allowed to reopen this result"
          : "You are not allowed to do this.",
  not_found: (p) => (p.id !== undefined && p.id !== null ? `No result “${p.id}”` : "Not found."),
  bad_form: () => "The submitted form is not valid; reload the page and try again.",
  invalid_field: (p) => String(p.messageEn ?? p.message ?? "Invalid value."),
};

/** Every problem text, by locale and code. */
export const problemTexts = {
  vi: { ...vi, ...resultsProblems.vi, ...accountsProblems.vi, ...plansProblems.vi, ...spreadsheetsProblems.vi, ...unitsProblems.vi },
  en: { ...en, ...resultsProblems.en, ...accountsProblems.en, ...plansProblems.en, ...spreadsheetsProblems.en, ...unitsProblems.en },
} satisfies Record<Locale, TProblemTexts>;

/** A problem in the reader's language (an unknown code reads as an unexpected failure, and is logged). */
export function problemText(p: TProblem, locale: Locale): string {
  const texts: TProblemTexts = problemTexts[locale];
  const text = Object.hasOwn(texts, p.code) ? texts[p.code] : undefined;
  if (!text) {
    console.error(`problemText: no text for the problem code "${p.code}"`);
    return texts.unexpected!({});
  }
  return text(p.params ?? {});
}

/** Both languages, "tiếng Việt / English": the API's `message`, read by people of either language. */
export function problemBilingual(p: TProblem): string {
  return `${problemText(p, "vi")} / ${problemText(p, "en")}`;
}
