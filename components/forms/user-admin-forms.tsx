"use client";
// Per-account forms on the account management page: change role and unit,
// disable or enable, reset the password (the new one is shown once).
import { useActionState } from "react";
import { resetPasswordAction, setUserDisabledAction, updateUserAction } from "@/app/(workspace)/workspace/admin/users/actions";
import type { TRole } from "@/lib/auth/permissions";
import { INITIAL_ACTION_STATE, type TSecretActionState } from "@/lib/validation/action-state";
import { FormStatus, SecretOnce, submitWithoutReset, type TSecretMessages } from "./account-form-parts";
import styles from "./account-forms.module.css";
import { RoleUnitFields, type TRoleUnitMessages, type TUnitOption } from "./role-unit-fields";

export function UserEditForm({
  id,
  role,
  unitCode,
  units,
  m,
}: {
  id: string;
  role: TRole;
  unitCode: string;
  units: TUnitOption[];
  m: TRoleUnitMessages & { save: string; saving: string };
}) {
  const [state, action, pending] = useActionState(updateUserAction, INITIAL_ACTION_STATE);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className={styles.formWide} noValidate>
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

export function UserStatusForm({ id, disabled, label, m }: { id: string; disabled: boolean; label: string; m: { disable: string; enable: string; saving: string } }) {
  const [state, action, pending] = useActionState(setUserDisabledAction, INITIAL_ACTION_STATE);
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

export function ResetPasswordForm({ id, label, m }: { id: string; label: string; m: { reset: string; saving: string; secret: TSecretMessages } }) {
  const [state, action, pending] = useActionState(resetPasswordAction, INITIAL_SECRET);
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
