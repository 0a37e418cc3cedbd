import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { periodText, unitName } from "@/components/plans/format";
import { hasPermission, jurisdictionRoots } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listUnits } from "@/lib/data/units";
import { countInbox } from "@/lib/data/results-write";
import { listPlansForActor, type TDue, type TDueEntry } from "@/lib/data/workspace";
import { getMessages } from "@/lib/i18n/server";
import styles from "./workspace.module.css";
import { messages, type TMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.workspace.title };
}

export default async function WorkspacePage() {
  const actor = await requireActor("/workspace");
  const { locale, t } = await getMessages();
  const [{ work: plans, read: readPlans, due }, units, waiting] = await Promise.all([
    listPlansForActor(actor),
    listUnits(),
    hasPermission(actor, "result.publish") ? countInbox(actor) : Promise.resolve(null),
  ]);
  const [unit, ...successors] = jurisdictionRoots(actor, units).flatMap((id) => units.filter((u) => u.id === id));
  return (
    <>
      <h1>{t.workspace.hello(actor.name)}</h1>
      <dl className="facts card">
        <dt>{t.workspace.role}</dt>
        <dd>{t.workspace.roles[actor.role]}</dd>
        <dt>{t.workspace.jurisdiction}</dt>
        <dd>
          {unit ? unitName(unit, locale) : t.workspace.wholeCountry}
          {successors.map((u) => ` ${t.workspace.alsoSuccessor(unitName(u, locale))}`).join("")}
        </dd>
      </dl>
      <nav aria-label={t.workspace.title} className="toolbar">
        {waiting !== null && (
          <Link href="/workspace/inbox" data-inbox-count={waiting}>
            {messages(locale).workflow.inbox.link(waiting)}
          </Link>
        )}
        <Link href="/workspace/account">{t.workspace.account}</Link>
        <Link href="/workspace/tokens">{t.workspace.tokens}</Link>
        {hasPermission(actor, "user.manage") && <Link href="/workspace/admin/users">{t.workspace.users}</Link>}
        {hasPermission(actor, "audit.read.all") && <Link href="/workspace/admin/audit">{t.workspace.audit}</Link>}
        {hasPermission(actor, "unit.manage") && <Link href="/workspace/admin/units">{messages(locale).unitsAdmin.nav}</Link>}
      </nav>
      <DueLists due={due} locale={locale} />
      <h2>{t.workspace.plans}</h2>
      {hasPermission(actor, "plan.edit") && (
        <p>
          <Link href="/workspace/plans/new" className="button">
            + {messages(locale).authoring.newPlan}
          </Link>
        </p>
      )}
      {plans.length === 0 ? (
        <p className="muted">{t.workspace.noPlans}</p>
      ) : (
        <PlansTable
          plans={plans}
          caption={t.workspace.plans}
          status
          t={t}
          locale={locale}
          links={(p) => (
            <>
              {p._count.targets > 0 && <Link href={`/workspace/plans/${p.id}/results`}>{t.workspace.enterResults}</Link>}
              {hasPermission(actor, "plan.edit") && (
                <div>
                  <Link href={`/workspace/plans/${p.id}/edit`}>{messages(locale).authoring.editPlan}</Link>
                </div>
              )}
              {p.status === "PUBLISHED" && (
                <div>
                  <Link href={`/plans/${p.id}`}>{t.workspace.view}</Link>
                </div>
              )}
            </>
          )}
        />
      )}
      {readPlans.length > 0 && (
        <section aria-labelledby="read-plans">
          <h2 id="read-plans">{t.workspace.readPlans}</h2>
          <p className="muted">{t.workspace.readPlansIntro}</p>
          <PlansTable
            plans={readPlans}
            caption={t.workspace.readPlans}
            read
            t={t}
            locale={locale}
            links={(p) => (
              <>
                {p._count.targets > 0 && <Link href={`/workspace/plans/${p.id}/results`}>{t.workspace.readResults}</Link>}
                <div>
                  <Link href={`/plans/${p.id}`}>{t.workspace.view}</Link>
                </div>
              </>
            )}
          />
        </section>
      )}
    </>
  );
}

/** How many entries of one due list show before the rest fold away. */
const DUE_SHOWN = 8;

/**
 * "Việc cần làm": the cells to report by year (latest first), the values returned, the values
 * waiting for approval; each entry links to the plan's grid filtered to exactly those rows.
 */
