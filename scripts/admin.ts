// Operators' command line (README "Operators' command line"):
//
//   npm run --silent admin -- token create <email> [--name N] [--days N] [--scope write|publish]
//                                                              prints the new token, and only it, on stdout
//   npm run admin -- token list <email>
//   npm run admin -- token revoke <id>
//   npm run admin -- user list
//   npm run admin -- user create <email> --name N --role admin|provincial|district|commune [--unit KEY] [--password P]
//   npm run admin -- user disable <email> | user enable <email>
//   npm run admin -- user reset-password <email> [--password P]
//   npm run admin -- units show <key>
//   npm run admin -- units create <code> --name N --level province|district|commune [--parent KEY] --valid-from YYYY-MM-DD [--key K]
//   npm run admin -- units rename <key> --name N [--short S] [--english E]
//   npm run admin -- units end <key> --effective YYYY-MM-DD
//   npm run admin -- units delete <key>
//   npm run admin -- units merge <key>... --into KEY --effective YYYY-MM-DD [--dry-run]
//   npm run admin -- units split <key> --into KEY,KEY --effective YYYY-MM-DD [--dry-run]
//   npm run admin -- units reorganise --from KEYS --into KEYS [--share full|partial] --effective YYYY-MM-DD [--new-code C …] [--dry-run]
//   npm run admin -- units import <units.csv> [--successors <successors.csv>] --effective YYYY-MM-DD [--dry-run]
//
// Works on DATABASE_URL or the embedded database, whether the portal runs or not
// (lib/db/open.ts). stdout carries only what a script may capture (a token, a
// generated password, a listing); everything else goes to stderr. Exit codes:
// 0 done, 1 refused or failed (unknown email or unit, bad role, duplicate email…),
// 2 wrong usage. Every change is audited with actor label "cli".
//
// Nothing here may import a "server-only" module: the shared logic lives in
// lib/data/accounts-core.ts, lib/data/tokens-core.ts and lib/data/units-admin-core.ts.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { embeddedDataExists, readLiveLock } from "../lib/db/embedded";
import { dataDir, openDatabase } from "../lib/db/open";
import { backupCommand, restoreCommand } from "./backup-commands";
import { createPrismaClient, type Db } from "../lib/db/prisma";
import { settings } from "../lib/env";
import { AppError, isAppError, type TProblem } from "../lib/errors";
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
import { isExpired } from "../lib/auth/tokens";
import {
  createUnitWith,
  deleteUnitWith,
  endUnitWith,
  getUnitAdminWith,
  importUnitsWith,
  renameUnitWith,
  reorganiseUnitsWith,
  type TChangeSummary,
  type TImportFile,
  type TPlanOutcome,
} from "../lib/data/units-admin-core";
import { formatDate } from "../lib/domain/numbers";
import { lastDayBefore } from "../lib/domain/units-admin";

// Libraries that log with console.log must not pollute stdout.
const stdout = (line: string) => process.stdout.write(`${line}\n`);
console.log = console.error;
console.info = console.error;
console.debug = console.error;
const say = (m: string) => console.error(m);

