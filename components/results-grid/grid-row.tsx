"use client";
// One (target, unit, year) row of the result-entry grid: where and what is stored now, the
// inputs (when the row may be edited) or the locked result with its "Mở lại" form, the
// history link; under it the row's messages (conflicts with their choices) and its history.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { messages, type TMessages } from "@/lib/i18n/messages";
import type { TActionState, TFormAction } from "@/lib/validation/action-state";
import styles from "./grid.module.css";
import { HistoryPanel } from "./history-panel";
import { ReopenForm } from "./reopen-form";
import { GRID_COLS, GRID_FORM_ID, type TConflictView, type TGridRowView, type THistoryView, type TRowError } from "./types";

type TGridText = TMessages["grid"];

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
  /** The grid's filter as a query string ("status=returned&year=2024"), kept by the history links. */
  query?: string;
  history: THistoryView | null;
  reopen: TFormAction<TActionState>;
  /** Keeps the row in view after its status changes (the grid's filter would hide it). */
  onPin?: () => void;
};

export function GridRow(props: RowProps) {
  const { row, index, locale, errors, versionOverride, history } = props;
  const m = messages(locale).grid;
  const [typed, setTyped] = useState<string | null>(null);
  const [keptMine, setKeptMine] = useState(false);
  const r = row.result;
  const locked = r?.status === "PUBLISHED";
  const editable = row.canEdit && !locked;
  // A conflict is settled once the page shows the version it was about.
  const visible = (errors ?? []).filter((e) => !e.conflict || !r || e.conflict.version !== r.version || versionOverride !== undefined);
  const msgId = visible.length ? `msg-${index}` : undefined;

  return (
    <>
      <tr className={[styles.row, visible.length ? styles.rowError : "", locked ? styles.rowLocked : ""].join(" ")} data-row-key={row.key}>
        <th scope="row" className={styles.where}>
          {row.unitName}
          <span className={styles.year}>{row.year}</span>
        </th>
        <CurrentCell row={row} m={m} />
        {editable ? (
          <EditableCells {...props} m={m} visible={visible} msgId={msgId} onTyped={setTyped} />
        ) : (
          <LockedCell {...props} m={m} />
        )}
        <td className={styles.historyCell}>
          <HistoryLink row={row} m={m} basePath={props.basePath} query={props.query ?? ""} open={!!history} />
        </td>
      </tr>
      {visible.length > 0 && <RowMessages {...props} m={m} visible={visible} msgId={msgId!} typed={typed} editable={editable} keptMine={keptMine} onKeptMine={() => setKeptMine(true)} />}
      {history && (
        <tr className={styles.historyRow}>
          <td colSpan={GRID_COLS}>
            <div className={styles.stickyInner}>
              <HistoryPanel history={history} locale={locale} />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

/** What is stored now: the value, its status, version, who entered and who approved it. */
function CurrentCell({ row, m }: { row: TGridRowView; m: TGridText }) {
  const r = row.result;
  const statusKey = r ? r.status : "NONE";
  return (
    <td className={styles.current} data-label={m.cols.current}>
      <span className={styles.currentValue}>{r ? `${r.valueText}${r.valueText === "—" ? "" : row.measureUnit === "%" ? "%" : ` ${row.measureUnit}`}` : "—"}</span>
      <span className={`${styles.status} ${styles[`status${statusKey}`] ?? ""}`} data-status={statusKey}>
        {m.status[statusKey]}
      </span>
      {r && (
        <span className={styles.meta}>
          {m.version(r.version)}
          {r.enteredBy && <> · {m.enteredBy(r.enteredBy, r.updatedAt)}</>}
          {r.approvedBy && r.approvedAt && r.status === "PUBLISHED" && <> · {m.approvedBy(r.approvedBy, r.approvedAt)}</>}
        </span>
      )}
      {r?.returnReason && (
        <span className={r.status === "RETURNED" ? styles.returnReason : styles.meta} data-return-reason>
          {r.status === "RETURNED" ? m.returnReason(r.returnReason) : m.returnedBefore(r.returnReason)}
        </span>
      )}
      {r?.isDemo && <span className="badge demo">{m.demo}</span>}
    </td>
  );
}

type TEditableProps = RowProps & { m: TGridText; visible: TRowError[]; msgId: string | undefined; onTyped: (value: string) => void };

/** The inputs of a row that may be edited: value, baseline (rates, and kinds measured from one), note, evidence link, and "Chọn". */
function EditableCells({ row, index, selected, onSelect, versionOverride, m, visible, msgId, onTyped }: TEditableProps) {
  const r = row.result;
  const label = (f: (year: number, what: string, unit: string) => string) => f(row.year, row.labelWhat, row.unitName);
  const input = (field: TInputField) => ({
    index,
    field,
    invalid: visible.some((e) => e.field === field || (!e.field && field === "value")),
    describedBy: msgId,
    onChange: (value: string) => {
      if (field === "value") onTyped(value);
      if (!selected) onSelect(true);
    },
  });
  return (
    <>
      <td className={styles.valueCell} data-label={m.cols.value}>
        <HiddenIdentity row={row} index={index} versionOverride={versionOverride} />
        <GridInput {...input("value")} initial={r?.valueInput ?? ""} label={label(m.labels.value)} unit={row.measureUnit} />
      </td>
      <td className={`${styles.baselineCell} ${row.baseline ? "" : styles.noBaseline}`} data-label={m.cols.baseline}>
        {row.baseline ? (
          <GridInput
            {...input("baseline")}
            initial={r?.baselineInput ?? ""}
            label={
              row.baseline.endOfYear === null
                ? m.labels.baselineReference(row.labelWhat, row.unitName)
                : m.labels.baseline(row.baseline.endOfYear + 1, row.labelWhat, row.unitName)
            }
            unit={row.baseline.unit}
          />
        ) : (
          <span className={styles.na} aria-hidden="true">
            —
          </span>
        )}
      </td>
      <td data-label={m.cols.note}>
        <GridInput {...input("note")} initial={r?.note ?? ""} label={label(m.labels.note)} />
      </td>
      <td data-label={m.cols.evidence}>
        <GridInput {...input("evidenceUrl")} initial={r?.evidenceUrl ?? ""} label={label(m.labels.evidence)} />
      </td>
      <td className={styles.selectCol} data-label={m.cols.select}>
        <label htmlFor={`s-${index}`} className="sr-only">
          {label(m.labels.select)}
        </label>
        <input id={`s-${index}`} name={`rows.${index}.selected`} form={GRID_FORM_ID} type="checkbox" checked={selected} onChange={(e) => onSelect(e.currentTarget.checked)} />
      </td>
    </>
  );
}

type TInputField = "value" | "baseline" | "note" | "evidenceUrl";

/** Each input: the prefix of its id (links point at "#v-3"), and how it is typed. */
const INPUTS: Record<TInputField, { id: string; number: boolean; inputMode?: "decimal" | "url"; placeholder?: string }> = {
  value: { id: "v", number: true, inputMode: "decimal" },
  baseline: { id: "b", number: true, inputMode: "decimal" },
  note: { id: "n", number: false },
  evidenceUrl: { id: "e", number: false, inputMode: "url", placeholder: "https://" },
};

type TGridInputProps = {
  index: number;
  field: TInputField;
  /** What was loaded; posted again as "<field>0" so the server sees what changed. */
  initial: string;
  label: string;
  /** Shown after the input ("%", "người"…). */
  unit?: string;
  invalid: boolean;
  describedBy: string | undefined;
  onChange: (value: string) => void;
};

/** One input cell of the grid: what was loaded (hidden), the label for screen readers, the input. */
function GridInput({ index, field, initial, label, unit, invalid, describedBy, onChange }: TGridInputProps) {
  const spec = INPUTS[field];
  const id = `${spec.id}-${index}`;
  const input = (
    <input
      id={id}
      name={`rows.${index}.${field}`}
      form={GRID_FORM_ID}
      type="text"
      inputMode={spec.inputMode}
      autoComplete="off"
      placeholder={spec.placeholder}
      defaultValue={initial}
      onChange={(e) => onChange(e.currentTarget.value)}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      className={spec.number ? styles.num : styles.text}
    />
  );
  return (
    <>
      <input type="hidden" name={`rows.${index}.${field}0`} value={initial} form={GRID_FORM_ID} />
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      {unit === undefined ? (
        input
      ) : (
        <span className={styles.withUnit}>
          {input}
          <span className={styles.unit} aria-hidden="true">
            {unit}
          </span>
        </span>
      )}
    </>
  );
}

/** Which cell of which result a row posts: target, unit, year, and the stored result's id, status and version. */
function HiddenIdentity({ row, index, versionOverride }: { row: TGridRowView; index: number; versionOverride: number | undefined }) {
  const r = row.result;
  const n = (field: string) => `rows.${index}.${field}`;
  return (
    <>
      <input type="hidden" name={n("targetId")} value={row.targetId} form={GRID_FORM_ID} />
      <input type="hidden" name={n("unitCode")} value={row.unitCode} form={GRID_FORM_ID} />
      <input type="hidden" name={n("year")} value={row.year} form={GRID_FORM_ID} />
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

/** A row that may not be edited: approved (with "Mở lại" for those who may reopen) or outside the actor's rights. */
function LockedCell({ row, locale, planId, reopen, onPin, m }: RowProps & { m: TGridText }) {
  const r = row.result;
  const locked = r?.status === "PUBLISHED";
  return (
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
      {locked && row.canReopen && r && (
        <ReopenForm locale={locale} planId={planId} resultId={r.id} version={r.version} label={m.labels.reason(row.year, row.labelWhat, row.unitName)} reopen={reopen} onSend={onPin} />
      )}
    </td>
  );
}

function HistoryLink({ row, m, basePath, query, open }: { row: TGridRowView; m: TGridText; basePath: string; query: string; open: boolean }) {
  const r = row.result;
  if (!r || !row.canReadHistory) return null;
  return (
    <Link
      href={open ? `${basePath}${query ? `?${query}` : ""}` : `${basePath}?${query ? `${query}&` : ""}history=${encodeURIComponent(r.id)}#history-${r.id}`}
      scroll={!open}
      aria-expanded={open}
      aria-label={`${open ? m.history.hide : m.history.show} – ${row.labelWhat} – ${row.unitName} – ${row.year}`}
    >
      {open ? m.history.hide : m.history.show}
    </Link>
  );
}

type TMessagesProps = RowProps & { m: TGridText; visible: TRowError[]; msgId: string; typed: string | null; editable: boolean; keptMine: boolean; onKeptMine: () => void };

/** The row's messages; a conflict shows what is stored now, with "keep mine" and "reload". */
function RowMessages({ index, onUseMine, m, visible, msgId, typed, editable, keptMine, onKeptMine }: TMessagesProps) {
  const router = useRouter();
  return (
    <tr className={styles.msgRow}>
      <td colSpan={GRID_COLS} id={msgId}>
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
                          onKeptMine();
                          document.getElementById(`v-${index}`)?.focus();
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
  );
}

/** A conflict as the grid says it: who changed the value, or that it is approved. */
export function conflictText(c: TConflictView, m: TGridText): string {
  const who = c.who ?? m.conflict.unknownWho;
  return c.code === "locked" ? m.conflict.locked(c.value, who, c.at) : m.conflict.other(c.value, who, c.at, c.version);
}
