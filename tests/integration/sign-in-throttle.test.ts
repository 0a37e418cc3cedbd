// Sign-in on the internet (SECURITY.md, "Sign-in"), on both backends. Two Prisma clients
// stand for two portal processes on one database: the throttle's counts are in the table
// sign_in_throttle, so what one process counted holds the other back. Before, the counts lived in
// one process's memory, keyed by whatever X-Forwarded-For the client sent, and five failures
// from one address locked every account out of it for 15 minutes.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as authPost } from "@/app/api/auth/[...nextauth]/route";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { DUMMY_PASSWORD_HASH, hashPassword } from "@/lib/auth/password";
import { AUTH_MAX_BODY_BYTES } from "@/lib/auth/request-body";
import {
  ADDRESS_LEAK_MS,
  ADDRESS_MAX_FAILURES,
  addressKey,
  reserveAddressAttempt,
  UNKNOWN_AUDIT_PER_MINUTE,
  unknownEmailAuditAllowed,
} from "@/lib/auth/rate-limit";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { databaseUrl } from "./helpers";

const RIGHT = "Dung-Mat-Khau-2025";
const WRONG = "sai-mat-khau";
const SECOND = 1000;

let processA: Db;
let processB: Db;
let t0: number;

const ACCOUNTS = ["an", "binh", "chi", "dung", "giang", "hoa", "khoa", "lan"] as const;
type TAccount = (typeof ACCOUNTS)[number];
const email = (a: TAccount) => `${a}@throttle.test`;
const from = (ip: string, forwardedFor?: string) => ({ [CLIENT_IP_HEADER]: ip, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}) });

/** One attempt through `client` (a process), `at` ms after t0, from the headers given. */
async function attempt(client: Db, account: TAccount | string, password: string, headers: object, at: number) {
  const r = await attemptSignIn({ email: account.includes("@") ? account : email(account as TAccount), password }, headers, client, t0 + at);
  return r.ok ? "ok" : r.error;
}

const throttleRows = (client: Db) => client.$queryRaw<{ key: string; failures: number }[]>`SELECT "key", "failures" FROM "sign_in_throttle" ORDER BY "key"`;

beforeAll(async () => {
  processA = createPrismaClient(databaseUrl(), { max: 3 });
  processB = createPrismaClient(databaseUrl(), { max: 3 });
  const passwordHash = await hashPassword(RIGHT);
  // Provincial officers, not administrators: another administrator in the shared database would let
  // tests running beside this one disable the seeded one (the last-administrator rule).
  for (const a of ACCOUNTS) {
    const account = { passwordHash, role: "PROVINCIAL_OFFICER" as const, unitId: "unit-94" };
    await processA.user.upsert({ where: { id: `throttle-${a}` }, create: { id: `throttle-${a}`, email: email(a), name: a, ...account }, update: { ...account, disabled: false } });
  }
});

afterAll(async () => {
  await processA.$executeRaw`DELETE FROM "sign_in_throttle"`;
  await processA.$disconnect();
  await processB.$disconnect();
});

beforeEach(async () => {
  await processA.$executeRaw`DELETE FROM "sign_in_throttle"`;
  t0 = Date.now();
});

