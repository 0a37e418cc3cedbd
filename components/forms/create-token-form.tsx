"use client";
// Create a personal access token; the new token is shown once, with a copy button.
import { useActionState } from "react";
import type { TFormAction, TSecretActionState } from "@/lib/validation/action-state";
import { describedBy, FieldErrors, FormStatus, SecretOnce, SubmitRow, type TSecretMessages } from "./account-form-parts";
import styles from "./account-forms.module.css";

type Messages = { nameLabel: string; nameHint: string; submit: string; saving: string; usage: string; secret: TSecretMessages };

const INITIAL: TSecretActionState = { ok: false };

export function CreateTokenForm({ m, endpoint, create }: { m: Messages; endpoint: string; create: TFormAction<TSecretActionState> }) {
  const [state, action, pending] = useActionState(create, INITIAL);
  const name = describedBy("name", state, "token-name-hint");
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
            defaultValue={state.ok ? "" : state.values?.name}
            className={name.hasError ? styles.invalid : undefined}
            {...name.props}
          />
          <p id="token-name-hint" className="hint">
            {m.nameHint}
          </p>
          <FieldErrors id={name.errorId} errors={state.fieldErrors?.name} />
        </div>
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
