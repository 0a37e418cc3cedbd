"use server";
// The signed-in person's own personal access tokens (permission token.own).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actionContext, actionFailure, localizeFieldErrors } from "@/lib/auth/action-context";
import { can } from "@/lib/auth/permissions";
import { createToken, revokeToken } from "@/lib/data/tokens";
import type { TActionState, TSecretActionState } from "@/lib/validation/action-state";
import { fieldErrorsOf, ZTokenName } from "@/lib/validation/accounts";

const PATH = "/workspace/tokens";

export async function createTokenAction(_prev: TSecretActionState, fd: FormData): Promise<TSecretActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  const raw = fd.get("name");
  const values = { name: typeof raw === "string" ? raw : "" };
  const parsed = z.object({ name: ZTokenName }).safeParse({ name: raw ?? undefined });
  if (!parsed.success) return { ok: false, values, fieldErrors: localizeFieldErrors(fieldErrorsOf(parsed.error), ctx.locale) };
  if (!can(ctx.actor, "token.own")) return { ok: false, message: ctx.t.common.forbidden };
  try {
    const created = await createToken(ctx.actor, parsed.data.name, { ip: ctx.ip });
    revalidatePath(PATH);
    return { ok: true, message: ctx.t.tokens.created, secret: created.token };
  } catch (e) {
    return { ...actionFailure(e, ctx), values };
  }
}

export async function revokeTokenAction(_prev: TActionState, fd: FormData): Promise<TActionState> {
  const ctx = await actionContext();
  if (!ctx.actor) return { ok: false, message: ctx.t.common.sessionEnded };
  const parsed = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/) }).safeParse({ id: fd.get("id") });
  if (!parsed.success) return { ok: false, message: ctx.t.common.unexpected };
  if (!can(ctx.actor, "token.own")) return { ok: false, message: ctx.t.common.forbidden };
  try {
    const r = await revokeToken(ctx.actor, parsed.data.id, { ip: ctx.ip });
    revalidatePath(PATH);
    return { ok: true, message: r.alreadyRevoked ? ctx.t.tokens.alreadyRevoked : ctx.t.tokens.revoked };
  } catch (e) {
    return actionFailure(e, ctx);
  }
}
