import "server-only";
// Status changes of stored results: submit (DRAFT or RETURNED → SUBMITTED), publish
// (→ PUBLISHED, approved), return (SUBMITTED → RETURNED to its author, with a reason) and
// reopen (PUBLISHED → DRAFT, with a reason). One algorithm for all (`transition`): every id
// checked first (exists, the actor may, the status allows it, the version is the one seen),
// then one transaction with optimistic locking and an audit row each; all or nothing. The
// rules are lib/domain/results.ts. A return's reason is kept on the result (`returnReason`,
// shown to its author) until it is submitted or published again.
import { can, hasPermission, type TActor, type TPermission } from "../../auth/permissions";
import { db } from "../../db/client";
import { isId } from "../../domain/ids";
import {
  checkReason,
  lostLockProblem,
  RESULT_TRANSITIONS,
  transitionProblem,
  WRITE_ERROR_KIND,
  type TResultTransition,
  type TRowProblem,
  type TWriteError,
} from "../../domain/results";
import { listUnits, type TUnit } from "../units";
import { parseReopen } from "./parse-rows";
import { currentActor, currentOf, currentSelect, LockLost, MAX_BATCH_ROWS, noAccount, recorded, refused, snapshotOf, TX_OPTIONS, writerOf } from "./stored";
import type { TRefused, TResultSnapshot, TSavedResult, TStoredResult, TWriteOptions } from "./stored";

export type TTransitionOutcome = { ok: true; saved: TSavedResult[] } | TRefused;

/** Who may make each change. */
const PERMISSION: Record<TResultTransition, TPermission> = { submit: "result.edit", publish: "result.publish", return: "result.publish", reopen: "result.reopen" };

type TTransition = TWriteOptions & {
  change: TResultTransition;
  /** Kept in the audit log (return, reopen), and on the result (return). */
  reason?: string;
  /** The version the caller saw, by id (reopen; publish and return when given). */
  versions?: ReadonlyMap<string, number>;
};

/** What a caller that showed the values (the approval inbox) names: the version it saw of each. */
export type TSeenVersions = { versions?: ReadonlyMap<string, number> };

/** DRAFT or RETURNED → SUBMITTED (sent for approval), for whoever may edit the result's unit (result.edit). */
export function submitResults(actor: TActor, ids: string[], opts: TWriteOptions = {}): Promise<TTransitionOutcome> {
  return transition(actor, ids, { change: "submit", ...opts });
}

/**
 * DRAFT, SUBMITTED or RETURNED → PUBLISHED (approved), recording who approved it and when
 * (result.publish). With `versions`, each must still be the version the approver saw.
 */
export function publishResults(actor: TActor, ids: string[], opts: TWriteOptions & TSeenVersions = {}): Promise<TTransitionOutcome> {
  return transition(actor, ids, { change: "publish", ...opts });
}

/**
 * SUBMITTED → RETURNED: sent back to its author to correct (result.publish), with a reason
 * (5–2000 characters) kept on the result and in the audit log ("result.return"). The author
 * corrects it and submits it again, which clears the reason. With `versions`, each must still
 * be the version the approver saw. A bad reason is refused only after the permissions: who
 * may not return a value learns nothing more.
 */
export async function returnResults(actor: TActor, ids: string[], reason: unknown, opts: TWriteOptions & TSeenVersions = {}): Promise<TTransitionOutcome> {
  const checked = checkReason(reason, "return");
  if (checked.ok) return transition(actor, ids, { ...opts, change: "return", reason: checked.reason });
  const list: unknown[] = Array.isArray(ids) ? ids : [ids];
  const me = await currentActor(actor);
  if (!me) return noAccount(list);
  const idsChecked = await checkIds(me, list.slice(0, MAX_BATCH_ROWS), { change: "return" });
  const refusals = idsChecked.ok ? [] : idsChecked.errors.filter((e) => WRITE_ERROR_KIND[e.code] === "forbidden");
  if (refusals.length) return refused(refusals);
  if (!hasPermission(me, "result.publish")) return refused([{ row: 0, code: "forbidden", params: { change: "return" } }]);
  return refused([{ row: 0, ...checked.problem }]);
}

/**
 * PUBLISHED → DRAFT so an approved value can be corrected (result.reopen). The reason
 * (5–2000 characters) is kept in the audit log; `version` must be the current one.
 */
export async function reopenResult(actor: TActor, id: string, reason: string, version: number, opts: TWriteOptions = {}): Promise<TTransitionOutcome> {
  const parsed = parseReopen(reason, version);
  if (!parsed.ok) {
    // Permissions first: someone who may not reopen learns nothing more.
    const me = await currentActor(actor);
    if (!me) return noAccount([id]);
    const row = isId(id) ? await db().result.findUnique({ where: { id }, select: { unitId: true } }) : null;
    if (row && !can(me, "result.reopen", await listUnits(), row.unitId)) return refused([{ row: 0, code: "forbidden", params: { change: "reopen" } }]);
    return refused(parsed.problems.map((p) => ({ row: 0, ...p })));
  }
  return transition(actor, [id], { change: "reopen", reason: parsed.reason, versions: new Map([[id, version]]), ...opts });
}

