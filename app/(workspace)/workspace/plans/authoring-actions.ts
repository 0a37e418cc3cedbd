"use server";
// Server actions of plan authoring. Each: session → parse FormData → data layer
// (which authorizes per resource) → revalidate → result. Nothing here decides
// permissions.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { createPlan, deleteTarget, publishPlan, reopenPlan, saveTarget, updatePlan, type TWriteOutcome } from "@/lib/data/plans-write";

export type TActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string>; savedAt?: number };

const signedOut: TActionState = { ok: false, message: "Phiên làm việc đã kết thúc. Vui lòng đăng nhập lại." };

function toState(r: TWriteOutcome, okMessage: string): TActionState {
  return r.ok ? { ok: true, message: okMessage, savedAt: Date.now() } : { ok: false, message: r.message, fieldErrors: r.fieldErrors };
}

/** Lists arrive as JSON in one hidden field; bounded so a crafted post cannot flood the server. */
function jsonList(form: FormData, name: string): unknown[] {
  const raw = String(form.get(name) ?? "[]");
  if (raw.length > 200_000) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

function planFields(form: FormData) {
  const f = (k: string) => String(form.get(k) ?? "");
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
    citations: jsonList(form, "citations"),
    tasks: jsonList(form, "tasks"),
  };
}

function refresh(planId: string) {
  revalidatePath("/workspace");
  revalidatePath(`/workspace/plans/${planId}/edit`);
  revalidatePath(`/plans/${planId}`);
  revalidatePath("/plans");
  revalidatePath("/");
}

export async function createPlanAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const r = await createPlan(actor, planFields(form));
  if (!r.ok) return toState(r, "");
  refresh(r.id);
  redirect(`/workspace/plans/${r.id}/edit?created=1`);
}

export async function updatePlanAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const id = String(form.get("planId") ?? "");
  const r = await updatePlan(actor, id, planFields(form), String(form.get("updatedAt") ?? ""));
  if (r.ok) refresh(id);
  return toState(r, "Đã lưu kế hoạch.");
}

export async function publishPlanAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const id = String(form.get("planId") ?? "");
  const r = await publishPlan(actor, id);
  if (!r.ok) return toState(r, "");
  refresh(id);
  redirect(`/workspace/plans/${id}/edit?done=published`);
}

export async function reopenPlanAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const id = String(form.get("planId") ?? "");
  const r = await reopenPlan(actor, id, String(form.get("reason") ?? ""));
  if (!r.ok) return toState(r, "");
  refresh(id);
  redirect(`/workspace/plans/${id}/edit?done=reopened`);
}

export async function saveTargetAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const planId = String(form.get("planId") ?? "");
  const targetId = String(form.get("targetId") ?? "") || null;
  const f = (k: string) => String(form.get(k) ?? "");
  const r = await saveTarget(actor, planId, targetId, {
    indicatorCode: f("indicatorCode"),
    unitCode: f("unitCode"),
    groupCode: f("groupCode"),
    kind: f("kind"),
    lower: f("lower"),
    upper: f("upper"),
    strict: form.get("strict") === "on",
    approximate: form.get("approximate") === "on",
    baseline: f("baseline"),
    periodStart: f("periodStart"),
    periodEnd: f("periodEnd"),
    annual: form.get("annual") === "on",
    parentId: f("parentId"),
    equivalentValue: f("equivalentValue"),
    equivalentUnit: f("equivalentUnit"),
    statement: f("statement"),
  });
  if (r.ok) refresh(planId);
  return toState(r, targetId ? "Đã lưu chỉ tiêu." : "Đã thêm chỉ tiêu.");
}

export async function deleteTargetAction(_prev: TActionState, form: FormData): Promise<TActionState> {
  const actor = await getActor();
  if (!actor) return signedOut;
  const planId = String(form.get("planId") ?? "");
  const r = await deleteTarget(actor, String(form.get("targetId") ?? ""));
  if (r.ok) refresh(planId);
  return toState(r, "Đã xóa chỉ tiêu.");
}
