// Brings a database up to date before the portal serves it: migrations, then the seed on a
// database that has never been seeded. The seed itself is the caller's (scripts/start.ts
// passes prisma/seed.ts): lib never imports from prisma/ or scripts/, which sit above it.
import { randomBytes } from "node:crypto";
import { chmodSync, closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { privateDir } from "./embedded";
import { settings } from "../env";
import { migrate } from "./migrate";
import { createPrismaClient, type Db } from "./prisma";

export type TSeed = (db: Db, opts: { demo: boolean }) => Promise<unknown>;

/** Every demo account's email ends so (the seed's demo accounts; SECURITY.md, "The demo"). */
export const DEMO_EMAIL_SUFFIX = "@demo.gov.vn";

/**
 * Whether a start asks for the demo: PORTAL_DEMO=1, or the embedded database with PORTAL_DEMO
 * unset (the README's local demo, on the loopback address only). PostgreSQL is never a demo
 * unless asked.
 */
export function demoAsked(embedded: boolean): boolean {
  const v = settings().PORTAL_DEMO;
  return v === "1" || (v === undefined && embedded);
}

/** A start that would serve public demo accounts where it must not; its message says what to do. */
export class DemoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DemoRefusedError";
  }
}

/**
 * Brings a database up to date: migrations, then the seed on a database never seeded with this
 * version (`force`: seed again anyway; the seed only adds what is missing). Whether demo accounts
 * are seeded is the database's own: decided by `demo` when it is seeded the first time, and kept
 * for ever after (a demo database stays one; any other never gets demo accounts). Then, for a
 * start that did not ask for the demo, refuses while any demo account is enabled.
 */
export async function prepareDatabase(
  url: string,
  opts: { demo: boolean; seed: TSeed; seedVersion: string; force?: boolean; log?: (m: string) => void },
): Promise<{ migrated: string[]; seeded: boolean; demo: boolean }> {
  const log = opts.log ?? (() => {});
  const { applied } = await migrate(url, log);
  const db = createPrismaClient(url, { max: 2 });
  try {
    const seeded = await db.systemSetting.findUnique({ where: { key: "seed_version" } });
    const demo = seeded ? (await db.systemSetting.findUnique({ where: { key: "demo" } }))?.value === "true" : opts.demo;
    let didSeed = false;
    if (opts.force || seeded?.value !== opts.seedVersion) {
      log(demo ? "seeding the source documents, the unit registry and the demo accounts…" : "seeding the source documents and the unit registry…");
      await opts.seed(db, { demo });
      didSeed = true;
    }
    if (!opts.demo) {
      const enabled = await db.user.findMany({ where: { email: { endsWith: DEMO_EMAIL_SUFFIX }, disabled: false }, select: { email: true }, orderBy: { email: "asc" } });
      if (enabled.length > 0) {
        throw new DemoRefusedError(
          `this database has ${enabled.length} enabled demo account(s) (${enabled.map((u) => u.email).join(", ")}), whose password is public. ` +
            `Disable them (npm run admin -- user disable <email>) before serving it, or start the demo on purpose with PORTAL_DEMO=1.`,
        );
      }
    }
    return { migrated: applied, seeded: didSeed, demo };
  } finally {
    await db.$disconnect();
  }
}

/**
 * The secret that signs session cookies (SECURITY.md): NEXTAUTH_SECRET when set, else one
 * generated on first start and kept in `<dataDir>/auth-secret`, readable by this account only
 * (0600, in a 0700 directory), so sessions survive restarts. Never in the database: whoever can
 * read the database must not be able to forge a session. Several portal hosts on one database
 * must share NEXTAUTH_SECRET.
 */
export function ensureAuthSecret(dataDir: string): string {
  const fromEnv = settings().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  privateDir(dataDir);
  const file = join(dataDir, "auth-secret");
  try {
    const fd = openSync(file, "wx", 0o600);
    writeSync(fd, randomBytes(32).toString("base64url"));
    closeSync(fd);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  chmodSync(file, 0o600); // an older copy, or one restored by hand, may be readable by others
  const value = readFileSync(file, "utf8").trim();
  if (value.length < 32) throw new Error(`${file} holds no usable secret (fewer than 32 characters): delete it to have a new one made, or set NEXTAUTH_SECRET.`);
  return value;
}
