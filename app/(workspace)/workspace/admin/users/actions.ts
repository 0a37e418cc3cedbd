"use server";
// Account management (administrators, permission user.manage). Each action:
// actor → parse → permission → data layer (which checks again) → revalidate → ActionState.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionContext, actionFailure, localizeFieldErrors } from "@/lib/auth/action-context";
import { can } from "@/lib/auth/permissions";
import { createAccount, resetAccountPassword, setAccountDisabled, updateAccount } from "@/lib/data/accounts";
import type { TActionState, TSecretActionState } from "@/lib/validation/action-state";
import { fieldErrorsOf, ZUserCreate, ZUserUpdate } from "@/lib/validation/accounts";

const PATH = "/workspace/admin/users";
const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/);
const text = (fd: FormData, key: string) => {
  const v = fd.get(key);
  return typeof v === "string" ? v : undefined;
};

export async function createUserAction(_prev: TSecretActionState, fd: FormData): Promise<TSecretActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  // Echoed back on failure so the form keeps what was typed (never the password).
  const values = { email: text(fd, "email") ?? "", name: text(fd, "name") ?? "", role: text(fd, "role") ?? "", unitCode: text(fd, "unitCode") ?? "" };
  const parsed = ZUserCreate.safeParse({ ...values, password: text(fd, "password") });
  if (!parsed.success) return { ok: false, values, fieldErrors: localizeFieldErrors(fieldErrorsOf(parsed.error), ctx.locale) };
  if (!can(ctx.actor, "user.manage")) return { ok: false, message: ctx.t.common.forbidden };
  try {
    const r = await createAccount(ctx.actor, { ...parsed.data, unitCode: parsed.data.unitCode ?? "" }, { ip: ctx.ip });
    revalidatePath(PATH);
    return r.generated
      ? { ok: true, message: ctx.t.users.created(r.account.email), secret: r.password }
      : { ok: true, message: ctx.t.users.createdGiven(r.account.email) };
  } catch (e) {
    return { ...actionFailure(e, ctx), values };
  }
}

export async function updateUserAction(_prev: TActionState, fd: FormData): Promise<TActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  const id = ZId.safeParse(text(fd, "id"));
  const parsed = ZUserUpdate.safeParse({ role: text(fd, "role"), unitCode: text(fd, "unitCode") });
  if (!id.success) return { ok: false, message: ctx.t.common.unexpected };
  if (!parsed.success) return { ok: false, fieldErrors: localizeFieldErrors(fieldErrorsOf(parsed.error), ctx.locale) };
  if (!can(ctx.actor, "user.manage")) return { ok: false, message: ctx.t.common.forbidden };
  try {
    await updateAccount(ctx.actor, id.data, { role: parsed.data.role, unitCode: parsed.data.unitCode ?? "" }, { ip: ctx.ip });
    revalidatePath(PATH);
    return { ok: true, message: ctx.t.users.saved };
  } catch (e) {
    return actionFailure(e, ctx);
  }
}

export async function setUserDisabledAction(_prev: TActionState, fd: FormData): Promise<TActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  const parsed = z.object({ id: ZId, disabled: z.enum(["true", "false"]) }).safeParse({ id: text(fd, "id"), disabled: text(fd, "disabled") });
  if (!parsed.success) return { ok: false, message: ctx.t.common.unexpected };
  if (!can(ctx.actor, "user.manage")) return { ok: false, message: ctx.t.common.forbidden };
  const disabled = parsed.data.disabled === "true";
  try {
    await setAccountDisabled(ctx.actor, parsed.data.id, disabled, { ip: ctx.ip });
    revalidatePath(PATH);
    return { ok: true, message: disabled ? ctx.t.users.disabledDone : ctx.t.users.enabledDone };
  } catch (e) {
    return actionFailure(e, ctx);
  }
}

export async function resetPasswordAction(_prev: TSecretActionState, fd: FormData): Promise<TSecretActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  const id = ZId.safeParse(text(fd, "id"));
  if (!id.success) return { ok: false, message: ctx.t.common.unexpected };
  if (!can(ctx.actor, "user.manage")) return { ok: false, message: ctx.t.common.forbidden };
  try {
    const r = await resetAccountPassword(ctx.actor, id.data, { ip: ctx.ip });
    revalidatePath(PATH);
    return { ok: true, message: ctx.t.users.resetDone, secret: r.password };
  } catch (e) {
    return actionFailure(e, ctx);
  }
}