const USAGE = `Usage: npm run [--silent] admin -- <command>

  token create <email> [--name NAME] [--days DAYS] [--scope write|publish]
                                         create a personal access token; prints only the token on stdout;
                                         it expires after DAYS days (1 to 365, default 90); scope write (the
                                         default) saves drafts only, publish may also publish where the account may
  token list <email>                     list an account's tokens
  token revoke <token-id>                revoke a token (its id, from "token list")
  user list                              list accounts
  user create <email> --name NAME --role admin|provincial|district [--unit CODE] [--password PASSWORD]
                                         create an account (provincial: a province key, district: a commune or district key);
                                         without --password one is generated and printed on stdout
  user disable <email>                   disable an account (its sessions stop working and its tokens are revoked at once)
  user enable <email>                    enable it again (revoked tokens stay revoked)
  user reset-password <email> [--password PASSWORD]
                                         set a new password (generated and printed when not given); ends its
                                         sessions and revokes its tokens

  units show <key>                       a unit of the registry, its successions and what refers to it
  units create <code> --name NAME --level province|district|commune --valid-from YYYY-MM-DD
               [--parent KEY] [--key KEY] [--short NAME] [--english NAME]
                                         create a unit (key: its code unless given; parent: the nation for a province)
  units rename <key> --name NAME [--short NAME] [--english NAME]
                                         rename a unit (short and English names derived from the name when not given)
  units end <key> --effective YYYY-MM-DD end a unit: valid up to and including the day before the effective date
  units delete <key>                     delete a unit nothing refers to (a mistake); otherwise says what refers to it
  units merge <key>... --into KEY --effective YYYY-MM-DD [--dry-run]
                                         the units go wholly into KEY on the effective date (they end the day before)
  units split <key> --into KEY,KEY... --effective YYYY-MM-DD [--dry-run]
                                         the unit goes in part into each of the units
  units reorganise --from KEYS --into KEYS [--share full|partial] --effective YYYY-MM-DD [--dry-run]
               [--new-code CODE --name NAME --level LEVEL [--parent KEY] [--key KEY] [--short NAME] [--english NAME]]
                                         predecessors into successors; --new-code creates a successor in the same transaction
  units import <units.csv> [--successors <successors.csv>] --effective YYYY-MM-DD [--dry-run]
                                         load files in the shared format (prisma/data/admin-units/): all or nothing;
                                         loading the same files again changes nothing; --dry-run only says what would change

  backup FILE                            write a consistent snapshot of the whole database to FILE (while the portal runs or not)
  restore FILE --yes                     replace every row with FILE's (the embedded database: with the portal stopped;
                                         its files before are kept aside); docs/operations.md

Uses DATABASE_URL when set, else the embedded database in .data/ (PORTAL_DATA_DIR), whether the portal runs or not.`;

class UsageError extends Error {}

type TOptions = {
  name?: string;
  days?: string;
  scope?: string;
  role?: string;
  unit?: string;
  password?: string;
  level?: string;
  parent?: string;
  "valid-from"?: string;
  key?: string;
  short?: string;
  english?: string;
  effective?: string;
  from?: string;
  into?: string;
  share?: string;
  "new-code"?: string;
  successors?: string;
  "dry-run"?: boolean;
  yes?: boolean;
};

const STRING_OPTIONS = ["name", "days", "scope", "role", "unit", "password", "level", "parent", "valid-from", "key", "short", "english", "effective", "from", "into", "share", "new-code", "successors"] as const;

/** `args`: how many arguments; `rest`: or more. */
const ALLOWED: Record<string, { args: number; rest?: boolean; options: (keyof TOptions)[] }> = {
  "token create": { args: 1, options: ["name", "days", "scope"] },
  "token list": { args: 1, options: [] },
  "token revoke": { args: 1, options: [] },
  "user list": { args: 0, options: [] },
  "user create": { args: 1, options: ["name", "role", "unit", "password"] },
  "user disable": { args: 1, options: [] },
  "user enable": { args: 1, options: [] },
  "user reset-password": { args: 1, options: ["password"] },
  "units show": { args: 1, options: [] },
  "units create": { args: 1, options: ["name", "level", "parent", "valid-from", "key", "short", "english"] },
  "units rename": { args: 1, options: ["name", "short", "english"] },
  "units end": { args: 1, options: ["effective"] },
  "units delete": { args: 1, options: [] },
  "units merge": { args: 1, rest: true, options: ["into", "effective", "dry-run"] },
  "units split": { args: 1, options: ["into", "effective", "dry-run"] },
  "units reorganise": { args: 0, options: ["from", "into", "share", "effective", "new-code", "name", "level", "parent", "key", "short", "english", "dry-run"] },
  "units import": { args: 1, options: ["successors", "effective", "dry-run"] },
  backup: { args: 1, options: [] },
  restore: { args: 1, options: ["yes"] },
};

