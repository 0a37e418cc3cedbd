"use client";
// A field that chooses one administrative unit among the ~13.400 of the registry by searching
// (GET /api/v1/units), for the account forms and plan authoring. An ARIA 1.2 combobox: a text box
// (role=combobox) that controls a listbox of units; ArrowDown/ArrowUp move through them, Enter
// chooses, Escape closes; the mouse works too. Searches wait for a pause in typing (200 ms) and a
// newer search aborts the older one. Each option shows the unit's name, where it lies, its key and,
// for a unit that has ended, "(đến 30/06/2025)".
//
// The form posts the chosen unit's KEY under `name` (a hidden input), as the selects did. Without
// JavaScript (and until it runs) the field is a plain text box named `name` where the key is typed;
// the server checks whatever arrives. The pure parts live in unit-picker-format.ts.
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { formatNumber } from "@/lib/domain/numbers";
import { inLocale, type Locale } from "@/lib/i18n/locale";
import type { TUnitPickerText } from "@/lib/i18n/unit-picker";
import {
  chosenUnit,
  mergeOptions,
  moveActive,
  pickerSearchUrl,
  pickerUnitOf,
  pinnedMatching,
  readSearchAnswer,
  typedKey,
  unitDetail,
  type TPickerFilters,
  type TPickerUnit,
} from "./unit-picker-format";
import styles from "./unit-picker.module.css";

export type { TPickerFilters, TPickerUnit } from "./unit-picker-format";

/** The chosen unit: its key (what the form posts), its name (what the field shows) and where it lies. */
export type TUnitPickerValue = { key: string; label: string; detail?: string; unit?: TPickerUnit };

/** How long typing must pause before a search is sent. */
const DEBOUNCE_MS = 200;

type Phase = "idle" | "searching" | "done" | "error";

type Props = {
  /** The text box's id, for the form's <label htmlFor>. */
  id: string;
  /** The name the chosen unit's key is posted under ("unitCode", "issuerUnitCode"). */
  name: string;
  m: TUnitPickerText;
  locale: Locale;
  /** The form's fixed filters: levels, the jurisdiction (`within`), a day (`validOn`). */
  filters?: TPickerFilters;
  /** Units offered first, whatever the search finds (the account's own units), when the typed text matches them. */
  pinned?: readonly TPickerUnit[];
  /** The unit chosen when the form opens: its key, and its name if known (else it is looked up). */
  initial?: { key: string; label?: string; detail?: string } | null;
  disabled?: boolean;
  /** The form has an error for this field (aria-invalid). */
  invalid?: boolean;
  /** Ids of the field's error message(s), read with the field. */
  describedBy?: string;
  onChange?: (value: TUnitPickerValue | null) => void;
};

/** The API's error message in the reader's language, if the answer carries one. */
function apiMessage(body: unknown, locale: Locale): string | null {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" && message.trim() ? inLocale(message, locale) : null;
}

