// forbidden() from ./page.tsx: the approval inbox is for those who approve results (403).
import { Forbidden } from "@/components/ui/forbidden";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export default async function InboxForbidden() {
  const t = messages(await getLocale()).workflow.inbox;
  return <Forbidden title={t.forbiddenTitle} body={t.forbiddenBody} backHref="/workspace" backLabel={t.back} />;
}
