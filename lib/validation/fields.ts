// Field parsers shared by every write schema (results, plans, targets): numbers
// in Vietnamese format through THE number parser, whole numbers, and the
// "Thiếu … / … is required" messages.
import { z } from "zod";
import { ID_PATTERN } from "../domain/ids";
import type { TProblem } from "../errors";
import { inLocale } from "../i18n/locale";
import { parseVietnameseNumber } from "../domain/numbers";

/** A record id as posted by a form or a request. */
export const ZId = z.string().regex(ID_PATTERN, { error: "Mã không hợp lệ / invalid id" });

/** Largest magnitude a result column (numeric(16,4)) holds. */
const MAX_ABS = 1e12;

/** Error codes this schema puts in `params.code` of its custom issues. */
export type TFieldErrorCode = "required" | "invalid" | "invalid_number";

export const required = (vi: string, en: string) => (iss: { input?: unknown }) =>
  iss.input === undefined || iss.input === null || iss.input === "" ? `Thiếu ${vi} / ${en} is required` : `${vi[0]!.toUpperCase()}${vi.slice(1)} không hợp lệ / invalid ${en}`;

/** "" and null mean "cleared"; undefined means "not given". */
export const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

/** A number: a finite JSON number, or Vietnamese-formatted text. At most 4 decimals (the column's scale). */
export function vietnameseNumber(vi: string, en: string) {
  return z
    .union([z.number(), z.string()], { error: required(vi, en) })
    .transform((v, ctx) => {
      let value: number;
      if (typeof v === "number") {
        value = v;
      } else {
        const parsed = parseVietnameseNumber(v);
        if (!parsed.ok) {
          ctx.addIssue({ code: "custom", message: `${parsed.error} / ${parsed.errorEn}`, params: { code: "invalid_number", parserCode: parsed.code } });
          return z.NEVER;
        }
        value = parsed.value;
      }
      if (!Number.isFinite(value) || Math.abs(value) >= MAX_ABS) {
        ctx.addIssue({ code: "custom", message: `${cap(vi)} quá lớn hoặc không phải là số / the ${en} is too large or not a number`, params: { code: "invalid_number" } });
        return z.NEVER;
      }
      const scaled = value * 1e4;
      if (Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled))) {
        ctx.addIssue({ code: "custom", message: `${cap(vi)} có tối đa 4 chữ số thập phân / the ${en} has at most 4 decimals`, params: { code: "invalid_number" } });
        return z.NEVER;
      }
      return value === 0 ? 0 : value;
    });
}

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Whole number, from a JSON number or digit text (CSV, form fields). */
export function wholeNumber(vi: string, en: string, min: number, max: number) {
  return z
    .union([z.number(), z.string().trim().regex(/^\d{1,9}$/, { error: `${cap(vi)} phải là số nguyên / the ${en} must be a whole number` }).transform(Number)], {
      error: required(vi, en),
    })
    .pipe(
      z
        .number()
        .int({ error: `${cap(vi)} phải là số nguyên / the ${en} must be a whole number` })
        .min(min, { error: `${cap(vi)} phải từ ${min} / the ${en} must be ${min} or more` })
        .max(max, { error: `${cap(vi)} phải không quá ${max} / the ${en} must be at most ${max}` }),
    );
}

/**
 * A zod error as the error model's problems (lib/errors.ts), for a data function to throw or return:
 * one per issue, about its field (the issue's path, "citations.0.issuer"; `field` when the schema is
 * a single value), with the schema's message — the one bilingual text, "tiếng Việt / English" — in
 * both languages under the common code "invalid_field". Every write schema's failures go through
 * here (accounts, tokens, plans and targets); server actions parse with lib/actions/pipeline.ts.
 */
export function zodProblems(error: z.ZodError, field?: string): TProblem[] {
  return error.issues.map((i) => {
    const at = i.path.length ? i.path.map(String).join(".") : field;
    return { code: "invalid_field", ...(at ? { field: at } : {}), params: { message: inLocale(i.message, "vi"), messageEn: inLocale(i.message, "en") } };
  });
}
