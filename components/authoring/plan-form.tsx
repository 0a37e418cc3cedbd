"use client";
// A plan's document facts, citations and tasks (create and edit); the action comes from the page.
import { submitKeepingValues } from "@/components/forms/keep-values";
import { UnitPicker, type TPickerFilters, type TPickerUnit } from "@/components/forms/unit-picker";
import { periodProblem } from "@/components/forms/unit-picker-format";
import { messages } from "@/lib/i18n/messages";
import { useActionState, useState } from "react";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";
import type { Locale } from "@/lib/i18n/locale";
import { errProps, FieldError } from "./field";
import type { TMessages } from "@/lib/i18n/messages";

/** Where the unit pickers of the authoring forms search: the actor's jurisdiction, its own units first. */
export type TAuthoringUnitSearch = { filters: TPickerFilters; pinned: TPickerUnit[] };

/** A unit already chosen, as the page knows it. */
export type TAuthoringChosenUnit = { key: string; label?: string; detail?: string; unit?: TPickerUnit };

type Citation = { code: string; type: string; issuer: string; issuedOn: string; title: string };
type Task = { description: string; responsible: string };

export type TPlanFormValues = {
  code: string;
  type: string;
  issuer: string;
  issuerUnitCode: string;
  issuedOn: string;
  title: string;
  summary: string;
  periodStart: string;
  periodEnd: string;
  programmeCode: string;
  sourceUrl: string;
  sourceNote: string;
  citations: Citation[];
  tasks: Task[];
};

type Props = {
  m: TMessages["authoring"];
  locale: Locale;
  docTypes: Record<string, string>;
  /** The issuing unit's picker: where it searches, and the unit chosen when the form opens. */
  unitSearch: TAuthoringUnitSearch;
  issuerUnit: TAuthoringChosenUnit | null;
  programmes: { code: string; name: string }[];
  values: TPlanFormValues;
  action: TFormAction;
  hidden?: Record<string, string>;
  submitLabel: string;
  disabled?: boolean;
};

