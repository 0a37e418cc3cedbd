// The seed (prisma/seed.ts) as the global setup ran it (demo: true): idempotent,
// the five source plans with their numbers exactly as issued, demo accounts with
// hashed passwords.
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../lib/auth/password";
import { createPrismaClient, type Db } from "../../lib/db/prisma";
import { seedDatabase } from "../../prisma/seed";
import { backend, databaseUrl, tableCounts, withPg } from "./helpers";

const DEMO_EMAILS = [
  "admin@demo.gov.vn",
  "baclieu@demo.gov.vn",
  "chauthanh@demo.gov.vn",
  "soctrang@demo.gov.vn",
  "sonla@demo.gov.vn",
];

describe(`seed (${backend()})`, () => {
  let db: Db;
  beforeAll(() => {
    db = createPrismaClient(databaseUrl(), { max: 2 });
  });
  afterAll(async () => {
    await db.$disconnect();
  });

  it("a second seed creates nothing", async () => {
    const before = await withPg(tableCounts);
    expect(before.plan, "the global setup seeded the database").toBeGreaterThan(0);
    const r = await seedDatabase(db, { demo: true });
    const after = await withPg(tableCounts);
    expect(after).toEqual(before);
    expect(Object.values(r.created).every((n) => n === 0), JSON.stringify(r.created)).toBe(true);
  });

  it("holds the five source plans, numbers exactly as issued and none invented", async () => {
    const plans = await db.plan.findMany({ select: { code: true }, orderBy: { code: "asc" } });
    expect(plans.map((p) => p.code).sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      "1845/UBND-VX",
      "199/KH-UBND",
      "58/KH-UBND",
      null,
      null,
    ]);
  });

  it("has the demo accounts, with bcrypt hashes and no plain-text passwords", async () => {
    const users = await db.user.findMany({ where: { email: { in: DEMO_EMAILS } }, orderBy: { email: "asc" } });
    expect(users.map((u) => u.email)).toEqual(DEMO_EMAILS);
    const hashes = new Set(users.map((u) => u.passwordHash));
    for (const hash of hashes) {
      expect(hash).toMatch(/^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$/);
      expect(hash).not.toContain(DEMO_PASSWORD);
      expect(await bcrypt.compare(DEMO_PASSWORD, hash), "the hash is of the shared demo password").toBe(true);
    }
    expect(users.every((u) => !u.disabled)).toBe(true);
  });
});
