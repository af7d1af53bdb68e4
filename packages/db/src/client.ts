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

export function createPrismaClient(url: string, options: ClientOptions = {}): PrismaClient {
  // A server that does not answer fails the request within seconds rather than holding it.
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  const client = new PrismaClient({
    adapter,
    log: options.onQuery ? [{ emit: "event", level: "query" }] : [],
    // Under load a write waits for a pooled connection behind reads; Prisma's 2 s default refused
    // writes at 50 concurrent clients (pnpm bench load). Waiting as long as the connect timeout does.
    transactionOptions: { maxWait: CONNECT_TIMEOUT_MS, timeout: 15_000 },
  });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(event: "query", cb: (e: { query: string; params: string }) => void): void }).$on("query", (e) => onQuery(e.query, e.params));
  }
  return client;
}
