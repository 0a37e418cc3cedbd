// The rules of keeping the unit registry current (docs/domain.md, "Managing units"): dates,
// keys, successions, and the shared CSV files (prisma/data/admin-units/) read and turned into a
// change set. Pure: the registry is handed in as data (TRegistry), the change set handed back;
// lib/data/units-admin-core.ts reads and writes the database. Refusals are problems (lib/errors.ts)
// with codes whose texts are in lib/i18n/problems/units.ts.
//
// One date convention everywhere: every operation takes the EFFECTIVE date, the first day of
// the new arrangement (2025-07-01 for the 2025 reform). A unit that ends is valid up to and
// including the day before (validTo = 2025-06-30, as the registry holds the units the reform
// ended); a unit that begins is valid from the effective date (validFrom = 2025-07-01).
import type { TProblem } from "../errors";
import { UNIT_KEY_PATTERN } from "./ids";
import { isIsoDate, parseVietnameseDate } from "./numbers";
import { hasControlCharacters, normalizeSearch } from "./text";

// ---------------------------------------------------------------------------
// Levels, dates, names
// ---------------------------------------------------------------------------

export const ADMIN_LEVELS = ["PROVINCE", "DISTRICT", "COMMUNE"] as const;
export type TAdminLevel = (typeof ADMIN_LEVELS)[number];
export type TLevel = "NATION" | TAdminLevel;
export type TShare = "FULL" | "PARTIAL";

/** Higher levels have lower ranks: a unit's parent has a lower rank than the unit. */
export const LEVEL_RANK: Record<TLevel, number> = { NATION: 0, PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };

/** A unit's official code: letters and digits ("94", "942", "00004"). */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9]{1,12}$/;

/** The record id of the unit with this key (prisma/registry.ts: `unit-<key>`). */
export const unitIdOf = (key: string) => `unit-${key}`;

/** Earliest and latest dates the registry accepts for a change. */
export const MIN_DATE = "1945-01-01";
export const MAX_DATE = "2100-12-31";

export function isRegistryDate(s: string): boolean {
  return isIsoDate(s) && s >= MIN_DATE && s <= MAX_DATE;
}

