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
import { ZPlanInput, ZTargetInput } from "../validation/plans-write";
import { getGroupByCode, listGroups } from "./groups";
import { writeAudit } from "./audit";
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
    const ok = await db().$transaction(async (tx) => {
      const r = await tx.plan.updateMany({ where: { id, updatedAt: before.updatedAt, status: { not: "PUBLISHED" } }, data });
      if (r.count === 0) return false;
      await writeChildren(tx, id, input);
      await writeAudit(tx, { actor, action: "plan.update", entity: "plan", entityId: id, before, after: { ...data, citations: input.citations, tasks: input.tasks } });
      return true;
    });
    return ok ? { ok: true, id } : stale();
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
 * 6 chỉ tiêu?" is asked from this, and publishPlan makes the same checks again when it writes.
 */
export async function previewPublishPlan(sessionActor: TActor, id: string): Promise<TPublishPreview> {
  const actor = await currentActor(sessionActor);
  return actor ? publishChecks(actor, id) : forbidden();
}

async function publishChecks(actor: TActor, id: string): Promise<TPublishPreview> {
  const plan = await db().plan.findUnique({ where: { id }, select: { id: true, code: true, title: true, status: true, issuerUnitId: true, _count: { select: { targets: true } } } });
  if (!plan) return notFound();
  if (!can(actor, "plan.publish", await listUnits(), plan.issuerUnitId)) return failure("forbidden", { code: "publish_forbidden" });
  if (plan.status === "PUBLISHED") return failure("conflict", { code: "plan_published" });
  // A plan without a target would show the public an empty promise: refused, saying what is missing.
  if (plan._count.targets === 0) return failure("conflict", { code: "plan_no_targets" });
  return { ok: true, id: plan.id, code: plan.code, title: plan.title, status: plan.status, targets: plan._count.targets };
}

/** Publishes a plan and all its targets (a plan with at least one target: an empty plan is refused, "plan_no_targets"). */
export async function publishPlan(sessionActor: TActor, id: string): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const preview = await publishChecks(actor, id);
  if (!preview.ok) return preview;
  const published = await db().$transaction(async (tx) => {
    const now = new Date();
    // Still a draft with targets when written (a target deleted or a publish by someone else in between refuses).
    const r = await tx.plan.updateMany({ where: { id, status: { not: "PUBLISHED" }, targets: { some: {} } }, data: { status: "PUBLISHED", publishedAt: now } });
    if (r.count === 0) return false;
    await tx.target.updateMany({ where: { planId: id }, data: { status: "PUBLISHED" } });
    await writeAudit(tx, { actor, action: "plan.publish", entity: "plan", entityId: id, before: { status: preview.status }, after: { status: "PUBLISHED", publishedAt: now, targets: preview.targets } });
    return true;
  });
  if (!published) {
    const again = await publishChecks(actor, id);
    return again.ok ? failure("conflict", { code: "plan_stale" }) : again;
  }
  return { ok: true, id };
}

const REOPEN_REASON_MIN = 5;

/** Takes a published plan back to draft (its targets too), with a reason kept in the audit log. */
export async function reopenPlan(sessionActor: TActor, id: string, reason: string): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const why = reason.trim();
  if (why.length < REOPEN_REASON_MIN) return invalid([{ code: "reopen_reason", field: "reason", params: { min: REOPEN_REASON_MIN } }]);
  const plan = await db().plan.findUnique({ where: { id }, select: { id: true, status: true, issuerUnitId: true } });
  if (!plan) return notFound();
  if (!can(actor, "plan.publish", await listUnits(), plan.issuerUnitId)) return forbidden();
  if (plan.status !== "PUBLISHED") return failure("conflict", { code: "plan_not_published" });
  await db().$transaction(async (tx) => {
    await tx.plan.update({ where: { id }, data: { status: "DRAFT", publishedAt: null } });
    await tx.target.updateMany({ where: { planId: id }, data: { status: "DRAFT" } });
    await writeAudit(tx, { actor, action: "plan.reopen", entity: "plan", entityId: id, before: { status: "PUBLISHED" }, after: { status: "DRAFT" }, reason: why.slice(0, 1000) });
  });
  return { ok: true, id };
}

