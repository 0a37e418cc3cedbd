// The date progress is computed for (asOf) is a real date from 1945-01-01 to 2100-12-31
// (lib/validation/as-of.ts), on both backends: the API answers 400 in its JSON error shape,
// saying which dates it takes; the downloads for people answer a 400 page. (The pages report it
// and show progress as of today instead: lib/validation/as-of.test.ts, tests/e2e/son-la-status.spec.ts.)
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as planDownload } from "@/app/(public)/(detail)/plans/[id]/download/route";
import { GET as progressDownload } from "@/app/(public)/progress/download/route";
import { GET as apiPlan } from "@/app/api/v1/plans/[id]/route";
import { GET as apiProgress } from "@/app/api/v1/progress/route";

const PLAN = "plan-58-kh-ubnd-2023";
const req = (path: string) => new NextRequest(`http://localhost${path}`);
const OUT_OF_RANGE = ["0001-01-01", "1944-12-31", "2101-01-01", "9999-12-31"];
const RANGE_MESSAGE = "asOf: asOf phải là một ngày có thật, dạng YYYY-MM-DD, từ 1945-01-01 đến 2100-12-31 / asOf must be a real date written YYYY-MM-DD, from 1945-01-01 to 2100-12-31";

describe("asOf outside 1945–2100", () => {
  it.each(OUT_OF_RANGE)("the API refuses %s with a 400 that names the range", async (asOf) => {
    for (const res of [await apiProgress(req(`/api/v1/progress?asOf=${asOf}`)), await apiPlan(req(`/api/v1/plans/${PLAN}?asOf=${asOf}`), { params: Promise.resolve({ id: PLAN }) })]) {
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: "bad_request", message: RANGE_MESSAGE } });
    }
  });

  it("the downloads refuse it with a 400 page", async () => {
    for (const res of [await progressDownload(req("/progress/download?asOf=0001-01-01"), undefined), await planDownload(req(`/plans/${PLAN}/download?asOf=0001-01-01`), { params: Promise.resolve({ id: PLAN }) })]) {
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    }
  });

  it("the first and last days of the range are answered", async () => {
    for (const asOf of ["1945-01-01", "2100-12-31"]) {
      expect((await apiProgress(req(`/api/v1/progress?asOf=${asOf}&pageSize=1`))).status, asOf).toBe(200);
      expect((await apiPlan(req(`/api/v1/plans/${PLAN}?asOf=${asOf}`), { params: Promise.resolve({ id: PLAN }) })).status, asOf).toBe(200);
    }
  });
});
