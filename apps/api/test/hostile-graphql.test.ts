import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { defined } from "@parley/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../src/http/cost.ts";
import { SEARCH_COST } from "../src/modules/search/engine.ts";
import { DOCUMENT_LIMITS } from "../src/modules/shared/document-limits.ts";
import { createServer } from "../src/server.ts";
import { useApi } from "./harness.ts";

const api = useApi();
const ALIVE = `{ events(first: 1) { totalCount } }`;

/** The same server over real HTTP, so that a crash or a hang would show. */
let http: Server;
let base: string;
beforeAll(async () => {
  http = createHttpServer(createServer({ db: api.t.db, search: api.search }));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise((resolve) => http.close(resolve)));

/** The fields of the answers this file reads, each query selecting some of them (or aliases `s0`, `s1`…). */
interface Answers {
  events?: { totalCount: number };
  actors?: { totalCount: number };
  searchEvents?: {
    edges: { highlights: string[]; node: { id: string } }[];
    facets: { field: string; values: unknown[] }[];
  };
}

const post = async (body: string, headers: Record<string, string> = {}) => {
  const res = await fetch(base, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Answers | null;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
};
const gql = (query: string, variables?: unknown) => post(JSON.stringify({ query, variables }));

/** SQL the request caused, through Prisma and through the search engine's own pool. */
async function sqlDuring<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  let searches = 0;
  const count = () => searches++;
  api.search.pool.on("acquire", count);
  api.resetQueries();
  try {
    const result = await run();
    return { result, statements: api.queries.length + searches };
  } finally {
    api.search.pool.off("acquire", count);
  }
}

async function expectAlive() {
  const res = await gql(ALIVE);
  expect(res.status).toBe(200);
  expect(res.body.data?.events?.totalCount).toBeGreaterThan(0);
}

describe("query bombs are refused before anything runs", () => {
  it("refuses a depth bomb without running a statement, and the next query answers", async () => {
    let selection = "name";
    for (let i = 0; i < 6; i++)
      selection = `events(first: 100) { edges { node { event { participants { actor { ${selection} } } } } } }`;
    const { result, statements } = await sqlDuring(() =>
      gql(`{ actors(first: 100) { edges { node { ${selection} } } } }`),
    );
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(`^The query is \\d+ levels deep; the limit is ${LIMITS.depth}\\.`),
    );
    expect(result.body.data ?? null).toBeNull();
    expect(statements).toBe(0);
    await expectAlive();
  });

  it("refuses a complexity bomb (a page of 100 inside a page of 100) without running a statement", async () => {
    const node = "participants { actor { aliases events(first: 100) { edges { node { event { title } } } } } }";
    const { result, statements } = await sqlDuring(() => gql(`{ events(first: 100) { edges { node { ${node} } } } }`));
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(`^The query costs \\d+; the limit is ${LIMITS.complexity}\\.`),
    );
    expect(statements).toBe(0);
    await expectAlive();
  });

  it("counts every aliased searchEvents, so a flood of cheap-looking searches is refused before one runs", async () => {
    const allowed = Math.floor(LIMITS.complexity / SEARCH_COST.events);
    const aliases = (n: number) =>
      Array.from({ length: n }, (_, i) => `s${i}: searchEvents(query: "ttp ${i}") { totalCount }`).join(" ");
    const { result, statements } = await sqlDuring(() => gql(`{ ${aliases(allowed + 1)} }`));
    expect(result.body.errors?.[0]?.message).toMatch(/^The query costs \d+; the limit is/);
    expect(statements).toBe(0);
    const few = await gql(`{ ${aliases(3)} }`);
    expect(Object.keys(defined(few.body.data, "the answer's data"))).toEqual(["s0", "s1", "s2"]);
  });

  it("refuses an alias flood of a cheap field by breadth", async () => {
    const { result, statements } = await sqlDuring(() =>
      gql(`{ ${Array.from({ length: 400 }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(" ")} }`),
    );
    expect(result.body.errors?.[0]?.message).toMatch(
      new RegExp(`^The query selects \\d+ fields; the limit is ${LIMITS.breadth}\\.`),
    );
    expect(statements).toBe(0);
  });

  it("refuses fragments that spread themselves in a cycle", async () => {
    const res = await gql(`query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }`);
    expect(res.body.errors?.[0]?.message).toBe('Cannot spread fragment "A" within itself via "B".');
    await expectAlive();
  });

  it("refuses an exponential fragment explosion (each fragment spreads the last twice) before running it", async () => {
    let fragments = "fragment F0 on Event { title }";
    for (let i = 1; i <= 20; i++) fragments += ` fragment F${i} on Event { ...F${i - 1} ...F${i - 1} }`;
    const started = performance.now();
    const { result, statements } = await sqlDuring(() =>
      gql(`{ events(first: 100) { edges { node { ...F20 } } } } ${fragments}`),
    );
    expect(result.body.errors?.[0]?.message).toMatch(/^The query (costs|selects) \d+/);
    expect(statements).toBe(0);
    expect(performance.now() - started).toBeLessThan(5_000);
    await expectAlive();
  });

  it("refuses a document of more tokens than the limit before validating it", async () => {
    const res = await gql(`{ ${"a: __typename ".repeat(DOCUMENT_LIMITS.tokens)} }`);
    expect(res.body.errors?.[0]?.message).toBe(
      `Syntax Error: Document contains more that ${DOCUMENT_LIMITS.tokens} tokens. Parsing aborted.`,
    );
    await expectAlive();
  });

  it("refuses query text nested deep enough to exhaust the parser's stack", async () => {
    const res = await gql(`${"{a".repeat(20_000)}${"}".repeat(20_000)}`);
    expect(res.body.errors).toEqual([
      {
        message: `The query nests \`{\`, \`[\` or \`(\` 20000 deep; the limit is ${DOCUMENT_LIMITS.nesting}.`,
        extensions: { code: "BAD_REQUEST" },
      },
    ]);
    const inArguments = await gql(
      `{ events(first: 1, types: ${"[".repeat(5_000)}${"]".repeat(5_000)}) { totalCount } }`,
    );
    expect(inArguments.body.errors?.[0]?.message).toMatch(/^The query nests .* 5002 deep/);
    await expectAlive();
  });

  it("refuses variables nested deep enough to exhaust the stack, with HTTP 400", async () => {
    const body = `{"query":"query($x: [Int]) { __typename }","variables":{"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(
      new RegExp(`^The variables nest more than ${DOCUMENT_LIMITS.nesting} deep \\(at \`\\$x\\[0\\]`),
    );
    await expectAlive();
  });
});

