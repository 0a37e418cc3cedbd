import "server-only";
// next-auth configuration: credentials (email + password), JWT sessions of 8 hours.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../db/client";
import { settings } from "../env";
import { writeAuditStandalone } from "./audit-sign-in";
import { verifyPassword } from "./password";
import { clearSignInFailures, rateLimitKeys, recordSignInFailure, signInBlockedMinutes } from "./rate-limit";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

const ZCredentials = z.object({
  email: z.string().trim().toLowerCase().max(200).email(),
  password: z.string().min(1).max(200),
});

/** Error codes the sign-in page turns into messages (next-auth passes Error.message through). */
export const SIGN_IN_ERRORS = ["invalid", "disabled", "throttled"] as const;

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const h = headers ?? {};
  const fwd = String(h["x-forwarded-for"] ?? "").split(",")[0]?.trim();
  return fwd || String(h["x-real-ip"] ?? "") || null;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S, updateAge: 60 * 60 },
  jwt: { maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  secret: settings().NEXTAUTH_SECRET,
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Mật khẩu", type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZCredentials.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error("invalid");
        const { email, password } = parsed.data;
        const ip = clientIp(req?.headers as Record<string, unknown> | undefined);
        const keys = rateLimitKeys(email, ip);
        const wait = signInBlockedMinutes(keys);
        if (wait > 0) {
          await writeAuditStandalone({ action: "sign_in.throttled", actorLabel: email, ip });
          throw new Error(`throttled:${wait}`);
        }
        const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabled: true } });
        const ok = user ? await verifyPassword(password, user.passwordHash) : false;
        if (!user || !ok) {
          recordSignInFailure(keys);
          await writeAuditStandalone({ action: "sign_in.failed", actorLabel: email, ip, actorId: user?.id ?? null });
          throw new Error("invalid");
        }
        if (user.disabled) {
          await writeAuditStandalone({ action: "sign_in.disabled", actorLabel: email, ip, actorId: user.id });
          throw new Error("disabled");
        }
        clearSignInFailures([`email:${email}`]);
        await writeAuditStandalone({ action: "sign_in.ok", actorLabel: email, ip, actorId: user.id });
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.signedInAt = Date.now();
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string, signedInAt: token.signedInAt as number };
    },
  },
};
