// setupFiles of both integration projects: code under test that reads
// DATABASE_URL (lib/env.ts, lib/db/client.ts) finds this project's database.
import "./context";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
