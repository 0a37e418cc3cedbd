import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/authoring/action-form";
import { PasteTargets } from "@/components/authoring/paste-targets";
import { PlanForm } from "@/components/authoring/plan-form";
import { TargetForm, type TTargetFormValues } from "@/components/authoring/target-form";
import { chosenUnit, pickerUnitOfHit } from "@/components/forms/unit-picker-format";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { num } from "@/lib/data/decimal";
import { getPlanForEdit, listAuthoringChoices } from "@/lib/data/plans-write";
import { listUnits } from "@/lib/data/units";
import { getUnitHitsByKey } from "@/lib/data/units-search";
import { formatDate, formatNumber } from "@/lib/domain/numbers";
import { WHOLE_POPULATION } from "@/lib/domain/groups";
import { describeTargetRow } from "@/lib/data/target-view";
import { publishQuestion } from "@/lib/i18n/authoring";
import { problemText } from "@/lib/i18n/problems";
import { getMessages } from "@/lib/i18n/server";
import { deleteTargetAction, publishPlanAction, reopenPlanAction, saveTargetAction, updatePlanAction } from "../../authoring-actions";
import { isId } from "@/lib/domain/ids";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { m: { authoring: m } } = await getMessages();
  return { title: m.editPlan };
}

const fmt = (v: { toString(): string } | null) => (v === null ? "" : formatNumber(num(v)));

