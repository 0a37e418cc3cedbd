// Who may write which result, asserted against the real database (both backends):
// every mutating function of lib/data/results-write.ts × every demo role × a result in
// the actor's own jurisdiction or another one. The table below is the expectation,
// written out by hand (not derived from lib/auth/permissions), so a change of the
// rules shows up here. A denial must answer "forbidden" and leave the database unchanged.
import { afterEach, describe, expect, it } from "vitest";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { publishResults, reopenResult, saveResults, submitResults } from "@/lib/data/results-write";
import type { TResultStatus } from "@/lib/domain/results";
import { demoActor } from "./helpers";

const actor = demoActor;

const ACTORS = {
  admin: actor("user-admin"),
  socTrangOfficer: actor("user-soctrang"),
  sonLaOfficer: actor("user-sonla"),
  chauThanhStaff: actor("user-chauthanh"),
} as const;
type TActorKey = keyof typeof ACTORS;

/** Two result cells: Châu Thành (Sóc Trăng) and Sơn La, on count targets without baselines or sub-targets. */
const CELLS = {
  chauThanh: { targetId: "target-58-vocational-training", indicatorId: "ind-vocational-training", unitId: "unit-942", unitCode: "942", year: 2023 },
  sonLa: { targetId: "target-199-labour-export", indicatorId: "ind-labour-export", unitId: "unit-14", unitCode: "14", year: 2022 },
} as const;
type TCellKey = keyof typeof CELLS;

type TOperation = "save" | "saveAndPublish" | "submit" | "publish" | "reopen";

/** allow (true) or deny (false), per operation × actor × cell [chauThanh, sonLa]. */
const EXPECTED: Record<TOperation, Record<TActorKey, [boolean, boolean]>> = {
  save: { admin: [true, true], socTrangOfficer: [true, false], sonLaOfficer: [false, true], chauThanhStaff: [true, false] },
  saveAndPublish: { admin: [true, true], socTrangOfficer: [true, false], sonLaOfficer: [false, true], chauThanhStaff: [false, false] },
  submit: { admin: [true, true], socTrangOfficer: [true, false], sonLaOfficer: [false, true], chauThanhStaff: [true, false] },
  publish: { admin: [true, true], socTrangOfficer: [true, false], sonLaOfficer: [false, true], chauThanhStaff: [false, false] },
  reopen: { admin: [true, true], socTrangOfficer: [true, false], sonLaOfficer: [false, true], chauThanhStaff: [false, false] },
};

/** The stored state each operation starts from, and the status it leads to when allowed. */
const FIXTURE: Record<TOperation, { start: TResultStatus | null; end: TResultStatus }> = {
  save: { start: null, end: "DRAFT" },
  saveAndPublish: { start: null, end: "PUBLISHED" },
  submit: { start: "DRAFT", end: "SUBMITTED" },
  publish: { start: "SUBMITTED", end: "PUBLISHED" },
  reopen: { start: "PUBLISHED", end: "DRAFT" },
};

const FIXTURE_ID = "it-authz-matrix";
const targetIds = Object.values(CELLS).map((c) => c.targetId);

async function stored() {
  return db().result.findMany({ where: { targetId: { in: targetIds } }, orderBy: { id: "asc" } });
}

afterEach(async () => {
  const ids = [FIXTURE_ID, ...(await stored()).map((r) => r.id)];
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
});

async function run(op: TOperation, who: TActor, cellKey: TCellKey) {
  const cell = CELLS[cellKey];
  const row = { targetId: cell.targetId, unitCode: cell.unitCode, year: cell.year, value: "12" };
  switch (op) {
    case "save":
      return saveResults(who, [row]);
    case "saveAndPublish":
      return saveResults(who, [row], { publish: true });
    case "submit":
      return submitResults(who, [FIXTURE_ID]);
    case "publish":
      return publishResults(who, [FIXTURE_ID]);
    case "reopen":
      return reopenResult(who, FIXTURE_ID, "Kiểm tra quyền mở lại", 1);
  }
}

const cases = (Object.keys(EXPECTED) as TOperation[]).flatMap((op) =>
  (Object.keys(ACTORS) as TActorKey[]).flatMap((who) =>
    (Object.keys(CELLS) as TCellKey[]).map((cell, i) => ({ op, who, cell, allowed: EXPECTED[op][who][i]! })),
  ),
);

describe("authorization matrix of the result write path", () => {
  it("covers every operation × role × own/other unit", () => {
    expect(cases).toHaveLength(5 * 4 * 2);
    expect(cases.filter((c) => c.allowed)).toHaveLength(22);
  });

  it.each(cases)("$op by $who on the $cell result → allowed: $allowed", async ({ op, who, cell, allowed }) => {
    const c = CELLS[cell];
    const start = FIXTURE[op].start;
    if (start) {
      await db().result.create({
        data: {
          id: FIXTURE_ID,
          targetId: c.targetId,
          indicatorId: c.indicatorId,
          unitId: c.unitId,
          year: c.year,
          value: 10,
          status: start,
          version: 1,
          approvedById: start === "PUBLISHED" ? "user-admin" : null,
          approvedAt: start === "PUBLISHED" ? new Date("2026-01-02T03:04:05Z") : null,
        },
      });
    }
    const before = await stored();
    const auditBefore = await db().auditLog.count();

    const outcome = await run(op, ACTORS[who], cell);

    if (allowed) {
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: true, saved: [{ status: FIXTURE[op].end, version: start ? 2 : 1 }] });
      const after = await stored();
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ unitId: c.unitId, status: FIXTURE[op].end, version: start ? 2 : 1 });
      expect(await db().auditLog.count()).toBe(auditBefore + 1);
      const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "result", entityId: after[0]!.id }, orderBy: { id: "desc" } });
      expect(audit.actorId).toBe(ACTORS[who].id);
    } else {
      expect(outcome, JSON.stringify(outcome)).toMatchObject({ ok: false, kind: "forbidden" });
      if (!outcome.ok) expect(outcome.errors.every((e) => e.code === "forbidden" || e.code === "forbidden_publish")).toBe(true);
      expect(await stored()).toEqual(before);
      expect(await db().auditLog.count()).toBe(auditBefore);
    }
  });
});
