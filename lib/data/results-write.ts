import "server-only";
// THE write path for results (docs/domain.md; README "Write API"), shared by
// the officer's grid (server actions), the spreadsheet import and POST /api/v1/results.
//
// saveResults: every row is parsed (lib/validation/results.ts) and checked against the
// database before anything is written; one bad row rejects the whole batch and writes
// nothing. Then one short transaction writes the rows with optimistic locking
// (`version`) and one audit row per result. Status codes of a rejected batch, by
// precedence: 403 (some row is outside the actor's permissions), 422 (invalid rows),
// 409 (conflicts: a newer version exists, or the result is approved and locked).
// Numbers typed as text are read by THE parser, then again with the target's measure
// ("18,000" for a count is ambiguous and refused).
//
// A saved batch may come with warnings (saved, but the officer is told): a count above
// the parent unit's figure for the same target and year, a baseline that differs from
// the previous year's published result. Warnings are data (code + params) with a
// "Tiếng Việt / English" message; they never refuse a row.
//
// Every function re-reads the actor's account (role, jurisdiction, disabled) and the
// unit tree, and decides with lib/auth/permissions (`can`): callers cannot bypass it.
// Inside transactions only `tx` is used (the embedded database serialises them).
import { randomUUID } from "node:crypto";
import { can, ForbiddenError, hasPermission, type TActor, type TPermission } from "../auth/permissions";
import { db } from "../db/client";
import { formatNumber, isRateMeasure, isWholeNumberMeasure } from "../domain/numbers";
import type { Prisma } from "../generated/prisma/client";
import { numberErrorsForMeasure, parseResultInput, ZReopenReason, type TResultData } from "../validation/results";
import { actorLabelOf, writeAudit } from "./audit";
import { num, withTargetNumbers } from "./decimal";
import { listUnits, unitAncestors, type TUnit } from "./units";

/** Most rows one batch may carry (keeps the write transaction short). */
export const MAX_BATCH_ROWS = 1000;

const TX_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

export type TResultStatus = "DRAFT" | "SUBMITTED" | "PUBLISHED";
export type TWriteSource = "form" | "import" | "api";

/** Error codes, grouped by the status they lead to. */
export const WRITE_ERROR_STATUS = {
  // 403: outside the actor's permissions
  forbidden: 403,
  forbidden_publish: 403,
  // 404: no such result (submit, publish, reopen)
  not_found: 404,
  // 422: the row is invalid
  required: 422,
  invalid: 422,
  invalid_number: 422,
  too_many_rows: 422,
  duplicate_row: 422,
  target_not_found: 422,
  unit_not_found: 422,
  unit_not_in_target: 422,
  unit_not_valid: 422,
  year_out_of_period: 422,
  not_measurable: 422,
  out_of_range: 422,
  not_whole: 422,
  negative: 422,
  baseline_required: 422,
  exceeds_parent: 422,
  below_child: 422,
  // 409: the stored result is not what the caller thinks
  version_required: 409,
  version_conflict: 409,
  locked: 409,
  invalid_status: 409,
} as const;

export type TWriteErrorCode = keyof typeof WRITE_ERROR_STATUS;

/** The stored result a conflict is about, so the caller can show who changed what. */
export type TCurrentResult = {
  id: string;
  value: number;
  baseline: number | null;
  version: number;
  status: TResultStatus;
  enteredBy: { id: string; name: string } | null;
  updatedAt: string;
};

export type TWriteError = {
  /** 0-based index of the row in the batch (of the id in `ids` for submit/publish/reopen). */
  row: number;
  field?: string;
  code: TWriteErrorCode;
  /** For the user: Vietnamese, then " / " and English. */
  message: string;
  current?: TCurrentResult;
};

export type TSavedResult = {
  id: string;
  targetId: string | null;
  unitCode: string;
  year: number;
  value: number;
  status: TResultStatus;
  version: number;
};

/** Who and what a warning is about (names as stored, numbers as numbers: the reader formats them). */
type TWarningWhere = { targetId: string; year: number; unitCode: string; unitName: string; unitNameEn: string };

/**
 * Saved, but the officer is told. `row` is the 0-based index of the row in the batch;
 * `message` reads "Tiếng Việt / English"; `params` let a screen say it in its own words.
 */
export type TWriteWarning =
  | {
      row: number;
      field: "value";
      /** A count above the parent unit's figure for the same target (or indicator) and year. */
      code: "exceeds_parent_unit";
      params: TWarningWhere & { value: number; parentUnitCode: string; parentUnitName: string; parentUnitNameEn: string; parentValue: number };
      message: string;
    }
  | {
      row: number;
      field: "baseline";
      /** The baseline differs from the previous year's published result for the same target and unit. */
      code: "baseline_differs_from_previous_year";
      params: TWarningWhere & { baseline: number; previousYear: number; previousValue: number };
      message: string;
    };

export type TWriteWarningCode = TWriteWarning["code"];

export type TSaveOutcome = { ok: true; saved: TSavedResult[]; warnings: TWriteWarning[] } | { ok: false; status: 403 | 409 | 422; errors: TWriteError[] };
export type TTransitionOutcome = { ok: true; saved: TSavedResult[] } | { ok: false; status: 403 | 404 | 409 | 422; errors: TWriteError[] };

// ---------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------

/** The actor as the database knows it now (role or jurisdiction may have changed, the account may be disabled). */
async function currentActor(actor: TActor | null | undefined): Promise<TActor | null> {
  if (!actor?.id) return null;
  const u = await db().user.findUnique({
    where: { id: actor.id },
    select: { id: true, role: true, unitId: true, email: true, name: true, disabled: true },
  });
  if (!u || u.disabled) return null;
  return { id: u.id, role: u.role, unitId: u.unitId, email: u.email, name: u.name };
}

const NO_ACCOUNT = "Tài khoản không tồn tại hoặc đã bị khóa / the account does not exist or is disabled";

