"use client";
// Adds or edits a target. The preview and the problems list use the same pure
// functions as the server (describeTarget, validateTargetSpec), so what the
// officer reads here is what the portal will show. The action comes from the page.
import { submitKeepingValues } from "@/components/forms/keep-values";
import { UnitPicker, type TPickerUnit } from "@/components/forms/unit-picker";
import { periodProblem } from "@/components/forms/unit-picker-format";
import { useActionState, useEffect, useMemo, useRef, useState } from "react";
import { INITIAL_ACTION_STATE, type TFormAction } from "@/lib/validation/action-state";
import { groupName, groupQualifier } from "@/lib/domain/groups";
import { parseVietnameseNumber } from "@/lib/domain/numbers";
import { describeTarget, TARGET_KINDS, validateTargetSpec, type TargetKind } from "@/lib/domain/targets";
import type { Locale } from "@/lib/i18n/locale";
import { errProps, FieldError } from "./field";
import type { TAuthoringChosenUnit, TAuthoringUnitSearch } from "./plan-form";
import { messages, type TMessages } from "@/lib/i18n/messages";

export type TTargetFormValues = {
  targetId: string;
  indicatorCode: string;
  unitCode: string;
  /** Population group code ("all" = the whole population). */
  groupCode: string;
  kind: string;
  lower: string;
  upper: string;
  strict: boolean;
  approximate: boolean;
  baseline: string;
  periodStart: string;
  periodEnd: string;
  annual: boolean;
  parentId: string;
  equivalentValue: string;
  equivalentUnit: string;
  statement: string;
  /** The stored target's version the form was opened on ("" when adding one): an edit names it, and is refused if the target moved since. */
  version: string;
};

type Props = {
  m: TMessages["authoring"];
  locale: Locale;
  planId: string;
  indicators: { code: string; name: string; measureUnit: string }[];
  /** The target unit's picker: where it searches (the jurisdiction), and the unit chosen when the form opens. */
  unitSearch: TAuthoringUnitSearch;
  unit: TAuthoringChosenUnit | null;
  groups: { code: string; name: string; nameEn: string }[];
  parents: { id: string; label: string }[];
  values: TTargetFormValues;
  action: TFormAction;
  submitLabel: string;
  idPrefix: string;
  /** Called once per successful save, with the saved target's id (the paste screen marks its card saved and presets its sub-targets' parent). */
  onSaved?: (savedId: string) => void;
  /** A parent chosen from outside after the form opened (a proposal's parent once saved): set in the form whenever it changes. */
  presetParentId?: string;
};

const num = (s: string): number | null => {
  if (s.trim() === "") return null;
  const r = parseVietnameseNumber(s);
  return r.ok ? r.value : Number.NaN;
};

