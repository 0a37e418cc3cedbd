import "server-only";
// Authoring plans and their targets: parse → authorize → workflow checks → one
// transaction with an audit row. Plans and targets go draft → published; a
// published plan is locked until an officer reopens it with a reason.
// A refusal is a TFailure (lib/errors.ts): a kind and problem codes, texts in
// lib/i18n/problems/plans.ts; field problems name their field ("citations.0.issuer").
import { randomUUID } from "node:crypto";
import { can, jurisdictionRoots, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { failure, type TFailure, type TProblem } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { planSearchText } from "../domain/text";
import { validateTargetSpecDetailed } from "../domain/targets";
import { WHOLE_POPULATION } from "../domain/groups";
import { zodProblems } from "../validation/fields";
import { ZPlanInput, ZTargetInput, ZTargetVersion } from "../validation/plans-write";
import { getGroupByCode, listGroups } from "./groups";
import { writeAudit } from "./audit";
import { TX_OPTIONS } from "./results/stored";
import { targetSelect } from "./plans";
import { validThroughout } from "../domain/unit-tree";
import { listUnits, unitAncestors, type TUnit } from "./units";
import { getUnitHitsByKey } from "./units-search";
import type { TUnitLevel } from "../validation/units";

export type TWriteOutcome = { ok: true; id: string } | TFailure;

const forbidden = () => failure("forbidden", { code: "plan_forbidden" });
const notFound = () => failure("not_found", { code: "plan_not_found" });
const locked = () => failure("conflict", { code: "plan_locked" });
const stale = () => failure("conflict", { code: "plan_stale" });
/** Input refused, field by field. */
const invalid = (problems: TProblem[]) => failure("invalid", problems);
const invalidField = (field: string, code: string) => invalid([{ code, field }]);

/** A plan or target must be for a unit that exists throughout its period (1/7/2025 ended the old provinces and districts). */
function unitOutsidePeriod(unit: TUnit, units: TUnit[], start: number, end: number, field: string) {
  if (validThroughout(unit, start, end)) return null;
  const successor = unit.successorId ? units.find((u) => u.id === unit.successorId) : undefined;
  return invalid([
    {
      code: "unit_not_in_period",
      field,
      params: {
        unit: unit.name,
        from: unit.validFrom ? unit.validFrom.getUTCFullYear() : null,
        to: unit.validTo ? unit.validTo.getUTCFullYear() : null,
        start,
        end,
        successor: successor?.name ?? null,
      },
    },
  ]);
}


/** The account as stored now: a session cannot claim more than the account has. */
async function currentActor(actor: TActor): Promise<TActor | null> {
  const u = await db().user.findUnique({ where: { id: actor.id }, select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true } });
  return u && !u.disabled ? { id: u.id, role: u.role, unitId: u.unitId, email: u.email, name: u.name } : null;
}

function searchTextFor(p: { code: string | null; title: string; issuer: string }, unit: TUnit, units: TUnit[]) {
  const names = [unit, ...unitAncestors(units, unit).reverse()].map((u) => u.name);
  return planSearchText(p, names);
}

const planEditSelect = {
  id: true,
  code: true,
  type: true,
  issuer: true,
  issuerUnitId: true,
  issuedOn: true,
  issueYear: true,
  title: true,
  summary: true,
  periodStart: true,
  periodEnd: true,
  programmeId: true,
  sourceUrl: true,
  sourceNote: true,
  status: true,
  updatedAt: true,
  citations: { orderBy: { position: "asc" }, select: { code: true, type: true, issuer: true, issuedOn: true, title: true } },
  tasks: { orderBy: { position: "asc" }, select: { description: true, responsible: true } },
} satisfies Prisma.PlanSelect;

function planColumns(input: ReturnType<typeof ZPlanInput.parse>, unit: TUnit, units: TUnit[], programmeId: string | null) {
  const issuedOn = input.issuedOn ? new Date(`${input.issuedOn}T00:00:00Z`) : null;
  return {
    code: input.code ?? null,
    type: input.type,
    issuer: input.issuer,
    issuerUnitId: unit.id,
    issuedOn,
    issueYear: issuedOn ? issuedOn.getUTCFullYear() : input.periodStart,
    title: input.title,
    summary: input.summary ?? null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    programmeId,
    sourceUrl: input.sourceUrl ?? null,
    sourceNote: input.sourceNote ?? null,
    searchText: searchTextFor({ code: input.code ?? null, title: input.title, issuer: input.issuer }, unit, units),
  };
}

