import type { Metadata } from "next";
import { PlanForm } from "@/components/authoring/plan-form";
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
  const { t, m: { authoring: m } } = await getMessages();
  if (!hasPermission(actor, "plan.edit")) {
    return (
      <div className="card empty" role="alert">
        <h1>403</h1>
        <p>{m.forbidden}</p>
      </div>
    );
  }
  const choices = await listAuthoringChoices(actor);
  const year = String(new Date().getFullYear());
  return (
    <>
      <h1>{m.newPlan}</h1>
      <PlanForm
        m={m}
        docTypes={t.docTypes}
        units={choices.units}
        beforeMerger={t.units.beforeMerger}
        programmes={choices.programmes}
        action={createPlanAction}
        submitLabel={m.create}
        values={{
          code: "",
          type: "KE_HOACH",
          issuer: "",
          issuerUnitCode: choices.units.length === 1 ? choices.units[0]!.code : "",
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
