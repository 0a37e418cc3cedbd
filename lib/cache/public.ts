import "server-only";
// Cache of what the public reads, invalidated by every write.
//
// A trigger on every table the public reads (migration 20261123150538_progress_summary)
// bumps public_data_version once per writing transaction, at its commit, whoever writes:
// the portal, the CLI, an import or psql. Entries are kept under the version they were
// loaded at; a reader that finds a newer version drops them all. Loads start after the
// version is read, so an entry is never older than its version. Officer pages read the
// database directly.
//
// Two scopes (docs/architecture.md, "Speed: two caches, one version"): "public" entries follow
// the public version (any write); "registry" entries, which read the unit registry and nothing
// else, follow the registry's own version (migration 20261130214720_registry_version: bumped
// by writes to the registry only), so the unit tree survives the writes of plans and results.
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { db } from "../db/client";
import type { Db } from "../db/prisma";

/**
 * At most this many entries per version (a page of search results, a plan, a comparison…),
 * the least recently used going first. The largest entry, every target's progress, is about
 * 0,5 MB for 3.000 targets, so memory stays bounded whatever the queries.
 */
const MAX_ENTRIES = 500;

/** What an entry depends on: all public data, or the unit registry alone. */
export type TCacheScope = "public" | "registry";
type TVersions = Record<TCacheScope, bigint>;

type Generation = { version: bigint; values: Map<string, Promise<unknown>> };
const g = globalThis as unknown as { __publicCache?: WeakMap<Db, Partial<Record<TCacheScope, Generation>>> };
const generations = (g.__publicCache ??= new WeakMap());

/** API requests read the versions once (withRequestVersion); renders once through React's cache. */
const requestVersion = new AsyncLocalStorage<{ versions?: Promise<TVersions> }>();

const readVersions = async (): Promise<TVersions> => {
  const rows = await db().$queryRaw<{ version: bigint; registryVersion: bigint }[]>`
    SELECT "version", "registryVersion" FROM "public_data_version" WHERE "id" = 1`;
  return { public: rows[0]?.version ?? -1n, registry: rows[0]?.registryVersion ?? -1n };
};

const dataVersions = cache((): Promise<TVersions> => {
  const store = requestVersion.getStore();
  if (!store) return readVersions();
  return (store.versions ??= readVersions());
});

/** The current public data version: read once per request. */
export const publicDataVersion = async (): Promise<bigint> => (await dataVersions()).public;

/** Runs an API handler so that every cached read in it uses the version read first. */
export function withRequestVersion<T>(fn: () => Promise<T>): Promise<T> {
  return requestVersion.run({}, fn);
}

/**
 * `load()`'s answer, shared by every request until the next write (of any public data, or of
 * the unit registry for scope "registry": only for loads that read the registry alone).
 * Callers must treat the value as read-only. A failed load is not kept.
 */
export async function cachedPublic<T>(key: readonly unknown[], load: () => Promise<T>, scope: TCacheScope = "public"): Promise<T> {
  const client = db();
  const version = (await dataVersions())[scope];
  const scopes = generations.get(client) ?? generations.set(client, {}).get(client)!;
  let gen = scopes[scope];
  if (!gen || gen.version < version) {
    gen = { version, values: new Map() };
    scopes[scope] = gen;
  }
  // A request that read an older version than another already did: answer, don't keep.
  if (gen.version !== version) return load();
  const k = JSON.stringify(key);
  const hit = gen.values.get(k);
  if (hit) {
    // Most recently used last, so the oldest is evicted first.
    gen.values.delete(k);
    gen.values.set(k, hit);
    return hit as Promise<T>;
  }
  if (gen.values.size >= MAX_ENTRIES) gen.values.delete(gen.values.keys().next().value!);
  const p = load();
  const values = gen.values;
  values.set(k, p);
  p.catch(() => {
    if (values.get(k) === p) values.delete(k);
  });
  return p;
}
