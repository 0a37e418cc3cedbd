"use client";
// The history of one result's value, shown under its row of the grid.
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import styles from "./grid.module.css";
import type { THistoryView } from "./types";

export function HistoryPanel({ history, locale }: { history: THistoryView; locale: Locale }) {
  const m = messages(locale).grid;
  const hid = `history-${history.resultId}`;
  return (
    <section id={hid} aria-labelledby={`${hid}-h`} className={styles.history} tabIndex={-1}>
      <h3 id={`${hid}-h`}>{history.title}</h3>
      {history.entries === null ? (
        <p className="form-error">{m.history.denied}</p>
      ) : history.entries.length === 0 ? (
        <p className={styles.meta}>{m.history.empty}</p>
      ) : (
        <ol className={styles.historyList}>
          {history.entries.map((h) => (
            <li key={h.id}>
              <span className={styles.historyWhen}>{h.at}</span> · <strong>{m.history.actions[h.action] ?? h.action}</strong> · {h.who}
              {h.change && (
                <>
                  {" "}
                  · {m.history.change}: <span className={styles.historyChange}>{h.change}</span>
                </>
              )}
              {h.status && <> · {h.status}</>}
              {h.reason && (
                <div>
                  {m.history.reason}: “{h.reason}”
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
