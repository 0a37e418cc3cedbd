// Managing the unit registry (docs/domain.md, "Managing units"), the part the web app and the
// operators' command line share. It takes the Prisma client as a parameter and imports nothing
// "server-only", so scripts/admin.ts can use it on its own connection. It does NOT decide who may
// do this: the web app's wrapper (lib/data/units-admin.ts) checks `unit.manage` first; the command
// line is for operators who hold the database.
//
// The rules are lib/domain/units-admin.ts (pure); here the registry is read, the rules applied
// and every change written with its audit rows in one transaction (audited(), shared with the
// accounts). Refusals are AppErrors with problem codes (texts in lib/i18n/problems/units.ts).
// Public caches follow by themselves: admin_unit and unit_succession bump public_data_version.
import { unitSelect } from "./unit-select";
import { createHash } from "node:crypto";
import type { z } from "zod";
import type { Db } from "../db/prisma";
import {
  countChanges,
  isEmptyChangeSet,
  isoOf,
  lastDayBefore,
  LEVEL_RANK,
  newUnitProblems,
  planImport,
  planReorganise,
  problem,
  readSuccessorsFile,
  readUnitsFile,
  RegistryIndex,
  searchNameOf,
  unitIdOf,
  unitNamesOr,
  type TChangeCounts,
  type TChangeSet,
  type TLevel,
  type TRegistry,
  type TRegUnit,
} from "../domain/units-admin";
import { planSearchText } from "../domain/text";
import { AppError, type TProblem } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { zodProblems } from "../validation/fields";
import {
  ZRegistryDate,
  ZUnitCreate,
  ZUnitDelete,
  ZUnitEnd,
  ZUnitRename,
  ZUnitReorganise,
  type TUnitCreateInput,
  type TUnitEndInput,
  type TUnitRenameInput,
  type TUnitReorganiseInput,
} from "../validation/units-admin";
import { ZUnitKey } from "../validation/units";
import { audited, type TAccountsCtx } from "./accounts-core";

/** Who acts and how audit rows are written: the accounts' context (lib/data/accounts-core.ts). */
export type TUnitsCtx = TAccountsCtx;

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

// The fields of the unit tree, shared with lib/data/units.ts.


type TUnitRow = Prisma.AdminUnitGetPayload<{ select: typeof unitSelect }>;

const toReg = (u: TUnitRow): TRegUnit => ({ ...u, validFrom: isoOf(u.validFrom), validTo: isoOf(u.validTo) });

/** A "YYYY-MM-DD" day as the DATE columns take it. */
const dayOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/** What the audit log keeps of a unit. */
const snapshot = (u: TRegUnit) => ({
  id: u.id,
  key: u.key,
  code: u.code,
  name: u.name,
  shortName: u.shortName,
  nameEn: u.nameEn,
  level: u.level,
  parentId: u.parentId,
  validFrom: u.validFrom,
  validTo: u.validTo,
  successorId: u.successorId,
});

/** The whole registry (about 13.400 units and 10.700 succession rows), for reorganisations and loads. */
export async function loadRegistryWith(db: Db | Tx): Promise<TRegistry> {
  // One query after the other: inside a transaction the client has one connection.
  const units = await db.adminUnit.findMany({ select: unitSelect });
  const links = await db.unitSuccession.findMany({ select: { predecessorId: true, successorId: true, share: true, effectiveOn: true } });
  return { units: units.map(toReg), links: links.map((l) => ({ ...l, effectiveOn: isoOf(l.effectiveOn)! })) };
}

async function findUnit(db: Db | Tx, key: string): Promise<TRegUnit | null> {
  const u = await db.adminUnit.findUnique({ where: { key }, select: unitSelect });
  return u ? toReg(u) : null;
}

const unknownUnit = (key: string, field = "key") => new AppError("not_found", problem("registry_unit_unknown", { key }, { field }));

async function requireUnit(db: Db | Tx, key: string, field = "key"): Promise<TRegUnit> {
  const u = await findUnit(db, key);
  if (!u) throw unknownUnit(key, field);
  return u;
}

