// The security headers of every answer (docs/architecture.md, "Security headers"): one list,
// applied by proxy.ts to everything it runs on (pages, the API, downloads, its own 400s) and by
// next.config.ts to the files proxy.ts skips (/_next/static, /_next/image, /favicon.ico).
// Plain code (no Next.js, no "server-only"): proxy.ts, next.config.ts and scripts/serve.ts import it.

/**
 * The header scripts/serve.ts sets on every request: "https" when the client reached the portal
 * over TLS (as the proxies the operator trusts say), else "http". Any value the client sent is
 * replaced, so a client cannot ask for HSTS on a plain-HTTP portal.
 */
export const CLIENT_SCHEME_HEADER = "x-portal-client-scheme";

/** HSTS: one year; not includeSubDomains (other services may share the domain). Sent only over HTTPS. */
export const HSTS_VALUE = "max-age=31536000";

/**
 * How the client reached the portal. The portal's own server speaks plain HTTP, so HTTPS can only
 * come from a TLS-terminating proxy the operator trusts (PORTAL_TRUSTED_PROXIES > 0): its
 * X-Forwarded-Proto. Proxies that append give one entry each, read as X-Forwarded-For is
 * (lib/auth/client-ip.ts: the outermost trusted proxy's entry); a proxy that sets the header
 * gives a single value, taken as it is. Without a trusted proxy the header is never believed.
 */
export function clientScheme(forwardedProto: string | string[] | null | undefined, trustedProxies: number, encrypted = false): "https" | "http" {
  if (encrypted) return "https";
  if (trustedProxies <= 0) return "http";
  const chain = (Array.isArray(forwardedProto) ? forwardedProto.join(",") : (forwardedProto ?? ""))
    .split(",")
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  if (chain.length === 0) return "http";
  return chain[Math.max(0, chain.length - trustedProxies)] === "https" ? "https" : "http";
}

/** A fresh nonce for one render: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The Content-Security-Policy of an answer. Scripts: only those carrying this render's nonce
 * (Next.js puts it on its own scripts when it finds it in the request's policy) and what they
 * load ('strict-dynamic'); no inline handler, no other origin. Styles may be inline (React style
 * attributes are used throughout). No framing by any site, no plugins, forms post only here.
 * `dev`: `next dev` needs eval for its error overlay. `https`: plain-HTTP subresources are upgraded.
 */
export function contentSecurityPolicy(nonce: string, opts: { https: boolean; dev?: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** The headers every answer carries besides its policy: HSTS only when the client came over HTTPS. */
export function securityHeaders(opts: { https: boolean }): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // The policy's frame-ancestors 'none', for browsers that predate it.
    "x-frame-options": "DENY",
    ...(opts.https ? { "strict-transport-security": HSTS_VALUE } : {}),
  };
}
