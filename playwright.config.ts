// End-to-end tests in a real browser (Debian's Chromium; the README says how to get one).
// The portal is started exactly as a user starts it (scripts/start.ts), on a
// fresh embedded database of its own, on its own port.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3217);
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  // What a test waits for (a navigation, a saved value) may take seconds on a loaded shared machine;
  // these are not timings (npm run bench measures those), so wait generously before calling it failed.
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "vi-VN",
    trace: "off",
    screenshot: "off",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    // A fresh embedded database per run (and per port, so parallel runs do not meet).
    command: `rm -rf .data-e2e-${port} && node scripts/prisma-generate.mjs && PORTAL_DATA_DIR=.data-e2e-${port} PORT=${port} npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/api/v1/openapi.json`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
