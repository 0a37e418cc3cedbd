"use server";
// Server actions of the result-entry grid, on the one action pipeline (lib/actions/pipeline.ts:
// who is asking → the posted grid parsed → the step → one error model → revalidate). The step
// calls the write path (lib/data/results-write.ts), which authorizes every row again and writes
// all or nothing; a hand-made post gets exactly the same checks as the screen.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { FIELD_SEP, rowKeyOf, type TConflictView, type TGridActionState, type TGridExtras, type TGridWarningView } from "@/components/results-grid/types";
import { defineAction, type TActionContext, type TParsed } from "@/lib/actions/pipeline";
import {
  MAX_BATCH_ROWS,
  publishResults,
  reopenResult,
  saveResults,
  submitResults,
  type TRefused,
  type TSaveOutcome,
  type TWriteError,
} from "@/lib/data/results-write";
import { failure } from "@/lib/errors";
import { formatDateTime, formatNumber } from "@/lib/domain/numbers";
import { RESULT_STATUSES, RESULT_TRANSITIONS, type TResultStatus } from "@/lib/domain/results";
import type { Locale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";
import { problemText } from "@/lib/i18n/problems";
import { ZId } from "@/lib/validation/fields";
import { UNIT_KEY_PATTERN } from "@/lib/domain/ids";

type TGridText = TMessages["grid"];

// ---------------------------------------------------------------------------
// The posted grid
// ---------------------------------------------------------------------------

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.string().max(max).optional();

/** One row of the grid as posted: identity, what was loaded (…0) and what is typed now. */
const ZGridRowForm = z.object({
  targetId: ZId,
  unitCode: z.string().regex(UNIT_KEY_PATTERN),
  year: z.string().regex(/^\d{4}$/).transform(Number),
  resultId: z.preprocess(blankToUndefined, ZId.optional()),
  status: z.preprocess(blankToUndefined, z.enum(RESULT_STATUSES).optional()),
  version: z.preprocess(blankToUndefined, z.string().regex(/^\d{1,10}$/).transform(Number).optional()),
  value: text(500),
  value0: text(500),
  baseline: text(500),
  baseline0: text(500),
  note: text(10_000),
  note0: text(10_000),
  evidenceUrl: text(5_000),
  evidenceUrl0: text(5_000),
  selected: z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean()),
});
type TGridRowForm = z.output<typeof ZGridRowForm>;

const ZGridForm = z.object({ planId: ZId, rows: z.array(ZGridRowForm).max(MAX_BATCH_ROWS) });
type TGridForm = z.output<typeof ZGridForm>;

const ROW_FIELD = /^rows\.(\d{1,4})\.([A-Za-z0-9]{1,20})$/;

/** FormData → { planId, rows[] } (fields named "rows.<n>.<field>"); anything else is a bad form. */
function parseGridForm(fd: FormData): TParsed<TGridForm> {
  const rows = new Map<number, Record<string, unknown>>();
  for (const [name, value] of fd.entries()) {
    const m = ROW_FIELD.exec(name);
    if (!m || typeof value !== "string") continue;
    const row = rows.get(Number(m[1])) ?? {};
    row[m[2]!] = value;
    rows.set(Number(m[1]), row);
  }
  const parsed = ZGridForm.safeParse({ planId: fd.get("planId"), rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r) });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
}

const changed = (now: string | undefined, before: string | undefined) => now !== undefined && now.trim() !== (before ?? "").trim();

/** True when the user typed something different from what was loaded. */
function isChanged(r: TGridRowForm): boolean {
  return changed(r.value, r.value0) || changed(r.baseline, r.baseline0) || changed(r.note, r.note0) || changed(r.evidenceUrl, r.evidenceUrl0);
}

/** The write path's row for a changed grid row: unchanged optional fields are left out (kept as stored). */
function toInput(r: TGridRowForm, publish?: boolean): Record<string, unknown> {
  return {
    targetId: r.targetId,
    unitCode: r.unitCode,
    year: r.year,
    value: r.value ?? "",
    ...(changed(r.baseline, r.baseline0) ? { baseline: r.baseline } : {}),
    ...(changed(r.note, r.note0) ? { note: r.note } : {}),
    ...(changed(r.evidenceUrl, r.evidenceUrl0) ? { evidenceUrl: r.evidenceUrl } : {}),
    ...(r.resultId && r.version !== undefined ? { version: r.version } : {}),
    ...(publish !== undefined ? { publish } : {}),
  };
}