/** Commands of one word (the others are "<noun> <verb>"). */
const ONE_WORD = new Set(["backup", "restore"]);

function parse(argv: string[]): { command: string; args: string[]; options: TOptions } | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: "string", short: "n" },
        days: { type: "string" },
        scope: { type: "string" },
        role: { type: "string", short: "r" },
        unit: { type: "string", short: "u" },
        password: { type: "string", short: "p" },
        level: { type: "string" },
        parent: { type: "string" },
        "valid-from": { type: "string" },
        key: { type: "string" },
        short: { type: "string" },
        english: { type: "string" },
        effective: { type: "string" },
        from: { type: "string" },
        into: { type: "string" },
        share: { type: "string" },
        "new-code": { type: "string" },
        successors: { type: "string" },
        "dry-run": { type: "boolean" },
        yes: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { positionals, values } = parsed;
  if (values.help || positionals.length === 0 || positionals[0] === "help") return "help";
  const words = ONE_WORD.has(positionals[0]!) ? 1 : 2;
  const command = positionals.slice(0, words).join(" ");
  const spec = ALLOWED[command];
  if (!spec) throw new UsageError(`Unknown command "${command}".`);
  const args = positionals.slice(words);
  if (spec.rest ? args.length < spec.args : args.length !== spec.args)
    throw new UsageError(`"${command}" takes ${spec.args === 0 ? "no arguments" : spec.args === 1 ? "one argument" : `${spec.args} arguments`}${spec.rest ? " or more" : ""}.`);
  const options: TOptions = {};
  for (const key of STRING_OPTIONS) {
    const v = values[key];
    if (v === undefined) continue;
    if (!spec.options.includes(key)) throw new UsageError(`"${command}" does not take --${key}.`);
    options[key] = v;
  }
  if (values.yes) {
    if (!spec.options.includes("yes")) throw new UsageError(`"${command}" does not take --yes.`);
    options.yes = true;
  }
  if (values["dry-run"]) {
    if (!spec.options.includes("dry-run")) throw new UsageError(`"${command}" does not take --dry-run.`);
    options["dry-run"] = true;
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
      const created = await createTokenWith(ctx, account.id, { name: o.name ?? `cli ${new Date().toISOString().slice(0, 10)}`, days: o.days, scope: o.scope });
      stdout(created.token);
      say(
        `Token ${created.id} (“${created.name}”, scope ${created.scope.toLowerCase()}) created for ${account.email}; it expires ${day(created.expiresAt)} UTC. It is shown only this once.`,
      );
      return;
    }
    case "token list": {
      const account = await requireAccountByEmail(db, arg);
      const tokens = await listTokensWith(db, account.id);
      if (tokens.length === 0) say(`${account.email} has no tokens.`);
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${day(t.revokedAt)}` : isExpired(t.expiresAt) ? "expired" : "active";
        stdout([t.id, `${t.prefix}…`, state, t.scope.toLowerCase(), `expires ${day(t.expiresAt)}`, `created ${day(t.createdAt)}`, `last used ${day(t.lastUsedAt)}`, t.name].join("\t"));
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
      say(`${describe(after)}: ${disabled ? "disabled; its sessions no longer work and its tokens are revoked" : "enabled (tokens revoked before stay revoked)"}.`);
      return;
    }
    case "units show":
    case "units create":
    case "units rename":
    case "units end":
    case "units delete":
    case "units merge":
    case "units split":
    case "units reorganise":
    case "units import":
      return runUnits(ctx, command, args, o);
    case "user reset-password": {
      const account = await requireAccountByEmail(db, arg);
      const r = await resetAccountPasswordWith(ctx, account.id, o.password);
      say(`New password set for ${account.email}; its sessions have ended and its tokens are revoked.${r.generated ? " The password (printed on stdout) is shown only this once." : ""}`);
      if (r.generated) stdout(r.password);
      return;
    }
  }
}

// ---------------------------------------------------------------------------
// units …: the registry of administrative units (lib/data/units-admin-core.ts)
// ---------------------------------------------------------------------------

const need = (command: string, o: TOptions, key: keyof TOptions, what: string) => {
  const v = o[key];
  if (typeof v !== "string" || v === "") throw new UsageError(`"${command}" needs --${key} ${what}.`);
  return v;
};

/** A file's text: UTF-8, as the shared files are. */
function readText(path: string): TImportFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new Error(`cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return { name: basename(path), text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    throw new Error(`${path} is not UTF-8 text (save it as “CSV UTF-8”).`);
  }
}

