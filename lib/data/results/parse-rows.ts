// A row of a batch through its schema (lib/validation/results.ts), its problems as the
// error model wants them (lib/errors.ts): a code and parameters, never a sentence. What the
// schema refused carries the schema's own message ("tiếng Việt / English"); a number THE
// parser refused carries the parser's code and the text as typed, so the screen says the
// parser's message in the reader's language (lib/i18n/problems/results.ts).
import { parseVietnameseNumber, type NumberMeasure } from "../../domain/numbers";
import type { TRowProblem } from "../../domain/results";
import type { TParams } from "../../errors";
import { numberErrorsForMeasure, parseResultInput, ZResultInput, ZReopenReason, type TResultData } from "../../validation/results";

type TParsedRow = { ok: true; data: TResultData } | { ok: false; problems: TRowProblem[] };

const typedAt = (input: unknown, field: string | undefined): unknown =>
  field && input !== null && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined;

/** The parameters that let a screen say a refused number: the parser's code and the typed text. */
function numberParams(typed: string, measure?: NumberMeasure): TParams | null {
  const parsed = parseVietnameseNumber(typed, { measure });
  if (parsed.ok) return null;
  return { parserCode: parsed.code, input: typed, ...(measure ? { measure: measure.measure, measureUnit: measure.measureUnit ?? null } : {}) };
}

/** One row, parsed; on failure one problem per offending field. */
export function parseRow(input: unknown): TParsedRow {
  const r = parseResultInput(input);
  if (r.ok) return r;
  const problems = r.errors.map((e): TRowProblem => {
    const typed = typedAt(input, e.field);
    const parser = e.code === "invalid_number" && typeof typed === "string" ? numberParams(typed) : null;
    return { ...(e.field ? { field: e.field } : {}), code: e.code, params: parser ?? { message: e.message } };
  });
  return { ok: false, problems };
}

/**
 * THE parser again on the row's text numbers, now that the target's measure is known
 * ("18,000" for a count is ambiguous): one problem per field it refuses.
 */
export function measureProblems(input: unknown, measure: NumberMeasure): TRowProblem[] {
  return numberErrorsForMeasure(input, measure).flatMap((e): TRowProblem[] => {
    const params = numberParams(String(typedAt(input, e.field)), measure);
    return params ? [{ ...(e.field ? { field: e.field } : {}), code: "invalid_number", params }] : [];
  });
}

/** A reopening's reason and the version it was asked for, checked by the schemas rows use. */
export function parseReopen(reason: unknown, version: unknown): { ok: true; reason: string } | { ok: false; problems: TRowProblem[] } {
  const r = ZReopenReason.safeParse(reason);
  const v = ZResultInput.shape.version.safeParse(version);
  const versionOk = v.success && v.data !== undefined;
  if (r.success && versionOk) return { ok: true, reason: r.data };
  const problems: TRowProblem[] = [];
  if (!r.success) problems.push({ field: "reason", code: "required", params: { message: r.error.issues[0]?.message ?? null } });
  if (!versionOk) problems.push({ field: "version", code: "invalid", params: { message: v.success ? null : (v.error.issues[0]?.message ?? null) } });
  return { ok: false, problems };
}
