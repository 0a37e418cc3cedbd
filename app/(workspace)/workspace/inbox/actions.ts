"use server";
// The approval inbox's one server action, on the action pipeline (lib/actions/pipeline.ts):
// the ticked values (each "id@version", the version the approver saw), and which button was
// pressed: "Duyệt và công bố" (publishResults, confirmed first) or "Trả lại" with a reason (returnResults). The
// data layer checks every value again (jurisdiction, status, version) and writes all or nothing.
import { revalidatePath } from "next/cache";
import type { TInboxActionState, TInboxExtras } from "@/components/results-grid/types";
import { defineAction, type TParsed } from "@/lib/actions/pipeline";
import { MAX_BATCH_ROWS, publishResults, returnResults, type TTransitionOutcome } from "@/lib/data/results-write";
import { isId } from "@/lib/domain/ids";
import { problemText } from "@/lib/i18n/problems";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "@/lib/validation/action-state";

type TInboxForm = { intent: "approve" | "return"; items: { id: string; version: number }[]; reason: string };

const ITEM = /^([A-Za-z0-9_-]{1,80})@(\d{1,10})$/;

/** The posted form: an intent, at most MAX_BATCH_ROWS well-formed "id@version" items, a reason (text). */
function parseInboxForm(fd: FormData): TParsed<TInboxForm> {
  // The confirmation's own button (confirm=yes, no intent) confirms "Duyệt và công bố": only approving asks.
  const intent = fd.get("intent") ?? (fd.get(CONFIRM_FIELD) === CONFIRM_VALUE ? "approve" : null);
  const raw = fd.getAll("ids");
  const reason = fd.get("reason");
  if ((intent !== "approve" && intent !== "return") || raw.length > MAX_BATCH_ROWS || (reason !== null && typeof reason !== "string")) return { ok: false };
  const items: TInboxForm["items"] = [];
  for (const v of raw) {
    const m = typeof v === "string" ? ITEM.exec(v) : null;
    if (!m || !isId(m[1])) return { ok: false };
    items.push({ id: m[1]!, version: Number(m[2]) });
  }
  return { ok: true, data: { intent, items, reason: reason ?? "" } };
}

export const decideInboxAction = defineAction<TInboxForm, TInboxExtras>({
  input: parseInboxForm,
  // Approving publishes at once: it asks first, saying how many values. Returning (with its reason) does not.
  confirm: ({ intent, items }, { m }) => (intent === "approve" && items.length > 0 ? m.workflow.inbox.approveQuestion(items.length) : null),
  run: async ({ intent, items, reason }, { actor, ip, locale, m }): Promise<TInboxActionState> => {
    const t = m.workflow.inbox;
    if (items.length === 0) return { ok: false, message: t.nothingSelected };
    const ids = items.map((i) => i.id);
    const opts = { source: "form" as const, ip: ip ?? undefined, versions: new Map(items.map((i) => [i.id, i.version])) };
    const outcome: TTransitionOutcome = intent === "approve" ? await publishResults(actor, ids, opts) : await returnResults(actor, ids, reason, opts);
    if (outcome.ok) {
      // The grids of the plans concerned, and the public pages, show the change.
      revalidatePath("/workspace/plans/[id]/results", "page");
      revalidatePath("/plans/[id]", "page");
      return { ok: true, message: intent === "approve" ? t.approved(outcome.saved.length) : t.returned(outcome.saved.length) };
    }
    const fieldErrors: Record<string, string[]> = {};
    const rowErrors: Record<string, string[]> = {};
    const loose: string[] = [];
    for (const e of outcome.errors) {
      const text = problemText(e, locale);
      if (e.field === "reason") (fieldErrors.reason ??= []).push(text);
      else if (items[e.row] && e.code !== "too_many_rows") (rowErrors[items[e.row]!.id] ??= []).push(text);
      else loose.push(text);
    }
    return { ok: false, message: [t.failed, ...loose].join(" "), fieldErrors, rowErrors };
  },
  revalidate: () => ["/workspace/inbox", "/workspace"],
});
