// forbidden() from ./page.tsx: the whole audit log is for administrators (403).
import { Forbidden } from "@/components/ui/forbidden";
import { getMessages } from "@/lib/i18n/server";

export default async function AuditForbidden() {
  const { m } = await getMessages();
  return <Forbidden title={m.audit.forbiddenTitle} body={m.audit.forbidden} backHref="/workspace" backLabel={m.audit.backToWorkspace} />;
}