/** "2025-07-01" + n days, as "YYYY-MM-DD". */
export function addDays(iso: string, n: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The last day of a unit that ends when an arrangement takes effect on `effectiveOn`. */
export const lastDayBefore = (effectiveOn: string) => addDays(effectiveOn, -1);

/** A date as typed (day/month/year, or YYYY-MM-DD) as YYYY-MM-DD; what cannot be read is returned as it is, for isRegistryDate to refuse. */
export function isoDateOf(typed: string): string {
  const parsed = parseVietnameseDate(typed);
  return parsed.ok ? parsed.value : typed;
}

/** A DATE column's value as "YYYY-MM-DD" (UTC midnight, as the database hands it). */
export const isoOf = (d: Date | null | undefined): string | null => (d ? d.toISOString().slice(0, 10) : null);

/** True when the unit exists on the day (its validity bounds are inclusive; null is open). */
export function validOn(u: { validFrom: string | null; validTo: string | null }, day: string): boolean {
  return (u.validFrom === null || u.validFrom <= day) && (u.validTo === null || u.validTo >= day);
}

const LEVEL_WORDS = ["Thành phố", "Tỉnh", "Đặc khu", "Phường", "Thị trấn", "Thị xã", "Quận", "Huyện", "Xã"];
const EN_WORDS: Record<string, string> = {
  "Thành phố": "City",
  Tỉnh: "Province",
  "Đặc khu": "Special Zone",
  Phường: "Ward",
  "Thị trấn": "Township",
  "Thị xã": "Town",
  Quận: "District",
  Huyện: "District",
  Xã: "Commune",
};

/** "Sóc Trăng" → "Soc Trang". */
export function withoutDiacritics(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}

/**
 * The short and English names the registry derives from a unit's name (prisma/registry.ts):
 * "Tỉnh Sóc Trăng" → "Sóc Trăng", "Soc Trang Province"; a name without a level word is its own short name.
 */
export function unitNames(name: string): { shortName: string; nameEn: string } {
  const word = LEVEL_WORDS.find((w) => name.startsWith(`${w} `));
  const short = word ? name.slice(word.length + 1).trim() : name;
  return { shortName: short, nameEn: `${withoutDiacritics(short)}${word ? ` ${EN_WORDS[word]}` : ""}` };
}

/** A unit's short and English names: those given, else those derived from its name (unitNames). */
export function unitNamesOr(name: string, given: { shortName?: string | null; nameEn?: string | null }): { shortName: string; nameEn: string } {
  const derived = unitNames(name);
  return { shortName: given.shortName ?? derived.shortName, nameEn: given.nameEn ?? derived.nameEn };
}

/** The search name of a unit: its name normalised as every search is (lib/domain/text.ts), as prisma/registry.ts builds it. */
export const searchNameOf = (name: string) => normalizeSearch(name);

// ---------------------------------------------------------------------------
// The registry as data, and a change set
// ---------------------------------------------------------------------------

export type TRegUnit = {
  id: string;
  /** The unit's identity in URLs and the API ("92", "92-2025"). */
  key: string;
  code: string;
  name: string;
  shortName: string;
  nameEn: string | null;
  level: TLevel;
  parentId: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorId: string | null;
};

export type TRegLink = { predecessorId: string; successorId: string; share: TShare; effectiveOn: string };

export type TRegistry = { units: readonly TRegUnit[]; links: readonly TRegLink[] };

/** A unit to create: valid from `validFrom`, open-ended. */
export type TNewUnit = Omit<TRegUnit, "level" | "validFrom" | "validTo" | "successorId"> & { level: TAdminLevel; validFrom: string };

export type TChangeSet = {
  effectiveOn: string;
  /** New units, parents before children. */
  create: TNewUnit[];
  rename: { unit: TRegUnit; name: string; shortName: string; nameEn: string | null }[];
  /** Predecessors that end (validTo null before) or gain a successor link, with what they become. */
  end: { unit: TRegUnit; validTo: string; successorId: string | null; links: TRegLink[] }[];
  /** New succession rows. */
  links: TRegLink[];
};

export type TChangeCounts = { created: number; renamed: number; ended: number; successions: number };

export function countChanges(cs: TChangeSet): TChangeCounts {
  return { created: cs.create.length, renamed: cs.rename.length, ended: cs.end.filter((e) => e.unit.validTo === null).length, successions: cs.links.length };
}

export const isEmptyChangeSet = (cs: TChangeSet) => cs.create.length + cs.rename.length + cs.end.length + cs.links.length === 0;

/** Lookups over a registry snapshot. */
export class RegistryIndex {
  readonly byId = new Map<string, TRegUnit>();
  readonly byKey = new Map<string, TRegUnit>();
  private readonly byCode = new Map<string, TRegUnit[]>();
  private readonly children = new Map<string, TRegUnit[]>();
  private readonly linksFrom = new Map<string, TRegLink[]>();
  readonly nation: TRegUnit | undefined;

  constructor(registry: TRegistry) {
    for (const u of registry.units) {
      this.byId.set(u.id, u);
      this.byKey.set(u.key, u);
      push(this.byCode, u.code, u);
      if (u.parentId) push(this.children, u.parentId, u);
    }
    for (const l of registry.links) push(this.linksFrom, l.predecessorId, l);
    this.nation = registry.units.find((u) => u.level === "NATION");
  }

  withCode(code: string): TRegUnit[] {
    return this.byCode.get(code) ?? [];
  }

  childrenOf(id: string): TRegUnit[] {
    return this.children.get(id) ?? [];
  }

  successionsOf(id: string): TRegLink[] {
    return this.linksFrom.get(id) ?? [];
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

// ---------------------------------------------------------------------------
// Problems
// ---------------------------------------------------------------------------

/** Where a problem applies: a form field, or a file's row (0-based data row, 1-based line). */
export type TAt = { field?: string; row?: number; line?: number };

export function problem(code: string, params: Record<string, string | number | null> = {}, at?: TAt): TProblem {
  return {
    code,
    params: { ...params, ...(at?.line !== undefined ? { line: at.line } : {}) },
    ...(at?.field !== undefined ? { field: at.field } : {}),
    ...(at?.row !== undefined ? { row: at.row } : {}),
  };
}

const label = (u: { name: string; key: string }) => `${u.name} (${u.key})`;

// ---------------------------------------------------------------------------
// A new unit
// ---------------------------------------------------------------------------

export type TNewUnitFacts = {
  /** The unit that already has the key, if any. */
  keyHolder: { name: string; key: string } | null;
  /** Units with the same code that exist on or after the new unit's first day (units this change ends excluded). */
  codeHolders: readonly TRegUnit[];
  /** The parent named, or null when no unit has its key (code). */
  parent: TRegUnit | TNewUnit | null;
  parentRef: string;
};

/**
 * Why a new unit may not be created (empty when it may): its key must be free (keys are never
 * reused or changed: they are public URLs); its code may not be held by a unit still valid on its
 * first day; its parent must exist on that day and be of a higher level.
 */
export function newUnitProblems(u: { key: string; code: string; level: TAdminLevel; validFrom: string }, facts: TNewUnitFacts, at: { key?: TAt; code?: TAt; parent?: TAt } = {}): TProblem[] {
  const out: TProblem[] = [];
  if (facts.keyHolder) out.push(problem("registry_key_taken", { key: u.key, name: facts.keyHolder.name }, at.key));
  const holder = facts.codeHolders.find((h) => h.validTo === null || h.validTo >= u.validFrom);
  if (holder) out.push(problem("registry_code_in_use", { code: u.code, name: label(holder), date: u.validFrom, validTo: holder.validTo }, at.code));
  const p = facts.parent;
  if (!p) out.push(problem("registry_parent_unknown", { key: facts.parentRef, date: u.validFrom }, at.parent));
  else if (!validOn({ validFrom: p.validFrom, validTo: "validTo" in p ? p.validTo : null }, u.validFrom))
    out.push(problem("registry_parent_not_valid", { name: label(p), date: u.validFrom }, at.parent));
  else if (LEVEL_RANK[p.level] >= LEVEL_RANK[u.level]) out.push(problem("registry_parent_level", { name: label(p), parentLevel: p.level, level: u.level }, at.parent));
  return out;
}

// ---------------------------------------------------------------------------
// Successions: the part of a reorganisation common to the form and the files
// ---------------------------------------------------------------------------

export type TPlannedLink = { from: TRegUnit; to: TRegUnit | TNewUnit; share: TShare; at?: TAt };

const isNew = (u: TRegUnit | TNewUnit): u is TNewUnit => !("validTo" in u);

/**
 * The ends and succession rows of predecessors going into successors on `effectiveOn`, with the
 * problems that forbid it. Rules: a predecessor exists the day before and has not ended (or ended
 * exactly then, at this reorganisation); a successor exists on the day (or is created by it); a unit
 * that goes wholly (FULL) into one goes into no other, and one that goes in part (PARTIAL) goes into
 * at least two; levels match (a district may go into communes); every predecessor ends the day
 * before, its successorId set when it went wholly into one; no unit still valid is left under a
 * predecessor that ends.
 */
export function planSuccessions(
  idx: RegistryIndex,
  effectiveOn: string,
  planned: readonly TPlannedLink[],
  created: readonly TNewUnit[],
): { end: TChangeSet["end"]; links: TRegLink[]; problems: TProblem[] } {
  const problems: TProblem[] = [];
  const prev = lastDayBefore(effectiveOn);
  const byPred = new Map<string, TPlannedLink[]>();
  for (const l of planned) push(byPred, l.from.id, l);
  const ending = new Set(byPred.keys());
  const createdIds = new Set(created.map((c) => c.id));
  const end: TChangeSet["end"] = [];
  const links: TRegLink[] = [];

  for (const [predId, rows] of byPred) {
    const pred = rows[0]!.from;
    const at = rows[0]!.at;
    const before = problems.length;
    if (pred.level === "NATION") {
      problems.push(problem("registry_nation", {}, at));
      continue;
    }
    if (pred.validFrom !== null && pred.validFrom > prev) problems.push(problem("registry_not_yet_valid", { name: label(pred), validFrom: pred.validFrom, date: effectiveOn }, at));
    if (pred.validTo !== null && pred.validTo !== prev) problems.push(problem("registry_already_ended", { name: label(pred), validTo: pred.validTo }, at));
    const existing = idx.successionsOf(predId);
    const other = existing.find((l) => l.effectiveOn !== effectiveOn);
    if (other) problems.push(problem("registry_already_succeeded", { name: label(pred), date: other.effectiveOn }, at));

    const seen = new Set<string>();
    const fresh: TRegLink[] = [];
    for (const r of rows) {
      const to = r.to;
      if (to.id === predId) {
        problems.push(problem("registry_self_succession", { name: label(pred) }, r.at));
        continue;
      }
      if (seen.has(to.id)) {
        problems.push(problem("registry_duplicate_succession", { from: label(pred), to: label(to) }, r.at));
        continue;
      }
      seen.add(to.id);
      if (to.level === "NATION") {
        problems.push(problem("registry_nation", {}, r.at));
        continue;
      }
      if (!(to.level === pred.level || (pred.level === "DISTRICT" && to.level === "COMMUNE")))
        problems.push(problem("registry_level_mismatch", { from: label(pred), fromLevel: pred.level, to: label(to), toLevel: to.level }, r.at));
      const toValid = isNew(to) ? to.validFrom <= effectiveOn : validOn(to, effectiveOn) && !ending.has(to.id);
      if (!toValid && !createdIds.has(to.id)) problems.push(problem("registry_successor_not_valid", { name: label(to), date: effectiveOn }, r.at));
      const same = existing.find((l) => l.successorId === to.id);
      if (same) {
        if (same.share !== r.share) problems.push(problem("registry_share_differs", { from: label(pred), to: label(to), share: same.share }, r.at));
        continue;
      }
      fresh.push({ predecessorId: predId, successorId: to.id, share: r.share, effectiveOn });
    }

    const all = [...existing.filter((l) => l.effectiveOn === effectiveOn), ...fresh];
    if (all.some((l) => l.share === "FULL") && all.length > 1) problems.push(problem("registry_full_and_more", { name: label(pred), count: all.length }, at));
    if (all.length === 1 && all[0]!.share === "PARTIAL") problems.push(problem("registry_partial_single", { name: label(pred) }, at));

    // No unit may stay valid under a parent that ends (children end, or go elsewhere, with it).
    if (pred.validTo === null) {
      const staying = idx.childrenOf(predId).filter((c) => (c.validTo === null || c.validTo >= effectiveOn) && !ending.has(c.id));
      if (staying.length) problems.push(problem("registry_children_remain", { name: label(pred), count: staying.length, example: label(staying[0]!) }, at));
    }
    if (problems.length > before) continue;

    const successorId = all.length === 1 && all[0]!.share === "FULL" ? all[0]!.successorId : null;
    links.push(...fresh);
    if (pred.validTo === null || pred.successorId !== successorId || fresh.length) end.push({ unit: pred, validTo: prev, successorId, links: fresh });
  }
  return { end, links, problems };
}

// ---------------------------------------------------------------------------
// The shared CSV files
// ---------------------------------------------------------------------------

export const UNITS_FILE_COLUMNS = ["code", "name", "level", "parent_code"] as const;
export const UNITS_FILE_OPTIONAL = ["key", "short_name", "name_en"] as const;
export const SUCCESSORS_FILE_COLUMNS = ["level", "old_code", "old_name", "new_code", "new_name", "share"] as const;
/** Most data rows a file may hold (the official list of old communes has about 10.700). */
export const MAX_FILE_ROWS = 20_000;
/** Longest name the registry takes. */
export const MAX_NAME = 200;

export type TFileField = "unitsFile" | "successorsFile";

export type TCsvRow = { line: number; cells: Record<string, string> };

/**
 * A CSV text (RFC 4180: comma separated, fields may be quoted with "" for a quote; a BOM and CRLF
 * line ends accepted; blank lines skipped) → header and rows, each with its 1-based line number.
 */
export function parseCsv(text: string, field: TFileField): { header: string[]; rows: TCsvRow[] } | { problems: TProblem[] } {
  const src = text.replace(/^\uFEFF/, "");
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === "")) records.push({ line: startLine, cells });
    cells = [];
    cell = "";
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      if (c === "\n") line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
      i++;
      continue;
    }
    if (c === ",") {
      cells.push(cell);
      cell = "";
      i++;
      continue;
    }
    if (c === "\r" && src[i + 1] === "\n") i++;
    if (c === "\n" || c === "\r") {
      endRecord();
      line++;
      startLine = line;
      i++;
      continue;
    }
    cell += c;
    i++;
  }
  if (quoted) return { problems: [problem("registry_csv_quote", { line: startLine }, { field })] };
  if (cell !== "" || cells.length) endRecord();
  if (records.length === 0) return { problems: [problem("registry_csv_empty", {}, { field })] };
  const [head, ...rest] = records;
  const header = head!.cells.map((h) => h.trim().toLowerCase());
  if (header.length === 1 && header[0]!.includes(";")) return { problems: [problem("registry_csv_separator", {}, { field })] };
  if (rest.length > MAX_FILE_ROWS) return { problems: [problem("registry_csv_too_many_rows", { max: MAX_FILE_ROWS, count: rest.length }, { field })] };
  const rows = rest.map((r) => ({ line: r.line, cells: Object.fromEntries(header.map((h, j) => [h, (r.cells[j] ?? "").trim()])), extra: r.cells.length > header.length }));
  const problems: TProblem[] = [];
  rows.forEach((r, row) => {
    if (r.extra) problems.push(problem("registry_csv_extra_cells", { count: header.length }, { field, row, line: r.line }));
  });
  if (problems.length) return { problems };
  return { header, rows: rows.map(({ line, cells }) => ({ line, cells })) };
}

