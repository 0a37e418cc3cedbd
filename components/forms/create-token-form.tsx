"use client";
// Create a personal access token: its name, its lifetime (days, from the choices the page passes)
// and its scope (write: drafts only; publish). The new token is shown once, with a copy button.
import { useActionState } from "react";
import type { TFormAction, TSecretActionState } from "@/lib/validation/action-state";
import { describedBy, FieldErrors, FormStatus, SecretOnce, SubmitRow, type TSecretMessages } from "./account-form-parts";
import styles from "./account-forms.module.css";

type TChoice = { value: string; label: string };

type Messages = {
  nameLabel: string;
  nameHint: string;
  daysLabel: string;
  daysHint: string;
  scopeLabel: string;
  submit: string;
  saving: string;
  usage: string;
  secret: TSecretMessages;
};

const INITIAL: TSecretActionState = { ok: false };

export function CreateTokenForm({
  m,
  endpoint,
  create,
  days,
  scopes,
}: {
  m: Messages;
  endpoint: string;
  create: TFormAction<TSecretActionState>;
  /** The lifetimes offered (value: days) and the one chosen first. */
  days: { choices: TChoice[]; initial: string };
  /** The scopes offered (value: WRITE | PUBLISH, with what each allows) and the one chosen first. */
  scopes: { choices: (TChoice & { hint: string })[]; initial: string };
}) {
  const [state, action, pending] = useActionState(create, INITIAL);
  const name = describedBy("name", state, "token-name-hint");
  const daysField = describedBy("days", state, "token-days-hint");
  const scopeField = describedBy("scope", state);
  const kept = state.ok ? undefined : state.values;
  return (
    <div className="stack">
      <form action={action} className={`card ${styles.form}`} noValidate>
        <div className={styles.field}>
          <label htmlFor="token-name">{m.nameLabel}</label>
          <input
            id="token-name"
            name="name"
            type="text"
            maxLength={100}
            required
            autoComplete="off"
            defaultValue={kept?.name}
            className={name.hasError ? styles.invalid : undefined}
            {...name.props}
          />
          <p id="token-name-hint" className="hint">
            {m.nameHint}
          </p>
          <FieldErrors id={name.errorId} errors={state.fieldErrors?.name} />
        </div>
        <div className={styles.field}>
          <label htmlFor="token-days">{m.daysLabel}</label>
          <select id="token-days" name="days" defaultValue={kept?.days ?? days.initial} className={daysField.hasError ? styles.invalid : undefined} {...daysField.props}>
            {days.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
          <p id="token-days-hint" className="hint">
            {m.daysHint}
          </p>
          <FieldErrors id={daysField.errorId} errors={state.fieldErrors?.days} />
        </div>
        <fieldset className={styles.choices} aria-describedby={scopeField.props["aria-describedby"]} aria-invalid={scopeField.props["aria-invalid"]}>
          <legend>{m.scopeLabel}</legend>
          {scopes.choices.map((c) => (
            <div key={c.value} className={styles.choice}>
              <input type="radio" id={`token-scope-${c.value}`} name="scope" value={c.value} defaultChecked={(kept?.scope ?? scopes.initial) === c.value} aria-describedby={`token-scope-${c.value}-hint`} />
              <label htmlFor={`token-scope-${c.value}`}>{c.label}</label>
              <p id={`token-scope-${c.value}-hint`} className="hint">
                {c.hint}
              </p>
            </div>
          ))}
          <FieldErrors id={scopeField.errorId} errors={state.fieldErrors?.scope} />
        </fieldset>
        <FormStatus state={state} />
        <SubmitRow pending={pending} label={m.submit} pendingLabel={m.saving} />
      </form>
      {state.ok && state.secret && (
        <SecretOnce value={state.secret} m={m.secret}>
          <details>
            <summary>{m.usage}</summary>
            <pre className={styles.secretHint} style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>
              {`curl -X POST ${endpoint} \\\n  -H "Authorization: Bearer ${state.secret}" \\\n  -H "Content-Type: text/csv" \\\n  --data-binary @ket-qua.csv`}
            </pre>
          </details>
        </SecretOnce>
      )}
    </div>
  );
}
