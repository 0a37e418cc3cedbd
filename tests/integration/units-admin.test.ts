// Managing the unit registry (docs/domain.md "Managing units"), on both backends: create, rename,
// end, merge, split, load the shared CSV files (all or nothing, idempotent) and delete, through the
// web app's authorizing functions (lib/data/units-admin.ts) and the operators' command line; every
// refusal changes nothing, every change has its audit row. The units made here are communes under
// Tuyên Quang (08) with keys starting "991" and dates from 2030 on, and are removed afterwards, so
// the registry the other tests count is as the seed left it.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listUnits } from "@/lib/data/units";
import { createUnit, deleteUnit, endUnit, getUnitAdmin, importUnits, renameUnit, reorganiseUnits } from "@/lib/data/units-admin";
import type { AppError } from "@/lib/errors";
import { demoActor, runAdminCli, tableCounts, withPg } from "./helpers";

const admin = demoActor("user-admin");
const officer = demoActor("user-soctrang");
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The problem codes of a refusal (an AppError), or "no refusal". */
async function refusal(p: Promise<unknown>): Promise<{ kind: string; codes: string[]; problems: AppError["problems"] }> {
  try {
    await p;
  } catch (e) {
    const err = e as AppError;
    if (!err.problems) throw e;
    return { kind: err.kind, codes: err.problems.map((x) => x.code), problems: err.problems };
  }
  throw new Error("expected a refusal");
}

const auditOf = (id: string) => db().auditLog.findMany({ where: { entity: "unit", entityId: id }, orderBy: { id: "asc" } });
const counts = () => withPg((c) => tableCounts(c));
const unitRows = () => withPg(async (c) => (await c.query(`SELECT * FROM admin_unit ORDER BY id`)).rows);

const cli = (...args: string[]) => runAdminCli(args, { NODE_NO_WARNINGS: "1" });

const csv = (...lines: string[]) => ({ name: "test.csv", text: `${lines.join("\n")}\n` });
const UNITS = "code,name,level,parent_code";
const LINKS = "level,old_code,old_name,new_code,new_name,share";

afterAll(async () => {
  const mine = await db().adminUnit.findMany({ where: { key: { startsWith: "991" } }, select: { id: true } });
  const ids = mine.map((u) => u.id);
  await db().unitSuccession.deleteMany({ where: { OR: [{ predecessorId: { in: ids } }, { successorId: { in: ids } }] } });
  await db().adminUnit.updateMany({ where: { id: { in: ids } }, data: { successorId: null } });
  await db().adminUnit.deleteMany({ where: { id: { in: ids } } });
  await db().auditLog.deleteMany({ where: { entity: "unit", OR: [{ entityId: { in: [...ids, "unit-942"] } }, { action: "unit.import" }] } });
});

