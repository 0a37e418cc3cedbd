// The first sign-in password change (docs/domain.md, "Accounts"): an account an administrator
// created, or whose password an administrator reset (on the web or with `npm run admin`), holds
// a password someone else knows. Until its holder chooses a new one (User.mustChangePassword),
// every workspace page and server action sends them to their account page, and the write API
// refuses their tokens (403). Pure: no database, no "server-only"; the gates are in
// lib/auth/session.ts (requireActor: pages), lib/actions/pipeline.ts (server actions) and
// lib/data/tokens.ts (actorFromBearer: the write API), all asking `mustChangePasswordFirst`.
import type { TActor } from "./permissions";

/** The signed-in actor as the session reads it: the permission rules' actor, and whether a new password is due. */
export type TSessionActor = TActor & { mustChangePassword?: boolean };

/** Where a person who must choose a new password is sent (the page that lets them). */
export const PASSWORD_CHANGE_PATH = "/workspace/account";

/** True when the actor must choose a new password before anything else. */
export function mustChangePasswordFirst(actor: { mustChangePassword?: boolean } | null | undefined): boolean {
  return actor?.mustChangePassword === true;
}
