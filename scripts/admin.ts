// Operators' command line (README "Operators' command line"):
//
//   npm run --silent admin -- token create <email> [--name N]   prints the new token, and only it, on stdout
//   npm run admin -- token list <email>
//   npm run admin -- token revoke <id>
//   npm run admin -- user list
//   npm run admin -- user create <email> --name N --role admin|provincial|district [--unit CODE] [--password P]
//   npm run admin -- user disable <email> | user enable <email>
//   npm run admin -- user reset-password <email> [--password P]
//
// Works on DATABASE_URL or the embedded database, whether the portal runs or not
// (lib/db/open.ts). stdout carries only what a script may capture (a token, a
// generated password, a listing); everything else goes to stderr. Exit codes:
// 0 done, 1 refused or failed (unknown email or unit, bad role, duplicate email…),
// 2 wrong usage. Every change is audited with actor label "cli".
//
// Nothing here may import a "server-only" module: the shared logic lives in
// lib/data/accounts-core.ts and lib/data/tokens-core.ts.
import { parseArgs } from "node:util";
import { embeddedDataExists, readLiveLock } from "../lib/db/embedded";
import { dataDir, openDatabase } from "../lib/db/open";
import { createPrismaClient, type Db } from "../lib/db/prisma";
import { settings } from "../lib/env";
import { isAppError } from "../lib/errors";
import { problemBilingual } from "../lib/i18n/problems";
import {
  createAccountWith,
  listAccountsWith,
  requireAccountByEmail,
  resetAccountPasswordWith,
  setAccountDisabledWith,
  type TAccount,
  type TAccountsCtx,
} from "../lib/data/accounts-core";
import { createTokenWith, listTokensWith, revokeTokenWith } from "../lib/data/tokens-core";

// Libraries that log with console.log must not pollute stdout.
const stdout = (line: string) => process.stdout.write(`${line}\n`);
console.log = console.error;
console.info = console.error;
console.debug = console.error;
const say = (m: string) => console.error(m);

const USAGE = `Usage: npm run [--silent] admin -- <command>

  token create <email> [--name NAME]     create a personal access token; prints only the token on stdout
  token list <email>                     list an account's tokens
  token revoke <token-id>                revoke a token (its id, from "token list")
  user list                              list accounts
  user create <email> --name NAME --role admin|provincial|district [--unit CODE] [--password PASSWORD]
                                         create an account (provincial: a province code, district: a district code);
                                         without --password one is generated and printed on stdout
  user disable <email>                   disable an account (its sessions and tokens stop working at once)
  user enable <email>                    enable it again
  user reset-password <email> [--password PASSWORD]
                                         set a new password (generated and printed when not given); ends its sessions

Uses DATABASE_URL when set, else the embedded database in .data/ (PORTAL_DATA_DIR), whether the portal runs or not.`;

class UsageError extends Error {}

type TOptions = { name?: string; role?: string; unit?: string; password?: string };

const ALLOWED: Record<string, { args: number; options: (keyof TOptions)[] }> = {
  "token create": { args: 1, options: ["name"] },
  "token list": { args: 1, options: [] },
  "token revoke": { args: 1, options: [] },
  "user list": { args: 0, options: [] },
  "user create": { args: 1, options: ["name", "role", "unit", "password"] },
  "user disable": { args: 1, options: [] },
  "user enable": { args: 1, options: [] },
  "user reset-password": { args: 1, options: ["password"] },
};

function parse(argv: string[]): { command: string; args: string[]; options: TOptions } | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: "string", short: "n" },
        role: { type: "string", short: "r" },
        unit: { type: "string", short: "u" },
        password: { type: "string", short: "p" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { positionals, values } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === "help") return "help";
  const command = positionals.slice(0, 2).join(" ");
  const spec = ALLOWED[command];
  if (!spec) throw new UsageError(`Unknown command "${command}".`);
  const args = positionals.slice(2);
  if (args.length !== spec.args) throw new UsageError(`"${command}" takes ${spec.args === 0 ? "no arguments" : spec.args === 1 ? "one argument" : `${spec.args} arguments`}.`);
  const options: TOptions = {};
  for (const key of ["name", "role", "unit", "password"] as const) {
    const v = values[key];
    if (v === undefined) continue;
    if (!spec.options.includes(key)) throw new UsageError(`"${command}" does not take --${key}.`);
    options[key] = v;
  }
  return { command, args, options };
}

const roleLabel: Record<TAccount["role"], string> = { ADMIN: "admin", PROVINCIAL_OFFICER: "provincial", DISTRICT_STAFF: "district" };
const describe = (a: TAccount) => `${a.email} (${roleLabel[a.role]}${a.unit ? `, ${a.unit.code} ${a.unit.name}` : ", whole country"}${a.disabled ? ", disabled" : ""})`;
const day = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "-");

