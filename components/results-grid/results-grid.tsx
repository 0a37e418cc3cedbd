"use client";
// The result-entry grid: one row per (target, unit, year), grouped by target.
// The inputs belong to one form (#results-grid-form, via the `form` attribute) so
// each published row can hold its own "Mở lại" form inside the table. Submitting
// goes through useActionState without React's automatic form reset: on an error or
// a conflict the user's typed values stay where they are. The page passes the actions.
import { startTransition, useActionState, useCallback, useEffect, useRef, useState } from "react";
import { matchesCellFilter } from "@/lib/domain/results";
import type { Locale } from "@/lib/i18n/locale";
import { messages, type TMessages } from "@/lib/i18n/messages";
import type { TActionState, TFormAction } from "@/lib/validation/action-state";
import { GridRow } from "./grid-row";
import { GridStatus } from "./grid-status";
import styles from "./grid.module.css";
import { FIELD_SEP, GRID_COLS, GRID_FORM_ID, rowKeyOf, type TGridActionState, type TGridFilter, type TGridGroupView, type TGridRowView, type THistoryView, type TRowError } from "./types";

/** The grid's actions, by the button that posts: "Lưu nháp", "Gửi duyệt", "Duyệt và công bố"; and "Mở lại". */
export type TGridActions = {
  save: TFormAction<TGridActionState>;
  submit: TFormAction<TGridActionState>;
  publish: TFormAction<TGridActionState>;
  reopen: TFormAction<TActionState>;
};

type Props = {
  planId: string;
  locale: Locale;
  caption: string;
  groups: TGridGroupView[];
  mayPublish: boolean;
  /** Every row is a published figure to read (a unit merged into the actor's): no entry, no buttons. */
  readOnly?: boolean;
  /** The path of this page, for the history links. */
  basePath: string;
  history: THistoryView | null;
  actions: TGridActions;
  /**
   * The rows to show (URL `status` and `year`); none: every row. Rows the person typed in,
   * selected or wrote stay shown after their status changes, until the page is left.
   */
  filter?: TGridFilter;
};

type TGridText = TMessages["grid"];

const INITIAL: TGridActionState = { ok: false };

