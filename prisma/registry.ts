// The registry of administrative units from the official lists shipped in
// prisma/data/admin-units/ (their README says where they come from): 63 provinces and 10.047
// communes before 1 July 2025, 34 provinces and 3.321 communes from then on, and which new unit
// each old one went into, wholly or in part. docs/domain.md "Administrative units" states the rules.
//
// Identity: a unit is a code within a validity period.
// - A unit the reform left as it was (same code, same name, wholly into one new unit that has no
//   other predecessor, and for a commune the same continuing province) is one unit, valid
//   across the reform (Sơn La).
// - Any other old unit ended on 30 June 2025, and any other new unit began on 1 July 2025.
// - Ids and keys: `unit-<code>` and `<code>`; an ended unit whose code a new unit reuses gets
//   `unit-<code>-2025` and `<code>-2025` (old Cần Thơ is "92-2025", today's is "92").
// Pure apart from reading the files: no database.
import { unitNames } from "../lib/domain/units-admin";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { normalizeSearch } from "../lib/domain/text";

export const REFORM_DAY = new Date("2025-07-01T00:00:00.000Z");
export const LAST_DAY_BEFORE_REFORM = new Date("2025-06-30T00:00:00.000Z");
export const NATION_ID = "unit-vn";

const DIR = join(import.meta.dirname, "data", "admin-units");

type Level = "PROVINCE" | "COMMUNE";
type Row = { code: string; name: string; level: Level; parent_code: string };
type Link = { level: Level; old_code: string; old_name: string; new_code: string; share: "full" | "partial" };

export type RegistryUnit = {
  id: string;
  key: string;
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  level: Level | "DISTRICT";
  parentId: string;
  validFrom: Date | null;
  validTo: Date | null;
  successorId: string | null;
  searchName: string;
};

export type RegistrySuccession = { predecessorId: string; successorId: string; share: "FULL" | "PARTIAL"; effectiveOn: Date };

function readCsv<T>(file: string): T[] {
  const [header, ...lines] = readFileSync(join(DIR, file), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
  const cols = header!.split(",");
  // The official files hold no quoted fields (names contain no commas); a quote would be a new format.
  if (lines.some((l) => l.includes('"'))) throw new Error(`${file}: quoted CSV fields are not expected`);
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [cols[i]!, v.trim()])) as T);
}

/** Short and English names: the one rule, shared with unit management (lib/domain/units-admin.ts). */
const names = unitNames;

export function buildRegistry(): { units: RegistryUnit[]; successions: RegistrySuccession[] } {
  const before = readCsv<Row>("units-before-2025-07-01.csv");
  const after = readCsv<Row>("units-from-2025-07-01.csv");
  const links = readCsv<Link>("successors-2025-07-01.csv");
  const k = (level: string, code: string) => `${level}:${code}`;
  const oldByKey = new Map(before.map((r) => [k(r.level, r.code), r]));
  const newByKey = new Map(after.map((r) => [k(r.level, r.code), r]));
  const outOf = new Map<string, Link[]>();
  const into = new Map<string, Link[]>();
  for (const l of links) {
    outOf.set(k(l.level, l.old_code), [...(outOf.get(k(l.level, l.old_code)) ?? []), l]);
    into.set(k(l.level, l.new_code), [...(into.get(k(l.level, l.new_code)) ?? []), l]);
  }

  // Units the reform left as they were: provinces first (a commune continues only in a continuing province).
  const continuing = new Set<string>();
  for (const level of ["PROVINCE", "COMMUNE"] as const) {
    for (const n of after.filter((r) => r.level === level)) {
      const key = k(level, n.code);
      const o = oldByKey.get(key);
      const ins = into.get(key) ?? [];
      const outs = outOf.get(key) ?? [];
      const same =
        o !== undefined &&
        o.name === n.name &&
        ins.length === 1 &&
        ins[0]!.old_code === n.code &&
        ins[0]!.share === "full" &&
        outs.length === 1 &&
        (level === "PROVINCE" || (o.parent_code === n.parent_code && continuing.has(k("PROVINCE", n.parent_code))));
      if (same) continuing.add(key);
    }
  }

  const newCodes = new Set(after.map((r) => k(r.level, r.code)));
  const idOfOld = (level: string, code: string) =>
    continuing.has(k(level, code)) || !newCodes.has(k(level, code)) ? `unit-${code}` : `unit-${code}-2025`;
  const idOfNew = (_level: string, code: string) => `unit-${code}`;

  const unit = (r: Row, id: string, parentId: string, validFrom: Date | null, validTo: Date | null, successorId: string | null): RegistryUnit => ({
    id,
    key: id.slice("unit-".length),
    code: r.code,
    name: r.name,
    ...names(r.name),
    level: r.level,
    parentId,
    validFrom,
    validTo,
    successorId,
    searchName: normalizeSearch(r.name),
  });

  const units: RegistryUnit[] = [];
  // Order: parents before children, successors before their predecessors (inserts satisfy the foreign keys).
  for (const level of ["PROVINCE", "COMMUNE"] as const) {
    for (const r of after.filter((x) => x.level === level)) {
      const c = continuing.has(k(level, r.code));
      const parentId = level === "PROVINCE" ? NATION_ID : idOfNew("PROVINCE", r.parent_code);
      units.push(unit(r, idOfNew(level, r.code), parentId, c ? null : REFORM_DAY, null, null));
    }
    for (const r of before.filter((x) => x.level === level)) {
      if (continuing.has(k(level, r.code))) continue;
      const outs = outOf.get(k(level, r.code)) ?? [];
      const whole = outs.length === 1 && outs[0]!.share === "full" ? idOfNew(level, outs[0]!.new_code) : null;
      const parentId = level === "PROVINCE" ? NATION_ID : idOfOld("PROVINCE", r.parent_code);
      units.push(unit(r, idOfOld(level, r.code), parentId, null, LAST_DAY_BEFORE_REFORM, whole));
    }
  }

  // A few island districts (huyện Bạch Long Vĩ, Côn Đảo…) had no communes: the successor list
  // names them as old commune-level units, but the list of old units does not hold them (it has no
  // district level). They become ended district rows, directly under the nation: the lists do not
  // say which old province each belonged to, and the registry does not guess it.
  const known = new Set(units.map((u) => u.id));
  for (const l of links) {
    const id = idOfOld(l.level, l.old_code);
    if (known.has(id)) continue;
    known.add(id);
    const whole = (outOf.get(k(l.level, l.old_code)) ?? []).length === 1 && l.share === "full" ? idOfNew(l.level, l.new_code) : null;
    units.push({ ...unit({ code: l.old_code, name: l.old_name, level: l.level, parent_code: "" }, id, NATION_ID, null, LAST_DAY_BEFORE_REFORM, whole), level: "DISTRICT" });
  }

  const successions: RegistrySuccession[] = links
    .filter((l) => !continuing.has(k(l.level, l.old_code)) || l.old_code !== l.new_code)
    .map((l) => ({
      predecessorId: idOfOld(l.level, l.old_code),
      successorId: idOfNew(l.level, l.new_code),
      share: l.share === "full" ? "FULL" : "PARTIAL",
      effectiveOn: REFORM_DAY,
    }));

  return { units, successions };
}
