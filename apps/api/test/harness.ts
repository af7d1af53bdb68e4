import { createApiToken } from "@parley/db";
import type { TokenRole } from "@parley/schema";
import { createSearchEngine, type SearchEngine } from "@parley/search";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { afterAll, beforeAll } from "vitest";
import type { ApiEnv } from "../src/env.ts";
import { createServer } from "../src/server.ts";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

export interface Client {
  gql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
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

function clientOf(yoga: () => ReturnType<typeof createServer>): Client {
  const fetch: Client["fetch"] = ({ path = "/graphql", ...init }) =>
    Promise.resolve(yoga().fetch(`http://yoga${path}`, init));
  return {
    fetch,
    async gql(query, variables, headers = {}) {
      const response = await fetch({
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse;
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