function checkHeader(header: string[], required: readonly string[], optional: readonly string[], field: TFileField): TProblem[] {
  const out: TProblem[] = [];
  const missing = required.filter((c) => !header.includes(c));
  if (missing.length) out.push(problem("registry_csv_missing_columns", { columns: missing.join(", "), expected: [...required, ...optional].join(",") }, { field }));
  const unknown = header.filter((h) => !required.includes(h) && !optional.includes(h));
  if (unknown.length) out.push(problem("registry_csv_unknown_columns", { columns: unknown.join(", "), expected: [...required, ...optional].join(",") }, { field }));
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) out.push(problem("registry_csv_duplicate_column", { column: dup }, { field }));
  return out;
}

export type TUnitFileRow = { row: number; line: number; code: string; name: string; level: TAdminLevel; parentCode: string; key: string | null; shortName: string | null; nameEn: string | null };
export type TLinkFileRow = { row: number; line: number; level: TAdminLevel; oldCode: string; oldName: string; newCode: string; newName: string; share: TShare };

function textProblem(v: string, column: string, at: TAt, required: boolean): TProblem | null {
  if (required && v === "") return problem("registry_csv_required", { column }, at);
  if (v.length > MAX_NAME) return problem("registry_csv_too_long", { column, max: MAX_NAME }, at);
  if (hasControlCharacters(v)) return problem("registry_csv_control", { column }, at);
  return null;
}

