// Seeds a database with the source documents (prisma/seed-data.ts) and, for a demo
// database, the demo accounts listed in the README.
//
// Idempotent and non-destructive: every row has a fixed id and is only created when
// missing (createMany … skipDuplicates), so a second run creates nothing and never
// overwrites what officers edited later. Tables are filled in dependency order:
// units (parents and successors first), programmes, indicators, plans, citations,
// tasks, targets (parents first), results, users, settings.
import { hashPassword, DEMO_PASSWORD } from "../lib/auth/password";
import { normalizeSearch, planSearchText as searchTextOf } from "../lib/domain/text";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { buildRegistry } from "./registry";
import {
  adminUnits,
  demoUsers,
  indicators,
  planCitations,
  plans,
  planTasks,
  programmes,
  results,
  SEED_VERSION,
  targets,
  type SeedPlan,
  type SeedUnit,
} from "./seed-data";

export type SeedOutcome = { created: Record<string, number> };

let registry: ReturnType<typeof buildRegistry> | null = null;
/** The official lists, read once per process. */
const theRegistry = () => (registry ??= buildRegistry());

/** Every unit to seed, parents before children and successors before predecessors. */
function allUnits(): (SeedUnit & { searchName: string })[] {
  const [nation, ...districts] = adminUnits.map((u) => ({ ...u, searchName: normalizeSearch(u.name) }));
  return [nation!, ...theRegistry().units, ...districts];
}

/** Inserts rows in chunks (a few thousand parameters per statement), skipping those already there. */
async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<{ count: number }>, size = 2000): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += size) n += (await insert(rows.slice(i, i + size))).count;
  return n;
}

/** The unit's full name and those of its ancestors, nearest first. */
function unitNamesUpwards(unitId: string): string[] {
  const byId = new Map<string, SeedUnit>(allUnits().map((u) => [u.id, u]));
  const names: string[] = [];
  const seen = new Set<string>();
  let u: SeedUnit | undefined = byId.get(unitId);
  while (u && !seen.has(u.id)) {
    seen.add(u.id);
    names.push(u.name);
    u = u.parentId ? byId.get(u.parentId) : undefined;
  }
  return names;
}

/** Search text of a plan: code, title, issuer, issuing unit and its ancestors. */
export function planSearchText(p: Pick<SeedPlan, "code" | "title" | "issuer" | "issuerUnitId">): string {
  return searchTextOf(p, unitNamesUpwards(p.issuerUnitId));
}

export async function seedDatabase(db: PrismaClient, opts: { demo: boolean }): Promise<SeedOutcome> {
  // Hash outside the transaction (bcrypt is slow), and only for accounts still missing.
  let demoUserRows: (typeof demoUsers[number] & { passwordHash: string })[] = [];
  if (opts.demo) {
    const existing = new Set(
      (await db.user.findMany({ where: { id: { in: demoUsers.map((u) => u.id) } }, select: { id: true } })).map((u) => u.id),
    );
    const missing = demoUsers.filter((u) => !existing.has(u.id));
    if (missing.length > 0) {
      // One hash of the shared demo password serves every demo account.
      const passwordHash = await hashPassword(DEMO_PASSWORD);
      demoUserRows = missing.map((u) => ({ ...u, email: u.email.toLowerCase(), passwordHash }));
    }
  }

  return db.$transaction(
    async (tx) => {
      const created: Record<string, number> = {};

      created.adminUnit = await insertChunks(allUnits(), (data) => tx.adminUnit.createMany({ data, skipDuplicates: true }));
      created.unitSuccession = await insertChunks(theRegistry().successions, (data) => tx.unitSuccession.createMany({ data, skipDuplicates: true }));
      created.programme = (await tx.programme.createMany({ data: programmes, skipDuplicates: true })).count;
      created.indicator = (await tx.indicator.createMany({ data: indicators, skipDuplicates: true })).count;
      created.plan = (
        await tx.plan.createMany({
          data: plans.map((p) => ({ ...p, searchText: planSearchText(p) })),
          skipDuplicates: true,
        })
      ).count;
      created.planCitation = (await tx.planCitation.createMany({ data: planCitations, skipDuplicates: true })).count;
      created.planTask = (await tx.planTask.createMany({ data: planTasks, skipDuplicates: true })).count;
      created.target = (await tx.target.createMany({ data: targets, skipDuplicates: true })).count;
      created.result = (await tx.result.createMany({ data: results, skipDuplicates: true })).count;
      created.user = demoUserRows.length
        ? (await tx.user.createMany({ data: demoUserRows, skipDuplicates: true })).count
        : 0;

      const settings: { key: string; value: string }[] = [{ key: "seed_version", value: SEED_VERSION }];
      if (opts.demo) settings.push({ key: "demo", value: "true" });
      const existingSettings = new Set(
        (await tx.systemSetting.findMany({ where: { key: { in: settings.map((s) => s.key) } }, select: { key: true } })).map(
          (s) => s.key,
        ),
      );
      for (const s of settings) {
        await tx.systemSetting.upsert({ where: { key: s.key }, create: s, update: { value: s.value } });
      }
      created.systemSetting = settings.filter((s) => !existingSettings.has(s.key)).length;

      return { created };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
