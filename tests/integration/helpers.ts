// Small helpers for integration tests (not a test file itself).
import "../setup/context";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { expect, inject } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { demoUsers } from "@/prisma/seed-data";

export const databaseUrl = (): string => inject("databaseUrl");
export const backend = () => inject("backend");

/** Runs fn with a plain pg client on the project's test database, then closes it. */
export async function withPg<T>(fn: (client: pg.Client) => Promise<T>, url: string = databaseUrl()): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Row count of every table in the public schema, keyed by table name. */
export async function tableCounts(client: pg.Client): Promise<Record<string, number>> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const counts: Record<string, number> = {};
  for (const { table_name } of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table_name}"`);
    counts[table_name] = Number(rows[0]!.n);
  }
  return counts;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export type TCliRun = { code: number | null; stdout: string; stderr: string };

/** Runs the operators' command line (`npx tsx scripts/admin.ts …args`) on the test database, with `env` added; its exit code and output. */
export function runAdminCli(args: string[], env: Record<string, string> = {}): Promise<TCliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/admin.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl(), NODE_OPTIONS: "", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A seeded demo account as the permission rules see it (e.g. demoActor("user-soctrang")). */
export function demoActor(id: string): TActor {
  const u = demoUsers.find((x) => x.id === id);
  if (!u) throw new Error(`no demo user ${id}`);
  return { id: u.id, role: u.role, unitId: u.unitId ?? null, email: u.email, name: u.name };
}

/** The seeded demo accounts the tests act as, by name: `const { admin, socTrang } = demoActors();`. */
export function demoActors() {
  return {
    admin: demoActor("user-admin"),
    socTrang: demoActor("user-soctrang"),
    sonLa: demoActor("user-sonla"),
    chauThanh: demoActor("user-chauthanh"),
    canTho: demoActor("user-cantho"),
  };
}

/** The refusal a call throws: its kind and problems (it must be an AppError). */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/**
 * A database of this test's own, on the project's backend (a fresh in-memory embedded one, or a
 * throw-away database on the PostgreSQL server), migrated and seeded like the shared one: for a
 * test that must change what every other test relies on (e.g. disable every administrator).
 */
export async function ownDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  const { prepareTestDatabase } = await import("../setup/prepare-test-database");
  if (backend() === "pglite") {
    const { startEmbeddedHost } = await import("@/lib/db/embedded");
    const host = await startEmbeddedHost(null);
    await prepareTestDatabase(host.url);
    return { url: host.url, close: () => host.close() };
  }
  const adminUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `portal_test_own_${process.pid}_${Math.random().toString(16).slice(2, 10)}`;
  await withPg((c) => c.query(`CREATE DATABASE "${name}"`), adminUrl);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await prepareTestDatabase(url.toString());
  return {
    url: url.toString(),
    close: () => withPg((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), adminUrl).then(() => undefined),
  };
}
