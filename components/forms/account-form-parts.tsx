"use client";
// Small pieces shared by the account forms: a field's errors, the form's
// announcement (aria-live), its submit button, a one-record form whose button asks first,
// and a secret shown once with a copy button.
import { useId, useRef, useState, type ReactNode } from "react";
import { ConfirmButton, type TConfirmText } from "@/components/ui/confirm-dialog";
import type { TActionState } from "@/lib/validation/action-state";
import styles from "./account-forms.module.css";

export function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className={styles.fieldError}>
      {errors.join(" ")}
    </p>
  );
}

/** aria-describedby / aria-invalid for an input with a hint and maybe errors. */
export function describedBy(name: string, state: TActionState, hintId?: string) {
  const errorId = `${name}-error`;
  const hasError = !!state.fieldErrors?.[name]?.length;
  const ids = [hintId, hasError ? errorId : undefined].filter(Boolean).join(" ");
  return { errorId, hasError, props: { "aria-invalid": hasError || undefined, "aria-describedby": ids || undefined } };
}

/** The outcome of the last submission, announced to screen readers. */
export function FormStatus({ state }: { state: TActionState }) {
  const generalErrors = state.fieldErrors?._;
  return (
    <div aria-live="polite" role="status" className={styles.status}>
      {state.message && <p className={state.ok ? "form-ok" : "form-error"}>{state.message}</p>}
      {!state.message && generalErrors?.length ? <p className="form-error">{generalErrors.join(" ")}</p> : null}
    </div>
  );
}

/** The form's submit button, in its actions row (`wide`: across the whole form grid); its text says when the form is posted. */
export function SubmitRow({ pending, label, pendingLabel, wide = false }: { pending: boolean; label: string; pendingLabel: string; wide?: boolean }) {
  return (
    <div className={wide ? `${styles.actions} ${styles.full}` : styles.actions}>
      <button type="submit" className="button" disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
    </div>
  );
}

/**
 * A form about one record (its id posted hidden, with any other hidden `fields`) whose one button
 * asks first (ConfirmButton, also asking the question the server answered in `state`); `children`
 * follow the button inside the form.
 */
export function ConfirmIdForm({
  id,
  fields = {},
  action,
  state,
  pending,
  label,
  pendingLabel,
  confirm,
  className,
  ariaLabel,
  children,
}: {
  id: string;
  fields?: Record<string, string>;
  action: (formData: FormData) => void;
  state: TActionState;
  pending: boolean;
  label: string;
  pendingLabel: string;
  confirm: TConfirmText;
  className: string;
  ariaLabel: string;
  children?: ReactNode;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton label={label} pendingLabel={pendingLabel} pending={pending} text={confirm} asked={state.ask} askedSeq={state.seq} className={className} ariaLabel={ariaLabel} />
      {children}
    </form>
  );
}

export type TSecretMessages = { label: string; once: string; copy: string; copied: string; copyFailed: string };

/** A token or password shown exactly once, selectable and with a copy button. */
export function SecretOnce({ value, m, children }: { value: string; m: TSecretMessages; children?: React.ReactNode }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");
  async function copy() {
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(value);
      } else {
        input.current?.select();
        if (!document.execCommand("copy")) throw new Error("copy refused");
      }
      setCopied("ok");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }
  return (
    <div className={styles.secret}>
      <label htmlFor={id} className={styles.secretLabel}>
        {m.label}
      </label>
      <div className={styles.secretRow}>
        <input
          ref={input}
          id={id}
          className={styles.secretValue}
          type="text"
          readOnly
          value={value}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button secondary" onClick={copy}>
          {copied === "ok" ? m.copied : m.copy}
        </button>
      </div>
      <p id={`${id}-hint`} className={styles.secretHint}>
        {m.once}
      </p>
      <p aria-live="polite" className={styles.secretHint}>
        {copied === "failed" ? m.copyFailed : copied === "ok" ? m.copied : ""}
      </p>
      {children}
    </div>
  );
}
