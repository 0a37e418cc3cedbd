import { Fragment } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { messages } from "@/lib/i18n/messages";
import styles from "./download-links.module.css";

/** A path with its query: parameters that are undefined or empty are left out. */
export function withQuery(path: string, params: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return q ? `${path}?${q}` : path;
}

/**
 * The downloads of a page: the workbook for people first ("Tải bảng tính (XLSX)"), its CSV when
 * given, then smaller links to the machine-readable API (docs/api.md: "Downloads for people" vs the API).
 */
export function DownloadLinks({
  xlsx,
  csv,
  machine,
  locale,
}: {
  /** The reader workbook (/plans/{id}/download, …). */
  xlsx: string;
  /** The reader CSV (semicolons and a decimal comma in Vietnamese). */
  csv?: string;
  /** The API's answers, named by their format ("CSV", "JSON"). */
  machine: { label: string; href: string }[];
  locale: Locale;
}) {
  const t = messages(locale).downloads.links;
  return (
    <div className={`${styles.downloads} no-print`} role="group" aria-label={t.group}>
      <a className="button secondary" href={xlsx} download data-download="xlsx">
        {t.xlsx}
      </a>
      {csv && (
        <a href={csv} download data-download="csv">
          {t.csv}
        </a>
      )}
      {machine.length > 0 && (
        <span className={styles.machine} data-machine-data>
          {t.machine}{" "}
          {machine.map((m, i) => (
            <Fragment key={m.href}>
              {i > 0 && " · "}
              <a href={m.href}>{m.label}</a>
            </Fragment>
          ))}
        </span>
      )}
    </div>
  );
}
