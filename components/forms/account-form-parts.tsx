"use client";
// Small pieces shared by the account forms: a field's errors, the form's
// announcement (aria-live) and a secret shown once with a copy button.
import { useId, useRef, useState } from "react";
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
