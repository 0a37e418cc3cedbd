// Accounts and personal access tokens: what the admin pages, the account page,
// the tokens page and the operators' command line accept. No database here;
// whether an email is taken or a unit exists is checked by lib/data/accounts-core.ts.
import { z } from "zod";
import { hasControlCharacters } from "../domain/text";
import type { TRole } from "../auth/permissions";
import { UNIT_KEY_PATTERN } from "../domain/ids";
import type { TUnitLevel } from "./units";

export const ROLES = ["ADMIN", "PROVINCIAL_OFFICER", "DISTRICT_STAFF"] as const satisfies readonly TRole[];

/**
 * The levels of unit each role may hold (administrators hold none): a provincial officer a
 * province (one of today's 34, or for history one that has ended), district or commune staff
 * (the role keeps its name DISTRICT_STAFF) a district or a commune. The one rule: the server
 * (lib/data/accounts-core.ts) checks it, and the account forms' unit pickers offer these levels.
 */
export const LEVEL_OF_ROLE: Record<Exclude<TRole, "ADMIN">, readonly TUnitLevel[]> = {
  PROVINCIAL_OFFICER: ["PROVINCE"],
  DISTRICT_STAFF: ["DISTRICT", "COMMUNE"],
};

/** Role names the command line accepts, besides the stored ones. */
const ROLE_ALIASES: Record<string, TRole> = {
  admin: "ADMIN",
  administrator: "ADMIN",
  provincial: "PROVINCIAL_OFFICER",
  province: "PROVINCIAL_OFFICER",
  district: "DISTRICT_STAFF",
  commune: "DISTRICT_STAFF",
};

/** "admin" | "provincial" | "district" ("commune" is the same role) or a stored role name (any case); null otherwise. */
export function roleFromText(s: unknown): TRole | null {
  if (typeof s !== "string") return null;
  const t = s.trim();
  const upper = t.toUpperCase();
  if ((ROLES as readonly string[]).includes(upper)) return upper as TRole;
  return ROLE_ALIASES[t.toLowerCase()] ?? null;
}

/** Shortest and longest password; bcrypt reads at most 72 bytes, so longer ones are refused rather than cut. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 64;

const noControl = (s: string) => !hasControlCharacters(s);

export const ZEmail = z
  .string({ error: "Thiếu thư điện tử / email is required" })
  .trim()
  .toLowerCase()
  .max(200, { error: "Thư điện tử tối đa 200 ký tự / the email has at most 200 characters" })
  .pipe(z.email({ error: "Thư điện tử không hợp lệ / invalid email address" }));

export const ZPersonName = z
  .string({ error: "Thiếu họ tên / a name is required" })
  .trim()
  .min(1, { error: "Thiếu họ tên / a name is required" })
  .max(120, { error: "Họ tên tối đa 120 ký tự / the name has at most 120 characters" })
  .refine(noControl, { error: "Họ tên chứa ký tự điều khiển / the name contains control characters" });

export const ZRole = z.unknown().transform((v, ctx) => {
  const role = roleFromText(v);
  if (!role) {
    ctx.addIssue({
      code: "custom",
      message: "Vai trò phải là admin, provincial hoặc district (cán bộ huyện hoặc xã) / the role must be admin, provincial or district (district or commune staff)",
    });
    return z.NEVER;
  }
  return role;
});

/**
 * A unit's key as the forms and the command line send it (its code, "08", "00004", or code and
 * year for an ended unit whose code a later unit reuses, "92-2025"); "" means none.
 */
export const ZUnitCode = z
  .string()
  .trim()
  .max(20, { error: "Mã đơn vị tối đa 12 chữ và số, có thể kèm năm, ví dụ 92-2025 / a unit key has at most 12 letters and digits, maybe with a year, e.g. 92-2025" })
  .refine((s) => s === "" || UNIT_KEY_PATTERN.test(s), {
    error: "Mã đơn vị chỉ gồm chữ và số, ví dụ 08 hoặc 00004, hoặc mã kèm năm kết thúc, ví dụ 92-2025 / a unit key is letters and digits, e.g. 08 or 00004, or a code and the year it ended, e.g. 92-2025",
  })
  .optional()
  .transform((s) => (s ? s : null));

export const ZNewPassword = z
  .string({ error: "Thiếu mật khẩu / a password is required" })
  .min(PASSWORD_MIN, { error: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự / the password needs at least ${PASSWORD_MIN} characters` })
  .max(PASSWORD_MAX, { error: `Mật khẩu tối đa ${PASSWORD_MAX} ký tự / the password has at most ${PASSWORD_MAX} characters` })
  .refine((s) => new TextEncoder().encode(s).length <= 72, { error: "Mật khẩu quá dài / the password is too long" })
  .refine(noControl, { error: "Mật khẩu chứa ký tự điều khiển / the password contains control characters" })
  .refine((s) => s.trim() === s, { error: "Mật khẩu không được bắt đầu hay kết thúc bằng khoảng trắng / the password must not start or end with a space" });

/** "" or absent: generate one. */
const ZOptionalNewPassword = z.preprocess((v) => (v === "" || v === null ? undefined : v), ZNewPassword.optional());

export const ZUserCreate = z.object({
  email: ZEmail,
  name: ZPersonName,
  role: ZRole,
  unitCode: ZUnitCode,
  password: ZOptionalNewPassword,
});
export type TUserCreateInput = z.input<typeof ZUserCreate>;
export type TUserCreate = z.output<typeof ZUserCreate>;

export const ZUserUpdate = z.object({
  role: ZRole,
  unitCode: ZUnitCode,
  name: ZPersonName.optional(),
});
export type TUserUpdateInput = z.input<typeof ZUserUpdate>;

export const ZPasswordReset = z.object({ password: ZOptionalNewPassword });

export const ZOwnPasswordChange = z
  .object({
    current: z.string({ error: "Nhập mật khẩu hiện tại / enter your current password" }).min(1, { error: "Nhập mật khẩu hiện tại / enter your current password" }).max(200),
    next: ZNewPassword,
    confirm: z.string({ error: "Nhập lại mật khẩu mới / repeat the new password" }),
  })
  .superRefine((v, ctx) => {
    if (v.confirm !== v.next) {
      ctx.addIssue({ code: "custom", path: ["confirm"], message: "Hai lần nhập mật khẩu mới không khớp / the two new passwords differ" });
    }
    if (v.next === v.current) {
      ctx.addIssue({ code: "custom", path: ["next"], message: "Mật khẩu mới phải khác mật khẩu hiện tại / the new password must differ from the current one" });
    }
  });

export const ZTokenName = z
  .string({ error: "Thiếu tên token / a token name is required" })
  .trim()
  .min(1, { error: "Đặt tên cho token, ví dụ “Excel báo cáo quý” / name the token, e.g. “quarterly report script”" })
  .max(100, { error: "Tên token tối đa 100 ký tự / the token name has at most 100 characters" })
  .refine(noControl, { error: "Tên token chứa ký tự điều khiển / the token name contains control characters" });

