// The environment, read and validated in one place: every variable the portal's processes
// read (the server, `npm start`, the operators' CLI). Nothing else reads process.env for
// these. docs/architecture.md lists them.
import { z } from "zod";

const ZSettings = z.object({
  /** PostgreSQL server; unset: the embedded database under PORTAL_DATA_DIR. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Signs session cookies; unset: one is generated on first start and kept in the database. */
  NEXTAUTH_SECRET: z.string().min(1, "NEXTAUTH_SECRET is empty").optional(),
  /** next-auth: trust the Host header (npm start sets it to 1 unless given). */
  AUTH_TRUST_HOST: z.enum(["0", "1", "true", "false"], { error: "AUTH_TRUST_HOST must be 0, 1, true or false" }).optional(),
  /** Where the embedded database lives (relative to the project root unless absolute). */
  PORTAL_DATA_DIR: z.string().min(1).optional(),
  /** 0: a database seeded for the first time gets no demo accounts. */
  PORTAL_DEMO: z.enum(["0", "1"], { error: "PORTAL_DEMO must be 0 or 1" }).optional(),
  /** The address to listen on; unset: 127.0.0.1 (the loopback only), "0.0.0.0" or "::" for every interface. */
  HOST: z.string().regex(/^[0-9A-Za-z.:_-]{1,255}$/, "HOST must be a host name or an address").optional(),
  /** How many reverse proxies in front of the portal append to X-Forwarded-For (0: none, the socket's peer is the client). */
  PORTAL_TRUSTED_PROXIES: z.coerce.number({ error: "PORTAL_TRUSTED_PROXIES must be a number" }).int().min(0).max(10).default(0),
  PORT: z.coerce.number({ error: "PORT must be a number" }).int().min(1).max(65535).default(3000),
  /** Memory for the public response cache, in MiB (scripts/serve.ts); 0 turns it off. */
  PORTAL_RESPONSE_CACHE_MB: z.coerce.number({ error: "PORTAL_RESPONSE_CACHE_MB must be a number" }).min(0).max(4096).default(128),
  /** Next's build directory (tests and the benchmark build apart from .next). */
  NEXT_DIST_DIR: z.string().min(1).optional(),
});

export type TSettings = z.infer<typeof ZSettings>;

let cached: TSettings | null = null;

/** Every setting, validated once; a clear message names each bad variable. */
export function settings(): TSettings {
  if (cached) return cached;
  const parsed = ZSettings.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

/** The settings of the portal's server process, which always runs with a database URL (`npm start` sets it). */
export function getServerEnv(): TSettings & { DATABASE_URL: string } {
  const s = settings();
  if (!s.DATABASE_URL) throw new Error("DATABASE_URL is not set: start the portal with `npm start`, which opens the embedded database and sets it.");
  return s as TSettings & { DATABASE_URL: string };
}

/** Where the embedded database lives by default (relative to the project root). */
export const DEFAULT_DATA_DIR = ".data";
