// The open-data API's lists page their JSON with links, and give the whole list as CSV, on both
// backends: /api/v1/progress a page of targets at a time (links to self, first, last, prev,
// next, keeping the other parameters), a page past the end the last one, the CSV every row
// (streamed, the same bytes as one written whole); /api/v1/plans with the same links.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as plansGET } from "@/app/api/v1/plans/route";
import { GET as progressGET } from "@/app/api/v1/progress/route";
import { toCsv } from "@/lib/api/http";

const get = (path: string) => new NextRequest(`http://localhost${path}`);
type TPage = { data: { targetId: string }[]; meta: { total: number; page: number; pageSize: number; pageCount: number }; links: Record<string, string | null> };

describe("/api/v1/progress, a page at a time", () => {
  it("pages the targets with links that keep the other parameters, and every target is on exactly one page", async () => {
    const whole = (await (await progressGET(get("/api/v1/progress"))).json()) as TPage;
    const total = whole.meta.total;
    expect(total).toBeGreaterThan(10);
    expect(whole.meta).toEqual({ total, page: 1, pageSize: 500, pageCount: 1 });
    expect(whole.data).toHaveLength(total);

    const first = (await (await progressGET(get("/api/v1/progress?asOf=2025-12-31&pageSize=4"))).json()) as TPage;
    const pageCount = Math.ceil(total / 4);
    expect(first.meta).toEqual({ total, page: 1, pageSize: 4, pageCount });
    expect(first.links).toEqual({
      self: "/api/v1/progress?asOf=2025-12-31&pageSize=4&page=1",
      first: "/api/v1/progress?asOf=2025-12-31&pageSize=4&page=1",
      last: `/api/v1/progress?asOf=2025-12-31&pageSize=4&page=${pageCount}`,
      prev: null,
      next: "/api/v1/progress?asOf=2025-12-31&pageSize=4&page=2",
    });
    const seen: string[] = [];
    let link: string | null | undefined = first.links.self;
    while (link) {
      const page = (await (await progressGET(get(link))).json()) as TPage;
      seen.push(...page.data.map((r) => r.targetId));
      link = page.links.next;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen)).toEqual(new Set(whole.data.map((r) => r.targetId)));

    const past = (await (await progressGET(get("/api/v1/progress?pageSize=4&page=999"))).json()) as TPage;
    expect(past.meta.page).toBe(pageCount);
    expect(past.links.next).toBeNull();
    expect(past.links.prev).toBe(`/api/v1/progress?pageSize=4&page=${pageCount - 1}`);
  });

  it("refuses a page or page size that is not a positive whole number, or a page size over 2.000", async () => {
    for (const q of ["page=0", "page=abc", "pageSize=0", "pageSize=2001", "pageSize=-1"]) {
      const res = await progressGET(get(`/api/v1/progress?${q}`));
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message, q).toMatch(/page/);
    }
  });

  it("gives every row as CSV, streamed, the same bytes as the file written whole", async () => {
    const json = (await (await progressGET(get("/api/v1/progress?pageSize=2000"))).json()) as TPage & { data: Record<string, unknown>[] };
    const res = await progressGET(get("/api/v1/progress?format=csv&pageSize=3"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8"); // the byte-order mark kept
    const columns = ["targetId", "planId", "planCode", "indicator", "group", "unit", "year", "actual", "achieved", "percent", "status"];
    expect(text).toBe("\uFEFF" + toCsv(columns, json.data));
    expect(text.trim().split("\r\n")).toHaveLength(json.meta.total + 1);
  });
});

describe("/api/v1/plans", () => {
  it("links its pages the same way", async () => {
    const body = (await (await plansGET(get("/api/v1/plans?pageSize=2&q=ke+hoach"))).json()) as TPage;
    expect(body.meta.page).toBe(1);
    expect(body.links.self).toBe("/api/v1/plans?pageSize=2&q=ke+hoach&page=1");
    expect(body.links.prev).toBeNull();
    if (body.meta.pageCount > 1) expect(body.links.next).toBe("/api/v1/plans?pageSize=2&q=ke+hoach&page=2");
    expect(body.links.last).toBe(`/api/v1/plans?pageSize=2&q=ke+hoach&page=${body.meta.pageCount}`);
  });
});

describe("/api/v1/compare, a page at a time", () => {
  it("pages the rows with links, keeps every total on each page, and every row is on exactly one page", async () => {
    const { GET: compareGET } = await import("@/app/api/v1/compare/route");
    type TComparePage = { data: { unit: { code: string }; value: number }[]; totals: unknown[]; meta: TPage["meta"]; links: TPage["links"] };
    const whole = (await (await compareGET(get("/api/v1/compare?indicator=model-funding&year=2023"))).json()) as TComparePage;
    const total = whole.meta.total;
    expect(total).toBeGreaterThanOrEqual(2);
    expect(whole.meta).toEqual({ total, page: 1, pageSize: 500, pageCount: 1 });
    expect(whole.data).toHaveLength(total);
    const seen: TComparePage["data"] = [];
    let link: string | null | undefined = "/api/v1/compare?indicator=model-funding&year=2023&pageSize=1";
    while (link) {
      const page = (await (await compareGET(get(link))).json()) as TComparePage;
      expect(page.meta.pageSize).toBe(1);
      expect(page.totals).toEqual(whole.totals);
      seen.push(...page.data);
      link = page.links.next;
    }
    expect(seen).toEqual(whole.data);
    const past = (await (await compareGET(get(`/api/v1/compare?indicator=model-funding&year=2023&pageSize=1&page=${total + 5}`))).json()) as TComparePage;
    expect(past.meta.page).toBe(total);
    expect((await compareGET(get("/api/v1/compare?indicator=model-funding&pageSize=2001"))).status).toBe(400);
    expect((await compareGET(get("/api/v1/compare?indicator=model-funding&page=0"))).status).toBe(400);
  });

  it("gives the whole series as CSV, streamed, the same bytes as the file written whole", async () => {
    const { GET: compareGET } = await import("@/app/api/v1/compare/route");
    const { COMPARE_CSV_COLUMNS, compareCsvRows } = await import("@/lib/api/compare");
    const { compareIndicator, orderComparison } = await import("@/lib/data/rollups");
    const res = await compareGET(get("/api/v1/compare?indicator=model-funding&year=2023&format=csv&pageSize=1"));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const text = Buffer.from(await res.arrayBuffer()).toString("utf8");
    const c = (await compareIndicator({ indicatorCode: "model-funding", groupCode: "all", year: 2023 }))!;
    const rows = compareCsvRows(c, orderComparison(c.rows, "name"));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(text).toBe("\uFEFF" + toCsv(COMPARE_CSV_COLUMNS, rows));
  });
});
