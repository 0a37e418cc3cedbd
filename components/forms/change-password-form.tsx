"use client";
// Change one's own password: current, new, new again. On success every session
// ends (this one too): the cookie is dropped and the person is sent to sign in.
import { signOut } from "next-auth/react";
import { useActionState, useEffect } from "react";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";
import { describedBy, FieldErrors, FormStatus, SubmitRow } from "./account-form-parts";
import styles from "./account-forms.module.css";

type Messages = { current: string; next: string; confirm: string; nextHint: string; submit: string; saving: string; endsSessions: string; signInAgain: string };

export function ChangePasswordForm({ m, signInHref, change }: { m: Messages; signInHref: string; change: TFormAction }) {
  const [state, action, pending] = useActionState(change, INITIAL_ACTION_STATE);

  useEffect(() => {
    // The session is already over on the server; drop its cookie too.
    if (state.ok) void signOut({ redirect: false });
  }, [state.ok]);

  if (state.ok) {
    return (
      <div className="card stack">
        <FormStatus state={state} />
        <p>
          <a className="button" href={signInHref}>
            {m.signInAgain}
          </a>
        </p>
      </div>
    );
  }

  const current = describedBy("current", state);
  const next = describedBy("next", state, "next-hint");
  const confirm = describedBy("confirm", state);
  return (
    <form action={action} className={`card ${styles.form}`} noValidate>
      <p className="hint">{m.endsSessions}</p>
      <div className={styles.field}>
        <label htmlFor="current">{m.current}</label>
        <input id="current" name="current" type="password" autoComplete="current-password" required className={current.hasError ? styles.invalid : undefined} {...current.props} />
        <FieldErrors id={current.errorId} errors={state.fieldErrors?.current} />
      </div>
      <div className={styles.field}>
        <label htmlFor="next">{m.next}</label>
        <input id="next" name="next" type="password" autoComplete="new-password" required minLength={10} className={next.hasError ? styles.invalid : undefined} {...next.props} />
        <p id="next-hint" className="hint">
          {m.nextHint}
        </p>
        <FieldErrors id={next.errorId} errors={state.fieldErrors?.next} />
      </div>
      <div className={styles.field}>
        <label htmlFor="confirm">{m.confirm}</label>
        <input id="confirm" name="confirm" type="password" autoComplete="new-password" required className={confirm.hasError ? styles.invalid : undefined} {...confirm.props} />
        <FieldErrors id={confirm.errorId} errors={state.fieldErrors?.confirm} />
      </div>
      <FormStatus state={state} />
      <SubmitRow pending={pending} label={m.submit} pendingLabel={m.saving} />
    </form>
  );
}