function levelOf(v: string): TAdminLevel | null {
  const u = v.trim().toUpperCase();
  return (ADMIN_LEVELS as readonly string[]).includes(u) ? (u as TAdminLevel) : null;
}

/**
 * A registry file read row by row: parsed, its header checked, then each row read by `readRow`
 * (which pushes the row's problems and returns the row with the identity no other row may repeat,
 * or null when the row cannot be identified); a row with problems is left out, a repeated one refused.
 */
function readRegistryFile<TRow>(
  text: string,
  field: TFileField,
  columns: readonly string[],
  optional: readonly string[],
  readRow: (c: Record<string, string>, row: number, line: number, problems: TProblem[]) => { id: string; row: TRow } | null,
): { rows: TRow[]; problems: TProblem[] } {
  const parsed = parseCsv(text, field);
  if ("problems" in parsed) return { rows: [], problems: parsed.problems };
  const headerProblems = checkHeader(parsed.header, columns, optional, field);
  if (headerProblems.length) return { rows: [], problems: headerProblems };
  const problems: TProblem[] = [];
  const rows: TRow[] = [];
  const seen = new Map<string, number>();
  parsed.rows.forEach((r, row) => {
    const at: TAt = { field, row, line: r.line };
    const before = problems.length;
    const read = readRow(r.cells, row, r.line, problems);
    if (problems.length > before || !read) return;
    const first = seen.get(read.id);
    if (first !== undefined) {
      problems.push(problem("registry_csv_duplicate_row", { first }, at));
      return;
    }
    seen.set(read.id, r.line);
    rows.push(read.row);
  });
  return { rows, problems };
}

