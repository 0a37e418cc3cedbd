"use client";
// A one-button form for a workflow step (publish, reopen with reason, delete), with its outcome announced.
import { submitKeepingValues } from "@/components/forms/keep-values";
import { useActionState } from "react";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";

type Props = {
  action: TFormAction;
  hidden: Record<string, string>;
  label: string;
  pendingLabel: string;
  reasonLabel?: string;
  hint?: string;
  variant?: "primary" | "secondary" | "link";
  idPrefix: string;
};

export function ActionForm({ action, hidden, label, pendingLabel, reasonLabel, hint, variant = "primary", idPrefix }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="action-form">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {reasonLabel && (
        <div>
          <label htmlFor={`${idPrefix}-reason`}>{reasonLabel}</label>
          <input id={`${idPrefix}-reason`} name="reason" type="text" minLength={5} maxLength={1000} {...(state.fieldErrors?.reason ? { "aria-invalid": true } : {})} />
          {state.fieldErrors?.reason?.length ? <p className="field-error">{state.fieldErrors.reason[0]}</p> : null}
        </div>
      )}
      {hint && <p className="hint">{hint}</p>}
      <button type="submit" className={variant === "link" ? "link-button" : variant === "secondary" ? "button secondary" : "button"} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <span aria-live="polite" role="status">
        {state.message && !state.fieldErrors && <span className={state.ok ? "form-ok" : "form-error"}>{state.message}</span>}
      </span>
    </form>
  );
}
