// Writing audit rows: shared by the web app (lib/data/audit.ts re-exports it) and
// the operators' command line, so it imports nothing "server-only". Rows are
// written through the caller's transaction, so they commit or roll back with the
// change they describe.
import type { TActor } from "../auth/permissions";
import { Prisma } from "../generated/prisma/client";

export type TAuditAction =
  | "result.create"
  | "result.update"
  | "result.submit"
  | "result.publish"
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

/** Appends one audit row, inside the caller's transaction (`tx`). */
export async function writeAudit(tx: Prisma.TransactionClient, entry: TAuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorLabel: (entry.actorLabel ?? actorLabelOf(entry.actor)).slice(0, 500),
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: jsonColumn(entry.before),
      after: jsonColumn(entry.after),
      reason: entry.reason ?? null,
      ip: entry.ip ? entry.ip.slice(0, 100) : null,
      source: entry.source ?? null,
    },
  });
}