/** The units file: `code,name,level,parent_code` (and optionally `key,short_name,name_en`), every row checked. */
export function readUnitsFile(text: string): { rows: TUnitFileRow[]; problems: TProblem[] } {
  const field: TFileField = "unitsFile";
  return readRegistryFile(text, field, UNITS_FILE_COLUMNS, UNITS_FILE_OPTIONAL, (c, row, line, problems) => {
    const at: TAt = { field, row, line };
    const level = levelOf(c.level ?? "");
    if (!UNIT_CODE_PATTERN.test(c.code ?? "")) problems.push(problem("registry_csv_bad_code", { column: "code", value: (c.code ?? "").slice(0, 40) }, at));
    const nameP = textProblem(c.name ?? "", "name", at, true);
    if (nameP) problems.push(nameP);
    if (!level) problems.push(problem("registry_csv_bad_level", { value: (c.level ?? "").slice(0, 40) }, at));
    const parentCode = c.parent_code ?? "";
    if (parentCode !== "" && !UNIT_CODE_PATTERN.test(parentCode)) problems.push(problem("registry_csv_bad_code", { column: "parent_code", value: parentCode.slice(0, 40) }, at));
    if (parentCode === "" && level && level !== "PROVINCE") problems.push(problem("registry_csv_required", { column: "parent_code" }, at));
    const key = c.key ?? "";
    if (key !== "" && !UNIT_KEY_PATTERN.test(key)) problems.push(problem("registry_csv_bad_key", { value: key.slice(0, 40) }, at));
    for (const col of ["short_name", "name_en"] as const) {
      const p = textProblem(c[col] ?? "", col, at, false);
      if (p) problems.push(p);
    }
    if (!level) return null;
    return {
      id: `${level}:${c.code}`,
      row: { row, line, code: c.code!, name: c.name!, level, parentCode, key: key || null, shortName: c.short_name || null, nameEn: c.name_en || null },
    };
  });
}

/** The successors file: `level,old_code,old_name,new_code,new_name,share`, every row checked. */
export function readSuccessorsFile(text: string): { rows: TLinkFileRow[]; problems: TProblem[] } {
  const field: TFileField = "successorsFile";
  return readRegistryFile(text, field, SUCCESSORS_FILE_COLUMNS, [], (c, row, line, problems) => {
    const at: TAt = { field, row, line };
    const level = levelOf(c.level ?? "");
    if (!level) problems.push(problem("registry_csv_bad_level", { value: (c.level ?? "").slice(0, 40) }, at));
    for (const col of ["old_code", "new_code"] as const) if (!UNIT_CODE_PATTERN.test(c[col] ?? "")) problems.push(problem("registry_csv_bad_code", { column: col, value: (c[col] ?? "").slice(0, 40) }, at));
    for (const col of ["old_name", "new_name"] as const) {
      const p = textProblem(c[col] ?? "", col, at, false);
      if (p) problems.push(p);
    }
    const share = (c.share ?? "").trim().toLowerCase();
    if (share !== "full" && share !== "partial") problems.push(problem("registry_csv_bad_share", { value: (c.share ?? "").slice(0, 40) }, at));
    if (!level) return null;
    return {
      id: `${level}:${c.old_code}>${c.new_code}`,
      row: { row, line, level, oldCode: c.old_code!, oldName: c.old_name ?? "", newCode: c.new_code!, newName: c.new_name ?? "", share: share === "full" ? "FULL" : "PARTIAL" },
    };
  });
}

