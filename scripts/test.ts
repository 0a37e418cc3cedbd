// npm test: every test the project has, in stages.
//
//   0. tsc --noEmit    type check of the whole project
//   1. vitest run       unit tests, and the integration tests on PostgreSQL
//                       (127.0.0.1:5432, or TEST_POSTGRES_URL) and on the embedded PGlite
//   2. playwright test  browser tests, when playwright.config.ts exists; needs a
//                       Chromium: CHROMIUM_PATH, else /usr/bin/chromium, else
//                       Playwright's own download. The path found is passed on as
//                       CHROMIUM_PATH for playwright.config.ts to use.
//
// Every stage runs even if an earlier one failed. Each prints a summary line; the
// last line is "N passed, N failed", counting tests (a stage that fails without
// a failing test, e.g. a crash or a missing browser, counts as one failure).
// The exit code is 0 only when every stage passed.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../lib/db/migrations-dir";

type Counts = { passed: number; failed: number; skipped: number; flaky?: number };
type StageResult = { name: string; ok: boolean; counts: Counts | null; seconds: number; note?: string };

const results: StageResult[] = [];
const tmp = mkdtempSync(join(tmpdir(), "portal-test-"));
const say = (m: string) => console.log(`\n[test] ${m}`);

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: PROJECT_ROOT, env, stdio: "inherit" });
    child.on("error", (e) => {
      console.error(`[test] could not start ${cmd}: ${e.message}`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
}

function describeCounts(c: Counts | null): string {
  if (!c) return "no test report";
  const parts = [`${c.passed} passed`, `${c.failed} failed`];
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  if (c.flaky) parts.push(`${c.flaky} flaky (passed on retry)`);
  return parts.join(", ");
}

function record(r: StageResult) {
  results.push(r);
  const status = r.ok ? "PASSED" : "FAILED";
  console.log(`\n[test] stage ${r.name}: ${status} (${describeCounts(r.counts)}; ${r.seconds.toFixed(1)} s)${r.note ? ` ${r.note}` : ""}`);
}

async function stage(name: string, fn: () => Promise<Omit<StageResult, "name" | "seconds">>) {
  say(`stage ${name}…`);
  const t0 = performance.now();
  let r: Omit<StageResult, "name" | "seconds">;
  try {
    r = await fn();
  } catch (e) {
    r = { ok: false, counts: null, note: `— ${(e as Error).message}` };
  }
  record({ name, seconds: (performance.now() - t0) / 1000, ...r });
}

/** CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own download. */
async function findChromium(): Promise<{ path: string | null; tried: string[] }> {
  const tried: string[] = [];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { path: fromEnv, tried };
    tried.push(`CHROMIUM_PATH=${fromEnv} (no such file)`);
  } else {
    tried.push("CHROMIUM_PATH (not set)");
  }
  if (existsSync("/usr/bin/chromium")) return { path: "/usr/bin/chromium", tried };
  tried.push("/usr/bin/chromium");
  try {
    const { chromium } = await import("playwright-core");
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: own, tried };
    tried.push(own || "Playwright's own Chromium");
  } catch {
    tried.push("Playwright's own Chromium (playwright-core not found)");
  }
  return { path: null, tried };
}

async function main(): Promise<number> {
  await stage("typecheck (tsc --noEmit)", async () => {
    const code = await run(process.execPath, [join(PROJECT_ROOT, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "--incremental", "false"]);
    // Not a test count: a clean type check counts as one passed check.
    return { ok: code === 0, counts: code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 } };
  });
  await stage("vitest (unit, integration-postgres, integration-pglite)", async () => {
    const report = join(tmp, "vitest.json");
    const code = await run(process.execPath, [
      join(PROJECT_ROOT, "node_modules", "vitest", "vitest.mjs"),
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${report}`,
    ]);
    const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(report);
    const counts = json
      ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
      : null;
    return { ok: code === 0, counts, note: code === 0 ? undefined : `(vitest exited with ${code})` };
  });

  const pwConfig = join(PROJECT_ROOT, "playwright.config.ts");
  if (!existsSync(pwConfig)) {
    say("stage playwright: skipped (no playwright.config.ts yet)");
  } else {
    await stage("playwright (browser tests)", async () => {
      const { path, tried } = await findChromium();
      if (!path) {
        console.error(
          [
            "[test] No Chromium found for the browser tests. Tried: " + tried.join(", ") + ".",
            "[test] Install one:   sudo apt-get install -y chromium      (Debian/Ubuntu: gives /usr/bin/chromium)",
            "[test] or point at one: CHROMIUM_PATH=/path/to/chromium npm test",
          ].join("\n"),
        );
        return { ok: false, counts: null, note: "— no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH)" };
      }
      console.log(`[test] browser: ${path}`);
      const report = join(tmp, "playwright.json");
      const code = await run(
        process.execPath,
        [join(PROJECT_ROOT, "node_modules", "@playwright", "test", "cli.js"), "test", "--reporter=list,json"],
        { ...process.env, CHROMIUM_PATH: path, PLAYWRIGHT_JSON_OUTPUT_FILE: report },
      );
      const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(report);
      const counts = json
        ? { passed: json.stats.expected + json.stats.flaky, failed: json.stats.unexpected, skipped: json.stats.skipped, flaky: json.stats.flaky }
        : null;
      return { ok: code === 0, counts, note: code === 0 ? undefined : `(playwright exited with ${code})` };
    });
  }

  let passed = 0;
  let failed = 0;
  for (const r of results) {
    passed += r.counts?.passed ?? 0;
    const failedTests = r.counts?.failed ?? 0;
    // A failed stage with no failing test (crash, setup error, no browser) is one failure.
    failed += !r.ok && failedTests === 0 ? 1 : failedTests;
  }
  const allOk = results.every((r) => r.ok);
  console.log("\n[test] summary");
  for (const r of results) console.log(`[test]   ${r.ok ? "PASSED" : "FAILED"}  ${r.name}: ${describeCounts(r.counts)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return allOk ? 0 : 1;
}

let exitCode = 1;
try {
  exitCode = await main();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);
