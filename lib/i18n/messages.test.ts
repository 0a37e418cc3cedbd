// The whole message catalogue: both languages have the same keys, of the same kind; every
// text function takes the same parameters in both and uses each of them; no text is empty.
import { describe, expect, it } from "vitest";
import { catalogueForTests } from "./messages";

type Tree = Record<string, unknown>;

/** Every leaf of a tree, by its dotted path. */
function leaves(tree: unknown, path = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree !== null && typeof tree === "object" && !Array.isArray(tree)) {
    for (const [k, v] of Object.entries(tree as Tree)) for (const [p, x] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, x);
  } else out.set(path, tree);
  return out;
}

/** A function's parameter names, as written ("(a, b) =>", "(p) =>", "({ x, y }) =>"). */
function paramNames(f: (...a: never[]) => unknown): string[] {
  const src = f.toString();
  const m = /^\s*(?:function[^(]*)?\(([^)]*)\)|^\s*([A-Za-z_$][\w$]*)\s*=>/.exec(src);
  const list = (m?.[1] ?? m?.[2] ?? "").replace(/[{}\s]/g, "");
  return list ? list.split(",").map((x) => x.split(/[:=]/)[0]!).filter(Boolean) : [];
}

/** A text function called with recognisable arguments, so that the result shows which were used. */
function probe(f: (...a: unknown[]) => unknown, arity: number): string {
  const marks = Array.from({ length: arity }, (_, i) => `⟦${i}⟧`);
  const params = new Proxy({}, { get: (_t, k) => (typeof k === "string" ? `⟦${k}⟧` : undefined) });
  try {
    return String(f(...(arity === 1 && /^\s*\(?\s*p\b/.test(f.toString()) ? [params] : marks)));
  } catch {
    return String(f(...marks.map((_, i) => i + 1)));
  }
}

const vi = leaves(catalogueForTests.vi);
const en = leaves(catalogueForTests.en);

describe("the message catalogue", () => {
  it("has the same keys in Vietnamese and English", () => {
    expect([...en.keys()].sort()).toEqual([...vi.keys()].sort());
  });

  it("has leaves of the same kind, and functions of the same arity, in both languages", () => {
    for (const [key, v] of vi) {
      const e = en.get(key);
      expect(typeof e, key).toBe(typeof v);
      if (typeof v === "function") expect((e as (...a: unknown[]) => unknown).length, key).toBe(v.length);
    }
  });

  it("has no empty text", () => {
    for (const [locale, tree] of [["vi", vi] as const, ["en", en] as const]) {
      for (const [key, v] of tree) if (typeof v === "string") expect(v.trim(), `${locale}:${key}`).not.toBe("");
    }
  });

  it("uses each positional parameter of a text function in both languages (a value printed in one is not dropped in the other)", () => {
    const use = (f: (...a: unknown[]) => unknown, arity: number, i: number): "printed" | "read" | "unused" => {
      const out = probe(f, arity);
      if (out.includes(`⟦${i}⟧`)) return "printed";
      // Read rather than printed (a count or flag choosing a plural): it changes the text.
      const changes = [false, true, 0, 1, 2, "⟦changed⟧"].some((alt) => probe((...a: unknown[]) => f(...a.map((x, j) => (j === i ? alt : x))), arity) !== out);
      return changes ? "read" : "unused";
    };
    for (const [key, v] of vi) {
      if (typeof v !== "function" || v.length === 0) continue;
      const names = paramNames(v as (...a: never[]) => unknown);
      // Functions of an object of parameters are checked by the areas' own tests.
      if (names.length === 1 && new RegExp(`\\b${names[0]}\\.`).test(String(v))) continue;
      const f = { vi: v as (...a: unknown[]) => unknown, en: en.get(key) as (...a: unknown[]) => unknown };
      for (let i = 0; i < v.length; i++) {
        const [a, b] = [use(f.vi, v.length, i), use(f.en, v.length, i)];
        expect(a === "unused" && b === "unused", `${key} ignores its parameter ${i + 1} in both languages`).toBe(false);
        expect((a === "printed" && b === "unused") || (b === "printed" && a === "unused"), `${key}: parameter ${i + 1} is ${a} in vi, ${b} in en`).toBe(false);
      }
    }
  });
});
