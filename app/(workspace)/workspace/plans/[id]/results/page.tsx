// Result entry for one plan: its measurable targets × the units in the actor's
// jurisdiction × the years of each target's period (lib/data/results-write
// `listResultsForGrid`). Always fresh (officers edit it). Every write goes through
// ./actions.ts, passed to the grid as props; the data layer authorizes again row by row.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { unitName } from "@/components/plans/format";
import { ResultsGrid } from "@/components/results-grid/results-grid";
import { GridFilter } from "@/components/results-grid/grid-filter";
import { rowKeyOf, type TGridFilter, type TGridGroupView, type THistoryEntryView } from "@/components/results-grid/types";
import { describeTargetRow, type TSpecRow } from "@/lib/data/target-view";
import { can, ForbiddenError, type TActor } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listHistory, type TAuditEntry, type TJson } from "@/lib/data/audit";
import { describeAudit } from "@/lib/data/audit-text";
import { listResultsForGrid, type TGrid } from "@/lib/data/results-write";
import { listUnits, type TUnit } from "@/lib/data/units";
import { groupQualifier } from "@/lib/domain/groups";
import { formatDate, formatDateTime, formatNumber } from "@/lib/domain/numbers";
import { isCellFilter, isResultStatus } from "@/lib/domain/results";
import { needsBaseline } from "@/lib/domain/targets";
import type { Locale } from "@/lib/i18n/locale";
import { getMessages, getLocale } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";
import type { TMessages } from "@/lib/i18n/messages";
import { publishResultsAction, reopenResultAction, saveResultsAction, submitResultsAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const m = messages(await getLocale()).grid;
  return { title: m.title };
}

export default async function PlanResultsPage({ params, searchParams }: Props) {
  const { id } = await params;
  const basePath = `/workspace/plans/${encodeURIComponent(id)}/results`;
  const actor = await requireActor(basePath);
  const { locale, t } = await getMessages();
  const m = messages(locale).grid;
  let grid: TGrid | null;
  try {
    grid = await listResultsForGrid(actor, id);
  } catch (e) {
    if (e instanceof ForbiddenError) forbidden(); // ./forbidden.tsx, status 403
    throw e;
  }
  if (!grid) notFound();

  const units = await listUnits();
  // A plan outside the actor's jurisdiction comes back without cells: say so, show nothing of it.
  const works = can(actor, "result.edit", units, grid.plan.issuerUnitId);
  // A published plan of a unit merged into the actor's: its published figures, to read (docs/domain.md).
  const reads = grid.plan.status === "PUBLISHED" && can(actor, "plan.read", units, grid.plan.issuerUnitId);
  if (grid.cells.length === 0 && !works && !reads) forbidden();
  const readOnly = grid.cells.length > 0 ? grid.cells.every((c) => c.readOnly) : !works;

  const groups = toGroups(grid, actor, units, locale, m);
  const mayPublish = grid.cells.some((c) => c.canPublish);
  const planLabel = `${grid.plan.code ? `${grid.plan.code} – ` : ""}${grid.plan.title}`;

  const sp = await searchParams;
  const historyId = typeof sp.history === "string" ? sp.history : null;
  const history = historyId ? await historyFor(actor, historyId, groups, locale, m) : null;
  const { filter, invalid } = filterOf(sp, grid);
  const years = [...new Set(grid.cells.map((c) => c.year))].sort((a, b) => a - b);

  return (
    <>
      <PlanHead plan={grid.plan} m={m} t={t} readOnly={readOnly} />
      {grid.gaps.length > 0 && (
        <ul className="notice" data-gaps>
          {grid.gaps.map((g) => (
            <li key={g.targetId}>
              {m.gap(
                g.statement,
                unitName(g.unit, locale),
                g.years.length > 1 ? `${g.years[0]}–${g.years[g.years.length - 1]}` : String(g.years[0]),
                g.unit.validTo && g.unit.validTo.getUTCFullYear() < g.years[0]! ? formatDate(g.unit.validTo) : null,
                g.successor ? unitName(g.successor, locale) : null,
              )}
            </li>
          ))}
        </ul>
      )}
      {groups.length === 0 ? (
        <p className="card empty">{readOnly ? m.readOnlyEmpty : m.empty}</p>
      ) : (
        <>
          <p className="muted">{m.qualitativeNote}</p>
          <GridFilter basePath={basePath} filter={filter} years={years} m={m} />
          {invalid.length > 0 && (
            <p className="form-error" role="alert" data-filter-invalid>
              {invalid.map((v) => m.filter.invalid(v)).join(" ")}
            </p>
          )}
          <ResultsGrid
            filter={filter}
            planId={grid.plan.id}
            locale={locale}
            caption={m.caption(planLabel)}
            groups={groups}
            mayPublish={mayPublish}
            readOnly={readOnly}
            basePath={basePath}
            history={history}
            actions={{ save: saveResultsAction, submit: submitResultsAction, publish: publishResultsAction, reopen: reopenResultAction }}
          />
        </>
      )}
    </>
  );
}

