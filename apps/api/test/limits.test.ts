import { createPrismaClient, withDatabase } from "@parley/db";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "../src/http/cost.ts";
import { createServer } from "../src/server.ts";
import { answerOf, dataOf, useApi } from "./harness.ts";

const api = useApi();
type Events = { events: { totalCount: number } };

describe("query limits", () => {
  it("refuses a query nested deeper than the limit", async () => {
    let selection = "name";
    for (let i = 0; i < 4; i++)
      selection = `events(first: 1) { edges { node { event { participants { actor { ${selection} } } } } } }`;
    const res = await api.gql(`{ actors(first: 1) { edges { node { ${selection} } } } }`);
    expect(res.data?.actors).toBeFalsy();
    expect(res.errors?.[0]?.message).toMatch(
      new RegExp(`^The query is \\d+ levels deep; the limit is ${LIMITS.depth}\\.`),
    );
  });

  it("refuses a query whose cost is over the complexity limit", async () => {
    const node =
      "participants { actor { name aliases quoted(first: 10) { edges { node { quote source { title cites { name } } } } } } }";
    const fields = Array.from({ length: 20 }, (_, i) => `e${i}: events(first: 100) { edges { node { ${node} } } }`);
    const res = await api.gql(`{ ${fields.join(" ")} }`);
    expect(res.errors?.[0]?.message).toMatch(new RegExp(`^The query costs \\d+; the limit is ${LIMITS.complexity}\\.`));
  });

  it("refuses a page larger than 100 on every connection", async () => {
    const events = await api.gql(`{ events(first: 101) { totalCount } }`);
    expect(events.errors?.[0]?.message).toBe("`first` must be between 0 and 100; got 101");
    const actors = await api.gql(`{ actors(last: 1000) { totalCount } }`);
    expect(actors.errors?.[0]?.message).toBe("`last` must be between 0 and 100; got 1000");
  });
});

describe("request limits", () => {
  it("refuses a body over the size limit before parsing it", async () => {
    const body = JSON.stringify({
      query: `{ events(first: 1) { totalCount } }`,
      variables: { padding: "x".repeat(120_000) },
    });
    const res = await api.fetch({
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      errors: [
        {
          message: `Request body is ${body.length} bytes; the limit is 100000.`,
          extensions: { code: "PAYLOAD_TOO_LARGE" },
        },
      ],
    });
  });

  it("counts the bytes of a body sent without a declared length", async () => {
    const stream = (text: string) =>
      new ReadableStream({
        start: (c) => {
          c.enqueue(new TextEncoder().encode(text));
          c.close();
        },
      });
    const big = JSON.stringify({
      query: `{ events(first: 1) { totalCount } }`,
      variables: { padding: "x".repeat(120_000) },
    });
    const refused = await api.fetch({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream(big),
      duplex: "half",
    } as RequestInit);
    expect(refused.status).toBe(413);
    expect((await refused.json()).errors[0].message).toBe("Request body is over the limit of 100000 bytes.");
    const small = JSON.stringify({ query: `{ events(first: 1) { totalCount } }` });
    const answered = await api.fetch({
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream(small),
      duplex: "half",
    } as RequestInit);
    expect(dataOf(await answerOf<Events>(answered)).events.totalCount).toBeGreaterThan(0);
  });

  it("refuses a Content-Length that is not one whole number", async () => {
    const body = JSON.stringify({ query: `{ events(first: 1) { totalCount } }` });
    for (const length of [`${body.length}, ${body.length}`, "-1", "12abc"]) {
      const res = await api.fetch({
        method: "POST",
        headers: { "content-type": "application/json", "content-length": length },
        body,
      });
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toEqual({
        message: `The Content-Length header must be one whole number of bytes; got ${JSON.stringify(length)}.`,
        extensions: { code: "BAD_REQUEST" },
      });
    }
  });

  it("takes the limit from PARLEY_MAX_BODY_BYTES", async () => {
    const body = JSON.stringify({
      query: `{ events(first: 1) { totalCount } }`,
      variables: { padding: "x".repeat(2_000) },
    });
    const res = await api.withEnv({ PARLEY_MAX_BODY_BYTES: 1024 }).fetch({
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(body.length) },
      body,
    });
    expect(res.status).toBe(413);
  });
});

describe("GET and POST from any client", () => {
  const get = (query: string, headers: Record<string, string> = {}) =>
    api.fetch({ path: `/graphql?query=${encodeURIComponent(query)}`, method: "GET", headers });

  it("answers a GET query with no special header, as urql and other clients send it", async () => {
    const res = await get("{ events(first: 1) { totalCount } }");
    expect(res.status).toBe(200);
    expect(dataOf(await answerOf<Events>(res)).events.totalCount).toBeGreaterThan(0);
  });

  it("refuses a mutation sent with GET, with 405 and METHOD_NOT_ALLOWED, and writes nothing", async () => {
    const before = await api.t.db.event.count();
    const res = await get(
      `mutation { createEvent(input: { type: OTHER, title: "x", startDate: "2022-01-01" }) { __typename } }`,
      await api.as("EDITOR"),
    );
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect((await res.json()).errors).toEqual([
      {
        message: "Can only perform a mutation operation from a POST request.",
        extensions: { code: "METHOD_NOT_ALLOWED" },
      },
    ]);
    expect(await api.t.db.event.count()).toBe(before);
  });

  it("answers JSON posts", async () => {
    expect((await api.gql(`{ events(first: 1) { totalCount } }`)).status).toBe(200);
  });
});

describe("unexpected errors", () => {
  // A server that answers, asked for a database it does not have: a failure that is nobody's input.
  let broken: ReturnType<typeof createPrismaClient>;
  const unreachable = createPrismaClient(
    withDatabase("postgresql://postgres@127.0.0.1:1/postgres", "parley_secret_db_name"),
  );
  afterAll(() => Promise.all([broken?.$disconnect(), unreachable.$disconnect()]));
  const ask = (db: ReturnType<typeof createPrismaClient>) =>
    createServer({ db }).fetch("http://yoga/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ events(first: 1) { totalCount } }` }),
    });

  it("are masked as 'Unexpected error.' without leaking details", async () => {
    broken = createPrismaClient(withDatabase(api.t.url, "parley_secret_db_name"));
    const res = await ask(broken);
    const text = await res.text();
    expect(JSON.parse(text).errors).toEqual([expect.objectContaining({ message: "Unexpected error." })]);
    expect(text).not.toMatch(/parley_secret_db_name|does not exist|prisma|at \w+ \(/i);
  });

  it("except an unreachable database, which is a 503 DATABASE_UNAVAILABLE, also without details", async () => {
    const res = await ask(unreachable);
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(text).errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/database is unavailable/),
        extensions: { code: "DATABASE_UNAVAILABLE" },
      }),
    ]);
    expect(text).not.toMatch(/parley_secret_db_name|ECONNREFUSED|prisma|at \w+ \(/i);
  });
});
