// forbidden() from ./page.tsx: the unit registry is managed by administrators (403), under the
// account pages' navigation as the page itself is.
import { AccountNav } from "@/components/account/account-nav";
import { Forbidden } from "@/components/ui/forbidden";
import { getActor } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";

export default async function UnitsAdminForbidden() {
  const actor = await getActor();
  const { t: dict, m } = await getMessages();
  const t = m.unitsAdmin;
  return (
    <>
      {actor && <AccountNav actor={actor} current="units" t={m.accounts} workspaceLabel={dict.workspace.title} />}
      <Forbidden title={t.forbiddenTitle} body={t.forbiddenText} backHref="/workspace" backLabel={t.backToWorkspace} />
    </>
  );
}
