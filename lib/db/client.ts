import "server-only";
// The one Prisma client of the web application, built once per process.
import { getServerEnv } from "../env";
import { createPrismaClient, type Db } from "./prisma";

const globalForDb = globalThis as unknown as { __portalDb?: Db };

export function db(): Db {
  globalForDb.__portalDb ??= createPrismaClient(getServerEnv().DATABASE_URL);
  return globalForDb.__portalDb;
}
