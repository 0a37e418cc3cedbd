// Sign-in throttling (SECURITY.md, "Sign-in"), kept in the database (table sign_in_throttle)
// so every portal process on one database sees the same counts. Each count is read and written
// in one statement (INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING), which locks the row:
// two processes can never both let the same attempt through.
//
// An attempt is counted *before* its password is checked (a reservation), and given back when the
// password was right; so attempts racing each other are counted one after the other.
//
// - Per account (an account that exists): ACCOUNT_FREE_FAILURES failures in a row are free; each
//   further one makes the next attempt wait, ACCOUNT_FIRST_DELAY_MS doubling up to
//   ACCOUNT_MAX_DELAY_MS (30 s, 1 min, 2 min, 4 min, 8 min, then 15 min). A right password resets
//   it; failures older than FORGET_AFTER_MS are forgotten. Nobody is locked out for long, and a
//   guesser gets a handful of tries an hour.
// - Per address (the client's, lib/auth/client-ip.ts; an IPv6 address counts with its /64): a
//   bucket of ADDRESS_MAX_FAILURES failures that empties by one every ADDRESS_LEAK_MS (50 in
//   15 minutes). Failures of any email, known or not, fill it; a right password takes its own
//   attempt back out. It is large, so one colleague's typos in an office behind one shared address
//   do not hold back the others; only when it is full is the address refused, and then for the
//   few seconds until it has room again.
// - Unknown emails are counted under the address only: they write no row of their own. Their audit
//   entries are capped (auditAllowed): one per address per minute, UNKNOWN_AUDIT_PER_MINUTE in all.
//   So that the answers do not tell which emails have accounts, an unknown email also gets the
//   accounts' back-off ("wait"), counted in this process's memory (reserveUnknownEmailAttempt).
// - Rows untouched for FORGET_AFTER_MS are deleted when an address starts a fresh count.
import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db/prisma";

/** Failures in a row an account may make before it has to wait. */
export const ACCOUNT_FREE_FAILURES = 5;
/** The wait after the first failure beyond the free ones; it doubles with each further failure. */
export const ACCOUNT_FIRST_DELAY_MS = 30 * 1000;
/** The longest wait between two attempts on one account. */
export const ACCOUNT_MAX_DELAY_MS = 15 * 60 * 1000;
/** Failures an address may have "in the bucket" before it is refused. */
export const ADDRESS_MAX_FAILURES = 50;
/** The bucket empties by one failure every this often (50 failures in 15 minutes). */
export const ADDRESS_LEAK_MS = (15 * 60 * 1000) / ADDRESS_MAX_FAILURES;
/** Audit entries for failed sign-ins with an email that has no account, per minute, all addresses together. */
export const UNKNOWN_AUDIT_PER_MINUTE = 30;
/** Counts untouched for this long are forgotten (the row is deleted or starts again). */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

/** What the throttle needs of a Prisma client (the web app's, or a test's own). */
export type TThrottleDb = Pick<Db, "$queryRaw" | "$executeRaw">;

export type TReservation = { ok: true; failures: number } | { ok: false; waitMs: number };

/** The wait after `failures` failures in a row on one account (0: the next attempt may come at once). */
export function accountDelayMs(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_FIRST_DELAY_MS * 2 ** Math.min(failures - ACCOUNT_FREE_FAILURES, 30), ACCOUNT_MAX_DELAY_MS);
}

/** Unknown emails counted in memory at most (the oldest are forgotten first). */
export const UNKNOWN_EMAILS_KEPT = 20_000;
const unknownEmails = new Map<string, { failures: number; last: number; blockedUntil: number }>();

/**
 * Counts one attempt with an email that has no account, with the accounts' schedule
 * (accountDelayMs), in this process's memory: no row is written, and the email itself is not kept
 * (only a hash of it). After ACCOUNT_FREE_FAILURES failures it answers "wait" as a real account
 * does. What it cannot hide is said in SECURITY.md.
 */