describe("huge lists", () => {
  it("refuses a list of more than the limit written in the query, naming the argument", async () => {
    const res = await gql(`{ events(first: 1, types: [${Array(300).fill("ATTACK").join(", ")}]) { totalCount } }`);
    expect(res.body.errors?.[0]?.message).toBe(
      `\`types\` lists 300 values; a list may hold at most ${DOCUMENT_LIMITS.listLength}.`,
    );
  });

  it("refuses a list of more than the limit in the variables, naming the variable", async () => {
    const res = await gql(`query($f: EventFilter) { searchEvents(filter: $f) { totalCount } }`, {
      f: { countries: Array(5_000).fill("PK") },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toBe(
      `\`$f.countries\` lists 5000 values; a list may hold at most ${DOCUMENT_LIMITS.listLength}.`,
    );
  });

  it("bounds every filter list of searchEvents and names the argument", async () => {
    for (const field of ["types", "actorIds", "roles", "countries", "placeIds", "outletIds"]) {
      const value = { types: "ATTACK", roles: "PARTY", countries: "PK" }[field] ?? "QWN0b3I6MQ==";
      const res = await gql(`query($f: EventFilter) { searchEvents(filter: $f) { totalCount } }`, {
        f: { [field]: Array(51).fill(value) },
      });
      expect(res.body.errors?.[0], field).toMatchObject({
        message: `\`filter.${field}\` may list at most 50 values; got 51`,
        extensions: { code: "BAD_USER_INPUT", argument: `filter.${field}` },
      });
    }
  });

  it("bounds the kinds of searchActors", async () => {
    const res = await gql(`query($k: [ActorKind!]) { searchActors(query: "ttp", kinds: $k) { matchedName } }`, {
      k: Array(21).fill("PERSON"),
    });
    expect(res.body.errors?.[0]).toMatchObject({
      message: "`kinds` may list at most 20 values; got 21",
      extensions: { argument: "kinds" },
    });
  });
});

describe("malformed requests", () => {
  it("answers malformed JSON with HTTP 400 and says so", async () => {
    for (const body of ['{"query": "{ __typename }"', "{query: 1}", "", "\u0000\u0001\u0002"]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors?.[0]?.message, JSON.stringify(body)).toMatch(
        /^POST body sent invalid JSON\.$|^POST body is expected to be object but received/,
      );
    }
    await expectAlive();
  });

  it("answers JSON that is not a GraphQL request with HTTP 400", async () => {
    expect((await post(JSON.stringify({ query: 5 }))).body.errors?.[0]?.message).toBe(
      'Expected "query" param to be a string, but given number.',
    );
    expect((await post(JSON.stringify({ variables: {} }))).body.errors?.[0]?.message).toBe(
      "Must provide query string.",
    );
    expect((await post(JSON.stringify({ query: "{ __typename }", variables: "x" }))).status).toBe(400);
  });

  it("refuses batched requests: batching is off", async () => {
    const res = await post(JSON.stringify([{ query: ALIVE }, { query: ALIVE }]));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ message: "Batching is not supported.", extensions: { code: "BAD_REQUEST" } }]);
  });

  it("refuses a 5 MB body with 413 without reading it, and keeps answering", async () => {
    const res = await post(JSON.stringify({ query: ALIVE, variables: { padding: "x".repeat(5_000_000) } }));
    expect(res.status).toBe(413);
    await expectAlive();
  });
});