const unitLabel = (u: { name: string; key: string }) => `${u.name} (${u.key})`;

/** What a reorganisation or a load changes (or would), on stderr: counts, then each change (the first 200). */
function report(s: TChangeSummary, outcome: TPlanOutcome, dryRun: boolean) {
  const c = s.counts;
  if (outcome.unchanged) {
    say(`Nothing to change on ${s.effectiveOn}: every unit and succession is already in place.`);
    return;
  }
  say(`${dryRun ? "Would change" : "Changed"} (effective ${s.effectiveOn}): ${c.created} created, ${c.renamed} renamed, ${c.ended} ended, ${c.successions} successions added.`);
  const lines = [
    ...s.created.map((u) => `  + ${unitLabel(u)} ${u.level.toLowerCase()} under ${u.parent ? unitLabel(u.parent) : "-"}, from ${u.validFrom}`),
    ...s.renamed.map((u) => `  ~ ${unitLabel(u)} → ${u.newName}`),
    ...s.ended.map((u) => `  - ${unitLabel(u)} last day ${u.validTo}${u.into.length ? ` → ${u.into.map((i) => `${unitLabel(i)}${i.share === "PARTIAL" ? " (part)" : ""}`).join(", ")}` : ""}`),
  ];
  for (const l of lines.slice(0, 200)) say(l);
  if (lines.length > 200) say(`  … and ${lines.length - 200} more`);
  if (dryRun) say("Dry run: nothing was written.");
}

