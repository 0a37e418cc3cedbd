// The API description lists every public route under app/api/v1, with the methods it exports.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

const ROOT = join(process.cwd(), "app/api/v1");

function routes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return routes(p);
    return name === "route.ts" ? [p] : [];
  });
}

/** app/api/v1/plans/[id]/route.ts → /api/v1/plans/{id}; the catch-all 404 is not an endpoint. */
function apiPath(file: string): string | null {
  const rel = relative(ROOT, file).replace(/\/?route\.ts$/, "");
  if (rel.includes("[...")) return null;
  return `/api/v1${rel ? `/${rel}` : ""}`.replace(/\[([^\]]+)\]/g, "{$1}");
}

describe("openapi.json", () => {
  const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
  const files = routes(ROOT).map((f) => ({ file: f, path: apiPath(f) })).filter((r): r is { file: string; path: string } => r.path !== null);

  it("finds the routes", () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files.map((f) => [f.path, f.file]))("describes %s with its methods", (path, file) => {
    expect(Object.keys(paths)).toContain(path);
    const src = readFileSync(file, "utf8");
    // Methods a route answers (those exported as methodNotAllowed answer 405 and are not described).
    const methods = [...src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b(?! = methodNotAllowed)/g)].map((m) => m[1]!.toLowerCase());
    expect(methods.length).toBeGreaterThan(0);
    for (const m of methods) expect(Object.keys(paths[path]!)).toContain(m);
  });

  it("describes no route that does not exist", () => {
    for (const p of Object.keys(paths)) expect(files.map((f) => f.path)).toContain(p);
  });
});
