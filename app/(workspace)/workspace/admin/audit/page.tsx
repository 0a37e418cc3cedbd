import type { Metadata } from "next";
import Link from "next/link";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/auth/session";
import { listAudit } from "@/lib/data/audit";
import { formatDate, formatNumber, isIsoDate } from "@/lib/domain/numbers";
import { getMessages } from "@/lib/i18n/server";
import { ZSearchText } from "@/lib/validation/plans";
import { SelectField } from "@/components/ui/select-field";

export const dynamic = "force-dynamic";

const text = {
  vi: {
    title: "Nhật ký thay đổi",
    intro: "Mọi thao tác ghi dữ liệu: ai, khi nào, làm gì, giá trị trước và sau.",
    q: "Tìm (người, thao tác, mã bản ghi, lý do)",
    entity: "Loại bản ghi",
    from: "Từ ngày",
    to: "Đến ngày",
    any: "Tất cả",
    submit: "Lọc",
    when: "Thời điểm",
    who: "Người thực hiện",
    what: "Thao tác",
    record: "Bản ghi",
    change: "Trước → sau",
    reason: "Lý do",
    none: "Không có mục nào phù hợp.",
    total: (n: string) => `${n} mục`,
    forbidden: "Chỉ quản trị viên xem được toàn bộ nhật ký.",
    prev: "Trang trước",
    next: "Trang sau",
  },
  en: {
    title: "Audit log",
    intro: "Every write: who, when, what, and the values before and after.",
    q: "Search (person, action, record id, reason)",
    entity: "Record type",
    from: "From",
    to: "To",
    any: "All",
    submit: "Filter",
    when: "When",
    who: "Who",
    what: "Action",
    record: "Record",
    change: "Before → after",
    reason: "Reason",
    none: "No matching entries.",
    total: (n: string) => `${n} entries`,
    forbidden: "Only administrators can read the whole log.",
    prev: "Previous page",
    next: "Next page",
  },
};

const ENTITIES = ["result", "plan", "target", "user", "api_token", "session", "unit"];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const { locale } = await getMessages();
  return { title: text[locale].title };
}

function brief(v: unknown): string {
  if (v === null || v === undefined) return "—";
  const s = JSON.stringify(v);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireActor("/workspace/admin/audit");
  const { locale, t } = await getMessages();
  const m = text[locale];
  if (!can(actor, "audit.read.all")) {
    return (
      <div className="card empty" role="alert">
        <h1>403</h1>
        <p>{m.forbidden}</p>
      </div>
    );
  }
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : "");
  const q = ZSearchText.safeParse(one("q"));
  const filter = {
    q: q.success ? q.data : undefined,
    entity: ENTITIES.includes(one("entity")) ? one("entity") : undefined,
    from: isIsoDate(one("from")) ? one("from") : undefined,
    to: isIsoDate(one("to")) ? one("to") : undefined,
    page: /^\d{1,6}$/.test(one("page")) ? Number(one("page")) : 1,
  };
  const result = await listAudit(actor, filter);
  const href = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v && k !== "page") p.set(k, String(v));
    p.set("page", String(page));
    return `/workspace/admin/audit?${p.toString()}`;
  };
  return (
    <>
      <h1>{m.title}</h1>
      <p className="lead">{m.intro}</p>
      <form className="filters card" method="get" role="search">
        <div>
          <label htmlFor="q">{m.q}</label>
          <input id="q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={200} />
        </div>
        <SelectField id="entity" label={m.entity} value={filter.entity ?? ""} any={m.any} options={ENTITIES.map((e) => ({ value: e, label: e }))} />
        <div>
          <label htmlFor="from">{m.from}</label>
          <input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div>
          <label htmlFor="to">{m.to}</label>
          <input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {m.submit}
          </button>
          <Link href="/workspace/admin/audit">{t.plans.reset}</Link>
        </div>
      </form>
      <p aria-live="polite">
        <strong>{m.total(formatNumber(result.total, { locale }))}</strong>
      </p>
      {result.items.length === 0 ? (
        <p className="card empty">{m.none}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{m.title}</caption>
            <thead>
              <tr>
                <th scope="col">{m.when}</th>
                <th scope="col">{m.who}</th>
                <th scope="col">{m.what}</th>
                <th scope="col">{m.record}</th>
                <th scope="col">{m.change}</th>
                <th scope="col">{m.reason}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((e) => (
                <tr key={e.id}>
                  <td style={{ whiteSpace: "nowrap" }}>
                    {formatDate(e.at, { timeZone: "Asia/Ho_Chi_Minh" })} {new Date(e.at).toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })}
                  </td>
                  <td>
                    {e.actorLabel}
                    {e.ip && <div className="muted">{e.ip}</div>}
                  </td>
                  <td>{e.action}</td>
                  <td>
                    {e.entity}
                    {e.entityId && <div className="muted code">{e.entityId}</div>}
                  </td>
                  <td className="audit-change">
                    <div>{brief(e.before)}</div>
                    <div>→ {brief(e.after)}</div>
                  </td>
                  <td>{e.reason ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.pageCount > 1 && (
        <nav className="pagination" aria-label={t.plans.pagination}>
          {result.page > 1 ? <Link href={href(result.page - 1)}>← {m.prev}</Link> : <span />}
          <span>
            {result.page} / {result.pageCount}
          </span>
          {result.page < result.pageCount ? <Link href={href(result.page + 1)}>{m.next} →</Link> : <span />}
        </nav>
      )}
    </>
  );
}
