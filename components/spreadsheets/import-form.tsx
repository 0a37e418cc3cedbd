"use client";
// Upload of a filled-in result sheet. The server checks every row before writing
// anything; this form shows "Đã nhập N dòng" (with the rows worth checking, when the
// write path warns about some) or the table of row errors (nothing is written then),
// and announces the outcome in an aria-live region.
import { useActionState, useState } from "react";
import { formatNumber } from "@/lib/domain/numbers";
import { rowWarningMessage, spreadsheetText } from "@/lib/i18n/spreadsheets";
import type { TImportState } from "@/lib/spreadsheets/grid-file";
import styles from "./import-form.module.css";

type Messages = {
  fileLabel: string;
  fileHint: string;
  publishLabel: string;
  publishHint: string;
  submit: string;
  submitting: string;
  tooLarge: string;
  /** With "{u}" (unchanged rows) and "{b}" (empty rows). */
  skipped: string;
  errorsCaption: string;
  colLine: string;
  colField: string;
  colMessage: string;
};

type Props = {
  locale: "vi" | "en";
  action: (prev: TImportState, formData: FormData) => Promise<TImportState>;
  canPublish: boolean;
  maxBytes: number;
  m: Messages;
};

const INITIAL: TImportState = { ok: false };

export function ImportForm({ locale, action, canPublish, maxBytes, m }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL);
  const [localError, setLocalError] = useState<string | null>(null);
  const fileError = localError ?? state.fieldErrors?.file?.[0] ?? null;
  const report = state.report;
  const errors = report?.errors ?? [];
  const warnings = state.ok ? (report?.warnings ?? []) : [];
  const t = spreadsheetText[locale];
  const skipped =
    report && (report.unchanged > 0 || report.blank > 0) ? m.skipped.replace("{u}", formatNumber(report.unchanged, { locale })).replace("{b}", formatNumber(report.blank, { locale })) : null;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    const file = (e.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > maxBytes) {
      e.preventDefault();
      setLocalError(m.tooLarge);
      return;
    }
    setLocalError(null);
  }

  return (
    <form action={formAction} onSubmit={onSubmit} className={`card ${styles.form}`} noValidate>
      <div>
        <label htmlFor="import-file">{m.fileLabel}</label>
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
          {m.fileHint}
        </p>
        {fileError && (
          <p id="import-file-error" role="alert" className={`form-error ${styles.fieldError}`}>
            {fileError}
          </p>
        )}
      </div>
      {canPublish && (
        <div className={styles.check}>
          <input id="import-publish" name="publish" type="checkbox" aria-describedby="import-publish-hint" />
          <div>
            <label htmlFor="import-publish">{m.publishLabel}</label>
            <p id="import-publish-hint" className="hint">
              {m.publishHint}
            </p>
          </div>
        </div>
      )}
      <div>
        <button type="submit" className="button" disabled={pending} aria-describedby="import-status">
          {pending ? m.submitting : m.submit}
        </button>
      </div>

      <div id="import-status" role="status" aria-live="polite" className={styles.status}>
        {!pending && state.message && <p className={state.ok ? "form-ok" : "form-error"}>{state.message}</p>}
        {!pending && state.ok && skipped && <p className="muted">{skipped}</p>}
        {!pending && warnings.length > 0 && <p className={styles.warningsTitle}>{t.warningsTitle(formatNumber(new Set(warnings.map((w) => w.line)).size, { locale }))}</p>}
      </div>

      {!pending && warnings.length > 0 && (
        <div className={`table-wrap ${styles.errors} ${styles.warnings}`} data-warnings={warnings.length}>
          <table>
            <caption className="sr-only">{t.warningsCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {m.colLine}
                </th>
                <th scope="col">{m.colField}</th>
                <th scope="col">{t.colWarning}</th>
              </tr>
            </thead>
            <tbody>
              {warnings.map((w, i) => (
                <tr key={`${w.line}-${w.code}-${i}`} data-warning-code={w.code}>
                  <td className={`num ${styles.line}`} data-label={m.colLine}>
                    {w.line > 0 ? w.line : "–"}
                  </td>
                  <td className={styles.field} data-label={m.colField}>
                    <code>{w.field}</code>
                  </td>
                  <td className={styles.message}>{rowWarningMessage(w, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {!pending && errors.length > 0 && (
        <div className={`table-wrap ${styles.errors}`}>
          <table>
            <caption className="sr-only">{m.errorsCaption}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {m.colLine}
                </th>
                <th scope="col">{m.colField}</th>
                <th scope="col">{m.colMessage}</th>
              </tr>
            </thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={`${e.line}-${e.field ?? ""}-${i}`}>
                  <td className={`num ${styles.line}`} data-label={m.colLine}>
                    {e.line > 0 ? e.line : "–"}
                  </td>
                  <td className={styles.field} data-label={m.colField}>
                    {e.field ? <code>{e.field}</code> : "–"}
                  </td>
                  <td className={styles.message}>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
