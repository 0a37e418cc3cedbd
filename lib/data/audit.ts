import "server-only";
// The audit log: every write records who, when, what, before and after
// (schema.prisma "AuditLog"). Writes go through the caller's transaction so the
// audit row commits or rolls back with the change it describes (lib/data/audit-write.ts,
// which also keeps each row's search text and unit). Reads are authorized here: the
// whole log for administrators (audit.read.all), the history of one value for whoever
// may read the unit it belongs to (audit.read.unit). Every read comes with the names of
// what its rows concern, read in bulk, for lib/data/audit-text.ts `describeAudit`.
import { assertCan, can, ForbiddenError, type TActor } from "../auth/permissions";
import { db } from "../db/client";
import { isIsoDate } from "../domain/numbers";
import { escapeLike, matchesSearch, searchWordForms, withoutControlCharacters } from "../domain/text";
import { Prisma } from "../generated/prisma/client";
import { AUDIT_PERSON_MAX, AUDIT_Q_MAX, type TAuditFilter } from "./audit-query";
import { actionsMatchingWord, EMPTY_SUBJECT, type TAuditRecord, type TAuditSubject, type TAuditUnitRef } from "./audit-text";
import { listUnits, unitScope } from "./units";

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
  unitId: true,
} satisfies Prisma.AuditLogSelect;

type TRow = Prisma.AuditLogGetPayload<{ select: typeof auditSelect }>;

/** One row of the log with the names of what it concerns (lib/data/audit-text.ts `describeAudit` reads it). */
export type TAuditEntry = TAuditRecord;

export type { TAuditFilter } from "./audit-query";

export type TAuditPage = {
  items: TAuditEntry[];
  total: number;
  /** The page shown (the last one when a later page was asked for). */
  page: number;
  /** The page asked for, when it was beyond the last one. */
  pageAsked: number | null;
  pageSize: number;
  pageCount: number;
  /** The unit filtered by, when its key names one. */
  unit: TAuditUnitRef | null;
  /** The unit key given names no unit: the unit filter was not applied. */
  unitMissing: boolean;
};

const obj = (j: TJson): { [k: string]: TJson } | null => (j !== null && typeof j === "object" && !Array.isArray(j) ? j : null);
const str = (j: TJson, k: string): string | null => {
  const v = obj(j)?.[k];
  return typeof v === "string" ? v : null;
};

function shapeRow(row: TRow): Omit<TAuditEntry, "subject"> {
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

/** A calendar day in Vietnam (UTC+7 all year) as its first or last instant; an instant as is. */
function toInstant(v: Date | string | undefined, endOfDay: boolean): Date | undefined {
  if (v === undefined || v === "") return undefined;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v;
  const d = isIsoDate(v) ? new Date(`${v}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}+07:00`) : new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const unitRefSelect = { id: true, key: true, name: true, nameEn: true } satisfies Prisma.AdminUnitSelect;

/** The rows a filter selects, and the unit it names. */
async function whereOf(filter: TAuditFilter): Promise<{ where: Prisma.AuditLogWhereInput; unit: TAuditUnitRef | null; unitMissing: boolean }> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filter.entity) and.push({ entity: filter.entity });
  if (filter.entityId) and.push({ entityId: filter.entityId });
  if (filter.actorId) and.push({ actorId: filter.actorId });
  if (filter.action) and.push({ action: filter.action });

  // Every word in the row's search text (names, person, reason, record id), typed with or without
  // its space as every search of the portal (lib/domain/text.ts searchWordForms), or in the words
  // of the row's action ("mo lai" finds the reopenings).
  for (const forms of searchWordForms(filter.q?.slice(0, AUDIT_Q_MAX) ?? "")) {
    const actions = actionsMatchingWord(forms[0]!.replace(/\\(.)/g, "$1"));
    and.push({ OR: [...forms.map((f) => ({ searchText: { contains: f } })), ...(actions.length ? [{ action: { in: actions } }] : [])] });
  }

  // A person: accounts whose name or email has every word, or a label (a sign-in as typed) containing the text.
  const person = withoutControlCharacters(filter.person ?? "").trim().slice(0, AUDIT_PERSON_MAX);
  if (person) {
    const users = await db().user.findMany({ select: { id: true, name: true, email: true } });
    const ids = users.filter((u) => matchesSearch(`${u.name} ${u.email}`, person)).map((u) => u.id);
    and.push({ OR: [...(ids.length ? [{ actorId: { in: ids } }] : []), { actorLabel: { contains: escapeLike(person), mode: "insensitive" } }] });
  }

  let unit: TAuditUnitRef | null = null;
  let unitMissing = false;
  if (filter.unit) {
    unit = await db().adminUnit.findUnique({ where: { key: filter.unit }, select: unitRefSelect });
    if (!unit) unitMissing = true;
    else {
      const units = await listUnits();
      const root = units.find((u) => u.id === unit!.id);
      // The whole country stands for every row that has a unit.
      if (root?.level === "NATION") and.push({ unitId: { not: null } });
      else and.push({ unitId: { in: [...unitScope(units, unit.id)] } });
    }
  }

  const from = toInstant(filter.from, false);
  const to = toInstant(filter.to, true);
  if (from) and.push({ at: { gte: from } });
  if (to) and.push({ at: { lte: to } });
  return { where: and.length ? { AND: and } : {}, unit, unitMissing };
}

