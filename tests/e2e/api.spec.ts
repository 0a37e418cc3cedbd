// The open-data API as a script would use it (docs/api.md).
import { expect, test } from "@playwright/test";
import { PLAN_IDS, SOC_TRANG_PLAN_IDS } from "./support";

type ApiPlan = { id: string; code: string | null; unit: { code: string; name: string; level: string }; issuedOn: string | null };

test("GET /api/v1/plans lists the five plans with codes exactly as issued", async ({ request }) => {
  const res = await request.get("/api/v1/plans");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = (await res.json()) as { data: ApiPlan[] };
  expect(body.data).toHaveLength(5);
  expect(body.data.map((p) => p.id).sort()).toEqual([...PLAN_IDS].sort());
  const code = (id: string) => body.data.find((p) => p.id === id)?.code;
  expect(code("plan-58-kh-ubnd-2023")).toBe("58/KH-UBND");
  expect(code("plan-1845-ubnd-vx-2018")).toBe("1845/UBND-VX");
  expect(code("plan-199-kh-ubnd-2022")).toBe("199/KH-UBND");
  expect(code("plan-bac-lieu-2024")).toBeNull();
  expect(code("plan-soc-trang-phong-trao-2021-2025")).toBeNull();
  const p58 = body.data.find((p) => p.id === "plan-58-kh-ubnd-2023")!;
  expect(p58.issuedOn).toBe("2023-03-21");
  expect(p58.unit).toEqual({ code: "942", name: "Huyện Châu Thành", level: "district" });
});

test("?q=soc trang finds the Sóc Trăng plans, with or without diacritics", async ({ request }) => {
  for (const q of ["soc%20trang", encodeURIComponent("SÓC TRĂNG"), encodeURIComponent("Sóc Trăng")]) {
    const res = await request.get(`/api/v1/plans?q=${q}`);
    expect(res.status()).toBe(200);
    const { data } = (await res.json()) as { data: ApiPlan[] };
    expect(data.map((p) => p.id).sort(), q).toEqual([...SOC_TRANG_PLAN_IDS].sort());
  }
  const sonLa = (await (await request.get("/api/v1/plans?q=son%20la")).json()) as { data: ApiPlan[] };
  expect(sonLa.data.map((p) => p.code)).toEqual(["199/KH-UBND"]);
  const unit92 = (await (await request.get("/api/v1/plans?unit=92")).json()) as { data: ApiPlan[] };
  expect(unit92.data.map((p) => p.id).sort()).toEqual([...SOC_TRANG_PLAN_IDS].sort());
});

test("?format=csv gives text/csv with a header row and five data rows", async ({ request }) => {
  const res = await request.get("/api/v1/plans?format=csv");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/csv/);
  const text = (await res.text()).replace(/^\uFEFF/, "");
  const lines = text.split(/\r?\n/).filter((l) => l !== "");
  expect(lines).toHaveLength(6);
  const header = lines[0]!.split(",");
  expect(header).toContain("id");
  expect(header).toContain("code");
  expect(header).toContain("title");
  expect(text).toContain("58/KH-UBND");
  expect(text).toContain("1845/UBND-VX");
  expect(text).toContain("199/KH-UBND");
  expect(text).toContain("Sóc Trăng");
});

test("GET /api/v1/plans/plan-58-kh-ubnd-2023 has its targets with progress status no_data", async ({ request }) => {
  const res = await request.get("/api/v1/plans/plan-58-kh-ubnd-2023");
  expect(res.status()).toBe(200);
  const plan = (await res.json()) as { code: string; targets: { id: string; parentId: string | null; lower: number | null; upper: number | null; progress: { status: string; targetId: string } }[] };
  expect(plan.code).toBe("58/KH-UBND");
  expect(plan.targets).toHaveLength(6);
  for (const t of plan.targets) {
    expect(t.progress.status, t.id).toBe("no_data");
    expect(t.progress.targetId).toBe(t.id);
  }
  const khmer = plan.targets.find((t) => t.id === "target-58-poor-rate-khmer")!;
  expect(khmer.parentId).toBe("target-58-poor-rate");
  expect([khmer.lower, khmer.upper]).toEqual([3, 3.5]);
  expect(plan.targets.find((t) => t.id === "target-58-jobs")!.lower).toBe(2400);
});