export function ResultsGrid({ planId, locale, caption, groups: allGroups, mayPublish, readOnly = false, basePath, history, actions, filter }: Props) {
  const m = messages(locale).grid;
  const { state, pending, onSubmit, selected, setSelected, override, setOverride, pinned, pin, statusRef } = useGridState(actions, allGroups);
  const errors = rowErrorsOf(state);
  const shows = (r: TGridRowView) =>
    !filter || (matchesCellFilter(filter.status, r.result?.status) && (filter.year === null || r.year === filter.year)) || pinned.has(r.key) || !!selected[r.key] || !!errors[r.key];
  const groups = allGroups.map((g) => ({ ...g, rows: g.rows.filter(shows) })).filter((g) => g.rows.length > 0);
  const allRows = groups.flatMap((g) => g.rows);
  const total = allGroups.reduce((n, g) => n + g.rows.length, 0);
  const filtered = !!filter && (filter.status !== "all" || filter.year !== null);
  const indexOf = new Map(allRows.map((r, i) => [r.key, i]));

  return (
    <div className={styles.grid}>
      {readOnly ? (
        <p className={`${styles.help} notice`} data-read-only>
          {m.help.readOnly}
        </p>
      ) : (
        <>
          <p className={styles.help}>{m.help.actions}</p>
          {!mayPublish && <p className={styles.help}>{m.help.noPublish}</p>}
        </>
      )}
      {filtered && (
        <p className={styles.help} data-filter-count={allRows.length}>
          {allRows.length === 0 ? m.filter.noRows : m.filter.shown(allRows.length, total)}
        </p>
      )}
      <div className={styles.scroller} role="region" aria-label={caption} tabIndex={0}>
        <table className={styles.table}>
          <caption className={styles.caption}>
            <span>{caption}</span>
          </caption>
          <GridHead m={m} rows={allRows} selected={selected} onSelectAll={setSelected} />
          {groups.map((g) => (
            <tbody key={g.target.id} data-target-id={g.target.id}>
              <GroupHead target={g.target} m={m} />
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
                  query={filterQuery(filter)}
                  history={history && row.result?.id === history.resultId ? history : null}
                  reopen={actions.reopen}
                  onPin={() => pin(row.key)}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>

      {!readOnly && (
        <form id={GRID_FORM_ID} className={styles.actions} onSubmit={onSubmit} noValidate aria-busy={pending}>
          <input type="hidden" name="planId" value={planId} />
          <GridStatus state={state} errors={errors} rows={allRows} m={m} focusRef={statusRef} />
          <GridButtons m={m} mayPublish={mayPublish} pending={pending} />
        </form>
      )}
    </div>
  );
}

/**
 * The grid's answer and what the person chose: the selected rows and the versions they chose
 * to overwrite ("keep mine"). Each button posts its intent; the matching action answers.
 */
function useGridState({ save, submit, publish }: TGridActions, groups: TGridGroupView[]) {
  const byIntent = useCallback(
    (prev: TGridActionState, fd: FormData) => {
      const intent = fd.get("intent");
      return (intent === "publish" ? publish : intent === "submit" ? submit : save)(prev, fd);
    },
    [save, submit, publish],
  );
  const [state, dispatch, pending] = useActionState(byIntent, INITIAL);
  const [selected, setSelected] = useState<Record<string, boolean>>({});
  const [override, setOverride] = useState<Record<string, number>>({});
  const [lastSeq, setLastSeq] = useState<number | undefined>(undefined);
  const [pinned, setPinned] = useState<ReadonlySet<string>>(new Set());
  const lastIntent = useRef<string>("save");
  const statusRef = useRef<HTMLDivElement>(null);
  /** The row whose value input gets the focus back once the answer (and the new rows) are shown. */
  const focusKey = useRef<string | null>(null);

  // After a successful answer the rows re-render from the server: version overrides are
  // spent; selections are kept after "Lưu nháp" (to submit or publish next), else cleared.
  if (state.seq !== lastSeq) {
    setLastSeq(state.seq);
    if (state.ok) {
      setOverride({});
      if (lastIntent.current !== "save") setSelected({});
    }
  }

  // Keyboard focus after an answer: back to the first saved row's value input (it is re-drawn
  // with its new version), else to the answer itself. Tried again when the rows arrive, until
  // the person does something else.
  useEffect(() => {
    if (state.seq === undefined) return;
    focusKey.current = state.ok ? (state.savedKeys?.[0] ?? "") : "";
    const forget = () => (focusKey.current = null);
    window.addEventListener("keydown", forget, { once: true, capture: true });
    window.addEventListener("pointerdown", forget, { once: true, capture: true });
    return () => {
      window.removeEventListener("keydown", forget, { capture: true });
      window.removeEventListener("pointerdown", forget, { capture: true });
    };
  }, [state.seq, state.ok, state.savedKeys]);
  useEffect(() => {
    const key = focusKey.current;
    if (key === null) return;
    const input = key ? document.querySelector<HTMLInputElement>(`tr[data-row-key="${CSS.escape(key)}"] input[name$=".value"]`) : null;
    if (input) input.focus();
    else statusRef.current?.focus();
  }, [state.seq, groups]);

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const fd = new FormData(form, submitter instanceof HTMLButtonElement && submitter.form === form ? submitter : null);
    if (!fd.get("intent")) fd.set("intent", "save");
    lastIntent.current = String(fd.get("intent"));
    // Rows typed in or selected stay shown (a filter would hide a row whose status just changed).
    setPinned((p) => new Set([...p, ...touchedKeys(fd)]));
    startTransition(() => dispatch(fd));
  }
  const pin = useCallback((key: string) => setPinned((p) => new Set([...p, key])), []);
  return { state, pending, onSubmit, selected, setSelected, override, setOverride, pinned, pin, statusRef };
}

/** The filter as a query string for links that stay on this grid ("" when it shows every row). */
export function filterQuery(filter: TGridFilter | undefined): string {
  if (!filter) return "";
  const q = new URLSearchParams();
  if (filter.status !== "all") q.set("status", filter.status);
  if (filter.year !== null) q.set("year", String(filter.year));
  return q.toString();
}

/** The keys of the posted rows that were selected or changed ("rows.<n>.<field>" against "<field>0"). */
function touchedKeys(fd: FormData): string[] {
  const rows = new Map<string, Record<string, string>>();
  for (const [name, value] of fd.entries()) {
    const m = /^rows\.(\d+)\.(\w+)$/.exec(name);
    if (!m || typeof value !== "string") continue;
    const row = rows.get(m[1]!) ?? rows.set(m[1]!, {}).get(m[1]!)!;
    row[m[2]!] = value;
  }
  const changed = (r: Record<string, string>, f: string) => r[f] !== undefined && r[f]!.trim() !== (r[`${f}0`] ?? "").trim();
  return [...rows.values()]
    .filter((r) => r.selected === "on" || ["value", "baseline", "note", "evidenceUrl"].some((f) => changed(r, f)))
    .map((r) => rowKeyOf(r.targetId ?? "", r.unitCode ?? "", r.year ?? ""));
}

/** The row that names a group's target ("↳ Trong đó" for a sub-target). */
function GroupHead({ target, m }: { target: TGridGroupView["target"]; m: TGridText }) {
  return (
    <tr className={styles.groupRow}>
      <th scope="colgroup" colSpan={GRID_COLS} id={`t-${target.id}`}>
        <div className={styles.groupInner}>
          {target.isSub && <span className={styles.ofWhich}>↳ {m.ofWhich}</span>}
          <span className={styles.targetText}>{target.text}</span>
          <span className={styles.statement}>“{target.statement}”</span>
        </div>
      </th>
    </tr>
  );
}

function GridButtons({ m, mayPublish, pending }: { m: TGridText; mayPublish: boolean; pending: boolean }) {
  return (
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
  );
}

/** The column headers, with "select every selectable row". */
function GridHead({ m, rows, selected, onSelectAll }: { m: TGridText; rows: TGridRowView[]; selected: Record<string, boolean>; onSelectAll: (s: Record<string, boolean>) => void }) {
  const selectable = rows.filter((r) => r.canEdit && r.result?.status !== "PUBLISHED");
  const allSelected = selectable.length > 0 && selectable.every((r) => selected[r.key]);
  return (
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
              onSelectAll(Object.fromEntries(selectable.map((r) => [r.key, on])));
            }}
          />
        </th>
        <th scope="col">
          <span className="sr-only">{m.history.show}</span>
        </th>
      </tr>
    </thead>
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
