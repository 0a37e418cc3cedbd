// Personal access tokens, the pure part: how a token looks, how it is made and
// hashed. No database and no "server-only", so the web app (lib/data/tokens.ts)
// and the operators' command line (scripts/admin.ts) share it.
//
// A token is "gnp_" + 32 random bytes in base64url (43 characters). Only its
// SHA-256 (hex) is stored; the first 8 characters ("gnp_" + 4) are kept in clear
// so people can tell their tokens apart.
import { createHash, randomBytes } from "node:crypto";

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
