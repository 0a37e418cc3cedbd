// Several connections at once, on both backends: a transaction running beside plain reads
// must not change what the reads return. On the embedded database this failed before
// lib/db/session-queue.ts: pglite-socket let two connections' extended-protocol messages
// interleave on its one backend, and reads came back with rows of another query.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resultSelect } from "@/lib/data/plans";

describe("concurrent sessions", () => {
  it("reads beside interactive transactions return exactly what they return alone", async () => {
    const alone = await db().result.findMany({ select: resultSelect, orderBy: { id: "asc" } });
    expect(alone.length).toBeGreaterThan(0);
    for (let i = 0; i < 15; i++) {
      const [, beside, again] = await Promise.all([
        db().$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242)`;
          await tx.target.findMany({ include: { results: true, indicator: true } });
          await tx.plan.count();
        }),
        db().result.findMany({ select: resultSelect, orderBy: { id: "asc" } }),
        db().result.findMany({ select: resultSelect, orderBy: { id: "asc" } }),
      ]);
      expect(beside).toEqual(alone);
      expect(again).toEqual(alone);
    }
  });

  it("a failed statement in one transaction leaves the other sessions working", async () => {
    const before = await db().plan.count();
    const [failed, counted] = await Promise.allSettled([
      db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT 1`;
        await tx.$executeRaw`SELECT * FROM "no_such_table"`;
      }),
      db().plan.count(),
    ]);
    expect(failed.status).toBe("rejected");
    expect(counted).toEqual({ status: "fulfilled", value: before });
    expect(await db().plan.count()).toBe(before);
  });
});
