// The unit registry as the seed loads it from the official lists, on both backends: every
// province and commune before and after 1 July 2025, their successors (whole or in part), the
// districts the sources name, and an identity that survives reused codes.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listUnits } from "@/lib/data/units";
import { unitTree } from "@/lib/domain/unit-tree";
import { buildRegistry } from "@/prisma/registry";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const validOn = (iso: string) => ({ AND: [{ OR: [{ validFrom: null }, { validFrom: { lte: day(iso) } }] }, { OR: [{ validTo: null }, { validTo: { gte: day(iso) } }] }] });

describe("the unit registry", () => {
  it("holds 34 provinces and 3.321 communes from 1 July 2025, and 63 provinces and 10.047 communes before", async () => {
    const count = (level: "PROVINCE" | "COMMUNE", iso: string) => db().adminUnit.count({ where: { level, ...validOn(iso) } });
    expect(await count("PROVINCE", "2025-07-01")).toBe(34);
    expect(await count("COMMUNE", "2025-07-01")).toBe(3321);
    expect(await count("PROVINCE", "2025-06-30")).toBe(63);
    expect(await count("COMMUNE", "2025-06-30")).toBe(10047);
    expect(await count("PROVINCE", "2026-11-30")).toBe(34);
  });

  it("holds every succession of the official list (whole or in part) but those of units the reform left as they were", async () => {
    const registry = buildRegistry();
    expect(await db().unitSuccession.count()).toBe(registry.successions.length);
    expect(registry.successions.length).toBeGreaterThan(10_000);
    expect(await db().unitSuccession.count({ where: { share: "PARTIAL" } })).toBeGreaterThan(0);
  });

  it("tells the Cần Thơ of today (92) from the one before the reform (92-2025), and gives it its predecessors", async () => {
    const today = await db().adminUnit.findUniqueOrThrow({ where: { key: "92" } });
    const before = await db().adminUnit.findUniqueOrThrow({ where: { key: "92-2025" } });
    expect(today.id).not.toBe(before.id);
    expect([today.code, before.code]).toEqual(["92", "92"]);
    expect(today.validFrom?.toISOString().slice(0, 10)).toBe("2025-07-01");
    expect(before.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    const preds = await db().unitSuccession.findMany({ where: { successorId: today.id }, include: { predecessor: true }, orderBy: { predecessorId: "asc" } });
    expect(preds.map((p) => [p.predecessor.key, p.predecessor.name, p.share])).toEqual([
      ["92-2025", "Thành phố Cần Thơ", "FULL"],
      ["93", "Tỉnh Hậu Giang", "FULL"],
      ["94", "Tỉnh Sóc Trăng", "FULL"],
    ]);
  });

  it("keeps Sóc Trăng (94) under its key with its district Châu Thành, ended on 30/6/2025, and Sơn La as one unit across the reform", async () => {
    const socTrang = await db().adminUnit.findUniqueOrThrow({ where: { key: "94" } });
    expect(socTrang).toMatchObject({ id: "unit-94", successorId: "unit-92" });
    const chauThanh = await db().adminUnit.findUniqueOrThrow({ where: { key: "942" } });
    expect(chauThanh).toMatchObject({ level: "DISTRICT", parentId: "unit-94" });
    const sonLa = await db().adminUnit.findUniqueOrThrow({ where: { key: "14" } });
    expect(sonLa).toMatchObject({ validFrom: null, validTo: null });
    expect(await db().adminUnit.count({ where: { code: "14", level: "PROVINCE" } })).toBe(1);
  });

  it("names every unit in English from its Vietnamese name (the island districts too)", async () => {
    expect(await db().adminUnit.count({ where: { OR: [{ nameEn: { contains: "undefined" } }, { nameEn: null }, { nameEn: "" }] } })).toBe(0);
    const island = await db().adminUnit.findFirstOrThrow({ where: { name: "Huyện Bạch Long Vĩ" } });
    expect(island.nameEn).toBe("Bach Long Vi District");
  });

  it("reads a reused commune code as the unit that had it in the year", async () => {
    const tree = unitTree(await listUnits());
    const before = tree.inYear("00004", 2024)!;
    const after = tree.inYear("00004", 2026)!;
    expect(before.name).toBe("Phường Trúc Bạch");
    expect(after.name).toBe("Phường Ba Đình");
    expect(before.key).toBe("00004-2025");
    expect(after.key).toBe("00004");
    expect(tree.withKey("00004-2025")?.id).toBe(before.id);
  });
});