async function resolvePlanRefs(input: ReturnType<typeof ZPlanInput.parse>) {
  const units = await listUnits();
  const unit = units.find((u) => u.key === input.issuerUnitCode) ?? null;
  const programme = input.programmeCode ? await db().programme.findUnique({ where: { code: input.programmeCode }, select: { id: true } }) : null;
  return { units, unit, programme };
}

function duplicateCode(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}

export async function createPlan(sessionActor: TActor, raw: unknown): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const parsed = ZPlanInput.safeParse(raw);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const input = parsed.data;
  const { units, unit, programme } = await resolvePlanRefs(input);
  if (!unit) return invalidField("issuerUnitCode", "no_unit_with_code");
  if (!can(actor, "plan.edit", units, unit.id)) return forbidden();
  const outside = unitOutsidePeriod(unit, units, input.periodStart, input.periodEnd, "issuerUnitCode");
  if (outside) return outside;
  if (input.programmeCode && !programme) return invalidField("programmeCode", "no_programme_with_code");
  const id = `plan-${randomUUID()}`;
  const data = planColumns(input, unit, units, programme?.id ?? null);
  try {
    await db().$transaction(async (tx) => {
      await tx.plan.create({ data: { id, ...data, status: "DRAFT", createdById: actor.id } });
      await writeChildren(tx, id, input);
      await writeAudit(tx, { actor, action: "plan.create", entity: "plan", entityId: id, after: { ...data, citations: input.citations, tasks: input.tasks } });
    });
  } catch (e) {
    if (duplicateCode(e)) return invalidField("code", "duplicate_document_code");
    throw e;
  }
  return { ok: true, id };
}

async function writeChildren(tx: Prisma.TransactionClient, planId: string, input: ReturnType<typeof ZPlanInput.parse>) {
  await tx.planCitation.deleteMany({ where: { planId } });
  await tx.planTask.deleteMany({ where: { planId } });
  if (input.citations.length)
    await tx.planCitation.createMany({
      data: input.citations.map((c, i) => ({
        id: `cit-${randomUUID()}`,
        planId,
        position: i + 1,
        code: c.code ?? null,
        type: c.type,
        issuer: c.issuer,
        issuedOn: c.issuedOn ? new Date(`${c.issuedOn}T00:00:00Z`) : null,
        title: c.title ?? null,
      })),
    });
  if (input.tasks.length)
    await tx.planTask.createMany({
      data: input.tasks.map((t, i) => ({ id: `task-${randomUUID()}`, planId, position: i + 1, description: t.description, responsible: t.responsible })),
    });
}

/** Updates a draft plan. `expectedUpdatedAt` (ISO) is what the editor loaded: a newer save by someone else is a conflict. */
export async function updatePlan(sessionActor: TActor, id: string, raw: unknown, expectedUpdatedAt: string): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const before = await db().plan.findUnique({ where: { id }, select: planEditSelect });
  if (!before) return notFound();
  const units = await listUnits();
  if (!can(actor, "plan.edit", units, before.issuerUnitId)) return forbidden();
  const parsed = ZPlanInput.safeParse(raw);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const input = parsed.data;
  const { unit, programme } = await resolvePlanRefs(input);
  if (!unit) return invalidField("issuerUnitCode", "no_unit_with_code");
  if (!can(actor, "plan.edit", units, unit.id)) return forbidden();
  const outside = unitOutsidePeriod(unit, units, input.periodStart, input.periodEnd, "issuerUnitCode");
  if (outside) return outside;
  if (input.programmeCode && !programme) return invalidField("programmeCode", "no_programme_with_code");
  if (before.status === "PUBLISHED") return locked();
  if (before.updatedAt.toISOString() !== expectedUpdatedAt) return stale();
  const data = planColumns(input, unit, units, programme?.id ?? null);
  try {
    return await db().$transaction(async (tx): Promise<TWriteOutcome> => {
      // Checked again on the locked plan: a publish in between is "published", another save "stale".
      const now = await lockPlan(tx, id);
      if (!now) return notFound();
      if (!can(actor, "plan.edit", units, now.issuerUnitId)) return forbidden();
      if (now.status === "PUBLISHED") return locked();
      const r = await tx.plan.updateMany({ where: { id, updatedAt: before.updatedAt, status: { not: "PUBLISHED" } }, data });
      if (r.count === 0) return stale();
      await writeChildren(tx, id, input);
      await writeAudit(tx, { actor, action: "plan.update", entity: "plan", entityId: id, before, after: { ...data, citations: input.citations, tasks: input.tasks } });
      return { ok: true, id };
    }, TX_OPTIONS);
  } catch (e) {
    if (duplicateCode(e)) return invalidField("code", "duplicate_document_code");
    throw e;
  }
}

