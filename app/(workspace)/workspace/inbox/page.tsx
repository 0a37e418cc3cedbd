// The approval inbox: every value submitted for approval in the approver's jurisdiction,
// across plans (lib/data/results-write `listInbox`), 50 a page, filtered by plan, unit and year
// (GET parameters `plan`, `unit`, `year`, `page`); approve or return them in bulk through
// ./actions.ts, passed to the list as a prop. For provincial officers and administrators
// (permission result.publish); district and commune staff get a 403 message.
import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { AccountNav } from "@/components/account/account-nav";
import { unitName } from "@/components/plans/format";
import { ApprovalInbox } from "@/components/results-grid/approval-inbox";
import type { TInboxItemView } from "@/components/results-grid/types";
import { SelectField } from "@/components/ui/select-field";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listInbox, type TInbox, type TInboxFilter } from "@/lib/data/results-write";
import { groupQualifier } from "@/lib/domain/groups";
import { formatDateTime, formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import { getMessages } from "@/lib/i18n/server";
import { decideInboxAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getMessages();
  return { title: messages(locale).workflow.inbox.title };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || null;

/** The URL's filter; anything malformed is passed on as is and dropped (and named) by listInbox. */
function filterOf(sp: Record<string, string | string[] | undefined>): TInboxFilter {
  const year = one(sp.year);
  const page = one(sp.page);
  return {
    planId: one(sp.plan)?.slice(0, 100) ?? null,
    unitKey: one(sp.unit)?.slice(0, 20) ?? null,
    year: year === null ? null : /^\d{4}$/.test(year) ? Number(year) : -1,
    page: page === null ? null : /^\d{1,6}$/.test(page) ? Number(page) : -1,
  };
}

export default async function InboxPage({ searchParams }: Props) {
  const actor = await requireActor("/workspace/inbox");
  const { locale, t: dict } = await getMessages();
  const all = messages(locale);
  const t = all.workflow.inbox;
  if (!hasPermission(actor, "result.publish")) forbidden(); // ./forbidden.tsx, status 403
  const inbox = await listInbox(actor, filterOf(await searchParams));
  const { filter } = inbox;
  const query = (over: Record<string, string | number | null>) => {
    const q = new URLSearchParams();
    const values = { plan: filter.planId, unit: filter.unitKey, year: filter.year, ...over };
    for (const [k, v] of Object.entries(values)) if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
    const s = q.toString();
    return s ? `/workspace/inbox?${s}` : "/workspace/inbox";
  };
  const filtered = filter.planId !== null || filter.unitKey !== null || filter.year !== null;
  const from = (inbox.page - 1) * inbox.pageSize + 1;
  const to = Math.min(inbox.total, inbox.page * inbox.pageSize);

  return (
    <>
      <AccountNav actor={actor} current="inbox" t={all.accounts} workspaceLabel={dict.workspace.title} />
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <p className="muted" data-inbox-waiting={inbox.waiting}>
        {t.waiting(inbox.waiting)}
      </p>

      {inbox.waiting > 0 && (
        <form method="get" action="/workspace/inbox" className="filters" aria-label={t.filter.legend}>
          <SelectField
            id="plan"
            label={t.filter.plan}
            value={filter.planId ?? ""}
            any={t.filter.all}
            options={inbox.choices.plans.map((p) => ({ value: p.id, label: `${p.code ?? all.workflow.due.noNumber} – ${shorten(p.title)} (${p.count})` }))}
          />
          <SelectField
            id="unit"
            label={t.filter.unit}
            value={filter.unitKey ?? ""}
            any={t.filter.all}
            options={inbox.choices.units.map((u) => ({ value: u.key, label: `${unitName(u, locale)} (${u.count})` }))}
          />
          <SelectField id="year" label={t.filter.year} value={filter.year === null ? "" : String(filter.year)} any={t.filter.all} options={inbox.choices.years.map((y) => ({ value: String(y.year), label: `${y.year} (${y.count})` }))} />
          <div className="actions">
            <button type="submit" className="button secondary">
              {t.filter.apply}
            </button>
            {filtered && <Link href="/workspace/inbox">{t.filter.clear}</Link>}
          </div>
        </form>
      )}
      {inbox.dropped.length > 0 && (
        <p className="form-error" role="alert" data-filter-dropped>
          {inbox.dropped.map((d) => t.dropped(t.droppedWhat[d] ?? d)).join(" ")}
        </p>
      )}

      {inbox.items.length > 0 && <p className="muted">{t.shown(from, to, inbox.total)}</p>}
      {/* Always there, even empty: the answer to the last decision stays shown when nothing is left. */}
      <ApprovalInbox locale={locale} items={itemViews(inbox, locale)} caption={t.caption} empty={filtered ? t.emptyFiltered : t.empty} decide={decideInboxAction} />
      {inbox.items.length > 0 && (
        <>
          {inbox.pageCount > 1 && (
            <nav className="pagination" aria-label={t.pages}>
              {inbox.page > 1 ? <Link href={query({ page: inbox.page - 1 })}>{t.prev}</Link> : <span />}
              <span>{t.page(inbox.page, inbox.pageCount)}</span>
              {inbox.page < inbox.pageCount ? <Link href={query({ page: inbox.page + 1 })}>{t.next}</Link> : <span />}
            </nav>
          )}
        </>
      )}
    </>
  );
}

const shorten = (s: string) => (s.length > 70 ? `${s.slice(0, 67)}…` : s);

/** The page's values, formatted for the reader (Vietnamese numbers, local times). */
function itemViews(inbox: TInbox, locale: Locale): TInboxItemView[] {
  return inbox.items.map((i) => {
    const unit = locale === "en" ? i.indicator.measureUnitEn : i.indicator.measureUnit;
    const withUnit = (v: number) => `${formatNumber(v, { locale })}${unit === "%" ? "%" : unit ? ` ${unit}` : ""}`;
    const indicator = `${locale === "en" ? i.indicator.nameEn : i.indicator.name}${groupQualifier(i.group, locale) ? ` (${groupQualifier(i.group, locale)})` : ""}`;
    const plan = i.target?.plan;
    return {
      id: i.id,
      version: i.version,
      unitName: unitName(i.unit, locale),
      year: i.year,
      target: i.target?.statement ?? indicator,
      plan: plan
        ? { label: plan.code ? messages(locale).workflow.inbox.plan(plan.code) : shorten(plan.title), href: `/workspace/plans/${plan.id}/results?status=submitted&year=${i.year}` }
        : null,
      value: withUnit(i.value),
      baseline: i.baseline === null ? null : withUnit(i.baseline),
      submittedBy: i.submittedBy,
      submittedAt: formatDateTime(i.submittedAt),
      isDemo: i.isDemo,
    };
  });
}
