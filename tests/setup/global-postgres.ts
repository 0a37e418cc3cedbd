// Global setup of the "integration-postgres" project: a database of its own on
// the PostgreSQL server (127.0.0.1:5432 unless TEST_POSTGRES_URL names another
// maintenance database), dropped afterwards. Other runs and CI share that
// server, hence the unique name.
import "./context";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { prepareTestDatabase } from "./prepare-test-database";

const ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `Integration tests need PostgreSQL at ${ADMIN_URL.replace(/\/\/[^@]*@/, "//…@")} (${(e as Error).message}). ` +
        `Start it (Debian: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) ` +
        `or set TEST_POSTGRES_URL to a maintenance database of another server.`,
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const name = `portal_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const teardown = async () => {
    await admin(async (c) => {
      await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  };
  try {
    await prepareTestDatabase(url.toString());
  } catch (e) {
    await teardown();
    throw e;
  }
  project.provide("databaseUrl", url.toString());
  project.provide("backend", "postgres");
  return teardown;
}