/** Moves every result of `idsIn` from a status of `spec.change` to its target status, all or nothing. */
async function transition(actor: TActor, idsIn: unknown, spec: TTransition): Promise<TTransitionOutcome> {
  const ids: unknown[] = Array.isArray(idsIn) ? idsIn : [idsIn];
  const me = await currentActor(actor);
  if (!me) return noAccount(ids);
  if (ids.length === 0) return { ok: true, saved: [] };
  if (ids.length > MAX_BATCH_ROWS) return refused([{ row: MAX_BATCH_ROWS, code: "too_many_rows", params: { max: MAX_BATCH_ROWS } }]);

  const checked = await checkIds(me, ids, spec);
  if (!checked.ok) return refused(checked.errors);
  try {
    return { ok: true, saved: await writeTransition(me, checked.todo, spec) };
  } catch (e) {
    if (!(e instanceof LockLost)) throw e;
    const item = checked.todo.find((t) => t.index === e.index)!;
    const fresh = await db().result.findUnique({ where: { id: item.row.id }, select: currentSelect });
    return { ok: false, kind: "conflict", errors: [{ row: e.index, ...lostLockProblem(fresh ? currentOf(fresh) : null) }] };
  }
}

type TTodo = { index: number; row: TStoredResult };

/** Every id: it names a stored result, once, that the actor may change and whose status and version allow it. */
async function checkIds(me: TActor, ids: unknown[], spec: TTransition): Promise<{ ok: true; todo: TTodo[] } | { ok: false; errors: TWriteError[] }> {
  const valid = ids.map((id) => (isId(id) ? id : null));
  const rows = await db().result.findMany({ where: { id: { in: valid.filter((x) => x !== null) } }, select: currentSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const units = await listUnits();
  const unitById = new Map(units.map((u) => [u.id, u]));
  const todo: TTodo[] = [];
  const seen = new Map<string, number>();
  const check = (id: string | null, index: number): TRowProblem | null => {
    const row = id ? byId.get(id) : undefined;
    if (!id || !row) return { code: "not_found", params: { id: String(ids[index]).slice(0, 80) } };
    if (!can(me, PERMISSION[spec.change], units, row.unitId)) return { code: "forbidden", params: { change: spec.change, ...unitParams(unitById.get(row.unitId), row.unitId) } };
    const first = seen.get(id);
    if (first !== undefined) return { code: "duplicate_row", params: { firstRow: first + 1 } };
    seen.set(id, index);
    // A version that was not sent (0) is never the current one.
    const problem = transitionProblem(spec.change, currentOf(row), spec.versions ? (spec.versions.get(id) ?? 0) : undefined);
    if (!problem) todo.push({ index, row });
    return problem;
  };
  const errors = valid.flatMap((id, index): TWriteError[] => {
    const problem = check(id, index);
    return problem ? [{ row: index, ...problem }] : [];
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, todo };
}

function unitParams(unit: TUnit | undefined, unitId: string) {
  return { unitName: unit?.name ?? unitId, unitNameEn: unit?.nameEn ?? unit?.name ?? unitId };
}

/** One transaction: each result's new status (and approval), its version bumped, an audit row. Throws LockLost. */
function writeTransition(me: TActor, todo: TTodo[], spec: TTransition): Promise<TSavedResult[]> {
  const { to } = RESULT_TRANSITIONS[spec.change];
  const w = writerOf(me, spec);
  const approval = to === "PUBLISHED" ? { approvedById: me.id, approvedAt: w.now } : to === "DRAFT" ? { approvedById: null, approvedAt: null } : {};
  // Returned: the reason stays on the result for its author; submitted or approved again: gone.
  const returned = to === "RETURNED" ? { returnReason: spec.reason ?? null } : to === "SUBMITTED" || to === "PUBLISHED" ? { returnReason: null } : {};
  return db().$transaction(async (tx) => {
    const out: TSavedResult[] = [];
    for (const { index, row } of todo) {
      const res = await tx.result.updateMany({ where: { id: row.id, version: row.version, status: row.status }, data: { status: to, version: { increment: 1 }, ...approval, ...returned } });
      if (res.count !== 1) throw new LockLost(index);
      const before = snapshotOf(row);
      const after: TResultSnapshot = {
        ...before,
        status: to,
        version: row.version + 1,
        ...("approvedById" in approval ? { approvedById: approval.approvedById, approvedAt: approval.approvedAt?.toISOString() ?? null } : {}),
        ...returned,
      };
      out.push(await recorded(tx, w, { action: `result.${spec.change}`, before, after, reason: spec.reason }, row.unit.code));
    }
    return out;
  }, TX_OPTIONS);
}
