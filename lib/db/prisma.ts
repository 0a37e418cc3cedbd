// Builds a Prisma client for a connection string. The embedded database is
// reached over the Postgres protocol too (see embedded.ts), so one adapter
// (adapter-pg) serves both backends. App code uses lib/db/client.ts; scripts
// and tests call this directly.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, opts: { max?: number } = {}): PrismaClient {
  const adapter = oneQueryAtATimeInTransactions(new PrismaPg({ connectionString, max: opts.max ?? 10 }));
  return new PrismaClient({ adapter });
}

/**
 * The adapter, with each transaction's queries sent one after the other.
 *
 * Outside a transaction every query takes a connection of its own from the pool. A transaction
 * holds one connection (one pg client) for all its queries, and these can be asked for side by
 * side: Prisma loads a query's relations (a target's unit, indicator, results…) in parallel, and
 * a caller may `Promise.all` over `tx`. pg then queues them itself, with the warning "Calling
 * client.query() when the client is already executing a query" (deprecated; pg 9 will refuse).
 * Here each query of a transaction starts once the one before it has answered, in the order they
 * were asked: the same queries, the same results, nothing left for pg to queue.
 * tests/integration/one-query-per-connection.test.ts checks it on the paths that did this.
 */
export function oneQueryAtATimeInTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (isolationLevel) => inTurn(await startTransaction(isolationLevel));
      return adapter;
    },
  };
}

/** The transaction, its queryRaw and executeRaw (which its savepoints use too) chained. */
function inTurn(tx: Transaction): Transaction {
  let last: Promise<unknown> = Promise.resolve();
  const chained = <R>(run: (q: SqlQuery) => Promise<R>) => (q: SqlQuery): Promise<R> => {
    const p = last.then(() => run(q));
    last = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  };
  tx.queryRaw = chained(tx.queryRaw.bind(tx));
  tx.executeRaw = chained(tx.executeRaw.bind(tx));
  return tx;
}
