// What the unit management page and the operators' command line accept (docs/domain.md,
// "Managing units"). No database here: whether a key is free, a code in use or a parent valid is
// decided by lib/data/units-admin-core.ts with the rules of lib/domain/units-admin.ts.
// Messages are "tiếng Việt / English".
import { z } from "zod";
import { hasControlCharacters } from "../domain/text";
import { ADMIN_LEVELS, isoDateOf, isRegistryDate, MAX_DATE, MAX_NAME, MIN_DATE, UNIT_CODE_PATTERN } from "../domain/units-admin";
import type { TActionState } from "./action-state";
import { ZUnitKey } from "./units";

const noControl = (s: string) => !hasControlCharacters(s);

/** "" and null mean "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const ZUnitCodeInput = z
  .string({ error: "Thiếu mã đơn vị / a unit code is required" })
  .trim()
  .min(1, { error: "Thiếu mã đơn vị / a unit code is required" })
  .regex(UNIT_CODE_PATTERN, { error: "Mã đơn vị gồm 1–12 chữ cái hoặc chữ số, ví dụ 08 hoặc 02264 / the unit code has 1–12 letters or digits, e.g. 08 or 02264" });

const name = (vi: string, en: string) =>
  z
    .string({ error: `Thiếu ${vi} / ${en} is required` })
    .trim()
    .min(1, { error: `Thiếu ${vi} / ${en} is required` })
    .max(MAX_NAME, { error: `${vi[0]!.toUpperCase()}${vi.slice(1)} tối đa ${MAX_NAME} ký tự / the ${en} has at most ${MAX_NAME} characters` })
    .refine(noControl, { error: `${vi[0]!.toUpperCase()}${vi.slice(1)} chứa ký tự điều khiển / the ${en} contains control characters` });

export const ZUnitName = name("tên đơn vị", "unit name");
export const ZUnitShortName = name("tên ngắn", "short name");
export const ZUnitNameEn = name("tên tiếng Anh", "English name");

export const ZAdminLevel = z
  .string({ error: "Chọn cấp đơn vị / choose a level" })
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(ADMIN_LEVELS, { error: "Cấp phải là PROVINCE (tỉnh), DISTRICT (huyện) hoặc COMMUNE (xã) / the level must be PROVINCE, DISTRICT or COMMUNE" }));

export const ZRegistryDate = z
  .string({ error: "Thiếu ngày / a date is required" })
  .trim()
  .min(1, { error: "Thiếu ngày / a date is required" })
  // Typed as day/month/year (01/07/2025), or YYYY-MM-DD as the command line and files give it.
  .transform((v) => isoDateOf(v))
  .refine(isRegistryDate, {
    error: `Ngày phải là ngày có thật, viết ngày/tháng/năm (ví dụ 01/07/2025) hoặc YYYY-MM-DD, từ ${MIN_DATE} đến ${MAX_DATE} / the date must be a real date written day/month/year (e.g. 01/07/2025) or YYYY-MM-DD, from ${MIN_DATE} to ${MAX_DATE}`,
  });

export const ZShare = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(["FULL", "PARTIAL"], { error: "Phần chuyển phải là FULL (toàn bộ) hoặc PARTIAL (một phần) / the share must be FULL or PARTIAL" }));

/** Keys typed as a list: separated by commas, semicolons, spaces or new lines. At most 50. */
export const ZUnitKeyList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v.join(",") : (v ?? "")).split(/[\s,;]+/).filter(Boolean))
  .pipe(z.array(ZUnitKey).max(50, { error: "Tối đa 50 đơn vị / at most 50 units" }))
  .transform((keys) => [...new Set(keys)]);

export const ZUnitCreate = z.object({
  code: ZUnitCodeInput,
  name: ZUnitName,
  shortName: optional(ZUnitShortName),
  nameEn: optional(ZUnitNameEn),
  level: ZAdminLevel,
  /** The parent's key; a province's parent is the nation when none is given. */
  parent: optional(ZUnitKey),
  validFrom: ZRegistryDate,
  /** The new unit's key; its code when not given. */
  key: optional(ZUnitKey),
});
export type TUnitCreateInput = z.input<typeof ZUnitCreate>;

