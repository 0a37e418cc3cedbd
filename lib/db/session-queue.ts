// One PGlite backend, many client connections: who may talk to it, and when.
//
// pglite-socket 0.2.17 queues each protocol *message* on its own and only keeps a
// connection exclusive while a transaction is open. Between transactions, the messages of
// two connections' extended-protocol exchanges (Parse, Bind, Describe, Execute, Sync)
// interleave on the single backend: one connection's Parse replaces the other's unnamed
// statement, and the other then reads rows of the wrong query (seen here: a result's
// indicator read as null while a transaction ran beside it). This queue gives the backend
// to one connection from its first message until it ends an exchange (Sync or a simple
// Query) outside a transaction, so each exchange and each transaction runs whole.
import type { PGlite } from "@electric-sql/pglite";

type Item = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (e: Error) => void;
};

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'
const SYNC_MESSAGE = new Uint8Array([SYNC, 0, 0, 0, 4]);

/** Does this message end an exchange (after which another connection may go)? */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  // Startup and SSL/cancel requests have no type byte: their first byte is the length's high byte (0).
  return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
}

export class SessionQueue {
  private queue: Item[] = [];
  /** The connection that holds the backend, or null when any may start an exchange. */
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((q) => {
      if (q.handlerId !== handlerId) return true;
      q.reject(new Error("Handler disconnected"));
      return false;
    });
  }

  /** A connection went away: end what it left open so the next one starts clean. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    await this.db.runExclusive(async () => {
      // A Sync ends a half-sent exchange (and an error state that would skip messages).
      await this.db.execProtocolRawStream(SYNC_MESSAGE, { onRawData: () => {} });
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    });
    this.owner = null;
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const i = this.owner === null ? (this.queue.length > 0 ? 0 : -1) : this.queue.findIndex((q) => q.handlerId === this.owner);
        if (i < 0) break; // empty, or the owner's next message has not arrived yet
        const item = this.queue.splice(i, 1)[0]!;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (e) {
          this.owner = null;
          item.reject(e instanceof Error ? e : new Error(String(e)));
          continue;
        }
        this.owner = endsExchange(item.message) && !this.db.isInTransaction() ? null : item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }
}

/** Replaces the server's message queue by a SessionQueue (pglite-socket 0.2.17 keeps it in `queryQueue`). */
export function useSessionQueue(server: object, db: PGlite): void {
  const s = server as { queryQueue?: unknown };
  if (!s.queryQueue || typeof (s.queryQueue as { enqueue?: unknown }).enqueue !== "function") {
    throw new Error("pglite-socket changed: PGLiteSocketServer has no queryQueue to replace (see lib/db/session-queue.ts).");
  }
  s.queryQueue = new SessionQueue(db);
}
