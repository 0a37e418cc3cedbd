// Personal access tokens and the write API (POST /api/v1/results) on a real database,
// both backends: tokens are stored hashed, revoked tokens and disabled accounts are
// refused, and the route handler (called with a plain Request) answers 401/400/403/
// 405/413/422/200 as the README says, writing nothing for a rejected batch.
// Every test removes the tokens, results and audit rows it created.
import { createHash } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/results/route";
import type { TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { actorFromBearer, createToken, listTokens, revokeToken } from "@/lib/data/tokens";
import { demoUsers } from "@/prisma/seed-data";
import { demoActors } from "./helpers";

const { admin, socTrang, sonLa, chauThanh } = demoActors();

const JOBS = "target-58-jobs";
const LABOUR_EXPORT = "target-58-labour-export";
const VOCATIONAL = "target-58-vocational-training";
const CERTIFIED = "target-58-trained-certified";
const TOUCHED = [JOBS, LABOUR_EXPORT, VOCATIONAL, CERTIFIED];

const createdTokens: string[] = [];
async function newToken(who: TActor, name = "integration test", opts: { scope?: string } = {}) {
  const t = await createToken(who, name, opts);
  createdTokens.push(t.id);
  return t;
}

async function touchedResults() {
  return db().result.findMany({ where: { targetId: { in: TOUCHED } }, orderBy: [{ targetId: "asc" }] });
}

afterEach(async () => {
  const ids = (await touchedResults()).map((r) => r.id);
  await db().auditLog.deleteMany({ where: { entity: "result", entityId: { in: ids } } });
  await db().result.deleteMany({ where: { id: { in: ids } } });
  await db().user.updateMany({ where: { id: { in: demoUsers.map((u) => u.id) } }, data: { disabled: false } });
});

afterAll(async () => {
  await db().auditLog.deleteMany({ where: { entity: "api_token", entityId: { in: createdTokens } } });
  await db().apiToken.deleteMany({ where: { id: { in: createdTokens } } });
});

describe("personal access tokens", () => {
  it("creates a gnp_ token stored only as its SHA-256, lists, verifies and revokes it, auditing both changes", async () => {
    const created = await newToken(socTrang, "Script báo cáo quý");
    expect(created.token).toMatch(/^gnp_[A-Za-z0-9_-]{43}$/);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(row.prefix).toBe(created.token.slice(0, 8));
    expect(JSON.stringify(row)).not.toContain(created.token.slice(8));
    expect(row).toMatchObject({ userId: "user-soctrang", name: "Script báo cáo quý", revokedAt: null, lastUsedAt: null });

    expect((await listTokens(socTrang)).map((t) => t.id)).toContain(created.id);
    expect((await listTokens(sonLa)).map((t) => t.id)).not.toContain(created.id);
    expect(JSON.stringify(await listTokens(socTrang))).not.toContain("tokenHash");

    const who = await actorFromBearer(`Bearer ${created.token}`);
    expect(who).toEqual(socTrang);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toBeInstanceOf(Date);
    expect(await actorFromBearer(`bearer   ${created.token}  `)).toEqual(socTrang);

    // Someone else's token is "not found" for an officer; the owner revokes it.
    await expect(revokeToken(sonLa, created.id)).rejects.toMatchObject({ kind: "not_found", problems: [{ code: "token_not_found" }] });
    expect(await actorFromBearer(`Bearer ${created.token}`)).toEqual(socTrang);
    const revoked = await revokeToken(socTrang, created.id);
    expect(revoked.alreadyRevoked).toBe(false);
    expect(revoked.token.revokedAt).toBeInstanceOf(Date);
    expect(await actorFromBearer(`Bearer ${created.token}`)).toBeNull();
    expect((await revokeToken(socTrang, created.id)).alreadyRevoked).toBe(true);

    const audit = await db().auditLog.findMany({ where: { entity: "api_token", entityId: created.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["token.create", "token.revoke"]);
    expect(audit[0]).toMatchObject({ actorId: "user-soctrang" });
    expect(audit[0]!.actorLabel).toContain("soctrang@demo.gov.vn");
    const kept = JSON.stringify(audit.map((a) => [a.before, a.after]));
    expect(kept).toContain(created.id);
    expect(kept).not.toContain(created.token);
    expect(kept).not.toContain(row.tokenHash);
  });

  it("lets an administrator revoke anyone's token, and refuses empty names", async () => {
    const created = await newToken(chauThanh);
    await revokeToken(admin, created.id);
    expect(await actorFromBearer(`Bearer ${created.token}`)).toBeNull();
    await expect(createToken(socTrang, "   ")).rejects.toMatchObject({ kind: "invalid", problems: [{ field: "name" }] });
    await expect(createToken(null, "x")).rejects.toThrow();
  });

  it("rejects disabled accounts, unknown tokens and malformed headers", async () => {
    const created = await newToken(chauThanh);
    expect(await actorFromBearer(`Bearer ${created.token}`)).toEqual(chauThanh);
    await db().user.update({ where: { id: chauThanh.id }, data: { disabled: true } });
    expect(await actorFromBearer(`Bearer ${created.token}`)).toBeNull();
    await db().user.update({ where: { id: chauThanh.id }, data: { disabled: false } });
    expect(await actorFromBearer(`Bearer ${created.token}`)).toEqual(chauThanh);

    const forged = `gnp_${"A".repeat(43)}`;
    for (const h of [null, undefined, "", "Bearer", `Basic ${created.token}`, "Bearer abc", `Bearer ${forged}`, `Bearer ${created.token}x`, `Token ${created.token}`]) {
      expect(await actorFromBearer(h)).toBeNull();
    }
  });
});

// ---------------------------------------------------------------------------
// The route handler
// ---------------------------------------------------------------------------

const URL_ = "http://localhost/api/v1/results";

function post(body: BodyInit | null, headers: Record<string, string>) {
  return POST(new Request(URL_, { method: "POST", body, headers }));
}
const postJson = (token: string | null, payload: unknown) =>
  post(typeof payload === "string" ? payload : JSON.stringify(payload), {
    "content-type": "application/json",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  });
const postCsv = (token: string, csv: string) => post(csv, { "content-type": "text/csv; charset=utf-8", authorization: `Bearer ${token}` });

type TErrorBody = { error: { code: string; message: string; details?: { row: number | null; line?: number; field?: string; code?: string; message: string }[] } };

async function expectError(res: Response, status: number, code: string): Promise<TErrorBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toContain("application/json");
  const body = (await res.json()) as TErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
  return body;
}

async function writeCounts() {
  return { results: await db().result.count(), audit: await db().auditLog.count() };
}

describe("POST /api/v1/results", () => {
  it("answers 401 without a token, with an unknown or a revoked one", async () => {
    const before = await writeCounts();
    const none = await postJson(null, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 1 }]);
    await expectError(none, 401, "unauthorized");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectError(await postJson(`gnp_${"x".repeat(43)}`, []), 401, "unauthorized");
    const t = await newToken(socTrang);
    await revokeToken(socTrang, t.id);
    await expectError(await postJson(t.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 1 }]), 401, "unauthorized");
    expect(await writeCounts()).toEqual({ ...before, audit: before.audit + 2 }); // only the token's create + revoke
  });

  it("rejects a batch with one bad row as a whole (422, per-row details) and writes nothing", async () => {
    const { token } = await newToken(socTrang);
    const before = await writeCounts();
    const res = await postJson(token, [
      { targetId: JOBS, unitCode: "942", year: 2023, value: 2400 },
      { targetId: VOCATIONAL, unitCode: "942", year: 2023, value: "12abc" },
      { targetId: CERTIFIED, unitCode: "942", year: 2023, value: 18.66 },
    ]);
    const body = await expectError(res, 422, "invalid");
    expect(body.error.details).toEqual([expect.objectContaining({ row: 1, field: "value", code: "invalid_number" })]);
    expect(await writeCounts()).toEqual(before);
    expect(await touchedResults()).toEqual([]);
  });

  it("saves a good batch (array or { rows }) as drafts and answers 200 with ids and versions", async () => {
    const { token } = await newToken(chauThanh);
    const res = await postJson(token, [
      { targetId: JOBS, unitCode: "942", year: 2023, value: 2400, note: "Báo cáo năm" },
      { targetId: LABOUR_EXPORT, unitCode: "942", year: 2023, value: 120 },
    ]);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string; targetId: string; value: number; status: string; version: number; unitCode: string }[]; warnings: unknown[] };
    expect(body.warnings).toEqual([]);
    expect(body.data).toEqual([
      expect.objectContaining({ targetId: JOBS, unitCode: "942", year: 2023, value: 2400, status: "DRAFT", version: 1 }),
      expect.objectContaining({ targetId: LABOUR_EXPORT, value: 120, status: "DRAFT", version: 1 }),
    ]);
    const stored = await db().result.findMany({ where: { id: { in: body.data.map((d) => d.id) } } });
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.enteredById === "user-chauthanh")).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { entity: "result", entityId: body.data[0]!.id } });
    expect(audit.source).toBe("api");

    // The object form, updating with the current version.
    const again = await postJson(token, { rows: [{ targetId: JOBS, unitCode: "942", year: 2023, value: 2500, version: 1 }] });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { data: { version: number; value: number }[] }).data[0]).toMatchObject({ value: 2500, version: 2 });
    // Without the version: a conflict (409), with the stored result in the details.
    const stale = await expectError(await postJson(token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 3000 }]), 409, "conflict");
    expect(stale.error.details?.[0]).toMatchObject({ row: 0, code: "version_required" });
  });

  it("reads CSV: BOM, CRLF, quoted fields, Vietnamese numbers (2.400, 18,66), ';' delimiters", async () => {
    const { token } = await newToken(socTrang);
    const csv = '\uFEFFtargetId,unitCode,year,value,note\r\n' + `${JOBS},942,2023,2.400,"Tổng hợp, quý IV\r\n(đã rà soát)"\r\n` + `${CERTIFIED},942,2023,"18,66",\r\n`;
    const res = await postCsv(token, csv);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: { targetId: string; value: number }[] };
    expect(body.data.map((d) => [d.targetId, d.value])).toEqual([
      [JOBS, 2400],
      [CERTIFIED, 18.66],
    ]);
    const jobs = await db().result.findFirstOrThrow({ where: { targetId: JOBS } });
    expect(Number(jobs.value)).toBe(2400);
    expect(jobs.note).toBe("Tổng hợp, quý IV\n(đã rà soát)");

    const semi = await postCsv(token, `targetId;unitCode;year;value\n${VOCATIONAL};942;2023;1.250\n`);
    expect(semi.status).toBe(200);
    expect(((await semi.json()) as { data: { value: number }[] }).data[0]!.value).toBe(1250);
  });

  it("reports CSV problems with their lines: bad cells (422), wrong columns (422), broken quotes (400)", async () => {
    const { token } = await newToken(socTrang);
    const before = await writeCounts();
    const bad = await expectError(await postCsv(token, `targetId,unitCode,year,value\n${JOBS},942,2023,2.400\n${VOCATIONAL},942,2023,"2.5"\n`), 422, "invalid");
    expect(bad.error.details).toEqual([expect.objectContaining({ row: 1, line: 3, field: "value" })]);
    const header = await expectError(await postCsv(token, `targetId,unit,year,value\n${JOBS},942,2023,1\n`), 422, "invalid");
    expect(header.error.message).toContain("unitCode");
    const ragged = await expectError(await postCsv(token, `targetId,unitCode,year,value\n${JOBS},942,2023\n`), 422, "invalid");
    expect(ragged.error.details?.[0]).toMatchObject({ row: 0, line: 2 });
    const quote = await expectError(await postCsv(token, `targetId,unitCode,year,value,note\n${JOBS},942,2023,1,"unclosed\n`), 400, "bad_request");
    expect(quote.error.message).toContain("2");
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses “18,000” for a count (CSV cell or JSON string) as ambiguous, naming both readings, and writes nothing", async () => {
    const { token } = await newToken(socTrang);
    const before = await writeCounts();
    const both = /theo cách viết Việt Nam là 18 \(mười tám\), theo cách viết tiếng Anh là 18\.000 \(mười tám nghìn\).* \/ .*in Vietnamese format it is 18 \(eighteen\), in English format it is 18,000 \(eighteen thousand\)/;

    const quoted = await expectError(await postCsv(token, `targetId,unitCode,year,value\n${CERTIFIED},942,2023,"18,66"\n${JOBS},942,2023,"18,000"\n`), 422, "invalid");
    expect(quoted.error.details).toEqual([{ row: 1, line: 3, field: "value", code: "invalid_number", message: expect.stringMatching(both) }]);
    const semicolons = await expectError(await postCsv(token, `targetId;unitCode;year;value\n${JOBS};942;2023;18,000\n`), 422, "invalid");
    expect(semicolons.error.details).toEqual([{ row: 0, line: 2, field: "value", code: "invalid_number", message: expect.stringMatching(both) }]);
    const json = await expectError(await postJson(token, [{ targetId: VOCATIONAL, unitCode: "942", year: 2023, value: "1,500" }]), 422, "invalid");
    expect(json.error.details).toEqual([expect.objectContaining({ row: 0, field: "value", code: "invalid_number", message: expect.stringContaining("theo cách viết tiếng Anh là 1.500") })]);
    // Unquoted between commas, "18,000" is two cells: the answer says so.
    const split = await expectError(await postCsv(token, `targetId,unitCode,year,value\n${JOBS},942,2023,18,000\n`), 422, "invalid");
    expect(split.error.details?.[0]).toMatchObject({ row: 0, line: 2, message: expect.stringContaining("“18,000”") });
    expect(split.error.details?.[0]!.message).toContain("18.000");
    expect(await writeCounts()).toEqual(before);
    expect(await touchedResults()).toEqual([]);

    // A JSON number is never ambiguous; 18.000 in a CSV is eighteen thousand; a rate reads "18,000" as 18.
    const ok = await postCsv(token, `targetId,unitCode,year,value\n${JOBS},942,2023,18.000\n${CERTIFIED},942,2023,"18,000"\n`);
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(((await ok.json()) as { data: { value: number }[] }).data.map((d) => d.value)).toEqual([18000, 18]);
    const number = await postJson(token, [{ targetId: VOCATIONAL, unitCode: "942", year: 2023, value: 1500 }]);
    expect(number.status).toBe(200);
  });

  it("answers 200 with warnings for a count above the province's figure (saved, but worth checking)", async () => {
    const { token } = await newToken(chauThanh);
    await db().result.create({ data: { id: "test-api-province-jobs-2023", targetId: JOBS, indicatorId: "ind-jobs", unitId: "unit-94", year: 2023, value: 2400, status: "PUBLISHED" } });
    const res = await postCsv(token, `targetId,unitCode,year,value\n${VOCATIONAL},942,2023,350\n${JOBS},942,2023,3.000\n`);
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as { data: { targetId: string; value: number }[]; warnings: Record<string, unknown>[] };
    expect(body.data.map((d) => [d.targetId, d.value])).toEqual([
      [VOCATIONAL, 350],
      [JOBS, 3000],
    ]);
    expect(body.warnings).toEqual([
      {
        row: 1,
        line: 3,
        field: "value",
        code: "exceeds_parent_unit",
        message: expect.stringMatching(/Huyện Châu Thành \(3\.000\) lớn hơn .*Tỉnh Sóc Trăng \(2\.400\).* \/ Saved, but please check/),
        params: expect.objectContaining({ unitCode: "942", value: 3000, parentUnitCode: "94", parentValue: 2400, year: 2023 }),
      },
    ]);
    expect(Number((await db().result.findFirstOrThrow({ where: { targetId: JOBS, unitId: "unit-942" } })).value)).toBe(3000);
  });

  it("refuses the whole batch with 403 when district staff ask to publish; a provincial officer may", async () => {
    // Tokens that may publish (scope "publish"): what refuses here is the account's own permission.
    const district = await newToken(chauThanh, "integration test", { scope: "publish" });
    const before = await writeCounts();
    const res = await postJson(district.token, [
      { targetId: VOCATIONAL, unitCode: "942", year: 2023, value: 10 },
      { targetId: JOBS, unitCode: "942", year: 2023, value: 2400, publish: true },
    ]);
    const body = await expectError(res, 403, "forbidden");
    expect(body.error.details).toEqual([expect.objectContaining({ row: 1, code: "forbidden_publish", field: "publish" })]);
    expect(await writeCounts()).toEqual(before);

    // Sơn La's officer may not write in Sóc Trăng at all.
    const sonLaToken = await newToken(sonLa);
    await expectError(await postJson(sonLaToken.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 1 }]), 403, "forbidden");

    const province = await newToken(socTrang, "integration test", { scope: "publish" });
    const ok = await postJson(province.token, [{ targetId: JOBS, unitCode: "942", year: 2023, value: 2400, publish: true }]);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: { status: string }[] }).data[0]!.status).toBe("PUBLISHED");
  });

  it("answers 400 for malformed JSON and bodies of the wrong shape, never a 500", async () => {
    const { token } = await newToken(socTrang);
    const before = await writeCounts();
    const broken = await expectError(await postJson(token, '[{"targetId": "x",'), 400, "bad_request");
    expect(broken.error.message).toMatch(/JSON/);
    await expectError(await postJson(token, '{"data": []}'), 400, "bad_request");
    await expectError(await postJson(token, '{"rows": [], "publish": true}'), 400, "bad_request");
    await expectError(await postJson(token, "42"), 400, "bad_request");
    await expectError(await postJson(token, ""), 400, "bad_request");
    await expectError(await post("x=1", { authorization: `Bearer ${token}`, "content-type": "application/x-www-form-urlencoded" }), 400, "bad_request");
    await expectError(await post(new Uint8Array([0xff, 0xfe, 0x41]), { authorization: `Bearer ${token}`, "content-type": "text/csv" }), 400, "bad_request");
    await expectError(await postJson(token, []), 422, "invalid");
    await expectError(await postJson(token, [42, null]), 422, "invalid");
    expect(await writeCounts()).toEqual(before);
  });

  it("bounds the body (413 past 2 MB) and the rows (422 past 1000)", async () => {
    const { token } = await newToken(socTrang);
    const big = `targetId,unitCode,year,value,note\n${`${JOBS},942,2023,1,"${"x".repeat(1000)}"\n`.repeat(2200)}`;
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const tooLarge = await expectError(await postCsv(token, big), 413, "too_large");
    expect(tooLarge.error.message).toContain("2 MB");
    const many = Array.from({ length: 1001 }, () => ({ targetId: JOBS, unitCode: "942", year: 2023, value: 1 }));
    await expectError(await postJson(token, many), 422, "invalid");
    const manyCsv = `targetId,unitCode,year,value\n${`${JOBS},942,2023,1\n`.repeat(1001)}`;
    await expectError(await postCsv(token, manyCsv), 422, "invalid");
    expect(await touchedResults()).toEqual([]);
  });

  it("answers GET with 405 JSON", async () => {
    const res = await GET();
    await expectError(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("POST");
  });
});
