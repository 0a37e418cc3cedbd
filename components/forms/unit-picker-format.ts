// The pure parts of the unit picker (components/forms/unit-picker.tsx): the search URL it asks,
// reading the API's answer, and how an option is labelled. No React, no DOM: tested on their own
// (unit-picker-format.test.ts).
import { UNIT_KEY_PATTERN } from "@/lib/domain/ids";
import { formatDate } from "@/lib/domain/numbers";
import { matchesSearch } from "@/lib/domain/text";
import { validThroughout } from "@/lib/domain/unit-tree";
import type { TUnitLevel } from "@/lib/validation/units";

/** A unit as the picker lists it (the API's unit, GET /api/v1/units, reduced to what it shows). */
export type TPickerUnit = {
  key: string;
  code: string;
  name: string;
  /** The unit directly above it and the province it lies in (names only; null when none). */
  parent: { key: string; name: string; level: string } | null;
  province: { key: string; name: string } | null;
  /** YYYY-MM-DD: the first day of a unit that began at a reform; null when it always existed. */
  validFrom?: string | null;
  /** YYYY-MM-DD: the last day of a unit that has ended; null while it exists. */
  validTo: string | null;
  /** The unit it went into wholly at a reform (null when none, or into several). */
  successor?: { key: string; name: string } | null;
};

/** What the picker asks besides the typed text: fixed by the form. */
export type TPickerFilters = {
  /** Only units of these levels (all when absent or empty). */
  levels?: readonly TUnitLevel[];
  /** Only units strictly below these (unit keys): the actor's jurisdiction. */
  within?: readonly string[];
  /** Only units in existence that day (YYYY-MM-DD). */
  validOn?: string;
};

/** How many units one search shows. */
export const PICKER_PAGE_SIZE = 10;

/** The API request of one search: `/api/v1/units?q=…&pageSize=10` and the form's fixed filters. */
export function pickerSearchUrl(q: string, filters: TPickerFilters, pageSize = PICKER_PAGE_SIZE): string {
  const sp = new URLSearchParams();
  const text = q.trim().slice(0, 200);
  if (text) sp.set("q", text);
  if (filters.levels?.length) sp.set("level", filters.levels.map((l) => l.toLowerCase()).join(","));
  if (filters.within?.length) sp.set("within", filters.within.join(","));
  if (filters.validOn) sp.set("validOn", filters.validOn);
  sp.set("pageSize", String(pageSize));
  return `/api/v1/units?${sp.toString()}`;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function refOf(v: unknown): { key: string; name: string; level: string } | null {
  if (!v || typeof v !== "object") return null;
  const r = v as Record<string, unknown>;
  const key = str(r.key);
  const name = str(r.name);
  return key && name ? { key, name, level: str(r.level) ?? "" } : null;
}

/** One unit of the API's answer, or null when it is not one (the picker shows what it can read). */
export function pickerUnitOf(v: unknown): TPickerUnit | null {
  if (!v || typeof v !== "object") return null;
  const r = v as Record<string, unknown>;
  const key = str(r.key);
  const name = str(r.name);
  if (!key || !name) return null;
  const province = refOf(r.province);
  const successor = refOf(r.successor);
  return {
    key,
    code: str(r.code) ?? key,
    name,
    parent: refOf(r.parent),
    province: province ? { key: province.key, name: province.name } : null,
    validFrom: str(r.validFrom),
    validTo: str(r.validTo),
    successor: successor ? { key: successor.key, name: successor.name } : null,
  };
}

type THitLike = {
  key: string;
  code: string;
  name: string;
  parent: { key: string; name: string; level: string } | null;
  province: { key: string; name: string } | null;
  validFrom?: Date | null;
  validTo: Date | null;
  successor?: { key: string; name: string } | null;
};

/** A unit as the server reads it (lib/data/units-search.ts `TUnitHit`), for the units a page hands to the picker. */
export function pickerUnitOfHit(u: THitLike): TPickerUnit {
  return {
    key: u.key,
    code: u.code,
    name: u.name,
    parent: u.parent ? { key: u.parent.key, name: u.parent.name, level: u.parent.level.toLowerCase() } : null,
    province: u.province ? { key: u.province.key, name: u.province.name } : null,
    validFrom: u.validFrom ? u.validFrom.toISOString().slice(0, 10) : null,
    validTo: u.validTo ? u.validTo.toISOString().slice(0, 10) : null,
    successor: u.successor ? { key: u.successor.key, name: u.successor.name } : null,
  };
}

/**
 * Why a unit cannot be a plan's or target's for a period (it did not exist in every year of it),
 * as the parameters of the problem `unit_not_in_period` that the server answers; null when it
 * can, or when the period is not two years yet. The form says it at once; the server decides.
 */
export function periodProblem(u: TPickerUnit, start: number, end: number): Record<string, string | number | null> | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start > end || start < 1900 || end > 2200) return null;
  const day = (iso: string | null | undefined) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
  const validFrom = day(u.validFrom);
  const validTo = day(u.validTo);
  if (validThroughout({ validFrom, validTo }, start, end)) return null;
  return {
    unit: u.name,
    from: validFrom ? validFrom.getUTCFullYear() : null,
    to: validTo ? validTo.getUTCFullYear() : null,
    start,
    end,
    successor: u.successor?.name ?? null,
  };
}