describe("invalid enum and date values", () => {
  it("refuses an unknown enum value, in the query text and in variables", async () => {
    const literal = await gql(`{ events(first: 1, orderBy: NEWEST) { totalCount } }`);
    expect(literal.body.errors?.[0]?.message).toBe('Value "NEWEST" does not exist in "EventOrder" enum.');
    const variable = await gql(`query($f: EventFilter) { searchEvents(filter: $f) { totalCount } }`, {
      f: { types: ["PICNIC"] },
    });
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0]?.message).toMatch(
      /"PICNIC" at "f.types\[0\]"; Value "PICNIC" does not exist in "EventType" enum/,
    );
  });

  it("refuses dates that are not real calendar days, whichever way they are sent", async () => {
    for (const from of [
      "2021-02-30",
      "yesterday",
      "2022-13-01",
      "2022-1-1",
      "",
      "2022-01-01T00:00:00Z",
      "99999-01-01",
    ]) {
      const variable = await gql(`query($f: EventFilter) { searchEvents(filter: $f) { totalCount } }`, { f: { from } });
      expect(variable.body.errors?.[0]?.message, from).toContain(
        `Invalid Date ${JSON.stringify(from)}: write a real calendar day as YYYY-MM-DD`,
      );
      const literal = await gql(`{ events(first: 1, from: ${JSON.stringify(from)}) { totalCount } }`);
      expect(literal.body.errors?.[0]?.message, from).toBe(
        `Invalid Date ${JSON.stringify(from)}: write a real calendar day as YYYY-MM-DD`,
      );
    }
  });

  it("refuses `from` after `to`, naming filter.from", async () => {
    const res = await gql(`{ searchEvents(filter: { from: "2023-01-01", to: "2022-01-01" }) { totalCount } }`);
    expect(res.body.errors?.[0]).toMatchObject({
      message: "`from` must not be after `to`",
      extensions: { argument: "filter.from" },
    });
  });
});

