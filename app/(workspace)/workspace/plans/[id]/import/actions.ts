"use server";
// Import of a filled-in result sheet, on the action pipeline: the form (plan, file, publish?) →
// importResultsFile (read the file, keep the rows that change something, saveResults: every row
// checked first, authorized row by row, all or nothing) → the answer, with the report by row.
// A problem with the file is shown beside the file field; the report's rows are said by the form.
// "Approve and publish" asks first (`confirm`): the file is read and its rows counted, and the
// answer is the question ("Duyệt và công bố 12 dòng từ tệp …?"); only the confirmation's own
// button posts confirm=yes, and only then is anything written.
import { defineAction, type TParsed } from "@/lib/actions/pipeline";
import { ForbiddenError } from "@/lib/auth/permissions";
import { formatNumber } from "@/lib/domain/numbers";
import { failure, type TProblem } from "@/lib/errors";
import { problemText } from "@/lib/i18n/problems";
import { MAX_FILE_BYTES } from "@/lib/spreadsheets/format";
import { countRowsToImport, importResultsFile } from "@/lib/spreadsheets/import-results";
import type { TImportReport, TImportState } from "@/lib/spreadsheets/report";
import { ZId } from "@/lib/validation/fields";

type TInput = { planId: string; file: File | null; publish: boolean };

/** The posted form: the plan, the file (none when nothing was chosen) and the publish box. */
function readImportForm(fd: FormData): TParsed<TInput> {
  const planId = ZId.safeParse(fd.get("planId"));
  if (!planId.success) return { ok: false };
  const file = fd.get("file");
  return { ok: true, data: { planId: planId.data, file: file instanceof File && file.size > 0 ? file : null, publish: fd.get("publish") === "on" } };
}

/** A file's name as the question quotes it (bounded: it comes from the person's computer). */
const shownName = (name: string) => (name.length > 80 ? `${name.slice(0, 77)}…` : name);

export const importResultsAction = defineAction<TInput, { report?: TImportReport }>({
  input: readImportForm,
  // The form keeps the publish box ticked when the question comes back (never the file: a browser cannot be given one).
  keepValues: true,
  confirm: async ({ planId, file, publish }, { actor, locale, m }) => {
    // Drafts need no confirmation; a missing or too large file is refused by the step itself.
    if (!publish || !file || file.size > MAX_FILE_BYTES) return null;
    let count: Awaited<ReturnType<typeof countRowsToImport>>;
    try {
      count = await countRowsToImport(actor, planId, { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch (e) {
      if (e instanceof ForbiddenError) return null; // the step answers it, in its words
      throw e;
    }
    // Busy reading another file: refused now, never published without the question.
    if (!count.ok) return failure("unavailable", { ...count.error, field: "file" });
    return count.rows === null ? null : m.spreadsheets.publishQuestion(formatNumber(count.rows, { locale }), shownName(file.name));
  },
  run: async ({ planId, file, publish }, { actor, locale, m, ip }): Promise<TImportState> => {
    const t = m.spreadsheets;
    const refuseFile = (p: TProblem): TImportState => ({ ok: false, fieldErrors: { file: [problemText(p, locale)] } });
    if (!file) return refuseFile({ code: "file_missing" });
    if (file.size > MAX_FILE_BYTES) return refuseFile({ code: "file_too_large", params: { limit: MAX_FILE_BYTES } });

    let outcome;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      outcome = await importResultsFile(actor, planId, { name: file.name, type: file.type, bytes }, { publish, ...(ip ? { ip } : {}) });
    } catch (e) {
      if (e instanceof ForbiddenError) return { ok: false, message: t.forbidden };
      throw e;
    }

    const n = (x: number) => formatNumber(x, { locale });
    if (!outcome.ok) {
      if (outcome.reason === "not_found") return { ok: false, message: problemText({ code: "sheet_plan_not_found" }, locale) };
      if (outcome.reason === "file") return refuseFile(outcome.error);
      const { report } = outcome;
      const message = report.kind === "forbidden" ? t.rejectedForbidden : report.kind === "conflict" ? t.rejectedConflict : t.rejected(n(report.errors.length));
      return { ok: false, message, report };
    }
    const { report } = outcome;
    return { ok: true, message: report.imported > 0 ? t.imported(n(report.imported)) : t.nothingToImport, report };
  },
  revalidate: ({ planId }) => [`/workspace/plans/${planId}/results`, `/plans/${planId}`],
});
