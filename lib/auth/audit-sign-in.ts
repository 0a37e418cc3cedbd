import "server-only";
// Sign-in events go to the audit log outside any other transaction.
import { db } from "../db/client";

export async function writeAuditStandalone(e: { action: string; actorLabel: string; actorId?: string | null; ip: string | null }) {
  try {
    await db().auditLog.create({
      data: { action: e.action, entity: "session", actorLabel: e.actorLabel.slice(0, 200), actorId: e.actorId ?? null, ip: e.ip },
    });
  } catch (err) {
    // Never let a logging failure block or reveal anything to the person signing in.
    console.error("audit write failed", err);
  }
}
