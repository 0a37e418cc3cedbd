// forbidden() from ./page.tsx: this account may not enter results for this plan (403).
import { Forbidden } from "@/components/ui/forbidden";
import { getMessages } from "@/lib/i18n/server";

export default async function ImportForbidden() {
  const t = (await getMessages()).m.spreadsheets;
  return <Forbidden title={t.title} body={t.forbidden} backHref="/workspace" backLabel={t.breadcrumbWorkspace} />;
}
