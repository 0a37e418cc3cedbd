"use client";
// "Mở lại": a disclosure with the reason for unlocking one approved result.
// Shown only to those who may reopen; the server action (a prop) checks again.
import { useActionState, useId } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { INITIAL_ACTION_STATE, type TActionState, type TFormAction } from "@/lib/validation/action-state";
import styles from "./grid.module.css";

type Props = {
  locale: Locale;
  planId: string;
  resultId: string;
  version: number;
  label: string;
  reopen: TFormAction<TActionState>;
  /** Called as the form is sent (the grid keeps the row in view whatever its filter). */
  onSend?: () => void;
};

export function ReopenForm({ locale, planId, resultId, version, label, reopen, onSend }: Props) {
  const m = messages(locale).grid;
  const [state, action, pending] = useActionState(reopen, INITIAL_ACTION_STATE);
  const uid = useId();
  const reasonError = state.fieldErrors?.reason?.[0];
  return (
    <details className={styles.reopen} open={!!state.message && !state.ok}>
      <summary>{m.buttons.reopen}</summary>
      <form action={action} className={styles.reopenForm} onSubmit={() => onSend?.()}>
        <input type="hidden" name="planId" value={planId} />
        <input type="hidden" name="resultId" value={resultId} />
        <input type="hidden" name="version" value={version} />
        <label htmlFor={`${uid}-reason`}>{label}</label>
        <textarea
          id={`${uid}-reason`}
          name="reason"
          rows={2}
          required
          maxLength={2000}
          aria-describedby={`${uid}-hint ${uid}-msg`}
          aria-invalid={!!reasonError || undefined}
        />
        <p id={`${uid}-hint`} className={styles.meta}>
          {m.reopen.reasonHint}
        </p>
        <div id={`${uid}-msg`} role="status" aria-live="polite">
          {state.message && (
            <p key={state.seq} className={state.ok ? "form-ok" : "form-error"}>
              {state.message}
            </p>
          )}
        </div>
        <button type="submit" className="button secondary" disabled={pending}>
          {pending ? m.buttons.working : m.buttons.reopenSubmit}
        </button>
      </form>
    </details>
  );
}