const ORDER: Prisma.AuditLogOrderByWithRelationInput[] = [{ at: "desc" }, { id: "desc" }];

/** The whole audit log, newest first, a page at a time, for administrators (audit.read.all). */
export async function listAudit(actor: TActor | null, filter: TAuditFilter = {}): Promise<TAuditPage> {
  assertCan(actor, "audit.read.all");
  const { where, unit, unitMissing } = await whereOf(filter);
  const pageSize = AUDIT_PAGE_SIZE;
  const total = await db().auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const asked = Math.max(1, Math.floor(filter.page ?? 1));
  const page = Math.min(asked, pageCount);
  const rows = await db().auditLog.findMany({ where, select: auditSelect, orderBy: ORDER, skip: (page - 1) * pageSize, take: pageSize });
  return { items: await withSubjects(rows), total, page, pageAsked: asked > pageCount ? asked : null, pageSize, pageCount, unit, unitMissing };
}

/** The accounts, by name, for the log's "who" field to suggest (administrators: audit.read.all). */
export async function listAuditPeople(actor: TActor | null): Promise<{ name: string; email: string }[]> {
  assertCan(actor, "audit.read.all");
  return db().user.findMany({ select: { name: true, email: true }, orderBy: [{ name: "asc" }, { email: "asc" }], take: 2000 });
}

/** Most rows one download holds. */
export const AUDIT_EXPORT_MAX = 20_000;

/**
 * Every row a filter selects (newest first), for a download by an administrator (audit.read.all);
 * `items` is null when there are more than `max`.
 */
export async function listAuditForExport(actor: TActor | null, filter: TAuditFilter = {}, max = AUDIT_EXPORT_MAX): Promise<{ items: TAuditEntry[] | null; total: number; unitMissing: boolean }> {
  assertCan(actor, "audit.read.all");
  const { where, unitMissing } = await whereOf(filter);
  const total = await db().auditLog.count({ where });
  if (total > max) return { items: null, total, unitMissing };
  const items: TAuditEntry[] = [];
  // In chunks, so the names of one chunk are read at a time.
  const CHUNK = 2000;
  for (let skip = 0; skip < total; skip += CHUNK) {
    const rows = await db().auditLog.findMany({ where, select: auditSelect, orderBy: ORDER, skip, take: CHUNK });
    items.push(...(await withSubjects(rows)));
    if (rows.length < CHUNK) break;
  }
  return { items, total, unitMissing };
}

// ---------------------------------------------------------------------------
// The names of what rows concern, read in bulk (a few queries per page, never one per row)
// ---------------------------------------------------------------------------

