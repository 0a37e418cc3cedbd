import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { periodText, unitName } from "@/components/plans/format";
import { hasPermission, jurisdictionRoots } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listUnits } from "@/lib/data/units";
import { listPlansForActor } from "@/lib/data/workspace";
import { getMessages } from "@/lib/i18n/server";
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
  const [{ work: plans, read: readPlans }, units] = await Promise.all([listPlansForActor(actor), listUnits()]);
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
        <Link href="/workspace/account">{t.workspace.account}</Link>
        <Link href="/workspace/tokens">{t.workspace.tokens}</Link>
        {hasPermission(actor, "user.manage") && <Link href="/workspace/admin/users">{t.workspace.users}</Link>}
        {hasPermission(actor, "audit.read.all") && <Link href="/workspace/admin/audit">{t.workspace.audit}</Link>}
        {hasPermission(actor, "unit.manage") && <Link href="/workspace/admin/units">{messages(locale).unitsAdmin.nav}</Link>}
      </nav>
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
      <table data-plans={read ? "read" : undefined}>
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
              <td>{periodText(p.periodStart, p.periodEnd)}</td>
              {status && <td>{t.pubStatus[p.status]}</td>}
              <td style={{ whiteSpace: "nowrap" }}>{links(p)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
