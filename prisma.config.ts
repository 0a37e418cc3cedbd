// Prisma CLI configuration. The CLI is only used for `prisma generate` here
// (see scripts/prisma-generate.mjs); migrations run through lib/db/migrate.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
