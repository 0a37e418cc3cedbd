// Builds a Prisma client for a connection string. The embedded database is
// reached over the Postgres protocol too (see embedded.ts), so one adapter
// (adapter-pg) serves both backends. App code uses lib/db/client.ts; scripts
// and tests call this directly.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, opts: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max: opts.max ?? 10 });
  return new PrismaClient({ adapter });
}
