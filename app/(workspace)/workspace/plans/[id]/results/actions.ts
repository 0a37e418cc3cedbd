"use server";
// Server actions of the result-entry grid. Each one: who is asking (getActor) →
// parse the posted form (zod) → the data layer, which authorizes every row against
// lib/auth/permissions and writes all or nothing → revalidate. A hand-made post
// gets exactly the same checks as the screen: nothing here trusts the form.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formatDateTime } from "@/components/results-grid/format";
import { FIELD_SEP, rowKeyOf, type TConflictView, type TGridActionState, type TGridWarningView, type TReopenActionState } from "@/components/results-grid/types";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getActor } from "@/lib/auth/session";
import type { TActor } from "@/lib/auth/permissions";
import {
  MAX_BATCH_ROWS,
  publishResults,
  reopenResult,
  saveResults,
  submitResults,
  type TSaveOutcome,
  type TTransitionOutcome,
  type TWriteError,
} from "@/lib/data/results-write";
import { formatNumber, parseVietnameseNumber } from "@/lib/domain/numbers";
import { warningMessage } from "@/lib/i18n/grid";
import { inLocale } from "@/lib/i18n/locale";
import type { Locale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";
import type { TMessages } from "@/lib/i18n/messages";

// ---------------------------------------------------------------------------
// Parsing the posted grid
// ---------------------------------------------------------------------------

const ID = /^[A-Za-z0-9_-]{1,80}$/;
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = (max: number) => z.string().max(max).optional();

/** One row of the grid as posted: identity, what was loaded (…0) and what is typed now. */
const ZGridRowForm = z.object({
  targetId: z.string().regex(ID),
  unitCode: z.string().regex(/^[A-Za-z0-9]{1,12}$/),
  year: z.string().regex(/^\d{4}$/).transform(Number),
  resultId: z.preprocess(blankToUndefined, z.string().regex(ID).optional()),
  status: z.preprocess(blankToUndefined, z.enum(["DRAFT", "SUBMITTED", "PUBLISHED"]).optional()),
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

const ZGridForm = z.object({
  planId: z.string().regex(ID),
  rows: z.array(ZGridRowForm).max(MAX_BATCH_ROWS),
});

const ROW_FIELD = /^rows\.(\d{1,4})\.([A-Za-z0-9]{1,20})$/;

/** FormData → { planId, rows[] } (fields named "rows.<n>.<field>"), validated. */
function parseGridForm(fd: FormData): z.ZodSafeParseResult<z.output<typeof ZGridForm>> {
  const rows = new Map<number, Record<string, unknown>>();
  for (const [name, value] of fd.entries()) {
    const m = ROW_FIELD.exec(name);
    if (!m || typeof value !== "string") continue;
    const i = Number(m[1]);
    const row = rows.get(i) ?? {};
    row[m[2]!] = value;
    rows.set(i, row);
  }
  return ZGridForm.safeParse({
    planId: fd.get("planId"),
    rows: [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r),
  });
}

const changed = (now: string | undefined, before: string | undefined) => now !== undefined && now.trim() !== (before ?? "").trim();

/** True when the user typed something different from what was loaded. */
function isChanged(r: TGridRowForm): boolean {
  return changed(r.value, r.value0) || changed(r.baseline, r.baseline0) || changed(r.note, r.note0) || changed(r.evidenceUrl, r.evidenceUrl0);
}

/** The write API's row for a changed grid row: unchanged optional fields are left out (kept as stored). */
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

// ---------------------------------------------------------------------------
// Outcomes → action state
// ---------------------------------------------------------------------------

let seq = 0;
const nextSeq = () => (seq = (seq + 1) % 1_000_000_000);

type TCtx = { locale: Locale; m: TMessages["grid"] };

function conflictView(e: TWriteError): TConflictView | undefined {
  if (!e.current) return undefined;
  if (e.code !== "version_conflict" && e.code !== "version_required" && e.code !== "locked" && e.code !== "invalid_status") return undefined;
  return {
    code: e.code,
    value: formatNumber(e.current.value),
    version: e.current.version,
    status: e.current.status,
    who: e.current.enteredBy?.name ?? null,
    at: formatDateTime(e.current.updatedAt),
  };
}

/**
 * A data-layer message in the reader's language; number-parser messages get their English
 * twin (those that depend on the target's measure, "18,000" for a count, come in both already).
 */
function messageOf(e: TWriteError, typed: string | undefined, ctx: TCtx): string {
  if (ctx.locale === "en" && e.code === "invalid_number" && typed !== undefined) {
    const p = parseVietnameseNumber(typed);
    if (!p.ok) return p.errorEn;
  }
  return inLocale(e.message, ctx.locale);
}

/**
 * The data layer's errors as action state: `fieldErrors` keyed "rowKey#field" (or the
 * bare row key), `conflicts` by row key; `keys[i]` is the key of the i-th item sent.
 */
function rowErrors(errors: TWriteError[], keys: string[], typed: (i: number, field?: string) => string | undefined, ctx: TCtx) {
  const fieldErrors: Record<string, string[]> = {};
  const conflicts: NonNullable<TGridActionState["conflicts"]> = {};
  const loose: string[] = [];
  const rows = new Set<string>();
  for (const e of errors) {
    const key = keys[e.row];
    const message = messageOf(e, typed(e.row, e.field), ctx);
    if (key === undefined) {
      loose.push(message);
      continue;
    }
    rows.add(key);
    const conflict = conflictView(e);
    if (conflict) conflicts[key] = { ...conflict, message };
    else (fieldErrors[e.field ? `${key}${FIELD_SEP}${e.field}` : key] ??= []).push(message);
  }
  return { fieldErrors, conflicts, loose, rowCount: rows.size || loose.length };
}

function failureMessage(status: number, rowsWithErrors: number, ctx: TCtx): string {
  if (status === 403) return ctx.m.result.forbidden;
  if (status === 409) return ctx.m.result.conflict;
  return ctx.m.result.failed(rowsWithErrors);
}

function fromSave(outcome: Extract<TSaveOutcome, { ok: false }>, rows: TGridRowForm[], ctx: TCtx): TGridActionState {
  const typed = (i: number, field?: string) => {
    const r = rows[i];
    if (!r) return undefined;
    return field === "baseline" ? r.baseline : field === "value" ? r.value : undefined;
  };
  const { fieldErrors, conflicts, loose, rowCount } = rowErrors(outcome.errors, rows.map(keyOfRow), typed, ctx);
  return {
    ok: false,
    message: failureMessage(outcome.status, rowCount, ctx),
    fieldErrors,
    conflicts,
    ...(loose.length ? { details: loose } : {}),
    seq: nextSeq(),
  };
}

function fromTransition(
  outcome: Extract<TTransitionOutcome, { ok: false }>,
  keys: string[],
  ctx: TCtx,
  prefix?: string,
  warnings: TGridWarningView[] = [],
): TGridActionState {
  const { fieldErrors, conflicts, loose, rowCount } = rowErrors(outcome.errors, keys, () => undefined, ctx);
  const base = failureMessage(outcome.status, rowCount, ctx);
  return {
    ok: false,
    message: prefix ? `${prefix} ${base}` : base,
    fieldErrors,
    conflicts,
    ...(loose.length ? { details: loose } : {}),
    ...(warnings.length ? { warnings } : {}),
    seq: nextSeq(),
  };
}

/** A saved batch's warnings (saved, but worth checking), on the grid rows they are about. */
function warningViews(outcome: Extract<TSaveOutcome, { ok: true }>, rows: TGridRowForm[], ctx: TCtx): TGridWarningView[] {
  return outcome.warnings.flatMap((w) => {
    const r = rows[w.row];
    return r ? [{ key: keyOfRow(r), field: w.field, code: w.code, message: warningMessage(w, ctx.locale) }] : [];
  });
}

const withWarnings = (warnings: TGridWarningView[]) => (warnings.length ? { warnings } : {});

// ---------------------------------------------------------------------------
// Shared steps
// ---------------------------------------------------------------------------

async function context(): Promise<TCtx> {
  const locale = await getLocale();
  return { locale, m: messages(locale).grid };
}

async function clientIp(): Promise<string | undefined> {
  return clientIpFrom(await headers()) ?? undefined;
}

function revalidate(planId: string) {
  revalidatePath(`/workspace/plans/${planId}/results`);
  revalidatePath("/workspace");
  revalidatePath(`/plans/${planId}`);
}

type TStart = { ok: true; actor: TActor; ctx: TCtx; planId: string; rows: TGridRowForm[]; ip?: string } | { ok: false; state: TGridActionState };

/** Who is asking and what they posted; a failure is an answer for the user, nothing written. */
async function start(fd: FormData): Promise<TStart> {
  const ctx = await context();
  const actor = await getActor();
  if (!actor) return { ok: false, state: { ok: false, message: ctx.m.result.signedOut, seq: nextSeq() } };
  const parsed = parseGridForm(fd);
  if (!parsed.success) return { ok: false, state: { ok: false, message: ctx.m.result.badForm, seq: nextSeq() } };
  return { ok: true, actor, ctx, planId: parsed.data.planId, rows: parsed.data.rows, ip: await clientIp() };
}

async function guarded<S extends { ok: boolean; message?: string; seq?: number }>(run: () => Promise<S>): Promise<S> {
  try {
    return await run();
  } catch (e) {
    // Unexpected: logged, shown generically (docs/architecture.md, "Errors").
    console.error("results grid action failed", e);
    const { m } = await context();
    return { ok: false, message: m.result.unexpected, seq: nextSeq() } as S;
  }
}

// ---------------------------------------------------------------------------
// The actions
// ---------------------------------------------------------------------------

/** "Lưu nháp": every changed row is saved as a draft, all or nothing. */
export async function saveResultsAction(_prev: TGridActionState, fd: FormData): Promise<TGridActionState> {
  return guarded(async () => {
    const s = await start(fd);
    if (!s.ok) return s.state;
    const rows = s.rows.filter(isChanged);
    if (rows.length === 0) return { ok: false, message: s.ctx.m.result.nothingChanged, seq: nextSeq() };
    const outcome = await saveResults(
      s.actor,
      rows.map((r) => toInput(r)),
      { source: "form", ip: s.ip },
    );
    if (!outcome.ok) return fromSave(outcome, rows, s.ctx);
    revalidate(s.planId);
    return { ok: true, message: s.ctx.m.result.saved(outcome.saved.length), ...withWarnings(warningViews(outcome, rows, s.ctx)), seq: nextSeq() };
  });
}

/**
 * "Gửi duyệt": changed rows are saved as drafts first (all or nothing); then the
 * selected rows' drafts (the changed ones included) are submitted for approval.
 */
export async function submitResultsAction(_prev: TGridActionState, fd: FormData): Promise<TGridActionState> {
  return guarded(async () => {
    const s = await start(fd);
    if (!s.ok) return s.state;
    const { m } = s.ctx;
    const changedRows = s.rows.filter(isChanged);
    const ids: string[] = [];
    const keys: string[] = [];
    let savedCount = 0;
    let warnings: TGridWarningView[] = [];
    if (changedRows.length > 0) {
      const outcome = await saveResults(
        s.actor,
        changedRows.map((r) => toInput(r)),
        { source: "form", ip: s.ip },
      );
      if (!outcome.ok) return fromSave(outcome, changedRows, s.ctx);
      savedCount = outcome.saved.length;
      warnings = warningViews(outcome, changedRows, s.ctx);
      outcome.saved.forEach((saved, i) => {
        const r = changedRows[i]!;
        if (r.selected && saved.status === "DRAFT") {
          ids.push(saved.id);
          keys.push(keyOfRow(r));
        }
      });
    }
    for (const r of s.rows) {
      if (!r.selected || isChanged(r) || !r.resultId || r.status !== "DRAFT") continue;
      ids.push(r.resultId);
      keys.push(keyOfRow(r));
    }
    if (ids.length === 0) {
      if (savedCount > 0) {
        revalidate(s.planId);
        return { ok: true, message: m.result.saved(savedCount), ...withWarnings(warnings), seq: nextSeq() };
      }
      return { ok: false, message: s.rows.some((r) => r.selected) ? m.result.nothingToSubmit : m.result.nothingSelected, seq: nextSeq() };
    }
    const outcome = await submitResults(s.actor, ids, { source: "form", ip: s.ip });
    if (savedCount > 0) revalidate(s.planId);
    if (!outcome.ok) return fromTransition(outcome, keys, s.ctx, savedCount > 0 ? m.result.savedThenFailed(savedCount) : undefined, warnings);
    revalidate(s.planId);
    return { ok: true, message: m.result.submitted(outcome.saved.length), ...withWarnings(warnings), seq: nextSeq() };
  });
}

/**
 * "Duyệt và công bố": changed rows are saved (the selected ones approved and published
 * in the same write, the others as drafts), then the selected unchanged drafts and
 * submitted results are approved and published. The data layer refuses rows the actor
 * may not publish (district staff, other jurisdictions) and writes nothing then.
 */
export async function publishResultsAction(_prev: TGridActionState, fd: FormData): Promise<TGridActionState> {
  return guarded(async () => {
    const s = await start(fd);
    if (!s.ok) return s.state;
    const { m } = s.ctx;
    const changedRows = s.rows.filter(isChanged);
    let savedCount = 0;
    let publishedCount = 0;
    let warnings: TGridWarningView[] = [];
    if (changedRows.length > 0) {
      const outcome = await saveResults(
        s.actor,
        changedRows.map((r) => toInput(r, r.selected)),
        { source: "form", ip: s.ip },
      );
      if (!outcome.ok) return fromSave(outcome, changedRows, s.ctx);
      warnings = warningViews(outcome, changedRows, s.ctx);
      for (const saved of outcome.saved) {
        if (saved.status === "PUBLISHED") publishedCount++;
        else savedCount++;
      }
    }
    const ids: string[] = [];
    const keys: string[] = [];
    for (const r of s.rows) {
      if (!r.selected || isChanged(r) || !r.resultId || (r.status !== "DRAFT" && r.status !== "SUBMITTED")) continue;
      ids.push(r.resultId);
      keys.push(keyOfRow(r));
    }
    const wrote = savedCount + publishedCount > 0;
    if (ids.length === 0) {
      if (wrote) {
        revalidate(s.planId);
        const parts = [publishedCount > 0 ? m.result.published(publishedCount) : "", savedCount > 0 ? m.result.saved(savedCount) : ""];
        return { ok: true, message: parts.filter(Boolean).join(" "), ...withWarnings(warnings), seq: nextSeq() };
      }
      return { ok: false, message: s.rows.some((r) => r.selected) ? m.result.nothingToPublish : m.result.nothingSelected, seq: nextSeq() };
    }
    const outcome = await publishResults(s.actor, ids, { source: "form", ip: s.ip });
    if (wrote) revalidate(s.planId);
    if (!outcome.ok) {
      const prefix = wrote ? m.result.savedThenFailed(savedCount + publishedCount) : undefined;
      return fromTransition(outcome, keys, s.ctx, prefix, warnings);
    }
    revalidate(s.planId);
    const parts = [m.result.published(publishedCount + outcome.saved.length), savedCount > 0 ? m.result.saved(savedCount) : ""];
    return { ok: true, message: parts.filter(Boolean).join(" "), ...withWarnings(warnings), seq: nextSeq() };
  });
}

const ZReopenForm = z.object({
  planId: z.string().regex(ID),
  resultId: z.string().regex(ID),
  version: z.string().regex(/^\d{1,10}$/).transform(Number),
  reason: z.string().max(10_000),
});

/** "Mở lại": an approved result back to draft, with a reason kept in the audit log. */
export async function reopenResultAction(_prev: TReopenActionState, fd: FormData): Promise<TReopenActionState> {
  return guarded(async () => {
    const ctx = await context();
    const actor = await getActor();
    if (!actor) return { ok: false, message: ctx.m.result.signedOut, seq: nextSeq() };
    const parsed = ZReopenForm.safeParse({ planId: fd.get("planId"), resultId: fd.get("resultId"), version: fd.get("version"), reason: fd.get("reason") ?? "" });
    if (!parsed.success) return { ok: false, message: ctx.m.result.badForm, seq: nextSeq() };
    const { planId, resultId, version, reason } = parsed.data;
    const outcome = await reopenResult(actor, resultId, reason, version, { source: "form", ip: await clientIp() });
    if (!outcome.ok) {
      const fieldErrors: Record<string, string[]> = {};
      const messages: string[] = [];
      for (const e of outcome.errors) {
        const msg = messageOf(e, undefined, ctx);
        if (e.field === "reason") (fieldErrors.reason ??= []).push(msg);
        else messages.push(msg);
      }
      return {
        ok: false,
        message: messages.length ? messages.join(" ") : (fieldErrors.reason?.[0] ?? ctx.m.result.unexpected),
        fieldErrors,
        seq: nextSeq(),
      };
    }
    revalidate(planId);
    return { ok: true, message: ctx.m.reopen.done, seq: nextSeq() };
  });
}
