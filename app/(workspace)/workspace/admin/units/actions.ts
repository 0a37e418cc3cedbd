"use server";
// Managing the unit registry (administrators, permission unit.manage, checked by
// lib/data/units-admin.ts). Each action is a schema and a step on the one pipeline
// (lib/actions/pipeline.ts). Reorganisations and loads answer a preview first (what will change,
// and a fingerprint of it); the apply names that fingerprint, so only what was shown is written.
import { z } from "zod";
import { defineAction, type TParsed } from "@/lib/actions/pipeline";
import type { TChangeSummary, TPlanOutcome } from "@/lib/data/units-admin";
import { createUnit, deleteUnit, endUnit, importUnits, renameUnit, reorganiseUnits } from "@/lib/data/units-admin";
import { formatDate, formatNumber } from "@/lib/domain/numbers";
import { isAppError } from "@/lib/errors";
import { inLocale, type Locale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";
import { problemText } from "@/lib/i18n/problems";
import type { TActionState } from "@/lib/validation/action-state";
import { ZUnitKey } from "@/lib/validation/units";
import {
  MAX_UNITS_FILE_BYTES,
  ZPlanIntent,
  ZRegistryDate,
  ZUnitCreate,
  ZUnitEnd,
  ZUnitRename,
  type TPlanPreview,
  type TUnitCreatedState,
  type TUnitPlanState,
} from "@/lib/validation/units-admin";

const PATH = "/workspace/admin/units";

type TPlanExtra = Omit<TUnitPlanState, keyof TActionState>;

/** At most this many lines of a preview are shown (the counts say the rest). */
const PREVIEW_LINES = 40;

function previewOf(s: TChangeSummary, unchanged: boolean, m: TMessages): TPlanPreview {
  const t = m.unitsAdmin.preview;
  const name = (u: { name: string; key: string }) => `${u.name} (${u.key})`;
  const lines = [
    ...s.created.map((u) => t.createdLine(u.name, u.key, u.parent ? name(u.parent) : "—")),
    ...s.renamed.map((u) => t.renamedLine(u.name, u.key, u.newName)),
    ...s.ended.map((u) => {
      const last = formatDate(u.validTo);
      const into = u.into.map(name).join(", ");
      if (u.wasValidTo !== null) return t.linkedOnly(name(u), into);
      if (u.into.length === 0) return t.endedOnly(name(u), last);
      return u.into.length === 1 && u.into[0]!.share === "FULL" ? t.endedWhole(name(u), last, into) : t.endedParts(name(u), last, into);
    }),
  ];
  return { effectiveOn: s.effectiveOn, counts: s.counts, lines: lines.slice(0, PREVIEW_LINES), more: Math.max(0, lines.length - PREVIEW_LINES), unchanged };
}

function planAnswer(outcome: TPlanOutcome, m: TMessages, locale: Locale, done: string): TUnitPlanState {
  const preview = previewOf(outcome.summary, outcome.unchanged, m);
  const c = outcome.summary.counts;
  const total = formatNumber(c.created + c.renamed + c.ended + c.successions, { locale });
  if (outcome.applied) return { ok: true, applied: true, preview, message: `${done} ${m.unitsAdmin.preview.applied(total)}` };
  return { ok: true, applied: false, preview, fingerprint: outcome.fingerprint, message: outcome.unchanged ? m.unitsAdmin.preview.unchanged : m.unitsAdmin.preview.ready(total) };
}

export const createUnitAction = defineAction<z.output<typeof ZUnitCreate>, Pick<TUnitCreatedState, "key">>({
  input: ZUnitCreate,
  keepValues: true,
  run: async (input, { actor, ip, m }) => {
    const u = await createUnit(actor, input, { ip });
    return { ok: true, message: m.unitsAdmin.create.done(u.name, u.key), key: u.key };
  },
  revalidate: () => [PATH],
});

export const renameUnitAction = defineAction<z.output<typeof ZUnitRename>>({
  input: ZUnitRename,
  keepValues: true,
  run: async (input, { actor, ip, m }) => {
    const r = await renameUnit(actor, input, { ip });
    return { ok: true, message: r.changed ? m.unitsAdmin.rename.done(r.unit.name) : m.unitsAdmin.rename.unchanged };
  },
  revalidate: () => [PATH],
});

export const endUnitAction = defineAction<z.output<typeof ZUnitEnd>>({
  input: ZUnitEnd,
  keepValues: true,
  run: async (input, { actor, ip, m }) => {
    const u = await endUnit(actor, input, { ip });
    return { ok: true, message: m.unitsAdmin.end.done(`${u.name} (${u.key})`, formatDate(u.validTo)) };
  },
  revalidate: () => [PATH],
});

export const deleteUnitAction = defineAction<{ key: string }>({
  input: z.object({ key: ZUnitKey }),
  run: async ({ key }, { actor, ip, m }) => {
    const u = await deleteUnit(actor, key, { ip });
    // The unit is gone: back to the page without it, saying so.
    return { ok: true, message: m.unitsAdmin.remove.done(`${u.name} (${u.key})`), next: `${PATH}?deleted=${encodeURIComponent(`${u.name} (${u.key})`)}` };
  },
  revalidate: () => [PATH],
});

const ZReorganiseForm = z.looseObject(ZPlanIntent.shape);

export const reorganiseUnitsAction = defineAction<z.output<typeof ZReorganiseForm>, TPlanExtra>({
  input: ZReorganiseForm,
  keepValues: true,
  run: async (input, { actor, ip, m, locale }) => {
    const { intent, fingerprint, ...form } = input;
    const apply = intent === "apply";
    const outcome = await reorganiseUnits(actor, form as never, { apply, expect: apply ? (fingerprint ?? "") : null }, { ip });
    return planAnswer(outcome, m, locale, m.unitsAdmin.reorganise.done);
  },
  revalidate: () => [PATH],
});

type TImportInput = { units: File | null; successors: File | null; effectiveOn: string; intent: "preview" | "apply"; fingerprint?: string };

/** The posted form: two files (none when nothing was chosen), the date, and which button. */
function readImportForm(fd: FormData): TParsed<TImportInput> {
  const intent = ZPlanIntent.safeParse({ intent: fd.get("intent") ?? undefined, fingerprint: fd.get("fingerprint") ?? undefined });
  if (!intent.success) return { ok: false };
  const file = (name: string) => {
    const f = fd.get(name);
    return f instanceof File && f.size > 0 ? f : null;
  };
  const effectiveOn = fd.get("effectiveOn");
  return { ok: true, data: { units: file("unitsFile"), successors: file("successorsFile"), effectiveOn: typeof effectiveOn === "string" ? effectiveOn : "", ...intent.data } };
}

export const importUnitsAction = defineAction<TImportInput, TPlanExtra>({
  input: readImportForm,
  run: async ({ units, successors, effectiveOn, intent, fingerprint }, { actor, ip, m, locale }): Promise<TUnitPlanState> => {
    const t = m.unitsAdmin.import;
    const fieldErrors: Record<string, string[]> = {};
    const date = ZRegistryDate.safeParse(effectiveOn);
    if (!date.success) fieldErrors.effectiveOn = [inLocale(date.error.issues[0]!.message, locale)];
    const read = async (f: File | null, field: string) => {
      if (!f) return null;
      if (f.size > MAX_UNITS_FILE_BYTES) {
        fieldErrors[field] = [problemText({ code: "registry_file_too_large", params: { limit: MAX_UNITS_FILE_BYTES } }, locale)];
        return null;
      }
      try {
        return { name: f.name, text: new TextDecoder("utf-8", { fatal: true }).decode(await f.arrayBuffer()) };
      } catch {
        fieldErrors[field] = [problemText({ code: "registry_file_not_utf8" }, locale)];
        return null;
      }
    };
    if (!units) fieldErrors.unitsFile = [problemText({ code: "registry_file_missing" }, locale)];
    const unitsText = await read(units, "unitsFile");
    const successorsText = await read(successors, "successorsFile");
    if (Object.keys(fieldErrors).length || !unitsText) return { ok: false, fieldErrors, message: Object.values(fieldErrors)[0]![0] };

    const apply = intent === "apply";
    try {
      const outcome = await importUnits(actor, { units: unitsText, successors: successorsText }, date.data!, { apply, expect: apply ? (fingerprint ?? "") : null }, { ip });
      return planAnswer(outcome, m, locale, t.done);
    } catch (e) {
      // Refused rows: a table of file, line and problem; nothing was written.
      if (!isAppError(e) || e.kind === "forbidden") throw e;
      const fileOf = (field: string | undefined) => (field === "unitsFile" ? (units?.name ?? t.fileUnits) : field === "successorsFile" ? (successors?.name ?? t.fileSuccessors) : "");
      const problems = e.problems.map((p) => ({ file: fileOf(p.field), line: typeof p.params?.line === "number" ? p.params.line : null, message: problemText(p, locale) }));
      const atRows = problems.filter((p) => p.file !== "");
      return {
        ok: false,
        message: atRows.length ? t.problemsTitle(formatNumber(problems.length, { locale })) : problems.map((p) => p.message).join(" "),
        // (Not named "problems": an answer with ok false and problems is the pipeline's TFailure.)
        ...(atRows.length ? { rowProblems: problems.slice(0, 200) } : {}),
      };
    }
  },
  revalidate: () => [PATH],
});
