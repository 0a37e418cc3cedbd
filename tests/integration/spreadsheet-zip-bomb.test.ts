// Zip bombs on a real database, both backends (security issue #13, finding 2): a valid XLSX whose
// data sheet unpacks to 300 MB (declared as 1 KB) sent to the officers' import (importResultsFile
// and the server action) and to the write API (POST /api/v1/results). The import refuses it with
// its message beside the file field, the API with a 400 JSON error saying it takes JSON or CSV;
// neither answers 500, neither writes anything (every table counted). While another file is being
// read, approving and publishing a file is refused as busy: never published without its question.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { toCsv } from "@/lib/api/http";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createToken } from "@/lib/data/tokens";
import { listResultsForGrid } from "@/lib/data/results-write";
import { gridCsvRows } from "@/lib/spreadsheets/export";
import { CSV_COLUMNS } from "@/lib/spreadsheets/format";
import { importResultsFile } from "@/lib/spreadsheets/import-results";
import { MAX_WAITING, oneAtATime } from "@/lib/spreadsheets/one-at-a-time";
import { deflatedRepeat, SHEET_XML_END, sheet, sheetXmlStart, workbookWith } from "@/lib/spreadsheets/test-fixtures";
import { demoActor, tableCounts, withPg } from "./helpers";

const session = vi.hoisted(() => ({ actor: null as TActor | null }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor }));
vi.mock("@/lib/i18n/server", () => ({ getLocale: async () => "vi" }));

const { importResultsAction } = await import("@/app/(workspace)/workspace/plans/[id]/import/actions");
const { POST } = await import("@/app/api/v1/results/route");

const socTrang = demoActor("user-soctrang");
const PLAN = "plan-58-kh-ubnd-2023";
const SHEET = "xl/worksheets/sheet1.xml";
const HEADER = ["targetId", "unitCode", "year", "value"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let bombFile: Uint8Array<ArrayBuffer>;
const tokens: string[] = [];

beforeAll(async () => {
  const base = await sheet(HEADER, [["target-58-jobs", "942", 2023, 1]]);
  const bomb = await deflatedRepeat(sheetXmlStart(HEADER) + '<row r="2">', "<c><v>12</v></c>".repeat(65536), 300, `</row>${SHEET_XML_END}`);
  bombFile = new Uint8Array(workbookWith(base, { [SHEET]: { name: SHEET, data: bomb.raw, method: 8, size: 1000, crc: bomb.crc } }));
  expect(bombFile.length).toBeLessThan(1024 * 1024);
});

afterEach(() => {
  session.actor = null;
});

afterAll(async () => {
  await db().auditLog.deleteMany({ where: { entity: "api_token", entityId: { in: tokens } } });
  await db().apiToken.deleteMany({ where: { id: { in: tokens } } });
});

const counts = () => withPg(tableCounts);

function form(fields: Record<string, string>, file: Blob, fileName: string): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  fd.set("file", file, fileName);
  return fd;
}

describe("the officers' import", () => {
  it("refuses the bomb as a file problem and writes nothing", async () => {
    const before = await counts();
    const out = await importResultsFile(socTrang, PLAN, { name: "ket-qua.xlsx", bytes: bombFile });
    expect(out).toEqual({ ok: false, reason: "file", error: { code: "file_zip_unsafe" } });
    expect(await counts()).toEqual(before);
  });

  it("the form says why beside the file field, drafts or publishing alike", async () => {
    const before = await counts();
    session.actor = socTrang;
    for (const publish of [{}, { publish: "on" }, { publish: "on", confirm: "yes" }] as Record<string, string>[]) {
      const answer = await importResultsAction({ ok: false }, form({ planId: PLAN, ...publish }, new Blob([bombFile], { type: XLSX_TYPE }), "ket-qua.xlsx"));
      expect(answer, JSON.stringify(publish)).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining("Tệp Excel có cấu trúc nén bất thường")] } });
      expect(answer.ask).toBeUndefined();
    }
    expect(await counts()).toEqual(before);
  });

  it("while other files are being read, approving and publishing is refused as busy: nothing published without its question", async () => {
    const grid = (await listResultsForGrid(socTrang, PLAN))!;
    const rows = gridCsvRows(grid).map((r) => ({ ...r, value: r.targetId === "target-58-jobs" ? "2.400" : "" }));
    const csv = new Blob(["\uFEFF" + toCsv(CSV_COLUMNS, rows)], { type: "text/csv" });
    const before = await counts();
    session.actor = socTrang;

    let release!: () => void;
    const held = oneAtATime(() => new Promise<void>((r) => (release = r)));
    const waiting = Array.from({ length: MAX_WAITING }, () => oneAtATime(async () => {}, 60_000));
    try {
      const answer = await importResultsAction({ ok: false }, form({ planId: PLAN, publish: "on" }, csv, "ket-qua.csv"));
      expect(answer).toMatchObject({ ok: false, fieldErrors: { file: ["Cổng đang đọc một tệp khác; hãy thử lại sau ít giây. Chưa có gì được lưu."] } });
      expect(answer.ask).toBeUndefined();
      expect(await counts()).toEqual(before);
    } finally {
      release();
      await Promise.all([held, ...waiting]);
    }
    // Free again: the question is asked, still nothing written.
    const asked = await importResultsAction({ ok: false }, form({ planId: PLAN, publish: "on" }, csv, "ket-qua.csv"));
    expect(asked.ask).toMatch(/^Duyệt và công bố 1 dòng từ tệp ket-qua\.csv\?/);
    expect(await counts()).toEqual(before);
  });
});

describe("POST /api/v1/results", () => {
  it("answers the bomb with a 400 JSON error (never 500), whatever type it is sent as, and writes nothing", async () => {
    const created = await createToken(socTrang, "zip bomb test");
    tokens.push(created.id);
    const before = await counts();
    for (const type of [XLSX_TYPE, "application/json", "text/csv", "application/octet-stream"]) {
      const res = await POST(new Request("http://localhost/api/v1/results", { method: "POST", body: bombFile, headers: { "content-type": type, authorization: `Bearer ${created.token}` } }));
      expect(res.status, type).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/json");
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toBe(
        "API không nhận tệp Excel (.xlsx): hãy gửi JSON hoặc CSV (UTF-8). Muốn nhập tệp Excel, dùng trang “Nhập kết quả từ tệp” của kế hoạch. / The API does not accept Excel (.xlsx) files: send JSON or CSV (UTF-8). To import a workbook, use the plan's “Import results from a file” page.",
      );
    }
    expect(await counts()).toEqual(before);
  });
});
