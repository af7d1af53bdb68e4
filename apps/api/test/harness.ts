import { afterAll, beforeAll } from "vitest";
import { demoFiles, loadDataFiles } from "@parley/db";
import { createTestDatabase, type TestDatabase } from "@parley/db/testing";
import { createSearchEngine, type SearchEngine } from "@parley/search";
import { createServer } from "../src/server.ts";

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface Api {
  t: TestDatabase;
  search: SearchEngine;
  /** Every SQL statement sent since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  fetch(init: RequestInit & { path?: string }): Promise<Response>;
}

/** A real server over a fresh database of this test file's own, seeded with the demo dataset. */
export function useApi(options: { demo?: boolean } = { demo: true }): Api {
  const queries: string[] = [];
  const api = { queries } as Api;
  let yoga: ReturnType<typeof createServer>;
  beforeAll(async () => {
    api.t = await createTestDatabase({ onQuery: (sql) => queries.push(sql) });
    if (options.demo !== false) await loadDataFiles(api.t.db, demoFiles(), { author: "demo dataset" });
    api.search = createSearchEngine({ url: api.t.url });
    yoga = createServer({ db: api.t.db, search: api.search });
  });
  afterAll(async () => {
    await api.search.close();
    await api.t.drop();
  });
  api.resetQueries = () => {
    queries.length = 0;
  };
  api.fetch = ({ path = "/graphql", ...init }) => Promise.resolve(yoga.fetch(`http://yoga${path}`, init));
  api.gql = async (query, variables, headers = {}) => {
    const response = await api.fetch({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as GraphQLResponse;
    return { ...body, status: response.status };
  };
  return api;
}
