// The one module that touches Prisma's WebAssembly schema engine
// (@prisma/schema-engine-wasm, pinned to the exact build matching prisma 7.10.0).
// Prisma labels that package internal, so nothing else in the project calls it.
//
// Used for: generating the next migration's SQL from prisma/schema.prisma, and
// checking for drift (migrations vs schema, database vs schema). Applying
// migrations at start-up is done by lib/db/migrate.ts, which needs no engine.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { listMigrations, MIGRATIONS_DIR, PROJECT_ROOT, SCHEMA_PATH } from "./migrations-dir";

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
type EngineModule = { SchemaEngine: { new: (o: unknown, cb: (...a: unknown[]) => void, adapter: object) => Promise<Engine> } };

let modulePromise: Promise<EngineModule> | null = null;

/** Instantiates the wasm module by hand: Node 20 cannot import a .wasm file as an ES module. */
function loadEngineModule(): Promise<EngineModule> {
  modulePromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as Record<string, unknown> & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const bytes = await readFile(bgPath.replace(/schema_engine_bg\.js$/, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as WebAssembly.ModuleImports });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg as unknown as EngineModule;
  })();
  return modulePromise;
}

type AdapterFactory = ConstructorParameters<typeof Object>[0];

async function withEngine<T>(
  adapterFactory: AdapterFactory,
  fn: (engine: Engine, schema: string) => Promise<T>,
): Promise<T> {
  const mod = await loadEngineModule();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  const engine = await mod.SchemaEngine.new(
    { datamodels: [["schema.prisma", schema]] },
    (msg: unknown) => logs.push(String(msg)),
    bindMigrationAwareSqlAdapterFactory(adapterFactory as Parameters<typeof bindMigrationAwareSqlAdapterFactory>[0]),
  );
  try {
    return await fn(engine, schema);
  } finally {
    engine.free();
  }
}

async function migrationsTarget() {
  const migrations = await listMigrations();
  if (migrations.length === 0) return { tag: "empty" };
  const lock = await readFile(`${MIGRATIONS_DIR}/migration_lock.toml`, "utf8").catch(() => null);
  return {
    tag: "migrations",
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((m) => ({
      path: m.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/**
 * SQL that brings a database built from the existing migrations to the schema
 * in prisma/schema.prisma ("" when there is nothing to do). The migrations are
 * replayed on an in-memory PGlite shadow database.
 */
export async function diffMigrationsToSchema(): Promise<string> {
  const shadow = new PGlite();
  try {
    return await withEngine(new PrismaPGlite(shadow), async (engine, schema) => {
      const r = await engine.diff({
        from: await migrationsTarget(),
        to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
        script: true,
        exitCode: null,
        filters: noFilters,
      });
      return normalizeScript(r.stdout);
    });
  } finally {
    await shadow.close();
  }
}

/** SQL that would bring the live database at `connectionString` to the schema ("" when none). */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  return withEngine(withCharColumns(new PrismaPg({ connectionString })), async (engine, schema) => {
    const files = [{ path: "schema.prisma", content: schema }];
    const r = await engine.diff({
      // The wasm engine refuses { tag: "url" } ("--from-url and --to-url flags are no
      // longer supported"); "schemaDatasource" introspects the database the adapter reaches.
      from: { tag: "schemaDatasource", files, configDir: PROJECT_ROOT },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return normalizeScript(r.stdout);
  });
}

type RawResult = { columnTypes: number[]; rows: unknown[] };
type PgQueryable = {
  performIO(q: unknown): Promise<{ fields: { dataTypeID: number }[]; rows: unknown[] }>;
  queryRaw(q: unknown): Promise<RawResult>;
};
type PgFactory = { provider: string; adapterName: string; connect(): Promise<unknown>; connectToShadowDb?(): Promise<unknown> };

/**
 * adapter-pg rejects columns of PostgreSQL's one-byte type "char" (OID 18), which the
 * engine's introspection reads from pg_constraint.contype ("Column type 'char' could not
 * be deserialized"). pglite-prisma-adapter reports them as ColumnType.Character (6);
 * this wrapper makes adapter-pg do the same, for the engine's connection only.
 */
function withCharColumns(factory: PrismaPg): object {
  const PG_CHAR_OID = 18;
  const PG_TEXT_OID = 25;
  const CHARACTER_COLUMN = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils
  const charColumns = new WeakMap<object, number[]>();
  const patch = <T>(adapter: T): T => {
    const q = adapter as unknown as PgQueryable;
    const performIO = q.performIO.bind(q);
    const queryRaw = q.queryRaw.bind(q);
    q.performIO = async (query) => {
      const r = await performIO(query);
      const cols: number[] = [];
      r.fields.forEach((f, i) => {
        if (f.dataTypeID === PG_CHAR_OID) {
          cols.push(i);
          f.dataTypeID = PG_TEXT_OID;
        }
      });
      if (cols.length > 0) charColumns.set(r.rows, cols);
      return r;
    };
    q.queryRaw = async (query) => {
      const r = await queryRaw(query);
      for (const i of charColumns.get(r.rows) ?? []) r.columnTypes[i] = CHARACTER_COLUMN;
      return r;
    };
    return adapter;
  };
  const f = factory as unknown as PgFactory;
  return {
    provider: f.provider,
    adapterName: f.adapterName,
    connect: async () => patch(await f.connect()),
    connectToShadowDb: async () => patch(await f.connectToShadowDb!()),
  };
}

/** The engine prints a comment for an empty diff; treat comments and blank lines as nothing. */
function normalizeScript(stdout: string | null): string {
  const text = (stdout ?? "").trim();
  const meaningful = text
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.trim().startsWith("--"))
    .join("\n");
  return meaningful === "" ? "" : text + "\n";
}
