// forbidden() from ./page.tsx: this account may not hold API tokens (403).
import { Forbidden } from "@/components/ui/forbidden";
import { getMessages } from "@/lib/i18n/server";

export default async function TokensForbidden() {
  const t = (await getMessages()).m.accounts;
  return <Forbidden title={t.users.forbiddenTitle} body={t.common.forbidden} backHref="/workspace" backLabel={t.common.backToWorkspace} />;
}
