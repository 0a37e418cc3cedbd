// The unit registry search (lib/data/units-search.ts) and its API (GET /api/v1/units,
// /api/v1/units/{key}) on the full registry, on both backends: the counts before and after the
// 1 July 2025 reform, search without diacritics, children of a unit, the units within one (down
// to three levels), several levels at once, keys of reused codes, pagination, and errors that are
// JSON, never a 500.
import { NextRequest } from "next/server";
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { GET as unitsGET } from "@/app/api/v1/units/route";
import { GET as unitGET } from "@/app/api/v1/units/[key]/route";
import { getUnitByKey, searchAllUnits, searchUnits, type TUnitPage } from "@/lib/data/units-search";
import { withPg } from "./helpers";

const get = (path: string) => new NextRequest(`http://localhost${path}`);
const getUnit = (key: string) => unitGET(get(`/api/v1/units/${encodeURIComponent(key)}`), { params: Promise.resolve({ key }) });
const page = async (q: Parameters<typeof searchUnits>[0]): Promise<TUnitPage> => {
  const r = await searchUnits(q);
  expect(r).not.toBeNull();
  return r!;
};

type ApiUnit = {
  key: string;
  code: string;
  name: string;
  level: string;
  parent: { key: string; name: string } | null;
  province: { key: string } | null;
  successor: { key: string } | null;
  validFrom: string | null;
  validTo: string | null;
};
type ApiLink = { key: string; code: string; name: string; level: string; share: string; effectiveOn: string };
type ApiList = { data: ApiUnit[]; total: number; page: number; pageSize: number; pageCount: number; links: { next: string | null; prev: string | null } };

