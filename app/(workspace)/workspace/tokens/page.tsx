import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { formatDateTime } from "@/components/account/format-time";
import { CreateTokenForm } from "@/components/forms/create-token-form";
import { RevokeTokenForm } from "@/components/forms/revoke-token-form";
import { createTokenAction, revokeTokenAction } from "./actions";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { DEFAULT_TOKEN_DAYS, DEFAULT_TOKEN_SCOPE, isExpired, TOKEN_DAYS_CHOICES, TOKEN_SCOPES } from "@/lib/auth/tokens";
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
  if (!can(actor, "token.own")) forbidden(); // ./forbidden.tsx, status 403
  const tokens = await listTokens(actor);
  const now = new Date();
  const expired = (x: (typeof tokens)[number]) => !x.revokedAt && isExpired(x.expiresAt, now);
  // Active first, then expired, then revoked; each newest first.
  const active = tokens.filter((x) => !x.revokedAt && !expired(x));
  const ended = tokens.filter(expired);
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
        days={{ choices: TOKEN_DAYS_CHOICES.map((d) => ({ value: String(d), label: t.tokens.daysOption(d, d === DEFAULT_TOKEN_DAYS) })), initial: String(DEFAULT_TOKEN_DAYS) }}
        scopes={{ choices: TOKEN_SCOPES.map((s) => ({ value: s, label: t.tokens.scopes[s], hint: t.tokens.scopeHints[s] })), initial: DEFAULT_TOKEN_SCOPE }}
        m={{
          nameLabel: t.tokens.nameLabel,
          nameHint: t.tokens.nameHint,
          daysLabel: t.tokens.daysLabel,
          daysHint: t.tokens.daysHint,
          scopeLabel: t.tokens.scopeLabel,
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
                <th scope="col">{t.tokens.scopeLabel}</th>
                <th scope="col">{t.tokens.createdAt}</th>
                <th scope="col">{t.tokens.expiresAt}</th>
                <th scope="col">{t.tokens.lastUsed}</th>
                <th scope="col">{t.tokens.state}</th>
              </tr>
            </thead>
            <tbody>
              {[...active, ...ended, ...revoked].map((tok) => (
                <tr key={tok.id} className={tok.revokedAt || expired(tok) ? styles.revoked : undefined} data-token-state={tok.revokedAt ? "revoked" : expired(tok) ? "expired" : "active"}>
                  <td className={styles.name} data-label={t.tokens.nameLabel}>
                    {tok.name}
                  </td>
                  <td data-label={t.tokens.prefix}>
                    <code>{tok.prefix}…</code>
                  </td>
                  <td data-label={t.tokens.scopeLabel}>{t.tokens.scopes[tok.scope]}</td>
                  <td className={styles.nowrap} data-label={t.tokens.createdAt}>
                    {formatDateTime(tok.createdAt)}
                  </td>
                  <td className={styles.nowrap} data-label={t.tokens.expiresAt}>
                    {formatDateTime(tok.expiresAt)}
                  </td>
                  <td className={styles.nowrap} data-label={t.tokens.lastUsed}>
                    {formatDateTime(tok.lastUsedAt, t.tokens.never)}
                  </td>
                  <td data-label={t.tokens.state}>
                    {tok.revokedAt ? (
                      <span className="badge">
                        {t.tokens.revokedAt} {formatDateTime(tok.revokedAt)}
                      </span>
                    ) : expired(tok) ? (
                      <span className={`badge ${styles.expiredBadge}`}>{t.tokens.expired}</span>
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
