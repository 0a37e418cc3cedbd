"use client";
// Revoke one token (a button in the token list).
import { useActionState } from "react";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";
import styles from "./account-forms.module.css";

export function RevokeTokenForm({ id, label, m, revoke }: { id: string; label: string; m: { revoke: string; revoking: string }; revoke: TFormAction }) {
  const [state, action, pending] = useActionState(revoke, INITIAL_ACTION_STATE);
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" className={`button ${styles.small} ${styles.danger}`} disabled={pending} aria-label={label}>
        {pending ? m.revoking : m.revoke}
      </button>
      <div aria-live="polite" role="status">
        {state.message && !state.ok && <p className={`form-error ${styles.inlineMessage}`}>{state.message}</p>}
      </div>
    </form>
  );
}
