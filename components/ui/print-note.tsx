/** Shown only on paper: where the page came from and as of when, so a filed PDF stands on its own. */
export function PrintNote({ text }: { text: string }) {
  return <p className="print-only print-note">{text}</p>;
}
