"use client";
// The approval inbox's list: the values awaiting approval with a checkbox each, the reason for
// returning, and the two buttons ("Duyệt và công bố", "Trả lại"). Submitting goes through
// useActionState without React's form reset: on a refusal the ticks and the reason stay. The
// page passes the action; the data layer checks every value again. "Duyệt và công bố" asks
// first: the server answers how many values would be published, and the confirmation
// (components/ui/confirm-dialog.tsx) posts the same ticks again with confirm=yes.
import Link from "next/link";
import { startTransition, useActionState, useEffect, useId, useRef, useState } from "react";
import { ConfirmDialog, ConfirmInline, useHydrated, type TConfirmText } from "@/components/ui/confirm-dialog";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import type { TFormAction } from "@/lib/validation/action-state";
import styles from "./inbox.module.css";
import type { TInboxActionState, TInboxItemView } from "./types";

type Props = {
  locale: Locale;
  items: TInboxItemView[];
  caption: string;
  /** Said instead of the list when nothing (more) waits; the answer of the last decision stays shown. */
  empty: string;
  decide: TFormAction<TInboxActionState>;
};

const INITIAL: TInboxActionState = { ok: false };

export function ApprovalInbox({ locale, items, caption, empty, decide }: Props) {
  const t = messages(locale).workflow.inbox;
  const [state, dispatch, pending] = useActionState(decide, INITIAL);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [lastSeq, setLastSeq] = useState<number | undefined>(undefined);
  const statusRef = useRef<HTMLDivElement>(null);
  const approveRef = useRef<HTMLButtonElement>(null);
  const [asking, setAsking] = useState(false);
  const hydrated = useHydrated();
  const uid = useId();
  if (state.seq !== lastSeq) {
    setLastSeq(state.seq);
    if (state.ok) setSelected({});
  }
  // After an answer, the keyboard focus goes to it (the rows it was about may be gone); a question opens the confirmation.
  useEffect(() => {
    if (state.ask) setAsking(true);
    else if (state.seq !== undefined) statusRef.current?.focus();
  }, [state.ask, state.seq]);
  const confirmText: TConfirmText = { title: t.approveTitle, question: state.ask ?? "", confirm: t.approveConfirm, cancel: t.cancel };

  const count = items.filter((i) => selected[i.id]).length;
  const allSelected = items.length > 0 && count === items.length;
  const reasonError = state.fieldErrors?.reason;
  const rowErrors = state.rowErrors ?? {};
  const labelOf = (i: TInboxItemView) => `${i.unitName} – ${i.year} – ${i.target}`;

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(form, submitter instanceof HTMLButtonElement && submitter.form === form ? submitter : null);
    if (!fd.get("intent")) fd.set("intent", "approve");
    startTransition(() => dispatch(fd));
  }

  const status = (
    <div ref={statusRef} className={styles.live} role="status" aria-live="polite" aria-atomic="true" tabIndex={-1}>
      {state.message && (
        <div key={state.seq} className={state.ok ? "form-ok" : "form-error"}>
          <p className={styles.liveMessage}>{state.message}</p>
          {!state.ok && (Object.keys(rowErrors).length > 0 || reasonError) && (
            <ul className={styles.errorList}>
              {reasonError?.map((x, j) => (
                <li key={`r-${j}`}>
                  <a href={`#${uid}-reason`}>{t.reason}</a>: {x}
                </li>
              ))}
              {items
                .filter((i) => rowErrors[i.id])
                .flatMap((i) =>
                  rowErrors[i.id]!.map((x, j) => (
                    <li key={`${i.id}-${j}`}>
                      <a href={`#${uid}-${i.id}`}>{labelOf(i)}</a>: {x}
                    </li>
                  )),
                )}
            </ul>
          )}
        </div>
      )}
    </div>
  );

  if (items.length === 0) {
    return (
      <div className={styles.inbox} data-inbox>
        {status}
        <p className="card empty">{empty}</p>
      </div>
    );
  }

  return (
    <form className={styles.inbox} action={dispatch} onSubmit={onSubmit} noValidate aria-busy={pending} data-inbox>
      <div className="table-wrap">
        <table className={styles.table}>
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              <th scope="col" className={styles.select}>
                <label className={styles.selectAll}>
                  <input
                    type="checkbox"
                    checked={allSelected}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected(Object.fromEntries(items.map((i) => [i.id, on])));
                    }}
                  />
                  <span className={styles.selectAllText}>{t.selectAll}</span>
                </label>
              </th>
              <th scope="col">{t.cols.unit}</th>
              <th scope="col">{t.cols.target}</th>
              <th scope="col">{t.cols.year}</th>
              <th scope="col" className={styles.num}>
                {t.cols.value}
              </th>
              <th scope="col">{t.cols.submitted}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const errors = rowErrors[i.id];
              const errId = errors ? `${uid}-err-${i.id}` : undefined;
              return (
                <tr key={`${i.id}@${i.version}`} data-result-id={i.id} className={errors ? styles.rowError : undefined}>
                  <td className={styles.select}>
                    <input
                      type="checkbox"
                      id={`${uid}-${i.id}`}
                      name="ids"
                      value={`${i.id}@${i.version}`}
                      checked={!!selected[i.id]}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        setSelected((s) => ({ ...s, [i.id]: on }));
                      }}
                      aria-label={t.select(labelOf(i))}
                      aria-describedby={errId}
                    />
                  </td>
                  <th scope="row" data-label={t.cols.unit}>
                    {i.unitName}
                  </th>
                  <td data-label={t.cols.target}>
                    <span className={styles.target}>{i.target}</span>
                    {i.plan && (
                      <Link href={i.plan.href} className={styles.plan}>
                        {i.plan.label}
                      </Link>
                    )}
                    {errors && (
                      <ul id={errId} className={styles.errors}>
                        {errors.map((x, j) => (
                          <li key={j}>{x}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td data-label={t.cols.year}>{i.year}</td>
                  <td data-label={t.cols.value} className={styles.num}>
                    <span className={styles.value}>{i.value}</span>
                    {i.baseline && <span className={styles.meta}>{t.baseline(i.baseline)}</span>}
                    {i.isDemo && <span className="badge demo">{t.demo}</span>}
                  </td>
                  <td data-label={t.cols.submitted}>
                    {i.submittedBy && <span>{i.submittedBy}</span>}
                    <span className={styles.meta}>{i.submittedAt}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <div className={styles.decide}>
        <p className={styles.count} aria-live="polite">
          {t.selected(count)}
        </p>
        <div className={styles.reason}>
          <label htmlFor={`${uid}-reason`}>{t.reason}</label>
          <textarea
            id={`${uid}-reason`}
            name="reason"
            rows={2}
            maxLength={2000}
            aria-describedby={`${uid}-hint${reasonError ? ` ${uid}-reason-err` : ""}`}
            aria-invalid={!!reasonError || undefined}
          />
          <p id={`${uid}-hint`} className={styles.meta}>
            {t.reasonHint}
          </p>
          {reasonError && (
            <p id={`${uid}-reason-err`} className="field-error">
              {reasonError.join(" ")}
            </p>
          )}
        </div>
        <div className={styles.buttons}>
          <button ref={approveRef} type="submit" name="intent" value="approve" className="button" disabled={pending} aria-haspopup="dialog">
            {t.approve}
          </button>
          <button type="submit" name="intent" value="return" className="button secondary" disabled={pending}>
            {t.return}
          </button>
          {pending && <span className={styles.meta}>{t.working}</span>}
        </div>
        <ConfirmDialog open={asking} onClose={() => setAsking(false)} text={confirmText} returnFocus={approveRef} />
        {state.ask && !hydrated && <ConfirmInline text={confirmText} question={state.ask} />}
        {status}
      </div>
    </form>
  );
}
