// The audit log's filters as a page or a download receives them (URL parameters, all text), read
// into a filter and the problems of what could not be read. Pure: the page and the export route
// share it, and a bad value (a date that does not exist, a page "abc", a search of 5.000
// characters) becomes a problem to show, never an exception. Dates are typed dd/mm/yyyy and read
// with lib/domain/numbers.ts `parseVietnameseDate`.
import { formatDate, parseVietnameseDate } from "../domain/numbers";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "../i18n/audit";
import type { Locale } from "../i18n/locale";
import { auditMessages } from "../i18n/audit";

export const AUDIT_Q_MAX = 200;
/** As every search of the portal (lib/domain/text.ts searchWordForms). */
export const AUDIT_Q_WORDS_MAX = 8;
export const AUDIT_PERSON_MAX = 120;
export const AUDIT_UNIT_KEY_MAX = 40;

/** What the log is filtered by (every member optional). */
export type TAuditFilter = {
  /** Words, each found in the row's search text or in the words of its action (diacritics optional). */
  q?: string;
  /** A person: the account's name or email (diacritics optional), or the label as written. */
  person?: string;
  /** A unit's key: rows about it, the units below it and those merged into it. */
  unit?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  actorId?: string;
  /** Inclusive, a calendar day in Vietnam ("YYYY-MM-DD"), or an instant. */
  from?: Date | string;
  /** Inclusive, a calendar day in Vietnam ("YYYY-MM-DD"), or an instant. */
  to?: Date | string;
  /** 1-based. */
  page?: number;
};

export type TAuditQueryProblem =
  | { code: "date"; field: "from" | "to"; input: string; message: string; messageEn: string }
  | { code: "range"; from: string; to: string }
  | { code: "page"; input: string }
  | { code: "q_too_long" }
  | { code: "q_too_many_words" }
  | { code: "person_too_long" }
  | { code: "unit_unknown"; key: string }
  | { code: "action_unknown"; input: string }
  | { code: "entity_unknown"; input: string };

/** The form's fields as typed (to show them again), the filter read from them, and what was refused. */
export type TAuditQuery = {
  values: { q: string; person: string; unit: string; action: string; entity: string; from: string; to: string };
  filter: TAuditFilter;
  problems: TAuditQueryProblem[];
};

type TParams = URLSearchParams | Record<string, string | string[] | undefined>;

function reader(params: TParams): (k: string) => string {
  if (params instanceof URLSearchParams) return (k) => params.get(k) ?? "";
  return (k) => {
    const v = params[k];
    return typeof v === "string" ? v : Array.isArray(v) ? (v[0] ?? "") : "";
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** Reads the filters of the log from URL parameters (q, person, unit, action, entity, from, to, page). */
export function parseAuditQuery(params: TParams): TAuditQuery {
  const get = reader(params);
  const problems: TAuditQueryProblem[] = [];
  const filter: TAuditFilter = {};
  // Fields are shown again as typed, but never more than a screenful.
  const values = {
    q: get("q").slice(0, AUDIT_Q_MAX * 2),
    person: get("person").slice(0, AUDIT_PERSON_MAX * 2),
    unit: get("unit").trim().slice(0, AUDIT_UNIT_KEY_MAX * 2),
    action: get("action").trim().slice(0, 80),
    entity: get("entity").trim().slice(0, 80),
    from: get("from").trim().slice(0, 40),
    to: get("to").trim().slice(0, 40),
  };

  const q = get("q").trim();
  if (q.length > AUDIT_Q_MAX) problems.push({ code: "q_too_long" });
  else if (q.split(/\s+/).filter(Boolean).length > AUDIT_Q_WORDS_MAX) problems.push({ code: "q_too_many_words" });
  else if (q) filter.q = q;

  const person = get("person").trim();
  if (person.length > AUDIT_PERSON_MAX) problems.push({ code: "person_too_long" });
  else if (person) filter.person = person;

  const unit = values.unit;
  if (unit) {
    if (unit.length > AUDIT_UNIT_KEY_MAX || !/^[0-9A-Za-z][0-9A-Za-z_-]*$/.test(unit)) problems.push({ code: "unit_unknown", key: clip(unit, AUDIT_UNIT_KEY_MAX) });
    else filter.unit = unit;
  }

  if (values.action) {
    if ((AUDIT_ACTIONS as readonly string[]).includes(values.action)) filter.action = values.action;
    else problems.push({ code: "action_unknown", input: clip(values.action, 40) });
  }
  if (values.entity) {
    if ((AUDIT_ENTITIES as readonly string[]).includes(values.entity)) filter.entity = values.entity;
    else problems.push({ code: "entity_unknown", input: clip(values.entity, 40) });
  }

  for (const field of ["from", "to"] as const) {
    const input = values[field];
    if (!input) continue;
    const d = parseVietnameseDate(input);
    if (d.ok) filter[field] = d.value;
    else if (d.code !== "empty") problems.push({ code: "date", field, input: clip(input, 20), message: d.error, messageEn: d.errorEn });
  }
  if (typeof filter.from === "string" && typeof filter.to === "string" && filter.from > filter.to) {
    problems.push({ code: "range", from: formatDate(filter.from), to: formatDate(filter.to) });
    delete filter.from;
    delete filter.to;
  }

  const page = get("page").trim();
  if (page) {
    if (/^\d{1,6}$/.test(page) && Number(page) >= 1) filter.page = Number(page);
    else problems.push({ code: "page", input: clip(page, 20) });
  }
  return { values, filter, problems };
}

/** A problem of the filters in the reader's language. */
export function auditQueryProblemText(p: TAuditQueryProblem, locale: Locale): string {
  const e = auditMessages[locale].errors;
  const f = auditMessages[locale].filters;
  const n = (x: number) => new Intl.NumberFormat(locale === "en" ? "en-GB" : "vi-VN").format(x);
  switch (p.code) {
    case "date":
      return e.date(p.field === "from" ? f.from : f.to, locale === "en" ? p.messageEn : p.message);
    case "range":
      return e.range(p.from, p.to);
    case "page":
      return e.page(p.input);
    case "q_too_long":
      return e.qTooLong(n(AUDIT_Q_MAX));
    case "q_too_many_words":
      return e.qTooManyWords(n(AUDIT_Q_WORDS_MAX));
    case "person_too_long":
      return e.personTooLong(n(AUDIT_PERSON_MAX));
    case "unit_unknown":
      return e.unitUnknown(p.key);
    case "action_unknown":
      return e.actionUnknown(p.input);
    case "entity_unknown":
      return e.entityUnknown(p.input);
  }
}

/** The URL parameters of a filter (for page links and downloads), without the page. */
export function auditQueryParams(values: TAuditQuery["values"], filter: TAuditFilter): URLSearchParams {
  const p = new URLSearchParams();
  if (filter.q) p.set("q", values.q.trim());
  if (filter.person) p.set("person", values.person.trim());
  if (filter.unit) p.set("unit", filter.unit);
  if (filter.action) p.set("action", filter.action);
  if (filter.entity) p.set("entity", filter.entity);
  if (typeof filter.from === "string") p.set("from", formatDate(filter.from));
  if (typeof filter.to === "string") p.set("to", formatDate(filter.to));
  return p;
}