/** Adds (targetId null) or edits a target of an editable plan. */
export async function saveTarget(sessionActor: TActor, planId: string, targetId: string | null, raw: unknown): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const plan = await db().plan.findUnique({ where: { id: planId }, select: { id: true, status: true, issuerUnitId: true, targets: { select: { id: true, parentId: true, position: true } } } });
  if (!plan) return notFound();
  const units = await listUnits();
  if (!can(actor, "plan.edit", units, plan.issuerUnitId)) return forbidden();
  if (plan.status === "PUBLISHED") return locked();
  const existing = targetId ? plan.targets.find((t) => t.id === targetId) : undefined;
  if (targetId && !existing) return failure("not_found", { code: "target_not_in_plan" });
  const parsed = ZTargetInput.safeParse(raw);
  if (!parsed.success) return invalid(zodProblems(parsed.error));
  const input = parsed.data;
  const unit = units.find((u) => u.key === input.unitCode);
  if (!unit) return invalidField("unitCode", "no_unit_with_code");
  if (!can(actor, "plan.edit", units, unit.id)) return invalidField("unitCode", "unit_out_of_scope");
  const outside = unitOutsidePeriod(unit, units, input.periodStart, input.periodEnd, "unitCode");
  if (outside) return outside;
  const indicator = input.indicatorCode
    ? await db().indicator.findUnique({ where: { code: input.indicatorCode }, select: { id: true, name: true, measureUnit: true } })
    : null;
  if (input.indicatorCode && !indicator) return invalidField("indicatorCode", "indicator_not_found");
  if (input.kind !== "QUALITATIVE" && !indicator) return invalidField("indicatorCode", "indicator_required");
  const group = await getGroupByCode(input.groupCode ?? WHOLE_POPULATION);
  if (!group) return invalidField("groupCode", "group_not_found");
  // "Trong đó": the parent is another target of the same plan, and no cycle.
  if (input.parentId) {
    const byId = new Map(plan.targets.map((t) => [t.id, t]));
    if (!byId.has(input.parentId) || input.parentId === targetId) return invalidField("parentId", "parent_not_in_plan");
    for (let p = byId.get(input.parentId), depth = 0; p && depth < 20; p = p.parentId ? byId.get(p.parentId) : undefined, depth++) {
      if (p.id === targetId) return invalidField("parentId", "parent_cycle");
    }
  }
  if (input.kind === "SHARE_OF_PARENT" && !input.parentId) return invalidField("parentId", "parent_required");
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
  const id = targetId ?? `target-${randomUUID()}`;
  await db().$transaction(async (tx) => {
    if (existing) {
      const before = await tx.target.findUnique({ where: { id } });
      await tx.target.update({ where: { id }, data });
      await writeAudit(tx, { actor, action: "target.update", entity: "target", entityId: id, before, after: data });
    } else {
      const position = Math.max(0, ...plan.targets.map((t) => t.position)) + 1;
      await tx.target.create({ data: { id, planId, position, status: "DRAFT", ...data } });
      await writeAudit(tx, { actor, action: "target.create", entity: "target", entityId: id, after: data });
    }
    await tx.plan.update({ where: { id: planId }, data: { updatedAt: new Date() } });
  });
  return { ok: true, id };
}

export async function deleteTarget(sessionActor: TActor, targetId: string): Promise<TWriteOutcome> {
  const actor = await currentActor(sessionActor);
  if (!actor) return forbidden();
  const t = await db().target.findUnique({
    where: { id: targetId },
    select: { id: true, planId: true, plan: { select: { status: true, issuerUnitId: true } }, _count: { select: { results: true, children: true } } },
  });
  if (!t) return failure("not_found", { code: "target_not_found" });
  if (!can(actor, "plan.edit", await listUnits(), t.plan.issuerUnitId)) return forbidden();
  if (t.plan.status === "PUBLISHED") return locked();
  if (t._count.children > 0) return failure("conflict", { code: "target_has_children" });
  if (t._count.results > 0) return failure("conflict", { code: "target_has_results" });
  await db().$transaction(async (tx) => {
    const before = await tx.target.findUnique({ where: { id: targetId } });
    await tx.target.delete({ where: { id: targetId } });
    await writeAudit(tx, { actor, action: "target.delete", entity: "target", entityId: targetId, before });
  });
  return { ok: true, id: targetId };
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
        select: { ...targetSelect, status: true, _count: { select: { results: true } } },
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
