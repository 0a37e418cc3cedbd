"use client";
// Revoke one token (a button in a token list: one's own, or any account's for administrators).
// It asks first (components/ui/confirm-dialog.tsx); the server action runs nothing without the
// confirmation's confirm=yes.
import { useActionState } from "react";
import { ConfirmButton, type TConfirmText } from "@/components/ui/confirm-dialog";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";
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
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <ConfirmButton
        label={m.revoke}
        pendingLabel={m.revoking}
        pending={pending}
        text={confirm}
        asked={state.ask}
        askedSeq={state.seq}
        className={`button danger ${styles.small}`}
        ariaLabel={label}
      />
      <div aria-live="polite" role="status">
        {state.message && <p className={`${state.ok ? "form-ok" : "form-error"} ${styles.inlineMessage}`}>{state.message}</p>}
      </div>
    </form>
  );
}
