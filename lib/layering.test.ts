// The layering of docs/architecture.md, checked on every file (a lint rule as a test):
// - components never import route files (actions come in as props);
// - lib/domain imports nothing outside lib/domain (and the pure error model, lib/errors.ts);
// - lib never imports from app/, components/, scripts/ or prisma/ (they sit above it).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

/** Every module a file imports (static imports, re-exports and dynamic imports), resolved to a path from the root when local. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|(?:^|\n)\s*import\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
  return specs.map((s) => (s.startsWith("@/") ? s.slice(2) : s.startsWith(".") ? relative(ROOT, resolve(ROOT, dirname(file), s)) : `pkg:${s}`));
}

const offending = (files: string[], bad: (target: string, file: string) => boolean) =>
  files.flatMap((f) => importsOf(f).filter((t) => bad(t, f)).map((t) => `${f} → ${t}`));

describe("layering", () => {
  it("components never import route files", () => {
    expect(offending(sources("components"), (t) => t === "app" || t.startsWith("app/"))).toEqual([]);
  });

  it("lib/domain imports nothing outside itself but the error model", () => {
    const files = sources("lib/domain").filter((f) => !f.endsWith(".test.ts"));
    expect(offending(files, (t) => !(t.startsWith("lib/domain/") || t === "lib/errors" || t === "lib/errors.ts"))).toEqual([]);
  });

  it("lib never imports from app/, components/, scripts/ or prisma/", () => {
    const files = sources("lib").filter((f) => !f.endsWith(".test.ts"));
    expect(offending(files, (t) => /^(app|components|scripts|prisma)(\/|$)/.test(t))).toEqual([]);
  });
});
