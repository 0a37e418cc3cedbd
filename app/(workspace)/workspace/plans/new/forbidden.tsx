// forbidden() from ./page.tsx: the account may not draft plans (403).
import { Forbidden } from "@/components/ui/forbidden";
import { getMessages } from "@/lib/i18n/server";

export default async function NewPlanForbidden() {
  const { t, m } = await getMessages();
  return <Forbidden title={t.states.forbiddenTitle} body={m.authoring.forbidden} backHref="/workspace" backLabel={t.states.backToWorkspace} />;
}