/** What refers to a unit: a unit anything refers to is never deleted. */
export type TUnitReferences = { plans: number; targets: number; results: number; users: number; children: number; successions: number };

export async function unitReferencesWith(db: Db | Tx, id: string): Promise<TUnitReferences> {
  // One query after the other: inside a transaction the client has one connection.
  const plans = await db.plan.count({ where: { issuerUnitId: id } });
  const targets = await db.target.count({ where: { unitId: id } });
  const results = await db.result.count({ where: { unitId: id } });
  const users = await db.user.count({ where: { unitId: id } });
  const children = await db.adminUnit.count({ where: { parentId: id } });
  const successions = await db.unitSuccession.count({ where: { OR: [{ predecessorId: id }, { successorId: id }] } });
  // A unit named as another's successor without a succession row (not written by the portal, but possible).
  const wholePredecessors = await db.adminUnit.count({ where: { successorId: id, NOT: { successions: { some: { successorId: id } } } } });
  return { plans, targets, results, users, children, successions: successions + wholePredecessors };
}

export const isReferenced = (r: TUnitReferences) => Object.values(r).some((n) => n > 0);

type TUnitBrief = { key: string; code: string; name: string; nameEn: string | null; level: TLevel };
const brief = (u: { key: string; code: string; name: string; nameEn: string | null; level: TLevel }): TUnitBrief => ({ key: u.key, code: u.code, name: u.name, nameEn: u.nameEn, level: u.level });

export type TUnitAdminDetail = TRegUnit & {
  parent: TUnitBrief | null;
  successor: TUnitBrief | null;
  predecessors: (TUnitBrief & { share: "FULL" | "PARTIAL"; effectiveOn: string })[];
  successors: (TUnitBrief & { share: "FULL" | "PARTIAL"; effectiveOn: string })[];
  references: TUnitReferences;
};

/** One unit as the management page shows it: its record, relations and what refers to it; null when no unit has the key. */
export async function getUnitAdminWith(db: Db, key: string): Promise<TUnitAdminDetail | null> {
  if (!ZUnitKey.safeParse(key).success) return null;
  const u = await db.adminUnit.findUnique({
    where: { key },
    select: {
      ...unitSelect,
      parent: { select: unitSelect },
      successor: { select: unitSelect },
      predecessions: { select: { share: true, effectiveOn: true, predecessor: { select: unitSelect } } },
      successions: { select: { share: true, effectiveOn: true, successor: { select: unitSelect } } },
    },
  });
  if (!u) return null;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");
  return {
    ...toReg(u),
    parent: u.parent ? brief(u.parent) : null,
    successor: u.successor ? brief(u.successor) : null,
    predecessors: u.predecessions.map((s) => ({ ...brief(s.predecessor), share: s.share, effectiveOn: isoOf(s.effectiveOn)! })).sort(byName),
    successors: u.successions.map((s) => ({ ...brief(s.successor), share: s.share, effectiveOn: isoOf(s.effectiveOn)! })).sort(byName),
    references: await unitReferencesWith(db, u.id),
  };
}

// ---------------------------------------------------------------------------
// Helpers of the writes
// ---------------------------------------------------------------------------

function invalid(error: z.ZodError): AppError {
  return new AppError("invalid", zodProblems(error));
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(r.error);
  return r.data;
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown }; cause?: { code?: unknown } } | null;
  return err?.code === "P2002" || err?.meta?.code === "23505" || err?.cause?.code === "23505";
}

function isForeignKeyViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown }; cause?: { code?: unknown } } | null;
  return err?.code === "P2003" || err?.meta?.code === "23503" || err?.cause?.code === "23503";
}

/**
 * Plans keep their issuing unit's names (and those above it) in their search text
 * (lib/domain/text.ts planSearchText): after a rename, the plans of the unit and of every unit
 * below it get theirs again, in the same transaction.
 */
