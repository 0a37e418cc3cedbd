// What an integration project's global setup hands to its test files, via
// project.provide() in the setup and inject() in the tests.
export type Backend = "postgres" | "pglite";

declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the migrated and demo-seeded test database. */
    databaseUrl: string;
    /** Which server is behind databaseUrl. */
    backend: Backend;
  }
}