describe("the registry's public caches", () => {
  it("follow admin_unit and unit_succession by trigger (public_data_version)", async () => {
    const triggers = await withPg(async (c) => (await c.query<{ tgname: string }>(`SELECT tgname FROM pg_trigger WHERE tgname IN ('admin_unit_public_version', 'unit_succession_public_version') ORDER BY tgname`)).rows.map((r) => r.tgname));
    expect(triggers).toEqual(["admin_unit_public_version", "unit_succession_public_version"]);
    const version = async () => (await db().publicDataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;
    const before = await version();
    expect((await listUnits()).some((u) => u.key === "99100")).toBe(false);
    await createUnit(admin, { code: "99100", name: "Xã Bộ Nhớ Đệm", level: "COMMUNE", parent: "08", validFrom: "2030-01-01" });
    expect(await version()).toBeGreaterThan(before);
    expect((await listUnits()).some((u) => u.key === "99100")).toBe(true);
  });
});

describe("creating a unit", () => {
  it("creates a commune under Tuyên Quang, with derived names, search name and an audit row", async () => {
    const u = await createUnit(admin, { code: "99101", name: "Xã Thử Nghiệm", level: "commune", parent: "08", validFrom: "2030-01-01" }, { ip: "203.0.113.9" });
    expect(u).toMatchObject({ id: "unit-99101", key: "99101", code: "99101", shortName: "Thử Nghiệm", nameEn: "Thu Nghiem Commune", level: "COMMUNE", parentId: "unit-08", validFrom: "2030-01-01", validTo: null });
    expect((await db().adminUnit.findUniqueOrThrow({ where: { key: "99101" } })).searchName).toBe("xa thu nghiem");
    const [a] = await auditOf("unit-99101");
    expect(a).toMatchObject({ action: "unit.create", actorId: "user-admin", source: "web", ip: "203.0.113.9", before: null });
    expect(a!.after).toMatchObject({ key: "99101", name: "Xã Thử Nghiệm", validFrom: "2030-01-01" });
  });

  it("refuses a taken key, a code still in use, a parent that has ended or is not above, and bad input; nothing is written", async () => {
    const before = await counts();
    expect((await refusal(createUnit(admin, { code: "99101", name: "Xã Trùng", level: "COMMUNE", parent: "08", validFrom: "2030-06-01" }))).codes).toEqual(["registry_code_in_use"]);
    expect((await refusal(createUnit(admin, { code: "99199", key: "99101", name: "Xã Trùng Khóa", level: "COMMUNE", parent: "08", validFrom: "2030-06-01" }))).codes).toEqual(["registry_key_taken"]);
    const inUse = await refusal(createUnit(admin, { code: "99101", key: "99101-2029", name: "Xã Trùng Mã", level: "COMMUNE", parent: "08", validFrom: "2029-01-01" }));
    expect(inUse).toMatchObject({ kind: "conflict", codes: ["registry_code_in_use"] });
    // Sóc Trăng (94) ended on 30/6/2025: nothing can be created under it in 2030.
    expect((await refusal(createUnit(admin, { code: "99198", name: "Xã Cũ", level: "COMMUNE", parent: "94", validFrom: "2030-01-01" }))).codes).toEqual(["registry_parent_not_valid"]);
    expect((await refusal(createUnit(admin, { code: "99197", name: "Tỉnh Dưới Xã", level: "PROVINCE", parent: "99101", validFrom: "2030-02-01" }))).codes).toEqual(["registry_parent_level"]);
    expect((await refusal(createUnit(admin, { code: "99196", name: "Xã Mồ Côi", level: "COMMUNE", parent: "nope", validFrom: "2030-01-01" }))).codes).toEqual(["registry_parent_unknown"]);
    expect((await refusal(createUnit(admin, { code: "99195", name: "Xã Không Cha", level: "COMMUNE", validFrom: "2030-01-01" }))).codes).toEqual(["registry_parent_required"]);
    const bad = await refusal(createUnit(admin, { code: "99 1", name: "", level: "VILLAGE", parent: "08", validFrom: "2030-02-30" }));
    expect(bad.kind).toBe("invalid");
    expect(bad.problems.map((p) => p.field).sort()).toEqual(["code", "level", "name", "validFrom"]);
    expect(await counts()).toEqual(before);
  });

  it("refuses anyone but an administrator", async () => {
    expect(await refusal(createUnit(officer, { code: "99194", name: "Xã Của Tỉnh", level: "COMMUNE", parent: "08", validFrom: "2030-01-01" }))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(renameUnit(officer, { key: "99101", name: "Xã Khác" }))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(endUnit(officer, { key: "99101", effectiveOn: "2031-01-01" }))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(deleteUnit(officer, "99101"))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(reorganiseUnits(officer, { effectiveOn: "2031-01-01", from: "99101", into: "99100" }, { apply: true }))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(importUnits(officer, { units: csv(UNITS) }, "2031-01-01", { apply: true }))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(importUnits(null, { units: csv(UNITS) }, "2031-01-01", { apply: true }))).toMatchObject({ kind: "forbidden" });
    expect(await refusal(getUnitAdmin(demoActor("user-chauthanh"), "99101"))).toMatchObject({ kind: "forbidden" });
  });
});

describe("renaming and ending", () => {
  it("renames (search name recomputed, audited) and refreshes the search text of the plans below", async () => {
    const r = await renameUnit(admin, { key: "99101", name: "Xã Minh Thử" });
    expect(r).toMatchObject({ changed: true, unit: { name: "Xã Minh Thử", shortName: "Minh Thử", nameEn: "Minh Thu Commune" } });
    expect((await db().adminUnit.findUniqueOrThrow({ where: { key: "99101" } })).searchName).toBe("xa minh thu");
    expect((await renameUnit(admin, { key: "99101", name: "Xã Minh Thử" })).changed).toBe(false);
    const audit = await auditOf("unit-99101");
    expect(audit.map((a) => a.action)).toEqual(["unit.create", "unit.rename"]);
    expect(audit[1]).toMatchObject({ before: expect.objectContaining({ name: "Xã Thử Nghiệm" }), after: expect.objectContaining({ name: "Xã Minh Thử" }) });

    // Huyện Châu Thành (942) issued plan 58: its search text carries the unit's name.
    const cth = await db().adminUnit.findUniqueOrThrow({ where: { key: "942" } });
    const searchText = async () => (await db().plan.findUniqueOrThrow({ where: { id: "plan-58-kh-ubnd-2023" } })).searchText;
    const seeded = await searchText();
    await renameUnit(admin, { key: "942", name: "Huyện Châu Thành Thử" });
    expect(await searchText()).toContain("huyen chau thanh thu tinh soc trang");
    await renameUnit(admin, { key: "942", name: cth.name, shortName: cth.shortName, nameEn: cth.nameEn ?? undefined });
    expect(await db().adminUnit.findUniqueOrThrow({ where: { key: "942" } })).toEqual(cth);
    expect(await searchText()).toBe(seeded);
  });

  it("ends a unit the day before the effective date; refuses to end it twice, before it began, or a province with communes", async () => {
    const u = await endUnit(admin, { key: "99101", effectiveOn: "2031-01-01" });
    expect(u).toMatchObject({ validTo: "2030-12-31" });
    expect(iso((await db().adminUnit.findUniqueOrThrow({ where: { key: "99101" } })).validTo)).toBe("2030-12-31");
    expect((await auditOf("unit-99101")).at(-1)).toMatchObject({ action: "unit.end", before: expect.objectContaining({ validTo: null }), after: expect.objectContaining({ validTo: "2030-12-31" }) });
    const before = await unitRows();
    expect((await refusal(endUnit(admin, { key: "99101", effectiveOn: "2032-01-01" }))).codes).toEqual(["registry_already_ended"]);
    expect((await refusal(endUnit(admin, { key: "99100", effectiveOn: "2030-01-01" }))).codes).toEqual(["registry_end_before_start"]);
    const province = await refusal(endUnit(admin, { key: "08", effectiveOn: "2031-01-01" }));
    expect(province.codes).toEqual(["registry_children_remain"]);
    expect(Number(province.problems[0]!.params!.count)).toBeGreaterThan(100);
    expect((await refusal(endUnit(admin, { key: "VN", effectiveOn: "2031-01-01" }))).codes).toEqual(["registry_nation"]);
    expect(await unitRows()).toEqual(before);
  });
});

describe("merging and splitting", () => {
  it("previews a merger into a new unit, refuses a stale confirmation, then writes exactly what was shown", async () => {
    for (const code of ["99102", "99103"]) await createUnit(admin, { code, name: `Xã Ghép ${code}`, level: "COMMUNE", parent: "08", validFrom: "2030-01-01" });
    const input = { effectiveOn: "2032-01-01", from: "99102, 99103", into: "", newCode: "99104", newName: "Xã Hợp Nhất", newLevel: "COMMUNE", newParent: "08" };
    const before = await counts();
    const preview = await reorganiseUnits(admin, input, { apply: false });
    expect(preview).toMatchObject({ applied: false, unchanged: false, summary: { counts: { created: 1, renamed: 0, ended: 2, successions: 2 } } });
    expect(preview.summary.ended.map((e) => [e.key, e.validTo, e.into.map((i) => [i.key, i.share])])).toEqual([
      ["99102", "2031-12-31", [["99104", "FULL"]]],
      ["99103", "2031-12-31", [["99104", "FULL"]]],
    ]);
    expect(await counts()).toEqual(before);
    expect((await refusal(reorganiseUnits(admin, input, { apply: true, expect: "0".repeat(32) }))).codes).toEqual(["registry_preview_stale"]);
    expect(await counts()).toEqual(before);

    const done = await reorganiseUnits(admin, input, { apply: true, expect: preview.fingerprint });
    expect(done).toMatchObject({ applied: true, fingerprint: preview.fingerprint });
    const merged = await db().adminUnit.findMany({ where: { key: { in: ["99102", "99103", "99104"] } }, orderBy: { key: "asc" } });
    expect(merged.map((u) => [u.key, iso(u.validFrom), iso(u.validTo), u.successorId])).toEqual([
      ["99102", "2030-01-01", "2031-12-31", "unit-99104"],
      ["99103", "2030-01-01", "2031-12-31", "unit-99104"],
      ["99104", "2032-01-01", null, null],
    ]);
    const links = await db().unitSuccession.findMany({ where: { successorId: "unit-99104" }, orderBy: { predecessorId: "asc" } });
    expect(links.map((l) => [l.predecessorId, l.share, iso(l.effectiveOn)])).toEqual([
      ["unit-99102", "FULL", "2032-01-01"],
      ["unit-99103", "FULL", "2032-01-01"],
    ]);
    expect((await auditOf("unit-99102")).at(-1)).toMatchObject({ action: "unit.reorganise", after: expect.objectContaining({ validTo: "2031-12-31", successorId: "unit-99104" }) });
    expect((await auditOf("unit-99104")).map((a) => a.action)).toEqual(["unit.create"]);
    // They went wholly into 99104: nothing else can take them too; a later date finds them ended.
    expect((await refusal(reorganiseUnits(admin, { ...input, newCode: "99109", newName: "Xã Khác" }, { apply: true }))).codes).toEqual(["registry_full_and_more", "registry_full_and_more"]);
    expect((await refusal(reorganiseUnits(admin, { ...input, effectiveOn: "2033-01-01", newCode: "99109", newName: "Xã Khác" }, { apply: true }))).codes).toEqual([
      "registry_already_ended",
      "registry_already_succeeded",
      "registry_already_ended",
      "registry_already_succeeded",
    ]);
    expect(await db().adminUnit.findUnique({ where: { key: "99109" } })).toBeNull();
  });

  it("splits a unit in part into two; refuses a whole share into two, a unit into itself, and levels that differ", async () => {
    for (const code of ["99105", "99106"]) await createUnit(admin, { code, name: `Xã Nhận ${code}`, level: "COMMUNE", parent: "08", validFrom: "2033-01-01" });
    const before = await counts();
    expect((await refusal(reorganiseUnits(admin, { effectiveOn: "2033-01-01", from: "99104", into: "99105,99106", share: "FULL" }, { apply: true }))).codes).toEqual(["registry_full_and_more"]);
    expect((await refusal(reorganiseUnits(admin, { effectiveOn: "2033-01-01", from: "99104", into: "99104" }, { apply: true }))).codes).toEqual(["registry_self_succession"]);
    expect((await refusal(reorganiseUnits(admin, { effectiveOn: "2033-01-01", from: "99104", into: "08" }, { apply: true }))).codes).toEqual(["registry_level_mismatch"]);
    expect((await refusal(reorganiseUnits(admin, { effectiveOn: "2033-01-01", from: "99104", into: "99105", share: "partial" }, { apply: true }))).codes).toEqual(["registry_partial_single"]);
    expect(await counts()).toEqual(before);

    const split = await reorganiseUnits(admin, { effectiveOn: "2033-01-01", from: "99104", into: "99105 99106" }, { apply: true });
    expect(split.summary.counts).toEqual({ created: 0, renamed: 0, ended: 1, successions: 2 });
    const u = await db().adminUnit.findUniqueOrThrow({ where: { key: "99104" } });
    expect([iso(u.validTo), u.successorId]).toEqual(["2032-12-31", null]);
    expect((await db().unitSuccession.findMany({ where: { predecessorId: "unit-99104" } })).map((l) => l.share)).toEqual(["PARTIAL", "PARTIAL"]);
    const detail = await getUnitAdmin(admin, "99104");
    expect(detail?.successors.map((s) => [s.key, s.share])).toEqual([
      ["99105", "PARTIAL"],
      ["99106", "PARTIAL"],
    ]);
  });
});

describe("loading the shared CSV files", () => {
  const units = csv(UNITS, "99110,Xã Mười,COMMUNE,08", "99111,Xã Mười Một,COMMUNE,08", "99105,Xã Nhận Đổi Tên,COMMUNE,08");
  const links = csv(LINKS, "COMMUNE,99106,Xã Nhận 99106,99110,Xã Mười,partial", "COMMUNE,99106,Xã Nhận 99106,99111,Xã Mười Một,partial");

  it("refuses a file with one bad row, saying which, and writes nothing", async () => {
    const before = await counts();
    const rows = await unitRows();
    const bad = csv(UNITS, "99110,Xã Mười,COMMUNE,08", "99111,Xã Mười Một,COMMUNE,77777", "99112,Xã Mười Hai,COMMUNE,08");
    const r = await refusal(importUnits(admin, { units: bad, successors: links }, "2034-01-01", { apply: true }));
    expect(r.kind).toBe("invalid");
    // The successors row into the refused unit says nothing more.
    expect(r.problems.map((p) => [p.code, p.field, p.params?.line])).toEqual([["registry_parent_unknown", "unitsFile", 3]]);
    const malformed = await refusal(importUnits(admin, { units: csv(UNITS, "99110,Xã Mười,HAMLET,08") }, "2034-01-01", { apply: true }));
    expect(malformed.problems.map((p) => [p.code, p.params?.line])).toEqual([["registry_csv_bad_level", 2]]);
    expect((await refusal(importUnits(admin, { units }, "2034-02-30", { apply: true }))).problems.map((p) => p.field)).toEqual(["effectiveOn"]);
    expect(await counts()).toEqual(before);
    expect(await unitRows()).toEqual(rows);
  });

  it("previews, applies in one transaction with its audit rows, and loading the same files again changes nothing", async () => {
    const before = await counts();
    const preview = await importUnits(admin, { units, successors: links }, "2034-01-01", { apply: false });
    expect(preview.summary.counts).toEqual({ created: 2, renamed: 1, ended: 1, successions: 2 });
    expect(await counts()).toEqual(before);

    const done = await importUnits(admin, { units, successors: links }, "2034-01-01", { apply: true, expect: preview.fingerprint });
    expect(done.applied).toBe(true);
    expect((await db().adminUnit.findUniqueOrThrow({ where: { key: "99110" } })).validFrom).toEqual(day("2034-01-01"));
    expect((await db().adminUnit.findUniqueOrThrow({ where: { key: "99105" } })).name).toBe("Xã Nhận Đổi Tên");
    const ended = await db().adminUnit.findUniqueOrThrow({ where: { key: "99106" } });
    expect([iso(ended.validTo), ended.successorId]).toEqual(["2033-12-31", null]);
    const importRows = await db().auditLog.findMany({ where: { entity: "unit", action: "unit.import" } });
    expect(importRows).toHaveLength(1);
    expect(importRows[0]!.after).toMatchObject({ effectiveOn: "2034-01-01", created: 2, renamed: 1, ended: 1, successions: 2 });
    expect((await auditOf("unit-99105")).at(-1)?.action).toBe("unit.rename");
    expect((await auditOf("unit-99106")).at(-1)?.action).toBe("unit.reorganise");

    const after = await counts();
    const rows = await unitRows();
    const again = await importUnits(admin, { units, successors: links }, "2034-01-01", { apply: true });
    expect(again).toMatchObject({ applied: false, unchanged: true, summary: { counts: { created: 0, renamed: 0, ended: 0, successions: 0 } } });
    expect(await counts()).toEqual(after);
    expect(await unitRows()).toEqual(rows);
  });

  it("never changes an existing key: a new unit reusing an ended unit's code needs a key of its own", async () => {
    // 99101 ended on 31/12/2030; its code may serve again in 2035, but its key "99101" may not.
    const reuse = csv(UNITS, "99101,Xã Tái Lập,COMMUNE,08");
    expect((await refusal(importUnits(admin, { units: reuse }, "2035-01-01", { apply: true }))).problems.map((p) => [p.code, p.params?.key, p.params?.line])).toEqual([["registry_key_taken", "99101", 2]]);
    const keyed = await importUnits(admin, { units: csv(`${UNITS},key`, "99101,Xã Tái Lập,COMMUNE,08,99101-2035") }, "2035-01-01", { apply: true });
    expect(keyed.summary.created.map((c) => [c.key, c.code])).toEqual([["99101-2035", "99101"]]);
    expect(await db().adminUnit.findUniqueOrThrow({ where: { key: "99101" } })).toMatchObject({ name: "Xã Minh Thử", validTo: day("2030-12-31") });
  });
});

describe("deleting a unit", () => {
  it("deletes a unit nothing refers to, and refuses one referred to, saying by what", async () => {
    await createUnit(admin, { code: "99120", name: "Xã Nhập Nhầm", level: "COMMUNE", parent: "08", validFrom: "2030-01-01" });
    await deleteUnit(admin, "99120");
    expect(await db().adminUnit.findUnique({ where: { key: "99120" } })).toBeNull();
    expect((await auditOf("unit-99120")).map((a) => [a.action, a.after])).toEqual([
      ["unit.create", expect.anything()],
      ["unit.delete", null],
    ]);

    const before = await counts();
    const socTrang = await refusal(deleteUnit(admin, "94"));
    expect(socTrang).toMatchObject({ kind: "conflict", codes: ["registry_in_use"] });
    expect(socTrang.problems[0]!.params).toMatchObject({ plans: 2, users: 1, successions: 1 });
    expect(Number(socTrang.problems[0]!.params!.children)).toBeGreaterThan(0);
    expect((await refusal(deleteUnit(admin, "99102"))).codes).toEqual(["registry_in_use"]);
    expect((await refusal(deleteUnit(admin, "nope"))).codes).toEqual(["registry_unit_unknown"]);
    expect(await counts()).toEqual(before);
  });
});

describe("npm run admin -- units …", () => {
  it("shows, creates (audited as cli), previews a load without writing, and refuses with exit codes", async () => {
    const show = await cli("units", "show", "94");
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain("name\tTỉnh Sóc Trăng");
    expect(show.stdout).toContain("last day\t2025-06-30");

    const created = await cli("units", "create", "99130", "--name", "Xã Dòng Lệnh", "--level", "commune", "--parent", "08", "--valid-from", "2030-01-01");
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toBe("");
    expect((await auditOf("unit-99130"))[0]).toMatchObject({ action: "unit.create", actorLabel: "cli", source: "cli", actorId: null });

    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(join(tmpdir(), "units-cli-"));
    writeFileSync(join(dir, "units.csv"), `${UNITS}\n99131,Xã Ba Mốt,COMMUNE,08\n`);
    writeFileSync(join(dir, "successors.csv"), `${LINKS}\nCOMMUNE,99130,Xã Dòng Lệnh,99131,Xã Ba Mốt,full\n`);
    const before = await counts();
    const dry = await cli("units", "import", join(dir, "units.csv"), "--successors", join(dir, "successors.csv"), "--effective", "2031-01-01", "--dry-run");
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stderr).toContain("1 created, 0 renamed, 1 ended, 1 successions added");
    expect(dry.stderr).toContain("Dry run");
    expect(await counts()).toEqual(before);
    const load = await cli("units", "import", join(dir, "units.csv"), "--successors", join(dir, "successors.csv"), "--effective", "2031-01-01");
    expect(load.code, load.stderr).toBe(0);
    expect((await db().adminUnit.findUniqueOrThrow({ where: { key: "99130" } })).successorId).toBe("unit-99131");
    const twice = await cli("units", "import", join(dir, "units.csv"), "--successors", join(dir, "successors.csv"), "--effective", "2031-01-01");
    expect(twice.stderr).toContain("Nothing to change");

    writeFileSync(join(dir, "bad.csv"), `${UNITS}\n99132,Xã Ba Hai,COMMUNE,08\n99133,Xã Ba Ba,HAMLET,08\n`);
    const bad = await cli("units", "import", join(dir, "bad.csv"), "--effective", "2031-01-01");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("unitsFile line 3");
    expect(await db().adminUnit.findUnique({ where: { key: "99132" } })).toBeNull();

    const refused = await cli("units", "delete", "94");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot be deleted: 2 plans/);
    const usage = await cli("units", "end", "99131");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--effective");
  }, 180_000); // six runs of the command line, each a new Node process: slow on a busy machine
});
