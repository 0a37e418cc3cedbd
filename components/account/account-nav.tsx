// Links between the workspace's account pages; "Manage accounts" and "Unit registry" only for administrators.
import Link from "next/link";
import { can, type TActor } from "@/lib/auth/permissions";
import styles from "./account-nav.module.css";
import { messages, type TMessages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

type Current = "workspace" | "account" | "tokens" | "users" | "units";

export async function AccountNav({ actor, current, t, workspaceLabel }: { actor: TActor; current: Current; t: TMessages["accounts"]; workspaceLabel: string }) {
  const unitsLabel = can(actor, "unit.manage") ? messages(await getLocale()).unitsAdmin.nav : null;
  const links: { key: Current; href: string; label: string }[] = [
    { key: "workspace", href: "/workspace", label: workspaceLabel },
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
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
