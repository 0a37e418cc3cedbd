import "server-only";
// Sign-in events go to the audit log outside any other transaction. Their search text is the
// label (the email typed), normalised as lib/data/audit-write.ts `auditSearchText` does.
import { db } from "../db/client";
import type { Db } from "../db/prisma";
import { normalizeSearch } from "../domain/text";

export async function writeAuditStandalone(e: { action: string; actorLabel: string; actorId?: string | null; ip: string | null }, client: Pick<Db, "auditLog"> = db()) {
  try {
    await client.auditLog.create({
      data: { action: e.action, entity: "session", actorLabel: e.actorLabel.slice(0, 200), actorId: e.actorId ?? null, ip: e.ip, searchText: normalizeSearch(e.actorLabel.slice(0, 200)).slice(0, 2000) },
    });
  } catch (err) {
    // Never let a logging failure block or reveal anything to the person signing in.
    console.error("audit write failed", err);
  }
}