async function run(db: Db, command: string, args: string[], o: TOptions): Promise<void> {
  const ctx: TAccountsCtx = { db, actor: null, actorLabel: "cli", source: "cli" };
  const [arg] = args as [string];
  switch (command) {
    case "token create": {
      const account = await requireAccountByEmail(db, arg);
      const created = await createTokenWith(ctx, account.id, o.name ?? `cli ${new Date().toISOString().slice(0, 10)}`);
      stdout(created.token);
      say(`Token ${created.id} (“${created.name}”) created for ${account.email}. It is shown only this once.`);
      return;
    }
    case "token list": {
      const account = await requireAccountByEmail(db, arg);
      const tokens = await listTokensWith(db, account.id);
      if (tokens.length === 0) say(`${account.email} has no tokens.`);
      for (const t of tokens) {
        stdout([t.id, `${t.prefix}…`, t.revokedAt ? `revoked ${day(t.revokedAt)}` : "active", `created ${day(t.createdAt)}`, `last used ${day(t.lastUsedAt)}`, t.name].join("\t"));
      }
      return;
    }
    case "token revoke": {
      const r = await revokeTokenWith(ctx, arg);
      say(r.alreadyRevoked ? `Token ${r.token.id} was already revoked (${day(r.token.revokedAt)}).` : `Token ${r.token.id} (“${r.token.name}”) revoked.`);
      return;
    }
    case "user list": {
      for (const a of await listAccountsWith(db)) {
        stdout([a.email, roleLabel[a.role], a.unit ? a.unit.code : "-", a.disabled ? "disabled" : "active", a.name].join("\t"));
      }
      return;
    }
    case "user create": {
      if (o.name === undefined) throw new UsageError('"user create" needs --name.');
      if (o.role === undefined) throw new UsageError('"user create" needs --role admin|provincial|district.');
      const r = await createAccountWith(ctx, { email: arg, name: o.name, role: o.role, unitCode: o.unit ?? "", password: o.password });
      say(`Account ${describe(r.account)} created.${r.generated ? " Its password (printed on stdout) is shown only this once." : ""}`);
      if (r.generated) stdout(r.password);
      return;
    }
    case "user disable":
    case "user enable": {
      const account = await requireAccountByEmail(db, arg);
      const disabled = command === "user disable";
      if (account.disabled === disabled) {
        say(`${account.email} is already ${disabled ? "disabled" : "enabled"}.`);
        return;
      }
      const after = await setAccountDisabledWith(ctx, account.id, disabled);
      say(`${describe(after)}: ${disabled ? "disabled; its sessions and tokens no longer work" : "enabled"}.`);
      return;
    }
    case "user reset-password": {
      const account = await requireAccountByEmail(db, arg);
      const r = await resetAccountPasswordWith(ctx, account.id, o.password);
      say(`New password set for ${account.email}; its sessions have ended.${r.generated ? " The password (printed on stdout) is shown only this once." : ""}`);
      if (r.generated) stdout(r.password);
      return;
    }
  }
}

async function main(): Promise<number> {
  let cmd;
  try {
    cmd = parse(process.argv.slice(2));
  } catch (e) {
    say(`admin: ${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (cmd === "help") {
    say(USAGE);
    return 0;
  }
  if (!settings().DATABASE_URL && !readLiveLock(dataDir()) && !embeddedDataExists(dataDir())) {
    say(`admin: there is no database yet in ${dataDir()}: run \`npm start\` once (it creates and seeds it), or set DATABASE_URL.`);
    return 1;
  }
  const opened = await openDatabase({ shareRunning: true });
  const db = createPrismaClient(opened.url, { max: 2 });
  try {
    await run(db, cmd.command, cmd.args, cmd.options);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      say(`admin: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(e) && e.problems.length) {
      // Refused (lib/errors.ts): each problem in both languages, with its field when there are several.
      const details = e.problems.map((p) => `  ${p.field ?? "-"}: ${problemBilingual(p)}`);
      say(`admin: ${problemBilingual(e.problems[0]!)}${details.length > 1 ? `\n${details.join("\n")}` : ""}`);
      return 1;
    }
    const code = (e as { code?: string }).code;
    if (code === "P2021" || code === "P2022") {
      say("admin: the database is not migrated: run `npm run db:migrate` (or `npm start`) first.");
      return 1;
    }
    say(`admin: ${(e as Error).message ?? String(e)}`);
    return 1;
  } finally {
    await db.$disconnect().catch(() => {});
    await opened.close().catch(() => {});
  }
}

process.exit(await main());
