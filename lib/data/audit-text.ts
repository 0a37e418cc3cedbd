// An audit row as people read it: one sentence in the reader's language naming who did what to
// which record ("Cán bộ tỉnh Sóc Trăng (demo) đã công bố 2.350 người – Lao động được giải quyết
// việc làm, Huyện Châu Thành, năm 2024 (trước: 2.100)"), the record's name, its unit, and a link
// to it. The one place of these rules: the audit log page, its downloads and the history of one
// value in the results grid all call `describeAudit`. Pure (no database, no "server-only"): the
// names come with the entry (`subject`, read in bulk by lib/data/audit.ts), the texts from
// lib/i18n/audit.ts. A name that cannot be found any more is said so, never left as an id alone.
import type { GroupRef } from "../domain/groups";
import { groupQualifier } from "../domain/groups";
import { formatDate, formatDateTime, formatNumber } from "../domain/numbers";
import { normalizeSearch } from "../domain/text";
import { AUDIT_ACTIONS, auditMessages, type TAuditMessages } from "../i18n/audit";
import type { Locale } from "../i18n/locale";
import { messages } from "../i18n/messages";
import type { TAuditSource, TJson } from "./audit-write";

export type TAuditUnitRef = { id: string; key: string; name: string; nameEn: string | null };

/** What an audit row concerns, as the database knows it now (null: not found). */
export type TAuditSubject = {
  /** The record's unit: a result's or target's unit, a plan's issuer, an account's jurisdiction, the unit itself. */
  unit: TAuditUnitRef | null;
  /** A result's or target's indicator. */
  indicator: { name: string; nameEn: string; measureUnit: string; measureUnitEn: string } | null;
  /** A result's population group (its target's). */
  group: GroupRef | null;
  /** A result's target statement, or the target itself. */
  statement: string | null;
  /** The plan of a result or target, or the plan itself. */
  plan: { id: string; code: string | null; title: string } | null;
  /** The account itself, a token's owner, or who signed in. */
  account: { id: string; email: string; name: string } | null;
  /** An account's unit before the change (user.update). */
  beforeUnit: TAuditUnitRef | null;
  /** A new unit's parent (unit.create). */
  parent: TAuditUnitRef | null;
  /** The units a unit went into (unit.reorganise). */
  successors: TAuditUnitRef[];
  /** The value this result had when it was last published before (result.publish), if it differs. */
  previousPublished: number | null;
};

export const EMPTY_SUBJECT: TAuditSubject = {
  unit: null,
  indicator: null,
  group: null,
  statement: null,
  plan: null,
  account: null,
  beforeUnit: null,
  parent: null,
  successors: [],
  previousPublished: null,
};

/** One row of the log, with the names of what it concerns. */
export type TAuditRecord = {
  /** The row id (a BigInt in the database) as text. */
  id: string;
  /** ISO timestamp. */
  at: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: TJson;
  after: TJson;
  reason: string | null;
  ip: string | null;
  /** How the change came in ("form", "import", "api", "web", "cli"), when recorded. */
  source: TAuditSource | null;
  subject: TAuditSubject;
};

export type TAuditDescription = {
  /** The whole entry as one sentence. */
  sentence: string;
  /** Who, as a person reads it (the account's name, "Hệ thống"…). */
  actor: string;
  /** The actor's email, when the label holds one. */
  email: string | null;
  /** The action's short name ("Mở lại kết quả"), or its code when the catalogue does not know it. */
  action: string;
  /** The kind of record ("Kết quả"). */
  entity: string;
  /** The record's name, short ("Lao động … – Huyện Châu Thành – 2024", "58/KH-UBND", an email…). */
  record: string;
  /** The name of the record's unit, when it has one. */
  unit: string | null;
  /** How the change came in, in words ("qua bảng nhập"). */
  via: string | null;
  /** Where the record is read or changed, when it still exists. */
  link: { href: string; label: string } | null;
};

