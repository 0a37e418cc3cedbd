// The last enabled administrator, when two changes run at once (security issue #13), on both
// backends: two administrators disabling each other, or one demoting the other while being
// disabled, each on its own Prisma client, must never leave no enabled administrator. One change
// goes through, the other is refused (last_admin).
//
// How the race is forced: each change's audit writer (called inside its transaction, after its
// check and its write) waits until the other change has reached the same point, or is seen
// waiting for a lock (pg_stat_activity, on a third connection). Without serialization both
// reach it, and both commit; with it, the second waits for the first's lock before it reads
// anything. On the embedded database transactions already run one at a time
// (lib/db/session-queue.ts), so there is nothing to interleave there and the writer does not
// wait; the test still checks that the advisory lock works through its socket.
//
// It disables every other administrator for a while, so it runs on a database of its own
// (ownDatabase): the other tests, running meanwhile, keep theirs.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { createPrismaClient, type Db } from "@/lib/db/prisma";
import { createAccountWith, setAccountDisabledWith, updateAccountWith, type TAccountsCtx, type TAuditWriter } from "@/lib/data/accounts-core";
import { writeAudit } from "@/lib/data/audit-write";
import { AppError } from "@/lib/errors";
import { backend, ownDatabase, withPg } from "./helpers";

let own: { url: string; close(): Promise<void> };
/** The test's own database: `main` for setting up and checking, `clients` for the two changes. */
let main: Db;
let clients: [Db, Db];
const db = () => main;

beforeAll(async () => {
  own = await ownDatabase();
  main = createPrismaClient(own.url, { max: 2 });
  clients = [createPrismaClient(own.url, { max: 2 }), createPrismaClient(own.url, { max: 2 })];
}, 180_000);

/** The enabled administrators there were before (the seeded one), disabled during each race and enabled again after. */
let others: string[] = [];

afterAll(async () => {
  await Promise.all([main, ...clients].map((c) => c?.$disconnect()));
  await own?.close();
});

beforeEach(async () => {
  others = (await db().user.findMany({ where: { role: "ADMIN", disabled: false }, select: { id: true } })).map((u) => u.id);
  await db().user.updateMany({ where: { id: { in: others } }, data: { disabled: true } });
});

afterEach(async () => {
  await db().user.updateMany({ where: { id: { in: others } }, data: { disabled: false } });
});

let serial = 0;

/** Two enabled administrators, the only ones. */
async function twoAdmins(): Promise<[TActor, TActor]> {
  const cli: TAccountsCtx = { db: db(), actor: null, actorLabel: "cli", source: "cli" };
  const out: TActor[] = [];
  for (const n of [1, 2]) {
    const email = `admin-${++serial}-${n}@race.test`;
    const r = await createAccountWith(cli, { email, name: `Quản trị ${n}`, role: "ADMIN", unitCode: "", password: "Mật khẩu quản trị 2025" });
    out.push({ id: r.account.id, role: "ADMIN", unitId: null, email, name: r.account.name });
  }
  expect(await db().user.count({ where: { role: "ADMIN", disabled: false } })).toBe(2);
  return out as [TActor, TActor];
}

/**
 * An audit writer per change that, at the change's own row ("user.disable", "user.update"),
 * waits for the other change to arrive there too, or to be seen waiting for a lock.
 */
function meetingPoint(): [TAuditWriter, TAuditWriter] {
  const arrived = [false, false];
  const otherWaitsForALock = () =>
    withPg(async (pg) => {
      const { rows } = await pg.query<{ n: string }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()",
      );
      return Number(rows[0]!.n) > 0;
    }, own.url);
  const writer =
    (me: 0 | 1): TAuditWriter =>
    async (tx, entry) => {
      if ((entry.action === "user.disable" || entry.action === "user.update") && backend() === "postgres") {
        arrived[me] = true;
        // A bound so that a broken test fails rather than hangs; not a timing assertion.
        for (let i = 0; !arrived[1 - me]; i++) {
          if (await otherWaitsForALock()) break;
          if (i > 1500) throw new Error("the other change neither arrived nor waited for a lock");
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      await writeAudit(tx, entry);
    };
  return [writer(0), writer(1)];
}

const ctxFor = (client: 0 | 1, actor: TActor, audit: TAuditWriter): TAccountsCtx => ({ db: clients[client], actor, actorLabel: actor.email, source: "web", audit });

/** Exactly one of the two changes went through; the other was refused as taking away the last administrator. */
function expectOneRefused(outcomes: PromiseSettledResult<unknown>[]) {
  const refused = outcomes.filter((o) => o.status === "rejected");
  expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
  expect(refused).toHaveLength(1);
  const reason = (refused[0] as PromiseRejectedResult).reason as unknown;
  expect(reason).toBeInstanceOf(AppError);
  expect(reason).toMatchObject({ kind: "conflict", problems: [{ code: "last_admin" }] });
}

describe("the last enabled administrator, with two changes at once", () => {
  it("two administrators disabling each other: one is disabled, the other refused; one administrator remains", async () => {
    const [a, b] = await twoAdmins();
    const [wa, wb] = meetingPoint();
    const outcomes = await Promise.allSettled([setAccountDisabledWith(ctxFor(0, a, wa), b.id, true), setAccountDisabledWith(ctxFor(1, b, wb), a.id, true)]);
    expectOneRefused(outcomes);
    expect(await db().user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
    expect(await db().auditLog.count({ where: { entity: "user", entityId: { in: [a.id, b.id] }, action: "user.disable" } })).toBe(1);
  });

  it("one demoting the other while being disabled by them: one change goes through; one administrator remains", async () => {
    const [a, b] = await twoAdmins();
    const [wa, wb] = meetingPoint();
    const outcomes = await Promise.allSettled([
      updateAccountWith(ctxFor(0, a, wa), b.id, { role: "PROVINCIAL_OFFICER", unitCode: "08" }),
      setAccountDisabledWith(ctxFor(1, b, wb), a.id, true),
    ]);
    expectOneRefused(outcomes);
    expect(await db().user.count({ where: { role: "ADMIN", disabled: false } })).toBe(1);
  });
});