async function refreshPlanSearchText(tx: Tx, unitIds: string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const within = new Set(unitIds);
  let frontier = unitIds;
  for (let depth = 0; frontier.length && depth < 6; depth++) {
    const kids = await tx.adminUnit.findMany({ where: { parentId: { in: frontier } }, select: { id: true } });
    frontier = kids.map((k) => k.id).filter((id) => !within.has(id));
    for (const id of frontier) within.add(id);
  }
  const plans = await tx.plan.findMany({ where: { issuerUnitId: { in: [...within] } }, select: { id: true, code: true, title: true, issuer: true, issuerUnitId: true, searchText: true } });
  const chains = new Map<string, string[]>();
  const namesUp = async (id: string): Promise<string[]> => {
    const known = chains.get(id);
    if (known) return known;
    const names: string[] = [];
    const seen = new Set<string>();
    let cur: string | null = id;
    while (cur && !seen.has(cur)) {
      seen.add(cur);
      const u: { name: string; parentId: string | null } | null = await tx.adminUnit.findUnique({ where: { id: cur }, select: { name: true, parentId: true } });
      if (!u) break;
      names.push(u.name);
      cur = u.parentId;
    }
    chains.set(id, names);
    return names;
  };
  let changed = 0;
  for (const p of plans) {
    const text = planSearchText(p, await namesUp(p.issuerUnitId));
    if (text !== p.searchText) {
      await tx.plan.update({ where: { id: p.id }, data: { searchText: text } });
      changed++;
    }
  }
  return changed;
}

type TAudit = Parameters<Parameters<typeof audited>[1]>[1];

// ---------------------------------------------------------------------------
// Create, rename, end, delete
// ---------------------------------------------------------------------------