function DueLists({ due, locale }: { due: TDue; locale: Locale }) {
  const w = messages(locale).workflow.due;
  const grid = (e: TDueEntry, status: string) => `/workspace/plans/${encodeURIComponent(e.plan.id)}/results?status=${status}&year=${e.year}`;
  const planLabel = (e: TDueEntry) => e.plan.code ?? (e.plan.title.length > 90 ? `${e.plan.title.slice(0, 87)}…` : e.plan.title);
  const items = (entries: TDueEntry[], kind: "todo" | "returned" | "submitted", withYear: boolean) => (
    <ul className={styles.dueList}>
      {entries.map((e) => (
        <li key={`${e.plan.id}|${e.year}`} data-due={kind} data-plan-id={e.plan.id} data-year={e.year}>
          <Link href={grid(e, kind)}>
            {planLabel(e)}
            {withYear && ` – ${w.year(e.year)}`}
          </Link>
          : {kind === "todo" ? w.cells(e.count, e.empty) : w.values(e.count)}
          {e.plan.code && <div className="muted">{e.plan.title}</div>}
        </li>
      ))}
    </ul>
  );
  // A long list (an administrator's covers the whole country) shows its first entries; the rest fold away.
  const list = (entries: TDueEntry[], kind: "todo" | "returned" | "submitted", withYear: boolean) => (
    <>
      {items(entries.slice(0, DUE_SHOWN), kind, withYear)}
      {entries.length > DUE_SHOWN && (
        <details className={styles.dueMore}>
          <summary>{w.more(entries.length - DUE_SHOWN)}</summary>
          {items(entries.slice(DUE_SHOWN), kind, withYear)}
        </details>
      )}
    </>
  );
  const nothing = due.toReport.length === 0 && due.returned.length === 0 && due.submitted.length === 0;
  return (
    <section aria-labelledby="due" className={styles.due}>
      <h2 id="due">{w.title}</h2>
      {nothing && <p className="muted">{w.nothing(due.lastEndedYear)}</p>}
      {due.toReport.map(({ year, entries }) => (
        <section key={year} aria-labelledby={`due-${year}`} data-due-group="todo" data-year={year}>
          <h3 id={`due-${year}`}>{w.toReport(year)}</h3>
          {year === due.toReport[0]!.year && <p className="muted">{w.toReportIntro}</p>}
          {list(entries, "todo", false)}
        </section>
      ))}
      {(
        [
          ["returned", due.returned, w.returned, w.returnedIntro],
          ["submitted", due.submitted, w.submitted, w.submittedIntro],
        ] as const
      ).map(
        ([kind, entries, title, intro]) =>
          entries.length > 0 && (
            <section key={kind} aria-labelledby={`due-${kind}`} data-due-group={kind}>
              <h3 id={`due-${kind}`}>{title}</h3>
              <p className="muted">{intro}</p>
              {list(entries, kind, true)}
            </section>
          ),
      )}
    </section>
  );
}

type TWorkspacePlan = Awaited<ReturnType<typeof listPlansForActor>>["work"][number];

/** The workspace's table of plans: number, title and issuer, period, status (when asked), and the links given. */
function PlansTable({
  plans,
  caption,
  status = false,
  read = false,
  t,
  locale,
  links,
}: {
  plans: TWorkspacePlan[];
  caption: string;
  status?: boolean;
  read?: boolean;
  t: TMessages["common"];
  locale: Locale;
  links: (p: TWorkspacePlan) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table data-plans={read ? "read" : undefined} className="stack-on-phone">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.plan.code}</th>
            <th scope="col">{t.plans.title}</th>
            <th scope="col">{t.plan.period}</th>
            {status && <th scope="col">{t.workspace.status}</th>}
            <th scope="col">
              <span className="sr-only">{read ? t.workspace.readResults : t.workspace.enterResults}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <td className="code">{p.code ?? t.plans.noNumber}</td>
              <td>
                {p.title}
                <div className="muted">{unitName(p.issuerUnit, locale)}</div>
              </td>
              <td data-label={t.plan.period}>{periodText(p.periodStart, p.periodEnd)}</td>
              {status && <td data-label={t.workspace.status}>{t.pubStatus[p.status]}</td>}
              <td style={{ whiteSpace: "nowrap" }}>{links(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