/** What publishing a plan would publish: its number (or title) and how many targets, or why it cannot be published. */
export type TPublishPreview = { ok: true; id: string; code: string | null; title: string; status: string; targets: number } | TFailure;

/**
 * The checks publishing makes (the plan exists, the actor may publish it, it is a draft, it has
 * at least one target), and what it would publish: the question "Công bố kế hoạch 58/KH-UBND và
 * 6 chỉ tiêu?" is asked from this, and publishPlan makes the same checks again, on the locked
 * plan, when it writes.
 */
export async function previewPublishPlan(sessionActor: TActor, id: string): Promise<TPublishPreview> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  return publishChecks(actor, await listUnits(), await planToPublish(id));
}

async function planToPublish(id: string): Promise<TPlanToPublish | null> {
  const plan = await db().plan.findUnique({ where: { id }, select: { id: true, code: true, title: true, status: true, issuerUnitId: true, _count: { select: { targets: true } } } });
  return plan && { ...plan, targets: plan._count.targets };
}

type TPlanToPublish = { id: string; code: string | null; title: string; status: string; issuerUnitId: string; targets: number };

function publishChecks(actor: TActor, units: TUnit[], plan: TPlanToPublish | null): TPublishPreview {
  if (!plan) return notFound();
  if (!can(actor, "plan.publish", units, plan.issuerUnitId)) return failure("forbidden", { code: "publish_forbidden" });
  if (plan.status === "PUBLISHED") return failure("conflict", { code: "plan_published" });
  // A plan without a target would show the public an empty promise: refused, saying what is missing.
  if (plan.targets === 0) return failure("conflict", { code: "plan_no_targets" });
  return { ok: true, id: plan.id, code: plan.code, title: plan.title, status: plan.status, targets: plan.targets };
}

/** Publishes a plan and all its targets (a plan with at least one target: an empty plan is refused, "plan_no_targets"). */
export async function publishPlan(sessionActor: TActor, id: string): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const units = await listUnits();
  const early = publishChecks(actor, units, await planToPublish(id));
  if (!early.ok) return early;
  return db().$transaction(async (tx): Promise<TWriteOutcome> => {
    // Checked again on the locked plan: a target added or deleted, or a publish by someone else, waits for this one or is seen here.
    const plan = await lockPlan(tx, id);
    const checked = publishChecks(actor, units, plan && { ...plan, targets: await tx.target.count({ where: { planId: id } }) });
    if (!checked.ok) return checked;
    const now = new Date();
    await tx.plan.update({ where: { id }, data: { status: "PUBLISHED", publishedAt: now } });
    await tx.target.updateMany({ where: { planId: id }, data: { status: "PUBLISHED" } });
    await writeAudit(tx, { actor, action: "plan.publish", entity: "plan", entityId: id, before: { status: checked.status }, after: { status: "PUBLISHED", publishedAt: now, targets: checked.targets } });
    return { ok: true, id };
  }, TX_OPTIONS);
}

const REOPEN_REASON_MIN = 5;

/** Takes a published plan back to draft (its targets too), with a reason kept in the audit log. */
export async function reopenPlan(sessionActor: TActor, id: string, reason: string): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const why = reason.trim();
  if (why.length < REOPEN_REASON_MIN) return invalid([{ code: "reopen_reason", field: "reason", params: { min: REOPEN_REASON_MIN } }]);
  const units = await listUnits();
  const reopenChecks = (plan: { status: string; issuerUnitId: string } | null): TFailure | null => {
    if (!plan) return notFound();
    if (!can(actor, "plan.publish", units, plan.issuerUnitId)) return forbidden();
    return plan.status === "PUBLISHED" ? null : failure("conflict", { code: "plan_not_published" });
  };
  const early = reopenChecks(await db().plan.findUnique({ where: { id }, select: { status: true, issuerUnitId: true } }));
  if (early) return early;
  return db().$transaction(async (tx): Promise<TWriteOutcome> => {
    // Checked again on the locked plan: of two reopenings at once, the second is refused.
    const problem = reopenChecks(await lockPlan(tx, id));
    if (problem) return problem;
    await tx.plan.update({ where: { id }, data: { status: "DRAFT", publishedAt: null } });
    await tx.target.updateMany({ where: { planId: id }, data: { status: "DRAFT" } });
    await writeAudit(tx, { actor, action: "plan.reopen", entity: "plan", entityId: id, before: { status: "PUBLISHED" }, after: { status: "DRAFT" }, reason: why.slice(0, 1000) });
    return { ok: true, id };
  }, TX_OPTIONS);
}

