// Brings a database up to date before the portal serves it: migrations, then
// the seed on a database that has never been seeded.
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