export function TargetForm({ m, locale, planId, indicators, unitSearch, unit, groups, parents, values, action, submitLabel, idPrefix, onSaved, presetParentId }: Props) {
  const [state, formAction, pending] = useActionState(action, INITIAL_ACTION_STATE);
  const [v, setV] = useState(values);
  // A parent preset from outside: taken into the form when it changes (the officer may still change it).
  const [presetSeen, setPresetSeen] = useState(presetParentId);
  if (presetParentId !== presetSeen) {
    setPresetSeen(presetParentId);
    if (presetParentId !== undefined) setV((cur) => ({ ...cur, parentId: presetParentId }));
  }
  useEffect(() => {
    if (state.ok && state.savedId && onSaved) onSaved(state.savedId);
    // Once per answer: a new answer is a new state object (its seq changes).
  }, [state]);
  const set = (k: keyof TTargetFormValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    setV({ ...v, [k]: e.target instanceof HTMLInputElement && e.target.type === "checkbox" ? e.target.checked : e.target.value });
  // The target's unit must exist throughout its period: said as soon as both are known (the server decides).
  const [chosenUnit, setChosenUnit] = useState<TPickerUnit | undefined>(unit?.unit);
  const outside = chosenUnit ? periodProblem(chosenUnit, Number(v.periodStart), Number(v.periodEnd)) : null;
  const fe = state.fieldErrors;
  const id = (k: string) => `${idPrefix}-${k}`;

  const preview = useMemo(() => {
    if (!(TARGET_KINDS as readonly string[]).includes(v.kind)) return { text: null, problems: [] as string[] };
    const ind = indicators.find((i) => i.code === v.indicatorCode);
    const spec = {
      kind: v.kind as TargetKind,
      lower: num(v.lower),
      upper: num(v.upper),
      strict: v.strict,
      approximate: v.approximate,
      baseline: num(v.baseline),
      periodStart: Number(v.periodStart),
      periodEnd: Number(v.periodEnd),
      annual: v.annual,
      measureUnit: ind?.measureUnit ?? "",
      indicatorName: ind?.name ?? "",
      equivalentValue: num(v.equivalentValue),
      equivalentUnit: v.equivalentUnit || null,
      group: groupQualifier(groups.find((g) => g.code === v.groupCode), locale),
    };
    const malformed = (["lower", "upper", "baseline", "equivalentValue"] as const)
      .filter((k) => v[k].trim() !== "" && !parseVietnameseNumber(v[k]).ok)
      .map((k) => {
        const r = parseVietnameseNumber(v[k]);
        return r.ok ? "" : `${m[k]}: ${locale === "en" ? r.errorEn : r.error}`;
      });
    const problems = [...malformed, ...validateTargetSpec(spec, locale)];
    return { text: malformed.length ? null : describeTarget(spec, locale), problems };
  }, [v, indicators, groups, locale, m]);

  const input = (k: keyof TTargetFormValues, label: string, opts: { inputMode?: "decimal" | "numeric" } = {}) => (
    <div>
      <label htmlFor={id(k)}>{label}</label>
      <input id={id(k)} name={k} value={String(v[k])} onChange={set(k)} inputMode={opts.inputMode} {...errProps(id(k), { [id(k)]: fe?.[k] ?? [] })} />
      <FieldError id={`${id(k)}-error`} error={fe?.[k]} />
    </div>
  );
  const check = (k: "strict" | "approximate" | "annual", label: string) => (
    <div className="check">
      <input id={id(k)} name={k} type="checkbox" checked={v[k]} onChange={set(k)} {...errProps(id(k), { [id(k)]: fe?.[k] ?? [] })} />
      <label htmlFor={id(k)}>{label}</label>
      <FieldError id={`${id(k)}-error`} error={fe?.[k]} />
    </div>
  );

  return (
    <form
      action={formAction}
      onSubmit={(e) => {
        submitKeepingValues(formAction)(e);
      }}
      className="card stack authoring-form"
      noValidate
    >
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="targetId" value={v.targetId} />
      {/* From the page, not the form's state: after a save the page sends the new version. */}
      <input type="hidden" name="version" value={values.version} />
      <div className="form-grid">
        <div>
          <label htmlFor={id("kind")}>{m.kind}</label>
          <select id={id("kind")} name="kind" value={v.kind} onChange={set("kind")}>
            <option value="">{m.choose}</option>
            {TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {m.kinds[k]}
              </option>
            ))}
          </select>
          <FieldError id={`${id("kind")}-error`} error={fe?.kind} />
        </div>
        <div>
          <label htmlFor={id("indicatorCode")}>{m.indicator}</label>
          <select id={id("indicatorCode")} name="indicatorCode" value={v.indicatorCode} onChange={set("indicatorCode")}>
            <option value="">{m.none}</option>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name} ({i.measureUnit})
              </option>
            ))}
          </select>
          <FieldError id={`${id("indicatorCode")}-error`} error={fe?.indicatorCode} />
        </div>
        <div>
          <label htmlFor={id("unitCode")}>{m.unit}</label>
          <UnitPicker
            id={id("unitCode")}
            name="unitCode"
            m={m.unitPicker}
            locale={locale}
            filters={unitSearch.filters}
            pinned={unitSearch.pinned}
            initial={unit ?? (values.unitCode ? { key: values.unitCode } : null)}
            invalid={!!fe?.unitCode?.length || !!outside}
            describedBy={fe?.unitCode?.length ? `${id("unitCode")}-error` : outside ? `${id("unitCode")}-period` : undefined}
            onChange={(u) => {
              setChosenUnit(u?.unit);
              setV((cur) => ({ ...cur, unitCode: u?.key ?? "" }));
            }}
          />
          <FieldError id={`${id("unitCode")}-error`} error={fe?.unitCode} />
          {outside && !fe?.unitCode?.length && (
            <p id={`${id("unitCode")}-period`} className="field-error" role="status">
              {messages(locale).problems.unit_not_in_period(outside)}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={id("groupCode")}>{m.group}</label>
          <select id={id("groupCode")} name="groupCode" value={v.groupCode} onChange={set("groupCode")} aria-describedby={`${id("groupCode")}-hint`}>
            {groups.map((g) => (
              <option key={g.code} value={g.code}>
                {groupName(g, locale)}
              </option>
            ))}
          </select>
          <p id={`${id("groupCode")}-hint`} className="hint">
            {m.groupHint}
          </p>
          <FieldError id={`${id("groupCode")}-error`} error={fe?.groupCode} />
        </div>
        {input("lower", m.lower, { inputMode: "decimal" })}
        {input("upper", m.upper, { inputMode: "decimal" })}
        {input("baseline", m.baseline, { inputMode: "decimal" })}
        {input("periodStart", m.periodStart, { inputMode: "numeric" })}
        {input("periodEnd", m.periodEnd, { inputMode: "numeric" })}
        <div>
          <label htmlFor={id("parentId")}>{m.parent}</label>
          <select id={id("parentId")} name="parentId" value={v.parentId} onChange={set("parentId")}>
            <option value="">{m.none}</option>
            {parents
              .filter((p) => p.id !== v.targetId)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
          </select>
          <FieldError id={`${id("parentId")}-error`} error={fe?.parentId} />
        </div>
        {input("equivalentValue", m.equivalentValue, { inputMode: "decimal" })}
        {input("equivalentUnit", m.equivalentUnit)}
      </div>
      <div className="checks">
        {check("strict", m.strict)}
        {check("approximate", m.approximate)}
        {check("annual", m.annual)}
      </div>
      <div>
        <label htmlFor={id("statement")}>{m.statement}</label>
        <textarea id={id("statement")} name="statement" rows={2} value={v.statement} onChange={set("statement")} />
        <FieldError id={`${id("statement")}-error`} error={fe?.statement} />
      </div>
      <section className="preview" aria-live="polite" aria-label={m.preview}>
        <h3>{m.preview}</h3>
        <p className="preview-text">{preview.text ?? m.previewEmpty}</p>
        {preview.problems.length > 0 && (
          <>
            <h4>{m.problems}</h4>
            <ul>
              {preview.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <div aria-live="polite" role="status">
        {state.message && <p className={state.ok ? "form-ok" : "form-error"}>{state.message}</p>}
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? m.saving : submitLabel}
      </button>
    </form>
  );
}
