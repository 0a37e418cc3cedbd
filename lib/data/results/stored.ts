import "server-only";
// What every part of the results write path shares: the actor as the database knows it,
// a stored result as read for checking and as the audit log keeps it, the outcome shapes,
// and how a refused batch is answered (its kind, lib/errors.ts, and its problems by row).
import type { TActor } from "../../auth/permissions";
import { db } from "../../db/client";
import { kindOf, type TCurrentResult, type TResultStatus, type TWriteError, type TWriteKind } from "../../domain/results";
import type { Prisma } from "../../generated/prisma/client";
import { actorLabelOf, writeAudit, type TAuditAction } from "../audit";
import { num } from "../decimal";

/** Most rows one batch may carry (keeps the write transaction short). */
export const MAX_BATCH_ROWS = 1000;

export const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export type TWriteSource = "form" | "import" | "api";

/** Where the write came from, for the audit log. */
export type TWriteOptions = { ip?: string; source?: TWriteSource };

export type TSavedResult = {
  id: string;
  targetId: string | null;
  unitCode: string;
  year: number;
  value: number;
  status: TResultStatus;
  version: number;
};

/** A refused batch: nothing was written; `kind` says how bad (lib/errors.ts), `errors` why, row by row. */
export type TRefused = { ok: false; kind: TWriteKind; errors: TWriteError[] };

/** The answer to a refused batch: its problems in row order, and its kind. */
export function refused(errors: TWriteError[]): TRefused {
  return { ok: false, kind: kindOf(errors), errors: [...errors].sort((a, b) => a.row - b.row) };
}

/** Every row refused because the account does not exist (any more) or is disabled. */
export function noAccount(rows: unknown[]): TRefused {
  return refused(rows.map((_, row) => ({ row, code: "forbidden", params: { account: "missing" } })));
}

/** The actor as the database knows it now (role or jurisdiction may have changed, the account may be disabled). */
export async function currentActor(actor: TActor | null | undefined): Promise<TActor | null> {
  if (!actor?.id) return null;
  const u = await db().user.findUnique({
    where: { id: actor.id },
    select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true },
  });
  if (!u || u.disabled) return null;
  return { id: u.id, role: u.role, unitId: u.unitId, email: u.email, name: u.name };
}

/** Who writes, when, from where: what every audit row of one write records. */
export type TWriter = { me: TActor; now: Date; actorLabel: string; ip: string | null; source: TWriteOptions["source"] | null };

export function writerOf(me: TActor, opts: TWriteOptions): TWriter {
  return { me, now: new Date(), actorLabel: actorLabelOf(me), ip: opts.ip ?? null, source: opts.source ?? null };
}

/** The audit row of one written result (inside its transaction), and the result as the caller gets it back. */
export async function recorded(
  tx: Prisma.TransactionClient,
  w: TWriter,
  change: { action: TAuditAction; before: TResultSnapshot | null; after: TResultSnapshot; reason?: string },
  unitCode: string,
): Promise<TSavedResult> {
  const { action, before, after, reason } = change;
  await writeAudit(tx, { actor: w.me, actorLabel: w.actorLabel, source: w.source, action, entity: "result", entityId: after.id, before, after, reason: reason ?? null, ip: w.ip });
  return savedOf(after, unitCode);
}

/** The fields of a stored result that every reader of the write path needs. */
export const resultFieldsSelect = {
  id: true,
  targetId: true,
  unitId: true,
  year: true,
  value: true,
  baseline: true,
  note: true,
  evidenceUrl: true,
  status: true,
  version: true,
  approvedAt: true,
  returnReason: true,
  updatedAt: true,
  enteredBy: { select: { id: true, name: true } },
} satisfies Prisma.ResultSelect;

/** A stored result as the checks and the audit log need it. */
export const currentSelect = {
  ...resultFieldsSelect,
  indicatorId: true,
  enteredById: true,
  approvedById: true,
  unit: { select: { code: true } },
} satisfies Prisma.ResultSelect;

export type TStoredResult = Prisma.ResultGetPayload<{ select: typeof currentSelect }>;

export function currentOf(r: TStoredResult): TCurrentResult {
  return {
    id: r.id,
    value: num(r.value) ?? 0,
    baseline: num(r.baseline),
    version: r.version,
    status: r.status,
    enteredBy: r.enteredBy ? { id: r.enteredBy.id, name: r.enteredBy.name } : null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a result, before and after a change. */
export type TResultSnapshot = {
  id: string;
  targetId: string | null;
  indicatorId: string;
  unitId: string;
  year: number;
  value: number | null;
  baseline: number | null;
  note: string | null;
  evidenceUrl: string | null;
  status: TResultStatus;
  version: number;
  enteredById: string | null;
  approvedById: string | null;
  approvedAt: string | null;
  /** Why an approver returned it (RETURNED), until it is submitted or published again. */
  returnReason: string | null;
};

export function snapshotOf(r: TStoredResult): TResultSnapshot {
  return {
    id: r.id,
    targetId: r.targetId,
    indicatorId: r.indicatorId,
    unitId: r.unitId,
    year: r.year,
    value: num(r.value),
    baseline: num(r.baseline),
    note: r.note,
    evidenceUrl: r.evidenceUrl,
    status: r.status,
    version: r.version,
    enteredById: r.enteredById,
    approvedById: r.approvedById,
    approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
    returnReason: r.returnReason,
  };
}

function savedOf(s: TResultSnapshot, unitCode: string): TSavedResult {
  return { id: s.id, targetId: s.targetId, unitCode, year: s.year, value: s.value ?? 0, status: s.status, version: s.version };
}

/** Thrown inside a transaction to roll it back when an optimistic lock fails. */
export class LockLost extends Error {
  constructor(readonly index: number) {
    super("optimistic lock lost");
  }
}
