import "server-only";
// next-auth configuration: credentials (email + password, lib/auth/sign-in.ts), JWT sessions that
// end 8 hours after sign-in however often they are refreshed (lib/auth/session-age.ts), and
// redirects to paths of this site only (lib/auth/safe-return.ts). SECURITY.md, "Sign-in".
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { settings } from "../env";
import { safeReturnPath } from "./safe-return";
import { SESSION_MAX_AGE_S, sessionWithinLifetime } from "./session-age";
import { attemptSignIn } from "./sign-in";

export { SESSION_MAX_AGE_S };

/** Thrown by the jwt callback for a session past its 8 hours: next-auth then drops the cookie and answers "no session". */
export class SessionExpiredError extends Error {
  constructor() {
    super("session_expired");
    this.name = "SessionExpiredError";
  }
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
        // req.headers: a plain object (next/headers), holding the address scripts/serve.ts set.
        let result: Awaited<ReturnType<typeof attemptSignIn>>;
        try {
          result = await attemptSignIn(credentials, req?.headers);
        } catch (e) {
          // next-auth would hand the message to the browser: log it here, and say only "could not sign in".
          console.error("sign-in failed unexpectedly", e);
          throw new Error("unavailable");
        }
        if (!result.ok) throw new Error(result.error);
        return result.user;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.signedInAt = Date.now();
        return token;
      }
      // Refreshing (every page that reads the session) never extends it past 8 hours from sign-in.
      if (!sessionWithinLifetime(token.signedInAt)) throw new SessionExpiredError();
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid as string, signedInAt: token.signedInAt as number };
    },
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeReturnPath(path, "/")}`;
    },
  },
  logger: {
    // An expired session is the expected end of one, not an error worth a stack trace in the log.
    error(code, metadata) {
      const m = metadata as { message?: string; error?: { message?: string } } | undefined;
      if (code === "JWT_SESSION_ERROR" && (m?.message === "session_expired" || m?.error?.message === "session_expired")) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};
