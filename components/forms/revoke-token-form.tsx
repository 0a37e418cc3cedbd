"use client";
// Revoke one token (a button in a token list: one's own, or any account's for administrators).
// It asks first (components/ui/confirm-dialog.tsx); the server action runs nothing without the
// confirmation's confirm=yes.
import { useActionState } from "react";
import type { TConfirmText } from "@/components/ui/confirm-dialog";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";
import { ConfirmIdForm } from "./account-form-parts";
import styles from "./account-forms.module.css";

export function RevokeTokenForm({
  id,
  label,
  m,
  confirm,
  revoke,
}: {
  id: string;
  label: string;
  m: { revoke: string; revoking: string };
  /** "Thu hồi token “…” (gnp_ab12…)? …". */
  confirm: TConfirmText;
  revoke: TFormAction;
}) {
  const [state, action, pending] = useActionState(revoke, INITIAL_ACTION_STATE);
  return (
    <ConfirmIdForm id={id} action={action} state={state} pending={pending} label={m.revoke} pendingLabel={m.revoking} confirm={confirm} className={`button danger ${styles.small}`} ariaLabel={label}>
      <div aria-live="polite" role="status">
        {state.message && <p className={`${state.ok ? "form-ok" : "form-error"} ${styles.inlineMessage}`}>{state.message}</p>}
      </div>
    </ConfirmIdForm>
  );
}
