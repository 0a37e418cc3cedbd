import type { Metadata } from "next";
import Link from "next/link";
import { notFound, forbidden } from "next/navigation";
import { ImportForm } from "@/components/spreadsheets/import-form";
import { ForbiddenError, hasPermission } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listResultsForGrid } from "@/lib/data/results-write";
import { getMessages } from "@/lib/i18n/server";
import { MAX_FILE_BYTES } from "@/lib/spreadsheets/format";
import { importResultsAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getMessages()).m.spreadsheets.title };
}

export default async function ImportResultsPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor(`/workspace/plans/${encodeURIComponent(id)}/import`);
  const { locale, t: ui, m } = await getMessages();
  const t = m.spreadsheets;
  let grid;
  try {
    grid = await listResultsForGrid(actor, id);
  } catch (e) {
    if (!(e instanceof ForbiddenError)) throw e;
    forbidden(); // ./forbidden.tsx, status 403
  }
  if (!grid) notFound();
  const base = `/workspace/plans/${encodeURIComponent(grid.plan.id)}`;

  return (
    <>
      <nav className="breadcrumbs" aria-label={ui.workspace.breadcrumb}>
        <ol>
          <li>
            <Link href="/workspace">{t.breadcrumbWorkspace}</Link>
          </li>
          <li>
            <Link href={`${base}/results`}>{t.breadcrumbGrid}</Link>
          </li>
          <li aria-current="page">{t.title}</li>
        </ol>
      </nav>
      <h1>{t.title}</h1>
      <p className="lead">
        <span className="code">{grid.plan.code ?? t.noNumber}</span> – {grid.plan.title}
      </p>
      <p style={{ maxWidth: "60rem" }}>{t.intro}</p>

      {grid.cells.length === 0 ? (
        <p className="card muted">{t.noRows}</p>
      ) : (
        <>
          <section aria-labelledby="step-download">
            <h2 id="step-download">{t.step1}</h2>
            <div className="toolbar">
              <a className="button" href={`${base}/export?format=xlsx`} download>
                {t.downloadXlsx}
              </a>
              <a className="button secondary" href={`${base}/export?format=csv`} download>
                {t.downloadCsv}
              </a>
            </div>
            <p className="hint">{t.downloadHint}</p>
          </section>
          <section aria-labelledby="step-upload">
            <h2 id="step-upload">{t.step2}</h2>
            <ImportForm locale={locale} action={importResultsAction} planId={grid.plan.id} canPublish={hasPermission(actor, "result.publish")} maxBytes={MAX_FILE_BYTES} />
          </section>
        </>
      )}
      <p style={{ marginTop: "1.5rem" }}>
        <Link href={`${base}/results`}>{t.backToGrid}</Link>
      </p>
    </>
  );
}
