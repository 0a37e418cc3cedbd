"use client";
// "Dán văn bản": an officer pastes a plan's text, the plan-text reader (lib/domain/plan-text/read.ts,
// pure, loaded and run here in the browser) proposes its targets, and each proposal opens as the ordinary
// target form filled in, beside the sentence it came from. Nothing is saved until the officer saves
// a card, through the page's own saveTargetAction (the one write path for targets); a saved card
// cannot be saved again, a skipped one is hidden. A "trong đó" part gets its parent preset once the
// parent's card is saved (the action answers the saved target's id). Sentences the reader could not
// read are listed for entry by hand (docs/plan-text.md).
import { useId, useMemo, useRef, useState } from "react";
import type { NotUnderstood, ReadTarget } from "@/lib/domain/plan-text/types";
import { WHOLE_POPULATION } from "@/lib/domain/groups";
import { formatNumber } from "@/lib/domain/numbers";
import type { Locale } from "@/lib/i18n/locale";
import type { TMessages } from "@/lib/i18n/messages";
import type { TFormAction } from "@/lib/validation/action-state";
import { MAX_PLAN_TEXT_BYTES, utf8Length } from "@/lib/validation/plan-text";
import type { TAuthoringChosenUnit, TAuthoringUnitSearch } from "./plan-form";
import { TargetForm, type TTargetFormValues } from "./target-form";
import styles from "./paste-targets.module.css";

type Props = {
  m: TMessages["authoring"];
  locale: Locale;
  planId: string;
  /** The plan's period: a proposal's own period when the text gives one, else this. */
  period: { start: number; end: number };
  /** The plan's issuing unit: every proposal is for it until the officer picks another. */
  issuerUnitKey: string;
  issuerUnit: TAuthoringChosenUnit | null;
  /** The indicator choices of the target form; also what the reader may map phrases onto. */
  indicators: { code: string; name: string; measureUnit: string }[];
  groups: { code: string; name: string; nameEn: string }[];
  unitSearch: TAuthoringUnitSearch;
  /** The plan's targets as the target form offers them as parents. */
  parents: { id: string; label: string }[];
  action: TFormAction;
};

type TReading = {
  /** Which reading this is: the cards' keys, so a new reading opens fresh forms. */
  no: number;
  targets: ReadTarget[];
  notUnderstood: NotUnderstood[];
};

const fill = (template: string, n: number | string, k?: number | string) => template.replace("{n}", String(n)).replace("{k}", String(k ?? ""));

const numberText = (x: number | null) => (x === null ? "" : formatNumber(x));

/** The sentence, with the target's own words marked when they occur in it and are not the whole of it. */
function Sentence({ sentence, statement }: { sentence: string; statement: string }) {
  const at = statement ? sentence.indexOf(statement) : -1;
  const rest = at < 0 ? "" : sentence.slice(0, at) + sentence.slice(at + statement.length);
  if (at < 0 || !/[\p{L}\p{N}]/u.test(rest)) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{statement}</mark>
      {sentence.slice(at + statement.length)}
    </>
  );
}

