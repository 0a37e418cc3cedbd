// Writing audit rows: shared by the web app (lib/data/audit.ts re-exports it) and
// the operators' command line, so it imports nothing "server-only". Rows are
// written through the caller's transaction, so they commit or roll back with the
// change they describe.
import type { TActor } from "../auth/permissions";
import { normalizeSearch } from "../domain/text";
import { Prisma } from "../generated/prisma/client";

export type TAuditAction =
  | "result.create"
  | "result.update"
  | "result.submit"
  | "result.publish"
  | "result.return"
  | "result.reopen"
  | (string & {});

export type TAuditInput = {
  actor: TActor | null;
  /** Who, as text kept even if the account is deleted; defaults to "Name <email>" or "hệ thống / system". */
  actorLabel?: string;
  action: TAuditAction;
  entity: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
  ip?: string | null;
  /** How the change came in (see TAuditSource); its own column, never part of the label. */
  source?: TAuditSource | null;
};

export const AUDIT_SOURCES = ["form", "import", "api", "web", "cli"] as const;
export type TAuditSource = (typeof AUDIT_SOURCES)[number];

export type TJson = string | number | boolean | null | TJson[] | { [k: string]: TJson };

/**
 * A value as plain JSON: Decimal → number, BigInt → string, Date → ISO string,
 * undefined members dropped, nested objects and arrays converted recursively.
 */
export function toJsonSafe(value: unknown): TJson {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Prisma.Decimal.isDecimal(value)) {
    const n = Number(value.toString());
    return Number.isFinite(n) ? n : value.toString();
  }
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (typeof value === "object") {
    const out: Record<string, TJson> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined && typeof v !== "function") out[k] = toJsonSafe(v);
    }
    return out;
  }
  return String(value);
}

function jsonColumn(v: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (v === undefined || v === null) return Prisma.DbNull;
  return toJsonSafe(v) as Prisma.InputJsonValue;
}

export function actorLabelOf(actor: TActor | null): string {
  return actor ? `${actor.name} <${actor.email}>` : "hệ thống / system";
}

/** Appends one audit row, inside the caller's transaction (`tx`), with its search text and unit. */
export async function writeAudit(tx: Prisma.TransactionClient, entry: TAuditInput): Promise<void> {
  const actorLabel = (entry.actorLabel ?? actorLabelOf(entry.actor)).slice(0, 500);
  const before = toJsonSafe(entry.before);
  const after = toJsonSafe(entry.after);
  const reason = entry.reason ?? null;
  const subject = await subjectOf(tx, entry.entity, entry.entityId, before, after);
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorLabel,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: jsonColumn(entry.before),
      after: jsonColumn(entry.after),
      reason,
      ip: entry.ip ? entry.ip.slice(0, 100) : null,
      source: entry.source ?? null,
      searchText: auditSearchText([actorLabel, reason, entry.entityId, ...subject.names]),
      unitId: subject.unitId,
    },
  });
}

// ---------------------------------------------------------------------------
// What the log's search matches, and the unit a row belongs to
// ---------------------------------------------------------------------------

/** Longest search text kept per row. */
export const AUDIT_SEARCH_TEXT_MAX = 2000;

/**
 * The search text of a row: its parts (actor label, reason, record id, names) joined, normalised as
 * every search is (lib/domain/text.ts). The migration 20261130165116_audit_search fills the rows
 * written before it with the same parts, in the same order, in SQL.
 */
export function auditSearchText(parts: readonly (string | number | null | undefined)[]): string {
  const text = parts.filter((p) => p !== null && p !== undefined).join(" ");
  return normalizeSearch(text).slice(0, AUDIT_SEARCH_TEXT_MAX);
}

type TObj = { [k: string]: TJson };
const obj = (j: TJson): TObj | null => (j !== null && typeof j === "object" && !Array.isArray(j) ? j : null);
const str = (o: TObj | null, k: string): string | null => {
  const v = o?.[k];
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : null;
};

type TUnitNames = { name: string; nameEn: string | null; key: string } | null;

/**
 * Lookups by id, remembered for the rest of the transaction: a spreadsheet of 1.000 rows for
 * a few targets and units asks for each target, indicator and unit once.
 */
