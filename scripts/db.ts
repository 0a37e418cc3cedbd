// npm run db:migrate | npm run db:seed
// Works on DATABASE_URL or the embedded database, whether the portal runs or not.
import { openDatabase } from "../lib/db/open";
import { migrate } from "../lib/db/migrate";
import { createPrismaClient } from "../lib/db/prisma";
import { seedDatabase } from "../prisma/seed";

const cmd = process.argv[2];
if (cmd !== "migrate" && cmd !== "seed") {
  console.error("Usage: tsx scripts/db.ts migrate|seed [--demo]");
  process.exit(2);
}
try {
  const opened = await openDatabase({ shareRunning: true });
  try {
    if (cmd === "migrate") {
      const r = await migrate(opened.url, console.log);
      console.log(r.applied.length ? `${r.applied.length} migration(s) applied.` : `Database is up to date (${r.alreadyApplied} migrations).`);
    } else {
      await migrate(opened.url, console.log);
      const db = createPrismaClient(opened.url, { max: 2 });
      const demo = opened.kind !== "postgres" || process.argv.includes("--demo");
      const r = await seedDatabase(db, { demo });
      await db.$disconnect();
      console.log("Seed done. Rows created:", JSON.stringify(r.created));
    }
  } finally {
    await opened.close();
  }
} catch (e) {
  console.error(`db ${cmd} failed: ${(e as Error).message}`);
  process.exit(1);
}
