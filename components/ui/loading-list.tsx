/** Placeholder shown while a list page loads. */
export function LoadingList() {
  return (
    <div aria-busy="true" aria-live="polite">
      <p className="sr-only">Đang tải… / Loading…</p>
      <div className="skeleton" />
      <div className="skeleton" />
      <div className="skeleton" />
    </div>
  );
}
