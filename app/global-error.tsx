"use client";
// When the root layout itself fails: a page of its own (no layout, no cookie read), in both
// languages, from the small texts module (lib/i18n/states.ts). Next.js may serve it prerendered
// (/_global-error), with scripts whose nonce is not the one the request's Content-Security-Policy
// names (proxy.ts): the browser then runs none of them. So both ways out are plain links: "Try
// again" reloads this address (href=""), and where scripts do run it calls reset() instead.
import { stateTexts } from "@/lib/i18n/states";

const { vi, en } = stateTexts;
const both = (a: string, b: string) => `${a} / ${b}`;

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="vi">
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "2rem" }}>
        <h1>{both(vi.errorTitle, en.errorTitle)}</h1>
        <p>{both(vi.error, en.error)}</p>
        <p>
          <a
            href=""
            onClick={(e) => {
              e.preventDefault();
              reset();
            }}
          >
            {both(vi.retry, en.retry)}
          </a>{" "}
          <a href="/">{both(vi.home, en.home)}</a>
        </p>
      </body>
    </html>
  );
}
