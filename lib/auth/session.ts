import "server-only";
// The signed-in actor for pages, server actions and route handlers. The account
// is re-read on every call, so a disabled account or a changed password ends
// its sessions at once.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db/client";
import { authOptions } from "./options";
import type { TActor } from "./permissions";

type SessionWithUid = { uid?: string; signedInAt?: number };

export const getActor = cache(async (): Promise<TActor | null> => {
  const session = (await getServerSession(authOptions)) as SessionWithUid | null;
  if (!session?.uid) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true, passwordChangedAt: true },
  });
  if (!user || user.disabled) return null;
  // A password change after this session began ends it (1 s tolerance for the change made in this session).
  if (session.signedInAt && user.passwordChangedAt.getTime() > session.signedInAt + 1000) return null;
  return { id: user.id, role: user.role, unitId: user.unitId, email: user.email, name: user.name };
});

/** For workspace pages: the actor, or a redirect to the sign-in page that comes back here. */
export async function requireActor(returnTo: string): Promise<TActor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