/**
 * The rows asked for by the URL (`status`: all, todo, none, draft, submitted, returned, published;
 * `year`: one of the grid's years). A value that is not one of them is named and ignored.
 */
function filterOf(sp: Record<string, string | string[] | undefined>, grid: TGrid): { filter: TGridFilter; invalid: string[] } {
  const invalid: string[] = [];
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() ?? "";
  const statusIn = one(sp.status);
  const yearIn = one(sp.year);
  const status = statusIn === "" ? "all" : isCellFilter(statusIn) ? statusIn : (invalid.push(statusIn.slice(0, 40)), "all");
  const years = new Set(grid.cells.map((c) => c.year));
  const year = yearIn === "" ? null : /^\d{4}$/.test(yearIn) && years.has(Number(yearIn)) ? Number(yearIn) : (invalid.push(yearIn.slice(0, 40)), null);
  return { filter: { status, year }, invalid };
}

/** Where the page is, which plan, and the plan's other pages (public page, download, import). */
function PlanHead({ plan, m, t, readOnly }: { plan: TGrid["plan"]; m: TMessages["grid"]; t: TMessages["common"]; readOnly: boolean }) {
  const title = readOnly ? m.readTitle : m.title;
  return (
    <>
      <nav className="breadcrumbs" aria-label={m.breadcrumb}>
        <ol>
          <li>
            <Link href="/workspace">{m.workspace}</Link>
          </li>
          <li>{plan.code ?? plan.title}</li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{plan.code ? `${title}: ${plan.code}` : title}</h1>
      <p className="lead">{plan.title}</p>
      {!readOnly && <p className="muted">{m.intro}</p>}
      <p className="toolbar">
        {plan.status === "PUBLISHED" && <Link href={`/plans/${plan.id}`}>{m.publicPage}</Link>}
        {!readOnly && (
          <>
            <a href={`/workspace/plans/${plan.id}/export?format=xlsx`}>{t.workspace.downloadGridXlsx}</a>
            <a href={`/workspace/plans/${plan.id}/export?format=csv`}>{t.workspace.downloadGridCsv}</a>
            <Link href={`/workspace/plans/${plan.id}/import`}>{t.workspace.importGrid}</Link>
          </>
        )}
      </p>
    </>
  );
}

