import "server-only";
// The audit log: every write records who, when, what, before and after
// (schema.prisma "AuditLog"). Writes go through the caller's transaction so the
// audit row commits or rolls back with the change it describes. Reads are
// authorized here: the whole log for administrators (audit.read.all), the history
// of one value for whoever may read the unit it belongs to (audit.read.unit).
import { assertCan, can, ForbiddenError, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { Prisma } from "../generated/prisma/client";
import { listUnits } from "./units";

export const AUDIT_PAGE_SIZE = 50;

export { actorLabelOf, toJsonSafe, writeAudit, type TAuditAction, type TAuditInput, type TJson } from "./audit-write";
import { AUDIT_SOURCES, toJsonSafe, type TAuditSource, type TJson } from "./audit-write";

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

const auditSelect = {
  id: true,
  at: true,
  actorId: true,
  actorLabel: true,
  action: true,
  entity: true,
  entityId: true,
  before: true,
  after: true,
  reason: true,
  ip: true,
  source: true,
} satisfies Prisma.AuditLogSelect;

export type TAuditEntry = {
  /** The row id (a BigInt in the database) as text. */
  id: string;
  /** ISO timestamp. */
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: TJson;
  after: TJson;
  reason: string | null;
  ip: string | null;
  /** How the change came in ("form", "import", "api", "web", "cli"), when recorded. */
  source: TAuditSource | null;
};

function shapeEntry(row: Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>): TAuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    before: toJsonSafe(row.before),
    after: toJsonSafe(row.after),
    reason: row.reason,
    ip: row.ip,
    source: (AUDIT_SOURCES as readonly string[]).includes(row.source ?? "") ? (row.source as TAuditSource) : null,
  };
}

export type TAuditFilter = {
  entity?: string;
  entityId?: string;
  actorId?: string;
  /** Free text: matches the actor label, action, entity id and reason (case-insensitive). */
  q?: string;
  /** Inclusive; a "YYYY-MM-DD" date means from its start (UTC). */
  from?: Date | string;
  /** Inclusive; a "YYYY-MM-DD" date means up to its end (UTC). */
  to?: Date | string;
  /** 1-based. */
  page?: number;
};

export type TAuditPage = { items: TAuditEntry[]; total: number; page: number; pageSize: number; pageCount: number };

function toDate(v: Date | string | undefined, endOfDay: boolean): Date | undefined {
  if (v === undefined || v === "") return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z`) : new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The whole audit log, newest first, for administrators (audit.read.all). */
export async function listAudit(actor: TActor | null, filter: TAuditFilter = {}): Promise<TAuditPage> {
  assertCan(actor, "audit.read.all");
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.entity) and.push({ entity: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.actorId) and.push({ actorId: filter.actorId });
  const q = filter.q?.trim().slice(0, 200);
  if (q) {
    and.push({
      OR: [
        { actorLabel: { contains: q, mode: "insensitive" } },
        { action: { contains: q, mode: "insensitive" } },
        { entityId: { contains: q, mode: "insensitive" } },
        { reason: { contains: q, mode: "insensitive" } },
      ],
    });
  }
  const from = toDate(filter.from, false);
  const to = toDate(filter.to, true);
  if (from) and.push({ at: { gte: from } });
  if (to) and.push({ at: { lte: to } });
  const where: Prisma.AuditLogWhereInput = and.length ? { AND: and } : {};

  const pageSize = AUDIT_PAGE_SIZE;
  const total = await db().auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount);
  const rows = await db().auditLog.findMany({
    where,
    select: auditSelect,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { items: rows.map(shapeEntry), total, page, pageSize, pageCount };
}

/** The unit a record belongs to, for authorizing reads of its history; undefined when unknown. */
async function unitOfEntity(entity: string, entityId: string): Promise<string | null | undefined> {
  switch (entity) {
    case "result": {
      const r = await db().result.findUnique({ where: { id: entityId }, select: { unitId: true } });
      if (r) return r.unitId;
      // A result that no longer exists: its last audit row still names its unit.
      const last = await db().auditLog.findFirst({ where: { entity, entityId }, orderBy: { id: "desc" }, select: { after: true, before: true } });
      const snap = (last?.after ?? last?.before) as { unitId?: unknown } | null | undefined;
      return typeof snap?.unitId === "string" ? snap.unitId : undefined;
    }
    case "plan": {
      const p = await db().plan.findUnique({ where: { id: entityId }, select: { issuerUnitId: true } });
      return p?.issuerUnitId;
    }
    default:
      return undefined;
  }
}

/**
 * The history of one record (oldest first), e.g. every change of one result's value:
 * for whoever may read its unit (audit.read.unit); administrators see any record.
 * Throws ForbiddenError otherwise, also for records whose unit is unknown.
 */
export async function listHistory(actor: TActor | null, entity: string, entityId: string): Promise<TAuditEntry[]> {
  if (!can(actor, "audit.read.all")) {
    const unitId = await unitOfEntity(entity, entityId);
    if (unitId === undefined) throw new ForbiddenError();
    assertCan(actor, "audit.read.unit", await listUnits(), unitId);
  }
  const rows = await db().auditLog.findMany({
    where: { entity, entityId },
    select: auditSelect,
    orderBy: [{ at: "asc" }, { id: "asc" }],
    take: 1000,
  });
  return rows.map(shapeEntry);
}
