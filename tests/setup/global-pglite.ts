// Global setup of the "integration-pglite" project: an in-memory embedded
// database (PGlite), served on a loopback port by this (the main Vitest)
// process exactly as `npm start` serves .data/, so the test workers reach it
// over TCP like any PostgreSQL server.
import "./context";
import type { TestProject } from "vitest/node";
import { startEmbeddedHost } from "../../lib/db/embedded";
import { prepareTestDatabase } from "./prepare-test-database";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const host = await startEmbeddedHost(null);
  try {
    await prepareTestDatabase(host.url);
  } catch (e) {
    await host.close();
    throw e;
  }
  project.provide("databaseUrl", host.url);
  project.provide("backend", "pglite");
  return () => host.close();
}
