/**
 * The one error model (docs/architecture.md, "Errors").
 *
 * A failure the person can act on is a `kind` (what sort of failure: it decides the HTTP
 * status at the API's edge) and one or more `problems`: a code from the message catalogue
 * (lib/i18n/problems.ts) with its parameters, and where it applies (a field, a row). Data
 * functions return a `TFailure` (batch writes, whose every row may have problems) or throw
 * an `AppError` (anything else); they never build sentences. The edge (a server action, an
 * API route, a page) turns problems into the reader's language with `problemText`.
 * Pure: no imports.
 */

/** Every kind of expected failure, with the HTTP status the API answers it with. */
export const ERROR_KINDS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  too_large: 413,
  invalid: 422,
  too_many_requests: 429,
  unavailable: 503,
} as const;

export type TErrorKind = keyof typeof ERROR_KINDS;

export type TParamValue = string | number | boolean | null;
export type TParams = Record<string, TParamValue>;

/** One thing wrong: a catalogue code and its parameters, and where it applies. */
export type TProblem = {
  code: string;
  params?: TParams;
  /** The form field or input column it is about. */
  field?: string;
  /** The 0-based index of the row of a batch it is about. */
  row?: number;
};

/** What a data function returns when it refuses (batch writes). */
export type TFailure = { ok: false; kind: TErrorKind; problems: TProblem[] };

/** What a data function throws when it refuses. */
export class AppError extends Error {
  readonly kind: TErrorKind;
  readonly problems: TProblem[];
  constructor(kind: TErrorKind, problems: TProblem | TProblem[] = []) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(`${kind}${list.length ? `: ${list.map((p) => p.code).join(", ")}` : ""}`);
    this.name = "AppError";
    this.kind = kind;
    this.problems = list;
  }
}

export function failure(kind: TErrorKind, problems: TProblem | TProblem[]): TFailure {
  return { ok: false, kind, problems: Array.isArray(problems) ? problems : [problems] };
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export function httpStatusOf(kind: TErrorKind): number {
  return ERROR_KINDS[kind];
}
