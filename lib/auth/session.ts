import "server-only";
// The signed-in actor for pages, server actions and route handlers. The account
// is re-read on every call, so a disabled account or a changed password ends
// its sessions at once; a session ends 8 hours after sign-in however often it
// was refreshed (lib/auth/session-age.ts); and an account whose password an administrator set
// (mustChangePassword, lib/auth/first-password.ts) is sent to its account page
// by requireActor until its holder chooses a new one.
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "../errors";
import { cache } from "react";
import { db } from "../db/client";
import { mustChangePasswordFirst, PASSWORD_CHANGE_PATH, type TSessionActor } from "./first-password";
import { authOptions } from "./options";
import { sessionWithinLifetime } from "./session-age";

type SessionWithUid = { uid?: string; signedInAt?: number };

export type { TSessionActor } from "./first-password";

export const getActor = cache(async (): Promise<TSessionActor | null> => {
  const session = (await getServerSession(authOptions)) as SessionWithUid | null;
  if (!session?.uid) return null;
  // The jwt callback refuses an old session already; this holds even if a token got past it.
  if (!sessionWithinLifetime(session.signedInAt)) return null;
  const user = await db().user.findUnique({
    where: { id: session.uid },
    select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true, passwordChangedAt: true, mustChangePassword: true },
  });
  if (!user || user.disabled) return null;
  // A password change after this session began ends it (1 s tolerance for the change made in this session).
  if (user.passwordChangedAt.getTime() > session.signedInAt + 1000) return null;
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

/**
 * For workspace route handlers (the grid and audit downloads): the actor, the redirect a browser
 * gets instead, or null. A signed-out browser is sent to sign in and come back to `returnTo`;
 * one who must choose a new password first is sent to the account page (a program gets 403
 * `password_change_first`). Null: signed out, not a browser; the route answers its own 401.
 */
export async function actorForRoute(req: Request, returnTo: string): Promise<TSessionActor | Response | null> {
  const actor = await getActor();
  const browser = (req.headers.get("accept") ?? "").includes("text/html");
  if (!actor) return browser ? seeOther(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`) : null;
  if (mustChangePasswordFirst(actor)) {
    if (browser) return seeOther(PASSWORD_CHANGE_PATH);
    throw new AppError("forbidden", { code: "password_change_first" });
  }
  return actor;
}

/**
 * A 303 to a path of this site, as a relative Location: the browser stays on the host it asked
 * (the server's own idea of its address, in `req.url`, may differ: 127.0.0.1, a proxy's name).
 */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "private, no-store" } });
}