describe("the sign-in throttle, shared by every process", () => {
  it("refuses the 6th wrong password on an account, whichever process the attempts reach", { timeout: 120_000 }, async () => {
    const ip = from("198.51.100.10");
    for (let i = 0; i < 5; i++) expect(await attempt(i % 2 ? processB : processA, "an", WRONG, ip, i * SECOND)).toBe("invalid");
    // The 6th, through either process, and even with the right password, must wait (30 s from the 5th).
    expect(await attempt(processA, "an", WRONG, ip, 5 * SECOND)).toBe("throttled:29");
    expect(await attempt(processB, "an", RIGHT, ip, 6 * SECOND)).toBe("throttled:28");
    // From another address too: the back-off is the account's.
    expect(await attempt(processB, "an", RIGHT, from("203.0.113.99"), 7 * SECOND)).toBe("throttled:27");
  });

  it("lets exactly one of many simultaneous attempts through when one failure is left", async () => {
    const ip = from("198.51.100.11");
    for (let i = 0; i < 4; i++) expect(await attempt(processA, "binh", WRONG, ip, i * SECOND)).toBe("invalid");
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => attempt(i % 2 ? processB : processA, "binh", WRONG, ip, 10 * SECOND)));
    expect(results.filter((r) => r === "invalid")).toHaveLength(1);
    expect(results.filter((r) => r.startsWith("throttled:"))).toHaveLength(5);
  });

  it("never holds back an account that did not fail because another one failed from the same address", async () => {
    const office = from("198.51.100.12");
    for (let i = 0; i < 6; i++) await attempt(processA, "chi", WRONG, office, i * SECOND);
    expect(await attempt(processA, "chi", WRONG, office, 7 * SECOND)).toMatch(/^throttled:/);
    // A colleague behind the same address: a typo is just a typo, and the right password works.
    expect(await attempt(processB, "dung", WRONG, office, 8 * SECOND)).toBe("invalid");
    expect(await attempt(processB, "dung", RIGHT, office, 9 * SECOND)).toBe("ok");
  });

  it("makes the wait grow with each further failure, and starts again after the right password", { timeout: 180_000 }, async () => {
    const ip = from("198.51.100.13");
    for (let i = 0; i < 5; i++) await attempt(processA, "giang", WRONG, ip, 0);
    expect(await attempt(processA, "giang", WRONG, ip, 0)).toBe("throttled:30");
    expect(await attempt(processB, "giang", WRONG, ip, 30 * SECOND)).toBe("invalid"); // the 6th, after its wait
    expect(await attempt(processA, "giang", WRONG, ip, 31 * SECOND)).toBe("throttled:59"); // now 1 minute
    expect(await attempt(processB, "giang", WRONG, ip, 90 * SECOND)).toBe("invalid"); // the 7th
    expect(await attempt(processA, "giang", WRONG, ip, 90 * SECOND)).toBe("throttled:120"); // now 2 minutes
    expect(await attempt(processB, "giang", RIGHT, ip, 210 * SECOND)).toBe("ok");
    expect((await throttleRows(processA)).map((r) => r.key)).not.toContain("account:throttle-giang");
    // A fresh start: five free failures again.
    for (let i = 0; i < 5; i++) expect(await attempt(processA, "giang", WRONG, ip, 211 * SECOND)).toBe("invalid");
    expect(await attempt(processA, "giang", WRONG, ip, 211 * SECOND)).toBe("throttled:30");
  });

  it("counts the address the portal's server saw, whatever X-Forwarded-For the client sends", async () => {
    for (let i = 0; i < 5; i++) expect(await attempt(i % 2 ? processB : processA, "hoa", WRONG, from("198.51.100.14", `10.0.${i}.1, 1.1.1.${i}`), i * SECOND)).toBe("invalid");
    const rows = await throttleRows(processA);
    expect(rows).toEqual([
      { key: "account:throttle-hoa", failures: 5 },
      { key: addressKey("198.51.100.14"), failures: 5 },
    ]);
    const audited = await processA.auditLog.findMany({ where: { actorLabel: email("hoa"), action: "sign_in.failed" }, select: { ip: true } });
    expect(audited.length).toBeGreaterThanOrEqual(5);
    expect(new Set(audited.map((a) => a.ip))).toEqual(new Set(["198.51.100.14"]));
  });

  it("refuses an address whose bucket is full, until it has room again; other addresses are not concerned", async () => {
    const key = addressKey("198.51.100.15");
    await processA.$executeRaw`INSERT INTO "sign_in_throttle" ("key", "failures", "lastFailureAt") VALUES (${key}, ${ADDRESS_MAX_FAILURES}, to_timestamp(${t0}::float8 / 1000) AT TIME ZONE 'UTC')`;
    expect(await attempt(processB, "khoa", RIGHT, from("198.51.100.15"), 0)).toBe(`throttled:${ADDRESS_LEAK_MS / SECOND}`);
    expect(await attempt(processB, "khoa", RIGHT, from("198.51.100.16"), 0)).toBe("ok");
    // A refusal is not counted; one failure leaks out every ADDRESS_LEAK_MS and lets one attempt in.
    expect((await reserveAddressAttempt(processA, "198.51.100.15", t0 + ADDRESS_LEAK_MS - SECOND)).ok).toBe(false);
    expect(await reserveAddressAttempt(processA, "198.51.100.15", t0 + ADDRESS_LEAK_MS)).toEqual({ ok: true, failures: ADDRESS_MAX_FAILURES });
    expect((await reserveAddressAttempt(processB, "198.51.100.15", t0 + ADDRESS_LEAK_MS)).ok).toBe(false);
  });

  it("answers an unknown email as it answers an account: wrong five times, then wait, the wait growing alike", { timeout: 120_000 }, async () => {
    const nobody = `nobody.${t0}@random.test`;
    const answers = { account: [] as string[], unknown: [] as string[] };
    for (let i = 0; i < 7; i++) {
      const at = i < 6 ? i * SECOND : 35 * SECOND;
      answers.account.push(await attempt(processA, "lan", WRONG, from("198.51.100.31"), at));
      answers.unknown.push(await attempt(processA, nobody, WRONG, from("198.51.100.32"), at));
    }
    expect(answers.unknown).toEqual(answers.account);
    expect(answers.account).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "throttled:29", "invalid"]);
    // After the 6th failure both wait a minute; the unknown email wrote no row.
    expect(await attempt(processA, "lan", WRONG, from("198.51.100.31"), 36 * SECOND)).toBe("throttled:59");
    expect(await attempt(processA, nobody, WRONG, from("198.51.100.32"), 36 * SECOND)).toBe("throttled:59");
    expect((await throttleRows(processA)).map((r) => r.key).filter((k) => k.includes("random.test"))).toEqual([]);
  });

  it("writes no row per unknown email, and a bounded number of audit entries for them", { timeout: 120_000 }, async () => {
    const auditBefore = await processA.auditLog.count({ where: { action: "sign_in.failed", ip: "198.51.100.17" } });
    const compare = vi.spyOn(bcrypt, "compare");
    try {
      for (let i = 0; i < 6; i++) expect(await attempt(i % 2 ? processB : processA, `nobody.${i}.${t0}@random.test`, WRONG, from("198.51.100.17"), i * SECOND)).toBe("invalid");
      // One bcrypt comparison each (against the dummy hash), as for an account with a wrong password.
      expect(compare).toHaveBeenCalledTimes(6);
      expect(compare.mock.calls.every(([, hash]) => hash === DUMMY_PASSWORD_HASH)).toBe(true);
    } finally {
      compare.mockRestore();
    }
    const keys = (await throttleRows(processA)).map((r) => r.key);
    expect(keys.filter((k) => k.includes("random.test"))).toEqual([]);
    expect(keys.length).toBeLessThanOrEqual(3); // the address, and its audit caps
    expect(await processA.auditLog.count({ where: { action: "sign_in.failed", ip: "198.51.100.17" } })).toBe(auditBefore + 1);
    // A minute later, one more.
    expect(await attempt(processA, `nobody.late.${t0}@random.test`, WRONG, from("198.51.100.17"), 61 * SECOND)).toBe("invalid");
    expect(await processA.auditLog.count({ where: { action: "sign_in.failed", ip: "198.51.100.17" } })).toBe(auditBefore + 2);
    // From many addresses at once, UNKNOWN_AUDIT_PER_MINUTE entries a minute in all.
    const allowed = await Promise.all(Array.from({ length: UNKNOWN_AUDIT_PER_MINUTE + 10 }, (_, i) => unknownEmailAuditAllowed(i % 2 ? processB : processA, `203.0.113.${i}`, t0 + 200 * SECOND)));
    expect(allowed.filter(Boolean)).toHaveLength(UNKNOWN_AUDIT_PER_MINUTE);
  });

  it("deletes counts nobody touched for a day", async () => {
    const old = t0 - 2 * 24 * 60 * 60 * SECOND;
    await processA.$executeRaw`INSERT INTO "sign_in_throttle" ("key", "failures", "lastFailureAt") VALUES ('address:192.0.2.1', 7, to_timestamp(${old}::float8 / 1000) AT TIME ZONE 'UTC')`;
    expect(await attempt(processB, "lan", WRONG, from("198.51.100.18"), 0)).toBe("invalid");
    expect((await throttleRows(processA)).map((r) => r.key)).not.toContain("address:192.0.2.1");
  });
});