test("an unknown plan is a 404 JSON error", async ({ request }) => {
  const res = await request.get("/api/v1/plans/nope");
  expect(res.status()).toBe(404);
  expect(res.headers()["content-type"]).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(typeof body.error.code).toBe("string");
  expect(typeof body.error.message).toBe("string");
  expect(body.error.message.length).toBeGreaterThan(0);
});

test("a malformed year is a 400 JSON error", async ({ request }) => {
  const res = await request.get("/api/v1/plans?year=abc");
  expect(res.status()).toBe(400);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBeTruthy();
  expect(body.error.message).toContain("year");
});

test("/api/v1/openapi.json describes the API as OpenAPI 3.1.0", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
  expect(doc.openapi).toBe("3.1.0");
  for (const p of ["/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/progress"]) expect(Object.keys(doc.paths)).toContain(p);
});

test("/api/v1/progress?unit=942 gives Châu Thành's target progress", async ({ request }) => {
  const res = await request.get("/api/v1/progress?unit=942");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { data: { targetId: string; planCode: string | null; status: string }[] };
  expect(body.data.length).toBeGreaterThan(0);
  expect(body.data.map((r) => r.targetId)).toContain("target-58-jobs");
  for (const r of body.data) expect(r.status).toMatch(/^(no_data|on_track|at_risk|off_track|met|exceeded|missed)$/);
});

test("garbage input never gives a server error", async ({ request }) => {
  const long = "a".repeat(5000);
  const queries = [
    `q=${long}`,
    `q=${encodeURIComponent("ソク・チャン 🚀 Sóc Trăng ⁦‮")}`,
    `q=${encodeURIComponent("' OR 1=1; DROP TABLE \"Plan\"; --")}`,
    `q=${encodeURIComponent("%_\\")}`,
    "q=%00",
    "q=abc%00def",
    "q=%FF%FE",
    "unit=%00",
    `unit=${encodeURIComponent("' OR '1'='1")}`,
    "year=99999",
    "year=-1",
    "year=%00",
    "type=%00",
    "type=../../etc/passwd",
    "page=999999999999",
    "page=-5",
    "pageSize=0",
    "pageSize=100000",
    "format=xml",
    "format=%00",
    "q=a&q=b&unit=14&unit=92",
  ];
  const urls = [
    ...queries.map((q) => `/api/v1/plans?${q}`),
    ...queries.map((q) => `/api/v1/plans?format=csv&${q}`),
    ...queries.map((q) => `/plans?${q}`),
    "/api/v1/plans/%00",
    `/api/v1/plans/${long}`,
    `/api/v1/plans/${encodeURIComponent("' OR 1=1 --")}`,
    "/api/v1/plans/plan-58-kh-ubnd-2023?asOf=2023-02-30",
    "/api/v1/plans/plan-58-kh-ubnd-2023?asOf=%00",
    "/api/v1/progress?unit=%00",
    `/api/v1/progress?unit=${long}`,
    "/api/v1/progress?year=abc",
    `/api/v1/progress?indicator=${encodeURIComponent("'; --")}`,
    "/api/v1/progress?asOf=tomorrow",
    "/api/v1/nothing-here",
    "/plans/%00",
    `/plans/${encodeURIComponent("<script>alert(1)</script>")}`,
    "/units/%00",
    `/units/${encodeURIComponent("' OR 1=1 --")}`,
  ];
  const failures: string[] = [];
  for (const url of urls) {
    const res = await request.get(url, { maxRedirects: 0 });
    if (res.status() >= 500) failures.push(`${res.status()} ${url.slice(0, 120)}`);
    else if (url.startsWith("/api/") && res.status() >= 400) {
      const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
      if (!body?.error?.code || !body.error.message) failures.push(`${res.status()} without a JSON error: ${url.slice(0, 120)}`);
      const text = JSON.stringify(body);
      if (/\bat .*\.(js|ts):\d+/.test(text) || text.includes("Prisma")) failures.push(`stack trace or internals leaked: ${url.slice(0, 120)}`);
    }
  }
  expect(failures, failures.join("\n")).toEqual([]);
});
