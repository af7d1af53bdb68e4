import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type { PrismaClient };
export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export interface ClientOptions {
  /** Called with the text of every SQL statement sent and its parameters (JSON), for tests that count or inspect them. */
  onQuery?: (sql: string, params: string) => void;
  max?: number;
}

export function createPrismaClient(url: string, options: ClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.max ?? 10 });
  const client = new PrismaClient({ adapter, log: options.onQuery ? [{ emit: "event", level: "query" }] : [] });
  if (options.onQuery) {
    const onQuery = options.onQuery;
    (client as unknown as { $on(event: "query", cb: (e: { query: string; params: string }) => void): void }).$on("query", (e) => onQuery(e.query, e.params));
  }
  return client;
}
