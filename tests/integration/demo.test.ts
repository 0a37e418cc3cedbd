// The demo is opt-in and explicit (SECURITY.md, "The demo"): a database is a demo database only
// when it is first seeded as one; any other never gets demo accounts, even from `db:seed`; and a
// start that did not ask for the demo refuses a database with an enabled demo account. Each case
// uses a fresh in-memory database of its own, so it runs in the pglite project only.
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../lib/db/migrations-dir";
import { startEmbeddedHost, type EmbeddedHost } from "../../lib/db/embedded";
import { DEMO_EMAIL_SUFFIX, DemoRefusedError, prepareDatabase } from "../../lib/db/prepare";
import { seedDatabase } from "../../prisma/seed";
import { demoUsers, SEED_VERSION } from "../../prisma/seed-data";
import { backend, withPg } from "./helpers";

const hosts: EmbeddedHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function freshDatabase(): Promise<string> {
  const h = await startEmbeddedHost(null);
  hosts.push(h);
  return h.url;
}

const prepare = (url: string, demo: boolean, force = false) => prepareDatabase(url, { demo, seed: seedDatabase, seedVersion: SEED_VERSION, force });
const demoEmails = (url: string) =>
  withPg(async (c) => (await c.query<{ email: string }>(`SELECT email FROM app_user WHERE email LIKE '%' || $1 ORDER BY email`, [DEMO_EMAIL_SUFFIX])).rows.map((r) => r.email), url);

describe.runIf(backend() === "pglite")("demo accounts", () => {
  it("every demo account's email has the demo suffix the refusal looks for", () => {
    for (const u of demoUsers) expect(u.email.endsWith(DEMO_EMAIL_SUFFIX), u.email).toBe(true);
  });

  it("a database first seeded without the demo never gets demo accounts, not even from db:seed asking for them", async () => {
    const url = await freshDatabase();
    expect((await prepare(url, false)).demo).toBe(false);
    expect(await demoEmails(url)).toEqual([]);
    // `npm run db:seed -- --demo` runs the same step with force: the database keeps what it is.
    const again = await prepare(url, true, true);
    expect(again).toMatchObject({ seeded: true, demo: false });
    expect(await demoEmails(url)).toEqual([]);
  }, 120_000);

  it("a demo database serves a demo start, and a start that did not ask for the demo is refused until every demo account is disabled", async () => {
    const url = await freshDatabase();
    expect((await prepare(url, true)).demo).toBe(true);
    expect(await demoEmails(url)).toHaveLength(demoUsers.length);

    const refused = await prepare(url, false).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(DemoRefusedError);
    expect((refused as Error).message).toContain("admin@demo.gov.vn");
    expect((refused as Error).message).toContain("PORTAL_DEMO=1");

    // One left enabled is enough to refuse.
    await withPg((c) => c.query(`UPDATE app_user SET disabled = true WHERE email LIKE '%' || $1 AND email <> 'sonla@demo.gov.vn'`, [DEMO_EMAIL_SUFFIX]), url);
    const still = await prepare(url, false).then(() => null, (e: unknown) => e);
    expect((still as Error).message).toContain("1 enabled demo account(s) (sonla@demo.gov.vn)");

    await withPg((c) => c.query(`UPDATE app_user SET disabled = true WHERE email LIKE '%' || $1`, [DEMO_EMAIL_SUFFIX]), url);
    await expect(prepare(url, false)).resolves.toMatchObject({ seeded: false });
  }, 120_000);

  it("the README's implicit demo is not put on the network: HOST beyond the loopback needs PORTAL_DEMO=1", async () => {
    const dir = await mkdtemp(join(tmpdir(), "portal-demo-host-"));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, PORTAL_DATA_DIR: dir, HOST: "0.0.0.0", NEXT_DIST_DIR: ".next-never-built" };
      delete env.DATABASE_URL;
      delete env.PORTAL_DEMO;
      const r = await promisify(execFile)(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "start.ts")], { cwd: PROJECT_ROOT, env, timeout: 60_000 }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code?: number; stderr?: string }) => ({ code: e.code, stderr: e.stderr ?? "" }),
      );
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("refusing to start: HOST=0.0.0.0 would put the demo");
      expect(r.stderr).toContain("PORTAL_DEMO=1");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