/**
 * Takes a plan's row until the transaction ends (FOR NO KEY UPDATE). Every write of a plan (its
 * fields, its targets, its publication, its reopening) takes it first, so the writes of one plan
 * run one after the other: what is checked after it (a draft, its targets, their versions) still
 * holds when the write commits (docs/domain.md, "Plans and targets written at the same time").
 * Null: no such plan.
 */
async function lockPlan(tx: Prisma.TransactionClient, id: string) {
  const rows = await tx.$queryRaw<{ id: string; code: string | null; title: string; status: string; issuerUnitId: string }[]>`
    SELECT "id", "code", "title", "status"::text AS "status", "issuerUnitId" FROM "plan" WHERE "id" = ${id} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

/** A plan and its targets, as saving a target checks them. */
type TPlanOfTargets = { status: string; issuerUnitId: string; targets: { id: string; parentId: string | null; position: number; version: number }[] };

const planOfTargetsSelect = { status: true, issuerUnitId: true, targets: { select: { id: true, parentId: true, position: true, version: true } } } satisfies Prisma.PlanSelect;

/**
 * What saving a target checks against its plan (before anything else, and again on the locked
 * plan): the plan exists, the actor may edit it, it is a draft, the target edited is one of its
 * own and still the version the editor opened, and a parent ("trong đó") is another of its
 * targets, without a cycle.
 */
function planProblem(actor: TActor, units: TUnit[], plan: TPlanOfTargets | null, targetId: string | null, input?: { version?: number; parentId?: string | null }): TFailure | null {
  if (!plan) return notFound();
  if (!can(actor, "plan.edit", units, plan.issuerUnitId)) return forbidden();
  if (plan.status === "PUBLISHED") return locked();
  const existing = targetId ? plan.targets.find((t) => t.id === targetId) : undefined;
  if (targetId && !existing) return failure("not_found", { code: "target_not_in_plan" });
  if (!input) return null;
  if (existing) {
    if (input.version === undefined) return failure("invalid", { code: "target_version_required" });
    if (input.version !== existing.version) return targetStale(existing.version, input.version);
  }
  if (input.parentId) {
    const byId = new Map(plan.targets.map((t) => [t.id, t]));
    if (!byId.has(input.parentId) || input.parentId === targetId) return invalidField("parentId", "parent_not_in_plan");
    for (let p = byId.get(input.parentId), depth = 0; p && depth < 20; p = p.parentId ? byId.get(p.parentId) : undefined, depth++) {
      if (p.id === targetId) return invalidField("parentId", "parent_cycle");
    }
  }
  return null;
}

/** Someone else changed (or deleted and re-made) the target since the editor opened it: the version it names is not the stored one. */
const targetStale = (version: number, yourVersion: number) => failure("conflict", { code: "target_stale", params: { version, yourVersion } });

/**
 * Adds (targetId null) or edits a target of an editable plan. An edit names the version it was
 * made on (`version`, a hidden field of the form): a target changed since is refused
 * ("target_stale"), and the write is `UPDATE … WHERE id AND version`, moving the version on.
 */
export async function saveTarget(sessionActor: TActor, planId: string, targetId: string | null, raw: unknown): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const seen = await db().plan.findUnique({ where: { id: planId }, select: planOfTargetsSelect });
  const units = await listUnits();
  const early = planProblem(actor, units, seen, targetId);
  if (early) return early;
  const parsed = ZTargetInput.safeParse(raw);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const input = parsed.data;
  const unit = units.find((u) => u.key === input.unitCode);
  if (!unit) return invalidField("unitCode", "no_unit_with_code");
  if (!can(actor, "plan.edit", units, unit.id)) return invalidField("unitCode", "unit_out_of_scope");
  const outside = unitOutsidePeriod(unit, units, input.periodStart, input.periodEnd, "unitCode");
  if (outside) return outside;
  const indicator = input.indicatorCode
    ? await db().indicator.findUnique({ where: { code: input.indicatorCode }, select: { id: true, name: true, measure: true, measureUnit: true } })
    : null;
  if (input.indicatorCode && !indicator) return invalidField("indicatorCode", "indicator_not_found");
  if (input.kind !== "QUALITATIVE" && !indicator) return invalidField("indicatorCode", "indicator_required");
  const group = await getGroupByCode(input.groupCode ?? WHOLE_POPULATION);
  if (!group) return invalidField("groupCode", "group_not_found");
  const seenProblem = planProblem(actor, units, seen, targetId, input);
  if (seenProblem) return seenProblem;
  if (input.kind === "SHARE_OF_PARENT" && !input.parentId) return invalidField("parentId", "parent_required");
  // "30% huyện nghèo thoát nghèo": a share of units counts whole units (docs/domain.md).
  if (input.kind === "SHARE_OF_UNITS" && indicator && (indicator.measure !== "COUNT" || indicator.measureUnit.trim() === "%")) {
    return invalidField("indicatorCode", "units_indicator_not_count");
  }
  // What the target promises, as validated and as stored.
  const spec = {
    kind: input.kind,
    lower: input.lower ?? null,
    upper: input.upper ?? null,
    strict: input.strict,
    approximate: input.approximate,
    baseline: input.baseline ?? null,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    annual: input.annual,
    equivalentValue: input.equivalentValue ?? null,
    equivalentUnit: input.equivalentUnit ?? null,
  };
  const issues = validateTargetSpecDetailed({ ...spec, measureUnit: indicator?.measureUnit ?? "", indicatorName: indicator?.name ?? "" });
  // The target's own rules speak both languages already (lib/domain/targets.ts, shared with the form's preview).
  if (issues.length) {
    return invalid(issues.map((i) => ({ code: "invalid_field", field: i.field === "indicatorName" ? "indicatorCode" : i.field, params: { message: i.message, messageEn: i.messageEn } })));
  }
  const data = { ...spec, indicatorId: indicator?.id ?? null, groupId: group.id, unitId: unit.id, parentId: input.parentId ?? null, statement: input.statement };
  return db().$transaction(async (tx): Promise<TWriteOutcome> => {
    // The plan locked, its checks made again on what is stored now: a publish, another edit of
    // this target or a deleted parent in between refuses here, never lands in a published plan.
    if (!(await lockPlan(tx, planId))) return notFound();
    const plan = await tx.plan.findUnique({ where: { id: planId }, select: planOfTargetsSelect });
    const problem = planProblem(actor, units, plan, targetId, input);
    if (problem) return problem;
    const id = targetId ?? `target-${randomUUID()}`;
    if (targetId) {
      const before = await tx.target.findUnique({ where: { id } });
      // The optimistic lock, as a result's (lib/data/results/save.ts): the version named, moved on by one.
      const r = await tx.target.updateMany({ where: { id, planId, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (r.count !== 1) return targetStale(before?.version ?? 0, input.version!);
      await writeAudit(tx, { actor, action: "target.update", entity: "target", entityId: id, before, after: { ...data, version: input.version! + 1 } });
    } else {
      const position = Math.max(0, ...plan!.targets.map((t) => t.position)) + 1;
      await tx.target.create({ data: { id, planId, position, status: "DRAFT", ...data } });
      await writeAudit(tx, { actor, action: "target.create", entity: "target", entityId: id, after: data });
    }
    await tx.plan.update({ where: { id: planId }, data: { updatedAt: new Date() } });
    return { ok: true, id };
  }, TX_OPTIONS);
}

/**
 * Deletes a target of a draft plan that has no sub-targets and no results (a target with results
 * is refused, saying how many: the results are kept, never deleted with it). `version`, when the
 * caller names it (the edit page does), must still be the stored one. Checked on the locked plan
 * and the locked target: a result being written for it meanwhile is waited for and counted, and
 * one written after waits for the delete and is then refused by the database, never lost unaudited.
 */
export async function deleteTarget(sessionActor: TActor, targetId: string, version?: unknown): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const v = ZTargetVersion.safeParse(version);
  if (!v.success) return invalid(zodProblems(v.error, "version"));
  const expected = v.data;
  const seen = await db().target.findUnique({ where: { id: targetId }, select: { planId: true, plan: { select: { status: true, issuerUnitId: true } } } });
  const units = await listUnits();
  const planChecks = (plan: { status: string; issuerUnitId: string } | null): TFailure | null => {
    if (!plan) return failure("not_found", { code: "target_not_found" });
    if (!can(actor, "plan.edit", units, plan.issuerUnitId)) return forbidden();
    return plan.status === "PUBLISHED" ? locked() : null;
  };
  if (!seen) return failure("not_found", { code: "target_not_found" });
  const early = planChecks(seen.plan);
  if (early) return early;
  return db().$transaction(async (tx): Promise<TWriteOutcome> => {
    // Checked again on the locked plan, then on the locked target.
    const problem = planChecks(await lockPlan(tx, seen.planId));
    if (problem) return problem;
    // FOR UPDATE waits for any transaction writing a result of this target (its foreign key
    // check holds the row), and makes any later one wait for this transaction.
    const [target] = await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "target" WHERE "id" = ${targetId} AND "planId" = ${seen.planId} FOR UPDATE`;
    if (!target) return failure("not_found", { code: "target_not_found" });
    if (expected !== undefined && expected !== target.version) return targetStale(target.version, expected);
    if ((await tx.target.count({ where: { parentId: targetId } })) > 0) return failure("conflict", { code: "target_has_children" });
    const results = await tx.result.count({ where: { targetId } });
    if (results > 0) return failure("conflict", { code: "target_has_results", params: { count: results } });
    const before = await tx.target.findUnique({ where: { id: targetId } });
    await tx.target.delete({ where: { id: targetId } });
    await writeAudit(tx, { actor, action: "target.delete", entity: "target", entityId: targetId, before });
    return { ok: true, id: targetId };
  }, TX_OPTIONS);
}