const keyOfRow = (r: TGridRowForm) => rowKeyOf(r.targetId, r.unitCode, r.year);

/** The pages that show this plan's results. */
const gridPaths = ({ planId }: { planId: string }) => [`/workspace/plans/${planId}/results`, "/workspace", `/plans/${planId}`];

// ---------------------------------------------------------------------------
// The write path's answers as the grid shows them
// ---------------------------------------------------------------------------

const CONFLICT_CODES: ReadonlySet<string> = new Set<TConflictView["code"]>(["version_conflict", "version_required", "locked", "invalid_status"]);

function conflictView(e: TWriteError): TConflictView | undefined {
  if (!e.current || !CONFLICT_CODES.has(e.code)) return undefined;
  const c = e.current;
  return { code: e.code as TConflictView["code"], value: formatNumber(c.value), version: c.version, status: c.status, who: c.enteredBy?.name ?? null, at: formatDateTime(c.updatedAt) };
}

/**
 * A refused batch as the grid's state: each problem in the reader's language on its row
 * (`fieldErrors` keyed "rowKey#field" or the bare row key, `conflicts` by row key), those
 * of no row in `details`; `keys[i]` is the row key of the i-th item sent.
 */
function refusedState(outcome: TRefused, keys: string[], locale: Locale, m: TGridText, prefix?: string): TGridActionState {
  const fieldErrors: Record<string, string[]> = {};
  const conflicts: NonNullable<TGridActionState["conflicts"]> = {};
  const details: string[] = [];
  const rows = new Set<string>();
  for (const e of outcome.errors) {
    const message = problemText(e, locale);
    const key = keys[e.row];
    if (key === undefined) {
      details.push(message);
      continue;
    }
    rows.add(key);
    const conflict = conflictView(e);
    if (conflict) conflicts[key] = { ...conflict, message };
    else (fieldErrors[e.field ? `${key}${FIELD_SEP}${e.field}` : key] ??= []).push(message);
  }
  const summary = outcome.kind === "forbidden" ? m.result.forbidden : outcome.kind === "conflict" ? m.result.conflict : m.result.failed(rows.size || details.length);
  return { ok: false, message: prefix ? `${prefix} ${summary}` : summary, fieldErrors, conflicts, ...(details.length ? { details } : {}) };
}

/** A saved batch's warnings (saved, but worth checking), on the grid rows they are about. */
function warningViews(outcome: Extract<TSaveOutcome, { ok: true }>, rows: TGridRowForm[], locale: Locale): { warnings?: TGridWarningView[] } {
  const warnings = outcome.warnings.flatMap((w) => {
    const r = rows[w.row];
    return r ? [{ key: keyOfRow(r), field: w.field, code: w.code, message: problemText(w, locale) }] : [];
  });
  return warnings.length ? { warnings } : {};
}

// ---------------------------------------------------------------------------
// The actions
// ---------------------------------------------------------------------------

/** "Lưu nháp": every changed row is saved as a draft, all or nothing. */
export const saveResultsAction = defineAction<TGridForm, TGridExtras>({
  input: parseGridForm,
  run: async (form, { actor, ip, locale, m }) => {
    const rows = form.rows.filter(isChanged);
    if (rows.length === 0) return { ok: false, message: m.grid.result.nothingChanged };
    const outcome = await saveResults(actor, rows.map((r) => toInput(r)), { source: "form", ip: ip ?? undefined });
    if (!outcome.ok) return refusedState(outcome, rows.map(keyOfRow), locale, m.grid);
    return { ok: true, message: m.grid.result.saved(outcome.saved.length), ...warningViews(outcome, rows, locale), savedKeys: rows.map(keyOfRow) };
  },
  revalidate: gridPaths,
});

/** "Gửi duyệt": the changed rows saved as drafts, then the selected drafts submitted for approval. */
export const submitResultsAction = defineAction<TGridForm, TGridExtras>({
  input: parseGridForm,
  run: (form, ctx) => saveThenChange(form, ctx, "submit"),
  revalidate: gridPaths,
});

/**
 * "Duyệt và công bố": the changed rows saved (the selected ones approved and published in the
 * same write), then the selected drafts and submitted results approved and published. The data
 * layer refuses rows the actor may not publish (district staff, other jurisdictions).
 */
