import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PlanForm } from "@/components/authoring/plan-form";
import { chosenUnit, pickerUnitOfHit } from "@/components/forms/unit-picker-format";
import { hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAuthoringChoices } from "@/lib/data/plans-write";
import { getMessages } from "@/lib/i18n/server";
import { createPlanAction } from "../authoring-actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { m: { authoring: m } } = await getMessages();
  return { title: m.newPlan };
}

export default async function NewPlanPage() {
  const actor = await requireActor("/workspace/plans/new");
  const { locale, t, m: { authoring: m } } = await getMessages();
  if (!hasPermission(actor, "plan.edit")) forbidden(); // ./forbidden.tsx, status 403
  const choices = await listAuthoringChoices(actor);
  const year = String(new Date().getFullYear());
  const own = choices.unitSearch.ownUnits.map(pickerUnitOfHit);
  // An officer of one unit issues for it by default; one whose unit ended (or an administrator) chooses.
  const issuer = own.length === 1 ? own[0]! : null;
  return (
    <>
      <h1>{m.newPlan}</h1>
      <PlanForm
        m={m}
        locale={locale}
        docTypes={t.docTypes}
        unitSearch={{ filters: { levels: choices.unitSearch.levels, within: choices.unitSearch.within ?? undefined }, pinned: own }}
        issuerUnit={issuer ? chosenUnit(issuer, m.unitPicker) : null}
        programmes={choices.programmes}
        action={createPlanAction}
        submitLabel={m.create}
        values={{
          code: "",
          type: "KE_HOACH",
          issuer: "",
          issuerUnitCode: issuer?.key ?? "",
          issuedOn: "",
          title: "",
          summary: "",
          periodStart: year,
          periodEnd: year,
          programmeCode: "",
          sourceUrl: "",
          sourceNote: "",
          citations: [],
          tasks: [],
        }}
      />
    </>
  );
}
