import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { defined } from "@parley/schema";
import { afterAll, describe, expect, it } from "vitest";
import type { ApiEnv } from "../src/env.ts";
import { COUNT_COST } from "../src/http/cost.ts";
import { createServer } from "../src/server.ts";
import { answerOf, dataOf, type GraphQLResponse, useApi } from "./harness.ts";

const api = useApi();
const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

/** The API over real HTTP on a port of its own, configured by `env`. */
async function serve(env: Partial<ApiEnv> = {}): Promise<string> {
  const server = createHttpServer(createServer({ db: api.t.db, search: api.search, env }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const BIG = `{ events(first: 40) { edges { node { title summary startDate participants { role actor { name } } } } } }`;
const SMALL = `{ events(first: 1) { totalCount } }`;
const getUrl = (base: string, query: string) => `${base}/graphql?query=${encodeURIComponent(query)}`;
/** node's fetch decodes compressed bodies itself; this asks for the bytes as sent. */
async function raw(url: string, headers: Record<string, string>) {
  const { request } = await import("node:http");
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("compression", () => {
  it("sends an answer over 1 KB with Brotli or gzip, as accepted, and the same JSON comes out", async () => {
    const base = await serve();
    const plain = await raw(getUrl(base, BIG), {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.byteLength).toBeGreaterThan(4_000);
    const br = await raw(getUrl(base, BIG), { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.body.byteLength).toBeLessThan(plain.body.byteLength / 3);
    expect(JSON.parse(brotliDecompressSync(br.body).toString())).toEqual(JSON.parse(plain.body.toString()));
    const gz = await raw(getUrl(base, BIG), { "accept-encoding": "gzip" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.body).toString())).toEqual(JSON.parse(plain.body.toString()));
  });

  it("leaves an answer under 1 KB as it is", async () => {
    const base = await serve();
    const small = await raw(getUrl(base, SMALL), { "accept-encoding": "br, gzip" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.body.toString()).data.events.totalCount).toBeGreaterThan(0);
  });

  it("gzips an export as it streams", async () => {
    const base = await serve();
    const csv = await raw(`${base}/export?format=csv`, { "accept-encoding": "gzip" });
    expect(csv.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(csv.body).toString().split("\n")[0]).toMatch(/^event_id_cnty,/);
  });
});

describe("caching GET answers", () => {
  it("gives a GET answer an ETag, and answers 304 with no body when the client already has it", async () => {
    const base = await serve();
    const first = await fetch(getUrl(base, SMALL));
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(first.headers.get("vary")).toMatch(/Authorization/);
    const again = await fetch(getUrl(base, SMALL), { headers: { "if-none-match": defined(etag, "etag") } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
  });

  it("changes the ETag when the data changes, so a write is never hidden by a 304", async () => {
    const base = await serve();
    const before = defined(
      (await fetch(getUrl(base, SMALL))).headers.get("etag"),
      'fetch(getUrl(base, SMALL))).headers.get("etag"',
    );
    await api.t.db.event.create({
      data: {
        type: "OTHER",
        title: "A new event for the ETag",
        startDate: new Date("2022-02-02"),
        datePrecision: "DAY",
      },
    });
    const after = await fetch(getUrl(base, SMALL), { headers: { "if-none-match": before } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before);
  });

  it("marks answers to a request with a token private, and posts no-store", async () => {
    const base = await serve();
    const withToken = await fetch(getUrl(base, SMALL), { headers: await api.as("READER") });
    expect(withToken.headers.get("cache-control")).toBe("private, max-age=0, must-revalidate");
    const posted = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: SMALL }),
    });
    expect(posted.headers.get("cache-control")).toBe("no-store");
    expect(posted.headers.get("etag")).toBeNull();
  });

  it("takes max-age from PARLEY_CACHE_MAX_AGE", async () => {
    const base = await serve({ PARLEY_CACHE_MAX_AGE: 30 });
    expect((await fetch(getUrl(base, SMALL))).headers.get("cache-control")).toBe("public, max-age=30");
  });
});

describe("rate limits", () => {
  const limited = { PARLEY_RATE_LIMIT: 3, PARLEY_RATE_LIMIT_TOKEN: 5, PARLEY_RATE_LIMIT_EXEMPT: [] };

  it("counts requests from one address, says so in RateLimit headers, and answers 429 with Retry-After past the limit", async () => {
    const base = await serve(limited);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await fetch(getUrl(base, SMALL)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers.map((a) => a.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0", "0"]);
    expect(defined(answers[0], "answers[0]").headers.get("ratelimit-limit")).toBe("3");
    expect(defined(answers[0], "answers[0]").headers.get("ratelimit-policy")).toBe("3;w=60");
    const refused = defined(answers[3], "answers[3]");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect((await refused.json()).errors[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests: at most 3 a minute from one address/),
      extensions: { code: "RATE_LIMITED" },
    });
  });

  it("counts a live token on its own, and made-up tokens against the address", async () => {
    const base = await serve(limited);
    const reader = await api.as("READER");
    const statuses = async (headers: Record<string, string>, n: number) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push((await fetch(getUrl(base, SMALL), { headers })).status);
      return out;
    };
    expect(await statuses(reader, 6)).toEqual([200, 200, 200, 200, 200, 429]);
    const madeUp = [];
    for (let i = 0; i < 4; i++)
      madeUp.push(
        (await fetch(getUrl(base, SMALL), { headers: { authorization: `Bearer prly_made-up-${i}` } })).status,
      );
    expect(madeUp).toEqual([200, 200, 200, 429]);
  });

  it("leaves this machine's addresses alone by default", async () => {
    const base = await serve({ PARLEY_RATE_LIMIT: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(getUrl(base, SMALL))).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});

describe("cross-origin pages", () => {
  const preflight = (base: string, origin: string) =>
    fetch(`${base}/graphql`, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
      },
    });

  it("may read from any origin by default, and never with credentials", async () => {
    const base = await serve();
    const pre = await preflight(base, "https://analysts.example.org");
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("https://analysts.example.org");
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/authorization/);
    expect(pre.headers.get("access-control-allow-credentials")).toBeNull();
    const answer = await fetch(getUrl(base, SMALL), { headers: { origin: "https://analysts.example.org" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("https://analysts.example.org");
    expect(answer.headers.get("access-control-expose-headers")).toMatch(/ratelimit-remaining/);
  });

  it("reads only from the origins in PARLEY_CORS_ORIGINS when it is set", async () => {
    const base = await serve({ PARLEY_CORS_ORIGINS: ["https://a.example", "https://b.example"] });
    expect((await preflight(base, "https://b.example")).headers.get("access-control-allow-origin")).toBe(
      "https://b.example",
    );
    expect((await preflight(base, "https://evil.example")).headers.get("access-control-allow-origin")).toBe("null");
  });

  it("refuses writes from another site's page unless PARLEY_CORS_WRITE_ORIGINS lists it", async () => {
    const editor = await api.as("EDITOR");
    const write = (base: string, origin?: string) =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...editor, ...(origin ? { origin } : {}) },
        body: JSON.stringify({
          query: `mutation { createEvent(input: { type: OTHER, title: "From a page", startDate: "2022-01-01" }) { __typename ... on ForbiddenError { reason message } } }`,
        }),
      }).then(async (r) => {
        const answer = await answerOf<{ createEvent: { __typename: string } }>(r);
        return dataOf(answer).createEvent;
      });
    const before = await api.t.db.event.count();
    const open = await serve();
    expect(await write(open, "https://analysts.example.org")).toEqual({
      __typename: "ForbiddenError",
      reason: "ORIGIN_NOT_ALLOWED",
      message:
        "Pages on https://analysts.example.org may read this API but not write to it (the API's PARLEY_CORS_WRITE_ORIGINS does not list it).",
    });
    expect(await api.t.db.event.count()).toBe(before);
    expect((await write(open)).__typename).toBe("CreateEventSuccess");
    expect((await write(open, open)).__typename).toBe("CreateEventSuccess");
    const listed = await serve({ PARLEY_CORS_WRITE_ORIGINS: ["https://analysts.example.org"] });
    expect((await write(listed, "https://analysts.example.org")).__typename).toBe("CreateEventSuccess");
  });
});

describe("cost", () => {
  it("tells every answer its cost and the limit, counting each totalCount as a count of rows, however deep", async () => {
    const cost = async (query: string) =>
      (await api.gql(query)).extensions?.cost as { complexity: number; limit: number };
    const without = await cost(
      `{ actors(first: 5) { edges { node { name events(first: 3) { edges { node { role } } } } } } }`,
    );
    const withCounts = await cost(
      `{ actors(first: 5) { edges { node { name events(first: 3) { totalCount edges { node { role } } } } } } }`,
    );
    expect(without.limit).toBe(100_000);
    // Five actors, each with its own COUNT: the edges' multiplier (10 per page of up to 10) applies.
    expect(withCounts.complexity - without.complexity).toBe(COUNT_COST * 10);
  });

  it("costs one query text by each request's own variables, although it works each cost out once", async () => {
    const query = `query($n: Int, $m: Int) { actors(first: $n) { edges { node { events(first: $m) { edges { node { role } } } } } } }`;
    const cost = async (n: number, m: number) => {
      const answer = await api.gql(query, { n, m });
      return {
        cost: (answer.extensions?.cost as { complexity: number } | undefined)?.complexity,
        errors: answer.errors,
      };
    };
    const small = await cost(2, 2);
    const large = await cost(100, 100);
    expect(defined(large.cost, "the larger page's cost")).toBeGreaterThan(defined(small.cost, "the small page's cost"));
    expect(await cost(2, 2)).toEqual(small); // asked again: the kept cost
    expect(await cost(100, 100)).toEqual(large);
    // The same text, over the limit by its variables only: refused, then a cheap request still answered.
    const node =
      "participants { actor { name aliases quoted(first: 10) { edges { node { quote source { title cites { name } } } } } } }";
    const fields = Array.from({ length: 2 }, (_, i) => `e${i}: events(first: $n) { edges { node { ${node} } } }`);
    const nested = `query($n: Int) { ${fields.join(" ")} }`;
    const refused = await api.gql(nested, { n: 100 });
    expect(refused.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const answered = await api.gql(nested, { n: 1 });
    expect(answered.errors).toBeUndefined();
    expect(await api.gql(nested, { n: 100 })).toEqual(refused);
  });
});

describe("persisted documents", () => {
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  const send = (base: string, body: object) =>
    fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(
      async (r): Promise<GraphQLResponse<{ events: { totalCount: number } }>> => ({
        status: r.status,
        ...(await r.json()),
      }),
    );

  it("answers Apollo's automatic persisted queries: hash first, then hash and text, then the hash alone", async () => {
    const base = await serve();
    const query = `{ events(first: 2) { totalCount } }`;
    const persistedQuery = { version: 1, sha256Hash: sha(query) };
    expect(await send(base, { extensions: { persistedQuery } })).toMatchObject({
      status: 200,
      errors: [{ message: "PersistedQueryNotFound", extensions: { code: "PERSISTED_QUERY_NOT_FOUND" } }],
    });
    expect(dataOf(await send(base, { query, extensions: { persistedQuery } })).events.totalCount).toBeGreaterThan(0);
    expect(dataOf(await send(base, { extensions: { persistedQuery } })).events.totalCount).toBeGreaterThan(0);
    const wrong = await send(base, { query: SMALL, extensions: { persistedQuery } });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_MISMATCH");
  });

  it("answers only the manifest's documents with PARLEY_DOCUMENTS=trusted", async () => {
    const trustedQuery = `query Trusted { events(first: 1) { totalCount } }`;
    const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-docs-")), "documents.json");
    writeFileSync(file, JSON.stringify({ [sha(trustedQuery)]: trustedQuery }));
    const base = await serve({ PARLEY_DOCUMENTS: "trusted", PARLEY_TRUSTED_DOCUMENTS: file });
    expect(
      dataOf(await send(base, { extensions: { persistedQuery: { version: 1, sha256Hash: sha(trustedQuery) } } })).events
        .totalCount,
    ).toBeGreaterThan(0);
    expect(dataOf(await send(base, { query: trustedQuery })).events.totalCount).toBeGreaterThan(0);
    const other = await send(base, { query: SMALL });
    expect(other).toMatchObject({ status: 403, errors: [{ extensions: { code: "DOCUMENT_NOT_TRUSTED" } }] });
    const registering = await send(base, {
      query: SMALL,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha(SMALL) } },
    });
    expect(registering.errors?.[0]?.extensions?.code).toBe("DOCUMENT_NOT_TRUSTED");
  });

  it("refuses to start trusted without a manifest, and names a manifest that is not one", () => {
    expect(() => createServer({ db: api.t.db, env: { PARLEY_DOCUMENTS: "trusted" } })).toThrow(
      /PARLEY_DOCUMENTS=trusted needs PARLEY_TRUSTED_DOCUMENTS/,
    );
    const file = path.join(mkdtempSync(path.join(tmpdir(), "parley-docs-")), "bad.json");
    writeFileSync(file, JSON.stringify({ "not-a-hash": "{ __typename }" }));
    expect(() => createServer({ db: api.t.db, env: { PARLEY_TRUSTED_DOCUMENTS: file } })).toThrow(
      /must map SHA-256 hex hashes to query texts; "not-a-hash" does not/,
    );
  });
});
