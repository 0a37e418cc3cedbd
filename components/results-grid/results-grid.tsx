"use client";
// The result-entry grid: one row per (target, unit, year), grouped by target.
// The inputs belong to one form (#results-grid-form, via the `form` attribute) so
// each published row can hold its own "Mở lại" form inside the table. Submitting
// goes through useActionState without React's automatic form reset: on an error or
// a conflict the user's typed values stay where they are.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useRef, useState } from "react";
import {
  publishResultsAction,
  saveResultsAction,
  submitResultsAction,
} from "@/app/(workspace)/workspace/plans/[id]/results/actions";
import type { Locale } from "@/lib/i18n/locale";
import { ReopenForm } from "./reopen-form";
import styles from "./grid.module.css";
import { FIELD_SEP, type TConflictView, type TGridActionState, type TGridGroupView, type TGridRowView, type THistoryEntryView, type TRowError } from "./types";
import { messages } from "@/lib/i18n/messages";
import type { TMessages } from "@/lib/i18n/messages";

export const GRID_FORM_ID = "results-grid-form";
const COLS = 8;

type THistory = { resultId: string; entries: THistoryEntryView[] | null; title: string };

type Props = {
  planId: string;
  locale: Locale;
  caption: string;
  groups: TGridGroupView[];
  mayPublish: boolean;
  /** The path of this page, for the history links. */
  basePath: string;
  history: THistory | null;
};

const INITIAL: TGridActionState = { ok: false };

async function dispatchIntent(prev: TGridActionState, fd: FormData): Promise<TGridActionState> {
  switch (fd.get("intent")) {
    case "publish":
      return publishResultsAction(prev, fd);
    case "submit":
      return submitResultsAction(prev, fd);
    default:
      return saveResultsAction(prev, fd);
  }
}

