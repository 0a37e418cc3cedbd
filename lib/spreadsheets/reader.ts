// The downloads for people (docs/api.md, "Downloads for people"): a plan's workbook (its targets
// with wording, unit, period, baseline, target value, latest result, share achieved and status in
// words; its results), a unit's (its plans' targets, its targets by status per document, its
// results) and the progress table's (targets by status, each target's progress). Headers and
// statuses in the reader's language, numbers as numbers (reader-format.ts writes the files).
// Pure: the loaders (reader-load.ts) bring the data from lib/data, the progress from the one
// progress function.
import type { TPlanDetail, TResultRow, TTargetRow } from "../data/plans";
import type { TPlanStatusRow } from "../data/overview";
import { describeTargetRow } from "../data/target-view";
import { num } from "../data/decimal";
import { sourceCitation } from "../domain/citation";
import { groupName } from "../domain/groups";
import { formatDate, formatNumber } from "../domain/numbers";
import type { Progress, ProgressStatus } from "../domain/progress";
import type { Locale } from "../i18n/locale";
import { messages, statusLabel } from "../i18n/messages";
import { asciiSlug, type TReaderBook, type TReaderCell, type TReaderColumn, type TReaderSheet } from "./reader-format";

/** Statuses in reading order, best to worst, then no data (as the status tables on the pages). */
export const READING_ORDER: ProgressStatus[] = ["exceeded", "met", "on_track", "at_risk", "off_track", "missed", "no_data"];

/** Where and when a download comes from: the page's address, the date progress is computed for, today. */
export type TReaderContext = { locale: Locale; asOf: string; today: string; url: string };

const texts = (locale: Locale) => messages(locale).downloads;

