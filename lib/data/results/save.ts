import "server-only";
// saveResults: THE way results are created and changed (the grid, the spreadsheet import
// and POST /api/v1/results all come here). All or nothing: every row is checked first
// (./check-rows.ts), one bad row refuses the batch and nothing is written; then one short
// transaction writes every row with optimistic locking (`version`) and one audit row each.
// A saved batch may come with warnings (./warnings.ts).
import { randomUUID } from "node:crypto";
import type { TActor } from "../../auth/permissions";
import { db } from "../../db/client";
import { conflictProblem, lostLockProblem, type TResultStatus, type TWriteError } from "../../domain/results";
import type { Prisma } from "../../generated/prisma/client";
import { num } from "../decimal";
import { checkRows, type TCheckedRow } from "./check-rows";
import { currentActor, currentOf, currentSelect, LockLost, MAX_BATCH_ROWS, noAccount, recorded, refused, snapshotOf, TX_OPTIONS, writerOf } from "./stored";
import type { TRefused, TResultSnapshot, TSavedResult, TWriteOptions, TWriter } from "./stored";
import { warningsFor, type TWriteWarning } from "./warnings";

export type TSaveOutcome = { ok: true; saved: TSavedResult[]; warnings: TWriteWarning[] } | TRefused;

/**
 * Creates or updates a batch of results, all or nothing. A row for an existing
 * (target, unit, year) must carry that result's current `version`. Rows are saved as
 * DRAFT, or approved and PUBLISHED when `publish` is asked for (per row, else
 * `opts.publish`) and the actor may publish there.
 */
export async function saveResults(actor: TActor, inputs: unknown[], opts: TWriteOptions & { publish?: boolean } = {}): Promise<TSaveOutcome> {
  const rows: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
  const me = await currentActor(actor);
  if (!me) return noAccount(rows);
  if (rows.length === 0) return { ok: true, saved: [], warnings: [] };
  if (rows.length > MAX_BATCH_ROWS) return refused([{ row: MAX_BATCH_ROWS, code: "too_many_rows", params: { max: MAX_BATCH_ROWS } }]);

  const checked = await checkRows(me, rows, opts.publish);
  if (!checked.ok) return refused(checked.errors);
  // What the officer should double-check (read before writing; never refuses).
  const warnings = await warningsFor(me, checked.rows, checked.units);
  try {
    const saved = await writeRows(me, checked.rows, opts);
    return { ok: true, saved, warnings };
  } catch (e) {
    if (e instanceof LockLost || isUniqueViolation(e)) return lostRows(e instanceof LockLost ? checked.rows.filter((r) => r.index === e.index) : checked.rows);
    // Something changed between the checks and the write (a target or unit deleted meanwhile makes
    // the insert fail on a key or on a column its trigger could not fill): checked again, the rows
    // say what went. Anything else is a fault.
    const again = await checkRows(me, rows, opts.publish);
    if (!again.ok) return refused(again.errors);
    throw e;
  }
}

/** One short transaction: every row, with its audit row. Throws LockLost when someone else wrote first. */
function writeRows(me: TActor, rows: TCheckedRow[], opts: TWriteOptions): Promise<TSavedResult[]> {
  const w = writerOf(me, opts);
  return db().$transaction(async (tx) => {
    const out: TSavedResult[] = [];
    for (const r of rows) out.push(r.existing ? await updateRow(tx, w, r, r.existing) : await createRow(tx, w, r));
    return out;
  }, TX_OPTIONS);
}

/**
 * Status and approval of a row as written: a draft (a returned value corrected and saved is a
 * draft again, its return reason kept until it is submitted), or approved by the actor when
 * published (the return reason cleared).
 */
function approvalOf(w: TWriter, r: TCheckedRow): { status: TResultStatus; approvedById: string | null; approvedAt: Date | null; returnReason?: null } {
  return r.publish ? { status: "PUBLISHED", approvedById: w.me.id, approvedAt: w.now, returnReason: null } : { status: "DRAFT", approvedById: null, approvedAt: null };
}

/** A stored draft changed, if it is still the version that was checked; absent optional fields keep what is stored. */
async function updateRow(tx: Prisma.TransactionClient, w: TWriter, r: TCheckedRow, ex: NonNullable<TCheckedRow["existing"]>): Promise<TSavedResult> {
  const { data: d } = r;
  const approval = approvalOf(w, r);
  const indicatorId = r.target.indicatorId!;
  const baseline = d.baseline === undefined ? num(ex.baseline) : d.baseline;
  const note = d.note === undefined ? ex.note : d.note;
  const evidenceUrl = d.evidenceUrl === undefined ? ex.evidenceUrl : d.evidenceUrl;
  const res = await tx.result.updateMany({
    where: { id: ex.id, version: ex.version, status: { not: "PUBLISHED" } },
    data: { indicatorId, value: d.value, baseline, note, evidenceUrl, ...approval, version: { increment: 1 }, enteredById: w.me.id },
  });
  if (res.count !== 1) throw new LockLost(r.index);
  const before = snapshotOf(ex);
  const after: TResultSnapshot = {
    ...before,
    indicatorId,
    value: d.value,
    baseline,
    note,
    evidenceUrl,
    ...approval,
    version: ex.version + 1,
    enteredById: w.me.id,
    approvedAt: approval.approvedAt?.toISOString() ?? null,
  };
  return recorded(tx, w, { action: "result.update", before, after }, r.unit.code);
}

/** A new result. ON CONFLICT DO NOTHING: a concurrent insert of the same cell makes the count 0 (a conflict), not an error. */
async function createRow(tx: Prisma.TransactionClient, w: TWriter, r: TCheckedRow): Promise<TSavedResult> {
  const { data: d } = r;
  const approval = approvalOf(w, r);
  const row = {
    id: `result-${randomUUID()}`,
    targetId: r.target.id,
    indicatorId: r.target.indicatorId!,
    unitId: r.unit.id,
    year: d.year,
    value: d.value,
    baseline: d.baseline ?? null,
    note: d.note ?? null,
    evidenceUrl: d.evidenceUrl ?? null,
    version: 1,
    enteredById: w.me.id,
    ...approval,
  };
  const res = await tx.result.createMany({ data: [row], skipDuplicates: true });
  if (res.count !== 1) throw new LockLost(r.index);
  const after: TResultSnapshot = { ...row, approvedAt: approval.approvedAt?.toISOString() ?? null, returnReason: null };
  return recorded(tx, w, { action: "result.create", before: null, after }, r.unit.code);
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown }; cause?: { code?: unknown } } | null;
  return err?.code === "P2002" || err?.meta?.code === "23505" || err?.cause?.code === "23505";
}

/** Someone else wrote some of these results meanwhile: each lost row with what is stored now. */
async function lostRows(lost: TCheckedRow[]): Promise<TRefused> {
  const fresh = await db().result.findMany({
    where: { OR: lost.map((r) => ({ targetId: r.target.id, unitId: r.unit.id, year: r.data.year })) },
    select: currentSelect,
  });
  const errors = lost.map((r): TWriteError => {
    const now = fresh.find((s) => s.targetId === r.target.id && s.unitId === r.unit.id && s.year === r.data.year);
    const current = now ? currentOf(now) : null;
    const conflict = current ? conflictProblem(r.existing ? r.data.version : undefined, current) : null;
    return { row: r.index, ...(conflict ?? lostLockProblem(null)) };
  });
  return { ok: false, kind: "conflict", errors };
}
