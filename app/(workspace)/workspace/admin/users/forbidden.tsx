// forbidden() from ./page.tsx: accounts are managed by administrators (403), under the account
// pages' navigation as the page itself is.
import { AccountNav } from "@/components/account/account-nav";
import { Forbidden } from "@/components/ui/forbidden";
import { getActor } from "@/lib/auth/session";
import { getMessages } from "@/lib/i18n/server";

export default async function UsersForbidden() {
  const actor = await getActor();
  const { t: dict, m } = await getMessages();
  const t = m.accounts;
  return (
    <>
      {actor && <AccountNav actor={actor} current="users" t={t} workspaceLabel={dict.workspace.title} />}
      <Forbidden title={t.users.forbiddenTitle} body={t.users.forbiddenText} backHref="/workspace" backLabel={t.common.backToWorkspace} />
    </>
  );
}