/** A plan as its editor needs it (any status), or null when missing or outside the actor's jurisdiction. */
export async function getPlanForEdit(actor: TActor, id: string) {
  const plan = await db().plan.findUnique({
    where: { id },
    select: {
      ...planEditSelect,
      issuerUnit: { select: { key: true, code: true, name: true } },
      programme: { select: { code: true } },
      targets: {
        orderBy: { position: "asc" },
        select: { ...targetSelect, status: true, version: true, _count: { select: { results: true } } },
      },
    },
  });
  if (!plan) return null;
  if (!can(actor, "plan.edit", await listUnits(), plan.issuerUnitId)) return null;
  return plan;
}

/**
 * What the authoring forms offer: indicators, programmes, population groups, and where the unit
 * pickers search. Units are not listed (about 13.400 of them): the pickers search the registry
 * (GET /api/v1/units) `within` the actor's units (its own, and the successor its unit went into
 * wholly: jurisdictionRoots), with those units themselves offered first; an administrator
 * searches every unit. The server checks jurisdiction and the period again on every save.
 */
export async function listAuthoringChoices(actor: TActor) {
  const units = await listUnits();
  const [indicators, programmes, groups] = await Promise.all([
    db().indicator.findMany({ select: { code: true, name: true, measureUnit: true, measure: true }, orderBy: { name: "asc" } }),
    db().programme.findMany({ select: { code: true, name: true }, orderBy: { periodStart: "desc" } }),
    listGroups(),
  ]);
  const roots = actor.role === "ADMIN" ? null : jurisdictionRoots(actor, units).flatMap((id) => units.find((u) => u.id === id)?.key ?? []);
  const ownUnits = roots ? [...(await getUnitHitsByKey(roots)).values()] : [];
  return {
    indicators,
    programmes,
    groups,
    unitSearch: {
      /** Keys whose units lie in the actor's jurisdiction; null: everywhere (administrators). */
      within: roots,
      /** Plans and targets are for provinces, districts and communes (never the nation). */
      levels: ["PROVINCE", "DISTRICT", "COMMUNE"] as TUnitLevel[],
      /** The actor's own units, offered first (jurisdictionRoots order: its unit, then its successor). */
      ownUnits: roots ? roots.flatMap((k) => ownUnits.filter((u) => u.key === k)) : [],
    },
  };
}
