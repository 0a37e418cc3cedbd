"use client";
// React 19 resets a <form action={…}> after the action runs, which would erase
// what an officer typed when the server refuses it (and put controlled selects out
// of step with their state). Submitting through this handler dispatches the same
// action in a transition without the reset; without JavaScript the form still posts.
import { startTransition, type FormEvent } from "react";

export function submitKeepingValues(dispatch: (form: FormData) => void) {
  return (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter ?? undefined);
    startTransition(() => dispatch(data));
  };
}