type TObj = { [k: string]: TJson };
const obj = (j: TJson): TObj | null => (j !== null && typeof j === "object" && !Array.isArray(j) ? j : null);
const str = (o: TObj | null, k: string): string | null => (typeof o?.[k] === "string" ? (o[k] as string) : null);
const num = (o: TObj | null, k: string): number | null => (typeof o?.[k] === "number" ? (o[k] as number) : null);
const has = (o: TObj | null, k: string): boolean => o !== null && k in o;

/** A long text cut at a word, with "…". */
export function shorten(s: string, max = 120): string {
  const t = s.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

const unitNameOf = (u: { name: string; nameEn: string | null }, locale: Locale) => (locale === "en" && u.nameEn ? u.nameEn : u.name);

/** "Name <email>" → name and email; "cli" and the system by their words. */
export function actorOf(label: string, locale: Locale): { name: string; email: string | null } {
  const w = auditMessages[locale].words;
  const m = /^(.*\S)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(label.trim());
  if (m) return { name: m[1]!, email: m[2]! };
  if (label === "cli") return { name: w.cli, email: null };
  if (label === "hệ thống / system" || label === "") return { name: w.system, email: null };
  return { name: label, email: /^[^\s@]+@[^\s@]+$/.test(label) ? label : null };
}

/** A value with its measure: "2.350 người", "18,66%". */
function valueText(v: number | null, measure: string | null, locale: Locale): string {
  const n = formatNumber(v, { locale });
  if (!measure) return n;
  return measure === "%" ? `${n}%` : `${n} ${measure}`;
}

const isKnownAction = (a: string): a is (typeof AUDIT_ACTIONS)[number] => (AUDIT_ACTIONS as readonly string[]).includes(a);

/** The short name of an action in the reader's language (its code when unknown). */
export function actionLabel(action: string, locale: Locale): string {
  return isKnownAction(action) ? auditMessages[locale].actions[action] : action;
}

/** The name of a kind of record in the reader's language (its code when unknown). */
export function entityLabel(entity: string, locale: Locale): string {
  const e = auditMessages[locale].entities as Record<string, string>;
  return e[entity] ?? entity;
}

/**
 * The actions whose words (short name and kind of record, in both languages) include a word of a
 * search: "mo" and "lai" both find "Mở lại kết quả", "khoa" finds "Khóa tài khoản" (but not every
 * "tài khoản"). A word of five letters or more also finds the words it begins ("reopen" finds
 * "Result reopened"). The search of the log (lib/data/audit.ts) matches each word here or in the
 * row's search text.
 */
export function actionsMatchingWord(word: string): string[] {
  const w = normalizeSearch(word);
  if (!w) return [];
  return AUDIT_ACTIONS.filter((a) => {
    const entity = a.split(".")[0]!;
    const words = normalizeSearch(
      [auditMessages.vi.actions[a], auditMessages.en.actions[a], entityLabel(ENTITY_OF_ACTION[entity] ?? entity, "vi"), entityLabel(ENTITY_OF_ACTION[entity] ?? entity, "en")].join(" "),
    ).split(/[^a-z0-9]+/);
    return words.some((x) => x === w || (w.length >= 5 && x.startsWith(w)));
  });
}

/** The kind of record each family of actions writes. */
const ENTITY_OF_ACTION: Record<string, string> = { result: "result", plan: "plan", target: "target", user: "user", token: "api_token", unit: "unit", sign_in: "session" };

/** The kind of record an action is about (its family's), for the action filter. */
export function entityOfAction(action: string): string | null {
  return ENTITY_OF_ACTION[action.split(".")[0] ?? ""] ?? null;
}

const enc = encodeURIComponent;

/** An entry as people read it, in `locale`. */
export function describeAudit(e: TAuditRecord, locale: Locale): TAuditDescription {
  const m = auditMessages[locale];
  const w = m.words;
  const s = e.subject;
  const before = obj(e.before);
  const after = obj(e.after);
  const snap = after ?? before;
  const actor = actorOf(e.actorLabel, locale);
  const verb = e.action.split(".")[1] ?? "";
  const unitLabel = s.unit ? unitNameOf(s.unit, locale) : null;
  const via = e.source ? m.via[e.source] : null;
  const base = { actor: actor.name, email: actor.email, action: actionLabel(e.action, locale), entity: entityLabel(e.entity, locale), unit: unitLabel, via };
  const accountHref = (id: string) => `/workspace/admin/users#${enc(id)}`;
  const planName = (p: { code: string | null; title: string } | null) => (p ? (p.code ? w.plan(p.code) : w.planTitled(shorten(p.title, 90))) : null);
  const other = (record: string) => ({ sentence: m.sentences.other({ actor: actor.name, action: base.action, record }), record });

  switch (e.entity) {
    case "result": {
      const ind = s.indicator;
      const measure = ind ? (locale === "en" ? ind.measureUnitEn : ind.measureUnit) : null;
      const group = groupQualifier(s.group, locale);
      const name = ind ? (locale === "en" ? ind.nameEn : ind.name) : s.statement ? shorten(s.statement) : w.unknownIndicator;
      const what = `${name}${group ? ` (${group})` : ""}`;
      const year = num(snap, "year");
      const value = num(after, "value") ?? num(before, "value");
      const beforeValue = num(before, "value");
      const place = [unitLabel ?? w.unknownUnit, year === null ? null : w.year(String(year))].filter(Boolean).join(", ");
      const phrase = `${valueText(value, measure, locale)} – ${what}, ${place}`;
      const changed = after && before && beforeValue !== null && beforeValue !== num(after, "value");
      let prior: string | null = null;
      if (verb === "update" && changed) prior = formatNumber(beforeValue, { locale });
      if (verb === "publish") {
        const was = changed ? beforeValue : s.previousPublished;
        if (was !== null && was !== value) prior = valueText(was, measure, locale);
      }
      const texts = m.sentences.result as Record<string, (p: { actor: string; what: string; before: string | null }) => string>;
      const record = `${what} – ${unitLabel ?? w.unknownUnit}${year === null ? "" : ` – ${year}`}`;
      const out = texts[verb] ? { sentence: texts[verb]({ actor: actor.name, what: phrase, before: prior }), record } : other(record);
      const link = s.plan && e.entityId ? { href: `/workspace/plans/${enc(s.plan.id)}/results?history=${enc(e.entityId)}#history-${enc(e.entityId)}`, label: m.links.grid } : null;
      return { ...base, ...out, link };
    }
    case "plan": {
      const plan = s.plan ?? (str(snap, "title") ? { code: str(snap, "code"), title: str(snap, "title")! } : null);
      const name = planName(plan) ?? w.unknownPlan;
      const texts = m.sentences.plan as Record<string, (p: { actor: string; plan: string }) => string>;
      const record = plan ? (plan.code ?? shorten(plan.title, 90)) : w.unknownPlan;
      const out = texts[verb] ? { sentence: texts[verb]({ actor: actor.name, plan: name }), record } : other(record);
      return { ...base, ...out, link: s.plan ? { href: `/workspace/plans/${enc(s.plan.id)}/edit`, label: m.links.plan } : null };
    }
    case "target": {
      const statement = str(snap, "statement") ?? s.statement;
      const target = statement ? m.sentences.targetName({ statement: shorten(statement), unit: unitLabel, plan: planName(s.plan) }) : w.unknownTarget;
      const texts = m.sentences.target as Record<string, (p: { actor: string; target: string }) => string>;
      const record = statement ? shorten(statement, 90) : w.unknownTarget;
      const out = texts[verb] ? { sentence: texts[verb]({ actor: actor.name, target }), record } : other(record);
      return { ...base, ...out, link: s.plan ? { href: `/workspace/plans/${enc(s.plan.id)}/edit`, label: m.links.plan } : null };
    }
    case "user": {
      const email = s.account?.email ?? str(snap, "email") ?? w.unknownAccount;
      const roles = messages(locale).accounts.roles as Record<string, string>;
      const roleOf = (o: TObj | null) => {
        const r = str(o, "role");
        return r ? (roles[r] ?? r) : null;
      };
      const unitOf = (o: TObj | null, u: TAuditUnitRef | null) => (u ? unitNameOf(u, locale) : str(o, "unitId") === null ? w.wholeCountry : w.unknownUnit);
      let sentence: string;
      if (verb === "create") {
        sentence = m.sentences.user.create({ actor: actor.name, email, name: s.account?.name ?? str(snap, "name") ?? "—", role: roleOf(snap) ?? "—", unit: unitOf(snap, s.unit) });
      } else if (verb === "update") {
        const now = `${roleOf(after) ?? "—"}, ${unitOf(after, s.unit)}`;
        const was = before ? `${roleOf(before) ?? "—"}, ${unitOf(before, s.beforeUnit)}` : null;
        sentence = m.sentences.user.update({ actor: actor.name, email, role: roleOf(after) ?? "—", unit: unitOf(after, s.unit), before: was && was !== now ? was : null });
      } else {
        const texts = m.sentences.user as unknown as Record<string, (p: { actor: string; email: string }) => string>;
        sentence = texts[verb] && verb !== "create" && verb !== "update" ? texts[verb]({ actor: actor.name, email }) : other(email).sentence;
      }
      return { ...base, sentence, record: email, link: s.account ? { href: accountHref(s.account.id), label: m.links.account } : null };
    }
    case "api_token": {
      const name = str(snap, "name") ?? w.unknownToken;
      const prefix = str(snap, "prefix");
      const email = s.account?.email ?? w.unknownAccount;
      const texts = m.sentences.token as Record<string, (p: { actor: string; name: string; email: string }) => string>;
      const record = prefix ? `${name} (${prefix}…)` : name;
      const out = texts[verb] ? { sentence: texts[verb]({ actor: actor.name, name, email }), record } : other(record);
      return { ...base, ...out, link: s.account ? { href: accountHref(s.account.id), label: m.links.account } : null };
    }
    case "unit": {
      const was = before ?? after;
      const unitRef = (o: TObj | null) => {
        const name = s.unit ? null : str(o, locale === "en" ? "nameEn" : "name") ?? str(o, "name");
        const key = s.unit?.key ?? str(o, "key");
        const shown = s.unit ? unitNameOf(s.unit, locale) : name;
        return shown && key ? w.unitWithKey(shown, key) : shown ?? (key ? w.unitWithKey(w.unknownUnit, key) : w.unknownUnit);
      };
      const date = (v: string | null) => (v ? formatDate(v) : null);
      const link = s.unit ? { href: `/workspace/admin/units?key=${enc(s.unit.key)}#unit`, label: m.links.unit } : null;
      const record = unitRef(was);
      const actorName = actor.name;
      switch (verb) {
        case "create":
          return { ...base, record, link, sentence: m.sentences.unit.create({ actor: actorName, unit: unitRef(after), parent: s.parent ? unitNameOf(s.parent, locale) : null, date: date(str(after, "validFrom")) }) };
        case "rename": {
          // The name before, with the unit's key, then the new name (as recorded, not as it is now).
          const key = str(before, "key") ?? s.unit?.key ?? "";
          const oldName = (locale === "en" ? str(before, "nameEn") : null) ?? str(before, "name") ?? w.unknownUnit;
          const newName = (locale === "en" ? str(after, "nameEn") : null) ?? str(after, "name") ?? w.unknownUnit;
          return { ...base, record, link, sentence: m.sentences.unit.rename({ actor: actorName, unit: key ? w.unitWithKey(oldName, key) : oldName, name: newName }) };
        }
        case "end":
          return { ...base, record, link, sentence: m.sentences.unit.end({ actor: actorName, unit: record, date: date(str(after, "validTo")) }) };
        case "reorganise": {
          const links = Array.isArray(after?.successions) ? (after.successions as TJson[]).map(obj) : [];
          const into = s.successors.length ? s.successors.map((u) => unitNameOf(u, locale)).join(w.and) : w.unknownUnit;
          const whole = links.length === 1 && str(links[0] ?? null, "share") === "FULL";
          const effective = str(links[0] ?? null, "effectiveOn");
          return { ...base, record, link, sentence: m.sentences.unit.reorganise({ actor: actorName, unit: record, into, date: date(effective), whole }) };
        }
        case "delete":
          return { ...base, record, link: null, sentence: m.sentences.unit.delete({ actor: actorName, unit: record }) };
        case "import": {
          const count = (k: string) => formatNumber(num(after, k) ?? 0, { locale });
          const file = [str(after, "unitsFile"), str(after, "successorsFile")].filter(Boolean).join(w.and) || "—";
          return {
            ...base,
            record: file,
            link: { href: "/workspace/admin/units", label: m.links.units },
            sentence: m.sentences.unit.import({ actor: actorName, file, date: date(str(after, "effectiveOn")), created: count("created"), renamed: count("renamed"), ended: count("ended") }),
          };
        }
        default:
          return { ...base, ...other(record), link };
      }
    }
    case "session": {
      // The label is the email as typed: a sign-in names the account, a refusal the email typed.
      const who = verb === "ok" && s.account ? s.account.name : e.actorLabel || w.unknownAccount;
      const texts = m.sentences.sign_in as Record<string, (p: { who: string }) => string>;
      const sentence = texts[verb] ? texts[verb]({ who }) : other(e.actorLabel).sentence;
      return { ...base, actor: s.account?.name ?? e.actorLabel, email: s.account?.email ?? actor.email, sentence, record: s.account?.email ?? e.actorLabel, link: s.account ? { href: accountHref(s.account.id), label: m.links.account } : null };
    }
    default: {
      const record = `${base.entity}${e.entityId ? ` ${e.entityId}` : ""}`;
      return { ...base, ...other(record), link: null };
    }
  }
}

/**
 * The fields a change altered, for auditors: each top-level field whose value differs between the
 * snapshots before and after ("status: DRAFT → PUBLISHED"), values as JSON, long ones cut.
 */
export function changedFields(before: TJson, after: TJson): { field: string; before: string; after: string }[] {
  const b = obj(before);
  const a = obj(after);
  if (!b || !a) return [];
  const show = (v: TJson | undefined) => shorten(v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v), 60);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k] ?? null) !== JSON.stringify(a[k] ?? null)).map((k) => ({ field: k, before: show(b[k]), after: show(a[k]) }));
}

