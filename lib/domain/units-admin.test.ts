import { describe, expect, it } from "vitest";
import {
  addDays,
  countChanges,
  isEmptyChangeSet,
  lastDayBefore,
  parseCsv,
  planImport,
  planReorganise,
  readSuccessorsFile,
  readUnitsFile,
  unitNames,
  validOn,
  type TChangeSet,
  type TRegistry,
  type TRegUnit,
} from "./units-admin";

const unit = (u: Partial<TRegUnit> & Pick<TRegUnit, "key" | "code" | "name" | "level">): TRegUnit => ({
  id: `unit-${u.key}`,
  shortName: unitNames(u.name).shortName,
  nameEn: unitNames(u.name).nameEn,
  parentId: null,
  validFrom: null,
  validTo: null,
  successorId: null,
  ...u,
});

// A small registry: Việt Nam > Tỉnh A (01) > Xã A1 (00001), Xã A2 (00002); Tỉnh B (02) > Xã B1 (00003);
// and Tỉnh C (03), ended on 30/6/2025 into B (its code reused by nobody).
function registry(): TRegistry {
  return {
    units: [
      unit({ key: "VN", code: "VN", name: "Việt Nam", level: "NATION" }),
      unit({ key: "01", code: "01", name: "Tỉnh A", level: "PROVINCE", parentId: "unit-VN" }),
      unit({ key: "02", code: "02", name: "Tỉnh B", level: "PROVINCE", parentId: "unit-VN" }),
      unit({ key: "03", code: "03", name: "Tỉnh C", level: "PROVINCE", parentId: "unit-VN", validTo: "2025-06-30", successorId: "unit-02" }),
      unit({ key: "00001", code: "00001", name: "Xã A1", level: "COMMUNE", parentId: "unit-01" }),
      unit({ key: "00002", code: "00002", name: "Xã A2", level: "COMMUNE", parentId: "unit-01" }),
      unit({ key: "00003", code: "00003", name: "Xã B1", level: "COMMUNE", parentId: "unit-02" }),
    ],
    links: [{ predecessorId: "unit-03", successorId: "unit-02", share: "FULL", effectiveOn: "2025-07-01" }],
  };
}

/** The registry after a change set, as the database would hold it. */
function applied(r: TRegistry, cs: TChangeSet): TRegistry {
  const units = r.units.map((u) => {
    const ren = cs.rename.find((x) => x.unit.id === u.id);
    const end = cs.end.find((x) => x.unit.id === u.id);
    return { ...u, ...(ren ? { name: ren.name, shortName: ren.shortName, nameEn: ren.nameEn } : {}), ...(end ? { validTo: end.validTo, successorId: end.successorId } : {}) };
  });
  return { units: [...units, ...cs.create.map((c) => ({ ...c, validTo: null, successorId: null }))], links: [...r.links, ...cs.links] };
}

const csv = (...lines: string[]) => lines.join("\n");
const UNITS_HEADER = "code,name,level,parent_code";
const LINKS_HEADER = "level,old_code,old_name,new_code,new_name,share";

function load(r: TRegistry, units: string, links: string, eff = "2030-01-01") {
  const u = readUnitsFile(units);
  const l = readSuccessorsFile(links);
  expect([...u.problems, ...l.problems]).toEqual([]);
  return planImport(r, u.rows, l.rows, eff);
}

describe("dates", () => {
  it("ends a unit the day before the effective date, as the registry holds 30/6/2025 for 1/7/2025", () => {
    expect(lastDayBefore("2025-07-01")).toBe("2025-06-30");
    expect(lastDayBefore("2024-03-01")).toBe("2024-02-29");
    expect(lastDayBefore("2030-01-01")).toBe("2029-12-31");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
  });

  it("counts validity bounds as inclusive", () => {
    const u = { validFrom: "2025-07-01", validTo: "2029-12-31" };
    expect(validOn(u, "2025-07-01")).toBe(true);
    expect(validOn(u, "2029-12-31")).toBe(true);
    expect(validOn(u, "2025-06-30")).toBe(false);
    expect(validOn(u, "2030-01-01")).toBe(false);
    expect(validOn({ validFrom: null, validTo: null }, "1990-01-01")).toBe(true);
  });
});