export function ResultsGrid({ planId, locale, caption, groups, mayPublish, basePath, history }: Props) {
  const m = messages(locale).grid;
  const [state, dispatch, pending] = useActionState(dispatchIntent, INITIAL);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [override, setOverride] = useState<Record<string, number>>({});
  const [lastSeq, setLastSeq] = useState<number | undefined>(undefined);
  const lastIntent = useRef<string>("save");

  // After a successful answer the rows re-render from the server: version overrides are
  // spent; selections are kept after "Lưu nháp" (to submit or publish next), else cleared.
  if (state.seq !== lastSeq) {
    setLastSeq(state.seq);
    if (state.ok) {
      setOverride({});
      if (lastIntent.current !== "save") setSelected({});
    }
  }

  const allRows = groups.flatMap((g) => g.rows);
  const indexOf = new Map(allRows.map((r, i) => [r.key, i]));
  const selectable = allRows.filter((r) => r.canEdit && r.result?.status !== "PUBLISHED");
  const allSelected = selectable.length > 0 && selectable.every((r) => selected[r.key]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(form, submitter instanceof HTMLButtonElement && submitter.form === form ? submitter : null);
    if (!fd.get("intent")) fd.set("intent", "save");
    lastIntent.current = String(fd.get("intent"));
    startTransition(() => dispatch(fd));
  }

  const errors = rowErrorsOf(state);
  const errorKeys = Object.keys(errors);
  const rowByKey = new Map(allRows.map((r) => [r.key, r]));

  return (
    <div className={styles.grid}>
      <p className={styles.help}>{m.help.actions}</p>
      {!mayPublish && <p className={styles.help}>{m.help.noPublish}</p>}
      <div className={styles.scroller} role="region" aria-label={caption} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption}>
            <span>{caption}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                {m.cols.unit} · {m.cols.year}
              </th>
              <th scope="col">{m.cols.current}</th>
              <th scope="col" className={styles.valueCell}>
                {m.cols.value}
              </th>
              <th scope="col" className={styles.baselineCell}>
                {m.cols.baseline}
                <span className={styles.sub}>{m.cols.baselineHint}</span>
              </th>
              <th scope="col">{m.cols.note}</th>
              <th scope="col">{m.cols.evidence}</th>
              <th scope="col" className={styles.selectCol}>
                <span aria-hidden="true">{m.cols.select}</span>
                <input
                  type="checkbox"
                  aria-label={m.labels.selectAll}
                  checked={allSelected}
                  disabled={selectable.length === 0}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setSelected(Object.fromEntries(selectable.map((r) => [r.key, on])));
                  }}
                />
              </th>
              <th scope="col">
                <span className="sr-only">{m.history.show}</span>
              </th>
            </tr>
          </thead>
          {groups.map((g) => (
            <tbody key={g.target.id} data-target-id={g.target.id}>
              <tr className={styles.groupRow}>
                <th scope="colgroup" colSpan={COLS} id={`t-${g.target.id}`}>
                  <div className={styles.groupInner}>
                    {g.target.isSub && <span className={styles.ofWhich}>↳ {m.ofWhich}</span>}
                    <span className={styles.targetText}>{g.target.text}</span>
                    <span className={styles.statement}>“{g.target.statement}”</span>
                  </div>
                </th>
              </tr>
              {g.rows.map((row) => (
                <GridRow
                  key={`${row.key}@${row.result?.version ?? 0}`}
                  row={row}
                  index={indexOf.get(row.key)!}
                  locale={locale}
                  planId={planId}
                  selected={!!selected[row.key]}
                  onSelect={(on) => setSelected((s) => ({ ...s, [row.key]: on }))}
                  versionOverride={override[row.key]}
                  onUseMine={(v) => setOverride((o) => ({ ...o, [row.key]: v }))}
                  errors={errors[row.key]}
                  basePath={basePath}
                  history={history && row.result?.id === history.resultId ? history : null}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>

      <form id={GRID_FORM_ID} className={styles.actions} onSubmit={onSubmit} noValidate aria-busy={pending}>
        <input type="hidden" name="planId" value={planId} />
        <div className={styles.live} role="status" aria-live="polite" aria-atomic="true">
          {state.message && (
            <div key={state.seq} className={state.ok ? "form-ok" : "form-error"}>
              <p className={styles.liveMessage}>{state.message}</p>
              {(errorKeys.length > 0 || (state.details?.length ?? 0) > 0) && (
                <ul className={styles.errorList} aria-label={m.errorsTitle}>
                  {errorKeys.map((key) => {
                    const row = rowByKey.get(key);
                    const i = indexOf.get(key);
                    const where = row ? `${row.labelWhat} – ${row.unitName} – ${row.year}` : key;
                    return (errors[key] ?? []).map((e, j) => (
                      <li key={`${key}-${j}`}>
                        {i !== undefined && row?.canEdit && row.result?.status !== "PUBLISHED" ? <a href={`#v-${i}`}>{where}</a> : <strong>{where}</strong>}:{" "}
                        {e.conflict ? conflictText(e.conflict, m) : e.message}
                      </li>
                    ));
                  })}
                  {state.details?.map((d, j) => (
                    <li key={`d-${j}`}>{d}</li>
                  ))}
                </ul>
              )}
            </div>
          )}
          {state.message && (state.warnings?.length ?? 0) > 0 && (
            <div key={`w-${state.seq}`} className={styles.warnings} data-warnings={state.warnings!.length}>
              <p className={styles.warningsTitle}>{m.warningsTitle}</p>
              <ul className={styles.errorList} aria-label={m.warningsTitle}>
                {state.warnings!.map((w, j) => {
                  const row = rowByKey.get(w.key);
                  const i = indexOf.get(w.key);
                  const where = row ? `${row.labelWhat} – ${row.unitName} – ${row.year}` : w.key;
                  const input = i === undefined ? null : w.field === "baseline" && row?.valueKind === "rate" ? `#b-${i}` : `#v-${i}`;
                  const linkable = input && row?.canEdit && row.result?.status !== "PUBLISHED";
                  return (
                    <li key={`w-${w.key}-${j}`} data-warning-code={w.code}>
                      {linkable ? <a href={input}>{where}</a> : <strong>{where}</strong>}: {w.message}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
        </div>
        <div className={styles.buttons}>
          <button type="submit" name="intent" value="save" className="button secondary" disabled={pending}>
            {m.buttons.save}
          </button>
          <button type="submit" name="intent" value="submit" className="button secondary" disabled={pending}>
            {m.buttons.submit}
          </button>
          {mayPublish && (
            <button type="submit" name="intent" value="publish" className="button" disabled={pending}>
              {m.buttons.publish}
            </button>
          )}
          {pending && <span className={styles.working}>{m.buttons.working}</span>}
        </div>
      </form>
    </div>
  );
}

type RowProps = {
  row: TGridRowView;
  index: number;
  locale: Locale;
  planId: string;
  selected: boolean;
  onSelect: (on: boolean) => void;
  versionOverride: number | undefined;
  onUseMine: (version: number) => void;
  errors: TRowError[] | undefined;
  basePath: string;
  history: THistory | null;
};

function GridRow({ row, index, locale, planId, selected, onSelect, versionOverride, onUseMine, errors, basePath, history }: RowProps) {
  const m = messages(locale).grid;
  const router = useRouter();
  const [typed, setTyped] = useState<string | null>(null);
  const [keptMine, setKeptMine] = useState(false);
  const r = row.result;
  const locked = r?.status === "PUBLISHED";
  const editable = row.canEdit && !locked;
  const n = (field: string) => `rows.${index}.${field}`;
  const id = (p: string) => `${p}-${index}`;
  const what = row.labelWhat;
  const rate = row.valueKind === "rate";

  // A conflict is settled once the page shows the version it was about.
  const visible = (errors ?? []).filter((e) => !e.conflict || !r || e.conflict.version !== r.version || versionOverride !== undefined);
  const msgId = visible.length ? id("msg") : undefined;
  const fieldHas = (f: string) => visible.some((e) => e.field === f || (!e.field && f === "value"));
  const unitSuffix = row.measureUnit === "%" ? "%" : row.measureUnit;

  const touch = (e: React.ChangeEvent<HTMLInputElement>) => {
    if (e.currentTarget.name === n("value")) setTyped(e.currentTarget.value);
    if (!selected) onSelect(true);
  };

  const statusKey = r ? r.status : "NONE";

  return (
    <>
      <tr className={[styles.row, visible.length ? styles.rowError : "", locked ? styles.rowLocked : ""].join(" ")} data-row-key={row.key}>
        <th scope="row" className={styles.where}>
          {row.unitName}
          <span className={styles.year}>{row.year}</span>
        </th>
        <td className={styles.current}>
          <span className={styles.currentValue}>{r ? `${r.valueText}${r.valueText === "—" ? "" : row.measureUnit === "%" ? "%" : ` ${row.measureUnit}`}` : "—"}</span>
          <span className={`${styles.status} ${styles[`status${statusKey}`] ?? ""}`} data-status={statusKey}>
            {m.status[statusKey]}
          </span>
          {r && (
            <span className={styles.meta}>
              {m.version(r.version)}
              {r.enteredBy && <> · {m.enteredBy(r.enteredBy, r.updatedAt)}</>}
              {r.approvedBy && r.approvedAt && locked && <> · {m.approvedBy(r.approvedBy, r.approvedAt)}</>}
            </span>
          )}
          {r?.isDemo && <span className="badge demo">{m.demo}</span>}
        </td>
        {editable ? (
          <>
            <td className={styles.valueCell}>
              <HiddenIdentity row={row} n={n} versionOverride={versionOverride} />
              <label htmlFor={id("v")} className="sr-only">
                {m.labels.value(row.year, what, row.unitName)}
              </label>
              <span className={styles.withUnit}>
                <input
                  id={id("v")}
                  name={n("value")}
                  form={GRID_FORM_ID}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  defaultValue={r?.valueInput ?? ""}
                  onChange={touch}
                  aria-invalid={fieldHas("value") || undefined}
                  aria-describedby={msgId}
                  className={styles.num}
                />
                <span className={styles.unit} aria-hidden="true">
                  {unitSuffix}
                </span>
              </span>
            </td>
            <td className={styles.baselineCell}>
              {rate ? (
                <>
                  <input type="hidden" name={n("baseline0")} value={r?.baselineInput ?? ""} form={GRID_FORM_ID} />
                  <label htmlFor={id("b")} className="sr-only">
                    {m.labels.baseline(row.year, what, row.unitName)}
                  </label>
                  <span className={styles.withUnit}>
                    <input
                      id={id("b")}
                      name={n("baseline")}
                      form={GRID_FORM_ID}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      defaultValue={r?.baselineInput ?? ""}
                      onChange={touch}
                      aria-invalid={fieldHas("baseline") || undefined}
                      aria-describedby={msgId}
                      className={styles.num}
                    />
                    <span className={styles.unit} aria-hidden="true">
                      %
                    </span>
                  </span>
                </>
              ) : (
                <span className={styles.na} aria-hidden="true">
                  —
                </span>
              )}
            </td>
            <td>
              <input type="hidden" name={n("note0")} value={r?.note ?? ""} form={GRID_FORM_ID} />
              <label htmlFor={id("n")} className="sr-only">
                {m.labels.note(row.year, what, row.unitName)}
              </label>
              <input
                id={id("n")}
                name={n("note")}
                form={GRID_FORM_ID}
                type="text"
                autoComplete="off"
                defaultValue={r?.note ?? ""}
                onChange={touch}
                aria-invalid={fieldHas("note") || undefined}
                aria-describedby={msgId}
                className={styles.text}
              />
            </td>
            <td>
              <input type="hidden" name={n("evidenceUrl0")} value={r?.evidenceUrl ?? ""} form={GRID_FORM_ID} />
              <label htmlFor={id("e")} className="sr-only">
                {m.labels.evidence(row.year, what, row.unitName)}
              </label>
              <input
                id={id("e")}
                name={n("evidenceUrl")}
                form={GRID_FORM_ID}
                type="text"
                inputMode="url"
                autoComplete="off"
                placeholder="https://"
                defaultValue={r?.evidenceUrl ?? ""}
                onChange={touch}
                aria-invalid={fieldHas("evidenceUrl") || undefined}
                aria-describedby={msgId}
                className={styles.text}
              />
            </td>
            <td className={styles.selectCol}>
              <label htmlFor={id("s")} className="sr-only">
                {m.labels.select(row.year, what, row.unitName)}
              </label>
              <input
                id={id("s")}
                name={n("selected")}
                form={GRID_FORM_ID}
                type="checkbox"
                checked={selected}
                onChange={(e) => onSelect(e.currentTarget.checked)}
              />
            </td>
          </>
        ) : (
          <td colSpan={5} className={styles.lockedCell}>
            <span className={styles.lockedText}>{locked ? m.lockedHint : ""}</span>
            {r?.note && <span className={styles.meta}>{r.note}</span>}
            {r?.evidenceUrl && (
              <span className={styles.meta}>
                <a href={r.evidenceUrl} rel="noopener noreferrer">
                  {r.evidenceUrl}
                </a>
              </span>
            )}
            {locked && row.canReopen && r && <ReopenForm locale={locale} planId={planId} resultId={r.id} version={r.version} label={m.labels.reason(row.year, what, row.unitName)} />}
          </td>
        )}
        <td className={styles.historyCell}>
          {r && row.canReadHistory && (
            <Link
              href={history ? basePath : `${basePath}?history=${encodeURIComponent(r.id)}#history-${r.id}`}
              scroll={!history}
              aria-expanded={!!history}
              aria-label={`${history ? m.history.hide : m.history.show} – ${what} – ${row.unitName} – ${row.year}`}
            >
              {history ? m.history.hide : m.history.show}
            </Link>
          )}
        </td>
      </tr>
      {visible.length > 0 && (
        <tr className={styles.msgRow}>
          <td colSpan={COLS} id={msgId}>
            <div className={styles.stickyInner}>
              {visible.map((e, j) => (
                <div key={j} className={styles.msg}>
                  {!e.conflict && <p>{e.message}</p>}
                  {e.conflict && (
                    <div className={styles.conflict} data-conflict-version={e.conflict.version}>
                      <p className={styles.conflictHead}>{conflictText(e.conflict, m)}</p>
                      {typed !== null && <p>{m.conflict.yours(typed)}</p>}
                      {keptMine && <p>{m.conflict.useMineDone}</p>}
                      <div className={styles.conflictButtons}>
                        {e.conflict.code !== "locked" && editable && (
                          <button
                            type="button"
                            className="button secondary"
                            onClick={() => {
                              onUseMine(e.conflict!.version);
                              setKeptMine(true);
                              document.getElementById(id("v"))?.focus();
                            }}
                          >
                            {m.buttons.useMine}
                          </button>
                        )}
                        <button type="button" className="button secondary" onClick={() => router.refresh()}>
                          {m.buttons.reload}
                        </button>
                      </div>
                    </div>
                  )}
                </div>
              ))}
            </div>
          </td>
        </tr>
      )}
      {history && (
        <tr className={styles.historyRow}>
          <td colSpan={COLS}>
            <div className={styles.stickyInner}>
              <HistoryPanel history={history} locale={locale} />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

/** The state's messages grouped by row key (conflicts first). */
function rowErrorsOf(state: TGridActionState): Record<string, TRowError[]> {
  const out: Record<string, TRowError[]> = {};
  for (const [key, c] of Object.entries(state.conflicts ?? {})) {
    const { message, ...conflict } = c;
    (out[key] ??= []).push({ message, field: "version", conflict });
  }
  for (const [k, messages] of Object.entries(state.fieldErrors ?? {})) {
    const at = k.indexOf(FIELD_SEP);
    const key = at === -1 ? k : k.slice(0, at);
    const field = at === -1 ? undefined : k.slice(at + 1);
    for (const message of messages) (out[key] ??= []).push({ message, ...(field ? { field } : {}) });
  }
  return out;
}

function conflictText(c: TConflictView, m: TMessages["grid"]): string {
  const who = c.who ?? m.conflict.unknownWho;
  return c.code === "locked" ? m.conflict.locked(c.value, who, c.at) : m.conflict.other(c.value, who, c.at, c.version);
}

function HiddenIdentity({ row, n, versionOverride }: { row: TGridRowView; n: (f: string) => string; versionOverride: number | undefined }) {
  const r = row.result;
  return (
    <>
      <input type="hidden" name={n("targetId")} value={row.targetId} form={GRID_FORM_ID} />
      <input type="hidden" name={n("unitCode")} value={row.unitCode} form={GRID_FORM_ID} />
      <input type="hidden" name={n("year")} value={row.year} form={GRID_FORM_ID} />
      <input type="hidden" name={n("value0")} value={r?.valueInput ?? ""} form={GRID_FORM_ID} />
      {r && (
        <>
          <input type="hidden" name={n("resultId")} value={r.id} form={GRID_FORM_ID} />
          <input type="hidden" name={n("status")} value={r.status} form={GRID_FORM_ID} />
          <input type="hidden" name={n("version")} value={versionOverride ?? r.version} form={GRID_FORM_ID} />
        </>
      )}
    </>
  );
}

function HistoryPanel({ history, locale }: { history: THistory; locale: Locale }) {
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
