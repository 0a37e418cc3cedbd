// The one shape every server action answers with, rendered by useActionState
// in the form components (docs/architecture.md, "Forms").
export type TActionState = {
  ok: boolean;
  /** Field name → messages, shown beside the field. */
  fieldErrors?: Record<string, string[]>;
  /** For the whole form: success or a failure not tied to one field. */
  message?: string;
  /** What was submitted (never passwords), so a refused form keeps what the person typed. */
  values?: Record<string, string>;
  /** A fresh number per answer (set by the action pipeline), so a form reacts to two equal answers in a row. */
  seq?: number;
  /** On success, the page to go to next (the pipeline redirects there). */
  next?: string;
  /** On success, the id of the record the action created or changed (a form that must refer to it next, e.g. a pasted target's sub-target). */
  savedId?: string;
  /**
   * A heavy step that did not run because it was not confirmed: the question to ask (what will
   * happen, to how many rows). The form asks it (components/ui/confirm-dialog.tsx); its confirm
   * button posts the form again with CONFIRM_FIELD=CONFIRM_VALUE.
   */
  ask?: string;
};

/** The posted field that confirms a heavy step (lib/actions/pipeline.ts, spec.confirm); only a confirmation's own button sends it. */
export const CONFIRM_FIELD = "confirm";
export const CONFIRM_VALUE = "yes";

/** An ActionState that also carries a secret shown exactly once (a new token or password). */
export type TSecretActionState = TActionState & { secret?: string };

export const INITIAL_ACTION_STATE: TActionState = { ok: false };

/** A server action as a form component receives it (a prop: components never import route files). */
export type TFormAction<S extends TActionState = TActionState> = (prev: S, fd: FormData) => Promise<S>;
