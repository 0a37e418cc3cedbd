// Three projects (npm test runs them all; --project picks one):
//   unit                  plain functions: lib/, components/, prisma/ (*.test.ts)
//   integration-postgres  tests/integration against a throw-away database on the
//                         PostgreSQL server at 127.0.0.1:5432 (tests/setup/global-postgres.ts)
//   integration-pglite    the same tests against the embedded PGlite, served in memory
//                         by the main Vitest process (tests/setup/global-pglite.ts)
// Each integration project's global setup migrates and demo-seeds its database and
// provides inject("databaseUrl") and inject("backend"); tests/setup/integration-env.ts
// also sets process.env.DATABASE_URL in the workers.
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

const integration = (backend: "postgres" | "pglite", groupOrder: number) => ({
  extends: true as const,
  test: {
    name: `integration-${backend}`,
    environment: "node" as const,
    include: ["tests/integration/**/*.test.ts"],
    globalSetup: [`tests/setup/global-${backend}.ts`],
    setupFiles: ["tests/setup/integration-env.ts"],
    // One file at a time per project, and one project after the other (groupOrder):
    // the machines have two cores and PGlite is CPU-bound.
    fileParallelism: false,
    sequence: { groupOrder },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: `${root}tests/setup/empty.ts` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts"],
          exclude: ["**/node_modules/**", "lib/generated/**"],
          sequence: { groupOrder: 0 },
          // A few read the whole registry or zip files (about a second alone); a busy machine must not fail them.
          testTimeout: 30_000,
        },
      },
      integration("postgres", 1),
      integration("pglite", 2),
    ],
  },
});
