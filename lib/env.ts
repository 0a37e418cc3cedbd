// Environment, read and validated in one place.
import { z } from "zod";

const ZServerEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the portal with `npm start`, which opens the embedded database and sets it." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type TServerEnv = z.infer<typeof ZServerEnv>;

let cached: TServerEnv | null = null;

export function getServerEnv(): TServerEnv {
  if (cached) return cached;
  const parsed = ZServerEnv.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  }
  cached = parsed.data;
  return cached;
}

/** Where the embedded database lives (relative to the project root unless absolute). */
export const DEFAULT_DATA_DIR = ".data";
