"use client";
// Create an account (administrators). Without a password one is generated and shown once.
import { useActionState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import type { TFormAction, TSecretActionState } from "@/lib/validation/action-state";
import { describedBy, FieldErrors, FormStatus, SecretOnce, SubmitRow, type TSecretMessages } from "./account-form-parts";
import styles from "./account-forms.module.css";
import { submitKeepingValues } from "./keep-values";
import { RoleUnitFields, type TLevelsOfRole, type TRoleUnitMessages } from "./role-unit-fields";

type Messages = TRoleUnitMessages & {
  email: string;
  name: string;
  password: string;
  passwordHint: string;
  submit: string;
  saving: string;
  secret: TSecretMessages;
};

const INITIAL: TSecretActionState = { ok: false };

export function CreateUserForm({
  m,
  locale,
  levelsOfRole,
  today,
  create,
}: {
  m: Messages;
  locale: Locale;
  levelsOfRole: TLevelsOfRole;
  /** YYYY-MM-DD: a new account needs a unit in existence today, so the picker offers only those. */
  today: string;
  create: TFormAction<TSecretActionState>;
}) {
  const [state, action, pending] = useActionState(create, INITIAL);
  const v = state.ok ? {} : (state.values ?? {});
  const email = describedBy("email", state);
  const name = describedBy("name", state);
  const password = describedBy("password", state, "new-password-hint");
  return (
    <div className="stack">
      {/* key: a fresh, empty form after each account created */}
      <form key={state.ok ? state.message : "form"} action={action} onSubmit={submitKeepingValues(action)} className={`card ${styles.formWide}`} noValidate>
        <div className={styles.field}>
          <label htmlFor="new-email">{m.email}</label>
          <input id="new-email" name="email" type="email" autoComplete="off" required maxLength={200} defaultValue={v.email} className={email.hasError ? styles.invalid : undefined} {...email.props} />
          <FieldErrors id={email.errorId} errors={state.fieldErrors?.email} />
        </div>
        <div className={styles.field}>
          <label htmlFor="new-name">{m.name}</label>
          <input id="new-name" name="name" type="text" autoComplete="off" required maxLength={120} defaultValue={v.name} className={name.hasError ? styles.invalid : undefined} {...name.props} />
          <FieldErrors id={name.errorId} errors={state.fieldErrors?.name} />
        </div>
        <RoleUnitFields
          key={`${v.role ?? ""}|${v.unitCode ?? ""}|${state.ok ? state.message : ""}`}
          idPrefix="new"
          m={m}
          locale={locale}
          state={state}
          levelsOfRole={levelsOfRole}
          validOn={today}
          defaultRole={v.role === "ADMIN" || v.role === "DISTRICT_STAFF" ? v.role : "PROVINCIAL_OFFICER"}
          // A refused form keeps the key it posted; the picker looks the unit's name up.
          defaultUnit={v.unitCode ? { key: v.unitCode } : null}
        />
        <div className={`${styles.field} ${styles.full}`}>
          <label htmlFor="new-password">{m.password}</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" maxLength={64} className={password.hasError ? styles.invalid : undefined} {...password.props} />
          <p id="new-password-hint" className="hint">
            {m.passwordHint}
          </p>
          <FieldErrors id={password.errorId} errors={state.fieldErrors?.password} />
        </div>
        <div className={styles.full}>
          <FormStatus state={state} />
        </div>
        <SubmitRow pending={pending} label={m.submit} pendingLabel={m.saving} wide />
      </form>
      {state.ok && state.secret && <SecretOnce value={state.secret} m={m.secret} />}
    </div>
  );
}
