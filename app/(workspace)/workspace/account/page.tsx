import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { formatDateTime } from "@/components/account/format-time";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { requireActor } from "@/lib/auth/session";
import { getOwnAccount } from "@/lib/data/accounts";
import { getMessages } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";
import { changePasswordAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getMessages();
  return { title: messages(locale).accounts.account.title };
}

export default async function AccountPage() {
  // The one workspace page open to someone who must choose a new password first: it is where they choose it.
  const actor = await requireActor("/workspace/account", { beforePasswordChange: true });
  const { locale, t: dict } = await getMessages();
  const t = messages(locale).accounts;
  const account = await getOwnAccount(actor);
  const unit = account?.unit ? (locale === "en" && account.unit.nameEn ? account.unit.nameEn : account.unit.name) : t.wholeCountry;
  return (
    <>
      <AccountNav actor={actor} current="account" t={t} workspaceLabel={dict.workspace.title} />
      <h1>{t.account.title}</h1>
      {actor.mustChangePassword ? (
        <div className="notice" role="alert" aria-labelledby="must-change-title" data-must-change-password style={{ marginBottom: "1rem" }}>
          <h2 id="must-change-title" style={{ margin: "0 0 0.25rem", fontSize: "1.1rem" }}>
            {t.account.mustChangeTitle}
          </h2>
          <p style={{ margin: 0 }}>{t.account.mustChangeText}</p>
        </div>
      ) : (
        <p className="lead">{t.account.intro}</p>
      )}
      <dl className="facts card">
        <dt>{t.common.name}</dt>
        <dd>{actor.name}</dd>
        <dt>{t.common.email}</dt>
        <dd>{actor.email}</dd>
        <dt>{t.common.role}</dt>
        <dd>{t.roles[actor.role]}</dd>
        <dt>{t.common.unit}</dt>
        <dd>{unit}</dd>
        <dt>{t.account.passwordChangedAt}</dt>
        <dd>{formatDateTime(account?.passwordChangedAt)}</dd>
      </dl>
      <h2>{t.account.changePassword}</h2>
      <ChangePasswordForm
        change={changePasswordAction}
        signInHref="/sign-in?callbackUrl=%2Fworkspace%2Faccount&notice=password-changed"
        m={{
          current: t.account.current,
          next: t.account.next,
          confirm: t.account.confirm,
          nextHint: t.account.nextHint,
          submit: t.account.submit,
          saving: t.common.saving,
          endsSessions: t.account.endsSessions,
          signInAgain: t.account.signInAgain,
        }}
      />
    </>
  );
}