describe("/api/auth/*", () => {
  const ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };

  function streamOf(bytes: number): ReadableStream<Uint8Array> {
    let sent = 0;
    return new ReadableStream({
      pull(c) {
        if (sent >= bytes) return c.close();
        const n = Math.min(4096, bytes - sent);
        sent += n;
        c.enqueue(new Uint8Array(n).fill(0x61));
      },
    });
  }

  it("refuses a body over the limit before next-auth reads it, whether or not its length is declared", async () => {
    const { NextRequest } = await import("next/server");
    const url = "http://127.0.0.1/api/auth/callback/credentials";
    // A stream (sent chunked, no Content-Length) of 1 MB.
    const post = (headers: Record<string, string>, bytes: number) =>
      new NextRequest(new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: streamOf(bytes), duplex: "half" } as RequestInit));
    const streamed = post({}, AUTH_MAX_BODY_BYTES * 64);
    const r1 = await authPost(streamed, ctx);
    expect(r1.status).toBe(413);
    expect(((await r1.json()) as { error: { code: string } }).error.code).toBe("too_large");
    const declared = post({ "content-length": String(AUTH_MAX_BODY_BYTES + 1) }, AUTH_MAX_BODY_BYTES + 1);
    expect((await authPost(declared, ctx)).status).toBe(413);
  });
});
