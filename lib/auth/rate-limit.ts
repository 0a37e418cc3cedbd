// Sign-in throttling per account and per address: after MAX_FAILURES failed
// attempts within WINDOW_MS, further attempts are refused until the window
// passes. Kept in the server process's memory (the portal runs as one process);
// a restart clears it.
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 5;

const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
  const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
  if (list.length) failures.set(key, list);
  else failures.delete(key);
  return list;
}

/** Minutes to wait before another attempt is allowed (0 = allowed now). */
export function signInBlockedMinutes(keys: string[], now = Date.now()): number {
  let wait = 0;
  for (const k of keys) {
    const list = recent(k, now);
    if (list.length >= MAX_FAILURES) wait = Math.max(wait, Math.ceil((list[0]! + WINDOW_MS - now) / 60000));
  }
  return wait;
}

export function recordSignInFailure(keys: string[], now = Date.now()) {
  for (const k of keys) failures.set(k, [...recent(k, now), now]);
}

export function clearSignInFailures(keys: string[]) {
  for (const k of keys) failures.delete(k);
}

export const rateLimitKeys = (email: string, ip: string | null) => [`email:${email}`, ...(ip ? [`ip:${ip}`] : [])];
