// POST /api/v1/targets/parse on a real database, both backends (docs/api.md, "Reading plan text"):
// the text of 58/KH-UBND answers the six targets the seed holds for it, in the API's Target shape
// without ids, indicators and groups from the catalogue; the body is plain UTF-8 text of at most
// 64 KB (65.536 bytes: accepted; one byte more: 413, without reading the rest); another content
// type or bytes that are not UTF-8 are a 400; GET a 405; and nothing is written, no cookie set.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/targets/parse/route";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { db } from "@/lib/db/client";
import { tableCounts, withPg } from "./helpers";

const URL_ = "http://localhost/api/v1/targets/parse";
const FIXTURE = readFileSync(new URL("../../lib/domain/plan-text/fixtures/58-kh-ubnd-chau-thanh-2023.txt", import.meta.url), "utf8");
const LIMIT = 65_536;

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "text/plain; charset=utf-8" }, init: RequestInit = {}) =>
  POST(new Request(URL_, { method: "POST", body, headers, ...init }));

type TProposal = Record<string, unknown> & {
  indicator: { code: string; name: string; unit: string } | null;
  group: { code: string; name: string; nameEn: string } | null;
  kind: string;
  lower: number | null;
  upper: number | null;
  parentIndex: number | null;
  statement: string;
  sentence: string;
};
type TAnswer = { data: TProposal[]; notUnderstood: { reason: string; sentence: string; statement: string }[] };

async function expectError(res: Response, status: number, code: string): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  // Both languages, as every message of the API ("tiếng Việt / English").
  expect(body.error.message).toMatch(/ \/ /);
  return body.error.message;
}

/** A text of exactly `bytes` bytes of UTF-8: the fixture, then spaces. */
function textOfBytes(bytes: number): string {
  const base = Buffer.byteLength(FIXTURE, "utf8");
  expect(base).toBeLessThan(bytes);
  const text = FIXTURE + " ".repeat(bytes - base);
  expect(Buffer.byteLength(text, "utf8")).toBe(bytes);
  return text;
}