function statusOf(errors: TWriteError[]): 403 | 404 | 409 | 422 {
  const codes = new Set(errors.map((e) => WRITE_ERROR_STATUS[e.code]));
  for (const s of [403, 404, 422, 409] as const) if (codes.has(s)) return s;
  return 422;
}

const currentSelect = {
  id: true,
  targetId: true,
  indicatorId: true,
  unitId: true,
  year: true,
  value: true,
  baseline: true,
  note: true,
  evidenceUrl: true,
  status: true,
  version: true,
  enteredById: true,
  approvedById: true,
  approvedAt: true,
  updatedAt: true,
  enteredBy: { select: { id: true, name: true } },
  unit: { select: { code: true } },
} satisfies Prisma.ResultSelect;

type TStoredResult = Prisma.ResultGetPayload<{ select: typeof currentSelect }>;

function currentOf(r: TStoredResult): TCurrentResult {
  return {
    id: r.id,
    value: num(r.value) ?? 0,
    baseline: num(r.baseline),
    version: r.version,
    status: r.status,
    enteredBy: r.enteredBy ? { id: r.enteredBy.id, name: r.enteredBy.name } : null,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a result, before and after a change. */
type TResultSnapshot = {
  id: string;
  targetId: string | null;
  indicatorId: string;
  unitId: string;
  year: number;
  value: number | null;
  baseline: number | null;
  note: string | null;
  evidenceUrl: string | null;
  status: TResultStatus;
  version: number;
  enteredById: string | null;
  approvedById: string | null;
  approvedAt: string | null;
};

function snapshotOf(r: TStoredResult): TResultSnapshot {
  return {
    id: r.id,
    targetId: r.targetId,
    indicatorId: r.indicatorId,
    unitId: r.unitId,
    year: r.year,
    value: num(r.value),
    baseline: num(r.baseline),
    note: r.note,
    evidenceUrl: r.evidenceUrl,
    status: r.status,
    version: r.version,
    enteredById: r.enteredById,
    approvedById: r.approvedById,
    approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
  };
}

function savedOf(s: TResultSnapshot, unitCode: string): TSavedResult {
  return { id: s.id, targetId: s.targetId, unitCode, year: s.year, value: s.value ?? 0, status: s.status, version: s.version };
}

const who = (r: TStoredResult) => (r.enteredBy ? r.enteredBy.name : "không rõ / unknown");

/** Classifies why a stored result blocks writing `data` (null when it does not). */
function conflictOf(row: number, data: Pick<TResultData, "version">, existing: TStoredResult): TWriteError | null {
  const current = currentOf(existing);
  const fv = formatNumber(current.value);
  if (existing.status === "PUBLISHED") {
    return {
      row,
      code: "locked",
      message: `Kết quả này đã được duyệt, cần mở lại (kèm lý do) trước khi sửa (giá trị ${fv}, phiên bản ${current.version}) / this result is approved and published; reopen it with a reason before changing it`,
      current,
    };
  }
  if (data.version === undefined) {
    return {
      row,
      field: "version",
      code: "version_required",
      message: `Đã có kết quả cho chỉ tiêu, đơn vị và năm này: ${fv} (phiên bản ${current.version}, do ${who(existing)} nhập). Hãy tải lại và gửi kèm phiên bản hiện tại để sửa / a result already exists; send its current version to change it`,
      current,
    };
  }
  if (data.version !== existing.version) {
    return {
      row,
      field: "version",
      code: "version_conflict",
      message: `Kết quả đã được thay đổi: hiện là ${fv} (phiên bản ${current.version}, do ${who(existing)} nhập), bạn đang sửa phiên bản ${data.version}. Hãy tải lại rồi nhập lại / the result was changed by someone else; reload and try again`,
      current,
    };
  }
  return null;
}

/** Thrown inside a transaction to roll it back when an optimistic lock fails. */
class LockLost extends Error {
  constructor(readonly index: number) {
    super("optimistic lock lost");
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: unknown; meta?: { code?: unknown }; cause?: { code?: unknown } } | null;
  return err?.code === "P2002" || err?.meta?.code === "23505" || err?.cause?.code === "23505";
}

function isWithin(units: TUnit[], unit: TUnit, ancestorId: string): boolean {
  return unit.id === ancestorId || unitAncestors(units, unit).some((a) => a.id === ancestorId);
}

function validInYear(unit: TUnit, year: number): boolean {
  return (!unit.validFrom || unit.validFrom.getUTCFullYear() <= year) && (!unit.validTo || unit.validTo.getUTCFullYear() >= year);
}

type TMeasure = { measure: "RATE" | "COUNT" | "AMOUNT"; measureUnit: string };
const isRate = (m: TMeasure) => isRateMeasure(m);
const isCount = (m: TMeasure | null | undefined): boolean => isWholeNumberMeasure(m);

/** Range problems of one number for the indicator's kind of measure. */
function valueProblem(m: TMeasure, v: number, label: [string, string]): { code: TWriteErrorCode; message: string } | null {
  const [vi, en] = label;
  if (isRate(m)) {
    if (v < 0 || v > 100) {
      return { code: "out_of_range", message: `${vi} là tỷ lệ phần trăm nên phải từ 0 đến 100 (đã nhập ${formatNumber(v)}) / the ${en} is a percentage and must be between 0 and 100` };
    }
    return null;
  }
  if (v < 0) return { code: "negative", message: `${vi} không được âm (đã nhập ${formatNumber(v)}) / the ${en} must not be negative` };
  if (m.measure === "COUNT" && !Number.isInteger(v)) {
    return { code: "not_whole", message: `${vi} là số đếm (${m.measureUnit}) nên phải là số nguyên (đã nhập ${formatNumber(v)}) / the ${en} is a count and must be a whole number` };
  }
  return null;
}

const targetCheckSelect = {
  id: true,
  kind: true,
  unitId: true,
  periodStart: true,
  periodEnd: true,
  baseline: true,
  parentId: true,
  indicatorId: true,
  groupId: true,
  statement: true,
  indicator: { select: { measure: true, measureUnit: true } },
  parent: { select: { id: true, statement: true, indicator: { select: { measure: true, measureUnit: true } } } },
  children: { select: { id: true, statement: true, indicator: { select: { measure: true, measureUnit: true } } } },
} satisfies Prisma.TargetSelect;

type TCheckTarget = Prisma.TargetGetPayload<{ select: typeof targetCheckSelect }>;

const keyOf = (targetId: string, unitId: string, year: number) => `${targetId}|${unitId}|${year}`;
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

// ---------------------------------------------------------------------------
// saveResults
// ---------------------------------------------------------------------------

type TCheckedRow = {
  index: number;
  data: TResultData;
  target: TCheckTarget;
  unit: TUnit;
  publish: boolean;
  key: string;
  existing: TStoredResult | null;
};

/**
 * Creates or updates a batch of results, all or nothing. A row for an existing
 * (target, unit, year) must carry that result's current `version`. Rows are saved as
 * DRAFT, or approved and PUBLISHED when `publish` is asked for (per row, else
 * `opts.publish`) and the actor may publish there.
 */
export async function saveResults(
  actor: TActor,
  inputs: unknown[],
  opts: { publish?: boolean; ip?: string; source?: TWriteSource } = {},
): Promise<TSaveOutcome> {
  const rowsIn: unknown[] = Array.isArray(inputs) ? inputs : [inputs];
  const me = await currentActor(actor);
  if (!me) return { ok: false, status: 403, errors: rowsIn.map((_, row) => ({ row, code: "forbidden", message: NO_ACCOUNT })) };
  if (rowsIn.length === 0) return { ok: true, saved: [], warnings: [] };
  if (rowsIn.length > MAX_BATCH_ROWS) {
    return {
      ok: false,
      status: 422,
      errors: [{ row: MAX_BATCH_ROWS, code: "too_many_rows", message: `Mỗi lần gửi tối đa ${MAX_BATCH_ROWS} dòng / at most ${MAX_BATCH_ROWS} rows per batch` }],
    };
  }

  const errors: TWriteError[] = [];
  const add = (row: number, code: TWriteErrorCode, message: string, field?: string) => errors.push({ row, code, message, ...(field ? { field } : {}) });

  // 1. Parse every row.
  const parsed: (TResultData | null)[] = rowsIn.map((input, row) => {
    const r = parseResultInput(input);
    if (r.ok) return r.data;
    for (const e of r.errors) errors.push({ row, ...e });
    return null;
  });

  // 2. Reference data, read once.
  const units = await listUnits();
  const unitByCode = new Map(units.map((u) => [u.code, u]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const targetIds = [...new Set(parsed.flatMap((d) => (d ? [d.targetId] : [])))];
  const targetById = new Map(
    (targetIds.length ? await db().target.findMany({ where: { id: { in: targetIds } }, select: targetCheckSelect }) : []).map((t) => [t.id, t]),
  );

  // 3. Each row on its own: target, unit, permission, period, value.
  const checked: TCheckedRow[] = [];
  const firstRowOfKey = new Map<string, number>();
  parsed.forEach((d, row) => {
    if (!d) return;
    const target = targetById.get(d.targetId);
    const unit = unitByCode.get(d.unitCode);
    if (!target) add(row, "target_not_found", `Không tìm thấy chỉ tiêu “${d.targetId}” / no target with this id`, "targetId");
    if (!unit) add(row, "unit_not_found", `Không có đơn vị hành chính mã “${d.unitCode}” / no administrative unit with this code`, "unitCode");
    if (!target || !unit) return;

    const publish = d.publish ?? opts.publish ?? false;
    if (!can(me, "result.edit", units, unit.id)) {
      add(row, "forbidden", `Bạn không có quyền nhập kết quả của ${unit.name} / you may not enter results for ${unit.nameEn ?? unit.name}`, "unitCode");
      return;
    }
    if (publish && !can(me, "result.publish", units, unit.id)) {
      add(
        row,
        "forbidden_publish",
        `Bạn không có quyền duyệt và công bố kết quả của ${unit.name}; hãy lưu nháp và gửi duyệt / you may not approve and publish results for ${unit.nameEn ?? unit.name}; save a draft and submit it`,
        "publish",
      );
      return;
    }

    const before = errors.length;
    const targetUnit = unitById.get(target.unitId);
    if (!isWithin(units, unit, target.unitId)) {
      add(
        row,
        "unit_not_in_target",
        `${unit.name} không phải đơn vị của chỉ tiêu (${targetUnit?.name ?? target.unitId}) hay đơn vị trực thuộc / the unit is neither the target's unit nor below it`,
        "unitCode",
      );
    }
    if (d.year < target.periodStart || d.year > target.periodEnd) {
      const period = target.periodStart === target.periodEnd ? `${target.periodStart}` : `${target.periodStart}–${target.periodEnd}`;
      add(row, "year_out_of_period", `Năm ${d.year} nằm ngoài thời kỳ của chỉ tiêu (${period}) / the year is outside the target's period (${period})`, "year");
    } else if (!validInYear(unit, d.year)) {
      add(row, "unit_not_valid", `${unit.name} không tồn tại trong năm ${d.year} / the unit did not exist in ${d.year}`, "unitCode");
    }
    if (target.kind === "QUALITATIVE" || !target.indicator) {
      add(row, "not_measurable", "Chỉ tiêu định tính không nhập số liệu kết quả / a qualitative target takes no figures", "targetId");
    } else {
      // Text numbers again, with the measure: "18,000" for a count is ambiguous.
      const ambiguous = new Set<string>();
      for (const e of numberErrorsForMeasure(rowsIn[row], target.indicator)) {
        add(row, e.code, e.message, e.field);
        if (e.field) ambiguous.add(e.field);
      }
      if (!ambiguous.has("value")) {
        const vp = valueProblem(target.indicator, d.value, ["Giá trị", "value"]);
        if (vp) add(row, vp.code, vp.message, "value");
      }
      if (d.baseline !== undefined && d.baseline !== null && !ambiguous.has("baseline")) {
        const bp = valueProblem(target.indicator, d.baseline, ["Giá trị gốc", "baseline"]);
        if (bp) add(row, bp.code, bp.message, "baseline");
      }
    }
    const key = keyOf(target.id, unit.id, d.year);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      add(row, "duplicate_row", `Trùng chỉ tiêu, đơn vị và năm với dòng số ${first + 1} của lô / same target, unit and year as row ${first + 1} of the batch`, "targetId");
    } else {
      firstRowOfKey.set(key, row);
    }
    if (errors.length === before) checked.push({ index: row, data: d, target, unit, publish, key, existing: null });
  });

  // 4. What is stored for these rows, their parents and their children (one read).
  const wanted = new Map<string, { targetId: string; unitId: string; year: number }>();
  const want = (targetId: string, unitId: string, year: number) => wanted.set(keyOf(targetId, unitId, year), { targetId, unitId, year });
  for (const r of checked) {
    want(r.target.id, r.unit.id, r.data.year);
    if (r.target.parentId) want(r.target.parentId, r.unit.id, r.data.year);
    for (const c of r.target.children) want(c.id, r.unit.id, r.data.year);
  }
  const stored = new Map<string, TStoredResult>();
  if (wanted.size > 0) {
    const rows = await db().result.findMany({ where: { OR: [...wanted.values()] }, select: currentSelect });
    for (const s of rows) if (s.targetId) stored.set(keyOf(s.targetId, s.unitId, s.year), s);
  }
  const batchValue = new Map(checked.map((r) => [r.key, r.data.value]));

  // 5. Rows against what is stored: baselines, sub-target ≤ parent, optimistic locking.
  for (const r of checked) {
    const { data: d, target: t, unit } = r;
    r.existing = stored.get(r.key) ?? null;

    if (t.kind === "DECREASE_BY") {
      const baseline = d.baseline === undefined ? num(r.existing?.baseline) : d.baseline;
      if (baseline === null && num(t.baseline) === null) {
        add(
          r.index,
          "baseline_required",
          "Chỉ tiêu giảm tỷ lệ cần giá trị gốc (tỷ lệ cuối năm trước) để tính mức giảm / a decrease target needs the baseline (the value at the end of the previous year)",
          "baseline",
        );
      }
    }
    if (t.parent && isCount(t.indicator) && isCount(t.parent.indicator)) {
      const pKey = keyOf(t.parent.id, unit.id, d.year);
      const parentValue = batchValue.has(pKey) ? batchValue.get(pKey)! : num(stored.get(pKey)?.value);
      if (parentValue !== null && parentValue !== undefined && d.value > parentValue) {
        add(
          r.index,
          "exceeds_parent",
          `Giá trị ${formatNumber(d.value)} vượt quá kết quả của chỉ tiêu cha “${short(t.parent.statement)}” (${formatNumber(parentValue)}) cùng đơn vị và năm / the value exceeds the parent target's result for the same unit and year`,
          "value",
        );
      }
    }
    if (isCount(t.indicator)) {
      for (const c of t.children) {
        if (!isCount(c.indicator)) continue;
        const cKey = keyOf(c.id, unit.id, d.year);
        if (batchValue.has(cKey)) continue; // that row is checked against this one
        const childValue = num(stored.get(cKey)?.value);
        if (childValue !== null && d.value < childValue) {
          add(
            r.index,
            "below_child",
            `Giá trị ${formatNumber(d.value)} nhỏ hơn kết quả đã nhập của chỉ tiêu con “${short(c.statement)}” (${formatNumber(childValue)}) / the value is below a sub-target's result for the same unit and year`,
            "value",
          );
        }
      }
    }
    if (r.existing) {
      const conflict = conflictOf(r.index, d, r.existing);
      if (conflict) errors.push(conflict);
    }
  }

  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, status: statusOf(errors) as 403 | 409 | 422, errors };
  }

  // 6. What the officer should double-check (read before writing; never refuses).
  const warnings = await warningsFor(me, checked, units, unitById);

  // 7. One short transaction: every row, with its audit row.
  const now = new Date();
  const actorLabel = `${actorLabelOf(me)}${opts.source ? ` [${opts.source}]` : ""}`;
  try {
    const saved = await db().$transaction(async (tx) => {
      const out: TSavedResult[] = [];
      for (const r of checked) {
        const { data: d, target: t, unit } = r;
        const status: TResultStatus = r.publish ? "PUBLISHED" : "DRAFT";
        const approvedById = r.publish ? me.id : null;
        const approvedAt = r.publish ? now : null;
        const indicatorId = t.indicatorId!;
        if (r.existing) {
          const ex = r.existing;
          const baseline = d.baseline === undefined ? num(ex.baseline) : d.baseline;
          const note = d.note === undefined ? ex.note : d.note;
          const evidenceUrl = d.evidenceUrl === undefined ? ex.evidenceUrl : d.evidenceUrl;
          const res = await tx.result.updateMany({
            where: { id: ex.id, version: ex.version, status: { not: "PUBLISHED" } },
            data: { indicatorId, value: d.value, baseline, note, evidenceUrl, status, version: { increment: 1 }, enteredById: me.id, approvedById, approvedAt },
          });
          if (res.count !== 1) throw new LockLost(r.index);
          const before = snapshotOf(ex);
          const after: TResultSnapshot = {
            ...before,
            indicatorId,
            value: d.value,
            baseline,
            note,
            evidenceUrl,
            status,
            version: ex.version + 1,
            enteredById: me.id,
            approvedById,
            approvedAt: approvedAt?.toISOString() ?? null,
          };
          await writeAudit(tx, { actor: me, actorLabel, action: "result.update", entity: "result", entityId: ex.id, before, after, ip: opts.ip ?? null });
          out.push(savedOf(after, unit.code));
        } else {
          const id = `result-${randomUUID()}`;
          const after: TResultSnapshot = {
            id,
            targetId: t.id,
            indicatorId,
            unitId: unit.id,
            year: d.year,
            value: d.value,
            baseline: d.baseline ?? null,
            note: d.note ?? null,
            evidenceUrl: d.evidenceUrl ?? null,
            status,
            version: 1,
            enteredById: me.id,
            approvedById,
            approvedAt: approvedAt?.toISOString() ?? null,
          };
          // ON CONFLICT DO NOTHING: a concurrent insert of the same (target, unit, year)
          // makes this count 0 (a conflict), not a unique-violation error.
          const res = await tx.result.createMany({
            data: [
              {
                id,
                targetId: t.id,
                indicatorId,
                unitId: unit.id,
                year: d.year,
                value: d.value,
                baseline: after.baseline,
                note: after.note,
                evidenceUrl: after.evidenceUrl,
                status,
                version: 1,
                enteredById: me.id,
                approvedById,
                approvedAt,
              },
            ],
            skipDuplicates: true,
          });
          if (res.count !== 1) throw new LockLost(r.index);
          await writeAudit(tx, { actor: me, actorLabel, action: "result.create", entity: "result", entityId: id, before: null, after, ip: opts.ip ?? null });
          out.push(savedOf(after, unit.code));
        }
      }
      return out;
    }, TX_OPTIONS);
    return { ok: true, saved, warnings };
  } catch (e) {
    if (!(e instanceof LockLost) && !isUniqueViolation(e)) throw e;
    // Someone else wrote one of these results meanwhile: report what is stored now.
    const lost = e instanceof LockLost ? checked.filter((r) => r.index === e.index) : checked;
    const fresh = await db().result.findMany({
      where: { OR: lost.map((r) => ({ targetId: r.target.id, unitId: r.unit.id, year: r.data.year })) },
      select: currentSelect,
    });
    const out: TWriteError[] = [];
    for (const r of lost) {
      const now = fresh.find((s) => s.targetId === r.target.id && s.unitId === r.unit.id && s.year === r.data.year);
      const conflict = now ? conflictOf(r.index, r.existing ? r.data : { version: undefined }, now) : null;
      out.push(
        conflict ?? {
          row: r.index,
          code: "version_conflict",
          message: "Kết quả vừa được người khác thay đổi; hãy tải lại rồi nhập lại / the result was just changed by someone else; reload and try again",
        },
      );
    }
    return { ok: false, status: 409, errors: out };
  }
}

// ---------------------------------------------------------------------------
// Warnings
// ---------------------------------------------------------------------------

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const fmtVi = (v: number) => formatNumber(v);
const fmtEn = (v: number) => formatNumber(v, { locale: "en" });

/**
 * Saved, but worth a second look:
 * - a count above the parent unit's figure: the same target (else the parent's result
 *   without a target for the same indicator and population group), the same year, a result the actor can see
 *   (published, or in their jurisdiction), or the parent's row in the same batch;
 * - a baseline given that differs from the previous year's published result for the
 *   same target and unit (or that row of the same batch, when it is being published).
 */
async function warningsFor(me: TActor, checked: TCheckedRow[], units: TUnit[], unitById: Map<string, TUnit>): Promise<TWriteWarning[]> {
  type TWhere = { targetId: string | null; indicatorId?: string; groupId?: string; unitId: string; year: number; status?: "PUBLISHED" };
  const where: TWhere[] = [];
  const parentOf = (r: TCheckedRow) => (r.unit.parentId ? unitById.get(r.unit.parentId) : undefined);
  for (const r of checked) {
    const parent = parentOf(r);
    if (parent && isCount(r.target.indicator)) {
      where.push({ targetId: r.target.id, unitId: parent.id, year: r.data.year });
      where.push({ targetId: null, indicatorId: r.target.indicatorId!, groupId: r.target.groupId, unitId: parent.id, year: r.data.year });
    }
    if (r.data.baseline !== undefined && r.data.baseline !== null) {
      where.push({ targetId: r.target.id, unitId: r.unit.id, year: r.data.year - 1, status: "PUBLISHED" });
    }
  }
  if (where.length === 0) return [];
  const stored = await db().result.findMany({
    where: { OR: where },
    select: { targetId: true, indicatorId: true, groupId: true, unitId: true, year: true, value: true, status: true },
    orderBy: { id: "asc" },
  });
  const visible = (s: { unitId: string; status: TResultStatus }) => s.status === "PUBLISHED" || can(me, "result.edit", units, s.unitId);
  const byTarget = new Map<string, number>(); // visible results by target, unit and year
  const byIndicator = new Map<string, number>(); // visible results without a target, by indicator and group, unit and year
  const publishedByTarget = new Map<string, number>();
  for (const s of stored) {
    const value = num(s.value);
    if (value === null) continue;
    if (s.targetId !== null && s.status === "PUBLISHED") publishedByTarget.set(keyOf(s.targetId, s.unitId, s.year), value);
    if (!visible(s)) continue;
    if (s.targetId !== null) byTarget.set(keyOf(s.targetId, s.unitId, s.year), value);
    else if (!byIndicator.has(keyOf(`${s.indicatorId}|${s.groupId}`, s.unitId, s.year))) byIndicator.set(keyOf(`${s.indicatorId}|${s.groupId}`, s.unitId, s.year), value);
  }
  const inBatch = new Map(checked.map((r) => [r.key, r]));
  const whereOf = (r: TCheckedRow): TWarningWhere => ({
    targetId: r.target.id,
    year: r.data.year,
    unitCode: r.unit.code,
    unitName: r.unit.name,
    unitNameEn: r.unit.nameEn ?? r.unit.name,
  });

  const out: TWriteWarning[] = [];
  for (const r of checked) {
    const { data: d, target: t, unit } = r;
    const parent = parentOf(r);
    if (parent && isCount(t.indicator)) {
      const batchRow = inBatch.get(keyOf(t.id, parent.id, d.year));
      const parentValue = batchRow
        ? batchRow.data.value
        : (byTarget.get(keyOf(t.id, parent.id, d.year)) ?? byIndicator.get(keyOf(`${t.indicatorId}|${t.groupId}`, parent.id, d.year)) ?? null);
      if (parentValue !== null && d.value > parentValue && !sameNumber(d.value, parentValue)) {
        const parentEn = parent.nameEn ?? parent.name;
        out.push({
          row: r.index,
          field: "value",
          code: "exceeds_parent_unit",
          params: { ...whereOf(r), value: d.value, parentUnitCode: parent.code, parentUnitName: parent.name, parentUnitNameEn: parentEn, parentValue },
          message:
            `Đã lưu, nhưng cần kiểm tra: giá trị của ${unit.name} (${fmtVi(d.value)}) lớn hơn kết quả của đơn vị cấp trên ${parent.name} (${fmtVi(parentValue)}) cho cùng chỉ tiêu, năm ${d.year}` +
            ` / saved, but please check: the value for ${unit.nameEn ?? unit.name} (${fmtEn(d.value)}) is greater than the figure of the parent unit ${parentEn} (${fmtEn(parentValue)}) for the same target and year ${d.year}`,
        });
      }
    }
    if (d.baseline !== undefined && d.baseline !== null) {
      const previousYear = d.year - 1;
      const batchRow = inBatch.get(keyOf(t.id, unit.id, previousYear));
      const previousValue = batchRow?.publish ? batchRow.data.value : (publishedByTarget.get(keyOf(t.id, unit.id, previousYear)) ?? null);
      if (previousValue !== null && !sameNumber(d.baseline, previousValue)) {
        out.push({
          row: r.index,
          field: "baseline",
          code: "baseline_differs_from_previous_year",
          params: { ...whereOf(r), baseline: d.baseline, previousYear, previousValue },
          message:
            `Đã lưu, nhưng cần kiểm tra: giá trị gốc ${fmtVi(d.baseline)} khác với kết quả đã công bố năm ${previousYear} của ${unit.name} (${fmtVi(previousValue)}) cho cùng chỉ tiêu` +
            ` / saved, but please check: the baseline ${fmtEn(d.baseline)} differs from the published ${previousYear} result of ${unit.nameEn ?? unit.name} (${fmtEn(previousValue)}) for the same target`,
        });
      }
    }
  }
  return out.sort((a, b) => a.row - b.row);
}

// ---------------------------------------------------------------------------
// Status changes: submit, publish, reopen
// ---------------------------------------------------------------------------

type TTransition = {
  permission: TPermission;
  from: readonly TResultStatus[];
  to: TResultStatus;
  action: "result.submit" | "result.publish" | "result.reopen";
  reason?: string;
  /** Expected versions by id (reopen). */
  versions?: Map<string, number>;
  ip?: string;
  source?: TWriteSource;
};

const STATUS_VI: Record<TResultStatus, string> = { DRAFT: "nháp", SUBMITTED: "đã gửi duyệt", PUBLISHED: "đã duyệt và công bố" };

async function transition(actor: TActor, idsIn: unknown, spec: TTransition): Promise<TTransitionOutcome> {
  const ids: unknown[] = Array.isArray(idsIn) ? idsIn : [idsIn];
  const me = await currentActor(actor);
  if (!me) return { ok: false, status: 403, errors: ids.map((_, row) => ({ row, code: "forbidden", message: NO_ACCOUNT })) };
  if (ids.length === 0) return { ok: true, saved: [] };
  if (ids.length > MAX_BATCH_ROWS) {
    return { ok: false, status: 422, errors: [{ row: MAX_BATCH_ROWS, code: "too_many_rows", message: `Mỗi lần tối đa ${MAX_BATCH_ROWS} kết quả / at most ${MAX_BATCH_ROWS} results at once` }] };
  }

  const errors: TWriteError[] = [];
  const valid = ids.map((id) => (typeof id === "string" && /^[A-Za-z0-9_-]{1,80}$/.test(id) ? id : null));
  const rows = await db().result.findMany({ where: { id: { in: valid.filter((x): x is string => x !== null) } }, select: currentSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const units = await listUnits();
  const unitById = new Map(units.map((u) => [u.id, u]));

  const todo: { index: number; row: TStoredResult }[] = [];
  const seen = new Map<string, number>();
  valid.forEach((id, index) => {
    const row = id ? byId.get(id) : undefined;
    if (!id || !row) {
      errors.push({ row: index, code: "not_found", message: `Không tìm thấy kết quả “${String(ids[index]).slice(0, 80)}” / no such result` });
      return;
    }
    if (!can(me, spec.permission, units, row.unitId)) {
      const unit = unitById.get(row.unitId);
      const what = spec.permission === "result.edit" ? "gửi duyệt" : spec.permission === "result.publish" ? "duyệt và công bố" : "mở lại";
      errors.push({ row: index, code: "forbidden", message: `Bạn không có quyền ${what} kết quả của ${unit?.name ?? row.unitId} / you are not allowed to do this for this unit` });
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      errors.push({ row: index, code: "duplicate_row", message: `Kết quả này đã có ở vị trí số ${first + 1} / the same result is listed twice` });
      return;
    }
    seen.set(id, index);
    if (!spec.from.includes(row.status)) {
      const locked = row.status === "PUBLISHED" && spec.to !== "PUBLISHED";
      errors.push({
        row: index,
        code: locked ? "locked" : "invalid_status",
        message: locked
          ? "Kết quả này đã được duyệt, cần mở lại (kèm lý do) / this result is approved and published; reopen it first"
          : `Kết quả đang ở trạng thái “${STATUS_VI[row.status]}”, không thể thực hiện thao tác này / the result's status (${row.status.toLowerCase()}) does not allow this`,
        current: currentOf(row),
      });
      return;
    }
    const expected = spec.versions?.get(id);
    if (spec.versions && expected !== row.version) {
      const current = currentOf(row);
      errors.push({
        row: index,
        field: "version",
        code: "version_conflict",
        message: `Kết quả đã được thay đổi: hiện là ${formatNumber(current.value)} (phiên bản ${current.version}, do ${who(row)} nhập), bạn đang xem phiên bản ${expected ?? "?"}. Hãy tải lại / the result was changed; reload and try again`,
        current,
      });
      return;
    }
    todo.push({ index, row });
  });
  if (errors.length > 0) {
    errors.sort((a, b) => a.row - b.row);
    return { ok: false, status: statusOf(errors), errors };
  }

  const now = new Date();
  const actorLabel = `${actorLabelOf(me)}${spec.source ? ` [${spec.source}]` : ""}`;
  try {
    const saved = await db().$transaction(async (tx) => {
      const out: TSavedResult[] = [];
      for (const { index, row } of todo) {
        const approval =
          spec.to === "PUBLISHED" ? { approvedById: me.id, approvedAt: now } : spec.to === "DRAFT" ? { approvedById: null, approvedAt: null } : {};
        const res = await tx.result.updateMany({
          where: { id: row.id, version: row.version, status: row.status },
          data: { status: spec.to, version: { increment: 1 }, ...approval },
        });
        if (res.count !== 1) throw new LockLost(index);
        const before = snapshotOf(row);
        const after: TResultSnapshot = {
          ...before,
          status: spec.to,
          version: row.version + 1,
          ...("approvedById" in approval ? { approvedById: approval.approvedById, approvedAt: approval.approvedAt?.toISOString() ?? null } : {}),
        };
        await writeAudit(tx, { actor: me, actorLabel, action: spec.action, entity: "result", entityId: row.id, before, after, reason: spec.reason ?? null, ip: spec.ip ?? null });
        out.push(savedOf(after, row.unit.code));
      }
      return out;
    }, TX_OPTIONS);
    return { ok: true, saved };
  } catch (e) {
    if (!(e instanceof LockLost)) throw e;
    const item = todo.find((t) => t.index === e.index)!;
    const fresh = await db().result.findUnique({ where: { id: item.row.id }, select: currentSelect });
    return {
      ok: false,
      status: 409,
      errors: [
        {
          row: e.index,
          code: "version_conflict",
          message: "Kết quả vừa được người khác thay đổi; hãy tải lại / the result was just changed by someone else; reload",
          ...(fresh ? { current: currentOf(fresh) } : {}),
        },
      ],
    };
  }
}

/** DRAFT → SUBMITTED (sent for approval), for whoever may edit the result's unit (result.edit). */
export function submitResults(actor: TActor, ids: string[], opts: { ip?: string; source?: TWriteSource } = {}): Promise<TTransitionOutcome> {
  return transition(actor, ids, { permission: "result.edit", from: ["DRAFT"], to: "SUBMITTED", action: "result.submit", ...opts });
}

/** DRAFT or SUBMITTED → PUBLISHED (approved), recording who approved it and when (result.publish). */
export function publishResults(actor: TActor, ids: string[], opts: { ip?: string; source?: TWriteSource } = {}): Promise<TTransitionOutcome> {
  return transition(actor, ids, { permission: "result.publish", from: ["DRAFT", "SUBMITTED"], to: "PUBLISHED", action: "result.publish", ...opts });
}

/**
 * PUBLISHED → DRAFT so an approved value can be corrected (result.reopen). The reason
 * (5–2000 characters) is kept in the audit log; `version` must be the current one.
 */
export async function reopenResult(
  actor: TActor,
  id: string,
  reason: string,
  version: number,
  opts: { ip?: string; source?: TWriteSource } = {},
): Promise<TTransitionOutcome> {
  const r = ZReopenReason.safeParse(reason);
  const versionOk = Number.isInteger(version) && version >= 1;
  if (!r.success || !versionOk) {
    // Permissions first: someone who may not reopen learns nothing more.
    const me = await currentActor(actor);
    const row = typeof id === "string" ? await db().result.findUnique({ where: { id }, select: { unitId: true } }).catch(() => null) : null;
    if (!me || (row && !can(me, "result.reopen", await listUnits(), row.unitId))) {
      return { ok: false, status: 403, errors: [{ row: 0, code: "forbidden", message: me ? "Bạn không có quyền mở lại kết quả này / you may not reopen this result" : NO_ACCOUNT }] };
    }
    const errors: TWriteError[] = [];
    if (!r.success) errors.push({ row: 0, field: "reason", code: "required", message: r.error.issues[0]?.message ?? "Cần nêu lý do mở lại / a reason is required" });
    if (!versionOk) errors.push({ row: 0, field: "version", code: "invalid", message: "Phiên bản (version) phải là số nguyên từ 1 / the version must be a whole number ≥ 1" });
    return { ok: false, status: 422, errors };
  }
  return transition(actor, [id], {
    permission: "result.reopen",
    from: ["PUBLISHED"],
    to: "DRAFT",
    action: "result.reopen",
    reason: r.data,
    versions: new Map([[id, version]]),
    ...opts,
  });
}

// ---------------------------------------------------------------------------
// The entry grid
// ---------------------------------------------------------------------------

export type TGridResult = {
  id: string;
  value: number;
  baseline: number | null;
  note: string | null;
  evidenceUrl: string | null;
  status: TResultStatus;
  version: number;
  isDemo: boolean;
  enteredBy: { id: string; name: string } | null;
  approvedBy: { id: string; name: string } | null;
  approvedAt: string | null;
  updatedAt: string;
};

export type TGridCell = {
  targetId: string;
  unitId: string;
  unitCode: string;
  year: number;
  result: TGridResult | null;
  /** What the actor may do here (the server checks again on every write). */
  canEdit: boolean;
  canPublish: boolean;
  canReopen: boolean;
};

export type TGridTarget = {
  id: string;
  position: number;
  parentId: string | null;
  kind: string;
  statement: string;
  group: { code: string; name: string; nameEn: string };
  lower: number | null;
  upper: number | null;
  strict: boolean;
  approximate: boolean;
  baseline: number | null;
  equivalentValue: number | null;
  equivalentUnit: string | null;
  periodStart: number;
  periodEnd: number;
  annual: boolean;
  status: TResultStatus;
  unitId: string;
  indicator: { id: string; code: string; name: string; nameEn: string; measure: "RATE" | "COUNT" | "AMOUNT"; measureUnit: string; measureUnitEn: string };
  /** Rate (0–100), count (whole) or amount: how the grid should validate and format input. */
  valueKind: "rate" | "count" | "amount";
  years: number[];
};

export type TGrid = {
  plan: { id: string; code: string | null; title: string; status: TResultStatus; periodStart: number; periodEnd: number; issuerUnitId: string };
  targets: TGridTarget[];
  /** Units with at least one cell, in listUnits order. */
  units: Pick<TUnit, "id" | "code" | "name" | "shortName" | "nameEn" | "level" | "parentId">[];
  cells: TGridCell[];
};

const gridResultSelect = {
  id: true,
  targetId: true,
  unitId: true,
  year: true,
  value: true,
  baseline: true,
  note: true,
  evidenceUrl: true,
  status: true,
  version: true,
  isDemo: true,
  updatedAt: true,
  approvedAt: true,
  enteredBy: { select: { id: true, name: true } },
  approvedBy: { select: { id: true, name: true } },
} satisfies Prisma.ResultSelect;

/**
 * What the officer's entry grid shows for one plan: its measurable targets × the
 * units (the target's unit and those below it) in the actor's jurisdiction × the
 * years of each target's period, with the stored result of any status, or null.
 * Qualitative targets (no figures) are left out. Null when the plan does not exist,
 * or is an unpublished plan the actor has no business with.
 */
export async function listResultsForGrid(actor: TActor, planId: string): Promise<TGrid | null> {
  const me = await currentActor(actor);
  if (!me || !hasPermission(me, "result.edit")) throw new ForbiddenError();
  if (typeof planId !== "string" || !/^[A-Za-z0-9_-]{1,80}$/.test(planId)) return null;
  const plan = await db().plan.findUnique({
    where: { id: planId },
    select: { id: true, code: true, title: true, status: true, periodStart: true, periodEnd: true, issuerUnitId: true },
  });
  if (!plan) return null;
  const [units, targets] = await Promise.all([
    listUnits(),
    db().target.findMany({
      where: { planId, kind: { not: "QUALITATIVE" }, indicatorId: { not: null } },
      orderBy: { position: "asc" },
      select: {
        id: true,
        position: true,
        parentId: true,
        kind: true,
        statement: true,
        group: { select: { code: true, name: true, nameEn: true } },
        lower: true,
        upper: true,
        strict: true,
        approximate: true,
        baseline: true,
        equivalentValue: true,
        equivalentUnit: true,
        periodStart: true,
        periodEnd: true,
        annual: true,
        status: true,
        unitId: true,
        indicator: { select: { id: true, code: true, name: true, nameEn: true, measure: true, measureUnit: true, measureUnitEn: true } },
      },
    }),
  ]);

  const editable = units.filter((u) => can(me, "result.edit", units, u.id));
  const gridTargets: TGridTarget[] = [];
  const cellKeys: { targetId: string; unit: TUnit; year: number }[] = [];
  for (const t of targets) {
    if (!t.indicator) continue;
    const scope = editable.filter((u) => isWithin(units, u, t.unitId));
    const years: number[] = [];
    for (let y = t.periodStart; y <= t.periodEnd; y++) years.push(y);
    const cells = scope.flatMap((unit) => years.filter((year) => validInYear(unit, year)).map((year) => ({ targetId: t.id, unit, year })));
    if (cells.length === 0) continue;
    cellKeys.push(...cells);
    const m = t.indicator;
    gridTargets.push({
      ...withTargetNumbers(t),
      indicator: m,
      valueKind: isRate(m) ? "rate" : m.measure === "COUNT" ? "count" : "amount",
      years,
    });
  }
  if (gridTargets.length === 0 && plan.status !== "PUBLISHED" && !can(me, "plan.edit", units, plan.issuerUnitId)) return null;

  const unitIds = [...new Set(cellKeys.map((c) => c.unit.id))];
  const results = gridTargets.length
    ? await db().result.findMany({ where: { targetId: { in: gridTargets.map((t) => t.id) }, unitId: { in: unitIds } }, select: gridResultSelect })
    : [];
  const resultByKey = new Map(results.map((r) => [keyOf(r.targetId ?? "", r.unitId, r.year), r]));

  const cells: TGridCell[] = cellKeys.map(({ targetId, unit, year }) => {
    const r = resultByKey.get(keyOf(targetId, unit.id, year));
    return {
      targetId,
      unitId: unit.id,
      unitCode: unit.code,
      year,
      result: r
        ? {
            id: r.id,
            value: num(r.value) ?? 0,
            baseline: num(r.baseline),
            note: r.note,
            evidenceUrl: r.evidenceUrl,
            status: r.status,
            version: r.version,
            isDemo: r.isDemo,
            enteredBy: r.enteredBy,
            approvedBy: r.approvedBy,
            approvedAt: r.approvedAt ? r.approvedAt.toISOString() : null,
            updatedAt: r.updatedAt.toISOString(),
          }
        : null,
      canEdit: r?.status !== "PUBLISHED",
      canPublish: can(me, "result.publish", units, unit.id) && r?.status !== "PUBLISHED",
      canReopen: !!r && r.status === "PUBLISHED" && can(me, "result.reopen", units, unit.id),
    };
  });
  const unitSet = new Set(unitIds);
  return {
    plan,
    targets: gridTargets,
    units: units
      .filter((u) => unitSet.has(u.id))
      .map((u) => ({ id: u.id, code: u.code, name: u.name, shortName: u.shortName, nameEn: u.nameEn, level: u.level, parentId: u.parentId })),
    cells,
  };
}
