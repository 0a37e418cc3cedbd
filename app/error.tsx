"use client";
// Unexpected errors: a generic message in both languages, never a stack trace.
import { useEffect } from "react";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const vi = typeof document === "undefined" || document.documentElement.lang !== "en";
  return (
    <div className="card empty" role="alert">
      <h1>{vi ? "Đã có lỗi xảy ra" : "Something went wrong"}</h1>
      <p>{vi ? "Hệ thống chưa xử lý được yêu cầu này. Vui lòng thử lại sau ít phút." : "The portal could not handle this request. Please try again in a few minutes."}</p>
      {error.digest && <p className="muted">{vi ? "Mã lỗi" : "Error reference"}: {error.digest}</p>}
      <button type="button" className="button" onClick={reset}>
        {vi ? "Thử lại" : "Try again"}
      </button>
    </div>
  );
}
