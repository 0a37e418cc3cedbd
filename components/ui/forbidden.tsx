import Link from "next/link";

/**
 * The 403 message: what the account may not do here, and a way back, with nothing of the
 * resource shown. Rendered by the forbidden.tsx files in place of a page that called
 * `forbidden()` (next/navigation), so the answer's status is 403.
 */
export function Forbidden({ title, body, backHref, backLabel }: { title: string; body: string; backHref: string; backLabel: string }) {
  return (
    <div className="card empty" role="alert" data-http-status="403">
      <h1>{title}</h1>
      <p>{body}</p>
      <p className="muted">403</p>
      <p>
        <Link href={backHref} className="button">
          {backLabel}
        </Link>
      </p>
    </div>
  );
}
