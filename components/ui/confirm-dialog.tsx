"use client";
// THE confirmation of a heavy step (docs/architecture.md, "Confirming heavy steps"): publishing
// a plan, locking or unlocking an account, resetting a password, revoking a token, approving
// and publishing an imported file. It says what will happen and to how many rows, and only its
// own button posts the form with CONFIRM_FIELD=CONFIRM_VALUE ("confirm=yes"): the action's
// `confirm` step (lib/actions/pipeline.ts) runs nothing without it and answers the question
// instead (the state's `ask`).
//
//  - ConfirmButton: a trigger that opens the dialog (the question is known when the page is
//    drawn: a plan's number and its targets, an account's email).
//  - ConfirmDialog: the dialog itself, opened by its owner (the import form opens it with the
//    question the server answered: the number of rows is only known once the file is read).
//
// A native modal <dialog>, titled (aria-labelledby) and described by its question
// (aria-describedby); focus moves to "Cancel" (the safe choice) when it opens and back where it
// was when it closes; Escape, "Cancel" and a click outside cancel. Both are rendered INSIDE the
// <form> they confirm. Without JavaScript, the trigger posts the form unconfirmed, the server
// answers the question, and it is asked inline (ConfirmInline) with the confirming button.
import { useEffect, useId, useRef, useState, useSyncExternalStore, type ReactNode, type RefObject } from "react";
import { CONFIRM_FIELD, CONFIRM_VALUE } from "@/lib/validation/action-state";
import styles from "./confirm-dialog.module.css";

/** What a confirmation says: its title, the question (what will happen, to how many rows), and its two buttons. */
export type TConfirmText = { title: string; question: string; confirm: string; cancel: string };

const subscribeNothing = () => () => {};

/** False while the page is drawn on the server and hydrated (and for ever without JavaScript), true after. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

/** The button that confirms: it alone posts confirm=yes. */
function ConfirmSubmit({ label, onClick }: { label: string; onClick?: () => void }) {
  return (
    <button type="submit" name={CONFIRM_FIELD} value={CONFIRM_VALUE} className="button" onClick={onClick} data-confirm="yes">
      {label}
    </button>
  );
}

type TDialogProps = {
  open: boolean;
  /** Called whenever the dialog closes: cancelled (Escape, "Cancel", outside) or confirmed. */
  onClose: () => void;
  text: TConfirmText;
  /** Where focus goes back to when the dialog closes (default: the element focused when it opened). */
  returnFocus?: RefObject<HTMLElement | null>;
  /** Something more below the question (e.g. a list); the question stays the description. */
  children?: ReactNode;
};

export function ConfirmDialog({ open, onClose, text, returnFocus, children }: TDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  const titleId = `${id}-title`;
  const questionId = `${id}-question`;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      cancel.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  function closed() {
    const back = returnFocus?.current ?? opener.current;
    onClose();
    // After the close: the element may be re-enabled by then (a pending form disables its buttons).
    requestAnimationFrame(() => back?.focus());
  }

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby={titleId}
      aria-describedby={questionId}
      onClose={closed}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its body) cancels.
        if (e.target === dialog.current) dialog.current?.close();
      }}
    >
      <div className={styles.body}>
        <h2 id={titleId} className={styles.title}>
          {text.title}
        </h2>
        <p id={questionId} className={styles.question}>
          {text.question}
        </p>
        {children}
        <div className={styles.actions}>
          <button ref={cancel} type="button" className="button secondary" onClick={() => dialog.current?.close()}>
            {text.cancel}
          </button>
          {/* Submits the form this dialog sits in (confirm=yes), then closes. */}
          <ConfirmSubmit label={text.confirm} onClick={() => dialog.current?.close()} />
        </div>
      </div>
    </dialog>
  );
}

/** The question the server answered, asked in the page (no JavaScript: no dialog), with the confirming button. */
export function ConfirmInline({ text, question, note }: { text: TConfirmText; question: string; note?: string }) {
  const id = useId();
  return (
    <div className={styles.inline} role="alert" aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className={styles.inlineTitle}>
        {text.title}
      </p>
      <p className={styles.question}>{question}</p>
      {note && <p className="hint">{note}</p>}
      <div className={styles.actions}>
        {/* Cancelling is loading the page again (an empty href is the page's own address): nothing was changed. */}
        <a href="" className="button secondary">
          {text.cancel}
        </a>
        <ConfirmSubmit label={text.confirm} />
      </div>
    </div>
  );
}

type TButtonProps = {
  /** The trigger's text, and while the form is posted. */
  label: string;
  pendingLabel?: string;
  pending?: boolean;
  /** The confirmation (its question as the page knows it now). */
  text: TConfirmText;
  /** The question the server answered instead of running the step (the action state's `ask`), and that answer's seq. */
  asked?: string | undefined;
  askedSeq?: number | undefined;
  /** The trigger's classes: "button secondary" or "button danger"; never the filled brand button. */
  className: string;
  /** An accessible name when the text alone is ambiguous in a list ("Khóa tài khoản: x@y"). */
  ariaLabel?: string;
  /** Why the step cannot be taken now: the trigger says so (shown beside it) and opens nothing; the server refuses it too. */
  unavailable?: string | null;
};

/** A button that asks first (a native dialog), rendered inside the form it confirms. */
export function ConfirmButton({ label, pendingLabel, pending = false, text, asked, askedSeq, className, ariaLabel, unavailable }: TButtonProps) {
  const [open, setOpen] = useState(false);
  const [question, setQuestion] = useState(text.question);
  const trigger = useRef<HTMLButtonElement>(null);
  const hydrated = useHydrated();
  const reasonId = useId();

  // The server asked instead (the form was posted unconfirmed): ask its question in the dialog.
  useEffect(() => {
    if (!asked) return;
    setQuestion(asked);
    setOpen(true);
  }, [asked, askedSeq]);

  return (
    <>
      <button
        ref={trigger}
        // A submit button, so that without JavaScript it posts the form unconfirmed (and the server asks).
        type="submit"
        className={className}
        aria-label={ariaLabel}
        aria-haspopup="dialog"
        aria-disabled={unavailable ? true : undefined}
        aria-describedby={unavailable ? reasonId : undefined}
        disabled={pending}
        onClick={(e) => {
          e.preventDefault();
          if (unavailable) return;
          setQuestion(text.question);
          setOpen(true);
        }}
      >
        {pending && pendingLabel ? pendingLabel : label}
      </button>
      {unavailable && (
        <p id={reasonId} className={`hint ${styles.unavailable}`}>
          {unavailable}
        </p>
      )}
      <ConfirmDialog open={open} onClose={() => setOpen(false)} text={{ ...text, question }} returnFocus={trigger} />
      {asked && !hydrated && <ConfirmInline text={text} question={asked} />}
    </>
  );
}
