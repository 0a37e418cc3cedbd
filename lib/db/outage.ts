// Whether the database answers, as the portal's HTTP server sees it (scripts/serve.ts;
// docs/architecture.md, "When the database is away"). While it does not, every request gets a
// clear 503 at once (JSON under /api) instead of waiting for a timeout or rendering an error
// page; a probe at most every PROBE_MS finds it back, and the portal carries on by itself.

/** How often a database that did not answer is tried again. */
export const PROBE_MS = 500;

/** An error that means the database cannot be reached (refused, reset, shut down, starting), not a bad query. */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = typeof err?.code === "string" ? err.code : "";
  if (["ECONNREFUSED", "ECONNRESET", "ENOENT", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "P1001", "P1017"].includes(code)) return true;
  // PostgreSQL: connection exceptions (08…), and the server shutting down or starting (57P01–57P03).
  if (/^(08\d{3}|57P0[123])$/.test(code)) return true;
  const msg = typeof err?.message === "string" ? err.message : "";
  return /Connection terminated|connect ECONNREFUSED|Can't reach database|server closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down)/i.test(msg);
}

/** The database's state for one process: up until a connection failure is seen; then probed until it answers. */
export class DatabaseWatch {
  private down = false;
  private lastProbe = 0;
  private probing: Promise<boolean> | null = null;

  constructor(
    private readonly ping: () => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A request saw the database fail to answer (which counts as the latest probe). */
  markDown(): void {
    this.down = true;
    this.lastProbe = this.now();
  }

  /** Whether requests may go ahead: true while up; while down, at most one probe every PROBE_MS decides. */
  async usable(): Promise<boolean> {
    if (!this.down) return true;
    if (this.probing) return this.probing;
    if (this.now() - this.lastProbe < PROBE_MS) return false;
    this.lastProbe = this.now();
    this.probing = this.ping().then(
      () => {
        this.down = false;
        return true;
      },
      () => false,
    ).finally(() => {
      this.probing = null;
    });
    return this.probing;
  }
}
