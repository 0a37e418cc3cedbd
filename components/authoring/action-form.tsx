"use client";
import { submitKeepingValues } from "@/components/forms/keep-values";
// A one-button form for a workflow step (publish, reopen with reason, delete), with its outcome announced.
import { useActionState } from "react";
import type { TActionState } from "@/app/(workspace)/workspace/plans/authoring-actions";

type Props = {
  action: (prev: TActionState, form: FormData) => Promise<TActionState>;
  hidden: Record<string, string>;
  label: string;
  pendingLabel: string;
  reasonLabel?: string;
  hint?: string;
  variant?: "primary" | "secondary" | "link";
  idPrefix: string;
};

export function ActionForm({ action, hidden, label, pendingLabel, reasonLabel, hint, variant = "primary", idPrefix }: Props) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="action-form">
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {reasonLabel && (
        <div>
          <label htmlFor={`${idPrefix}-reason`}>{reasonLabel}</label>
          <input id={`${idPrefix}-reason`} name="reason" type="text" minLength={5} maxLength={1000} {...(state.fieldErrors?.reason ? { "aria-invalid": true } : {})} />
          {state.fieldErrors?.reason && <p className="field-error">{state.fieldErrors.reason}</p>}
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
