import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/forms/sign-in-form";
import { getActor } from "@/lib/auth/session";
import { DEMO_PASSWORD } from "@/lib/auth/password";
import { safeReturnPath } from "@/lib/auth/safe-return";
import { isDemoDatabase } from "@/lib/data/settings";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.auth.signIn };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const sp = await searchParams;
  // Only a path of this site is kept (lib/auth/safe-return.ts); anything else returns to the workspace.
  const callbackUrl = safeReturnPath(sp.callbackUrl, "/workspace");
  if (await getActor()) redirect(callbackUrl);
  const { t } = await getMessages();
  const demo = await isDemoDatabase();
  return (
    <>
      <h1>{t.auth.signInTitle}</h1>
      <p className="lead">{t.auth.signInIntro}</p>
      {sp.notice === "password-changed" && (
        <p className="form-ok" role="status">
          {t.auth.passwordChanged}
        </p>
      )}
      <SignInForm
        callbackUrl={callbackUrl}
        m={{
          email: t.auth.email,
          password: t.auth.password,
          submit: t.auth.submit,
          submitting: t.auth.submitting,
          invalid: t.auth.errors.invalid,
          disabled: t.auth.errors.disabled,
          throttled: t.auth.errors.throttled("{m}"),
          throttledSeconds: t.auth.errors.throttledSeconds("{s}"),
          unknown: t.auth.errors.unknown,
        }}
      />
      {demo && (
        <section className="card" style={{ marginTop: "1.5rem", maxWidth: "40rem" }} aria-labelledby="demo">
          <h2 id="demo" style={{ marginTop: 0 }}>
            {t.auth.demoAccounts}
          </h2>
          <p>{t.auth.demoNote(DEMO_PASSWORD)}</p>
          <ul>
            <li>admin@demo.gov.vn</li>
            <li>soctrang@demo.gov.vn</li>
            <li>sonla@demo.gov.vn</li>
            <li>baclieu@demo.gov.vn</li>
            <li>chauthanh@demo.gov.vn</li>
            <li>cantho@demo.gov.vn</li>
          </ul>
        </section>
      )}
    </>
  );
}
