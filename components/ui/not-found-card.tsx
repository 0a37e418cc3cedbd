import { Fragment } from "react";
import Link from "next/link";

export type TWayOut = { href: string; label: string; secondary?: boolean };

/** The 404 message in place of a page: what was not found, and the ways on (buttons, the first the main one). */
export function NotFoundCard({ title, body, links }: { title: string; body: string; links: TWayOut[] }) {
  return (
    <div className="card empty">
      <h1>{title}</h1>
      <p>{body}</p>
      <p>
        {links.map((l, i) => (
          <Fragment key={l.href}>
            {i > 0 && " "}
            <Link href={l.href} className={l.secondary ? "button secondary" : "button"}>
              {l.label}
            </Link>
          </Fragment>
        ))}
      </p>
    </div>
  );
}