export default async function EditPlanPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/workspace/plans/${id}/edit`);
  const { locale, t, m: { authoring: m } } = await getMessages();
  if (!isId(id)) notFound();
  const plan = await getPlanForEdit(actor, id);
  if (!plan) {
    return (
      <div className="card empty" role="alert">
        <h1>403 / 404</h1>
        <p>{m.forbidden}</p>
        <p>
          <Link href="/workspace">{t.auth.workspace}</Link>
        </p>
      </div>
    );
  }
  const [choices, units] = await Promise.all([listAuthoringChoices(actor), listUnits()]);
  // The units already chosen (the issuing unit, the targets' units), shown in their pickers by name.
  const chosen = await getUnitHitsByKey([plan.issuerUnit.key, ...plan.targets.map((tg) => tg.unit.key)]);
  const chosenOf = (key: string) => {
    const hit = chosen.get(key);
    return hit ? chosenUnit(pickerUnitOfHit(hit), m.unitPicker) : { key };
  };
  const unitSearch = {
    filters: { levels: choices.unitSearch.levels, within: choices.unitSearch.within ?? undefined },
    pinned: choices.unitSearch.ownUnits.map(pickerUnitOfHit),
  };
  const locked = plan.status === "PUBLISHED";
  const mayPublish = can(actor, "plan.publish", units, plan.issuerUnitId);
  const sp = await searchParams;
  const banner = sp.created === "1" ? m.created : sp.done === "published" ? m.published : sp.done === "reopened" ? m.reopened : null;
  const targetLabel = (tg: (typeof plan.targets)[number]) =>
    describeTargetRow({ ...tg, lower: num(tg.lower), upper: num(tg.upper), baseline: num(tg.baseline), equivalentValue: num(tg.equivalentValue) }, locale);
  const parents = plan.targets.map((tg) => ({ id: tg.id, label: targetLabel(tg) }));
  // What every target form of the plan shares: editing a target and adding one.
  const targetForm = { m, locale, planId: plan.id, indicators: choices.indicators, unitSearch, groups: choices.groups, parents, action: saveTargetAction };
  const targetValues = (tg?: (typeof plan.targets)[number]): TTargetFormValues => ({
    targetId: tg?.id ?? "",
    indicatorCode: tg?.indicator?.code ?? "",
    unitCode: tg?.unit.key ?? plan.issuerUnit.key,
    groupCode: tg?.group.code ?? WHOLE_POPULATION,
    kind: tg?.kind ?? "",
    lower: tg ? fmt(tg.lower) : "",
    upper: tg ? fmt(tg.upper) : "",
    strict: tg?.strict ?? false,
    approximate: tg?.approximate ?? false,
    baseline: tg ? fmt(tg.baseline) : "",
    periodStart: String(tg?.periodStart ?? plan.periodStart),
    periodEnd: String(tg?.periodEnd ?? plan.periodEnd),
    annual: tg?.annual ?? false,
    parentId: tg?.parentId ?? "",
    equivalentValue: tg ? fmt(tg.equivalentValue) : "",
    equivalentUnit: tg?.equivalentUnit ?? "",
    statement: tg?.statement ?? "",
    version: tg ? String(tg.version) : "",
  });

  return (
    <>
      <nav className="breadcrumbs" aria-label={t.workspace.breadcrumb}>
        <ol>
          <li>
            <Link href="/workspace">{t.auth.workspace}</Link>
          </li>
          <li aria-current="page">{plan.code ?? t.plans.noNumber}</li>
        </ol>
      </nav>
      <h1>{m.editPlan}</h1>
      {banner && (
        <p className="form-ok" role="status">
          {banner}
        </p>
      )}
      <div className="card toolbar" style={{ alignItems: "center", justifyContent: "space-between" }}>
        <span>
          {m.status}: <strong>{t.pubStatus[plan.status]}</strong>
        </span>
        <span className="toolbar">
          {plan.targets.length > 0 && <Link href={`/workspace/plans/${plan.id}/results`}>{m.enterResults}</Link>}
          {plan.status === "PUBLISHED" && <Link href={`/plans/${plan.id}`}>{t.workspace.view}</Link>}
        </span>
        {mayPublish && !locked && (
          // Not the most prominent button of a draft (saving is): outlined, and it asks first, saying how many targets go public.
          <ActionForm
            action={publishPlanAction}
            hidden={{ planId: plan.id }}
            label={m.publish}
            pendingLabel={m.saving}
            hint={m.publishHint}
            idPrefix="publish"
            variant="secondary"
            confirm={{
              title: m.publishTitle,
              question: publishQuestion(m, plan.code ?? `“${plan.title}”`, plan.targets.length),
              confirm: m.publishConfirm,
              cancel: m.cancel,
            }}
            unavailable={plan.targets.length === 0 ? problemText({ code: "plan_no_targets" }, locale) : null}
          />
        )}
        {mayPublish && locked && (
          <ActionForm action={reopenPlanAction} hidden={{ planId: plan.id }} label={m.reopen} pendingLabel={m.saving} reasonLabel={m.reopenReason} variant="secondary" idPrefix="reopen" />
        )}
      </div>
      {locked && <p className="muted">{m.locked}</p>}

      <PlanForm
        m={m}
        locale={locale}
        docTypes={t.docTypes}
        unitSearch={unitSearch}
        issuerUnit={chosenOf(plan.issuerUnit.key)}
        programmes={choices.programmes}
        action={updatePlanAction}
        hidden={{ planId: plan.id, updatedAt: plan.updatedAt.toISOString() }}
        submitLabel={m.save}
        disabled={locked}
        values={{
          code: plan.code ?? "",
          type: plan.type,
          issuer: plan.issuer,
          issuerUnitCode: plan.issuerUnit.key,
          issuedOn: plan.issuedOn ? formatDate(plan.issuedOn) : "",
          title: plan.title,
          summary: plan.summary ?? "",
          periodStart: String(plan.periodStart),
          periodEnd: String(plan.periodEnd),
          programmeCode: plan.programme?.code ?? "",
          sourceUrl: plan.sourceUrl ?? "",
          sourceNote: plan.sourceNote ?? "",
          citations: plan.citations.map((c) => ({ code: c.code ?? "", type: c.type, issuer: c.issuer, issuedOn: c.issuedOn ? formatDate(c.issuedOn) : "", title: c.title ?? "" })),
          tasks: plan.tasks.map((x) => ({ description: x.description, responsible: x.responsible })),
        }}
      />

      <h2>{m.targets}</h2>
      {plan.targets.length === 0 ? (
        <p className="muted">{m.noTargets}</p>
      ) : (
        <ul className="plan-list">
          {plan.targets.map((tg) => (
            <li key={tg.id} data-target-id={tg.id}>
              {tg.parentId && <span className="sub-mark">↳ {t.plan.ofWhich}</span>}
              <strong>{targetLabel(tg)}</strong>
              <div className="muted">
                “{tg.statement}” — {tg.unit.name}
                {tg._count.results > 0 && ` — ${tg._count.results} ${m.results}`}
              </div>
              {!locked && (
                <>
                  <details className="target-edit">
                    <summary>{m.editTarget}</summary>
                    <TargetForm {...targetForm} unit={chosenOf(tg.unit.key)} values={targetValues(tg)} submitLabel={m.save} idPrefix={`t-${tg.id}`} />
                  </details>
                  <ActionForm action={deleteTargetAction} hidden={{ planId: plan.id, targetId: tg.id, version: String(tg.version) }} label={m.delete} pendingLabel={m.saving} variant="link" idPrefix={`del-${tg.id}`} />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {!locked && (
        // "Dán văn bản": the plan's text read into proposed targets, each saved through saveTargetAction.
        <PasteTargets
          m={m}
          locale={locale}
          planId={plan.id}
          period={{ start: plan.periodStart, end: plan.periodEnd }}
          issuerUnitKey={plan.issuerUnit.key}
          issuerUnit={chosenOf(plan.issuerUnit.key)}
          indicators={choices.indicators.map((i) => ({ code: i.code, name: i.name, measureUnit: i.measureUnit }))}
          groups={choices.groups}
          unitSearch={unitSearch}
          parents={parents}
          action={saveTargetAction}
        />
      )}
      {!locked && (
        <section aria-labelledby="add-target">
          <h2 id="add-target">{m.addTarget}</h2>
          <TargetForm {...targetForm} key={`new-${plan.targets.length}`} unit={chosenOf(plan.issuerUnit.key)} values={targetValues()} submitLabel={m.addTarget} idPrefix="new-target" />
        </section>
      )}
    </>
  );
}
