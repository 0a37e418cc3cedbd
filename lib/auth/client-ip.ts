// The client's address, one rule for the throttle and the audit log (SECURITY.md, "Client
// addresses"). The portal's HTTP server (scripts/serve.ts) works it out from the socket and the
// proxies the operator trusts (PORTAL_TRUSTED_PROXIES), and hands it to the app in one header
// that it always sets itself: a client cannot choose the address it is counted under by
// sending X-Forwarded-For.

/** The header scripts/serve.ts sets on every request (any value the client sent is replaced). */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

/**
 * The client's address: the socket's peer when no proxy is trusted; behind `trustedProxies`
 * proxies, the address the outermost trusted proxy saw (the `trustedProxies`-th entry of
 * X-Forwarded-For from the right, each proxy appending the peer it saw). Entries further left
 * were written by the client and are never believed. Null when nothing is known.
 */
export function clientAddress(socketAddress: string | null | undefined, forwardedFor: string | string[] | null | undefined, trustedProxies: number): string | null {
  const peer = normalize(socketAddress);
  if (trustedProxies <= 0) return peer;
  const chain = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return peer;
  return normalize(chain[Math.max(0, chain.length - trustedProxies)]) ?? peer;
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; anything that is not an address-like token → null. */
function normalize(a: string | null | undefined): string | null {
  if (!a) return null;
  const s = a.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return /^[0-9A-Fa-f:.]{2,45}$/.test(s) ? s : null;
}

/** The address scripts/serve.ts worked out for this request (null under `next dev` or in tests). */
export function clientIpFrom(headers: { get(name: string): string | null }): string | null {
  return normalize(headers.get(CLIENT_IP_HEADER));
}