export function PlanForm({ m, locale, docTypes, unitSearch, issuerUnit, programmes, values, action, hidden, submitLabel, disabled }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  const [citations, setCitations] = useState<Citation[]>(values.citations);
  const [tasks, setTasks] = useState<Task[]>(values.tasks);
  // The issuing unit must exist throughout the period: said as soon as both are known (the server decides).
  const [issuer, setIssuer] = useState<TPickerUnit | undefined>(issuerUnit?.unit);
  const [period, setPeriod] = useState({ periodStart: values.periodStart, periodEnd: values.periodEnd });
  const outside = issuer ? periodProblem(issuer, Number(period.periodStart), Number(period.periodEnd)) : null;
  const fe = state.fieldErrors;
  const text = (name: keyof TPlanFormValues, label: string, opts: { hint?: string; required?: boolean; type?: string } = {}) => (
    <div>
      <label htmlFor={`plan-${name}`}>{label}</label>
      <input
        id={`plan-${name}`}
        name={name}
        type={opts.type ?? "text"}
        defaultValue={values[name] as string}
        onChange={
          name === "periodStart" || name === "periodEnd"
            ? (e) => {
                const value = e.currentTarget.value;
                setPeriod((p) => ({ ...p, [name]: value }));
              }
            : undefined
        }
        required={opts.required}
        disabled={disabled}
        {...errProps(name, fe)}
        {...(fe?.[name] ? { "aria-describedby": `${name}-error` } : opts.hint ? { "aria-describedby": `${name}-hint` } : {})}
      />
      {opts.hint && (
        <p id={`${name}-hint`} className="hint">
          {opts.hint}
        </p>
      )}
      <FieldError id={`${name}-error`} error={fe?.[name]} />
    </div>
  );

  return (
    <form action={formAction} onSubmit={submitKeepingValues(formAction)} className="card stack authoring-form" noValidate>
      {hidden && Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <input type="hidden" name="citations" value={JSON.stringify(citations)} />
      <input type="hidden" name="tasks" value={JSON.stringify(tasks)} />
      <fieldset disabled={disabled}>
        <legend>{m.planFacts}</legend>
        <div className="form-grid">
          {text("code", m.code, { hint: m.codeHint })}
          <div>
            <label htmlFor="plan-type">{m.type}</label>
            <select id="plan-type" name="type" defaultValue={values.type} {...errProps("type", fe)}>
              <option value="">{m.choose}</option>
              {Object.entries(docTypes).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <FieldError id="type-error" error={fe?.type} />
          </div>
          {text("issuer", m.issuer, { required: true })}
          <div>
            <label htmlFor="plan-issuerUnitCode">{m.issuerUnit}</label>
            <UnitPicker
              id="plan-issuerUnitCode"
              name="issuerUnitCode"
              m={m.unitPicker}
              locale={locale}
              filters={unitSearch.filters}
              pinned={unitSearch.pinned}
              initial={issuerUnit ?? (values.issuerUnitCode ? { key: values.issuerUnitCode } : null)}
              disabled={disabled}
              invalid={!!fe?.issuerUnitCode?.length || !!outside}
              describedBy={fe?.issuerUnitCode?.length ? "issuerUnitCode-error" : outside ? "issuerUnitCode-period" : undefined}
              onChange={(v) => setIssuer(v?.unit)}
            />
            <FieldError id="issuerUnitCode-error" error={fe?.issuerUnitCode} />
            {outside && !fe?.issuerUnitCode?.length && (
              <p id="issuerUnitCode-period" className="field-error" role="status">
                {messages(locale).problems.unit_not_in_period(outside)}
              </p>
            )}
          </div>
          {text("issuedOn", m.issuedOn)}
          {text("periodStart", m.periodStart, { required: true })}
          {text("periodEnd", m.periodEnd, { required: true })}
          <div>
            <label htmlFor="plan-programmeCode">{m.programme}</label>
            <select id="plan-programmeCode" name="programmeCode" defaultValue={values.programmeCode}>
              <option value="">{m.none}</option>
              {programmes.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div>
          <label htmlFor="plan-title">{m.title}</label>
          <textarea id="plan-title" name="title" rows={2} defaultValue={values.title} required {...errProps("title", fe)} />
          <FieldError id="title-error" error={fe?.title} />
        </div>
        <div>
          <label htmlFor="plan-summary">{m.summary}</label>
          <textarea id="plan-summary" name="summary" rows={3} defaultValue={values.summary} {...errProps("summary", fe)} />
          <FieldError id="summary-error" error={fe?.summary} />
        </div>
        <div className="form-grid">
          {text("sourceUrl", m.sourceUrl, { type: "url" })}
          {text("sourceNote", m.sourceNote)}
        </div>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{m.citations}</legend>
        {citations.map((c, i) => (
          <div key={i} className="list-row">
            {(["code", "issuer", "issuedOn", "title"] as const).map((k) => (
              <div key={k}>
                <label htmlFor={`cit-${i}-${k}`}>{k === "code" ? m.code : k === "issuer" ? m.issuer : k === "issuedOn" ? m.issuedOn : m.title}</label>
                <input
                  id={`cit-${i}-${k}`}
                  value={c[k]}
                  onChange={(e) => setCitations(citations.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))}
                />
                <FieldError id={`cit-${i}-${k}-error`} error={fe?.[`citations.${i}.${k}`]} />
              </div>
            ))}
            <div>
              <label htmlFor={`cit-${i}-type`}>{m.type}</label>
              <select id={`cit-${i}-type`} value={c.type} onChange={(e) => setCitations(citations.map((x, j) => (j === i ? { ...x, type: e.target.value } : x)))}>
                {Object.entries(docTypes).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="link-button" onClick={() => setCitations(citations.filter((_, j) => j !== i))}>
              {m.remove}
            </button>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => setCitations([...citations, { code: "", type: "KE_HOACH", issuer: "", issuedOn: "", title: "" }])}>
          + {m.addCitation}
        </button>
      </fieldset>

      <fieldset disabled={disabled}>
        <legend>{m.tasks}</legend>
        {tasks.map((t, i) => (
          <div key={i} className="list-row">
            <div style={{ flex: 3 }}>
              <label htmlFor={`task-${i}-d`}>{m.taskDescription}</label>
              <textarea id={`task-${i}-d`} rows={2} value={t.description} onChange={(e) => setTasks(tasks.map((x, j) => (j === i ? { ...x, description: e.target.value } : x)))} />
              <FieldError id={`task-${i}-d-error`} error={fe?.[`tasks.${i}.description`]} />
            </div>
            <div style={{ flex: 2 }}>
              <label htmlFor={`task-${i}-r`}>{m.responsible}</label>
              <input id={`task-${i}-r`} value={t.responsible} onChange={(e) => setTasks(tasks.map((x, j) => (j === i ? { ...x, responsible: e.target.value } : x)))} />
              <FieldError id={`task-${i}-r-error`} error={fe?.[`tasks.${i}.responsible`]} />
            </div>
            <button type="button" className="link-button" onClick={() => setTasks(tasks.filter((_, j) => j !== i))}>
              {m.remove}
            </button>
          </div>
        ))}
        <button type="button" className="button secondary" onClick={() => setTasks([...tasks, { description: "", responsible: "" }])}>
          + {m.addTask}
        </button>
      </fieldset>

      <div aria-live="polite" role="status">
        {state.message && <p className={state.ok ? "form-ok" : "form-error"}>{state.message}</p>}
      </div>
      {!disabled && (
        <button type="submit" className="button" disabled={pending}>
          {pending ? m.saving : submitLabel}
        </button>
      )}
    </form>
  );
}