/** The catalogue's texts of the log in `locale` (for pages that show the entries). */
export function auditTexts(locale: Locale): TAuditMessages {
  return auditMessages[locale];
}

/**
 * Entries as a download's table (CSV and XLSX): the headers and texts in `locale`, each entry's
 * sentence, record, unit and link (absolute, from `origin`), and the raw before/after as JSON.
 */
export function auditTable(items: readonly TAuditRecord[], locale: Locale, origin: string): { columns: string[]; rows: Record<string, string>[] } {
  const c = auditMessages[locale].columns;
  const columns = [c.at, c.actor, c.email, c.action, c.sentence, c.entity, c.record, c.unit, c.reason, c.source, c.ip, c.id, c.link, c.before, c.after];
  const rows = items.map((e) => {
    const d = describeAudit(e, locale);
    return {
      [c.at]: formatDateTime(e.at),
      [c.actor]: d.actor,
      [c.email]: d.email ?? "",
      [c.action]: d.action,
      [c.sentence]: d.sentence,
      [c.entity]: d.entity,
      [c.record]: d.record,
      [c.unit]: d.unit ?? "",
      [c.reason]: e.reason ?? "",
      [c.source]: d.via ?? "",
      [c.ip]: e.ip ?? "",
      [c.id]: e.entityId ?? "",
      [c.link]: d.link ? `${origin}${d.link.href}` : "",
      [c.before]: e.before === null ? "" : JSON.stringify(e.before),
      [c.after]: e.after === null ? "" : JSON.stringify(e.after),
    };
  });
  return { columns, rows };
}
