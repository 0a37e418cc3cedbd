import Link from "next/link";
import { getLocale } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";

export default async function PlanResultsNotFound() {
  const m = messages(await getLocale()).grid;
  return (
    <div className="card empty">
      <h1>{m.notFound.title}</h1>
      <p>{m.notFound.body}</p>
      <p>
        <Link href="/workspace" className="button">
          {m.forbidden.back}
        </Link>
      </p>
    </div>
  );
}
