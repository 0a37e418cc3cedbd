"use client";
// Upload of a filled-in result sheet. The server checks every row before writing
// anything; this form shows "Đã nhập N dòng" (with the rows worth checking, when the
// write path warns about some) or the table of row errors (nothing is written then),
// and announces the outcome in an aria-live region.
import { useActionState, useState } from "react";
import { formatNumber } from "@/lib/domain/numbers";
import { rowWarningMessage } from "@/lib/i18n/spreadsheets";
import type { TImportState } from "@/lib/spreadsheets/grid-file";
import styles from "./import-form.module.css";
import { messages } from "@/lib/i18n/messages";

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
  const t = messages(locale).spreadsheets;
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
        <LineMessages
          className={`${styles.errors} ${styles.warnings}`}
          caption={t.warningsCaption}
          headers={[m.colLine, m.colField, t.colWarning]}
          rows={warnings.map((w, i) => ({ key: `${w.line}-${w.code}-${i}`, line: w.line, field: w.field, message: rowWarningMessage(w, locale), code: w.code }))}
          data-warnings={warnings.length}
        />
      )}

      {!pending && errors.length > 0 && (
        <LineMessages
          className={`${styles.errors}`}
          caption={m.errorsCaption}
          headers={[m.colLine, m.colField, m.colMessage]}
          rows={errors.map((e, i) => ({ key: `${e.line}-${e.field ?? ""}-${i}`, line: e.line, field: e.field ?? null, message: e.message }))}
        />
      )}
    </form>
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