describe("search text", () => {
  const SEARCH = `query($q: String) { searchEvents(query: $q, first: 100) { totalCount edges { node { id } } } }`;
  const ids = async (q: string) => {
    const res = await gql(SEARCH, { q });
    expect(res.body.errors, JSON.stringify(q)).toBeUndefined();
    return defined(res.body.data?.searchEvents, "the search's answer")
      .edges.map((e) => e.node.id)
      .sort();
  };

  it("finds the same events whatever invisible characters, widths or accent encodings the words carry", async () => {
    const ttp = await ids("TTP");
    expect(ttp.length).toBeGreaterThan(5);
    for (const q of [
      "T\u200BTP",
      "T\u200DTP",
      "T\u200CTP",
      "\u200FTTP\u200E",
      "\u202BTTP\u202C",
      "\u2067TTP\u2069",
      "\uFEFFTTP",
      "T\u00ADTP",
      "ＴＴＰ",
      "ttp\u0000",
      "\tTTP\u3000",
    ]) {
      expect(await ids(q), JSON.stringify(q)).toEqual(ttp);
    }
    const tehreek = await ids("Tehreek");
    expect(tehreek.length).toBeGreaterThan(5);
    for (const q of ["Te\u0301hreek", "Téhreek", "Tehre\u0308ek", "TEH\u200BREEK"])
      expect(await ids(q), JSON.stringify(q)).toEqual(tehreek);
  });

  it("answers junk text without an error: lone surrogates, control characters, bare combining marks, query syntax alone", async () => {
    for (const q of [
      "\uD800",
      "x\uDFFFy",
      "\u0301\u0301\u0301",
      "\u0000",
      "\u0007\u001B[31m",
      "-",
      "OR",
      '"',
      '"""',
      "( ( (",
      "!!!",
      "a:*",
      "<->",
      "ab & cd | !",
      "💣".repeat(50),
      "ﷺ",
      "\u202E",
    ]) {
      const res = await gql(SEARCH, { q });
      expect(res.body.errors, JSON.stringify(q)).toBeUndefined();
    }
    await expectAlive();
  });

  it("takes SQL-looking text as words: nothing runs, nothing changes, wildcards match only themselves", async () => {
    const before = await api.t.db.event.count();
    const texts = [
      "'; DROP TABLE event; --",
      "' OR 1=1 --",
      "%",
      "_",
      "\\",
      "%' OR '%'='",
      "$1",
      "1); DELETE FROM actor; --",
      "\\'",
      "E'\\x00'",
    ];
    for (const q of texts) {
      const res = await gql(
        `query($q: String!) { searchEvents(query: $q) { totalCount } searchActors(query: $q) { matchedName } actors(first: 5, nameContains: $q) { totalCount } }`,
        { q },
      );
      expect(res.body.errors, q).toBeUndefined();
      expect(res.body.data?.actors?.totalCount, q).toBe(0);
    }
    // With a word that finds events, the page's rows and the facets' labels are read in one round
    // trip that writes the text into the SQL as a literal: it must stay a literal there too.
    for (const q of ["Kabul or '; DROP TABLE event; --", "Kabul or \\' OR 1=1 --", "Kabul or E'\\x00' $1 $$ x $$"]) {
      const res = await gql(
        `query($q: String!) { searchEvents(query: $q) { totalCount edges { highlights node { id } } facets { field values { label } } } }`,
        { q },
      );
      expect(res.body.errors, q).toBeUndefined();
      const found = defined(res.body.data?.searchEvents, `the search for ${q}`);
      expect(found.edges.length, q).toBeGreaterThan(0);
      expect(
        found.edges.some((e) => e.highlights.some((h) => h.includes("<mark>Kabul</mark>"))),
        q,
      ).toBe(true);
      expect(
        defined(
          found.facets.find((f) => f.field === "ACTOR"),
          "the ACTOR facet",
        ).values.length,
        q,
      ).toBeGreaterThan(0);
    }
    expect(await api.t.db.event.count()).toBe(before);
    expect(
      (await gql(`{ actors(first: 1, nameContains: "Taliban") { totalCount } }`)).body.data?.actors?.totalCount,
    ).toBeGreaterThan(0);
  });

  it("refuses text longer than the limit, naming the argument, for every search argument", async () => {
    const long = "x".repeat(201);
    const events = await gql(`query($q: String) { searchEvents(query: $q) { totalCount } }`, { q: long });
    expect(events.body.errors?.[0]).toMatchObject({
      message: "`query` may be at most 200 characters; got 201",
      extensions: { argument: "query" },
    });
    const actors = await gql(`query($q: String!) { searchActors(query: $q) { matchedName } }`, { q: long });
    expect(actors.body.errors?.[0]?.message).toBe("`query` may be at most 200 characters; got 201");
    const names = await gql(`query($q: String) { actors(first: 1, nameContains: $q) { totalCount } }`, { q: long });
    expect(names.body.errors?.[0]?.message).toBe("`nameContains` may be at most 200 characters; got 201");
    const huge = await gql(`query($q: String) { searchEvents(query: $q) { totalCount } }`, {
      q: "ttp ".repeat(20_000),
    });
    expect(huge.body.errors?.[0]?.message).toBe("`query` may be at most 200 characters; got 80000");
  });
});

describe("the server under a mix of hostile and normal requests", () => {
  it("keeps answering normal queries sent alongside bombs, and the process is alive", async () => {
    const bombs = [
      () => gql(`${"{a".repeat(20_000)}${"}".repeat(20_000)}`),
      () =>
        gql(
          `{ ${Array.from({ length: 40 }, (_, i) => `s${i}: searchEvents(query: "kabul") { totalCount }`).join(" ")} }`,
        ),
      () => post('{"query": '),
      () => post(`{"query":"{ __typename }","variables":{"x":${"[".repeat(10_000)}${"]".repeat(10_000)}}}`),
      () => gql(SEARCH_WITH_NUL, { q: "\u0000\uD800" }),
    ];
    const results = await Promise.all([...bombs, ...bombs].flatMap((bomb) => [bomb(), gql(ALIVE)]));
    const normal = results.filter((_, i) => i % 2 === 1);
    for (const res of normal) expect(res.body.data?.events?.totalCount).toBeGreaterThan(0);
    for (const res of results.filter((_, i) => i % 2 === 0)) expect(res.status).toBeLessThan(500);
    await expectAlive();
  });
});

const SEARCH_WITH_NUL = `query($q: String) { searchEvents(query: $q) { totalCount } }`;