export const ZUnitRename = z.object({
  key: ZUnitKey,
  name: ZUnitName,
  /** Derived from the name ("Xã A" → "A") when not given. */
  shortName: optional(ZUnitShortName),
  /** Derived from the name ("A Commune") when not given. */
  nameEn: optional(ZUnitNameEn),
});
export type TUnitRenameInput = z.input<typeof ZUnitRename>;

export const ZUnitEnd = z.object({ key: ZUnitKey, effectiveOn: ZRegistryDate });
export type TUnitEndInput = z.input<typeof ZUnitEnd>;

export const ZUnitDelete = z.object({ key: ZUnitKey });

/** A reorganisation: predecessors (keys) into successors (keys, and at most one new unit), on a date. */
export const ZUnitReorganise = z
  .object({
    effectiveOn: ZRegistryDate,
    from: ZUnitKeyList,
    into: ZUnitKeyList,
    share: optional(ZShare),
    newCode: optional(ZUnitCodeInput),
    newName: optional(ZUnitName),
    newShortName: optional(ZUnitShortName),
    newNameEn: optional(ZUnitNameEn),
    newLevel: optional(ZAdminLevel),
    newParent: optional(ZUnitKey),
    newKey: optional(ZUnitKey),
  })
  .superRefine((v, ctx) => {
    if (v.from.length === 0) ctx.addIssue({ code: "custom", path: ["from"], message: "Nhập ít nhất một đơn vị trước / give at least one predecessor" });
    const newGiven = v.newCode !== undefined || v.newName !== undefined;
    if (newGiven) {
      if (v.newCode === undefined) ctx.addIssue({ code: "custom", path: ["newCode"], message: "Thiếu mã đơn vị mới / the new unit's code is required" });
      if (v.newName === undefined) ctx.addIssue({ code: "custom", path: ["newName"], message: "Thiếu tên đơn vị mới / the new unit's name is required" });
      if (v.newLevel === undefined) ctx.addIssue({ code: "custom", path: ["newLevel"], message: "Chọn cấp của đơn vị mới / choose the new unit's level" });
    }
    if (v.into.length === 0 && !newGiven) ctx.addIssue({ code: "custom", path: ["into"], message: "Nhập ít nhất một đơn vị sau, hoặc tạo đơn vị mới / give at least one successor, or a new unit" });
  })
  .transform((v) => ({
    effectiveOn: v.effectiveOn,
    from: v.from,
    into: v.into,
    share: v.share ?? null,
    create:
      v.newCode !== undefined && v.newName !== undefined && v.newLevel !== undefined
        ? [{ code: v.newCode, name: v.newName, shortName: v.newShortName ?? null, nameEn: v.newNameEn ?? null, level: v.newLevel, parent: v.newParent ?? null, key: v.newKey ?? null }]
        : [],
  }));
export type TUnitReorganiseInput = z.input<typeof ZUnitReorganise>;
export type TUnitReorganise = z.output<typeof ZUnitReorganise>;

/** A loading of the shared files: the effective date (the texts are read by the domain rules). */
export const ZUnitImportDate = ZRegistryDate;

// ---------------------------------------------------------------------------
// What the page's actions answer (lib/validation/action-state.ts, with fields of their own)
// ---------------------------------------------------------------------------


/** A change set as the page shows it before it is confirmed: counts and lines in the reader's language. */
export type TPlanPreview = {
  effectiveOn: string;
  counts: { created: number; renamed: number; ended: number; successions: number };
  lines: string[];
  /** Lines left out of `lines`. */
  more: number;
  unchanged: boolean;
};

/** The answer of a preview or an apply: the preview, the fingerprint the apply must name, the rows refused. */
export type TUnitPlanState = TActionState & {
  preview?: TPlanPreview;
  fingerprint?: string;
  applied?: boolean;
  rowProblems?: { file: string; line: number | null; message: string }[];
};

/** The answer of a creation: the new unit's key, to open it. */
export type TUnitCreatedState = TActionState & { key?: string };

/** What the preview's two buttons post. */
export const ZPlanIntent = z.object({
  intent: z.enum(["preview", "apply"], { error: "Thao tác không hợp lệ / invalid operation" }),
  fingerprint: z.string().trim().max(64).optional(),
});

/**
 * Largest file the page takes (the official successors list is about 650 kB): two of them stay
 * under the server actions' body limit (next.config.ts). The command line has no such limit.
 */
export const MAX_UNITS_FILE_BYTES = 2 * 1024 * 1024;