describe("names", () => {
  it("derives the short and English names as the registry does", () => {
    expect(unitNames("Tỉnh Sóc Trăng")).toEqual({ shortName: "Sóc Trăng", nameEn: "Soc Trang Province" });
    expect(unitNames("Xã Đồng Văn")).toEqual({ shortName: "Đồng Văn", nameEn: "Dong Van Commune" });
    expect(unitNames("Thành phố Cần Thơ")).toEqual({ shortName: "Cần Thơ", nameEn: "Can Tho City" });
    expect(unitNames("Huyện Châu Thành")).toEqual({ shortName: "Châu Thành", nameEn: "Chau Thanh District" });
    expect(unitNames("Côn Đảo")).toEqual({ shortName: "Côn Đảo", nameEn: "Con Dao" });
  });
});

describe("reading the shared CSV files", () => {
  it("reads the official format: a BOM, CRLF, blank lines and quoted fields", () => {
    const r = parseCsv('\uFEFFcode,name,level,parent_code\r\n08,Tỉnh Tuyên Quang,PROVINCE,\r\n\r\n02264,"Xã Hà, Giang",COMMUNE,08\r\n', "unitsFile");
    expect("rows" in r && r.rows).toEqual([
      { line: 2, cells: { code: "08", name: "Tỉnh Tuyên Quang", level: "PROVINCE", parent_code: "" } },
      { line: 4, cells: { code: "02264", name: "Xã Hà, Giang", level: "COMMUNE", parent_code: "08" } },
    ]);
  });

  it("refuses an unclosed quote, semicolons, missing and unknown columns", () => {
    expect(parseCsv('code,name\n1,"abc\n', "unitsFile")).toEqual({ problems: [expect.objectContaining({ code: "registry_csv_quote", params: { line: 2 } })] });
    expect(readUnitsFile("code;name;level;parent_code\n").problems.map((p) => p.code)).toEqual(["registry_csv_separator"]);
    expect(readUnitsFile("code,name,level\n").problems.map((p) => p.code)).toEqual(["registry_csv_missing_columns"]);
    expect(readUnitsFile("code,name,level,parent_code,colour\n").problems.map((p) => p.code)).toEqual(["registry_csv_unknown_columns"]);
  });

  it("checks every row and says which line is wrong", () => {
    const { rows, problems } = readUnitsFile(csv(UNITS_HEADER, "08,Tỉnh Tuyên Quang,PROVINCE,", "0x-1,Xã X,COMMUNE,08", "02264,Xã Y,VILLAGE,08", "02265,,COMMUNE,08", "02266,Xã Z,COMMUNE,", "08,Tỉnh khác,province,"));
    expect(rows.map((r) => r.code)).toEqual(["08"]);
    expect(problems.map((p) => [p.code, p.params?.line, p.field])).toEqual([
      ["registry_csv_bad_code", 3, "unitsFile"],
      ["registry_csv_bad_level", 4, "unitsFile"],
      ["registry_csv_required", 5, "unitsFile"],
      ["registry_csv_required", 6, "unitsFile"],
      ["registry_csv_duplicate_row", 7, "unitsFile"],
    ]);
    const links = readSuccessorsFile(csv(LINKS_HEADER, "COMMUNE,00001,Xã A1,00009,Xã Mới,most"));
    expect(links.problems.map((p) => [p.code, p.params?.line])).toEqual([["registry_csv_bad_share", 2]]);
  });
});