export function UnitPicker({ id, name, m, locale, filters, pinned = [], initial, disabled, invalid, describedBy, onChange }: Props) {
  const uid = useId();
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;
  const detailId = `${uid}-detail`;
  const statusId = `${uid}-status`;
  const optionId = (i: number) => `${uid}-opt-${i}`;

  const [enhanced, setEnhanced] = useState(false);
  const [chosen, setChosen] = useState<TUnitPickerValue | null>(initial?.key ? { key: initial.key, label: initial.label ?? initial.key, detail: initial.detail } : null);
  const [text, setText] = useState(initial?.key ? (initial.label ?? initial.key) : "");
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<TPickerUnit[]>([]);
  const [total, setTotal] = useState(0);
  const [phase, setPhase] = useState<Phase>("idle");
  const [error, setError] = useState("");
  const [active, setActive] = useState(-1);
  const [left, setLeft] = useState(false);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  // The filters as last rendered, read by searches started from a timer.
  const filtersRef = useRef(filters);
  const pinnedRef = useRef(pinned);
  useEffect(() => {
    filtersRef.current = filters;
    pinnedRef.current = pinned;
  });

  const pinnedKeys = new Set(pinned.map((u) => u.key));
  const options = mergeOptions(pinnedMatching(pinned, text), found);
  const expanded = open && options.length > 0;

  // Enhance once JavaScript runs: the plain text box becomes the combobox.
  useEffect(() => setEnhanced(true), []);

  // Stop a pending search when the field goes away.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  // A unit given by its key only (the form kept what was posted): look its name up.
  const initialKey = initial?.key;
  const initialLabel = initial?.label;
  useEffect(() => {
    if (!initialKey || initialLabel) return;
    const ctrl = new AbortController();
    fetch(`/api/v1/units/${encodeURIComponent(initialKey)}`, { signal: ctrl.signal, headers: { accept: "application/json" } })
      .then((res) => (res.ok ? res.json() : null))
      .then((body) => {
        const u = pickerUnitOf(body);
        if (!u || ctrl.signal.aborted) return;
        // Only if the person has not changed the field meanwhile.
        setChosen((c) => (c?.key === u.key ? chosenUnit(u, m) : c));
        setText((t) => (t === initialKey ? u.name : t));
      })
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [initialKey, initialLabel, m]);

  const search = useCallback(
    (q: string) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      request.current?.abort();
      const ctrl = new AbortController();
      request.current = ctrl;
      setPhase("searching");
      fetch(pickerSearchUrl(q, filtersRef.current ?? {}), { signal: ctrl.signal, headers: { accept: "application/json" } })
        .then(async (res) => {
          const body: unknown = await res.json().catch(() => null);
          if (ctrl.signal.aborted) return;
          if (!res.ok) {
            setFound([]);
            setTotal(0);
            setError(apiMessage(body, locale) ?? m.failed);
            setPhase("error");
            return;
          }
          const answer = readSearchAnswer(body);
          setFound(answer.units);
          setTotal(answer.total);
          // The units offered first (the account's own) keep their places when the answer arrives:
          // an option already chosen with the arrow keys among them stays active.
          const kept = pinnedMatching(pinnedRef.current, q).length;
          setActive((a) => (a >= 0 && a < kept ? a : -1));
          setPhase("done");
        })
        .catch(() => {
          if (ctrl.signal.aborted) return;
          setFound([]);
          setTotal(0);
          setError(m.failed);
          setPhase("error");
        });
    },
    [locale, m.failed],
  );

  const searchSoon = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    request.current?.abort();
    setPhase("searching");
    timer.current = setTimeout(() => search(q), DEBOUNCE_MS);
  };

  const openList = () => {
    setOpen(true);
    setLeft(false);
    if (phase === "idle") search(text === chosen?.label ? "" : text);
  };

  const choose = (u: TPickerUnit) => {
    const value = chosenUnit(u, m);
    setChosen(value);
    setText(u.name);
    setOpen(false);
    setActive(-1);
    setLeft(false);
    onChange?.(value);
  };

  // Keep the active option in view.
  useEffect(() => {
    if (active < 0) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    el?.scrollIntoView?.({ block: "nearest" });
  }, [active]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case "ArrowDown":
      case "ArrowUp": {
        e.preventDefault();
        if (!open) {
          openList();
          if (!e.altKey && options.length) setActive(e.key === "ArrowDown" ? 0 : options.length - 1);
          return;
        }
        if (!e.altKey) setActive((a) => moveActive(a, options.length, e.key === "ArrowDown" ? 1 : -1));
        return;
      }
      case "Enter":
        if (expanded && active >= 0 && options[active]) {
          e.preventDefault();
          choose(options[active]!);
        }
        return;
      case "Escape":
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        return;
      case "Tab":
        setOpen(false);
        setActive(-1);
        return;
    }
  };

  if (!enhanced) {
    // Without JavaScript: the key is typed; the server validates it.
    return (
      <div className={styles.picker}>
        <input
          id={id}
          name={name}
          type="text"
          defaultValue={initial?.key ?? ""}
          disabled={disabled}
          autoComplete="off"
          spellCheck={false}
          maxLength={20}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(" ")}
        />
        <p id={hintId} className="hint">
          {initial?.label ? `${initial.label}. ` : ""}
          {m.hintPlain}
        </p>
      </div>
    );
  }

  const value = chosen?.key ?? typedKey(text);
  const displayTotal = total + (options.length - found.length);
  const status =
    phase === "searching" && open
      ? m.searching
      : phase === "error" && open
        ? error
        : open && phase === "done"
          ? options.length === 0
            ? m.noResults
            : `${m.found} ${formatNumber(displayTotal)}${displayTotal > options.length ? `. ${m.more}` : ""}`
          : left && !chosen && text.trim() && !typedKey(text)
            ? m.notChosen
            : "";

  return (
    <div className={styles.picker}>
      <div className={styles.box}>
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={[hintId, chosen?.detail ? detailId : undefined, describedBy].filter(Boolean).join(" ")}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
          disabled={disabled}
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            setOpen(true);
            setLeft(false);
            setActive(-1);
            if (chosen) {
              setChosen(null);
              onChange?.(null);
            }
            searchSoon(next);
          }}
          onKeyDown={onKeyDown}
          onClick={() => {
            if (!open) openList();
          }}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
            setLeft(true);
          }}
        />
        {!disabled && <input type="hidden" name={name} value={value} />}
        <ul id={listId} ref={listRef} role="listbox" aria-label={m.list} className={styles.list} hidden={!expanded}>
          {options.map((u, i) => (
            <li
              key={u.key}
              id={optionId(i)}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={`${styles.option} ${i === active ? styles.active : ""} ${u.key === chosen?.key ? styles.current : ""}`}
              // Keep the focus in the text box; the click chooses.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(u)}
              onMouseMove={() => {
                if (active !== i) setActive(i);
              }}
            >
              <span className={styles.name}>
                {u.name}
                {pinnedKeys.has(u.key) && <span className={styles.yours}> ({m.yours})</span>}
              </span>
              <span className={styles.detail}>{unitDetail(u, m)}</span>
            </li>
          ))}
        </ul>
      </div>
      {chosen?.detail && (
        <p id={detailId} className={`hint ${styles.chosen}`}>
          {chosen.detail}
        </p>
      )}
      <p id={statusId} className={styles.status} role="status" aria-live="polite">
        {status}
      </p>
      <p id={hintId} className="hint">
        {m.hint}
      </p>
    </div>
  );
}