describe("searchUnits: the registry before and after the reform", () => {
  it.each([
    ["2025-07-01", "PROVINCE", 34],
    ["2025-07-01", "COMMUNE", 3321],
    ["2025-06-30", "PROVINCE", 63],
    ["2025-06-30", "COMMUNE", 10047],
  ] as const)("on %s: %s × %i", async (validOn, level, n) => {
    expect((await page({ level, validOn })).total).toBe(n);
  });

  it("holds every unit once, the nation first and provinces before communes", async () => {
    const all = await searchAllUnits({});
    const rows = await withPg((c) => c.query<{ n: string }>(`SELECT count(*) AS n FROM "admin_unit"`));
    expect(all!.total).toBe(Number(rows.rows[0]!.n));
    expect(new Set(all!.items.map((u) => u.key)).size).toBe(all!.total);
    expect(all!.items[0]!.level).toBe("NATION");
    const levels = all!.items.map((u) => u.level);
    expect(levels.indexOf("COMMUNE")).toBeGreaterThan(levels.lastIndexOf("PROVINCE"));
  });

  it.each(["vinh thinh", "Vĩnh Thịnh", "VĨNH THỊNH", "  xa   vinh  THINH "])("%j finds every Xã Vĩnh Thịnh, ignoring case, diacritics and spacing", async (q) => {
    const r = await page({ q });
    expect(r.total).toBe(6);
    expect(new Set(r.items.map((u) => u.name))).toEqual(new Set(["Xã Vĩnh Thịnh"]));
    // Two of today, four that ended on 30 June 2025 (each with the province it lay in).
    const today = await page({ q, validOn: "2025-07-01" });
    expect(today.items.map((u) => u.key).sort()).toEqual(["11836", "21796"]);
    expect(r.items.filter((u) => u.validTo?.toISOString().slice(0, 10) === "2025-06-30")).toHaveLength(4);
    for (const u of r.items) expect(u.province?.level).toBe("PROVINCE");
  });

  it("matches đ as d and every word, and nothing for a word no name holds", async () => {
    const dn = await page({ q: "đà nẵng", level: "PROVINCE" });
    expect(dn.items.map((u) => u.name)).toContain("Thành phố Đà Nẵng");
    expect((await page({ q: "da nang", level: "PROVINCE" })).total).toBe(dn.total);
    expect((await page({ q: "vinh thinh zzz" })).total).toBe(0);
    // LIKE's wildcards are text, not patterns.
    expect((await page({ q: "%" })).total).toBe(0);
    expect((await page({ q: "_" })).total).toBe(0);
    expect((await page({ q: "\\" })).total).toBe(0);
    expect((await page({ q: "vinh_thinh" })).total).toBe(0);
  });

  it("finds a unit by its code or key, provinces first", async () => {
    const r = await page({ q: "92" });
    expect(r.items.slice(0, 2).map((u) => u.key).sort()).toEqual(["92", "92-2025"]);
    expect(r.items[0]!.level).toBe("PROVINCE");
    expect((await page({ q: "92-2025" })).items.map((u) => u.key)).toEqual(["92-2025"]);
  });

  it("lists the children of a unit by its key: parent=92 is today's Cần Thơ, 92-2025 the one before", async () => {
    const now = await page({ parent: "92", pageSize: 200 });
    expect(now.total).toBe(103);
    expect(now.parent?.key).toBe("92");
    expect(now.items.map((u) => u.name)).toContain("Phường Ninh Kiều");
    for (const u of now.items) {
      expect(u.level).toBe("COMMUNE");
      expect(u.parent?.key).toBe("92");
      expect(u.validTo).toBeNull();
    }
    const before = await page({ parent: "92-2025", pageSize: 200 });
    expect(before.total).toBeGreaterThan(0);
    for (const u of before.items) expect(u.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    const nowKeys = new Set(now.items.map((u) => u.key));
    expect(before.items.filter((u) => nowKeys.has(u.key))).toEqual([]);
    expect(await searchUnits({ parent: "99999" })).toBeNull();
  });

  it("paginates: every unit once across the pages, totals agree, a page past the end is the last", async () => {
    const first = await page({ parent: "92" });
    expect([first.pageSize, first.pageCount, first.items.length]).toEqual([50, 3, 50]);
    const keys = [...first.items.map((u) => u.key)];
    for (let p = 2; p <= first.pageCount; p++) keys.push(...(await page({ parent: "92", page: p })).items.map((u) => u.key));
    expect(keys).toHaveLength(103);
    expect(new Set(keys).size).toBe(103);

    const communes = await page({ level: "COMMUNE", validOn: "2025-07-01", pageSize: 200, page: 999 });
    expect([communes.total, communes.pageCount, communes.page, communes.items.length]).toEqual([3321, 17, 17, 3321 - 16 * 200]);
    // Deep pages of the whole registry (the sort's worst case) stay in order.
    const deep = await page({ page: 200 });
    expect(deep.items).toHaveLength(50);
    const names = deep.items.map((u) => `${u.level}|${u.key}`);
    expect(new Set(names).size).toBe(50);
    expect(deep.items.every((u) => u.level === "COMMUNE")).toBe(true);
  });
});

describe("searchUnits: within a unit, down to three levels", () => {
  it("within=08 is today's Tuyên Quang's 124 communes, the same as its children; never the province itself", async () => {
    const within = await page({ within: ["08"], pageSize: 200 });
    expect(within.total).toBe(124);
    expect(within.items.every((u) => u.level === "COMMUNE" && u.province?.key === "08")).toBe(true);
    expect(within.items.map((u) => u.key)).not.toContain("08");
    const children = await page({ parent: "08", pageSize: 200 });
    expect(new Set(within.items.map((u) => u.key))).toEqual(new Set(children.items.map((u) => u.key)));
    // With a query, a level and a day, as the unit pickers ask.
    const phuLinh = await page({ within: ["08"], q: "phu linh", level: "COMMUNE", validOn: "2025-07-01" });
    expect(phuLinh.items.map((u) => [u.key, u.name])).toEqual([["00706", "Xã Phú Linh"]]);
    expect((await page({ within: ["92"], q: "phu linh" })).total).toBe(0);
  });

  it("within the nation: every unit but the nation, provinces and communes alike", async () => {
    const all = await page({});
    const within = await page({ within: ["VN"] });
    expect(within.total).toBe(all.total - 1);
    expect((await page({ within: ["VN"], level: "NATION" })).total).toBe(0);
  });

  it("finds a province's communes under a former district too (three levels deep), not four", async () => {
    // A commune under huyện Châu Thành (942, under Sóc Trăng 94, under the nation), and a unit under
    // that commune: the registry holds none, so the test adds them and takes them away again.
    const ids = ["unit-test-depth3", "unit-test-depth4"];
    const insert = (client: pg.Client, id: string, key: string, parentId: string, name: string) =>
      client.query(
        `INSERT INTO "admin_unit" ("id", "key", "code", "name", "shortName", "level", "parentId", "validTo", "searchName")
         VALUES ($1, $2, $2, $3, $3, 'COMMUNE', $4, '2025-06-30', $5)`,
        [id, key, name, parentId, name.toLowerCase()],
      );
    try {
      await withPg(async (client) => {
        const district = await client.query<{ id: string }>(`SELECT "id" FROM "admin_unit" WHERE "key" = '942'`);
        await insert(client, ids[0]!, "T9990003", district.rows[0]!.id, "Xa thu nghiem ba cap");
        await insert(client, ids[1]!, "T9990004", ids[0]!, "Xa thu nghiem bon cap");
      });
      const soc = await searchAllUnits({ within: ["94"], q: "xa thu nghiem" });
      expect(soc!.items.map((u) => u.key)).toEqual(["T9990003", "T9990004"]);
      // From the nation, the commune under the district is three levels down; the unit below it is four.
      const vn = await searchAllUnits({ within: ["VN"], q: "xa thu nghiem" });
      expect(vn!.items.map((u) => u.key)).toEqual(["T9990003"]);
      const both = await searchAllUnits({ within: ["94"], level: "DISTRICT" });
      expect(both!.items.map((u) => u.key)).toEqual(["942"]);
    } finally {
      await withPg((client) => client.query(`DELETE FROM "admin_unit" WHERE "id" = ANY($1)`, [ids]));
    }
  });

  it("several units at once, and several levels at once", async () => {
    const two = await page({ within: ["08", "92"], level: "COMMUNE", validOn: "2025-07-01", pageSize: 200 });
    expect(two.total).toBe(124 + 103);
    const both = await page({ levels: ["DISTRICT", "COMMUNE"], within: ["94"], pageSize: 200 });
    expect(new Set(both.items.map((u) => u.level))).toEqual(new Set(["DISTRICT", "COMMUNE"]));
    expect(both.items[0]!.level).toBe("DISTRICT");
    expect(await searchUnits({ within: ["08", "99999"] })).toBeNull();
  });
});

describe("getUnitByKey: reused codes are different units", () => {
  it("92 is today's Cần Thơ, 92-2025 the one before, which went into it", async () => {
    const now = (await getUnitByKey("92"))!;
    const before = (await getUnitByKey("92-2025"))!;
    expect(now.code).toBe("92");
    expect(before.code).toBe("92");
    expect(now.validFrom?.toISOString().slice(0, 10)).toBe("2025-07-01");
    expect(now.validTo).toBeNull();
    expect(before.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    expect(before.successor?.key).toBe("92");
    expect(before.successors.map((s) => [s.key, s.share])).toEqual([["92", "FULL"]]);
    expect(now.predecessors.map((p) => p.key).sort()).toEqual(["92-2025", "93", "94"]);
    expect(now.children).toBe(103);
    expect(before.children).not.toBe(now.children);
    expect(await getUnitByKey("00000")).toBeNull();
    expect(await getUnitByKey("<script>")).toBeNull();
  });
});

describe("GET /api/v1/units", () => {
  it("answers a page with totals and relative links", async () => {
    const res = await unitsGET(get("/api/v1/units?q=vinh%20thinh&pageSize=4"));
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBeTruthy();
    const body = (await res.json()) as ApiList;
    expect([body.total, body.page, body.pageSize, body.pageCount]).toEqual([6, 1, 4, 2]);
    expect(body.links).toEqual({ next: "/api/v1/units?q=vinh+thinh&pageSize=4&page=2", prev: null });
    const u = body.data[0]!;
    expect(u.name).toBe("Xã Vĩnh Thịnh");
    expect(u.level).toBe("commune");
    expect(Object.keys(u)).toEqual(expect.arrayContaining(["key", "code", "name", "nameEn", "level", "parent", "validFrom", "validTo"]));
    const second = (await (await unitsGET(get(body.links.next!))).json()) as ApiList;
    expect(second.data).toHaveLength(2);
    expect(second.links).toEqual({ next: null, prev: "/api/v1/units?q=vinh+thinh&pageSize=4&page=1" });
  });

  it("filters by level, parent and validOn", async () => {
    const provinces = (await (await unitsGET(get("/api/v1/units?level=province&validOn=2025-06-30&pageSize=100"))).json()) as ApiList;
    expect(provinces.total).toBe(63);
    expect(provinces.data.find((u) => u.key === "92-2025")).toMatchObject({ code: "92", validTo: "2025-06-30", successor: { key: "92" } });
    const communes = (await (await unitsGET(get("/api/v1/units?parent=92"))).json()) as ApiList;
    expect([communes.total, communes.data.length]).toEqual([103, 50]);
    expect(communes.data.every((u) => u.parent?.key === "92" && u.province?.key === "92")).toBe(true);
  });

  it("filters by within and by several levels, and keeps both in its links", async () => {
    const res = await unitsGET(get("/api/v1/units?within=08&level=commune&validOn=2025-07-01&pageSize=100"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as ApiList;
    expect([body.total, body.data.length]).toEqual([124, 100]);
    expect(body.data.every((u) => u.level === "commune" && u.province?.key === "08")).toBe(true);
    expect(body.links.next).toBe("/api/v1/units?level=commune&within=08&validOn=2025-07-01&pageSize=100&page=2");
    const mixed = (await (await unitsGET(get("/api/v1/units?within=94&level=district,commune&pageSize=1"))).json()) as ApiList;
    expect(mixed.data[0]!.level).toBe("district");
    expect(mixed.links.next).toBe("/api/v1/units?level=district%2Ccommune&within=94&pageSize=1&page=2");
    const csv = await (await unitsGET(get("/api/v1/units?within=08&format=csv"))).text();
    expect(csv.replace(/^\uFEFF/, "").split(/\r\n/).filter(Boolean)).toHaveLength(125);
  });

  it("gives CSV of every matching unit", async () => {
    const res = await unitsGET(get("/api/v1/units?parent=92&format=csv"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").split(/\r\n/).filter(Boolean);
    expect(lines[0]).toBe("key,code,name,nameEn,level,parentKey,parentName,provinceKey,provinceName,validFrom,validTo,successorKey,successorName");
    expect(lines).toHaveLength(104);
    expect(lines.some((l) => l.includes("Phường Ninh Kiều"))).toBe(true);
  });

  it.each([
    "level=town",
    "validOn=2025-02-30",
    "validOn=tomorrow",
    "page=0",
    "page=-1",
    "pageSize=201",
    "pageSize=abc",
    "parent=%3Cscript%3E",
    "format=xml",
    "within=%3Cscript%3E",
    "within=08,",
    `within=${Array.from({ length: 9 }, (_, i) => `0${i + 1}`).join(",")}`,
    "level=district,town",
    "level=,",
    `q=${"x".repeat(201)}`,
    "q=%00",
  ])("refuses ?%s with a bilingual 400", async (qs) => {
    const res = await unitsGET(get(`/api/v1/units?${qs}`));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("bad_request");
    expect(body.error.message).toContain(" / ");
  });

  it("answers 404 for a parent that names no unit", async () => {
    const res = await unitsGET(get("/api/v1/units?parent=99999"));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });

  it("answers 404 naming the key of within that names no unit", async () => {
    const res = await unitsGET(get("/api/v1/units?within=08,99999"));
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toContain('"99999" (tham số within)');
    expect(body.error.message).not.toContain('"08"');
  });
});

describe("GET /api/v1/units/{key}", () => {
  it("92 and 92-2025 are different units, with their successions", async () => {
    const now = (await (await getUnit("92")).json()) as ApiUnit & { children: number; predecessors: ApiLink[]; successors: ApiLink[] };
    const before = (await (await getUnit("92-2025")).json()) as typeof now;
    expect(now).toMatchObject({ key: "92", code: "92", level: "province", validFrom: "2025-07-01", validTo: null, children: 103, successors: [] });
    expect(now.predecessors.find((p) => p.key === "94")).toEqual({ key: "94", code: "94", name: "Tỉnh Sóc Trăng", level: "province", share: "full", effectiveOn: "2025-07-01" });
    expect(before).toMatchObject({ key: "92-2025", code: "92", validTo: "2025-06-30", successor: { key: "92" }, predecessors: [] });
    expect(before.successors).toEqual([{ key: "92", code: "92", name: "Thành phố Cần Thơ", level: "province", share: "full", effectiveOn: "2025-07-01" }]);
  });

  it("a commune split between several new ones lists each as partial", async () => {
    const split = await withPg((c) =>
      c.query<{ key: string; n: string }>(
        `SELECT u."key", count(*) AS n FROM "unit_succession" s JOIN "admin_unit" u ON u."id" = s."predecessorId" WHERE s."share" = 'PARTIAL' GROUP BY u."key" ORDER BY u."key" LIMIT 1`,
      ),
    );
    const key = split.rows[0]!.key;
    const body = (await (await getUnit(key)).json()) as { successor: unknown; successors: ApiLink[] };
    expect(body.successor).toBeNull();
    expect(body.successors.length).toBe(Number(split.rows[0]!.n));
    expect(body.successors.every((s) => s.share === "partial")).toBe(true);
  });

  it.each([
    ["00000", 404],
    ["92-1999", 404],
    ["<script>", 400],
    ["%ZZ", 400],
    ["' OR 1=1 --", 400],
    ["\u0000", 400],
    ["x".repeat(300), 400],
  ])("%j → %i JSON, never a 500", async (key, status) => {
    const res = await getUnit(key);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/ \/ /);
  });

  it("refuses a format other than json", async () => {
    expect((await unitGET(get("/api/v1/units/92?format=csv"), { params: Promise.resolve({ key: "92" }) })).status).toBe(400);
  });
});
