"use client";
// Per-account forms on the account management page: change role and unit,
// disable or enable, reset the password (the new one is shown once).
import { useActionState } from "react";
import type { TRole } from "@/lib/auth/permissions";
import { INITIAL_ACTION_STATE, type TFormAction, type TSecretActionState } from "@/lib/validation/action-state";
import { FormStatus, SecretOnce, type TSecretMessages } from "./account-form-parts";
import styles from "./account-forms.module.css";
import { submitKeepingValues } from "./keep-values";
import { RoleUnitFields, type TRoleUnitMessages, type TUnitOption } from "./role-unit-fields";

export function UserEditForm({
  id,
  role,
  unitCode,
  units,
  m,
  update,
}: {
  id: string;
  role: TRole;
  unitCode: string;
  units: TUnitOption[];
  m: TRoleUnitMessages & { save: string; saving: string };
  update: TFormAction;
}) {
  const [state, action, pending] = useActionState(update, INITIAL_ACTION_STATE);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className={styles.formWide} noValidate>
      <input type="hidden" name="id" value={id} />
      <RoleUnitFields key={`${role}|${unitCode}`} idPrefix={`edit-${id}`} units={units} m={m} state={state} defaultRole={role} defaultUnit={unitCode} />
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

export function UserStatusForm({ id, disabled, label, m, setDisabled }: { id: string; disabled: boolean; label: string; m: { disable: string; enable: string; saving: string }; setDisabled: TFormAction }) {
  const [state, action, pending] = useActionState(setDisabled, INITIAL_ACTION_STATE);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <button type="submit" className={`button ${styles.small} ${disabled ? "secondary" : styles.danger}`} disabled={pending} aria-label={label}>
        {pending ? m.saving : disabled ? m.enable : m.disable}
      </button>
      <FormStatus state={state} />
    </form>
  );
}

const INITIAL_SECRET: TSecretActionState = { ok: false };

export function ResetPasswordForm({ id, label, m, reset }: { id: string; label: string; m: { reset: string; saving: string; secret: TSecretMessages }; reset: TFormAction<TSecretActionState> }) {
  const [state, action, pending] = useActionState(reset, INITIAL_SECRET);
  return (
    <div className="stack">
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <button type="submit" className={`button secondary ${styles.small}`} disabled={pending} aria-label={label}>
          {pending ? m.saving : m.reset}
        </button>
      </form>
      <FormStatus state={state} />
      {state.ok && state.secret && <SecretOnce value={state.secret} m={m.secret} />}
    </div>
  );
}
