// npm run db:migrate | npm run db:seed
// Works on DATABASE_URL or the embedded database, whether the portal runs or not.
import { openDatabase } from "../lib/db/open";
import { migrate } from "../lib/db/migrate";
import { demoAsked, prepareDatabase } from "../lib/db/prepare";
import { seedDatabase } from "../prisma/seed";
import { SEED_VERSION } from "../prisma/seed-data";

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
      // The same step as a start: a database first seeded without demo accounts never gets them.
      const asked = process.argv.includes("--demo") || demoAsked(opened.kind !== "postgres");
      const r = await prepareDatabase(opened.url, { demo: asked, seed: seedDatabase, seedVersion: SEED_VERSION, force: true, log: console.log });
      console.log(`Seed done${r.demo ? " (a demo database: demo accounts included)" : " (no demo accounts)"}.`);
    }
  } finally {
    await opened.close();
  }
} catch (e) {
  console.error(`db ${cmd} failed: ${(e as Error).message}`);
  process.exit(1);
}
