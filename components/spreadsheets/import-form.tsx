"use client";
// Upload of a filled-in result sheet. The server checks every row before writing
// anything; this form shows "Đã nhập N dòng" (with the rows worth checking, when the
// write path warns about some) or the table of row errors (nothing is written then),
// and announces the outcome in an aria-live region. The action comes from the page; the
// report's errors and warnings are codes with parameters, said here in the reader's language.
// "Approve and publish" asks first: the server reads the file and answers the question (how
// many rows, from which file); the confirmation (components/ui/confirm-dialog.tsx) posts the
// same form again with confirm=yes. The form is submitted without React's reset, so the chosen
// file is still there to be sent again.
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { ConfirmDialog, ConfirmInline, useHydrated, type TConfirmText } from "@/components/ui/confirm-dialog";
import { formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { problemText } from "@/lib/i18n/problems";
import type { TImportState } from "@/lib/spreadsheets/report";
import type { TFormAction } from "@/lib/validation/action-state";
import styles from "./import-form.module.css";

type Props = {
  locale: Locale;
  action: TFormAction<TImportState>;
  planId: string;
  canPublish: boolean;
  maxBytes: number;
};

const INITIAL: TImportState = { ok: false };

export function ImportForm({ locale, action, planId, canPublish, maxBytes }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const [localError, setLocalError] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const submit = useRef<HTMLButtonElement>(null);
  const hydrated = useHydrated();
  const t = messages(locale).spreadsheets;
  const fileError = localError ?? state.fieldErrors?.file?.[0] ?? null;
  const confirmText: TConfirmText = { title: t.publishTitle, question: state.ask ?? "", confirm: t.publishConfirm, cancel: t.cancel };

  // The server asked (approve and publish N rows?): ask in the dialog.
  useEffect(() => {
    if (state.ask) setAsking(true);
  }, [state.ask, state.seq]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    e.preventDefault();
    if (file && file.size > maxBytes) {
      setLocalError(problemText({ code: "file_too_large", params: { limit: maxBytes } }, locale));
      return;
    }
    setLocalError(null);
    // The same post as without JavaScript (the pressed button included: confirm=yes from the dialog), without the form's reset.
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter ?? undefined);
    startTransition(() => formAction(data));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className={`card ${styles.form}`} noValidate>
      <input type="hidden" name="planId" value={planId} />
      <div>
        <label htmlFor="import-file">{t.fileLabel}</label>
        <input
          id="import-file"
          name="file"
          type="file"
          className={styles.file}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          required
          aria-describedby={fileError ? "import-file-error import-file-hint" : "import-file-hint"}
          aria-invalid={fileError ? true : undefined}
          onChange={() => setLocalError(null)}
        />
        <p id="import-file-hint" className="hint">
          {t.fileHint}
        </p>
        {fileError && (
          <p id="import-file-error" role="alert" className={`form-error ${styles.fieldError}`}>
            {fileError}
          </p>
        )}
      </div>
      {canPublish && (
        <div className={styles.check}>
          <input id="import-publish" name="publish" type="checkbox" aria-describedby="import-publish-hint" defaultChecked={state.values?.publish === "on"} />
          <div>
            <label htmlFor="import-publish">{t.publishLabel}</label>
            <p id="import-publish-hint" className="hint">
              {t.publishHint}
            </p>
          </div>
        </div>
      )}
      <div>
        <button ref={submit} type="submit" className="button" disabled={pending} aria-describedby="import-status">
          {pending ? t.submitting : t.submit}
        </button>
      </div>
      <ConfirmDialog open={asking} onClose={() => setAsking(false)} text={confirmText} returnFocus={submit} />
      {state.ask && !hydrated && <ConfirmInline text={confirmText} question={state.ask} note={t.chooseFileAgain} />}

      <Outcome state={state} pending={pending} locale={locale} />
    </form>
  );
}

/** The answer: the message and what was skipped (announced), then the rows worth checking or the errors. */
function Outcome({ state, pending, locale }: { state: TImportState; pending: boolean; locale: Locale }) {
  const t = messages(locale).spreadsheets;
  const n = (x: number) => formatNumber(x, { locale });
  const report = state.report;
  const errors = report?.errors ?? [];
  const warnings = state.ok ? (report?.warnings ?? []) : [];
  const skipped = report && (report.unchanged > 0 || report.blank > 0) ? t.skipped(n(report.unchanged), n(report.blank)) : null;
  return (
    <>
      <div id="import-status" role="status" aria-live="polite" className={styles.status}>
        {!pending && state.message && <p className={state.ok ? "form-ok" : "form-error"}>{state.message}</p>}
        {!pending && state.ok && skipped && <p className="muted">{skipped}</p>}
        {!pending && warnings.length > 0 && <p className={styles.warningsTitle}>{t.warningsTitle(n(new Set(warnings.map((w) => w.line)).size))}</p>}
      </div>

      {!pending && warnings.length > 0 && (
        <LineMessages
          className={`${styles.errors} ${styles.warnings}`}
          caption={t.warningsCaption}
          headers={[t.colLine, t.colField, t.colWarning]}
          rows={warnings.map((w, i) => ({ key: `${w.line}-${w.code}-${i}`, line: w.line, field: w.field, message: problemText(w, locale), code: w.code }))}
          data-warnings={warnings.length}
        />
      )}

      {!pending && errors.length > 0 && (
        <LineMessages
          className={`${styles.errors}`}
          caption={t.errorsCaption}
          headers={[t.colLine, t.colField, t.colMessage]}
          rows={errors.map((e, i) => ({ key: `${e.line}-${e.field ?? ""}-${i}`, line: e.line, field: e.field ?? null, message: problemText(e, locale) }))}
        />
      )}
    </>
  );
}

type TLineMessage = { key: string; line: number; field: string | null; message: string; code?: string };

/** The file's lines with a message each (errors that stopped the import, or warnings after it). */
function LineMessages({ className, caption, headers, rows, ...data }: { className: string; caption: string; headers: [string, string, string]; rows: TLineMessage[]; "data-warnings"?: number }) {
  const [colLine, colField, colMessage] = headers;
  return (
    <div className={`table-wrap ${className}`} {...data}>
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {colLine}
            </th>
            <th scope="col">{colField}</th>
            <th scope="col">{colMessage}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-warning-code={r.code}>
              <td className={`num ${styles.line}`} data-label={colLine}>
                {r.line > 0 ? r.line : "–"}
              </td>
              <td className={styles.field} data-label={colField}>
                {r.field ? <code>{r.field}</code> : "–"}
              </td>
              <td className={styles.message}>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