type TNamed = { name: string; nameEn: string | null };
const nameIn = (u: TNamed, locale: Locale) => (locale === "en" && u.nameEn ? u.nameEn : u.name);
const periodText = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`);

/** The lines under a title: as of when, the source (this page), the licence. */
function contextLines(ctx: TReaderContext, extra: string[] = []): string[] {
  const tt = texts(ctx.locale).title;
  return [tt.asOf(formatDate(ctx.asOf), formatDate(ctx.today)), ...extra, tt.source(messages(ctx.locale).common.siteName, ctx.url), tt.licence];
}

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

function targetColumns(locale: Locale, withPlan: boolean): TReaderColumn[] {
  const c = texts(locale).columns;
  return [
    ...(withPlan ? [{ key: "plan", header: c.plan, kind: "text" as const, maxWidth: 24 }] : []),
    { key: "target", header: c.target, kind: "text", maxWidth: 60 },
    { key: "statement", header: c.statement, kind: "text", maxWidth: 60 },
    { key: "group", header: c.group, kind: "text", maxWidth: 28 },
    { key: "unit", header: c.unit, kind: "text", maxWidth: 28 },
    { key: "period", header: c.period, kind: "text" },
    { key: "measureUnit", header: c.measureUnit, kind: "text", maxWidth: 20 },
    { key: "baseline", header: c.baseline, kind: "number" },
    { key: "lower", header: c.lower, kind: "number" },
    { key: "upper", header: c.upper, kind: "number" },
    { key: "actual", header: c.actual, kind: "number" },
    { key: "dataYear", header: c.dataYear, kind: "year" },
    { key: "percent", header: c.percent, kind: "percent" },
    { key: "status", header: c.status, kind: "text", maxWidth: 22 },
    { key: "note", header: c.note, kind: "text", maxWidth: 40 },
  ];
}

/** Parents first, each followed by its sub-targets, with their depth (as on the plan page). */
export function targetsInOrder<T extends { id: string; parentId: string | null }>(targets: T[]): { t: T; depth: number }[] {
  const ids = new Set(targets.map((t) => t.id));
  const out: { t: T; depth: number }[] = [];
  const walk = (t: T, depth: number) => {
    out.push({ t, depth });
    if (depth < 10) for (const c of targets.filter((x) => x.parentId === t.id)) walk(c, depth + 1);
  };
  targets.filter((t) => !t.parentId || !ids.has(t.parentId)).forEach((t) => walk(t, 0));
  return out;
}

/** Annual targets: "Đạt k/n năm, m năm chưa có số liệu"; approximate targets say so. */
function targetNote(t: TTargetRow, p: Progress, locale: Locale): string {
  const d = messages(locale).dashboards;
  const notes: string[] = [];
  if (p.totalYears !== undefined && p.year === null) {
    const due = p.dueYears ?? 0;
    const noData = p.noDataYears ?? 0;
    notes.push(due === 0 ? d.noYearDue : d.metInYears(formatNumber(p.metYears ?? 0, { locale }), formatNumber(due, { locale }), noData > 0 ? formatNumber(noData, { locale }) : null));
  }
  if (t.approximate) notes.push(texts(locale).words.approximate);
  return notes.join(" ");
}

/** One target's row: its wording, whom and when it is for, its numbers and its progress in words. */
export function targetRow(t: TTargetRow, depth: number, p: Progress, locale: Locale): Record<string, TReaderCell> {
  const w = texts(locale).words;
  const described = describeTargetRow(t, locale);
  const measureUnit = (locale === "en" ? t.indicator?.measureUnitEn || t.indicator?.measureUnit : t.indicator?.measureUnit) ?? "";
  return {
    target: depth > 0 ? `${"↳ ".repeat(depth)}${w.ofWhich}: ${described}` : described,
    statement: t.statement,
    group: groupName(t.group, locale),
    unit: nameIn(t.unit, locale),
    period: periodText(t.periodStart, t.periodEnd),
    measureUnit,
    baseline: p.baseline ?? t.baseline,
    lower: t.lower,
    upper: t.upper !== null && t.upper !== t.lower ? t.upper : null,
    actual: p.actual,
    dataYear: p.dataYear,
    percent: p.percent,
    status: statusLabel(p.status, locale),
    note: targetNote(t, p, locale),
  };
}

// ---------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------

function resultColumns(locale: Locale): TReaderColumn[] {
  const c = texts(locale).columns;
  return [
    { key: "year", header: c.year, kind: "year" },
    { key: "unit", header: c.resultUnit, kind: "text", maxWidth: 28 },
    { key: "indicator", header: c.indicator, kind: "text", maxWidth: 40 },
    { key: "group", header: c.group, kind: "text", maxWidth: 28 },
    { key: "qualifier", header: c.qualifier, kind: "text" },
    { key: "value", header: c.value, kind: "number" },
    { key: "measureUnit", header: c.measureUnit, kind: "text", maxWidth: 20 },
    { key: "label", header: c.label, kind: "text", maxWidth: 50 },
    { key: "note", header: c.note, kind: "text", maxWidth: 40 },
    { key: "demo", header: c.demo, kind: "text" },
  ];
}

export function resultRow(r: TResultRow, locale: Locale): Record<string, TReaderCell> {
  const w = texts(locale).words;
  return {
    year: r.year,
    unit: nameIn(r.unit, locale),
    indicator: locale === "en" ? r.indicator.nameEn || r.indicator.name : r.indicator.name,
    group: groupName(r.group, locale),
    qualifier: r.qualifier === "OVER" ? w.over : r.qualifier === "ABOUT" ? w.about : "",
    value: num(r.value),
    measureUnit: locale === "en" ? r.indicator.measureUnitEn || r.indicator.measureUnit : r.indicator.measureUnit,
    label: r.label ?? "",
    note: r.note ?? "",
    demo: r.isDemo ? w.yes : "",
  };
}

const byYearThenIndicator = (a: TResultRow, b: TResultRow) => a.year - b.year || a.indicator.name.localeCompare(b.indicator.name, "vi") || a.id.localeCompare(b.id);

function resultsSheet(results: TResultRow[], title: string[], locale: Locale): TReaderSheet {
  return { name: texts(locale).sheets.results, title, columns: resultColumns(locale), rows: [...results].sort(byYearThenIndicator).map((r) => resultRow(r, locale)) };
}

// ---------------------------------------------------------------------------
// A plan
// ---------------------------------------------------------------------------

/** A plan named in a column: its number as issued, else (no number stated) its title. */
const planLabel = (p: { code: string | null; title: string }) => p.code ?? p.title;

/** File name of a plan's download: "ke-hoach-58-KH-UBND" ("plan-…" in English), else the plan's id. */
export function planFileBase(plan: { id: string; code: string | null }, locale: Locale): string {
  return `${texts(locale).fileNames.plan}-${asciiSlug(plan.code ?? "") || asciiSlug(plan.id)}`;
}

/** A plan's workbook: its targets (parents, then their "trong đó") and the results reported for them. */
export function planReaderBook(plan: TPlanDetail, progress: Map<string, Progress>, ctx: TReaderContext): TReaderBook {
  const { locale } = ctx;
  const citation = sourceCitation(plan, locale);
  const citationText = citation ? [citation.text, citation.url].filter(Boolean).join(" ") : "";
  const title = [
    plan.code ? texts(locale).title.plan(plan.code, plan.title) : plan.title,
    ...contextLines(ctx, citationText ? [texts(locale).title.planSource(citationText)] : []),
  ];
  const targets: TReaderSheet = {
    name: texts(locale).sheets.targets,
    title,
    columns: targetColumns(locale, false),
    rows: targetsInOrder(plan.targets).flatMap(({ t, depth }) => {
      const p = progress.get(t.id);
      return p ? [targetRow(t, depth, p, locale)] : [];
    }),
  };
  const results = resultsSheet([...plan.targets.flatMap((t) => t.results), ...plan.reportedResults], title, locale);
  return { fileBase: planFileBase(plan, locale), sheets: [targets, results], csv: targets };
}

// ---------------------------------------------------------------------------
// A unit
// ---------------------------------------------------------------------------

function statusCountColumns(locale: Locale): TReaderColumn[] {
  const c = texts(locale).columns;
  return [...READING_ORDER.map((s) => ({ key: s, header: statusLabel(s, locale), kind: "integer" as const })), { key: "total", header: c.total, kind: "integer" }];
}

/** A unit's workbook: every target of its plans, its targets by status per document, and its published results. */
export function unitReaderBook(
  unit: { key: string; name: string; nameEn: string | null },
  data: { plans: { plan: TPlanDetail; progress: Map<string, Progress> }[]; byPlan: TPlanStatusRow[]; results: TResultRow[] },
  ctx: TReaderContext,
): TReaderBook {
  const { locale } = ctx;
  const c = texts(locale).columns;
  const title = [texts(locale).title.unit(nameIn(unit, locale)), ...contextLines(ctx)];
  const targets: TReaderSheet = {
    name: texts(locale).sheets.targets,
    title,
    columns: targetColumns(locale, true),
    rows: data.plans.flatMap(({ plan, progress }) =>
      targetsInOrder(plan.targets).flatMap(({ t, depth }) => {
        const p = progress.get(t.id);
        return p ? [{ plan: planLabel(plan), ...targetRow(t, depth, p, locale) }] : [];
      }),
    ),
  };
  const byPlan: TReaderSheet = {
    name: texts(locale).sheets.byPlan,
    title,
    columns: [
      { key: "plan", header: c.plan, kind: "text", maxWidth: 24 },
      { key: "planTitle", header: c.planTitle, kind: "text", maxWidth: 60 },
      { key: "issueYear", header: c.issueYear, kind: "year" },
      ...statusCountColumns(locale),
    ],
    rows: data.byPlan.map((p) => ({ plan: p.planCode ?? messages(locale).common.plans.noNumber, planTitle: p.planTitle, issueYear: p.issueYear, ...p.counts })),
  };
  return {
    fileBase: `${texts(locale).fileNames.unit}-${asciiSlug(unit.key)}`,
    sheets: [targets, byPlan, resultsSheet(data.results, title, locale)],
    csv: targets,
  };
}

// ---------------------------------------------------------------------------
// The progress table
// ---------------------------------------------------------------------------

/** One row of the progress table: a target's progress, with the target and its plan when they could be read. */
export type TProgressLine = {
  targetId: string;
  progress: Progress;
  target: TTargetRow | null;
  plan: { code: string | null; title: string } | null;
};

/**
 * The progress table as the home page shows it (published targets by status) and each target's
 * progress; for one unit (with the units below and merged into it), a year, an indicator.
 */
export function progressReaderBook(
  lines: TProgressLine[],
  counts: Record<ProgressStatus | "total", number>,
  scope: { unit: (TNamed & { key: string }) | null; year?: number; indicator?: string },
  ctx: TReaderContext,
): TReaderBook {
  const { locale } = ctx;
  const tx = texts(locale);
  const c = tx.columns;
  const filters = [scope.year ? tx.title.filterYear(String(scope.year)) : null, scope.indicator ? tx.title.filterIndicator(scope.indicator) : null].filter((x): x is string => !!x);
  const title = [
    tx.title.progress(scope.unit ? nameIn(scope.unit, locale) : tx.title.everywhere),
    ...contextLines(ctx, filters.length ? [tx.title.filters(filters.join(", "))] : []),
  ];
  const byStatus: TReaderSheet = {
    name: tx.sheets.byStatus,
    title,
    columns: [
      { key: "status", header: c.statusWords, kind: "text", maxWidth: 24 },
      { key: "targets", header: c.targets, kind: "integer" },
    ],
    rows: [...READING_ORDER.map((s) => ({ status: statusLabel(s, locale), targets: counts[s] })), { status: tx.words.total, targets: counts.total }],
  };
  const columns: TReaderColumn[] = [
    { key: "plan", header: c.plan, kind: "text", maxWidth: 24 },
    ...targetColumns(locale, false).filter((col) => col.key !== "statement" && col.key !== "note"),
    ...(scope.year ? [{ key: "year", header: c.year, kind: "year" as const }] : []),
  ];
  const rows = lines.map(({ targetId, progress: p, target: t, plan }) => {
    const base = t ? targetRow(t, 0, p, locale) : { target: targetId, baseline: p.baseline, actual: p.actual, dataYear: p.dataYear, percent: p.percent, status: statusLabel(p.status, locale) };
    return { plan: plan ? planLabel(plan) : "", ...base, year: p.year };
  });
  const progress: TReaderSheet = { name: tx.sheets.progress, title, columns, rows };
  const suffix = [scope.unit ? asciiSlug(scope.unit.key) : "", scope.year ? String(scope.year) : ""].filter(Boolean).join("-");
  return { fileBase: `${tx.fileNames.progress}${suffix ? `-${suffix}` : ""}`, sheets: [byStatus, progress], csv: progress };
}
