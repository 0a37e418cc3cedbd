// What forbidden() (next/navigation; next.config.ts authInterrupts) renders where no nearer
// forbidden.tsx says more: a signed-in account may not see this page. The answer's status is 403.
import { Forbidden } from "@/components/ui/forbidden";
import { getMessages } from "@/lib/i18n/server";

export default async function ForbiddenPage() {
  const { t } = await getMessages();
  return <Forbidden title={t.states.forbiddenTitle} body={t.states.forbidden} backHref="/workspace" backLabel={t.states.backToWorkspace} />;
}
