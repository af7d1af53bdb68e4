import { createHash } from "node:crypto";
import { ApolloClient, gql as apolloGql, HttpLink, InMemoryCache } from "@apollo/client";
import { PersistedQueryLink } from "@apollo/client/link/persisted-queries";
import { createApiToken } from "@parley/db";
import { defined } from "@parley/schema";
import { createTestDatabase, type TestDatabase } from "@parley/testkit";
import { Client, cacheExchange, fetchExchange } from "@urql/core";
import { persistedExchange } from "@urql/exchange-persisted";
import { ClientError, GraphQLClient, gql } from "graphql-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiProcess, startApiProcess } from "./api-process.ts";
import { dataOf } from "./harness.ts";

/**
 * Other people's clients, with their default settings, against a live Parley API in a process of
 * its own: what an API consumer meets. Every request below crosses real HTTP.
 */
let t: TestDatabase;
let api: ApiProcess;
let editor: string;
/** What each request looked like on the wire. */
const sent: { method: string; url: string; body: string | null }[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  sent.push({
    method: init?.method ?? "GET",
    url: String(input),
    body: typeof init?.body === "string" ? init.body : null,
  });
  return fetch(input, init);
};

beforeAll(async () => {
  t = await createTestDatabase({ demo: true });
  api = await startApiProcess(t.url);
  editor = (await createApiToken(t.db, { role: "EDITOR", name: "consumer tests", author: "tests" })).secret;
}, 120_000);
afterAll(async () => {
  await api?.stop();
  await t?.drop();
});

const EVENTS = `query Ceasefires($first: Int!) { events(first: $first) { totalCount edges { node { id title } } pageInfo { hasNextPage endCursor } } }`;

describe("urql", () => {
  it("queries with GET by default and gets the events, with no extra header", async () => {
    sent.length = 0;
    const client = new Client({ url: api.endpoint, exchanges: [cacheExchange, fetchExchange], fetch: recordingFetch });
    const result = await client.query(EVENTS, { first: 3 }).toPromise();
    expect(result.error).toBeUndefined();
    expect(dataOf(result).events.edges).toHaveLength(3);
    expect(sent[0]?.method).toBe("GET");
  });

  it("sends automatic persisted queries, registering the text once and then by hash alone", async () => {
    sent.length = 0;
    const client = () =>
      new Client({
        url: api.endpoint,
        exchanges: [persistedExchange({ preferGetForPersistedQueries: true }), fetchExchange],
        fetch: recordingFetch,
      });
    const first = await client().query(EVENTS, { first: 2 }).toPromise();
    expect(dataOf(first).events.edges).toHaveLength(2);
    const again = await client().query(EVENTS, { first: 2 }).toPromise();
    expect(again.data).toEqual(first.data);
    // First a hash the server did not know, then hash and text, then (a new client) the hash alone.
    expect(sent.map((r) => new URL(r.url).searchParams.has("query"))).toEqual([false, true, false]);
  });

  it("writes with a bearer token and reads the result union", async () => {
    const client = new Client({
      url: api.endpoint,
      exchanges: [fetchExchange],
      fetchOptions: { headers: { authorization: `Bearer ${editor}` } },
    });
    const result = await client
      .mutation(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename ... on CreateEventSuccess { event { title } } } }`,
        {
          input: { type: "STATEMENT", title: "Written by urql", startDate: "2022-03-01" },
        },
      )
      .toPromise();
    expect(dataOf(result).createEvent).toEqual({
      __typename: "CreateEventSuccess",
      event: { title: "Written by urql" },
    });
  });
});

describe("Apollo Client", () => {
  const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

  it("queries through its persisted-query link and pages with the cursor it gets back", async () => {
    sent.length = 0;
    const link = new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
      new HttpLink({ uri: api.endpoint, fetch: recordingFetch }),
    );
    const client = new ApolloClient({ link, cache: new InMemoryCache() });
    const first = await client.query({ query: apolloGql(EVENTS), variables: { first: 5 } });
    const page = first.data as {
      events: { totalCount: number; edges: { node: { id: string } }[]; pageInfo: { endCursor: string } };
    };
    expect(page.events.edges).toHaveLength(5);
    const next = await client.query({
      query: apolloGql(`query Next($after: String) { events(first: 5, after: $after) { edges { node { id } } } }`),
      variables: { after: page.events.pageInfo.endCursor },
    });
    const ids = (next.data as { events: { edges: { node: { id: string } }[] } }).events.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(5);
    expect(ids.some((id) => page.events.edges.some((e) => e.node.id === id))).toBe(false);
    expect(sent[0]?.method).toBe("GET");
    expect(sent.some((r) => r.url.includes("persistedQuery"))).toBe(true);
  });

  it("reports a refused read as an error with its code and reason", async () => {
    const client = new ApolloClient({ link: new HttpLink({ uri: api.endpoint }), cache: new InMemoryCache() });
    const result = await client.query({ query: apolloGql(`{ candidates { totalCount } }`), errorPolicy: "all" });
    const error = result.error as { errors?: { extensions?: Record<string, unknown> }[] } | undefined;
    expect(error?.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "TOKEN_MISSING" });
  });
});

describe("graphql-request", () => {
  it("queries with POST, reads cost from the answer's extensions, and surfaces errors with their codes", async () => {
    const client = new GraphQLClient(api.endpoint);
    const { data, extensions } = await client.rawRequest<{ events: { totalCount: number } }>(
      `{ events(first: 1) { totalCount } }`,
    );
    expect(data.events.totalCount).toBeGreaterThan(40);
    expect(extensions).toMatchObject({ cost: { complexity: expect.any(Number), limit: 100_000 } });
    const refused = await client.request(gql`{ events(first: 101) { totalCount } }`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClientError);
    expect((refused as ClientError).response.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      argument: "first",
    });
  });

  it("gets null for a stale ID in nodes, and the other records", async () => {
    const client = new GraphQLClient(api.endpoint);
    const { events } = await client.request<{ events: { edges: { node: { id: string } }[] } }>(
      `{ events(first: 2) { edges { node { id } } } }`,
    );
    const stale = Buffer.from("Event:999999").toString("base64");
    const { nodes } = await client.request<{ nodes: ({ id: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      {
        ids: [
          defined(events.edges[0], "events.edges[0]").node.id,
          stale,
          defined(events.edges[1], "events.edges[1]").node.id,
        ],
      },
    );
    expect(nodes).toEqual([
      { id: defined(events.edges[0], "events.edges[0]").node.id },
      null,
      { id: defined(events.edges[1], "events.edges[1]").node.id },
    ]);
  });
});
