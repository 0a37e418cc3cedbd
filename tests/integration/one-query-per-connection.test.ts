// One query at a time on a connection, on both backends (lib/db/prisma.ts
// `oneQueryAtATimeInTransactions`). A transaction holds one pg client; queries asked for side
// by side on it (Prisma's parallel loads of a query's relations, a `Promise.all` over `tx`) made
// pg queue them with "Calling client.query() when the client is already executing a query" in
// the server's log. Every call of pg's Client#query is watched here: none may start while the
// same client is still answering another.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { refreshProgressSummary } from "@/lib/data/progress-summary";
import { publishResults, saveResults } from "@/lib/data/results-write";
import { isoDateInTimeZone } from "@/lib/domain/numbers";
import { demoActors, withPg } from "./helpers";

const { socTrang } = demoActors();

/** The first lines of each query sent while its client was still busy with another. */
const overlaps: string[] = [];
const busy = new WeakMap<object, number>();
const query = pg.Client.prototype.query;

beforeAll(() => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const n = busy.get(this) ?? 0;
    if (n > 0) overlaps.push(String((args[0] as { text?: string } | undefined)?.text ?? args[0]).slice(0, 100));
    busy.set(this, n + 1);
    const done = () => busy.set(this, (busy.get(this) ?? 1) - 1);
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as (...a: unknown[]) => void;
      args[last] = (...a: unknown[]) => {
        done();
        callback(...a);
      };
      return (query as (...a: unknown[]) => unknown).apply(this, args);
    }
    const r = (query as (...a: unknown[]) => unknown).apply(this, args);
    if (r && typeof (r as Promise<unknown>).then === "function") (r as Promise<unknown>).then(done, done);
    else done();
    return r;
  } as typeof pg.Client.prototype.query;
});
afterAll(() => {
  pg.Client.prototype.query = query;
});
afterEach(() => {
  overlaps.length = 0;
});

describe("a transaction's queries go one at a time", () => {
  it("refreshing the progress summary (a transaction reading targets with their relations)", async () => {
    // As on the morning of a new day: every target is recomputed, inside the refresh's transaction.
    await withPg(async (c) => {
      await c.query(`UPDATE "target_progress" SET "computedFor" = DATE '2000-01-01'`);
      await c.query(`UPDATE "progress_summary_state" SET "completeFor" = DATE '2000-01-01'`);
    });
    expect(await refreshProgressSummary(isoDateInTimeZone())).toBeGreaterThan(0);
    expect(overlaps).toEqual([]);
  });

  it("saving and publishing a result (its audit rows look up the target, indicator and unit)", async () => {
    const saved = await saveResults(socTrang, [{ targetId: "target-58-jobs", unitCode: "942", year: 2023, value: "2.400" }], { source: "form" });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    if (!saved.ok) return;
    const id = saved.saved[0]!.id;
    try {
      expect(await publishResults(socTrang, [id])).toMatchObject({ ok: true });
      expect(await db().auditLog.count({ where: { entity: "result", entityId: id } })).toBe(2);
      expect(overlaps).toEqual([]);
    } finally {
      await db().auditLog.deleteMany({ where: { entity: "result", entityId: id } });
      await db().result.deleteMany({ where: { id } });
    }
  });

  it("queries chained this way still give each caller its answer, and the transaction still rolls back whole", async () => {
    const before = await db().indicator.count();
    await expect(
      db().$transaction(async (tx) => {
        const [n, units, indicator] = await Promise.all([tx.indicator.count(), tx.adminUnit.findMany({ take: 3, select: { id: true } }), tx.indicator.findFirst({ select: { id: true } })]);
        expect([n, units.length, typeof indicator?.id]).toEqual([before, 3, "string"]);
        await Promise.all([tx.$executeRaw`UPDATE "indicator" SET "name" = "name" WHERE false`, tx.$queryRaw`SELECT 1`]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect(overlaps).toEqual([]);
  });
});