function toGroups(grid: TGrid, actor: TActor, units: TUnit[], locale: Locale, m: TMessages["grid"]): TGridGroupView[] {
  const unitById = new Map(grid.units.map((u) => [u.id, u]));
  const groups: TGridGroupView[] = [];
  for (const t of grid.targets) {
    const indicatorName = locale === "en" ? t.indicator.nameEn : t.indicator.name;
    const measureUnit = locale === "en" ? t.indicator.measureUnitEn : t.indicator.measureUnit;
    const text = describeTargetRow({ ...t, kind: t.kind as TSpecRow["kind"] }, locale);
    const group = groupQualifier(t.group, locale);
    const labelWhat = `${indicatorName}${group ? ` (${group})` : ""}`;
    // Every rate asks for its baseline, and so does every kind measured from one (docs/domain.md).
    const asksBaseline = t.valueKind === "rate" || needsBaseline(t.kind);
    const rows = grid.cells
      .filter((c) => c.targetId === t.id)
      .map((c) => {
        const u = unitById.get(c.unitId);
        const r = c.result;
        return {
          key: rowKeyOf(t.id, c.unitCode, c.year),
          targetId: t.id,
          unitCode: c.unitCode,
          unitName: u ? unitName(u, locale) : c.unitCode,
          year: c.year,
          labelWhat,
          measureUnit,
          valueKind: t.valueKind,
          // A factor's baseline is at its reference point; an average decrease's before the period.
          baseline: asksBaseline
            ? { unit: t.valueKind === "rate" ? "%" : measureUnit, endOfYear: t.kind === "INCREASE_FACTOR" ? null : t.kind === "AVERAGE_DECREASE" ? t.periodStart - 1 : c.year - 1 }
            : null,
          result: r
            ? {
                id: r.id,
                valueText: formatNumber(r.value, { locale }),
                valueInput: formatNumber(r.value),
                baselineInput: r.baseline === null ? "" : formatNumber(r.baseline),
                note: r.note ?? "",
                evidenceUrl: r.evidenceUrl ?? "",
                status: r.status,
                version: r.version,
                isDemo: r.isDemo,
                enteredBy: r.enteredBy?.name ?? null,
                updatedAt: formatDateTime(r.updatedAt),
                approvedBy: r.approvedBy?.name ?? null,
                approvedAt: r.approvedAt ? formatDateTime(r.approvedAt) : null,
                returnReason: r.returnReason ?? null,
              }
            : null,
          canEdit: c.canEdit,
          canPublish: c.canPublish,
          canReopen: c.canReopen,
          canReadHistory: can(actor, "audit.read.unit", units, c.unitId),
        };
      });
    if (rows.length === 0) continue;
    groups.push({ target: { id: t.id, text, statement: t.statement, isSub: t.parentId !== null, measureUnit }, rows });
  }
  return groups;
}

/** The history of one result of this grid (listHistory authorizes); null entries = not allowed. */
async function historyFor(actor: TActor, resultId: string, groups: TGridGroupView[], locale: Locale, m: TMessages["grid"]) {
  const row = groups.flatMap((g) => g.rows).find((r) => r.result?.id === resultId);
  if (!row) return null;
  const title = m.history.title(`${row.labelWhat} – ${row.unitName} – ${row.year}`);
  let entries: TAuditEntry[];
  try {
    entries = await listHistory(actor, "result", resultId);
  } catch (e) {
    if (e instanceof ForbiddenError) return { resultId, entries: null, title };
    throw e;
  }
  return { resultId, title, entries: entries.map((e) => historyEntry(e, locale, m)) };
}

function field(j: TJson, name: string): TJson | undefined {
  return j !== null && typeof j === "object" && !Array.isArray(j) ? j[name] : undefined;
}

function historyEntry(e: TAuditEntry, locale: Locale, m: TMessages["grid"]): THistoryEntryView {
  // The sentence of the audit log (lib/data/audit-text.ts, one set of rules): who did what to this value.
  const d = describeAudit(e, locale);
  const status = field(e.after, "status");
  return {
    id: e.id,
    at: formatDateTime(e.at),
    who: [d.email ?? d.actor, d.via].filter(Boolean).join(", "),
    action: d.sentence,
    change: "",
    status: isResultStatus(status) ? m.status[status] : null,
    reason: e.reason,
  };
}
