import { defined } from "@parley/schema";
import { execute, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema.ts";
import { dataOf, useApi } from "./harness.ts";

const api = useApi();

// What the web app's search page asks for (apps/web/src/search/search.query.ts and its fragments).
const PAGE = `query($query: String, $filter: EventFilter, $first: Int, $after: String) {
  searchEvents(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor highlights node { id type title summary startDate endDate datePrecision contested
      places { id name country lat lon } participants { role actor { id name } } } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value label count selected } }
    histogram(interval: MONTH) { start count }
  }
  searchActors(query: "Tehreek", first: 3) { actor { id name kind } matchedName score }
}`;

/** The same query executed by graphql-js itself, without the server's compiled execution. */
async function byGraphqlJs(query: string, variables: Record<string, unknown>) {
  const result = await execute({
    schema,
    document: parse(query),
    variableValues: variables,
    contextValue: { db: api.t.db, search: api.search, viewer: null, tokenProblem: null, refusedOrigin: null },
  });
  return JSON.parse(JSON.stringify(result));
}

/** The part of PAGE's answer the tests read; they compare the rest whole. */
type Page = { searchEvents: { edges: { node: { participants: unknown[] } }[] } };

describe("search through the API", () => {
  it("answers a search page exactly as graphql-js does, although the server compiles search queries with graphql-jit", async () => {
    for (const variables of [
      { first: 20 },
      { query: "Taliban", filter: { countries: ["PK", "AF"], from: "2021-01-01" }, first: 5 },
    ]) {
      const res = await api.gql<Page>(PAGE, variables);
      expect(res.errors).toBeUndefined();
      expect(dataOf(res).searchEvents.edges.length).toBeGreaterThan(0);
      expect(defined(dataOf(res).searchEvents.edges[0], "the first result").node.participants.length).toBeGreaterThan(
        0,
      );
      expect(res.data).toEqual((await byGraphqlJs(PAGE, variables)).data);
    }
  });

  it("loads a search page's nodes and their relations in the same number of statements for 5 events as for 40", async () => {
    const statements = async (first: number) => {
      api.resetQueries();
      const res = await api.gql<Page>(PAGE, { first });
      expect(dataOf(res).searchEvents.edges).toHaveLength(first);
      return api.queries.length;
    };
    const five = await statements(5);
    expect(await statements(40)).toBe(five);
    expect(five).toBeLessThanOrEqual(8);
  });

  it("reports bad arguments of a compiled search query as graphql-js does, naming the argument", async () => {
    const bad = `query($first: Int, $from: Date) { searchEvents(first: $first, filter: { from: $from }) { totalCount } }`;
    for (const variables of [{ first: 5000 }, { from: "2022-02-30" }, { first: 5, from: "2022-13-01" }]) {
      const res = await api.gql(bad, variables);
      const reference = await byGraphqlJs(bad, variables);
      expect(res.errors?.length, JSON.stringify(variables)).toBeGreaterThan(0);
      expect(res.errors?.[0]?.message).toBe(reference.errors[0].message);
      expect(res.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});
