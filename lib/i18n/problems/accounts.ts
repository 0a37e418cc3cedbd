// Problem texts of the accounts area (accounts and personal access tokens), by code
// (lib/errors.ts; rendered by lib/i18n/problems.ts). Thrown by lib/data/accounts-core.ts and
// lib/data/tokens-core.ts; shown by the account pages and printed by the operators' command line.
import type { TParams } from "../../errors";
import { formatDate, formatDateTime } from "../../domain/numbers";
import type { TProblemTexts } from "./types";

/** What a role needs for a unit (the param `role`: "PROVINCIAL_OFFICER" | "DISTRICT_STAFF"). */
const UNIT_RULE = {
  vi: { PROVINCIAL_OFFICER: "cán bộ cấp tỉnh cần một tỉnh, thành phố", DISTRICT_STAFF: "cán bộ huyện/xã cần một huyện hoặc một xã, phường" },
  en: { PROVINCIAL_OFFICER: "a provincial officer needs a province or city", DISTRICT_STAFF: "district or commune staff need a district or a commune" },
};
const rule = (locale: "vi" | "en", role: TParams[string] | undefined) => (role === "DISTRICT_STAFF" ? UNIT_RULE[locale].DISTRICT_STAFF : UNIT_RULE[locale].PROVINCIAL_OFFICER);

const vi = {
  invalid_email: (p: TParams) => `“${p.email}” không phải là địa chỉ thư điện tử hợp lệ`,
  no_account_with_email: (p: TParams) => `Không có tài khoản ${p.email}`,
  account_not_found: () => "Không tìm thấy tài khoản",
  duplicate_email: (p: TParams) => `Đã có tài khoản ${p.email}`,
  unit_for_admin: () => "Quản trị viên phụ trách cả nước, không gắn với đơn vị",
  unit_required: (p: TParams) => `Thiếu đơn vị: ${rule("vi", p.role)}`,
  unit_not_found: (p: TParams) => `Không có đơn vị hành chính mã “${p.code}”`,
  unit_level: (p: TParams) => `${p.unit} không phù hợp: ${rule("vi", p.role)}`,
  // params: unit, key, to (YYYY-MM-DD), successor and successorKey (the unit it went into wholly, or null), successors (the units it was divided between, or null)
  unit_ended: (p: TParams) =>
    `${p.unit} (mã ${p.key}) đã kết thúc ngày ${formatDate(String(p.to))}; tài khoản mới cần một đơn vị đang tồn tại` +
    (p.successor ? `: hãy chọn đơn vị kế tục, ${p.successor} (mã ${p.successorKey})` : p.successors ? `: đơn vị này đã chia vào ${p.successors}` : ""),
  last_admin: () => "Đây là quản trị viên cuối cùng đang hoạt động; hãy tạo quản trị viên khác trước",
  own_role: () => "Bạn không thể tự đổi vai trò của mình",
  own_disable: () => "Bạn không thể tự khóa tài khoản của mình",
  account_unavailable: () => "Tài khoản không tồn tại hoặc đã bị khóa",
  account_disabled: (p: TParams) => `Tài khoản ${p.email} đã bị khóa`,
  wrong_password: () => "Mật khẩu hiện tại không đúng",
  too_many_tokens: (p: TParams) => `Mỗi tài khoản có tối đa ${p.max} token đang dùng; hãy thu hồi token cũ`,
  token_not_found: (p: TParams) => `Không tìm thấy token “${p.id}”`,
  // params: expiredAt (ISO instant)
  token_expired: (p: TParams) => `Token đã hết hạn lúc ${formatDateTime(String(p.expiredAt))} (giờ Việt Nam); hãy tạo token mới ở Bàn làm việc → Token API`,
  // params: scope ("write")
  token_scope_publish: (p: TParams) => `Token này có phạm vi ${p.scope}: chỉ lưu bản nháp, không được công bố. Bỏ “publish” khỏi dòng này, hoặc dùng token có phạm vi publish`,
  // params: rows (how many ask to publish), scope ("write")
  batch_token_scope: (p: TParams) => `${p.rows} dòng yêu cầu công bố (publish) nhưng token có phạm vi ${p.scope}, chỉ được lưu bản nháp; không dòng nào được lưu`,
  must_change_password: () =>
    "Hãy đặt mật khẩu mới trước khi tiếp tục: mật khẩu của tài khoản do quản trị viên đặt. Đăng nhập cổng, vào “Tài khoản của tôi” để đổi mật khẩu; sau đó token này dùng được.",
  password_change_first: () => "Hãy đặt mật khẩu mới trước khi tiếp tục: mật khẩu của tài khoản do quản trị viên đặt. Vào “Tài khoản của tôi” để đổi mật khẩu.",
} satisfies TProblemTexts;

const en: TProblemTexts<keyof typeof vi> = {
  invalid_email: (p) => `“${p.email}” is not a valid email address`,
  no_account_with_email: (p) => `There is no account with the email ${p.email}`,
  account_not_found: () => "There is no such account",
  duplicate_email: (p) => `An account with the email ${p.email} already exists`,
  unit_for_admin: () => "An administrator covers the whole country and has no unit",
  unit_required: (p) => `A unit is required: ${rule("en", p.role)}`,
  unit_not_found: (p) => `There is no administrative unit with the code ${p.code}`,
  unit_level: (p) => `${p.unit} does not fit: ${rule("en", p.role)}`,
  unit_ended: (p) =>
    `${p.unit} (code ${p.key}) ended on ${formatDate(String(p.to))}; a new account needs a unit that exists today` +
    (p.successor ? `: choose its successor, ${p.successor} (code ${p.successorKey})` : p.successors ? `: it was divided between ${p.successors}` : ""),
  last_admin: () => "This is the last active administrator; create another one first",
  own_role: () => "You cannot change your own role",
  own_disable: () => "You cannot disable your own account",
  account_unavailable: () => "The account does not exist or is disabled",
  account_disabled: (p) => `The account ${p.email} is disabled`,
  wrong_password: () => "The current password is wrong",
  too_many_tokens: (p) => `An account holds at most ${p.max} active tokens; revoke an old one`,
  token_not_found: (p) => `There is no such token “${p.id}”`,
  token_expired: (p) => `The token expired on ${formatDateTime(String(p.expiredAt))} (Vietnam time; ${p.expiredAt}); create a new one under Workspace → API tokens`,
  token_scope_publish: (p) => `This token has the ${p.scope} scope: it saves drafts only and may not publish. Leave “publish” out of this row, or use a token with the publish scope`,
  batch_token_scope: (p) => `${p.rows} row(s) ask to publish, but the token has the ${p.scope} scope and may save drafts only; nothing was saved`,
  must_change_password: () =>
    "Choose a new password before continuing: this account's password was set by an administrator. Sign in to the portal and change it under “My account”; the token works again after that.",
  password_change_first: () => "Choose a new password first: an administrator set this account's password. Change it under “My account”.",
};

export const accountsProblems: Record<"vi" | "en", TProblemTexts<keyof typeof vi>> = { vi, en };
