import "server-only";
import { db } from "../db/client";

const known = new WeakMap<object, boolean>();

/**
 * A database seeded with the demo accounts (never a production one). Decided when the database
 * is first seeded and never changed after (lib/db/prepare.ts), so read once per process.
 */
export async function isDemoDatabase(): Promise<boolean> {
  const client = db();
  const kept = known.get(client);
  if (kept !== undefined) return kept;
  const s = await client.systemSetting.findUnique({ where: { key: "demo" } });
  known.set(client, s?.value === "true");
  return s?.value === "true";
}