export const publishResultsAction = defineAction<TGridForm, TGridExtras>({
  input: parseGridForm,
  run: (form, ctx) => saveThenChange(form, ctx, "publish"),
  revalidate: gridPaths,
});

/** What each change does, and how the grid says it. */
const CHANGES = {
  submit: { write: submitResults, done: (m: TGridText) => m.result.submitted, nothingTo: (m: TGridText) => m.result.nothingToSubmit },
  publish: { write: publishResults, done: (m: TGridText) => m.result.published, nothingTo: (m: TGridText) => m.result.nothingToPublish },
} as const;

/**
 * Submit or publish from the grid: the changed rows are saved first, all or nothing (when
 * publishing, the selected ones are published in that same write); then the selected results
 * whose status the change starts from, the drafts just saved among them, are changed.
 */
async function saveThenChange(form: TGridForm, { actor, ip, locale, m: { grid: m } }: TActionContext, change: keyof typeof CHANGES): Promise<TGridActionState> {
  const { from, to } = RESULT_TRANSITIONS[change];
  const may = (s: TResultStatus | undefined) => !!s && (from as readonly TResultStatus[]).includes(s);
  const opts = { source: "form" as const, ip: ip ?? undefined };
  const changedRows = form.rows.filter(isChanged);
  const save = changedRows.length ? await saveResults(actor, changedRows.map((r) => toInput(r, change === "publish" ? r.selected : undefined)), opts) : null;
  if (save && !save.ok) return refusedState(save, changedRows.map(keyOfRow), locale, m);

  // What the save did: rows already changed in the same write, selected drafts that go on, drafts left.
  const todo: { id: string; key: string }[] = [];
  let done = 0;
  let drafts = 0;
  save?.saved.forEach((s, i) => {
    const r = changedRows[i]!;
    if (s.status === to) done++;
    else if (r.selected && may(s.status)) todo.push({ id: s.id, key: keyOfRow(r) });
    else drafts++;
  });
  for (const r of form.rows) if (r.selected && !isChanged(r) && r.resultId && may(r.status)) todo.push({ id: r.resultId, key: keyOfRow(r) });
  const warnings = save ? warningViews(save, changedRows, locale) : {};
  // The rows written, in grid order (focus goes back to the first).
  const written = new Set([...changedRows.map(keyOfRow), ...todo.map((t) => t.key)]);
  const savedKeys = form.rows.map(keyOfRow).filter((k) => written.has(k));
  const said = (n: number) => [n > 0 ? CHANGES[change].done(m)(n) : "", drafts > 0 ? m.result.saved(drafts) : ""].filter(Boolean).join(" ");

  if (todo.length === 0) {
    if (save) return { ok: true, message: said(done), ...warnings, savedKeys };
    return { ok: false, message: form.rows.some((r) => r.selected) ? CHANGES[change].nothingTo(m) : m.result.nothingSelected };
  }
  const outcome = await CHANGES[change].write(actor, todo.map((t) => t.id), opts);
  if (outcome.ok) return { ok: true, message: said(done + outcome.saved.length), ...warnings, savedKeys };
  // Refused, but the save before it stands: the pages must show it.
  if (save) for (const path of gridPaths(form)) revalidatePath(path);
  const prefix = save ? m.result.savedThenFailed(save.saved.length) : undefined;
  return { ...refusedState(outcome, todo.map((t) => t.key), locale, m, prefix), ...warnings };
}

const ZReopenForm = z.object({
  planId: ZId,
  resultId: ZId,
  version: z.string().regex(/^\d{1,10}$/).transform(Number),
  reason: z.string().max(10_000),
});
type TReopenForm = z.output<typeof ZReopenForm>;

function parseReopenForm(fd: FormData): TParsed<TReopenForm> {
  const parsed = ZReopenForm.safeParse({ planId: fd.get("planId"), resultId: fd.get("resultId"), version: fd.get("version"), reason: fd.get("reason") ?? "" });
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false };
}

/** "Mở lại": an approved result back to draft, with a reason kept in the audit log. */
export const reopenResultAction = defineAction<TReopenForm>({
  input: parseReopenForm,
  run: async ({ resultId, reason, version }, { actor, ip, m }) => {
    const outcome = await reopenResult(actor, resultId, reason, version, { source: "form", ip: ip ?? undefined });
    return outcome.ok ? { ok: true, message: m.grid.reopen.done } : failure(outcome.kind, outcome.errors);
  },
  revalidate: gridPaths,
});
