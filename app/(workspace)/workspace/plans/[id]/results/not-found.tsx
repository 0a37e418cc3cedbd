import { NotFoundCard } from "@/components/ui/not-found-card";
import { getLocale } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";

export default async function PlanResultsNotFound() {
  const m = messages(await getLocale()).grid;
  return <NotFoundCard title={m.notFound.title} body={m.notFound.body} links={[{ href: "/workspace", label: m.forbidden.back }]} />;
}