describe("loading the files", () => {
  it("creates, renames and merges; loading the same files again changes nothing", () => {
    const r0 = registry();
    const units = csv(UNITS_HEADER, "00009,Xã Mới,COMMUNE,01", "00003,Xã Bình Một,COMMUNE,02");
    const links = csv(LINKS_HEADER, "COMMUNE,00001,Xã A1,00009,Xã Mới,full", "COMMUNE,00002,Xã A2,00009,Xã Mới,partial", "COMMUNE,00002,Xã A2,00003,Xã Bình Một,partial");
    const { changes, problems } = load(r0, units, links);
    expect(problems).toEqual([]);
    expect(countChanges(changes)).toEqual({ created: 1, renamed: 1, ended: 2, successions: 3 });
    expect(changes.create[0]).toMatchObject({ id: "unit-00009", key: "00009", parentId: "unit-01", validFrom: "2030-01-01", shortName: "Mới", nameEn: "Moi Commune" });
    expect(changes.rename[0]).toMatchObject({ unit: { key: "00003" }, name: "Xã Bình Một", shortName: "Bình Một" });
    expect(changes.end.map((e) => [e.unit.key, e.validTo, e.successorId])).toEqual([
      ["00001", "2029-12-31", "unit-00009"],
      ["00002", "2029-12-31", null],
    ]);
    const again = load(applied(r0, changes), units, links);
    expect(again.problems).toEqual([]);
    expect(isEmptyChangeSet(again.changes)).toBe(true);
  });

  it("keeps a unit whose only row goes wholly into its own code, and lets others go into it", () => {
    const links = csv(LINKS_HEADER, "PROVINCE,01,Tỉnh A,01,Tỉnh A,full", "COMMUNE,00002,Xã A2,00001,Xã A1,full");
    const { changes, problems } = load(registry(), csv(UNITS_HEADER), links);
    expect(problems).toEqual([]);
    expect(changes.end.map((e) => [e.unit.key, e.successorId])).toEqual([["00002", "unit-00001"]]);
    expect(changes.links).toEqual([{ predecessorId: "unit-00002", successorId: "unit-00001", share: "FULL", effectiveOn: "2030-01-01" }]);
  });

  it("refuses a new unit whose key (its code) an ended unit holds: keys are never changed, the file gives one", () => {
    const units = csv(UNITS_HEADER, "01,Tỉnh A mới,PROVINCE,", "00001,Xã A1,COMMUNE,01");
    const links = csv(LINKS_HEADER, "PROVINCE,01,Tỉnh A,01,Tỉnh A mới,full", "PROVINCE,02,Tỉnh B,01,Tỉnh A mới,full", "COMMUNE,00001,Xã A1,00001,Xã A1,full", "COMMUNE,00002,Xã A2,00001,Xã A1,full", "COMMUNE,00003,Xã B1,00001,Xã A1,full");
    // Tỉnh A continues (its own row, wholly): B and its commune merge into it; nothing is refused.
    expect(load(registry(), units, links).problems).toEqual([]);
    // A split of Tỉnh A: the new A is a new unit, and "01" is taken.
    const split = csv(LINKS_HEADER, "PROVINCE,01,Tỉnh A,01,Tỉnh A mới,partial", "PROVINCE,01,Tỉnh A,02,Tỉnh B,partial", "COMMUNE,00001,Xã A1,00003,Xã B1,full", "COMMUNE,00002,Xã A2,00003,Xã B1,full");
    const refused = load(registry(), csv(UNITS_HEADER, "01,Tỉnh A mới,PROVINCE,"), split);
    expect(refused.problems.map((p) => [p.code, p.params?.key, p.params?.line])).toEqual([["registry_key_taken", "01", 2]]);
    const keyed = load(registry(), csv(`${UNITS_HEADER},key`, "01,Tỉnh A mới,PROVINCE,,01-2030"), split);
    expect(keyed.problems).toEqual([]);
    expect(keyed.changes.create.map((c) => [c.key, c.code, c.id])).toEqual([["01-2030", "01", "unit-01-2030"]]);
    expect(keyed.changes.end.map((e) => e.unit.key).sort()).toEqual(["00001", "00002", "01"]);
  });

  it("refuses a code still in use, an unknown parent, children left under an ended unit, a whole share into two", () => {
    const inUse = load(registry(), csv(UNITS_HEADER, "00001,Xã Khác,COMMUNE,02"), csv(LINKS_HEADER));
    // 00001 is Xã A1 under Tỉnh A: listed under B it would move (a new unit), and its code is in use.
    expect(inUse.problems.map((p) => p.code)).toEqual(["registry_csv_parent_differs"]);
    const newCode = load(registry(), csv(UNITS_HEADER, "00010,Xã X,COMMUNE,99"), csv(LINKS_HEADER));
    expect(newCode.problems.map((p) => p.code)).toEqual(["registry_parent_unknown"]);
    const orphan = load(registry(), csv(UNITS_HEADER), csv(LINKS_HEADER, "PROVINCE,01,Tỉnh A,02,Tỉnh B,full"));
    expect(orphan.problems.map((p) => [p.code, p.params?.count])).toEqual([["registry_children_remain", 2]]);
    const twice = load(registry(), csv(UNITS_HEADER), csv(LINKS_HEADER, "COMMUNE,00001,Xã A1,00002,Xã A2,full", "COMMUNE,00001,Xã A1,00003,Xã B1,full"));
    expect(twice.problems.map((p) => p.code)).toEqual(["registry_full_and_more"]);
    const wrongName = load(registry(), csv(UNITS_HEADER), csv(LINKS_HEADER, "COMMUNE,00001,Xã Sai Tên,00002,Xã A2,full"));
    expect(wrongName.problems.map((p) => [p.code, p.params?.line])).toEqual([["registry_csv_name_differs", 2]]);
    const ended = load(registry(), csv(UNITS_HEADER), csv(LINKS_HEADER, "PROVINCE,03,Tỉnh C,02,Tỉnh B,full"));
    expect(ended.problems.map((p) => p.code)).toEqual(["registry_csv_no_predecessor"]);
  });
});

