"use client";
// Forms of the unit registry management page: create, rename, end, delete, merge/split, load
// the shared CSV files. Actions come in as props (components never import route files).
// Ending and deleting ask first, saying what will happen; a merger, a split or a load shows what
// it will change (the server's preview) and writes only when that preview is confirmed.
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { formatDate, formatNumber } from "@/lib/domain/numbers";
import { ADMIN_LEVELS, isoDateOf, isRegistryDate, lastDayBefore, unitNames } from "@/lib/domain/units-admin";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { problemText } from "@/lib/i18n/problems";
import { INITIAL_ACTION_STATE, type TActionState, type TFormAction } from "@/lib/validation/action-state";
import type { TPlanPreview, TUnitCreatedState, TUnitPlanState } from "@/lib/validation/units-admin";
import { FieldErrors, FormStatus } from "./account-form-parts";
import { submitKeepingValues } from "./keep-values";
import styles from "./unit-admin-forms.module.css";

const t = (locale: Locale) => messages(locale).unitsAdmin;

type TFieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  state: TActionState;
  type?: "text" | "date" | "file";
  defaultValue?: string;
  required?: boolean;
  className?: string;
  children?: ReactNode;
  accept?: string;
  maxLength?: number;
  placeholder?: string;
};

/** A labelled input with its hint and the server's messages about it. */
function Field({ id, name, label, hint, state, type = "text", defaultValue, required, className, children, accept, maxLength, placeholder }: TFieldProps) {
  const errors = state.fieldErrors?.[name];
  const errorId = `${id}-error`;
  const hintId = hint ? `${id}-hint` : undefined;
  const described = [hintId, errors?.length ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  const common = { id, name, "aria-describedby": described, "aria-invalid": errors?.length ? true : undefined, className: errors?.length ? styles.invalid : undefined };
  return (
    <div className={`${styles.field} ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children ? (
        <select {...common} defaultValue={state.ok ? defaultValue : (state.values?.[name] ?? defaultValue)} required={required}>
          {children}
        </select>
      ) : type === "file" ? (
        <input {...common} type="file" accept={accept} required={required} />
      ) : (
        <input
          {...common}
          type={type}
          defaultValue={state.ok ? defaultValue : (state.values?.[name] ?? defaultValue)}
          required={required}
          maxLength={maxLength}
          placeholder={placeholder}
          autoComplete="off"
          spellCheck={false}
        />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

function LevelOptions({ locale }: { locale: Locale }) {
  const m = t(locale);
  return (
    <>
      <option value="">{m.fields.chooseLevel}</option>
      {ADMIN_LEVELS.map((l) => (
        <option key={l} value={l}>
          {m.levels[l]}
        </option>
      ))}
    </>
  );
}

// ---------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------

export function UnitCreateForm({ locale, create, today }: { locale: Locale; create: TFormAction<TUnitCreatedState>; today: string }) {
  const m = t(locale);
  const [state, action, pending] = useActionState(create, INITIAL_ACTION_STATE as TUnitCreatedState);
  const f = m.fields;
  return (
    // A new form after a success: the fields empty again for the next unit.
    <form key={state.ok ? `ok-${state.seq}` : "create"} action={action} onSubmit={submitKeepingValues(action)} className={`card ${styles.form}`} noValidate aria-label={m.create.title}>
      <Field id="create-code" name="code" label={f.code} hint={f.codeHint} state={state} required maxLength={12} />
      <Field id="create-name" name="name" label={f.name} hint={f.nameHint} state={state} required maxLength={200} />
      <Field id="create-level" name="level" label={f.level} state={state} required>
        <LevelOptions locale={locale} />
      </Field>
      <Field id="create-parent" name="parent" label={f.parent} hint={f.parentHint} state={state} maxLength={17} />
      <Field id="create-validFrom" name="validFrom" label={f.validFrom} state={state} placeholder="dd/mm/yyyy" required defaultValue={formatDate(today)} />
      <Field id="create-shortName" name="shortName" label={f.shortName} hint={f.shortNameHint} state={state} maxLength={200} />
      <Field id="create-nameEn" name="nameEn" label={f.nameEn} hint={f.nameEnHint} state={state} maxLength={200} />
      <Field id="create-key" name="key" label={f.key} hint={f.keyHint} state={state} maxLength={17} />
      <div className={styles.full}>
        <FormStatus state={state} />
        {state.ok && state.key && (
          <p>
            <a href={`?key=${encodeURIComponent(state.key)}`}>{m.create.view}</a>
          </p>
        )}
      </div>
      <div className={`${styles.actions} ${styles.full}`}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? m.saving : m.create.submit}
        </button>
      </div>
    </form>
  );
}

// ---------------------------------------------------------------------------
// Rename, end, delete (one unit)
// ---------------------------------------------------------------------------

export function UnitRenameForm({ locale, rename, unit }: { locale: Locale; rename: TFormAction; unit: { key: string; name: string; shortName: string; nameEn: string | null } }) {
  const m = t(locale);
  const [state, action, pending] = useActionState(rename, INITIAL_ACTION_STATE);
  const f = m.fields;
  // Names derived from the full name are left empty (derived again from a new name); names set by hand are shown.
  const derived = unitNames(unit.name);
  const shortName = unit.shortName === derived.shortName ? "" : unit.shortName;
  const nameEn = unit.nameEn === derived.nameEn ? "" : (unit.nameEn ?? "");
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className={styles.form} noValidate aria-label={m.rename.title}>
      <input type="hidden" name="key" value={unit.key} />
      <Field id="rename-name" name="name" label={f.name} state={state} required defaultValue={unit.name} maxLength={200} />
      <Field id="rename-shortName" name="shortName" label={f.shortName} hint={f.shortNameHint} state={state} defaultValue={shortName} placeholder={unit.shortName} maxLength={200} />
      <Field id="rename-nameEn" name="nameEn" label={f.nameEn} hint={f.nameEnHint} state={state} defaultValue={nameEn} placeholder={unit.nameEn ?? ""} maxLength={200} />
      <div className={styles.full}>
        <FormStatus state={state} />
      </div>
      <div className={`${styles.actions} ${styles.full}`}>
        <button type="submit" className="button" disabled={pending}>
          {pending ? m.saving : m.rename.submit}
        </button>
      </div>
    </form>
  );
}

/** A step between the first click and the write: what will happen, confirm or cancel. */
function ConfirmStep({ text, confirm, cancel, pending, saving, onCancel }: { text: string; confirm: string; cancel: string; pending: boolean; saving: string; onCancel: () => void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div className={`${styles.confirm} ${styles.full}`} role="group" aria-label={confirm}>
      <p>{text}</p>
      <div className={styles.actions}>
        <button ref={button} type="submit" className={`button ${styles.danger}`} disabled={pending}>
          {pending ? saving : confirm}
        </button>
        <button type="button" className="button secondary" onClick={onCancel} disabled={pending}>
          {cancel}
        </button>
      </div>
    </div>
  );
}

/** Re-reads the answer: a new answer closes the confirmation step. */
function useClosedOnAnswer(state: TActionState): [boolean, (open: boolean) => void] {
  const [openAt, setOpenAt] = useState<number | undefined | null>(null);
  return [openAt !== null && openAt === state.seq, (open) => setOpenAt(open ? state.seq : null)];
}

export function UnitEndForm({ locale, end, unit }: { locale: Locale; end: TFormAction; unit: { key: string; label: string } }) {
  const m = t(locale);
  const [state, action, pending] = useActionState(end, INITIAL_ACTION_STATE);
  const [confirming, setConfirming] = useClosedOnAnswer(state);
  const [date, setDate] = useState("");
  const form = useRef<HTMLFormElement>(null);
  return (
    <form ref={form} action={action} onSubmit={submitKeepingValues(action)} className={styles.form} noValidate aria-label={m.end.title}>
      <input type="hidden" name="key" value={unit.key} />
      <div className={styles.field}>
        <label htmlFor="end-effectiveOn">{m.fields.effectiveOn}</label>
        <input
          id="end-effectiveOn"
          name="effectiveOn"
          type="text"
          placeholder="dd/mm/yyyy"
          required
          value={date}
          onChange={(e) => {
            setDate(e.target.value);
            setConfirming(false);
          }}
          aria-describedby={`end-effectiveOn-hint${state.fieldErrors?.effectiveOn ? " end-effectiveOn-error" : ""}`}
          aria-invalid={state.fieldErrors?.effectiveOn ? true : undefined}
          className={state.fieldErrors?.effectiveOn ? styles.invalid : undefined}
        />
        <p id="end-effectiveOn-hint" className="hint">
          {m.fields.effectiveOnHint}
        </p>
        <FieldErrors id="end-effectiveOn-error" errors={state.fieldErrors?.effectiveOn} />
      </div>
      <div className={styles.full}>
        <FormStatus state={state} />
      </div>
      {confirming && isRegistryDate(isoDateOf(date)) ? (
        <ConfirmStep
          text={m.end.confirm(unit.label, formatDate(lastDayBefore(isoDateOf(date))), formatDate(isoDateOf(date)))}
          confirm={m.end.confirmSubmit}
          cancel={m.cancel}
          pending={pending}
          saving={m.saving}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <div className={`${styles.actions} ${styles.full}`}>
          <button
            type="button"
            className={`button ${styles.dangerOutline}`}
            disabled={pending}
            // A date that is not one goes straight to the server, which says what is wrong with it.
            onClick={() => (isRegistryDate(isoDateOf(date)) ? setConfirming(true) : form.current?.requestSubmit())}
          >
            {pending ? m.saving : m.end.submit}
          </button>
        </div>
      )}
    </form>
  );
}

export function UnitDeleteForm({ locale, remove, unit }: { locale: Locale; remove: TFormAction; unit: { key: string; label: string } }) {
  const m = t(locale);
  const [state, action, pending] = useActionState(remove, INITIAL_ACTION_STATE);
  const [confirming, setConfirming] = useClosedOnAnswer(state);
  return (
    <form action={action} onSubmit={submitKeepingValues(action)} className={styles.form} aria-label={m.remove.title}>
      <input type="hidden" name="key" value={unit.key} />
      <div className={styles.full}>
        <FormStatus state={state} />
      </div>
      {confirming ? (
        <ConfirmStep text={m.remove.confirm(unit.label)} confirm={m.remove.confirmSubmit} cancel={m.cancel} pending={pending} saving={m.saving} onCancel={() => setConfirming(false)} />
      ) : (
        <div className={`${styles.actions} ${styles.full}`}>
          <button type="button" className={`button ${styles.dangerOutline}`} disabled={pending} onClick={() => setConfirming(true)}>
            {m.remove.submit}
          </button>
        </div>
      )}
    </form>
  );
}

// ---------------------------------------------------------------------------
// Merge or split; load the shared files: preview, then confirm
// ---------------------------------------------------------------------------

function PreviewPanel({ locale, preview, confirm, pending, onCancel, fingerprint }: { locale: Locale; preview: TPlanPreview; confirm: string; pending: boolean; onCancel: () => void; fingerprint?: string }) {
  const m = t(locale);
  const p = m.preview;
  const n = (x: number) => formatNumber(x, { locale });
  const c = preview.counts;
  return (
    <section className={`${styles.preview} ${styles.full}`} aria-label={p.title} data-preview>
      <h3>{p.title}</h3>
      <p className="muted">{p.effective(formatDate(preview.effectiveOn))}</p>
      <ul className={styles.counts}>
        <li>
          <strong data-count="created">{n(c.created)}</strong> {p.created}
        </li>
        <li>
          <strong data-count="renamed">{n(c.renamed)}</strong> {p.renamed}
        </li>
        <li>
          <strong data-count="ended">{n(c.ended)}</strong> {p.ended}
        </li>
        <li>
          <strong data-count="successions">{n(c.successions)}</strong> {p.successions}
        </li>
      </ul>
      {preview.lines.length > 0 && (
        <ul className={styles.lines}>
          {preview.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
          {preview.more > 0 && <li className="muted">{p.more(n(preview.more))}</li>}
        </ul>
      )}
      {!preview.unchanged && fingerprint && (
        <div className={styles.confirm}>
          <p>{p.confirm}</p>
          <input type="hidden" name="fingerprint" value={fingerprint} />
          <div className={styles.actions}>
            <button type="submit" name="intent" value="apply" className={`button ${styles.danger}`} disabled={pending}>
              {pending ? m.saving : confirm}
            </button>
            <button type="button" className="button secondary" onClick={onCancel} disabled={pending}>
              {m.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

/** The preview is shown until the form changes (then it must be asked for again). */
function usePreview(state: TUnitPlanState): { shown: boolean; hide: () => void } {
  const [hiddenAt, setHiddenAt] = useState<number | undefined | null>(null);
  return { shown: !!state.preview && !state.applied && hiddenAt !== state.seq, hide: () => setHiddenAt(state.seq) };
}

export function UnitReorganiseForm({ locale, reorganise, today }: { locale: Locale; reorganise: TFormAction<TUnitPlanState>; today: string }) {
  const m = t(locale);
  const r = m.reorganise;
  const f = m.fields;
  const [state, action, pending] = useActionState(reorganise, INITIAL_ACTION_STATE as TUnitPlanState);
  const { shown, hide } = usePreview(state);
  return (
    <form key={state.applied ? `done-${state.seq}` : "reorganise"} action={action} onSubmit={submitKeepingValues(action)} onChange={hide} className={`card ${styles.form}`} noValidate aria-label={r.title}>
      <Field id="reorg-from" name="from" label={r.from} hint={r.fromHint} state={state} required />
      <Field id="reorg-into" name="into" label={r.into} hint={r.intoHint} state={state} />
      <Field id="reorg-share" name="share" label={r.share} hint={r.shareHint} state={state}>
        <option value="">{r.shareAuto}</option>
        <option value="FULL">{r.shareFull}</option>
        <option value="PARTIAL">{r.sharePartial}</option>
      </Field>
      <Field id="reorg-effectiveOn" name="effectiveOn" label={f.effectiveOn} hint={f.effectiveOnHint} state={state} placeholder="dd/mm/yyyy" required defaultValue={formatDate(today)} />
      <fieldset className={`${styles.fieldset} ${styles.full}`}>
        <legend>{r.newUnit}</legend>
        <p className="hint">{r.newUnitHint}</p>
        <div className={styles.form}>
          <Field id="reorg-newCode" name="newCode" label={f.code} state={state} maxLength={12} />
          <Field id="reorg-newName" name="newName" label={f.name} hint={f.nameHint} state={state} maxLength={200} />
          <Field id="reorg-newLevel" name="newLevel" label={f.level} state={state}>
            <LevelOptions locale={locale} />
          </Field>
          <Field id="reorg-newParent" name="newParent" label={f.parent} state={state} maxLength={17} />
          <Field id="reorg-newKey" name="newKey" label={f.key} hint={f.keyHint} state={state} maxLength={17} />
          <Field id="reorg-newShortName" name="newShortName" label={f.shortName} state={state} maxLength={200} />
          <Field id="reorg-newNameEn" name="newNameEn" label={f.nameEn} state={state} maxLength={200} />
        </div>
      </fieldset>
      <div className={styles.full}>
        <FormStatus state={state} />
      </div>
      <div className={`${styles.actions} ${styles.full}`}>
        <button type="submit" name="intent" value="preview" className="button" disabled={pending}>
          {pending ? m.saving : r.preview}
        </button>
      </div>
      {shown && state.preview && <PreviewPanel locale={locale} preview={state.preview} fingerprint={state.fingerprint} confirm={r.apply} pending={pending} onCancel={hide} />}
    </form>
  );
}

export function UnitImportForm({ locale, load, maxBytes }: { locale: Locale; load: TFormAction<TUnitPlanState>; maxBytes: number }) {
  const m = t(locale);
  const im = m.import;
  const [state, action, pending] = useActionState(load, INITIAL_ACTION_STATE as TUnitPlanState);
  const { shown, hide } = usePreview(state);
  // A file too large is refused here: the server would not even receive it.
  const [tooLarge, setTooLarge] = useState<Record<string, string[]> | null>(null);
  const shownState: TUnitPlanState = tooLarge ? { ok: false, fieldErrors: tooLarge, message: Object.values(tooLarge)[0]![0] } : state;
  const problems = !pending && !shownState.ok ? (shownState.rowProblems ?? []) : [];
  const submit = submitKeepingValues(action);
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const errors: Record<string, string[]> = {};
    for (const name of ["unitsFile", "successorsFile"]) {
      const file = (e.currentTarget.elements.namedItem(name) as HTMLInputElement | null)?.files?.[0];
      if (file && file.size > maxBytes) errors[name] = [problemText({ code: "registry_file_too_large", params: { limit: maxBytes } }, locale)];
    }
    if (Object.keys(errors).length) {
      e.preventDefault();
      setTooLarge(errors);
      return;
    }
    setTooLarge(null);
    submit(e);
  }
  return (
    <form
      key={state.applied ? `done-${state.seq}` : "import"}
      action={action}
      onSubmit={onSubmit}
      onChange={() => {
        hide();
        setTooLarge(null);
      }}
      className={`card ${styles.form}`}
      noValidate
      aria-label={im.title}
    >
      <Field id="import-unitsFile" name="unitsFile" label={im.unitsFile} state={shownState} type="file" accept=".csv,text/csv" required />
      <Field id="import-successorsFile" name="successorsFile" label={im.successorsFile} state={shownState} type="file" accept=".csv,text/csv" />
      <Field id="import-effectiveOn" name="effectiveOn" label={m.fields.effectiveOn} hint={m.fields.effectiveOnHint} state={shownState} placeholder="dd/mm/yyyy" required />
      <div className={styles.full}>
        <FormStatus state={shownState} />
      </div>
      {problems.length > 0 && (
        <div className={`table-wrap ${styles.problems} ${styles.full}`}>
          <table>
            <caption className="sr-only">{state.message}</caption>
            <thead>
              <tr>
                <th scope="col">{im.colFile}</th>
                <th scope="col">{im.colLine}</th>
                <th scope="col">{im.colProblem}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p, i) => (
                <tr key={i}>
                  <td>{p.file || "–"}</td>
                  <td>{p.line ?? "–"}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={`${styles.actions} ${styles.full}`}>
        <button type="submit" name="intent" value="preview" className="button" disabled={pending}>
          {pending ? m.saving : im.preview}
        </button>
      </div>
      {shown && state.preview && <PreviewPanel locale={locale} preview={state.preview} fingerprint={state.fingerprint} confirm={im.apply} pending={pending} onCancel={hide} />}
    </form>
  );
}
