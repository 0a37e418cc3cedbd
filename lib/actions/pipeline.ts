import "server-only";
// THE pipeline every server action runs (docs/architecture.md, "Server actions"):
//
//   1. who is asking (the session's actor; none → "signed out"), their language and address;
//      an actor who must choose a new password first (lib/auth/first-password.ts) is sent to
//      the account page, unless the action is the password change itself;
//   2. the posted form parsed by a zod schema (or a parser of its own) → field messages;
//   2b. a heavy step (spec.confirm) runs only when the form posts `confirm=yes`, which only
//      the confirmation's own button sends (components/ui/confirm-dialog.tsx); without it the
//      answer is the question (`ask`: what will happen, to how many rows) and nothing changes;
//   3. the action's own step, which calls an authorizing data function (the data layer
//      checks permissions again, row by row: nothing here is trusted);
//   4. one error model: an AppError thrown or a TFailure returned becomes messages in the
//      reader's language (lib/i18n/problems.ts); anything else is logged and answered
//      generically, never with a stack trace;
//   5. on success, the paths whose data changed are revalidated, and the person is sent to
//      the answer's `next` page when it names one.
//
// Every action answers with TActionState (plus the extra fields of its form, if any).
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, type TFailure, type TProblem } from "../errors";
import { clientIpFrom } from "../auth/client-ip";
import { mustChangePasswordFirst, PASSWORD_CHANGE_PATH } from "../auth/first-password";
import type { TActor } from "../auth/permissions";
import { getActor } from "../auth/session";
import type { Locale } from "../i18n/locale";
import { messages, type TMessages } from "../i18n/messages";
import { problemText } from "../i18n/problems";
import { getLocale } from "../i18n/server";
import { CONFIRM_FIELD, CONFIRM_VALUE, type TActionState } from "../validation/action-state";
import { zodProblems } from "../validation/fields";

export type TActionContext = { actor: TActor; locale: Locale; m: TMessages; ip: string | null };

/** What a parser of a posted form answers: the input, or why it cannot be read. */
export type TParsed<I> = { ok: true; data: I } | { ok: false; fieldErrors?: Record<string, string[]>; problem?: TProblem };

type TAnswer<X> = TActionState & X;

export type TActionSpec<I, X> = {
  /** A zod schema over the form's fields (FormData → object), or a parser of its own. */
  input: z.ZodType<I> | ((fd: FormData, locale: Locale) => TParsed<I>);
  /** The step itself: call the data layer, say what happened. Throw AppError or return a TFailure to refuse. */
  run: (input: I, ctx: TActionContext) => Promise<TAnswer<X> | TFailure>;
  /** Paths to revalidate once the step succeeded. */
  revalidate?: (input: I) => string[];
  /** Echo what was typed back on a refusal (never fields that hold secrets), so the form keeps it. */
  keepValues?: boolean;
  /**
   * A heavy step asks first. Unless the form posts `confirm=yes`, the step does not run: the
   * answer is `ask`, this question (say what will happen, and to how many rows). Null: this
   * input needs no confirmation; a TFailure (or an AppError thrown): refused at once.
   */
  confirm?: (input: I, ctx: TActionContext) => Promise<string | null | TFailure> | string | null | TFailure;
  /** The one action an actor who must choose a new password may run: choosing it. */
  beforePasswordChange?: boolean;
};

let seq = 0;
/** A fresh number per answer, so that a form reacts to two identical answers in a row. */
const nextSeq = () => (seq = (seq + 1) % 1_000_000_000);

const SECRET_FIELD = /password|secret|token/i;

/** The form's text fields as an object (a repeated name becomes an array). */
export function formToObject(fd: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of fd.entries()) {
    if (typeof v !== "string") continue;
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function keptValues(fd: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of fd.entries()) if (typeof v === "string" && !SECRET_FIELD.test(k) && !k.startsWith("$")) out[k] = v;
  return out;
}

