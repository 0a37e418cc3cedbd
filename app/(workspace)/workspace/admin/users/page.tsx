import { forbidden } from "next/navigation";
import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { formatDateTime } from "@/components/account/format-time";
import { CreateUserForm } from "@/components/forms/create-user-form";
import { chosenUnit, endedNote, pickerUnitOfHit } from "@/components/forms/unit-picker-format";
import { RevokeTokenForm } from "@/components/forms/revoke-token-form";
import { ResetPasswordForm, UserEditForm, UserStatusForm } from "@/components/forms/user-admin-forms";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAccounts } from "@/lib/data/accounts";
import { listActiveTokensByAccount, type TTokenInfo } from "@/lib/data/tokens";
import { getUnitHitsByKey } from "@/lib/data/units-search";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { getMessages } from "@/lib/i18n/server";
import { createUserAction, resetPasswordAction, revokeUserTokenAction, setUserDisabledAction, updateUserAction } from "./actions";
import styles from "./users.module.css";
import { messages, type TMessages } from "@/lib/i18n/messages";
import { revokeQuestion } from "@/lib/i18n/accounts";
import { LEVEL_OF_ROLE } from "@/lib/validation/accounts";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getMessages();
  return { title: messages(locale).accounts.users.title };
}

const nameOf = (u: { name: string; nameEn: string | null }, locale: Locale) => (locale === "en" && u.nameEn ? u.nameEn : u.name);

