// Where a person may be sent back to after signing in or switching the language: a path of this
// site, never another host (SECURITY.md, "Return addresses"). The one rule, shared by the
// sign-in page and form and the language switch. Pure: no "server-only", the browser uses it too.
//
// Browsers read "/\evil.example", "/%09/evil.example" and "/\t/evil.example" as "//evil.example"
// (another host), so a path that merely starts with "/" is not enough: a return path starts with
// exactly one "/", holds no backslash, no control character (tab, newline…), neither as typed nor
// once percent-decoded, and resolves to the same origin.

/** The longest return path kept (a longer one is not a path a page of this site sends). */
export const MAX_RETURN_PATH = 2048;

const ORIGIN = "http://portal.invalid";

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\\\u2028\u2029]/;

function clean(s: string): boolean {
  return s.startsWith("/") && !s.startsWith("//") && !UNSAFE.test(s);
}

/** True when `url` is a path of this site that is safe to redirect to. */
export function isSafeReturnPath(url: unknown): url is string {
  if (typeof url !== "string" || url.length === 0 || url.length > MAX_RETURN_PATH) return false;
  if (!clean(url)) return false;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return false; // a malformed escape ("%E0%A4%A") is not a page of this site
  }
  if (!clean(decoded)) return false;
  try {
    const resolved = new URL(url, ORIGIN);
    return resolved.origin === ORIGIN && resolved.pathname.startsWith("/") && !resolved.pathname.startsWith("//");
  } catch {
    return false;
  }
}

/** `url` when it is a safe return path (isSafeReturnPath), else `fallback`. */
export function safeReturnPath(url: unknown, fallback: string): string {
  return isSafeReturnPath(url) ? url : fallback;
}
