// Personal access tokens, the pure part: how a token looks, how it is made and
// hashed, how long it lives and what its scope allows. No database and no
// "server-only", so the web app (lib/data/tokens.ts) and the operators' command
// line (scripts/admin.ts) share it.
//
// A token is "gnp_" + 32 random bytes in base64url (43 characters). Only its
// SHA-256 (hex) is stored; the first 8 characters ("gnp_" + 4) are kept in clear
// so people can tell their tokens apart.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

export const TOKEN_PREFIX = "gnp_";
const TOKEN_RE = /^gnp_[A-Za-z0-9_-]{43}$/;

/** How many characters of a token are kept in clear for display. */
export const TOKEN_DISPLAY_CHARS = 8;

export type TNewToken = { token: string; tokenHash: string; prefix: string };

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A fresh token, its hash (what is stored) and its display prefix. */
export function generateToken(): TNewToken {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_DISPLAY_CHARS) };
}

/** True when the text has the shape of a token (not whether it is valid). */
export function looksLikeToken(s: string): boolean {
  return TOKEN_RE.test(s);
}

/**
 * The token of an `Authorization: Bearer …` header, or null when the header is
 * missing, uses another scheme, or does not carry something shaped like a token.
 */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  const token = m?.[1];
  return token && looksLikeToken(token) ? token : null;
}

// ---------------------------------------------------------------------------
// Lifetime and scope (docs/api.md, "Personal access tokens")
// ---------------------------------------------------------------------------
//
// Every token expires: it is refused after `expiresAt`, which is its creation plus a chosen
// number of days (1 to 365; 90 unless chosen). There is no token without an expiry. Its scope
// caps what it may do with its owner's permissions, never more: WRITE saves drafts only;
// PUBLISH may also publish, where the owner may. Neither widens the owner's rights.

/** What a token may do: WRITE saves drafts only; PUBLISH may also publish where its owner may. */
export const TOKEN_SCOPES = ["WRITE", "PUBLISH"] as const;
export type TTokenScope = (typeof TOKEN_SCOPES)[number];

/** The scope of a token whose creator did not choose one: the smaller. */
export const DEFAULT_TOKEN_SCOPE: TTokenScope = "WRITE";
/** The lifetime of a token whose creator did not choose one, in days. */
export const DEFAULT_TOKEN_DAYS = 90;
/** The longest lifetime a token may have, in days. */
export const MAX_TOKEN_DAYS = 365;
/** The lifetimes the tokens page offers, in days (the command line takes any from 1 to MAX_TOKEN_DAYS). */
export const TOKEN_DAYS_CHOICES = [7, 30, 90, 180, 365] as const;

const DAY_MS = 86_400_000;

/** When a token made at `from` with a lifetime of `days` stops working. */
export function tokenExpiry(days: number, from: Date = new Date()): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** Has the token expired at `now`? (At its expiresAt instant it is already refused.) */
export function isExpired(expiresAt: Date, now: Date = new Date()): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** May a token of this scope ask to publish? (The owner's own permission is checked row by row besides.) */
export function scopeMayPublish(scope: TTokenScope): boolean {
  return scope === "PUBLISH";
}

const DAYS_MESSAGE =
  `Thời hạn của token là một số ngày nguyên từ 1 đến ${MAX_TOKEN_DAYS}, ví dụ ${TOKEN_DAYS_CHOICES.join(", ")}; token nào cũng có hạn / ` +
  `a token's lifetime is a whole number of days from 1 to ${MAX_TOKEN_DAYS}, e.g. ${TOKEN_DAYS_CHOICES.join(", ")}; every token expires`;

/** A lifetime in days, as a form or the command line sends it ("90"); absent: DEFAULT_TOKEN_DAYS. */
export const ZTokenDays = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string") return v;
    const s = v.trim();
    return /^\d{1,6}$/.test(s) ? Number(s) : v;
  },
  z
    .number({ error: DAYS_MESSAGE })
    .int({ error: DAYS_MESSAGE })
    .min(1, { error: DAYS_MESSAGE })
    .max(MAX_TOKEN_DAYS, { error: DAYS_MESSAGE })
    .default(DEFAULT_TOKEN_DAYS),
);

const SCOPE_MESSAGE =
  "Phạm vi của token là write (chỉ lưu bản nháp) hoặc publish (lưu và được công bố ở nơi tài khoản có quyền công bố) / " +
  "a token's scope is write (saves drafts only) or publish (may also publish where the account may)";

/** A scope, as a form or the command line sends it ("write", "PUBLISH"); absent: DEFAULT_TOKEN_SCOPE. */
export const ZTokenScope = z.preprocess(
  (v) => (v === undefined || v === null ? undefined : typeof v === "string" ? v.trim().toUpperCase() : v),
  z.enum(TOKEN_SCOPES, { error: SCOPE_MESSAGE }).default(DEFAULT_TOKEN_SCOPE),
);
