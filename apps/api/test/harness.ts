import { createApiToken } from "@parley/db";
import type { TokenRole } from "@parley/schema";
import { createSearchEngine, type SearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll } from "vitest";
import type { ApiEnv } from "../src/env.ts";
import { createServer } from "../src/server.ts";

/** A GraphQL answer; `T` is the shape of `data` the test's query selects (declared beside the query). */
export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

/** The answer's data, where the test expects some: without it, fails with the errors the answer gave. */
export function dataOf<T>(response: Pick<GraphQLResponse<T>, "data" | "errors">): NonNullable<T> {
  if (response.data === undefined || response.data === null) {
    throw new Error(`the answer has no data; its errors: ${JSON.stringify(response.errors ?? [])}`);
  }
  return response.data;
}

export interface Client {
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<NoInfer<T>>>;
  fetch(init: RequestInit & { path?: string }): Promise<Response>;
}

export interface Api extends Client {
  t: TestDatabase;
  search: SearchEngine;
  /** Every SQL statement sent since the last `resetQueries()`. */
  queries: string[];
  /** The parameters of those statements, as JSON, in the same order. */
  queryParams: string[];
  resetQueries(): void;
  /** Headers carrying a new API token of that role. */
  as(role: TokenRole, name?: string): Promise<Record<string, string>>;
  /** The same database behind a server configured otherwise. */
  withEnv(env: Partial<ApiEnv>): Client;
}

/** A fetched response's body read as a GraphQL answer of the shape `T` its query selects. */
export async function answerOf<T = Record<string, unknown>>(response: Response): Promise<GraphQLResponse<T>> {
  return { ...((await response.json()) as Omit<GraphQLResponse<T>, "status">), status: response.status };
}

function clientOf(yoga: () => ReturnType<typeof createServer>): Client {
  const fetch: Client["fetch"] = ({ path = "/graphql", ...init }) =>
    Promise.resolve(yoga().fetch(`http://yoga${path}`, init));
  return {
    fetch,
    async gql<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch({
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      // The wire's JSON, read as the shape the caller's query selects.
      const body = (await response.json()) as GraphQLResponse<T>;
      return { ...body, status: response.status };
    },
  };
}

/** A real server over a fresh database of this test file's own, seeded with the demo dataset. */
export function useApi(options: { demo?: boolean } = { demo: true }): Api {
  const queries: string[] = [];
  const queryParams: string[] = [];
  let yoga: ReturnType<typeof createServer>;
  const api = { queries, queryParams, ...clientOf(() => yoga) } as Api;
  beforeAll(async () => {
    api.t = await createTestDatabase({
      onQuery: (sql, params) => {
        queries.push(sql);
        queryParams.push(params);
      },
      demo: options.demo !== false,
    });
    api.search = createSearchEngine({ url: api.t.url });
    yoga = createServer({ db: api.t.db, search: api.search });
  });
  afterAll(async () => {
    await api.search.close();
    await api.t.drop();
  });
  api.resetQueries = () => {
    queries.length = 0;
    queryParams.length = 0;
  };
  api.as = async (role, name = `${role.toLowerCase()} in tests`) => {
    const { secret } = await createApiToken(api.t.db, { role, name, author: "tests" });
    return { authorization: `Bearer ${secret}` };
  };
  api.withEnv = (env) => {
    const server = createServer({ db: api.t.db, search: api.search, env });
    return clientOf(() => server);
  };
  return api;
}