const lookups = new WeakMap<object, Map<string, Promise<unknown>>>();
function once<T>(tx: Prisma.TransactionClient, key: string, load: () => Promise<T>): Promise<T> {
  let memo = lookups.get(tx);
  if (!memo) lookups.set(tx, (memo = new Map()));
  let p = memo.get(key) as Promise<T> | undefined;
  if (!p) memo.set(key, (p = load()));
  return p;
}
const unitNames = (tx: Prisma.TransactionClient, id: string | null): Promise<TUnitNames> =>
  id ? once(tx, `unit:${id}`, () => tx.adminUnit.findUnique({ where: { id }, select: { name: true, nameEn: true, key: true } })) : Promise.resolve(null);
const indicatorNames = (tx: Prisma.TransactionClient, id: string | null) =>
  id ? once(tx, `indicator:${id}`, () => tx.indicator.findUnique({ where: { id }, select: { name: true, nameEn: true } })) : Promise.resolve(null);
const targetRow = (tx: Prisma.TransactionClient, id: string | null) =>
  id ? once(tx, `target:${id}`, () => tx.target.findUnique({ where: { id }, select: { statement: true, planId: true } })) : Promise.resolve(null);
const planRow = (tx: Prisma.TransactionClient, id: string | null) =>
  id ? tx.plan.findUnique({ where: { id }, select: { code: true, title: true, issuerUnitId: true } }) : Promise.resolve(null);
const userRow = (tx: Prisma.TransactionClient, id: string | null) =>
  id ? tx.user.findUnique({ where: { id }, select: { email: true, name: true, unitId: true } }) : Promise.resolve(null);
const unitParts = (u: TUnitNames) => [u?.name, u?.nameEn, u?.key];

/**
 * The names a row is found by, and the unit it belongs to, from its snapshots and the records
 * they name (read inside the transaction, so a record created by it is found).
 */
async function subjectOf(tx: Prisma.TransactionClient, entity: string, entityId: string | null, beforeJ: TJson, afterJ: TJson): Promise<{ names: (string | null | undefined)[]; unitId: string | null }> {
  const before = obj(beforeJ);
  const after = obj(afterJ);
  const s = after ?? before;
  switch (entity) {
    case "result": {
      const unitId = str(s, "unitId");
      const [indicator, target, unit] = await Promise.all([indicatorNames(tx, str(s, "indicatorId")), targetRow(tx, str(s, "targetId")), unitNames(tx, unitId)]);
      const plan = target ? await once(tx, `plan-code:${target.planId}`, () => planRow(tx, target.planId)) : null;
      return { names: [indicator?.name, indicator?.nameEn, target?.statement, plan?.code, ...unitParts(unit), str(s, "year")], unitId };
    }
    case "target": {
      const unitId = str(s, "unitId");
      const planId = str(s, "planId") ?? str(before, "planId") ?? (await tx.target.findUnique({ where: { id: entityId ?? "" }, select: { planId: true } }))?.planId ?? null;
      const [indicator, plan, unit] = await Promise.all([indicatorNames(tx, str(s, "indicatorId")), planRow(tx, planId), unitNames(tx, unitId)]);
      return { names: [str(s, "statement"), indicator?.name, indicator?.nameEn, plan?.code, plan?.title, ...unitParts(unit)], unitId };
    }
    case "plan": {
      const plan = await planRow(tx, entityId);
      const unitId = plan?.issuerUnitId ?? str(s, "issuerUnitId");
      const unit = await unitNames(tx, unitId);
      return { names: [plan?.code ?? str(s, "code"), plan?.title ?? str(s, "title"), ...unitParts(unit)], unitId };
    }
    case "user": {
      const user = await userRow(tx, entityId);
      const unitId = after && "unitId" in after ? str(after, "unitId") : before && "unitId" in before ? str(before, "unitId") : (user?.unitId ?? null);
      const unit = await unitNames(tx, unitId);
      return { names: [user?.email ?? str(s, "email"), user?.name ?? str(s, "name"), ...unitParts(unit)], unitId };
    }
    case "api_token": {
      const owner = await userRow(tx, str(s, "userId"));
      return { names: [str(s, "name"), str(s, "prefix"), owner?.email, owner?.name], unitId: null };
    }
    case "unit":
      return {
        names: [str(after, "name"), str(after, "nameEn"), str(before, "name"), str(before, "nameEn"), str(s, "key"), str(s, "code"), str(after, "unitsFile"), str(after, "successorsFile")],
        unitId: entityId,
      };
    default:
      return { names: [], unitId: null };
  }
}