// ---------------------------------------------------------------------------
// Loading the files: rows → a change set
// ---------------------------------------------------------------------------

const sameName = (a: string, b: string) => normalizeSearch(a) === normalizeSearch(b);

/**
 * The change set of loading a units file and a successors file that take effect on `effectiveOn`
 * (docs/domain.md, "Managing units"):
 * - a successors row names an old unit by the code it had the day before and a new one by the
 *   code it has on the day; every old unit it names ends the day before, but one whose only row
 *   goes wholly into its own code (it continues, as Sơn La did in 2025);
 * - a units row whose level and code a unit holds on the day, and that does not end, is that unit
 *   (renamed when the name differs; its parent may not change); any other row is a new unit from
 *   the day, keyed by its `key` column or else its code, which must both be free;
 * - loading the same files again finds everything in place and changes nothing.
 */
export function planImport(registry: TRegistry | RegistryIndex, unitRows: readonly TUnitFileRow[], linkRows: readonly TLinkFileRow[], effectiveOn: string): { changes: TChangeSet; problems: TProblem[] } {
  const idx = registry instanceof RegistryIndex ? registry : new RegistryIndex(registry);
  const prev = lastDayBefore(effectiveOn);
  const problems: TProblem[] = [];
  const empty: TChangeSet = { effectiveOn, create: [], rename: [], end: [], links: [] };

  /** The unit of this level (a COMMUNE row may name an old district) holding the code on the day. */
  const holder = (level: TAdminLevel, code: string, day: string, at: TAt, districtToo: boolean): TRegUnit | null | "ambiguous" => {
    const on = idx.withCode(code).filter((u) => validOn(u, day));
    let found = on.filter((u) => u.level === level);
    if (found.length === 0 && districtToo && level === "COMMUNE") found = on.filter((u) => u.level === "DISTRICT");
    if (found.length > 1) {
      problems.push(problem("registry_csv_ambiguous", { code, date: day }, at));
      return "ambiguous";
    }
    return found[0] ?? null;
  };

  // 1. The old units of the successors file, and which of them continue.
  const preds = new Map<TLinkFileRow, TRegUnit>();
  const outs = new Map<string, TLinkFileRow[]>();
  for (const l of linkRows) {
    const at: TAt = { field: "successorsFile", row: l.row, line: l.line };
    const u = holder(l.level, l.oldCode, prev, at, true);
    if (u === "ambiguous") continue;
    if (!u) {
      problems.push(problem("registry_csv_no_predecessor", { code: l.oldCode, level: l.level, date: prev }, at));
      continue;
    }
    if (l.oldName && !sameName(l.oldName, u.name)) problems.push(problem("registry_csv_name_differs", { code: l.oldCode, given: l.oldName, name: u.name }, at));
    preds.set(l, u);
    push(outs, u.id, l);
  }
  // An old unit continues when its only row goes wholly into its own code and, when the units
  // file lists it, under the same parent (decided a level at a time: a parent's fate first).
  const rowOf = new Map(unitRows.map((r) => [`${r.level}:${r.code}`, r]));
  const ending = new Set<string>();
  const continuing = new Set<string>();
  const existingParentId = (r: TUnitFileRow): string | null => {
    if (r.parentCode === "") return r.level === "PROVINCE" ? (idx.nation?.id ?? null) : null;
    const on = idx.withCode(r.parentCode).filter((u) => LEVEL_RANK[u.level] < LEVEL_RANK[r.level] && validOn(u, effectiveOn) && !ending.has(u.id));
    return on.length === 1 ? on[0]!.id : null;
  };
  for (const u of [...new Set(preds.values())].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level])) {
    const o = outs.get(u.id) ?? [];
    const own = o.length === 1 && o[0]!.newCode === u.code && o[0]!.share === "FULL";
    const row = rowOf.get(`${u.level}:${u.code}`);
    if (own && (!row || existingParentId(row) === u.parentId)) continuing.add(u.id);
    else ending.add(u.id);
  }
  const continues = (u: TRegUnit) => continuing.has(u.id);

  // 2. The units file, parents first.
  const created = new Map<string, TNewUnit>(); // level:code → new unit
  const createdByCode = new Map<string, TNewUnit[]>();
  const matched = new Map<string, TRegUnit>(); // level:code → existing unit
  const newKeys = new Map<string, TNewUnit>();
  const rename: TChangeSet["rename"] = [];
  const sorted = [...unitRows].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || a.row - b.row);

  const parentOf = (r: TUnitFileRow, at: TAt): TRegUnit | TNewUnit | null | undefined => {
    if (r.parentCode === "") return r.level === "PROVINCE" ? (idx.nation ?? null) : null;
    const fresh = (createdByCode.get(r.parentCode) ?? []).filter((c) => LEVEL_RANK[c.level] < LEVEL_RANK[r.level]);
    const old = idx.withCode(r.parentCode).filter((u) => LEVEL_RANK[u.level] < LEVEL_RANK[r.level] && validOn(u, effectiveOn) && !ending.has(u.id));
    const all = fresh.length ? fresh : old;
    if (all.length > 1) {
      problems.push(problem("registry_csv_ambiguous", { code: r.parentCode, date: effectiveOn }, at));
      return undefined;
    }
    if (all.length === 0) {
      // Say why when a unit has the code but does not fit.
      const any = idx.withCode(r.parentCode).filter((u) => LEVEL_RANK[u.level] < LEVEL_RANK[r.level]);
      if (any.length === 0) problems.push(problem("registry_parent_unknown", { key: r.parentCode, date: effectiveOn }, at));
      else problems.push(problem("registry_parent_not_valid", { name: label(any[any.length - 1]!), date: effectiveOn }, at));
      return undefined;
    }
    return all[0]!;
  };

  /** Rows refused: the successors rows into them say nothing more. */
  const refused = new Set<string>();
  for (const r of sorted) {
    const at: TAt = { field: "unitsFile", row: r.row, line: r.line };
    const before = problems.length;
    refused.add(`${r.level}:${r.code}`);
    const cur = holder(r.level, r.code, effectiveOn, at, false);
    if (cur === "ambiguous") continue;
    const parent = parentOf(r, at);
    if (parent === undefined) continue;
    if (cur && !ending.has(cur.id)) {
      // The unit of this code on the day: it stays (renamed if the name changed).
      if (r.key && r.key !== cur.key) problems.push(problem("registry_csv_key_differs", { key: r.key, name: label(cur) }, at));
      if (parent && parent.id !== cur.parentId) {
        const was = cur.parentId ? idx.byId.get(cur.parentId) : undefined;
        problems.push(problem("registry_csv_parent_differs", { name: label(cur), parent: was ? label(was) : "—", given: label(parent) }, at));
      }
      matched.set(`${r.level}:${r.code}`, cur);
      if (problems.length === before) refused.delete(`${r.level}:${r.code}`);
      const renamed = !sameExact(r.name, cur.name);
      const derived = unitNames(r.name);
      const shortName = r.shortName ?? (renamed ? derived.shortName : cur.shortName);
      const nameEn = r.nameEn ?? (renamed ? derived.nameEn : cur.nameEn);
      if (renamed || shortName !== cur.shortName || nameEn !== cur.nameEn) rename.push({ unit: cur, name: r.name, shortName, nameEn });
      continue;
    }
    const key = r.key ?? r.code;
    const keyHolder = idx.byKey.get(key) ?? newKeys.get(key) ?? null;
    const codeHolders = idx.withCode(r.code).filter((u) => !ending.has(u.id));
    const unit: TNewUnit = {
      id: unitIdOf(key),
      key,
      code: r.code,
      name: r.name,
      ...unitNamesOr(r.name, r),
      level: r.level,
      parentId: parent?.id ?? null,
      validFrom: effectiveOn,
    };
    const ps = newUnitProblems(unit, { keyHolder: keyHolder ?? (idx.byId.has(unit.id) ? idx.byId.get(unit.id)! : null), codeHolders, parent, parentRef: r.parentCode }, { key: at, code: at, parent: at });
    const newInFileWithCode = createdByCode.get(r.code)?.[0];
    if (newInFileWithCode) ps.push(problem("registry_code_in_use", { code: r.code, name: label(newInFileWithCode), date: effectiveOn, validTo: null }, at));
    if (ps.length) {
      problems.push(...ps);
      continue;
    }
    created.set(`${r.level}:${r.code}`, unit);
    push(createdByCode, r.code, unit);
    newKeys.set(key, unit);
    refused.delete(`${r.level}:${r.code}`);
  }

  // 3. The new units of the successors file.
  const planned: TPlannedLink[] = [];
  for (const l of linkRows) {
    const pred = preds.get(l);
    if (!pred) continue;
    const at: TAt = { field: "successorsFile", row: l.row, line: l.line };
    if (continues(pred)) continue; // its own row: it stays the same unit
    let succ: TRegUnit | TNewUnit | null | "ambiguous" = created.get(`${l.level}:${l.newCode}`) ?? matched.get(`${l.level}:${l.newCode}`) ?? null;
    if (!succ) {
      succ = holder(l.level, l.newCode, effectiveOn, at, false);
      if (succ === "ambiguous") continue;
      if (succ && ending.has(succ.id)) succ = null;
    }
    if (!succ) {
      if (refused.has(`${l.level}:${l.newCode}`)) continue;
      problems.push(problem("registry_csv_no_successor", { code: l.newCode, level: l.level, date: effectiveOn }, at));
      continue;
    }
    if (l.newName && !sameName(l.newName, succ.name) && !rename.some((x) => x.unit.id === succ.id && sameName(x.name, l.newName)))
      problems.push(problem("registry_csv_name_differs", { code: l.newCode, given: l.newName, name: succ.name }, at));
    planned.push({ from: pred, to: succ, share: l.share, at });
  }
  if (problems.length) return { changes: empty, problems };

  const create = [...created.values()].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const s = planSuccessions(idx, effectiveOn, planned, create);
  if (s.problems.length) return { changes: empty, problems: s.problems };
  return { changes: { effectiveOn, create, rename, end: s.end, links: s.links }, problems: [] };
}