/** Problems as the form shows them: those about a field beside it, the others in one message. */
export function problemsToState(problems: TProblem[], locale: Locale, fallback: string): Pick<TActionState, "message" | "fieldErrors"> {
  const fieldErrors: Record<string, string[]> = {};
  const loose: string[] = [];
  for (const p of problems) {
    const text = problemText(p, locale);
    if (p.field) (fieldErrors[p.field] ??= []).push(text);
    else loose.push(text);
  }
  const message = loose.length ? loose.join(" ") : (Object.values(fieldErrors)[0]?.[0] ?? fallback);
  return { message, ...(Object.keys(fieldErrors).length ? { fieldErrors } : {}) };
}


const isFailure = (x: unknown): x is TFailure => typeof x === "object" && x !== null && (x as TFailure).ok === false && Array.isArray((x as TFailure).problems);

/** Builds a server action (prev state, form) → state from its spec. */
export function defineAction<I, X = object>(spec: TActionSpec<I, X>): (prev: TAnswer<X>, fd: FormData) => Promise<TAnswer<X>> {
  return async (_prev, fd) => {
    const state = await answer(spec, fd);
    // redirect() throws: it is called once the answer is final, outside the pipeline's catch.
    if (state.ok && state.next) redirect(state.next);
    return state;
  };
}

async function answer<I, X>(spec: TActionSpec<I, X>, fd: FormData): Promise<TAnswer<X>> {
  let locale: Locale = "vi";
  const refuse = (state: Omit<TActionState, "ok">): TAnswer<X> =>
    ({ ok: false, ...state, ...(spec.keepValues ? { values: keptValues(fd) } : {}), seq: nextSeq() }) as unknown as TAnswer<X>;
  try {
    const [actor, loc, h] = await Promise.all([getActor(), getLocale(), headers()]);
    locale = loc;
    const m = messages(locale);
    if (!actor) return refuse({ message: problemText({ code: "signed_out" }, locale) });
    // redirect() throws Next's signal, which the catch below lets through.
    if (mustChangePasswordFirst(actor) && !spec.beforePasswordChange) redirect(PASSWORD_CHANGE_PATH);

    let input: I;
    if (typeof spec.input === "function") {
      const parsed = spec.input(fd, locale);
      if (!parsed.ok) return refuse({ message: parsed.problem ? problemText(parsed.problem, locale) : problemText({ code: "bad_form" }, locale), ...(parsed.fieldErrors ? { fieldErrors: parsed.fieldErrors } : {}) });
      input = parsed.data;
    } else {
      const parsed = spec.input.safeParse(formToObject(fd));
      if (!parsed.success) {
        return refuse(problemsToState(zodProblems(parsed.error), locale, problemText({ code: "bad_form" }, locale)));
      }
      input = parsed.data;
    }

    const ctx: TActionContext = { actor, locale, m, ip: clientIpFrom(h) };
    if (spec.confirm && fd.get(CONFIRM_FIELD) !== CONFIRM_VALUE) {
      const ask = await spec.confirm(input, ctx);
      if (isFailure(ask)) return refuse(problemsToState(ask.problems, locale, problemText({ code: "unexpected" }, locale)));
      // Not a refusal: nothing ran, the form asks the question (and keeps what was typed).
      if (ask !== null) return { ok: false, ask, ...(spec.keepValues ? { values: keptValues(fd) } : {}), seq: nextSeq() } as unknown as TAnswer<X>;
    }

    const answer = await spec.run(input, ctx);
    if (isFailure(answer)) return refuse(problemsToState(answer.problems, locale, problemText({ code: answer.kind === "forbidden" ? "forbidden" : "unexpected" }, locale)));
    if (answer.ok) for (const path of spec.revalidate?.(input) ?? []) revalidatePath(path);
    return { ...answer, seq: nextSeq() };
  } catch (e) {
    // Next's own signals (notFound(), a redirect from deeper code) are not failures.
    unstable_rethrow(e);
    if (e instanceof AppError) return refuse(problemsToState(e.problems.length ? e.problems : [{ code: e.kind === "not_found" ? "not_found" : "forbidden" }], locale, problemText({ code: "unexpected" }, locale)));
      // Unexpected: logged on the server, answered generically.
    console.error("server action failed:", e);
    return refuse({ message: problemText({ code: "unexpected" }, locale) });
  }
}
