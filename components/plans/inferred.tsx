import type { TMessages } from "@/lib/i18n/messages";

/**
 * Marks a fact the portal inferred (the source does not state it): a visible "(suy ra)" and the
 * reason in words — beside the fact (`note`, on the plan page), or behind a disclosure that
 * works by touch and keyboard (`compact`, in lists). Nothing when the source states the fact.
 */
export function Inferred({ reason, t, compact = false }: { reason: string | null | undefined; t: TMessages["common"]; compact?: boolean }) {
  const why = reason?.trim();
  if (!why) return null;
  if (compact) {
    return (
      <details className="inferred" data-inferred>
        <summary>({t.plan.inferred})</summary>
        <span className="inferred-why">
          {t.plan.inferredBecause}: {why}
        </span>
      </details>
    );
  }
  return (
    <>
      {" "}
      <span className="inferred-mark" data-inferred>
        ({t.plan.inferred})
      </span>
      <span className="inferred-why">
        {t.plan.inferredBecause}: {why}
      </span>
    </>
  );
}