const sameExact = (a: string, b: string) => a.normalize("NFC") === b.normalize("NFC");

// ---------------------------------------------------------------------------
// A reorganisation named by keys (the form and the command line)
// ---------------------------------------------------------------------------

export type TNewUnitSpec = { key?: string | null; code: string; name: string; shortName?: string | null; nameEn?: string | null; level: TAdminLevel; parent?: string | null };

export type TReorganiseSpec = { effectiveOn: string; from: readonly string[]; into: readonly string[]; share?: TShare | null; create?: readonly TNewUnitSpec[] };

/**
 * The change set of predecessors (keys) going into successors (keys of existing units, and new
 * units created on the day) on `effectiveOn`: each predecessor into each successor, wholly when
 * there is one successor and partly when there are several unless the share is given.
 * Problems name the form's fields: from, into, share, and new* for the new unit.
 */
export function planReorganise(registry: TRegistry | RegistryIndex, spec: TReorganiseSpec): { changes: TChangeSet; problems: TProblem[] } {
  const idx = registry instanceof RegistryIndex ? registry : new RegistryIndex(registry);
  const eff = spec.effectiveOn;
  const problems: TProblem[] = [];
  const empty: TChangeSet = { effectiveOn: eff, create: [], rename: [], end: [], links: [] };
  const find = (key: string, field: string) => {
    const u = idx.byKey.get(key);
    if (!u) problems.push(problem("registry_unit_unknown", { key }, { field }));
    return u;
  };
  const from = spec.from.map((k) => find(k, "from")).filter((u): u is TRegUnit => !!u);
  const into: (TRegUnit | TNewUnit)[] = spec.into.map((k) => find(k, "into")).filter((u): u is TRegUnit => !!u);
  if (spec.from.length === 0) problems.push(problem("registry_no_predecessor", {}, { field: "from" }));
  if (spec.into.length + (spec.create?.length ?? 0) === 0) problems.push(problem("registry_no_successor", {}, { field: "into" }));
  const ending = new Set(from.map((u) => u.id));
  const created: TNewUnit[] = [];
  for (const c of spec.create ?? []) {
    const key = c.key || c.code;
    const derived = unitNames(c.name);
    const parentRef = c.parent || (c.level === "PROVINCE" ? (idx.nation?.key ?? "VN") : "");
    const parent = created.find((x) => x.key === parentRef) ?? idx.byKey.get(parentRef) ?? null;
    const unit: TNewUnit = {
      id: unitIdOf(key),
      key,
      code: c.code,
      name: c.name,
      shortName: c.shortName || derived.shortName,
      nameEn: c.nameEn || derived.nameEn,
      level: c.level,
      parentId: parent?.id ?? null,
      validFrom: eff,
    };
    const keyHolder = idx.byKey.get(key) ?? idx.byId.get(unit.id) ?? created.find((x) => x.key === key) ?? null;
    const parentEnding = parent && "validTo" in parent && ending.has(parent.id);
    const ps = newUnitProblems(
      unit,
      { keyHolder, codeHolders: [...idx.withCode(c.code).filter((u) => !ending.has(u.id))], parent: parentEnding ? null : parent, parentRef: parentRef || "—" },
      { key: { field: "newKey" }, code: { field: "newCode" }, parent: { field: "newParent" } },
    );
    if (parentEnding) ps.push(problem("registry_parent_not_valid", { name: label(parent), date: eff }, { field: "newParent" }));
    problems.push(...ps.filter((p) => !(parentEnding && p.code === "registry_parent_unknown")));
    created.push(unit);
    into.push(unit);
  }
  if (problems.length) return { changes: empty, problems };
  const share: TShare = spec.share ?? (into.length === 1 ? "FULL" : "PARTIAL");
  const planned: TPlannedLink[] = from.flatMap((f) => into.map((t) => ({ from: f, to: t, share, at: { field: "from" } })));
  const s = planSuccessions(idx, eff, planned, created);
  if (s.problems.length) return { changes: empty, problems: s.problems };
  return { changes: { effectiveOn: eff, create: created, rename: [], end: s.end, links: s.links }, problems: [] };
}
