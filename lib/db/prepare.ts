// Brings a database up to date before the portal serves it: migrations, then
// the seed on a database that has never been seeded.
import { randomBytes } from "node:crypto";
import { seedDatabase } from "../../prisma/seed";
import { migrate } from "./migrate";
import { createPrismaClient } from "./prisma";

export async function prepareDatabase(
  url: string,
  opts: { demo: boolean; log?: (m: string) => void },
): Promise<{ migrated: string[]; seeded: boolean }> {
  const log = opts.log ?? (() => {});
  const { applied } = await migrate(url, log);
  const db = createPrismaClient(url, { max: 2 });
  try {
    const seeded = await db.systemSetting.findUnique({ where: { key: "seed_version" } });
    if (seeded) return { migrated: applied, seeded: false };
    log(opts.demo ? "seeding the source documents and the demo accounts…" : "seeding the source documents…");
    await seedDatabase(db, { demo: opts.demo });
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
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
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
