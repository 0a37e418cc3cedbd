"use client";
// Per-account forms on the account management page: change role and unit,
// disable or enable, reset the password (the new one is shown once). Disabling, enabling and
// resetting ask first (components/ui/confirm-dialog.tsx): the server action runs nothing
// without the confirmation's confirm=yes.
import { useActionState } from "react";
import type { TConfirmText } from "@/components/ui/confirm-dialog";
import type { TRole } from "@/lib/auth/permissions";
import type { Locale } from "@/lib/i18n/locale";
import { INITIAL_ACTION_STATE, type TFormAction, type TSecretActionState } from "@/lib/validation/action-state";
import { ConfirmIdForm, FormStatus, SecretOnce, type TSecretMessages } from "./account-form-parts";
import styles from "./account-forms.module.css";
import { submitKeepingValues } from "./keep-values";
import { RoleUnitFields, type TChosenUnit, type TLevelsOfRole, type TRoleUnitMessages } from "./role-unit-fields";

/**
 * An existing account's role and unit. Any unit of the role's levels may be chosen, also one that
 * has ended (an account kept for a former unit's history); a new account needs one that exists.
 */
export function UserEditForm({
  id,
  role,
  unit,
  levelsOfRole,
  locale,
  m,
  update,
}: {
  id: string;
  role: TRole;
  unit: TChosenUnit | null;
  levelsOfRole: TLevelsOfRole;
  locale: Locale;
  m: TRoleUnitMessages & { save: string; saving: string };
  update: TFormAction;
}) {
  const [state, action, pending] = useActionState(update, INITIAL_ACTION_STATE);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className={styles.formWide} noValidate>
      <input type="hidden" name="id" value={id} />
      <RoleUnitFields key={`${role}|${unit?.key ?? ""}`} idPrefix={`edit-${id}`} m={m} locale={locale} state={state} levelsOfRole={levelsOfRole} defaultRole={role} defaultUnit={unit} />
      <div className={styles.full}>
        <FormStatus state={state} />
      </div>
      <div className={`${styles.actions} ${styles.full}`}>
        <button type="submit" className={`button ${styles.small}`} disabled={pending}>
          {pending ? m.saving : m.save}
        </button>
      </div>
    </form>
  );
}

export function UserStatusForm({
  id,
  disabled,
  label,
  m,
  confirm,
  setDisabled,
}: {
  id: string;
  disabled: boolean;
  label: string;
  m: { disable: string; enable: string; saving: string };
  /** "Khóa tài khoản x@y? … 2 token …" (or the unlocking question). */
  confirm: TConfirmText;
  setDisabled: TFormAction;
}) {
  const [state, action, pending] = useActionState(setDisabled, INITIAL_ACTION_STATE);
  return (
    <ConfirmIdForm
      id={id}
      fields={{ disabled: disabled ? "false" : "true" }}
      action={action}
      state={state}
      pending={pending}
      label={disabled ? m.enable : m.disable}
      pendingLabel={m.saving}
      confirm={confirm}
      className={`button ${styles.small} ${disabled ? "secondary" : "danger"}`}
      ariaLabel={label}
    >
      <FormStatus state={state} />
    </ConfirmIdForm>
  );
}

const INITIAL_SECRET: TSecretActionState = { ok: false };

export function ResetPasswordForm({
  id,
  label,
  m,
  confirm,
  reset,
}: {
  id: string;
  label: string;
  m: { reset: string; saving: string; secret: TSecretMessages };
  /** "Đặt lại mật khẩu của x@y? …". */
  confirm: TConfirmText;
  reset: TFormAction<TSecretActionState>;
}) {
  const [state, action, pending] = useActionState(reset, INITIAL_SECRET);
  return (
    <div className="stack">
      <ConfirmIdForm id={id} action={action} state={state} pending={pending} label={m.reset} pendingLabel={m.saving} confirm={confirm} className={`button secondary ${styles.small}`} ariaLabel={label} />
      <FormStatus state={state} />
      {state.ok && state.secret && <SecretOnce value={state.secret} m={m.secret} />}
    </div>
  );
}