export function reserveUnknownEmailAttempt(email: string, now: number = Date.now()): TReservation {
  const key = createHash("sha256").update(email.trim().toLowerCase()).digest("base64url");
  let entry = unknownEmails.get(key);
  if (entry && now - entry.last > FORGET_AFTER_MS) entry = undefined;
  if (entry && entry.blockedUntil > now) return { ok: false, waitMs: Math.max(1000, entry.blockedUntil - now) };
  const failures = (entry?.failures ?? 0) + 1;
  const delay = accountDelayMs(failures);
  unknownEmails.delete(key);
  unknownEmails.set(key, { failures, last: now, blockedUntil: delay > 0 ? now + delay : 0 });
  if (unknownEmails.size > UNKNOWN_EMAILS_KEPT) {
    const oldest = unknownEmails.keys().next();
    if (!oldest.done) unknownEmails.delete(oldest.value);
  }
  return { ok: true, failures };
}

/** The key an address is counted under: IPv4 as it is, IPv6 by its /64 (one household or office gets a whole /64). */
export function addressKey(ip: string | null): string {
  if (!ip) return "address:unknown";
  return `address:${ip.includes(":") ? (ipv6Prefix64(ip) ?? ip.toLowerCase()) : ip}`;
}

export const accountKey = (userId: string) => `account:${userId}`;

