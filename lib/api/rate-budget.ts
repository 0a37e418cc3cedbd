// How often one client may ask for work the cache cannot spare (docs/api.md, "Reading plan text"):
// a token bucket per key, in this process's memory. A bucket holds `capacity` requests and gains
// one back every `refillMs`; the least recently used keys are forgotten past `maxKeys`, so a
// caller sending from many addresses costs bounded memory (each new address starts full).

export class RateBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly refillMs: number,
    readonly maxKeys = 10_000,
  ) {}

  /** Takes one request for `key`: 0 when it may go, else the milliseconds until it may. */
  take(key: string, now: number = Date.now()): number {
    const b = this.buckets.get(key);
    const tokens = b ? Math.min(this.capacity, b.tokens + Math.max(0, now - b.at) / this.refillMs) : this.capacity;
    this.buckets.delete(key);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return Math.ceil((1 - tokens) * this.refillMs);
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next();
      if (!oldest.done) this.buckets.delete(oldest.value);
    }
    return 0;
  }
}
