// Conditional GETs on the open-data API, on both backends: the ETag is the public data
// version and the day, a matching If-None-Match gets 304 with no body, and any write
// (here over a plain pg connection) gives a new ETag.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as plansGET } from "@/app/api/v1/plans/route";
import { GET as planGET } from "@/app/api/v1/plans/[id]/route";
import { GET as progressGET } from "@/app/api/v1/progress/route";
import { withPg } from "./helpers";

const get = (path: string, etag?: string) => new NextRequest(`http://localhost${path}`, { headers: etag ? { "if-none-match": etag } : {} });

describe("conditional GET", () => {
  it("answers 304 to a matching ETag, and 200 with a new ETag after a write", async () => {
    const first = await progressGET(get("/api/v1/progress?unit=14"));
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"\d+-\d{4}-\d{2}-\d{2}"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");

    const again = await progressGET(get("/api/v1/progress?unit=14", etag));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await progressGET(get("/api/v1/progress?unit=14", `W/"0-2000-01-01", ${etag}`))).status).toBe(304);
    expect((await progressGET(get("/api/v1/progress?unit=14", `W/"0-2000-01-01"`))).status).toBe(200);

    await withPg((c) => c.query(`UPDATE "plan" SET "title" = "title" WHERE "id" = 'plan-199-kh-ubnd-2022'`));
    const after = await progressGET(get("/api/v1/progress?unit=14", etag));
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("tags lists and details, never errors", async () => {
    const list = await plansGET(get("/api/v1/plans"));
    expect(list.headers.get("etag")).toBeTruthy();
    const missing = await planGET(get("/api/v1/plans/nope"), { params: Promise.resolve({ id: "nope" }) });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("etag")).toBeNull();
    const bad = await progressGET(get("/api/v1/progress?year=20x4"));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("etag")).toBeNull();
  });
});