export default async function UsersPage() {
  const actor = await requireActor("/workspace/admin/users");
  const { locale, t: dict } = await getMessages();
  const t = messages(locale).accounts;
  if (!can(actor, "user.manage")) forbidden(); // ./forbidden.tsx, status 403

  // No list of units goes to the browser: the unit fields search the registry (GET /api/v1/units).
  // Only the accounts' own units are read, to show them in the edit forms.
  const [accounts, tokensOf] = await Promise.all([listAccounts(actor), listActiveTokensByAccount(actor)]);
  const hits = await getUnitHitsByKey(accounts.flatMap((a) => (a.unit ? [a.unit.key] : [])));
  const unitOf = (key: string | undefined) => {
    const hit = key ? hits.get(key) : undefined;
    return hit ? pickerUnitOfHit(hit) : null;
  };
  const roleUnit = { role: t.common.role, unit: t.common.unit, noUnit: t.common.noUnit, roles: t.roles, roleHints: t.roleHints, unitPicker: t.unitPicker };
  const secret = { label: t.users.newPassword, once: t.common.secretOnce, copy: t.common.copy, copied: t.common.copied, copyFailed: t.common.copyFailed };

  return (
    <>
      <AccountNav actor={actor} current="users" t={t} workspaceLabel={dict.workspace.title} />
      <h1>{t.users.title}</h1>
      <p className="lead">{t.users.intro}</p>

      <h2>{t.users.create}</h2>
      <CreateUserForm
        create={createUserAction}
        locale={locale}
        levelsOfRole={LEVEL_OF_ROLE}
        today={isoDateInTimeZone()}
        m={{
          ...roleUnit,
          email: t.common.email,
          name: t.common.name,
          password: t.users.passwordLabel,
          passwordHint: t.users.passwordHint,
          submit: t.users.createSubmit,
          saving: t.common.saving,
          secret: { ...secret, label: t.users.initialPassword },
        }}
      />

      <h2>
        {t.users.list} <span className="muted">({accounts.length})</span>
      </h2>
      <ul className={styles.list}>
        {accounts.map((a) => {
          const self = a.id === actor.id;
          const unit = unitOf(a.unit?.key);
          return (
            <li key={a.id} id={a.id} className={`card ${a.disabled ? styles.disabledCard : ""}`}>
              <div className={styles.head}>
                <div className={styles.who}>
                  <h3 className={styles.name}>
                    {a.name}
                    {self && <span className="muted"> ({t.users.you})</span>}
                  </h3>
                  <p className={styles.email}>{a.email}</p>
                </div>
                <span className={styles.badges}>
                  {a.mustChangePassword && <span className={`badge ${styles.badgeMustChange}`}>{t.users.mustChange}</span>}
                  <span className={`badge ${a.disabled ? styles.badgeDisabled : styles.badgeActive}`}>{a.disabled ? t.common.disabled : t.common.active}</span>
                </span>
              </div>
              <dl className={styles.facts}>
                <div>
                  <dt>{t.common.role}</dt>
                  <dd>{t.roles[a.role]}</dd>
                </div>
                <div>
                  <dt>{t.common.unit}</dt>
                  <dd>{a.unit ? [`${nameOf(a.unit, locale)} (${a.unit.key})`, unit ? endedNote(unit, t.unitPicker.until) : ""].filter(Boolean).join(" ") : t.wholeCountry}</dd>
                </div>
                <div>
                  <dt>{t.users.tokens}</dt>
                  <dd>{a.activeTokens}</dd>
                </div>
                <div>
                  <dt>{t.account.passwordChangedAt}</dt>
                  <dd>{formatDateTime(a.passwordChangedAt)}</dd>
                </div>
              </dl>
              <div className={styles.actions} role="group" aria-label={`${t.users.actionsFor} ${a.email}`}>
                {!self && (
                  <UserStatusForm
                    setDisabled={setUserDisabledAction}
                    id={a.id}
                    disabled={a.disabled}
                    label={`${a.disabled ? t.users.enable : t.users.disable}: ${a.email}`}
                    m={{ disable: t.users.disable, enable: t.users.enable, saving: t.common.saving }}
                    confirm={
                      a.disabled
                        ? { title: t.users.enableTitle, question: t.users.enableQuestion(a.email), confirm: t.users.enable, cancel: t.common.cancel }
                        : { title: t.users.disableTitle, question: t.users.disableQuestion(a.email, a.activeTokens), confirm: t.users.disable, cancel: t.common.cancel }
                    }
                  />
                )}
                <ResetPasswordForm
                  reset={resetPasswordAction}
                  id={a.id}
                  label={`${t.users.reset}: ${a.email}`}
                  m={{ reset: t.users.reset, saving: t.common.saving, secret }}
                  confirm={{ title: t.users.resetTitle, question: t.users.resetQuestion(a.email), confirm: t.users.reset, cancel: t.common.cancel }}
                />
              </div>
              <AccountTokens
                tokens={tokensOf.get(a.id) ?? []}
                email={a.email}
                actorId={actor.id}
                t={t}
              />
              {!self && (
                <details className={styles.edit}>
                  <summary>{t.users.edit}</summary>
                  <UserEditForm
                    update={updateUserAction}
                    id={a.id}
                    role={a.role}
                    unit={unit ? chosenUnit(unit, t.unitPicker) : a.unit ? { key: a.unit.key } : null}
                    levelsOfRole={LEVEL_OF_ROLE}
                    locale={locale}
                    m={{ ...roleUnit, save: t.users.save, saving: t.common.saving }}
                  />
                </details>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** An account's active API tokens (name, scope, created, expiry, last used), each with a revoke button that asks first. */
function AccountTokens({ tokens, email, actorId, t }: { tokens: TTokenInfo[]; email: string; actorId: string; t: TMessages["accounts"] }) {
  if (tokens.length === 0) return null;
  return (
    <section className={styles.tokens} data-tokens-of={email} aria-label={`${t.users.activeTokens}: ${email}`}>
      <h4 className={styles.tokensTitle}>
        {t.users.activeTokens} ({tokens.length})
      </h4>
      <div className="table-wrap">
        <table className={styles.tokenTable}>
          <caption className="sr-only">{`${t.users.activeTokens}: ${email}`}</caption>
          <thead>
            <tr>
              <th scope="col">{t.tokens.nameLabel}</th>
              <th scope="col">{t.tokens.scopeLabel}</th>
              <th scope="col">{t.tokens.createdAt}</th>
              <th scope="col">{t.tokens.expiresAt}</th>
              <th scope="col">{t.tokens.lastUsed}</th>
              <th scope="col">
                <span className="sr-only">{t.tokens.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr key={tok.id} data-token-id={tok.id}>
                <td data-label={t.tokens.nameLabel}>
                  <strong>{tok.name}</strong> <code>{tok.prefix}…</code>
                </td>
                <td data-label={t.tokens.scopeLabel}>{t.tokens.scopes[tok.scope]}</td>
                <td data-label={t.tokens.createdAt}>{formatDateTime(tok.createdAt)}</td>
                <td data-label={t.tokens.expiresAt}>{formatDateTime(tok.expiresAt)}</td>
                <td data-label={t.tokens.lastUsed}>{formatDateTime(tok.lastUsedAt, t.tokens.never)}</td>
                <td>
                  <RevokeTokenForm
                    revoke={revokeUserTokenAction}
                    id={tok.id}
                    label={`${t.tokens.revokeLabel} “${tok.name}” (${tok.prefix}…): ${email}`}
                    m={{ revoke: t.tokens.revoke, revoking: t.tokens.revoking }}
                    confirm={{ title: t.tokens.revokeTitle, question: revokeQuestion(t.tokens, { ...tok, owner: { email } }, actorId), confirm: t.tokens.revokeLabel, cancel: t.common.cancel }}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
