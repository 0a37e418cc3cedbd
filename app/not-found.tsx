import Link from "next/link";
import { getMessages } from "@/lib/i18n/server";

export default async function NotFound() {
  const { t } = await getMessages();
  return (
    <div className="card empty">
      <h1>{t.states.notFoundTitle}</h1>
      <p>{t.states.notFound}</p>
      <p>
        <Link href="/plans" className="button">
          {t.nav.plans}
        </Link>{" "}
        <Link href="/" className="button secondary">
          {t.states.home}
        </Link>
      </p>
    </div>
  );
}