async function withSubjects(rows: TRow[]): Promise<TAuditEntry[]> {
  const shaped = rows.map(shapeRow);
  const snap = (e: (typeof shaped)[number]) => (obj(e.after) ? e.after : e.before);
  const unitIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const targetIds = new Set<string>();
  const planIds = new Set<string>();
  const userIds = new Set<string>();
  const publishedIds = new Set<string>();
  const add = (set: Set<string>, v: string | null | undefined) => {
    if (v) set.add(v);
  };
  rows.forEach((r, i) => {
    const e = shaped[i]!;
    const s = snap(e);
    add(unitIds, r.unitId ?? str(s, "unitId"));
    switch (e.entity) {
      case "result":
        add(indicatorIds, str(s, "indicatorId"));
        add(targetIds, str(s, "targetId"));
        if (e.action === "result.publish") add(publishedIds, e.entityId);
        break;
      case "target":
        add(indicatorIds, str(s, "indicatorId"));
        add(targetIds, e.entityId);
        add(planIds, str(s, "planId") ?? str(e.before, "planId"));
        break;
      case "plan":
        add(planIds, e.entityId);
        add(unitIds, str(s, "issuerUnitId"));
        break;
      case "user":
        add(userIds, e.entityId);
        add(unitIds, str(e.before, "unitId"));
        break;
      case "api_token":
        add(userIds, str(s, "userId"));
        break;
      case "session":
        add(userIds, e.actorId);
        break;
      case "unit": {
        add(unitIds, e.entityId);
        add(unitIds, str(e.after, "parentId"));
        const links = obj(e.after)?.successions;
        if (Array.isArray(links)) for (const l of links) add(unitIds, str(l, "successorId"));
        break;
      }
    }
  });

  const [targets, indicators, users, published] = await Promise.all([
    targetIds.size
      ? db().target.findMany({ where: { id: { in: [...targetIds] } }, select: { id: true, statement: true, planId: true, group: { select: { code: true, name: true, nameEn: true } } } })
      : [],
    indicatorIds.size ? db().indicator.findMany({ where: { id: { in: [...indicatorIds] } }, select: { id: true, name: true, nameEn: true, measureUnit: true, measureUnitEn: true } }) : [],
    userIds.size ? db().user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, email: true, name: true } }) : [],
    publishedIds.size
      ? db().auditLog.findMany({ where: { entity: "result", action: "result.publish", entityId: { in: [...publishedIds] } }, select: { id: true, entityId: true, after: true }, orderBy: { id: "asc" } })
      : [],
  ]);
  for (const t of targets) planIds.add(t.planId);
  const [plans, units] = await Promise.all([
    planIds.size ? db().plan.findMany({ where: { id: { in: [...planIds] } }, select: { id: true, code: true, title: true, issuerUnitId: true } }) : [],
    unitIds.size ? db().adminUnit.findMany({ where: { id: { in: [...unitIds] } }, select: unitRefSelect }) : [],
  ]);
  const targetById = new Map(targets.map((t) => [t.id, t]));
  const indicatorById = new Map(indicators.map((x) => [x.id, x]));
  const userById = new Map(users.map((u) => [u.id, u]));
  const planById = new Map(plans.map((p) => [p.id, p]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const publishesOf = new Map<string, { id: bigint; value: number | null }[]>();
  for (const p of published) {
    const list = publishesOf.get(p.entityId!) ?? [];
    const v = obj(toJsonSafe(p.after))?.value;
    list.push({ id: p.id, value: typeof v === "number" ? v : null });
    publishesOf.set(p.entityId!, list);
  }
  const unitOf = (id: string | null | undefined) => (id ? (unitById.get(id) ?? null) : null);
  const planOf = (id: string | null | undefined) => {
    const p = id ? planById.get(id) : undefined;
    return p ? { id: p.id, code: p.code, title: p.title } : null;
  };

  return rows.map((r, i) => {
    const e = shaped[i]!;
    const s = snap(e);
    const subject: TAuditSubject = { ...EMPTY_SUBJECT, unit: unitOf(r.unitId ?? str(s, "unitId")) };
    switch (e.entity) {
      case "result": {
        const t = targetById.get(str(s, "targetId") ?? "");
        subject.indicator = indicatorById.get(str(s, "indicatorId") ?? "") ?? null;
        subject.statement = t?.statement ?? null;
        subject.group = t?.group ?? null;
        subject.plan = planOf(t?.planId);
        if (e.action === "result.publish" && e.entityId) {
          const earlier = (publishesOf.get(e.entityId) ?? []).filter((p) => p.id < r.id);
          subject.previousPublished = earlier.length ? earlier[earlier.length - 1]!.value : null;
        }
        break;
      }
      case "target": {
        const t = targetById.get(e.entityId ?? "");
        subject.indicator = indicatorById.get(str(s, "indicatorId") ?? "") ?? null;
        subject.statement = t?.statement ?? str(s, "statement");
        subject.plan = planOf(t?.planId ?? str(s, "planId") ?? str(e.before, "planId"));
        break;
      }
      case "plan": {
        subject.plan = planOf(e.entityId);
        subject.unit = unitOf(planById.get(e.entityId ?? "")?.issuerUnitId ?? r.unitId ?? str(s, "issuerUnitId"));
        break;
      }
      case "user": {
        const u = userById.get(e.entityId ?? "");
        subject.account = u ? { id: u.id, email: u.email, name: u.name } : null;
        subject.beforeUnit = unitOf(str(e.before, "unitId"));
        // The jurisdiction the row recorded (after, else before), not the account's of today.
        const after = obj(e.after);
        if (after && "unitId" in after) subject.unit = unitOf(str(e.after, "unitId"));
        break;
      }
      case "api_token": {
        const u = userById.get(str(s, "userId") ?? "");
        subject.account = u ? { id: u.id, email: u.email, name: u.name } : null;
        break;
      }
      case "session": {
        const u = userById.get(e.actorId ?? "");
        subject.account = u ? { id: u.id, email: u.email, name: u.name } : null;
        break;
      }
      case "unit": {
        subject.unit = unitOf(e.entityId);
        subject.parent = unitOf(str(e.after, "parentId"));
        const links = obj(e.after)?.successions;
        subject.successors = Array.isArray(links) ? links.map((l) => unitOf(str(l, "successorId"))).filter((u): u is TAuditUnitRef => u !== null) : [];
        break;
      }
    }
    return { ...e, subject };
  });
}

// ---------------------------------------------------------------------------
// The history of one record
// ---------------------------------------------------------------------------

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
  return withSubjects(rows);
}
