"use client";
// The grid's answer, announced in its live region: the message, then the problems by row
// (each a link to the row's input when it can be edited), then the warnings of a saved batch.
import type { TMessages } from "@/lib/i18n/messages";
import { conflictText } from "./grid-row";
import styles from "./grid.module.css";
import type { TGridActionState, TGridRowView, TRowError } from "./types";

type Props = { state: TGridActionState; errors: Record<string, TRowError[]>; rows: TGridRowView[]; m: TMessages["grid"]; focusRef?: React.Ref<HTMLDivElement> };

export function GridStatus({ state, errors, rows, m, focusRef }: Props) {
  const indexOf = new Map(rows.map((r, i) => [r.key, i]));
  const rowByKey = new Map(rows.map((r) => [r.key, r]));
  /** Where a message is about, linked to the row's input (`#v-3`, `#b-3`) when it may be edited. */
  const where = (key: string, input: "v" | "b" = "v") => {
    const row = rowByKey.get(key);
    const i = indexOf.get(key);
    const text = row ? `${row.labelWhat} – ${row.unitName} – ${row.year}` : key;
    return i !== undefined && row?.canEdit && row.result?.status !== "PUBLISHED" ? <a href={`#${input}-${i}`}>{text}</a> : <strong>{text}</strong>;
  };
  const errorKeys = Object.keys(errors);
  const warnings = state.warnings ?? [];
  return (
    <div ref={focusRef} className={styles.live} role="status" aria-live="polite" aria-atomic="true" tabIndex={-1}>
      {state.message && (
        <div key={state.seq} className={state.ok ? "form-ok" : "form-error"}>
          <p className={styles.liveMessage}>{state.message}</p>
          {(errorKeys.length > 0 || (state.details?.length ?? 0) > 0) && (
            <ul className={styles.errorList} aria-label={m.errorsTitle}>
              {errorKeys.map((key) =>
                (errors[key] ?? []).map((e, j) => (
                  <li key={`${key}-${j}`}>
                    {where(key)}: {e.conflict ? conflictText(e.conflict, m) : e.message}
                  </li>
                )),
              )}
              {state.details?.map((d, j) => (
                <li key={`d-${j}`}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.message && warnings.length > 0 && (
        <div key={`w-${state.seq}`} className={styles.warnings} data-warnings={warnings.length}>
          <p className={styles.warningsTitle}>{m.warningsTitle}</p>
          <ul className={styles.errorList} aria-label={m.warningsTitle}>
            {warnings.map((w, j) => (
              <li key={`w-${w.key}-${j}`} data-warning-code={w.code}>
                {where(w.key, w.field === "baseline" && rowByKey.get(w.key)?.baseline ? "b" : "v")}: {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
