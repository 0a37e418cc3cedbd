// How long a session lasts (SECURITY.md, "Sessions"): 8 hours from sign-in, whatever happens
// in between. next-auth re-issues the session cookie, with a fresh expiry, every time a page
// asks for the session, so a tab left open (it polls) would keep it alive for ever; the absolute
// limit is counted from `signedInAt`, which the token receives at sign-in and never changes. It
// is checked in the jwt callback (lib/auth/options.ts, which then drops the cookie) and again by
// getActor (lib/auth/session.ts). Pure: no database, no "server-only".

/** A session's absolute lifetime, in seconds. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Clock difference tolerated between the portal's processes, for a `signedInAt` a little ahead. */
const CLOCK_SKEW_MS = 60 * 1000;

/**
 * True when a session signed in at `signedInAt` (milliseconds since the epoch, as the token holds
 * it) is still within its 8 hours at `now`. A token without a usable `signedInAt` (one made before
 * the limit existed, or not by this portal) is refused.
 */
export function sessionWithinLifetime(signedInAt: unknown, now: number = Date.now()): signedInAt is number {
  if (typeof signedInAt !== "number" || !Number.isFinite(signedInAt)) return false;
  if (signedInAt > now + CLOCK_SKEW_MS) return false;
  return now - signedInAt < SESSION_MAX_AGE_S * 1000;
}