export function PasteTargets({ m, locale, planId, period, issuerUnitKey, issuerUnit, indicators, groups, unitSearch, parents, action }: Props) {
  const p = m.paste;
  const uid = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState<TReading | null>(null);
  /** Cards saved, in the order they were saved, with the id of the target each became. */
  const [saved, setSaved] = useState<{ index: number; id: string }[]>([]);
  const [skipped, setSkipped] = useState<number[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const headings = useRef(new Map<number, HTMLHeadingElement>());
  const listHeading = useRef<HTMLHeadingElement>(null);

  const read = async () => {
    setSaved([]);
    setSkipped([]);
    // A refusal leaves nothing read, and nothing said of an earlier reading.
    if (text.trim() === "") {
      setReading(null);
      setAnnouncement("");
      setError(p.nothingPasted);
      return;
    }
    if (utf8Length(text) > MAX_PLAN_TEXT_BYTES) {
      setReading(null);
      setAnnouncement("");
      setError(p.tooLarge);
      return;
    }
    try {
      // Loaded when first used: the page's own scripts stay as they were.
      const { readPlanText } = await import("@/lib/domain/plan-text/read");
      const r = readPlanText(text, { indicators: indicators.map((i) => ({ code: i.code, name: i.name })) });
      setError(null);
      setReading({ no: (reading?.no ?? 0) + 1, targets: r.targets, notUnderstood: r.notUnderstood });
      setAnnouncement(fill(p.readResult, r.targets.length, r.notUnderstood.length));
    } catch (e) {
      console.error("plan-text reader:", e);
      setReading(null);
      setAnnouncement("");
      setError(p.failed);
    }
  };

  // Each saved card's target, as the save answered it.
  const savedIds = useMemo(() => new Map(saved.map((s) => [s.index, s.id])), [saved]);

  // The forms' first values: computed once per reading (a form keeps what the officer types).
  const initial = useMemo(
    () =>
      (reading?.targets ?? []).map(
        (t): TTargetFormValues => ({
          targetId: "",
          indicatorCode: t.indicatorCode && indicators.some((i) => i.code === t.indicatorCode) ? t.indicatorCode : "",
          unitCode: issuerUnitKey,
          groupCode: groups.some((g) => g.code === t.groupCode) ? t.groupCode : WHOLE_POPULATION,
          kind: t.kind,
          lower: numberText(t.lower),
          upper: numberText(t.upper),
          strict: t.strict,
          approximate: t.approximate,
          baseline: numberText(t.baseline),
          periodStart: String(t.periodStart ?? period.start),
          periodEnd: String(t.periodEnd ?? period.end),
          annual: t.annual,
          parentId: "",
          equivalentValue: numberText(t.equivalentValue),
          equivalentUnit: t.equivalentUnit ?? "",
          statement: t.statement,
          version: "",
        }),
      ),
    // Once per reading, not on every render of the page: a new reading opens new forms.
    [reading],
  );

  const isSaved = (i: number) => savedIds.has(i);
  const isSkipped = (i: number) => skipped.includes(i);

  const onSaved = (i: number) => (id: string) => {
    if (isSaved(i)) return;
    setSaved((cur) => [...cur, { index: i, id }]);
    setAnnouncement(fill(p.savedNote, i + 1));
    // The form is gone: keep the officer's place on the card's heading.
    requestAnimationFrame(() => headings.current.get(i)?.focus());
  };

  const skip = (i: number) => {
    setSkipped((cur) => [...cur, i]);
    setAnnouncement(fill(p.skippedNote, skipped.length + 1));
    // Focus moves on to the next card still shown, else to the list's heading.
    const next = (reading?.targets ?? []).findIndex((_, j) => j > i && !isSkipped(j));
    requestAnimationFrame(() => (next >= 0 ? headings.current.get(next) : listHeading.current)?.focus());
  };

  const shown = (reading?.targets ?? []).map((t, i) => ({ t, i })).filter(({ i }) => !isSkipped(i));

  return (
    <section aria-labelledby={`${uid}-title`} className={styles.paste}>
      <h2 id={`${uid}-title`}>{p.title}</h2>
      <p className="muted">{p.intro}</p>
      <div className="card stack">
        <div>
          <label htmlFor={`${uid}-text`}>{p.label}</label>
          <textarea
            id={`${uid}-text`}
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${uid}-hint${error ? ` ${uid}-error` : ""}`}
            aria-invalid={error ? true : undefined}
          />
          <p id={`${uid}-hint`} className="hint">
            {p.hint}
          </p>
        </div>
        <div>
          <button type="button" className="button" onClick={() => void read()}>
            {p.read}
          </button>
        </div>
        <div role="alert">
          {error && (
            <p id={`${uid}-error`} className="form-error">
              {error}
            </p>
          )}
        </div>
      </div>
      <div role="status" aria-live="polite" className={styles.announce}>
        {announcement}
      </div>

      {reading && (
        <>
          <h3 id={`${uid}-proposals`} ref={listHeading} tabIndex={-1}>
            {p.proposals} ({reading.targets.length})
          </h3>
          {reading.targets.length === 0 ? (
            <p className="card empty">{p.none}</p>
          ) : (
            <ol className={styles.cards} aria-labelledby={`${uid}-proposals`}>
              {shown.map(({ t, i }) => {
                const done = isSaved(i);
                const parent = t.parentIndex !== null ? reading.targets[t.parentIndex] : undefined;
                const parentId = t.parentIndex !== null ? savedIds.get(t.parentIndex) : undefined;
                const headingId = `${uid}-card-${i}`;
                return (
                  <li key={`${reading.no}-${i}`} className={styles.card} aria-labelledby={headingId} data-proposal={i}>
                    <h4
                      id={headingId}
                      tabIndex={-1}
                      ref={(el) => {
                        if (el) headings.current.set(i, el);
                        else headings.current.delete(i);
                      }}
                    >
                      {fill(p.proposal, i + 1)}
                      {done && <span className={`badge ${styles.savedBadge}`}> {p.saved}</span>}
                    </h4>
                    <div className={styles.columns}>
                      <div className={styles.source}>
                        <p className={styles.caption}>{p.sentence}</p>
                        <blockquote className={styles.quote}>
                          “<Sentence sentence={t.sentence} statement={t.statement} />”
                        </blockquote>
                        {parent && t.parentIndex !== null && (
                          <div className={styles.parent}>
                            <p>{fill(p.ofParent, t.parentIndex + 1)}</p>
                            <blockquote className={styles.quote}>
                              “{parent.sentence === t.sentence ? parent.statement : parent.sentence}”
                            </blockquote>
                            {!done && (
                              <p className="notice">
                                {parentId
                                  ? fill(p.parentSet, t.parentIndex + 1)
                                  : isSkipped(t.parentIndex)
                                    ? fill(p.parentSkipped, t.parentIndex + 1)
                                    : fill(p.parentPending, t.parentIndex + 1)}
                              </p>
                            )}
                          </div>
                        )}
                        {!done && t.kind !== "QUALITATIVE" && !initial[i]?.indicatorCode && <p className="notice">{p.noIndicator}</p>}
                        {!done && t.measureWord && t.measureWord !== "%" && <p className="muted">{fill(p.measure, `“${t.measureWord}”`)}</p>}
                      </div>
                      <div>
                        {done ? (
                          <p className="form-ok">{fill(p.savedNote, i + 1)}</p>
                        ) : (
                          <>
                            <TargetForm
                              m={m}
                              locale={locale}
                              planId={planId}
                              indicators={indicators}
                              unitSearch={unitSearch}
                              unit={issuerUnit}
                              groups={groups}
                              parents={parents}
                              values={initial[i]!}
                              action={action}
                              submitLabel={p.save}
                              idPrefix={`paste-${reading.no}-${i}`}
                              onSaved={onSaved(i)}
                              presetParentId={parentId}
                            />
                            <button type="button" className={`button secondary ${styles.skip}`} onClick={() => skip(i)}>
                              {p.skip}
                            </button>
                          </>
                        )}
                      </div>
                    </div>
                  </li>
                );
              })}
            </ol>
          )}
          {reading.notUnderstood.length > 0 && (
            <section aria-labelledby={`${uid}-not-understood`} className={styles.notUnderstood}>
              <h3 id={`${uid}-not-understood`}>
                {p.notUnderstood} ({reading.notUnderstood.length})
              </h3>
              <p className="muted">{p.notUnderstoodHint}</p>
              <ul className="card">
                {reading.notUnderstood.map((n, j) => (
                  <li key={j} data-reason={n.reason}>
                    <blockquote className={styles.quote}>
                      “<Sentence sentence={n.sentence} statement={n.statement} />”
                    </blockquote>
                    <p className={styles.reason}>{(p.reasons as Record<string, string | undefined>)[n.reason] ?? p.reasons.other}</p>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