function ipv6Prefix64(ip: string): string | null {
  let s = ip.toLowerCase();
  const v4 = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4.slice(2).map(Number) as [number, number, number, number];
    s = `${v4[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0) return null;
  const groups = [...head, ...Array<string>(fill).fill("0"), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return null;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

/** `ms` (milliseconds since the epoch) as the table's timestamps (UTC, without time zone). */
const at = (ms: number) => Prisma.sql`(to_timestamp(${ms}::float8 / 1000) AT TIME ZONE 'UTC')::timestamp(3)`;
/** A timestamp column as milliseconds since the epoch. */
const msOf = (col: Prisma.Sql) => Prisma.sql`round(extract(epoch from ${col}) * 1000)::float8`;

/**
 * Counts one attempt on the account, unless it must wait: then nothing is written and the answer
 * says how long. The row's `blockedUntil` is when the next attempt may come.
 */
export async function reserveAccountAttempt(client: TThrottleDb, userId: string, now: number = Date.now()): Promise<TReservation> {
  const t = at(now);
  const fresh = Prisma.sql`t."lastFailureAt" < ${at(now - FORGET_AFTER_MS)}`;
  const next = Prisma.sql`(CASE WHEN ${fresh} THEN 1 ELSE t."failures" + 1 END)`;
  const rows = await client.$queryRaw<{ failures: number }[]>`
    INSERT INTO "sign_in_throttle" AS t ("key", "failures", "lastFailureAt", "blockedUntil")
    VALUES (${accountKey(userId)}, 1, ${t}, ${blockedAfter(1, now)})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = ${next},
      "lastFailureAt" = ${t},
      "blockedUntil" = CASE WHEN ${next} < ${ACCOUNT_FREE_FAILURES}::int THEN NULL
        ELSE ${t} + make_interval(secs => least(${ACCOUNT_FIRST_DELAY_MS}::float8 * power(2, least(${next} - ${ACCOUNT_FREE_FAILURES}::int, 30)), ${ACCOUNT_MAX_DELAY_MS}::float8) / 1000) END
    WHERE t."blockedUntil" IS NULL OR t."blockedUntil" <= ${t}
    RETURNING "failures"`;
  if (rows[0]) return { ok: true, failures: rows[0].failures };
  const [row] = await client.$queryRaw<{ until: number | null }[]>`
    SELECT ${msOf(Prisma.sql`"blockedUntil"`)} AS "until" FROM "sign_in_throttle" WHERE "key" = ${accountKey(userId)}`;
  return { ok: false, waitMs: Math.max(1000, (row?.until ?? now + 1000) - now) };
}

function blockedAfter(failures: number, now: number): Prisma.Sql {
  const d = accountDelayMs(failures);
  return d > 0 ? at(now + d) : Prisma.sql`NULL`;
}

/** The password was right: the account starts again from nothing. */
export async function clearAccount(client: TThrottleDb, userId: string): Promise<void> {
  await client.$executeRaw`DELETE FROM "sign_in_throttle" WHERE "key" = ${accountKey(userId)}`;
}

/**
 * Counts one attempt from the address, unless its bucket is full: then nothing is written and the
 * answer says how long until it has room. A fresh count (a first attempt, or a bucket that had
 * emptied) also deletes the rows nobody touched for FORGET_AFTER_MS.
 */
export async function reserveAddressAttempt(client: TThrottleDb, ip: string | null, now: number = Date.now()): Promise<TReservation> {
  const t = at(now);
  const key = addressKey(ip);
  const left = Prisma.sql`greatest(t."failures" - floor(greatest(round(extract(epoch from (${t} - t."lastFailureAt")) * 1000), 0) / ${ADDRESS_LEAK_MS}::float8)::int, 0)`;
  const rows = await client.$queryRaw<{ failures: number }[]>`
    INSERT INTO "sign_in_throttle" AS t ("key", "failures", "lastFailureAt", "blockedUntil")
    VALUES (${key}, 1, ${t}, NULL)
    ON CONFLICT ("key") DO UPDATE SET "failures" = ${left} + 1, "lastFailureAt" = ${t}
    WHERE ${left} < ${ADDRESS_MAX_FAILURES}::int
    RETURNING "failures"`;
  if (rows[0]) {
    if (rows[0].failures === 1) await forgetOldCounts(client, now);
    return { ok: true, failures: rows[0].failures };
  }
  const [row] = await client.$queryRaw<{ failures: number; last: number }[]>`
    SELECT "failures", ${msOf(Prisma.sql`"lastFailureAt"`)} AS "last" FROM "sign_in_throttle" WHERE "key" = ${key}`;
  if (!row) return { ok: false, waitMs: ADDRESS_LEAK_MS };
  // Room comes back when enough failures have leaked out to bring the bucket below its size.
  const leaked = Math.floor(Math.max(0, now - row.last) / ADDRESS_LEAK_MS);
  const excess = row.failures - leaked - ADDRESS_MAX_FAILURES + 1;
  return { ok: false, waitMs: Math.max(1000, row.last + (leaked + excess) * ADDRESS_LEAK_MS - now) };
}

/** An attempt that was not a failure (right password, or refused for its account) is taken back out of the address's bucket. */
export async function releaseAddressAttempt(client: TThrottleDb, ip: string | null): Promise<void> {
  await client.$executeRaw`UPDATE "sign_in_throttle" SET "failures" = greatest("failures" - 1, 0) WHERE "key" = ${addressKey(ip)}`;
}

/** Deletes the counts nobody touched for FORGET_AFTER_MS (and that hold nobody back). */
export async function forgetOldCounts(client: TThrottleDb, now: number = Date.now()): Promise<number> {
  return client.$executeRaw`
    DELETE FROM "sign_in_throttle"
    WHERE "lastFailureAt" < ${at(now - FORGET_AFTER_MS)} AND ("blockedUntil" IS NULL OR "blockedUntil" < ${at(now)})`;
}

/**
 * True when an audit entry of this kind may be written now: at most `perMinute` per key in each
 * minute (a window starting with the key's first entry). Keeps refused and unknown-email attempts
 * from filling the audit log.
 */
export async function auditAllowed(client: TThrottleDb, key: string, perMinute: number, now: number = Date.now()): Promise<boolean> {
  const t = at(now);
  const over = Prisma.sql`t."lastFailureAt" <= ${at(now - 60 * 1000)}`;
  const rows = await client.$queryRaw<{ failures: number }[]>`
    INSERT INTO "sign_in_throttle" AS t ("key", "failures", "lastFailureAt", "blockedUntil")
    VALUES (${`audit:${key}`}, 1, ${t}, NULL)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN ${over} THEN 1 ELSE least(t."failures" + 1, ${perMinute + 1}::int) END,
      "lastFailureAt" = CASE WHEN ${over} THEN ${t} ELSE t."lastFailureAt" END
    RETURNING "failures"`;
  return (rows[0]?.failures ?? perMinute + 1) <= perMinute;
}

/** Whether a failed sign-in with an email that has no account gets its audit entry: one per address per minute, UNKNOWN_AUDIT_PER_MINUTE in all. */
export async function unknownEmailAuditAllowed(client: TThrottleDb, ip: string | null, now: number = Date.now()): Promise<boolean> {
  return (await auditAllowed(client, `unknown:${addressKey(ip)}`, 1, now)) && (await auditAllowed(client, "unknown", UNKNOWN_AUDIT_PER_MINUTE, now));
}
