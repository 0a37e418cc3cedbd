"use client";
// Unexpected errors: a generic message in both languages, never a stack trace.
import { useEffect } from "react";
import { stateTexts } from "@/lib/i18n/states";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const vi = typeof document === "undefined" || document.documentElement.lang !== "en";
  // The small texts module, not the whole catalogue: this page is part of every route's JavaScript.
  const t = stateTexts[vi ? "vi" : "en"];
  return (
    <div className="card empty" role="alert">
      <h1>{t.errorTitle}</h1>
      <p>{t.error}</p>
      {error.digest && <p className="muted">{t.errorReference}: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
