// The API's view of administrative units (docs/api.md, "Units"): levels and shares in lower
// case, dates as YYYY-MM-DD. Used by /api/v1/units and /api/v1/units/{key}.
import type { TSuccessionLink, TUnitDetail, TUnitHit, TUnitRef } from "@/lib/data/units-search";

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const lc = (s: string) => s.toLowerCase();

const apiRef = (u: TUnitRef | null) => (u ? { key: u.key, code: u.code, name: u.name, level: lc(u.level) } : null);

export function toApiUnit(u: TUnitHit) {
  return {
    key: u.key,
    code: u.code,
    name: u.name,
    nameEn: u.nameEn,
    level: lc(u.level),
    parent: apiRef(u.parent),
    province: apiRef(u.province),
    successor: apiRef(u.successor),
    validFrom: isoDate(u.validFrom),
    validTo: isoDate(u.validTo),
  };
}

const apiLink = (s: TSuccessionLink) => ({ key: s.key, code: s.code, name: s.name, level: lc(s.level), share: lc(s.share), effectiveOn: isoDate(s.effectiveOn) });

export function toApiUnitDetail(u: TUnitDetail) {
  return { ...toApiUnit(u), children: u.children, predecessors: u.predecessors.map(apiLink), successors: u.successors.map(apiLink) };
}

export const UNIT_CSV_COLUMNS = [
  "key", "code", "name", "nameEn", "level", "parentKey", "parentName", "provinceKey", "provinceName", "validFrom", "validTo", "successorKey", "successorName",
];

export function unitCsvRow(u: ReturnType<typeof toApiUnit>): Record<string, unknown> {
  return {
    ...u,
    parentKey: u.parent?.key,
    parentName: u.parent?.name,
    provinceKey: u.province?.key,
    provinceName: u.province?.name,
    successorKey: u.successor?.key,
    successorName: u.successor?.name,
  };
}