describe("a reorganisation named by keys", () => {
  it("merges two communes into a new one, wholly, and splits one in part", () => {
    const merge = planReorganise(registry(), { effectiveOn: "2030-01-01", from: ["00001", "00002"], into: [], create: [{ code: "00010", name: "Xã Hợp Nhất", level: "COMMUNE", parent: "01" }] });
    expect(merge.problems).toEqual([]);
    expect(countChanges(merge.changes)).toEqual({ created: 1, renamed: 0, ended: 2, successions: 2 });
    expect(merge.changes.end.map((e) => [e.unit.key, e.validTo, e.successorId])).toEqual([
      ["00001", "2029-12-31", "unit-00010"],
      ["00002", "2029-12-31", "unit-00010"],
    ]);
    const split = planReorganise(registry(), { effectiveOn: "2030-01-01", from: ["00002"], into: ["00001", "00003"] });
    expect(split.problems).toEqual([]);
    expect(split.changes.links.map((l) => [l.successorId, l.share])).toEqual([
      ["unit-00001", "PARTIAL"],
      ["unit-00003", "PARTIAL"],
    ]);
    expect(split.changes.end[0]).toMatchObject({ successorId: null, validTo: "2029-12-31" });
  });

  it("refuses unknown keys, a unit into itself, levels that differ, a unit that has ended, and a taken key", () => {
    const codes = (spec: Parameters<typeof planReorganise>[1]) => planReorganise(registry(), spec).problems.map((p) => p.code);
    expect(codes({ effectiveOn: "2030-01-01", from: ["nope"], into: ["00001"] })).toEqual(["registry_unit_unknown"]);
    expect(codes({ effectiveOn: "2030-01-01", from: ["00001"], into: ["00001"] })).toEqual(["registry_self_succession"]);
    expect(codes({ effectiveOn: "2030-01-01", from: ["00001"], into: ["02"] })).toEqual(["registry_level_mismatch"]);
    expect(codes({ effectiveOn: "2030-01-01", from: ["03"], into: ["02"] })).toEqual(["registry_already_ended", "registry_already_succeeded"]);
    expect(codes({ effectiveOn: "2030-01-01", from: ["00001"], into: [], create: [{ code: "00001", name: "Xã A1", level: "COMMUNE", parent: "01" }] })).toEqual(["registry_key_taken"]);
    // The new unit may reuse the code of a unit that ends, with a key of its own.
    expect(codes({ effectiveOn: "2030-01-01", from: ["00001"], into: [], create: [{ code: "00001", key: "00001-2030", name: "Xã A1", level: "COMMUNE", parent: "01" }] })).toEqual([]);
    expect(codes({ effectiveOn: "2030-01-01", from: ["00001"], into: [], create: [{ code: "00002", key: "x2", name: "Xã X", level: "COMMUNE", parent: "01" }] })).toEqual(["registry_code_in_use"]);
    expect(codes({ effectiveOn: "2030-01-01", from: ["00001"], into: [], create: [{ code: "00011", name: "Xã X", level: "COMMUNE", parent: "00002" }] })).toEqual(["registry_parent_level"]);
  });
});

describe("the official 2025 files", () => {
  it("loaded onto the registry built from them, change nothing (the seed and a later load agree)", async () => {
    const { readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { buildRegistry } = await import("../../prisma/registry");
    const built = buildRegistry();
    const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
    const r: TRegistry = {
      units: [
        unit({ key: "VN", id: "unit-vn", code: "VN", name: "Việt Nam", level: "NATION" }),
        ...built.units.map((u) => ({ ...u, validFrom: iso(u.validFrom), validTo: iso(u.validTo) })),
      ],
      links: built.successions.map((l) => ({ ...l, effectiveOn: iso(l.effectiveOn)! })),
    };
    const dir = join(import.meta.dirname, "../../prisma/data/admin-units");
    const units = readUnitsFile(readFileSync(join(dir, "units-from-2025-07-01.csv"), "utf8"));
    const links = readSuccessorsFile(readFileSync(join(dir, "successors-2025-07-01.csv"), "utf8"));
    expect([...units.problems, ...links.problems]).toEqual([]);
    const { changes, problems } = planImport(r, units.rows, links.rows, "2025-07-01");
    expect(problems.slice(0, 5)).toEqual([]);
    expect(countChanges(changes)).toEqual({ created: 0, renamed: 0, ended: 0, successions: 0 });
    expect(isEmptyChangeSet(changes)).toBe(true);
  });
});