/** The units of a search's answer (`{ data: [...], total }`), and how many match in all. */
export function readSearchAnswer(body: unknown): { units: TPickerUnit[]; total: number } {
  const b = (body && typeof body === "object" ? body : {}) as { data?: unknown; total?: unknown };
  const units = Array.isArray(b.data) ? b.data.map(pickerUnitOf).filter((u): u is TPickerUnit => u !== null) : [];
  return { units, total: typeof b.total === "number" ? b.total : units.length };
}

/** Where a unit lies: its parent, and its province when that is another unit ("Huyện Châu Thành, Tỉnh Sóc Trăng"); "" for a province. */
export function unitContext(u: Pick<TPickerUnit, "parent" | "province">): string {
  const parts: string[] = [];
  if (u.parent && u.parent.level !== "nation") parts.push(u.parent.name);
  if (u.province && u.province.key !== u.parent?.key) parts.push(u.province.name);
  return parts.join(", ");
}

/** "(đến 30/06/2025)" for a unit that has ended; "" while it exists. */
export function endedNote(u: Pick<TPickerUnit, "validTo">, until: string): string {
  return u.validTo ? `(${until} ${formatDate(u.validTo)})` : "";
}

/** The line under an option's name: where it lies, its key, and when it ended ("Tỉnh Tuyên Quang · mã 00706"). */
export function unitDetail(u: TPickerUnit, m: { until: string; code: string }): string {
  const where = unitContext(u);
  const ended = endedNote(u, m.until);
  return [where, `${m.code} ${u.key}`, ended].filter(Boolean).join(" · ");
}

/** A unit as the field shows it once chosen: its key (posted), its name (in the text box), the line under it, and the unit. */
export function chosenUnit(u: TPickerUnit, m: { until: string; code: string }): { key: string; label: string; detail: string; unit: TPickerUnit } {
  return { key: u.key, label: u.name, detail: unitDetail(u, m), unit: u };
}

/** The pinned units (the actor's own) that the typed text matches, ignoring case and diacritics, or whose key it is. */
export function pinnedMatching(pinned: readonly TPickerUnit[], q: string): TPickerUnit[] {
  const text = q.trim();
  return pinned.filter((u) => !text || matchesSearch(u.name, text) || u.key === text || u.code === text);
}

/** The options shown: the pinned ones first, then the search's units not already pinned. */
export function mergeOptions(pinned: readonly TPickerUnit[], found: readonly TPickerUnit[]): TPickerUnit[] {
  const keys = new Set(pinned.map((u) => u.key));
  return [...pinned, ...found.filter((u) => !keys.has(u.key))];
}

/** The active option after an arrow key: down from none is the first, up from none the last; both wrap. */
export function moveActive(active: number, count: number, delta: 1 | -1): number {
  if (count <= 0) return -1;
  if (active < 0) return delta === 1 ? 0 : count - 1;
  return (active + delta + count) % count;
}

/**
 * What the picker posts when nothing was chosen from the list: the typed text when it reads as a
 * unit key ("08", "92-2025"), as the field without JavaScript would; the server checks it.
 */
export function typedKey(text: string): string {
  const t = text.trim();
  return /\d/.test(t) && UNIT_KEY_PATTERN.test(t) ? t : "";
}
