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

/** The unit's full name and those of its ancestors, nearest first. */
function unitNamesUpwards(unitId: string): string[] {
  const byId = new Map(adminUnits.map((u) => [u.id, u]));
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

      created.adminUnit = (
        await tx.adminUnit.createMany({
          data: adminUnits.map((u) => ({ ...u, searchName: normalizeSearch(u.name) })),
          skipDuplicates: true,
        })
      ).count;
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
    { timeout: 60_000, maxWait: 30_000 },
  );
}