describe("POST /api/v1/targets/parse", () => {
  it("reads 58/KH-UBND into the six targets the seed holds, in the Target shape, writing nothing", async () => {
    const before = await withPg(tableCounts);
    const res = await post(FIXTURE);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = (await res.json()) as TAnswer;
    expect(Object.keys(body).sort()).toEqual(["data", "notUnderstood"]);
    expect(body.data).toHaveLength(6);

    // The Target shape of GET /api/v1/plans/{id}, without id and progress, plus where each came from.
    const keys = [
      "indicator", "group", "kind", "lower", "upper", "strict", "approximate", "annual", "baseline", "unit", "periodStart", "periodEnd",
      "parentId", "equivalent", "statement", "measure", "sentence", "parentIndex",
    ].sort();
    for (const t of body.data) {
      expect(Object.keys(t).sort()).toEqual(keys);
      expect(t).toMatchObject({ unit: null, parentId: null, periodStart: 2023, periodEnd: 2023, strict: false, annual: false, baseline: null });
      expect(t.sentence).toContain(t.statement);
    }
    const brief = body.data.map((t) => ({ indicator: t.indicator?.code, group: t.group?.code, kind: t.kind, lower: t.lower, upper: t.upper, parentIndex: t.parentIndex }));
    expect(brief).toEqual([
      { indicator: "poor-rate", group: "all", kind: "decrease_by", lower: 2, upper: 2.5, parentIndex: null },
      { indicator: "poor-rate", group: "khmer", kind: "decrease_by", lower: 3, upper: 3.5, parentIndex: 0 },
      { indicator: "jobs", group: "all", kind: "count", lower: 2400, upper: null, parentIndex: null },
      { indicator: "labour-export", group: "all", kind: "count", lower: 25, upper: null, parentIndex: 2 },
      { indicator: "vocational-training", group: "rural-workers", kind: "count", lower: 350, upper: null, parentIndex: null },
      { indicator: "trained-certified-rate", group: "all", kind: "reach_at_least", lower: 37, upper: null, parentIndex: null },
    ]);
    expect(body.data[2]!.statement).toContain("2.400 lao động");
    expect(body.data[3]!.statement).toContain("25 người");

    // What the seed holds for the plan, target by target, parents named by their place in the list.
    const seeded = await db().target.findMany({
      where: { planId: "plan-58-kh-ubnd-2023" },
      orderBy: { position: "asc" },
      select: { id: true, kind: true, lower: true, upper: true, parentId: true, periodStart: true, periodEnd: true, indicator: { select: { code: true } }, group: { select: { code: true } } },
    });
    const ids = seeded.map((s) => s.id);
    expect(
      seeded.map((s) => ({
        indicator: s.indicator?.code,
        group: s.group.code,
        kind: s.kind.toLowerCase(),
        lower: s.lower === null ? null : Number(s.lower),
        upper: s.upper === null ? null : Number(s.upper),
        parentIndex: s.parentId ? ids.indexOf(s.parentId) : null,
      })),
    ).toEqual(brief);

    // Names and units from the catalogue, never from the text.
    const catalogue = await db().indicator.findMany({ select: { code: true, name: true, measureUnit: true } });
    for (const t of body.data) {
      const c = catalogue.find((i) => i.code === t.indicator!.code)!;
      expect(t.indicator).toEqual({ code: c.code, name: c.name, unit: c.measureUnit });
    }
    expect(body.data[4]!.group).toMatchObject({ code: "rural-workers", name: expect.any(String), nameEn: expect.any(String) });

    expect(await withPg(tableCounts)).toEqual(before);
  });

  it("accepts exactly 64 KB and refuses one byte more with 413, without reading the rest", async () => {
    const exact = await post(textOfBytes(LIMIT));
    expect(exact.status).toBe(200);
    expect(((await exact.json()) as TAnswer).data).toHaveLength(6);

    const message = await expectError(await post(textOfBytes(LIMIT + 1)), 413, "too_large");
    expect(message).toContain("64 KB");
    // Declared too large: refused before reading.
    await expectError(await post(textOfBytes(LIMIT + 1), { "content-type": "text/plain", "content-length": String(LIMIT + 1) }), 413, "too_large");

    // Undeclared and endless: reading stops just past the limit.
    let pulled = 0;
    const CHUNK = 16 * 1024;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 1000) controller.close();
        else controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
      },
    });
    await expectError(await post(endless, { "content-type": "text/plain" }, { duplex: "half" } as RequestInit), 413, "too_large");
    expect(pulled).toBeLessThanOrEqual(LIMIT / CHUNK + 3);
  });

  it("refuses another content type, or none, with 400 saying to send text/plain", async () => {
    for (const type of ["application/json", "text/csv", "application/octet-stream", "multipart/form-data; boundary=x"]) {
      const message = await expectError(await post(FIXTURE, { "content-type": type }), 400, "bad_request");
      expect(message).toContain("text/plain");
    }
    await expectError(await post(new TextEncoder().encode(FIXTURE), {}), 400, "bad_request");
  });

  it("takes any charset parameter but reads UTF-8 only: other bytes are a 400", async () => {
    for (const type of ["text/plain", "TEXT/PLAIN; charset=UTF-8", "text/plain; charset=windows-1258"]) {
      expect((await post("Giải quyết việc làm cho 2.400 lao động.", { "content-type": type })).status).toBe(200);
    }
    // "Giải" in Windows-1258 / Latin-1 bytes: not UTF-8.
    const latin1 = new Uint8Array([0x47, 0x69, 0xe1, 0x69, 0x20, 0x32, 0x2e, 0x34, 0x30, 0x30, 0xff]);
    const message = await expectError(await post(latin1, { "content-type": "text/plain; charset=windows-1258" }), 400, "bad_request");
    expect(message).toContain("UTF-8");
  });

  it("answers an empty or blank text with empty lists", async () => {
    for (const text of ["", "   \n\t  \r\n"]) {
      const res = await post(text);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: [], notUnderstood: [] });
    }
  });

  it("answers GET (and other methods) with 405 JSON", async () => {
    const res = await GET();
    await expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("POST");
  });

  it("lets one address read 30 texts at once, then refuses with 429 and Retry-After; another address is not concerned", async () => {
    const from = (ip: string) => ({ "content-type": "text/plain", [CLIENT_IP_HEADER]: ip });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await post("Giải quyết việc làm cho 2.400 lao động.", from("198.51.100.40"))).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await post("Giải quyết việc làm cho 2.400 lao động.", from("198.51.100.40"));
    await expectError(refused, 429, "too_many_requests");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await post("Giải quyết việc làm cho 2.400 lao động.", from("198.51.100.41"))).status).toBe(200);
  });
});
