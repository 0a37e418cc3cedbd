// Backup and restore (lib/db/backup.ts): a backup of this project's database (PostgreSQL or the
// embedded one) restores into a fresh embedded database, and a second round trip gives exactly
// the same rows, table by table; a cut or foreign file, or a backup of another schema version,
// is refused and changes nothing.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { mkdtemp, rm, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupTo, restoreFrom } from "../../lib/db/backup";
import { startEmbeddedHost, type EmbeddedHost } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { PROJECT_ROOT } from "../../lib/db/migrations-dir";
import { backend, databaseUrl, runAdminCli, withPg } from "./helpers";

let dir: string;
const hosts: EmbeddedHost[] = [];

async function freshMigrated(): Promise<string> {
  const h = await startEmbeddedHost(null);
  hosts.push(h);
  await migrate(h.url);
  return h.url;
}

/** Each table's row count and a checksum of its rows. */
function fingerprint(url: string): Promise<Record<string, string>> {
  return withPg(async (c) => {
    const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`)).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const r = await c.query<{ n: number; h: string | null }>(`SELECT count(*)::int AS n, md5(string_agg(x::text, '|' ORDER BY x::text)) AS h FROM "${t}" x`);
      out[t] = `${r.rows[0]!.n}:${r.rows[0]!.h ?? ""}`;
    }
    return out;
  }, url);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "portal-backup-test-"));
});
afterAll(async () => {
  for (const h of hosts) await h.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  let first: string;
  let a: string;

  it("a backup of the live database restores into a fresh one, and a second round trip gives the same rows in every table", async () => {
    first = join(dir, "first.backup");
    const made = await backupTo(databaseUrl(), first);
    expect(made.rows).toBeGreaterThan(1000); // the seed: units of the registry, plans, targets, results
    a = await freshMigrated();
    expect(await restoreFrom(a, first)).toEqual(made);
    const fa = await fingerprint(a);
    expect(Number(fa["admin_unit"]!.split(":")[0])).toBeGreaterThan(3000);
    expect(Number(fa["plan"]!.split(":")[0])).toBeGreaterThan(0);

    const second = join(dir, "second.backup");
    expect(await backupTo(a, second)).toEqual(made);
    const b = await freshMigrated();
    await restoreFrom(b, second);
    const fb = await fingerprint(b);
    // The counters that caches are kept under move past every value they had (nothing cached is taken for restored data)…
    const counters = ["public_data_version", "plan_stamp"];
    const without = (f: Record<string, string>) => Object.fromEntries(Object.entries(f).filter(([t]) => !counters.includes(t)));
    expect(without(fb)).toEqual(without(fa));
    const countsOf = (url: string) =>
      withPg(async (c) => (await c.query<{ v: string; s: string }>(`SELECT (SELECT "version" FROM "public_data_version")::text AS v, (SELECT sum("stamp") FROM "plan_stamp")::text AS s`)).rows[0]!, url);
    const [ca, cb] = [await countsOf(a), await countsOf(b)];
    expect(BigInt(cb.v)).toBeGreaterThan(BigInt(ca.v));
    expect(BigInt(cb.s)).toBeGreaterThan(BigInt(ca.s));
    // …and every other row is the same.
    for (const t of counters) expect(fb[t]!.split(":")[0]).toBe(fa[t]!.split(":")[0]);
    // Sequences continue after the restored ids: the next id of each numbered table is past its largest.
    const next = await withPg(
      async (c) =>
        (await c.query<{ ok: boolean }>(`SELECT (SELECT last_value FROM "audit_log_id_seq") > COALESCE((SELECT max("id") FROM "audit_log"), 0) AS ok`)).rows[0]!.ok,
      b,
    );
    expect(next).toBe(true);
  }, 180_000);

  it("refuses a file cut short, a file that is not a backup, and a backup of another schema version, changing nothing", async () => {
    const before = await fingerprint(a);
    const whole = await readFile(first);
    const cut = join(dir, "cut.backup");
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(restoreFrom(a, cut)).rejects.toBeInstanceOf(BackupError);
    const foreign = join(dir, "foreign.backup");
    await writeFile(foreign, "not a backup");
    await expect(restoreFrom(a, foreign)).rejects.toThrow(/cannot be read as a backup|not a portal backup/);
    await withPg((c) => c.query(`UPDATE "_prisma_migrations" SET "migration_name" = "migration_name" || '_x' WHERE "migration_name" = (SELECT max("migration_name") FROM "_prisma_migrations")`), a);
    await expect(restoreFrom(a, first)).rejects.toThrow(/restore with the portal's version that made it/);
    expect(await fingerprint(a)).toEqual(before);
  }, 180_000);
});

/** The admin command line on the embedded database in `dataDir` (no DATABASE_URL). */
function adminOnEmbedded(args: string[], dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORTAL_DATA_DIR: dataDir, NODE_OPTIONS: "" };
  delete env.DATABASE_URL;
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "scripts/admin.ts", ...args], { cwd: PROJECT_ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stderr }));
  });
}

describe.runIf(backend() === "pglite")("npm run admin -- backup | restore", () => {
  it("backs up the database, refuses a restore without --yes, restores the embedded database keeping its files before aside, and puts them back when a restore fails", async () => {
    const file = join(dir, "cli.backup");
    const made = await runAdminCli(["backup", file]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/Backup written to .*cli\.backup: \d+ rows of \d+ tables/);
    expect(existsSync(file)).toBe(true);

    const noYes = await runAdminCli(["restore", file]);
    expect(noYes.code).toBe(1);
    expect(noYes.stderr).toContain("--yes");

    const data = join(dir, "embedded");
    const first = await adminOnEmbedded(["restore", file, "--yes"], data);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Restored \d+ rows/);
    const second = await adminOnEmbedded(["restore", file, "--yes"], data);
    expect(second.code, second.stderr).toBe(0);
    expect(readdirSync(data).filter((f) => f.startsWith("pgdata.before-restore-"))).toHaveLength(1);

    const cut = join(dir, "cli-cut.backup");
    const whole = await readFile(file);
    await writeFile(cut, whole.subarray(0, whole.length - 40));
    const failed = await adminOnEmbedded(["restore", cut, "--yes"], data);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("Nothing was changed");
    expect(readdirSync(data).filter((f) => f.startsWith("pgdata.before-restore-"))).toHaveLength(1);
    expect(existsSync(join(data, "pgdata", "PG_VERSION"))).toBe(true);
  }, 300_000);
});
