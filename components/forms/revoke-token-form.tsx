"use client";
// Revoke one token (a button in the token list).
import { useActionState } from "react";
import { revokeTokenAction } from "@/app/(workspace)/workspace/tokens/actions";
import { INITIAL_ACTION_STATE } from "@/lib/validation/action-state";
import styles from "./account-forms.module.css";

export function RevokeTokenForm({ id, label, m }: { id: string; label: string; m: { revoke: string; revoking: string } }) {
  const [state, action, pending] = useActionState(revokeTokenAction, INITIAL_ACTION_STATE);
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
