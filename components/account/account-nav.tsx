// Links between the workspace's account pages; "Manage accounts" and "Unit registry" only for administrators;
// "Chờ duyệt" (the approval inbox) for those who approve results, with the number of values waiting as a badge.
import Link from "next/link";
import { can, hasPermission, type TActor } from "@/lib/auth/permissions";
import { countInbox } from "@/lib/data/results-write";
import styles from "./account-nav.module.css";
import { messages, type TMessages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

type Current = "workspace" | "inbox" | "account" | "tokens" | "users" | "units";

export async function AccountNav({ actor, current, t, workspaceLabel }: { actor: TActor; current: Current; t: TMessages["accounts"]; workspaceLabel: string }) {
  const m = messages(await getLocale());
  const unitsLabel = can(actor, "unit.manage") ? m.unitsAdmin.nav : null;
  // A server component: it reads the count itself, so every page that shows the navigation shows it.
  const waiting = hasPermission(actor, "result.publish") ? await countInbox(actor) : null;
  const links: { key: Current; href: string; label: string; badge?: { n: number; label: string } }[] = [
    { key: "workspace", href: "/workspace", label: workspaceLabel },
    ...(waiting !== null ? [{ key: "inbox" as const, href: "/workspace/inbox", label: m.workflow.inbox.nav, badge: { n: waiting, label: m.workflow.inbox.waiting(waiting) } }] : []),
    { key: "account", href: "/workspace/account", label: t.nav.account },
    ...(can(actor, "token.own") ? [{ key: "tokens" as const, href: "/workspace/tokens", label: t.nav.tokens }] : []),
    ...(can(actor, "user.manage") ? [{ key: "users" as const, href: "/workspace/admin/users", label: t.nav.users }] : []),
    ...(unitsLabel ? [{ key: "units" as const, href: "/workspace/admin/units", label: unitsLabel }] : []),
  ];
  return (
    <nav aria-label={t.nav.label} className={styles.nav}>
      <ul className={styles.list}>
        {links.map((l) => (
          <li key={l.key}>
            <Link href={l.href} className={styles.link} aria-current={l.key === current ? "page" : undefined}>
              {l.label}
              {l.badge && (
                <>
                  {" "}
                  <span className={styles.badge} aria-hidden="true" data-waiting={l.badge.n}>
                    {l.badge.n}
                  </span>
                  <span className="sr-only">({l.badge.label})</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