async function runUnits(ctx: TAccountsCtx, command: string, args: string[], o: TOptions): Promise<void> {
  const [arg] = args as [string];
  const plan = { apply: !o["dry-run"] };
  switch (command) {
    case "units show": {
      const u = await getUnitAdminWith(ctx.db, arg);
      if (!u) throw new AppError("not_found", { code: "registry_unit_unknown", params: { key: arg }, field: "key" });
      const r = u.references;
      stdout(
        [
          ["key", u.key],
          ["code", u.code],
          ["name", u.name],
          ["short name", u.shortName],
          ["English name", u.nameEn ?? "-"],
          ["level", u.level],
          ["parent", u.parent ? unitLabel(u.parent) : "-"],
          ["valid from", u.validFrom ?? "-"],
          ["last day", u.validTo ?? "-"],
          ["went wholly into", u.successor ? unitLabel(u.successor) : "-"],
          ["predecessors", u.predecessors.map((p) => `${unitLabel(p)} ${p.share.toLowerCase()} ${p.effectiveOn}`).join("; ") || "-"],
          ["successors", u.successors.map((p) => `${unitLabel(p)} ${p.share.toLowerCase()} ${p.effectiveOn}`).join("; ") || "-"],
          ["referred to by", `${r.plans} plan(s), ${r.targets} target(s), ${r.results} result(s), ${r.users} account(s), ${r.children} unit(s) below, ${r.successions} succession(s)`],
        ]
          .map(([k, v]) => `${k}\t${v}`)
          .join("\n"),
      );
      return;
    }
    case "units create": {
      const u = await createUnitWith(ctx, {
        code: arg,
        name: need(command, o, "name", "NAME"),
        level: need(command, o, "level", "province|district|commune"),
        validFrom: need(command, o, "valid-from", "YYYY-MM-DD"),
        parent: o.parent,
        key: o.key,
        shortName: o.short,
        nameEn: o.english,
      });
      say(`Unit ${unitLabel(u)} created, valid from ${u.validFrom}.`);
      return;
    }
    case "units rename": {
      const r = await renameUnitWith(ctx, { key: arg, name: need(command, o, "name", "NAME"), shortName: o.short, nameEn: o.english });
      say(r.changed ? `Unit ${r.unit.key} renamed: ${r.unit.name} (${r.unit.shortName}; ${r.unit.nameEn ?? "-"}).` : `Unit ${r.unit.key} already has these names: nothing changed.`);
      return;
    }
    case "units end": {
      const effective = need(command, o, "effective", "YYYY-MM-DD");
      const u = await endUnitWith(ctx, { key: arg, effectiveOn: effective });
      say(`Unit ${unitLabel(u)} ended: its last day is ${u.validTo} (${formatDate(u.validTo)}).`);
      return;
    }
    case "units delete": {
      const u = await deleteUnitWith(ctx, arg);
      say(`Unit ${unitLabel(u)} deleted.`);
      return;
    }
    case "units merge":
    case "units split":
    case "units reorganise": {
      const effectiveOn = need(command, o, "effective", "YYYY-MM-DD");
      const newUnit = o["new-code"] !== undefined;
      if (!newUnit && command === "units reorganise" && (o.name || o.level || o.parent || o.key || o.short || o.english))
        throw new UsageError('--name, --level, --parent, --key, --short and --english describe a new unit: give its --new-code too.');
      const outcome = await reorganiseUnitsWith(
        ctx,
        {
          effectiveOn,
          from: command === "units reorganise" ? need(command, o, "from", "KEY,KEY…") : args,
          into: command === "units reorganise" ? (o.into ?? "") : need(command, o, "into", "KEY"),
          share: command === "units merge" ? "FULL" : command === "units split" ? "PARTIAL" : o.share,
          ...(newUnit ? { newCode: o["new-code"], newName: o.name, newLevel: o.level, newParent: o.parent, newKey: o.key, newShortName: o.short, newNameEn: o.english } : {}),
        },
        plan,
      );
      report(outcome.summary, outcome, !plan.apply);
      return;
    }
    case "units import": {
      const effective = need(command, o, "effective", "YYYY-MM-DD");
      const files = { units: readText(arg), successors: o.successors ? readText(o.successors) : null };
      const outcome = await importUnitsWith(ctx, files, effective, plan);
      report(outcome.summary, outcome, !plan.apply);
      if (plan.apply && !outcome.unchanged) say(`Loaded in one transaction; units that ended are valid up to ${lastDayBefore(outcome.summary.effectiveOn)}.`);
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
  if (ONE_WORD.has(cmd.command)) {
    // Backup and restore open the database themselves (a restore of the embedded one owns its files).
    try {
      if (cmd.command === "backup") await backupCommand(cmd.args[0]!);
      else await restoreCommand(cmd.args[0]!, cmd.options.yes === true);
      return 0;
    } catch (e) {
      say(`admin: ${(e as Error).message}`);
      return 1;
    }
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
      // Refused (lib/errors.ts): each problem in both languages, with its field (and a file's line) when there are several or a line.
      const where = (p: TProblem) => `${p.field ?? "-"}${p.params?.line !== undefined ? ` line ${p.params.line}` : ""}`;
      const details = e.problems.map((p) => `  ${where(p)}: ${problemBilingual(p)}`);
      const first = e.problems[0]!;
      say(`admin: ${first.params?.line !== undefined ? `${where(first)}: ` : ""}${problemBilingual(first)}${details.length > 1 ? `\n${details.join("\n")}` : ""}`);
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
