import { NotFoundCard } from "@/components/ui/not-found-card";
import { getMessages } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <NotFoundCard
      title={t.states.notFoundTitle}
      body={t.states.notFound}
      links={[
        { href: "/plans", label: t.nav.plans },
        { href: "/", label: t.states.home, secondary: true },
      ]}
    />
  );
}