/** Creates a unit valid from its date; its key (its code unless given) must be free, its code not in use that day, its parent valid and above it. */
export async function createUnitWith(ctx: TUnitsCtx, input: TUnitCreateInput): Promise<TRegUnit> {
  const d = parse(ZUnitCreate, input);
  const key = d.key ?? d.code;
  const id = unitIdOf(key);
  let parentRef = d.parent;
  if (!parentRef) {
    if (d.level !== "PROVINCE") throw new AppError("invalid", problem("registry_parent_required", {}, { field: "parent" }));
    const nation = await ctx.db.adminUnit.findFirst({ where: { level: "NATION" }, select: { key: true } });
    parentRef = nation?.key ?? "VN";
  }
  try {
    return await audited(ctx, async (tx, audit) => {
      const keyHolder = await tx.adminUnit.findUnique({ where: { key }, select: { name: true, key: true } });
      const idHolder = await tx.adminUnit.findUnique({ where: { id }, select: { name: true, key: true } });
      const codeHolders = await tx.adminUnit.findMany({ where: { code: d.code }, select: unitSelect });
      const parent = await findUnit(tx, parentRef);
      let problems = newUnitProblems(
        { key, code: d.code, level: d.level, validFrom: d.validFrom },
        { keyHolder: keyHolder ?? idHolder, codeHolders: codeHolders.map(toReg), parent, parentRef },
        { key: { field: d.key ? "key" : "code" }, code: { field: "code" }, parent: { field: "parent" } },
      );
      // The code in use says it all when the key is the code.
      if (!d.key && problems.some((p) => p.code === "registry_code_in_use")) problems = problems.filter((p) => p.code !== "registry_key_taken");
      if (problems.length) throw new AppError(problems.some((p) => p.code === "registry_key_taken" || p.code === "registry_code_in_use") ? "conflict" : "invalid", problems);
      const row = await tx.adminUnit.create({
        data: {
          id,
          key,
          code: d.code,
          name: d.name,
          ...unitNamesOr(d.name, d),
          level: d.level,
          parentId: parent!.id,
          validFrom: dayOf(d.validFrom),
          validTo: null,
          successorId: null,
          searchName: searchNameOf(d.name),
        },
        select: unitSelect,
      });
      const unit = toReg(row);
      await audit({ action: "unit.create", entity: "unit", entityId: id, before: null, after: snapshot(unit) });
      return unit;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", problem("registry_key_taken", { key, name: key }, { field: d.key ? "key" : "code" }));
    throw e;
  }
}

/** Renames a unit (name, short name, English name; the last two derived from the name when not given). */
export async function renameUnitWith(ctx: TUnitsCtx, input: TUnitRenameInput): Promise<{ unit: TRegUnit; changed: boolean }> {
  const d = parse(ZUnitRename, input);
  return audited(ctx, async (tx, audit) => {
    const before = await requireUnit(tx, d.key);
    const data = { name: d.name, ...unitNamesOr(d.name, d) };
    if (data.name === before.name && data.shortName === before.shortName && data.nameEn === before.nameEn) return { unit: before, changed: false };
    const after = toReg(await tx.adminUnit.update({ where: { id: before.id }, data: { ...data, searchName: searchNameOf(data.name) }, select: unitSelect }));
    await audit({ action: "unit.rename", entity: "unit", entityId: before.id, before: snapshot(before), after: snapshot(after) });
    await refreshPlanSearchText(tx, [before.id]);
    return { unit: after, changed: true };
  });
}

/**
 * Ends a unit on an effective date: it is valid up to the day before (validTo = effectiveOn − 1
 * day, as the units the 2025 reform ended hold 2025-06-30 for 2025-07-01). Refused when it has
 * ended already, would end before it began, or still has units under it that remain valid.
 */
export async function endUnitWith(ctx: TUnitsCtx, input: TUnitEndInput): Promise<TRegUnit> {
  const d = parse(ZUnitEnd, input);
  const validTo = lastDayBefore(d.effectiveOn);
  return audited(ctx, async (tx, audit) => {
    const before = await requireUnit(tx, d.key);
    const label = `${before.name} (${before.key})`;
    if (before.level === "NATION") throw new AppError("invalid", problem("registry_nation"));
    if (before.validTo !== null) throw new AppError("conflict", problem("registry_already_ended", { name: label, validTo: before.validTo }));
    if (before.validFrom !== null && before.validFrom > validTo)
      throw new AppError("invalid", problem("registry_end_before_start", { name: label, validFrom: before.validFrom, date: d.effectiveOn }, { field: "effectiveOn" }));
    const staying = await tx.adminUnit.findMany({ where: { parentId: before.id, OR: [{ validTo: null }, { validTo: { gte: dayOf(d.effectiveOn) } }] }, select: { key: true, name: true }, orderBy: { key: "asc" } });
    if (staying.length)
      throw new AppError("conflict", problem("registry_children_remain", { name: label, count: staying.length, example: `${staying[0]!.name} (${staying[0]!.key})` }));
    const after = toReg(await tx.adminUnit.update({ where: { id: before.id }, data: { validTo: dayOf(validTo) }, select: unitSelect }));
    await audit({ action: "unit.end", entity: "unit", entityId: before.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

/** Deletes a unit nothing refers to (no plan, target, result, account, unit below it, succession); otherwise refuses, saying what refers to it. */
export async function deleteUnitWith(ctx: TUnitsCtx, keyIn: unknown): Promise<TRegUnit> {
  const { key } = parse(ZUnitDelete, { key: keyIn });
  const refused = (u: TRegUnit, r: TUnitReferences) => new AppError("conflict", problem("registry_in_use", { name: `${u.name} (${u.key})`, ...r }));
  try {
    return await audited(ctx, async (tx, audit) => {
      const unit = await requireUnit(tx, key);
      if (unit.level === "NATION") throw new AppError("invalid", problem("registry_nation"));
      const refs = await unitReferencesWith(tx, unit.id);
      if (isReferenced(refs)) throw refused(unit, refs);
      await tx.adminUnit.delete({ where: { id: unit.id } });
      await audit({ action: "unit.delete", entity: "unit", entityId: unit.id, before: snapshot(unit), after: null });
      return unit;
    });
  } catch (e) {
    if (isForeignKeyViolation(e)) {
      const unit = await requireUnit(ctx.db, key);
      throw refused(unit, await unitReferencesWith(ctx.db, unit.id));
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------
// Reorganisations and loads: a change set, previewed, then applied
// ---------------------------------------------------------------------------

/** A change set as people read it (the preview, the command line's report). */
export type TChangeSummary = {
  effectiveOn: string;
  counts: TChangeCounts;
  created: (TUnitBrief & { parent: TUnitBrief | null; validFrom: string })[];
  renamed: (TUnitBrief & { newName: string })[];
  ended: (TUnitBrief & { validTo: string; wasValidTo: string | null; into: (TUnitBrief & { share: "FULL" | "PARTIAL" })[] })[];
};

export type TPlanOutcome = {
  summary: TChangeSummary;
  /** Identifies this exact change set: an apply names the preview it confirms. */
  fingerprint: string;
  applied: boolean;
  /** Nothing to do: everything is in place already. */
  unchanged: boolean;
};

/** Apply only what was previewed: `expect` is the preview's fingerprint (the web page); none applies at once (the command line). */
export type TPlanOptions = { apply: boolean; expect?: string | null };

function summarise(cs: TChangeSet, idx: RegistryIndex): TChangeSummary {
  const created = new Map(cs.create.map((c) => [c.id, c]));
  const ref = (id: string | null): TUnitBrief | null => {
    if (!id) return null;
    const u = created.get(id) ?? idx.byId.get(id);
    return u ? brief(u) : null;
  };
  return {
    effectiveOn: cs.effectiveOn,
    counts: countChanges(cs),
    created: cs.create.map((c) => ({ ...brief(c), parent: ref(c.parentId), validFrom: c.validFrom })),
    renamed: cs.rename.map((r) => ({ ...brief(r.unit), newName: r.name })),
    ended: cs.end.map((e) => ({
      ...brief(e.unit),
      validTo: e.validTo,
      wasValidTo: e.unit.validTo,
      into: idx.successionsOf(e.unit.id).concat(e.links).flatMap((l) => {
        const to = ref(l.successorId);
        return to && l.effectiveOn === cs.effectiveOn ? [{ ...to, share: l.share }] : [];
      }),
    })),
  };
}

function fingerprintOf(cs: TChangeSet, extra: unknown): string {
  const essence = {
    extra,
    effectiveOn: cs.effectiveOn,
    create: cs.create,
    rename: cs.rename.map((r) => [r.unit.id, r.unit.name, r.name, r.shortName, r.nameEn]),
    end: cs.end.map((e) => [e.unit.id, e.unit.validTo, e.validTo, e.successorId]),
    links: cs.links,
  };
  return createHash("sha256").update(JSON.stringify(essence)).digest("hex").slice(0, 32);
}

/** Writes a change set: new units, renames, succession rows, predecessors ended (each with its audit row). */
async function applyChanges(tx: Tx, audit: TAudit, cs: TChangeSet): Promise<void> {
  // New units, parents first (a level at a time), then the ends and successions that name them.
  for (const rank of [1, 2, 3]) {
    const batch = cs.create.filter((c) => LEVEL_RANK[c.level] === rank);
    if (batch.length === 0) continue;
    await tx.adminUnit.createMany({
      data: batch.map((c) => ({
        id: c.id,
        key: c.key,
        code: c.code,
        name: c.name,
        shortName: c.shortName,
        nameEn: c.nameEn,
        level: c.level,
        parentId: c.parentId,
        validFrom: dayOf(c.validFrom),
        validTo: null,
        successorId: null,
        searchName: searchNameOf(c.name),
      })),
    });
  }
  for (const c of cs.create) {
    await audit({ action: "unit.create", entity: "unit", entityId: c.id, before: null, after: snapshot({ ...c, validTo: null, successorId: null }) });
  }
  for (const r of cs.rename) {
    const data = { name: r.name, shortName: r.shortName, nameEn: r.nameEn };
    await tx.adminUnit.update({ where: { id: r.unit.id }, data: { ...data, searchName: searchNameOf(r.name) } });
    await audit({ action: "unit.rename", entity: "unit", entityId: r.unit.id, before: snapshot(r.unit), after: snapshot({ ...r.unit, ...data }) });
  }
  if (cs.links.length) await tx.unitSuccession.createMany({ data: cs.links.map((l) => ({ ...l, effectiveOn: dayOf(l.effectiveOn) })) });
  for (const e of cs.end) {
    await tx.adminUnit.update({ where: { id: e.unit.id }, data: { validTo: dayOf(e.validTo), successorId: e.successorId } });
    await audit({
      action: "unit.reorganise",
      entity: "unit",
      entityId: e.unit.id,
      before: snapshot(e.unit),
      after: { ...snapshot({ ...e.unit, validTo: e.validTo, successorId: e.successorId }), successions: e.links.map((l) => ({ successorId: l.successorId, share: l.share, effectiveOn: l.effectiveOn })) },
    });
  }
  await refreshPlanSearchText(
    tx,
    cs.rename.map((r) => r.unit.id),
  );
}

async function planOrApply(
  ctx: TUnitsCtx,
  opts: TPlanOptions,
  plan: (registry: TRegistry) => { changes: TChangeSet; problems: TProblem[] },
  extra: unknown,
  after: ((tx: Tx, audit: TAudit, summary: TChangeSummary) => Promise<void>) | null,
): Promise<TPlanOutcome> {
  const run = async (db: Db | Tx) => {
    const registry = await loadRegistryWith(db);
    const idx = new RegistryIndex(registry);
    const { changes, problems } = plan(registry);
    if (problems.length) throw new AppError(problems.some((p) => p.code === "registry_key_taken" || p.code === "registry_code_in_use") ? "conflict" : "invalid", problems);
    return { changes, summary: summarise(changes, idx), fingerprint: fingerprintOf(changes, extra) };
  };
  if (!opts.apply) {
    const { changes, summary, fingerprint } = await run(ctx.db);
    return { summary, fingerprint, applied: false, unchanged: isEmptyChangeSet(changes) };
  }
  try {
    return await audited(ctx, async (tx, audit) => {
      const { changes, summary, fingerprint } = await run(tx);
      if (opts.expect && opts.expect !== fingerprint) throw new AppError("conflict", problem("registry_preview_stale"));
      if (isEmptyChangeSet(changes)) return { summary, fingerprint, applied: false, unchanged: true };
      await applyChanges(tx, audit, changes);
      if (after) await after(tx, audit, summary);
      return { summary, fingerprint, applied: true, unchanged: false };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("conflict", problem("registry_changed_meanwhile"));
    throw e;
  }
}

/**
 * Predecessors going into successors on an effective date (a merger, a split, or both), the new
 * successor units created in the same transaction: previewed (`apply: false`) or applied.
 */
export async function reorganiseUnitsWith(ctx: TUnitsCtx, input: TUnitReorganiseInput, opts: TPlanOptions): Promise<TPlanOutcome> {
  const d = parse(ZUnitReorganise, input);
  return planOrApply(ctx, opts, (registry) => planReorganise(registry, d), d, null);
}

export type TImportFile = { name: string; text: string };

/**
 * Loads the shared files (a units file, and optionally a successors file) taking effect on a
 * date: every row checked first, then everything written in one transaction, or nothing. Loading
 * the same files again changes nothing (and writes no audit row).
 */
export async function importUnitsWith(ctx: TUnitsCtx, files: { units: TImportFile; successors?: TImportFile | null }, effectiveOnIn: unknown, opts: TPlanOptions): Promise<TPlanOutcome> {
  const date = ZRegistryDate.safeParse(effectiveOnIn);
  const units = readUnitsFile(files.units.text);
  const successors = files.successors ? readSuccessorsFile(files.successors.text) : { rows: [], problems: [] };
  const problems = [...(date.success ? [] : zodProblems(date.error, "effectiveOn")), ...units.problems, ...successors.problems];
  if (problems.length || !date.success) throw new AppError("invalid", problems);
  const effectiveOn = date.data;
  const extra = { effectiveOn, units: units.rows, successors: successors.rows };
  return planOrApply(ctx, opts, (registry) => planImport(registry, units.rows, successors.rows, effectiveOn), extra, async (_tx, audit, summary) => {
    await audit({
      action: "unit.import",
      entity: "unit",
      entityId: null,
      before: null,
      after: { effectiveOn, unitsFile: files.units.name, successorsFile: files.successors?.name ?? null, rows: { units: units.rows.length, successors: successors.rows.length }, ...summary.counts },
    });
  });
}
