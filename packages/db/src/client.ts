import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type { PrismaClient };
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export const CONNECT_TIMEOUT_MS = 5_000;

export interface ClientOptions {
  /** Called with the text of every SQL statement sent and its parameters (JSON), for tests that count or inspect them. */
  onQuery?: (sql: string, params: string) => void;
  max?: number;
}

/** Connections in a Prisma client's pool unless `max` says otherwise. */
export const PRISMA_POOL_MAX = 10;

const URLS = new WeakMap<object, string>();

/** The connection URL a client made by createPrismaClient talks to, for work Prisma cannot do (COPY). */
export function databaseUrlOf(db: PrismaClient): string {
  const url = URLS.get(db);
  if (!url) throw new Error("internal: this Prisma client was not made by createPrismaClient");
  return url;
}

export function createPrismaClient(url: string, options: ClientOptions = {}): PrismaClient {
  // A server that does not answer fails the request within seconds rather than holding it.
  const adapter = new PrismaPg({
    connectionString: url,
    max: options.max ?? PRISMA_POOL_MAX,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  const client = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
    // Under load a write waits for a pooled connection behind reads; Prisma's 2 s default refused
    // writes at 50 concurrent clients (pnpm bench load). Waiting as long as the connect timeout does.
    transactionOptions: { maxWait: CONNECT_TIMEOUT_MS, timeout: 15_000 },
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(event: "query", cb: (e: { query: string; params: string }) => void): void }).$on(
      "query",
      (e) => onQuery(e.query, e.params),
    );
  }
  const extended = withQueryStrategyByDefault(client);
  URLS.set(extended, url);
  return extended;
}

const READS = new Set(["findUnique", "findUniqueOrThrow", "findFirst", "findFirstOrThrow", "findMany"]);

/**
 * Reads load their relations with one statement per relation (`relationLoadStrategy: "query"`)
 * unless they ask for `"join"`. One statement with JSON aggregation (`join`, the relationJoins
 * preview feature) is cheaper for a detail page of bounded size, such as an event with its places,
 * participants and claims (9 statements become 1). But it builds the JSON of a whole relation before
 * ordering and limiting it, so an actor's first 10 events out of 180,000 would cost seconds: readers
 * of possibly large relations keep the per-relation statements, which order and limit in SQL.
 */
function withQueryStrategyByDefault(client: PrismaClient): PrismaClient {
  return client.$extends({
    query: {
      $allModels: {
        $allOperations({ operation, args, query }) {
          if (READS.has(operation) && args && typeof args === "object" && !("relationLoadStrategy" in args)) {
            return query({ ...args, relationLoadStrategy: "query" } as typeof args);
          }
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
}
