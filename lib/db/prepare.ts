// Brings a database up to date before the portal serves it: migrations, then the seed on a
// database that has never been seeded. The seed itself is the caller's (scripts/start.ts
// passes prisma/seed.ts): lib never imports from prisma/ or scripts/, which sit above it.
import { randomBytes } from "node:crypto";
import { settings } from "../env";
import { migrate } from "./migrate";
import { createPrismaClient, type Db } from "./prisma";

export type TSeed = (db: Db, opts: { demo: boolean }) => Promise<unknown>;

export async function prepareDatabase(
  url: string,
  opts: { demo: boolean; seed: TSeed; seedVersion: string; log?: (m: string) => void },
): Promise<{ migrated: string[]; seeded: boolean }> {
  const log = opts.log ?? (() => {});
  const { applied } = await migrate(url, log);
  const db = createPrismaClient(url, { max: 2 });
  try {
    // Seeded with this version already: nothing to do. An older version is seeded again (the seed only adds what is missing).
    const seeded = await db.systemSetting.findUnique({ where: { key: "seed_version" } });
    if (seeded?.value === opts.seedVersion) return { migrated: applied, seeded: false };
    // A database seeded before keeps what it is: a demo database stays one, any other never gets demo accounts.
    const demo = seeded ? (await db.systemSetting.findUnique({ where: { key: "demo" } }))?.value === "true" : opts.demo;
    log(demo ? "seeding the source documents, the unit registry and the demo accounts…" : "seeding the source documents and the unit registry…");
    await opts.seed(db, { demo });
    return { migrated: applied, seeded: true };
  } finally {
    await db.$disconnect();
  }
}

/**
 * The secret that signs session cookies: NEXTAUTH_SECRET when set, else one
 * generated on first start and kept in the database, so sessions survive restarts.
 */
export async function ensureAuthSecret(url: string): Promise<string> {
  const fromEnv = settings().NEXTAUTH_SECRET;
  if (fromEnv) return fromEnv;
  const db = createPrismaClient(url, { max: 1 });
  try {
    const existing = await db.systemSetting.findUnique({ where: { key: "auth_secret" } });
    if (existing) return existing.value;
    const value = randomBytes(32).toString("base64url");
    await db.systemSetting.createMany({ data: [{ key: "auth_secret", value }], skipDuplicates: true });
    return (await db.systemSetting.findUniqueOrThrow({ where: { key: "auth_secret" } })).value;
  } finally {
    await db.$disconnect();
  }
}
