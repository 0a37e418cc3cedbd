#!/usr/bin/env node
// The package registry these machines reach serves only Linux builds of Next's
// compiler (@next/swc-*). `npm install` here therefore leaves the macOS and
// Windows builds out of package-lock.json, and `npm ci` then refuses the lock
// ("Missing: @next/swc-darwin-arm64@ from lock file"). This adds their entries
// back (optional, with their os/cpu), exactly as npm writes them where the
// registry has them; npm skips them on Linux without fetching anything.
// Run after `npm install` changes the lock: node scripts/lock-add-foreign-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const next = lock.packages["node_modules/next"];
const platforms = {
  "@next/swc-darwin-arm64": { cpu: ["arm64"], os: ["darwin"] },
  "@next/swc-darwin-x64": { cpu: ["x64"], os: ["darwin"] },
  "@next/swc-win32-arm64-msvc": { cpu: ["arm64"], os: ["win32"] },
  "@next/swc-win32-x64-msvc": { cpu: ["x64"], os: ["win32"] },
};
let added = 0;
for (const [name, { cpu, os }] of Object.entries(platforms)) {
  const version = next.optionalDependencies?.[name];
  const key = `node_modules/${name}`;
  if (!version || lock.packages[key]) continue;
  lock.packages[key] = {
    version,
    resolved: `https://registry.npmjs.org/${name}/-/${name.split("/")[1]}-${version}.tgz`,
    cpu,
    license: "MIT",
    optional: true,
    os,
    engines: { node: ">= 10" },
  };
  added++;
}
// Keep npm's key order (alphabetical within packages).
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(added ? `added ${added} lock entries` : "lock already complete");
