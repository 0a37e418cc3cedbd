"use client";
// A one-button form for a workflow step (publish, reopen with reason, delete), with its outcome announced.
// A heavy step (publishing) asks first: its button opens the one confirmation (components/ui/confirm-dialog.tsx),
// whose own button posts the form with confirm=yes; the server action runs nothing without it.
import { submitKeepingValues } from "@/components/forms/keep-values";
import { ConfirmButton, type TConfirmText } from "@/components/ui/confirm-dialog";
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
  /** Ask before posting: the confirmation's texts (the question says what will happen, to how many rows). */
  confirm?: TConfirmText;
  /** Why the step cannot be taken now (shown beside the button, which then opens nothing). */
  unavailable?: string | null;
};

const classOf = (variant: Props["variant"]) => (variant === "link" ? "link-button" : variant === "secondary" ? "button secondary" : "button");

export function ActionForm({ action, hidden, label, pendingLabel, reasonLabel, hint, variant = "primary", idPrefix, confirm, unavailable }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="action-form" data-form={idPrefix}>
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
      {confirm ? (
        <ConfirmButton
          label={label}
          pendingLabel={pendingLabel}
          pending={pending}
          text={confirm}
          asked={state.ask}
          askedSeq={state.seq}
          className={classOf(variant)}
          unavailable={unavailable ?? null}
        />
      ) : (
        <button type="submit" className={classOf(variant)} disabled={pending}>
          {pending ? pendingLabel : label}
        </button>
      )}
      <span aria-live="polite" role="status">
        {state.message && !state.fieldErrors && <span className={state.ok ? "form-ok" : "form-error"}>{state.message}</span>}
      </span>
    </form>
  );
}
