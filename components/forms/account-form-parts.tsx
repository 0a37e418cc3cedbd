"use client";
// Small pieces shared by the account forms: a field's errors, the form's
// announcement (aria-live) and a secret shown once with a copy button.
import { startTransition, useId, useRef, useState } from "react";
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

/**
 * onSubmit for forms with selects that must keep what was chosen when the server
 * refuses: React resets a form after its action, which would put controlled selects
 * out of step with their state. Without JavaScript the form still posts its action.
 */
export function submitWithoutReset(action: (fd: FormData) => void) {
  return (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(e.currentTarget, submitter ?? undefined);
    startTransition(() => action(fd));
  };
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
