// GET /workspace/admin/audit/export?format=csv|xlsx&q=&person=&unit=&action=&entity=&from=&to=
// The audit log as the page filters it, every matching entry (at most AUDIT_EXPORT_MAX), for
// administrators (audit.read.all): headers and texts in the reader's language, each entry's
// sentence, record, unit and link, and the raw before/after as JSON for auditors.
// Signed-out browsers are sent to the sign-in page (one that must choose a new password first, to its account page); anything else gets a JSON error in the
// reader's language: 401, 403, 400 for a filter that cannot be read, 413 for too many entries.
import type { NextRequest } from "next/server";
import { ApiError, csvResponse, withApiErrors } from "@/lib/api/http";
import { xlsxResponse } from "@/lib/api/xlsx";
import { can } from "@/lib/auth/permissions";
import { actorForRoute } from "@/lib/auth/session";
import { AUDIT_EXPORT_MAX, listAuditForExport } from "@/lib/data/audit";
import { auditQueryProblemText, parseAuditQuery } from "@/lib/data/audit-query";
import { auditTable } from "@/lib/data/audit-text";
import { formatNumber, isoDateInTimeZone } from "@/lib/domain/numbers";
import { auditMessages } from "@/lib/i18n/audit";
import { getLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

const PRIVATE = "private, no-store";

export const GET = withApiErrors(async (req: NextRequest) => {
  const locale = await getLocale();
  const m = auditMessages[locale];
  const actor = await actorForRoute(req, `/workspace/admin/audit${req.nextUrl.search}`);
  if (actor instanceof Response) return actor;
  if (!actor) throw new ApiError("unauthorized", m.errors.signedOut);
  if (!can(actor, "audit.read.all")) throw new ApiError("forbidden", m.forbidden);

  const sp = req.nextUrl.searchParams;
  const format = (sp.get("format") ?? "csv").trim();
  if (format !== "csv" && format !== "xlsx") throw new ApiError("bad_request", m.errors.exportFormat(format.slice(0, 20)));
  const query = parseAuditQuery(sp);
  // A download holds every page: the page number does not matter.
  const problems = query.problems.filter((p) => p.code !== "page").map((p) => auditQueryProblemText(p, locale));
  if (problems.length) throw new ApiError("bad_request", problems.join(" "));
  const { filter } = query;
  delete filter.page;

  const { items, total, unitMissing } = await listAuditForExport(actor, filter);
  if (unitMissing && filter.unit) throw new ApiError("bad_request", m.errors.unitUnknown(filter.unit));
  if (!items) throw new ApiError("too_large", m.errors.exportTooMany(formatNumber(total, { locale }), formatNumber(AUDIT_EXPORT_MAX, { locale })));

  const { columns, rows } = auditTable(items, locale, req.nextUrl.origin);
  const name = `${m.download.file}-${isoDateInTimeZone()}.${format}`;
  const res = format === "csv" ? csvResponse(name, columns, rows) : await xlsxResponse(name, [{ name: m.download.sheet, columns, rows }]);
  res.headers.set("cache-control", PRIVATE);
  return res;
});
