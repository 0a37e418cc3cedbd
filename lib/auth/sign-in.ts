import "server-only";
// One sign-in attempt with an email and a password (SECURITY.md, "Sign-in"): next-auth's
// credentials provider (lib/auth/options.ts) calls it. In order:
//  1. the client's address is the one scripts/serve.ts worked out (lib/auth/client-ip.ts), never
//     X-Forwarded-For as the client sent it;
//  2. the address's bucket, then the account's back-off (lib/auth/rate-limit.ts), both counted in
//     the database before the password is checked;
//  3. exactly one bcrypt comparison, against a dummy hash when the email has no account, so the
//     answer takes as long whether the account exists or not;
//  4. the audit log: every failure on an account, a capped number for unknown emails and refusals.
import { z } from "zod";
import { db } from "../db/client";
import type { Db } from "../db/prisma";
import { writeAuditStandalone } from "./audit-sign-in";
import { clientIpFrom } from "./client-ip";
import { checkPassword } from "./password";
import { accountKey, addressKey, auditAllowed, clearAccount, releaseAddressAttempt, reserveAccountAttempt, reserveAddressAttempt, reserveUnknownEmailAttempt, unknownEmailAuditAllowed } from "./rate-limit";

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(200).email(),
  password: z.string().min(1).max(200),
});

/**
 * What the sign-in page is told (next-auth passes the Error's message through): "invalid",
 * "disabled", or "throttled:<seconds to wait>" (parseSignInError reads it back).
 */
export type TSignInRefusal = "invalid" | "disabled" | `throttled:${number}`;

export type TSignInUser = { id: string; email: string; name: string };

export type TSignInResult = { ok: true; user: TSignInUser } | { ok: false; error: TSignInRefusal };

/** The client's address from the headers next-auth hands to `authorize` (a plain object). */
export function clientIpOfRecord(headers: unknown): string | null {
  const h = (headers && typeof headers === "object" ? headers : {}) as Record<string, unknown>;
  return clientIpFrom({
    get: (name) => {
      const v = h[name] ?? h[name.toLowerCase()];
      return typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : null;
    },
  });
}

const throttled = (waitMs: number): TSignInRefusal => `throttled:${Math.max(1, Math.ceil(waitMs / 1000))}`;

/**
 * One attempt. `client` is the web app's database client unless a test passes its own (two
 * clients stand for two portal processes); `now` likewise.
 */
export async function attemptSignIn(credentials: unknown, headers: unknown, client: Db = db(), now: number = Date.now()): Promise<TSignInResult> {
  const parsed = ZCredentials.safeParse(credentials ?? {});
  if (!parsed.success) return { ok: false, error: "invalid" };
  const { email, password } = parsed.data;
  const ip = clientIpOfRecord(headers);
  const audit = (action: string, actorId: string | null = null) => writeAuditStandalone({ action, actorLabel: email, actorId, ip }, client);

  const address = await reserveAddressAttempt(client, ip, now);
  if (!address.ok) {
    if (await auditAllowed(client, `throttled:${addressKey(ip)}`, 1, now)) await audit("sign_in.throttled");
    return { ok: false, error: throttled(address.waitMs) };
  }

  const user = await client.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabled: true } });
  if (user) {
    const account = await reserveAccountAttempt(client, user.id, now);
    if (!account.ok) {
      await releaseAddressAttempt(client, ip);
      if (await auditAllowed(client, `throttled:${accountKey(user.id)}`, 1, now)) await audit("sign_in.throttled", user.id);
      return { ok: false, error: throttled(account.waitMs) };
    }
  } else {
    // An unknown email waits as an account would, so the answer does not say it has none.
    const unknown = reserveUnknownEmailAttempt(email, now);
    if (!unknown.ok) {
      await releaseAddressAttempt(client, ip);
      return { ok: false, error: throttled(unknown.waitMs) };
    }
  }

  const ok = await checkPassword(password, user?.passwordHash ?? null);
  if (!user || !ok) {
    // Counted already (the reservations above). A failure on an account is audited each time (the
    // back-off bounds them); one with an unknown email within the caps only.
    if (user) await audit("sign_in.failed", user.id);
    else if (await unknownEmailAuditAllowed(client, ip, now)) await audit("sign_in.failed");
    return { ok: false, error: "invalid" };
  }
  await clearAccount(client, user.id);
  await releaseAddressAttempt(client, ip);
  if (user.disabled) {
    if (await auditAllowed(client, `disabled:${accountKey(user.id)}`, 1, now)) await audit("sign_in.disabled", user.id);
    return { ok: false, error: "disabled" };
  }
  await audit("sign_in.ok", user.id);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
