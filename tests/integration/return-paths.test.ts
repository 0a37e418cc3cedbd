// After signing in, and after switching the language, a person is sent back where they came from,
// and only ever to a path of this site (lib/auth/safe-return.ts): "/\evil.example" and
// "/%09/evil.example" passed the old check (starts with "/", not with "//") and a browser reads
// them as another host. The session and Next's request helpers are stand-ins.
import { afterEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({ signedIn: false, cookies: new Map<string, string>() }));
class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect ${to}`);
  }
}
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Redirected(to);
  },
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ set: (name: string, value: string) => state.cookies.set(name, value), get: () => undefined }),
  headers: async () => new Headers(),
}));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => (state.signedIn ? { id: "user-admin" } : null) }));

const { setLocaleAction } = await import("@/app/actions/locale");
const { default: SignInPage } = await import("@/app/(auth)/sign-in/page");
const { INITIAL_ACTION_STATE } = await import("@/lib/validation/action-state");
const { LOCALE_COOKIE } = await import("@/lib/i18n/locale");

const ATTACKS = ["/\\evil.example", "/%09/evil.example", "/\t/evil.example", "//evil.example", "https://evil.example", "javascript:alert(1)", "/%5Cevil.example"];

async function redirectOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (e instanceof Redirected) return e.to;
    throw e;
  }
  throw new Error("no redirect");
}

afterEach(() => {
  state.signedIn = false;
  state.cookies.clear();
});

describe("return paths", () => {
  it("the language switch goes back to a path of this site, and to the home page for anything else", async () => {
    const post = (back: string) => {
      const fd = new FormData();
      fd.set("locale", "en");
      fd.set("back", back);
      return redirectOf(() => setLocaleAction(INITIAL_ACTION_STATE, fd));
    };
    expect(await post("/plans/plan-58-kh-ubnd-2023?year=2024")).toBe("/plans/plan-58-kh-ubnd-2023?year=2024");
    expect(state.cookies.get(LOCALE_COOKIE)).toBe("en");
    for (const back of ATTACKS) expect(await post(back), back).toBe("/");
  });

  it("the sign-in page sends a signed-in visitor to the path asked for, and to the workspace for anything else", async () => {
    state.signedIn = true;
    const open = (callbackUrl: string) => redirectOf(() => SignInPage({ searchParams: Promise.resolve({ callbackUrl }) }));
    expect(await open("/workspace/account")).toBe("/workspace/account");
    for (const url of ATTACKS) expect(await open(url), url).toBe("/workspace");
  });
});
