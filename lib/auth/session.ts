import "server-only";
// The signed-in actor for pages, server actions and route handlers. The account
// is re-read on every call, so a disabled account or a changed password ends
// its sessions at once, and an account whose password an administrator set
// (mustChangePassword, lib/auth/first-password.ts) is sent to its account page
// by requireActor until its holder chooses a new one.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { mustChangePasswordFirst, PASSWORD_CHANGE_PATH, type TSessionActor } from "./first-password";
import { authOptions } from "./options";

type SessionWithUid = { uid?: string; signedInAt?: number };

export type { TSessionActor } from "./first-password";

export const getActor = cache(async (): Promise<TSessionActor | null> => {
  const session = (await getServerSession(authOptions)) as SessionWithUid | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true, passwordChangedAt: true, mustChangePassword: true },
  });
  if (!user || user.disabled) return null;
  // A password change after this session began ends it (1 s tolerance for the change made in this session).
  if (session.signedInAt && user.passwordChangedAt.getTime() > session.signedInAt + 1000) return null;
  return { id: user.id, role: user.role, unitId: user.unitId, email: user.email, name: user.name, mustChangePassword: user.mustChangePassword };
});

/**
 * For workspace pages: the actor, or a redirect to the sign-in page that comes back here. An
 * actor who must choose a new password first is sent to the account page (which passes
 * `beforePasswordChange`: it is where they choose it).
 */
export async function requireActor(returnTo: string, opts: { beforePasswordChange?: boolean } = {}): Promise<TSessionActor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (mustChangePasswordFirst(actor) && !opts.beforePasswordChange) redirect(PASSWORD_CHANGE_PATH);
  return actor;
}
