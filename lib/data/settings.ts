import "server-only";
import { db } from "../db/client";

/** A database seeded with the demo accounts (never a production one). */
export async function isDemoDatabase(): Promise<boolean> {
  const s = await db().systemSetting.findUnique({ where: { key: "demo" } });
  return s?.value === "true";
}
