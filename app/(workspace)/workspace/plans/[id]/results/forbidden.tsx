// forbidden() from ./page.tsx: a plan outside the account's jurisdiction (403), nothing of it shown.
import { Forbidden } from "@/components/ui/forbidden";
import { messages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";

export default async function PlanResultsForbidden() {
  const m = messages(await getLocale()).grid;
  return <Forbidden title={m.forbidden.title} body={m.forbidden.body} backHref="/workspace" backLabel={m.forbidden.back} />;
}
