import type { Metadata } from "next";
import Link from "next/link";
import { unitName } from "@/components/plans/format";
import { listUnits } from "@/lib/data/units";
import { formatDate } from "@/lib/domain/numbers";
import { getMessages } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.units.title };
}

export default async function UnitsPage() {
  const { locale, t } = await getMessages();
  const units = await listUnits();
  const provinces = units.filter((u) => u.level === "PROVINCE");
  const current = provinces.filter((u) => !u.validTo);
  const former = provinces.filter((u) => u.validTo);
  const byId = new Map(units.map((u) => [u.id, u]));
  return (
    <>
      <h1>{t.units.title}</h1>
      <p className="lead">{t.units.intro}</p>
      <div className="grid-2">
        <section aria-labelledby="current" className="card">
          <h2 id="current" style={{ marginTop: 0 }}>
            {t.units.current}
          </h2>
          <ul>
            {current.map((u) => (
              <li key={u.id}>
                <Link href={`/units/${u.code}`}>{unitName(u, locale)}</Link>
                {units.some((p) => p.successorId === u.id) && (
                  <span className="muted">
                    {" "}
                    ({t.units.predecessors.toLowerCase()}:{" "}
                    {units
                      .filter((p) => p.successorId === u.id)
                      .map((p) => p.shortName)
                      .join(", ")}
                    )
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="former" className="card">
          <h2 id="former" style={{ marginTop: 0 }}>
            {t.units.former}
          </h2>
          <ul>
            {former.map((u) => {
              const succ = u.successorId ? byId.get(u.successorId) : undefined;
              return (
                <li key={u.id}>
                  <Link href={`/units/${u.code}`}>{unitName(u, locale)}</Link>{" "}
                  <span className="muted">
                    ({t.units.until(formatDate(u.validTo))}
                    {succ && (
                      <>
                        ; {t.units.mergedInto} {unitName(succ, locale)}
                      </>
                    )}
                    )
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      </div>
    </>
  );
}
