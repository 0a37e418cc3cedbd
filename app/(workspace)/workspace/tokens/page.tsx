import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { formatDateTime } from "@/components/account/format-time";
import { CreateTokenForm } from "@/components/forms/create-token-form";
import { RevokeTokenForm } from "@/components/forms/revoke-token-form";
import { createTokenAction, revokeTokenAction } from "./actions";
import { Forbidden } from "@/components/ui/forbidden";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listTokens } from "@/lib/data/tokens";
import { getMessages } from "@/lib/i18n/server";
import styles from "./tokens.module.css";
import { messages } from "@/lib/i18n/messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getMessages();
  return { title: messages(locale).accounts.tokens.title };
}

export default async function TokensPage() {
  const actor = await requireActor("/workspace/tokens");
  const { locale, t: dict } = await getMessages();
  const t = messages(locale).accounts;
  if (!can(actor, "token.own")) {
    return <Forbidden title={t.users.forbiddenTitle} body={t.common.forbidden} backHref="/workspace" backLabel={t.common.backToWorkspace} />;
  }
  const tokens = await listTokens(actor);
  const active = tokens.filter((x) => !x.revokedAt);
  const revoked = tokens.filter((x) => x.revokedAt);
  return (
    <>
      <AccountNav actor={actor} current="tokens" t={t} workspaceLabel={dict.workspace.title} />
      <h1>{t.tokens.title}</h1>
      <p className="lead">{t.tokens.intro}</p>

      <h2>{t.tokens.create}</h2>
      <CreateTokenForm
        create={createTokenAction}
        endpoint="/api/v1/results"
        m={{
          nameLabel: t.tokens.nameLabel,
          nameHint: t.tokens.nameHint,
          submit: t.tokens.submit,
          saving: t.common.saving,
          usage: t.tokens.usage,
          secret: { label: t.tokens.yourToken, once: t.common.secretOnce, copy: t.common.copy, copied: t.common.copied, copyFailed: t.common.copyFailed },
        }}
      />

      <h2>{t.tokens.list}</h2>
      {tokens.length === 0 ? (
        <p className="muted">{t.tokens.none}</p>
      ) : (
        <div className="table-wrap">
          <table className={styles.table}>
            <caption className="sr-only">{t.tokens.list}</caption>
            <thead>
              <tr>
                <th scope="col">{t.tokens.nameLabel}</th>
                <th scope="col">{t.tokens.prefix}</th>
                <th scope="col">{t.tokens.createdAt}</th>
                <th scope="col">{t.tokens.lastUsed}</th>
                <th scope="col">{t.tokens.state}</th>
              </tr>
            </thead>
            <tbody>
              {[...active, ...revoked].map((tok) => (
                <tr key={tok.id} className={tok.revokedAt ? styles.revoked : undefined}>
                  <td className={styles.name} data-label={t.tokens.nameLabel}>
                    {tok.name}
                  </td>
                  <td data-label={t.tokens.prefix}>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td className={styles.nowrap} data-label={t.tokens.createdAt}>
                    {formatDateTime(tok.createdAt)}
                  </td>
                  <td className={styles.nowrap} data-label={t.tokens.lastUsed}>
                    {formatDateTime(tok.lastUsedAt, t.tokens.never)}
                  </td>
                  <td data-label={t.tokens.state}>
                    {tok.revokedAt ? (
                      <span className="badge">
                        {t.tokens.revokedAt} {formatDateTime(tok.revokedAt)}
                      </span>
                    ) : (
                      <div className={styles.state}>
                        <span className={`badge ${styles.activeBadge}`}>{t.tokens.active}</span>
                        <RevokeTokenForm
                          revoke={revokeTokenAction}
                          id={tok.id}
                          label={`${t.tokens.revokeLabel} “${tok.name}” (${tok.prefix}…)`}
                          m={{ revoke: t.tokens.revoke, revoking: t.tokens.revoking }}
                          confirm={{ title: t.tokens.revokeTitle, question: t.tokens.revokeQuestion(tok.name, tok.prefix), confirm: t.tokens.revokeLabel, cancel: t.common.cancel }}
                        />
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
