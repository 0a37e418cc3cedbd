// Shared by both integration global setups: brings a fresh, empty database to
// the state every integration test expects (all migrations, demo seed).
import { migrate } from "../../lib/db/migrate";
import { createPrismaClient } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";

export async function prepareTestDatabase(url: string): Promise<void> {
  await migrate(url);
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seedDatabase(db, { demo: true });
  } finally {
    await db.$disconnect();
  }
}
