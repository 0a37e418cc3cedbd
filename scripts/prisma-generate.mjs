#!/usr/bin/env node
// Generates the Prisma client without network access, and only when the schema
// changed since the last generation (a hash is kept beside the output).
//
// The Prisma 7 CLI tries to download its native schema engine on every command;
// `prisma generate` never calls that binary, so pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file keeps it offline.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const schemaPath = join(root, "prisma", "schema.prisma");
const outDir = join(root, "lib", "generated", "prisma");
const hashFile = join(outDir, ".schema-hash");
const force = process.argv.includes("--force");

const prismaPkg = JSON.parse(readFileSync(join(root, "node_modules", "prisma", "package.json"), "utf8"));
const hash = createHash("sha256")
  .update(readFileSync(schemaPath))
  .update(prismaPkg.version)
  .digest("hex");

if (!force && existsSync(hashFile) && readFileSync(hashFile, "utf8") === hash) {
  process.exit(0);
}

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const cli = join(root, "node_modules", "prisma", "build", "index.js");
const r = spawnSync(process.execPath, [cli, "generate", "--no-hints"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
if (r.status !== 0) {
  process.stderr.write(r.stdout);
  process.stderr.write(r.stderr);
  console.error("prisma generate failed (see above)");
  process.exit(1);
}
writeFileSync(hashFile, hash);
console.error("Prisma client generated in lib/generated/prisma");
