"use server";
// Server actions of plan authoring, on the one pipeline (lib/actions/pipeline.ts): each reads
// its form, calls a data function of lib/data/plans-write.ts (which validates, authorizes per
// resource and answers a TFailure when it refuses) and says what happened; the pipeline
// revalidates the plan's pages. Nothing here decides permissions.
import { defineAction, type TParsed } from "@/lib/actions/pipeline";
import { createPlan, deleteTarget, previewPublishPlan, publishPlan, reopenPlan, saveTarget, updatePlan } from "@/lib/data/plans-write";
import { publishQuestion } from "@/lib/i18n/authoring";
import type { TFailure } from "@/lib/errors";
import type { TActionState } from "@/lib/validation/action-state";

/** The extra field of an answer that, on success, goes on to another page. */

/** The form as the data function takes it (it validates; nothing to refuse here). */
const read =
  <I>(fields: (fd: FormData) => I) =>
  (fd: FormData): TParsed<I> => ({ ok: true, data: fields(fd) });

const text = (fd: FormData, key: string) => String(fd.get(key) ?? "");

/** Lists arrive as JSON in one hidden field; bounded so a crafted post cannot flood the server. */
function jsonList(fd: FormData, name: string): unknown[] {
  const raw = text(fd, name) || "[]";
  if (raw.length > 200_000) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function planFields(fd: FormData) {
  const f = (k: string) => text(fd, k);
  return {
    code: f("code"),
    type: f("type"),
    issuer: f("issuer"),
    issuerUnitCode: f("issuerUnitCode"),
    issuedOn: f("issuedOn"),
    title: f("title"),
    summary: f("summary"),
    periodStart: f("periodStart"),
    periodEnd: f("periodEnd"),
    programmeCode: f("programmeCode"),
    sourceUrl: f("sourceUrl"),
    sourceNote: f("sourceNote"),
    citations: jsonList(fd, "citations"),
    tasks: jsonList(fd, "tasks"),
  };
}

function targetFields(fd: FormData) {
  const f = (k: string) => text(fd, k);
  return {
    indicatorCode: f("indicatorCode"),
    unitCode: f("unitCode"),
    groupCode: f("groupCode"),
    kind: f("kind"),
    lower: f("lower"),
    upper: f("upper"),
    strict: fd.get("strict") === "on",
    approximate: fd.get("approximate") === "on",
    baseline: f("baseline"),
    periodStart: f("periodStart"),
    periodEnd: f("periodEnd"),
    annual: fd.get("annual") === "on",
    parentId: f("parentId"),
    equivalentValue: f("equivalentValue"),
    equivalentUnit: f("equivalentUnit"),
    statement: f("statement"),
    // The version the form was opened on (an edit is refused when the target moved since).
    version: f("version"),
  };
}

/** Every page a plan shows on. */
const planPaths = (planId: string) => ["/workspace", `/workspace/plans/${planId}/edit`, `/plans/${planId}`, "/plans", "/"];

/** A refusal as the authoring forms show it: for invalid input, "fix the marked fields" above the fields' own messages. */
function refused(r: TFailure): TFailure {
  return r.kind === "invalid" && r.problems.every((p) => p.field) ? { ...r, problems: [{ code: "fix_marked_fields" }, ...r.problems] } : r;
}

export const createPlanAction = defineAction<ReturnType<typeof planFields>>({
  input: read(planFields),
  run: async (plan, { actor }) => {
    const r = await createPlan(actor, plan);
    return r.ok ? { ok: true, next: `/workspace/plans/${r.id}/edit?created=1` } : refused(r);
  },
  // A new plan's own pages have never been shown: nothing of them to revalidate.
  revalidate: () => ["/workspace", "/plans", "/"],
});

export const updatePlanAction = defineAction<{ id: string; plan: ReturnType<typeof planFields>; updatedAt: string }>({
  input: read((fd) => ({ id: text(fd, "planId"), plan: planFields(fd), updatedAt: text(fd, "updatedAt") })),
  run: async ({ id, plan, updatedAt }, { actor, m }) => {
    const r = await updatePlan(actor, id, plan, updatedAt);
    return r.ok ? { ok: true, message: m.authoring.planSaved } : refused(r);
  },
  revalidate: ({ id }) => planPaths(id),
});

export const publishPlanAction = defineAction<{ id: string }>({
  input: read((fd) => ({ id: text(fd, "planId") })),
  // Asked first, from what would be published (an empty plan is refused here already).
  confirm: async ({ id }, { actor, m }) => {
    const p = await previewPublishPlan(actor, id);
    return p.ok ? publishQuestion(m.authoring, p.code ?? `“${p.title}”`, p.targets) : refused(p);
  },
  run: async ({ id }, { actor }) => {
    const r = await publishPlan(actor, id);
    return r.ok ? { ok: true, next: `/workspace/plans/${id}/edit?done=published` } : refused(r);
  },
  revalidate: ({ id }) => planPaths(id),
});

export const reopenPlanAction = defineAction<{ id: string; reason: string }>({
  input: read((fd) => ({ id: text(fd, "planId"), reason: text(fd, "reason") })),
  run: async ({ id, reason }, { actor }) => {
    const r = await reopenPlan(actor, id, reason);
    return r.ok ? { ok: true, next: `/workspace/plans/${id}/edit?done=reopened` } : refused(r);
  },
  revalidate: ({ id }) => planPaths(id),
});

export const saveTargetAction = defineAction<{ planId: string; targetId: string | null; target: ReturnType<typeof targetFields> }>({
  input: read((fd) => ({ planId: text(fd, "planId"), targetId: text(fd, "targetId") || null, target: targetFields(fd) })),
  run: async ({ planId, targetId, target }, { actor, m }) => {
    const r = await saveTarget(actor, planId, targetId, target);
    return r.ok ? { ok: true, message: targetId ? m.authoring.targetSaved : m.authoring.targetAdded, savedId: r.id } : refused(r);
  },
  revalidate: ({ planId }) => planPaths(planId),
});

export const deleteTargetAction = defineAction<{ planId: string; targetId: string; version: string }>({
  input: read((fd) => ({ planId: text(fd, "planId"), targetId: text(fd, "targetId"), version: text(fd, "version") })),
  run: async ({ targetId, version }, { actor, m }) => {
    const r = await deleteTarget(actor, targetId, version);
    return r.ok ? { ok: true, message: m.authoring.targetDeleted } : refused(r);
  },
  revalidate: ({ planId }) => planPaths(planId),
});
