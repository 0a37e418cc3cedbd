"use server";
// Import of a filled-in result sheet: session → file (size) → read → saveResults
// (all or nothing, every row checked first, per row authorization) → revalidate.
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getActor } from "@/lib/auth/session";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { fileErrorMessage } from "@/lib/i18n/spreadsheets";
import { inLocale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/i18n/server";
import { formatNumber } from "@/lib/domain/numbers";
import { MAX_FILE_BYTES, type TImportState } from "@/lib/spreadsheets/grid-file";
import { importResultsFile } from "@/lib/spreadsheets/import-results";
import { messages } from "@/lib/i18n/messages";

export async function importResultsAction(planId: string, _prev: TImportState, formData: FormData): Promise<TImportState> {
  const locale = await getLocale();
  const t = messages(locale).spreadsheets;
  const actor = await getActor();
  if (!actor) return { ok: false, message: t.signInAgain };

  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { ok: false, fieldErrors: { file: [t.noFile] } };
  if (file.size > MAX_FILE_BYTES) return { ok: false, fieldErrors: { file: [fileErrorMessage({ code: "too_large", limit: MAX_FILE_BYTES }, locale)] } };
  const publish = formData.get("publish") === "on";

  let outcome;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const ip = clientIpFrom(await headers());
    outcome = await importResultsFile(actor, String(planId), { name: file.name, type: file.type, bytes }, { publish, ...(ip ? { ip } : {}) });
  } catch (e) {
    if (e instanceof ForbiddenError) return { ok: false, message: t.forbidden };
    console.error("result import failed", e);
    return { ok: false, message: t.unexpected };
  }

  const n = (x: number) => formatNumber(x, { locale });
  if (!outcome.ok) {
    if (outcome.reason === "not_found") return { ok: false, message: t.notFound };
    if (outcome.reason === "file") return { ok: false, fieldErrors: { file: [fileErrorMessage(outcome.error, locale)] } };
    const report = { ...outcome.report, errors: outcome.report.errors.map((e) => ({ ...e, message: inLocale(e.message, locale) })) };
    const message = report.status === 403 ? t.rejectedForbidden : report.status === 409 ? t.rejectedConflict : t.rejected(n(report.errors.length));
    return { ok: false, message, report };
  }
  const { report } = outcome;
  if (report.imported > 0) {
    revalidatePath(`/workspace/plans/${planId}/results`);
    revalidatePath(`/plans/${planId}`);
  }
  return { ok: true, message: report.imported > 0 ? t.imported(n(report.imported)) : t.nothingToImport, report };
}
