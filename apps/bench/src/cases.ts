import { Agent, createServer, request, type Server } from "node:http";
import type pg from "pg";
import type { EventQuery, SearchEngine } from "@parley/search";
import { naiveActors, naiveSearch } from "./naive.ts";

export interface Variant {
  label: string;
  events?: EventQuery;
  actors?: string;
}

export interface BenchCase {
  name: string;
  /** Target p95 of the direct path, in milliseconds. */
  target: number;
  variants: Variant[];
}

const SEARCH = `query($query: String, $filter: EventFilter, $first: Int, $sort: EventSort) {
  searchEvents(query: $query, filter: $filter, first: $first, sort: $sort) {
    totalCount
    edges { cursor highlights node { id title type startDate } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value label count selected } }
    histogram(interval: MONTH) { start count }
  }
}`;
const ACTORS = `query($query: String!) { searchActors(query: $query) { actor { id name kind } matchedName score } }`;

const toGlobal = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString("base64");

/** The fixed query mix, with values picked from the corpus (most frequent actors and countries). */
export async function benchCases(db: pg.Pool): Promise<BenchCase[]> {
  const { rows: actors } = await db.query<{ actor_id: number }>(`SELECT actor_id FROM participant WHERE event_id <= 50000 GROUP BY 1 ORDER BY count(*) DESC LIMIT 6`);
  const { rows: countries } = await db.query<{ country: string }>(`SELECT p.country FROM event_place ep JOIN place p ON p.id = ep.place_id WHERE ep.event_id <= 50000 GROUP BY 1 ORDER BY count(*) DESC LIMIT 3`);
  const actor = (i: number) => actors[i % actors.length]!.actor_id;
  const country = (i: number) => countries[i % countries.length]!.country;
  const page = { first: 20, sort: "RELEVANCE" as const };
  return [
    { name: "landing", target: 50, variants: [{ label: "no query, no filter", events: { ...page } }] },
    {
      name: "broad_filter",
      target: 250,
      variants: [
        { label: "types ATTACK|ARMED_CLASH", events: { ...page, filter: { types: ["ATTACK", "ARMED_CLASH"] } } },
        { label: `country ${country(0)}`, events: { ...page, filter: { countries: [country(0)] } } },
        { label: "type ATTACK", events: { ...page, filter: { types: ["ATTACK"] } } },
      ],
    },
    {
      name: "selective",
      target: 100,
      variants: ["market", "mosque", "highway", "bridge"].map((word, i) => ({
        label: `"${word}" + country + actor`,
        events: { ...page, query: word, filter: { countries: [country(i)], actorIds: [actor(i)] } },
      })),
    },
    {
      name: "actor_typeahead",
      target: 20,
      variants: ["Tehr", "Mehsud", "Yousafzai", "Haqani", "Lashkar-e", "Zabiullah", "Shahin", "Baradar", "Muttaki", "Jamaat ul"].map((q) => ({ label: q, actors: q })),
    },
  ];
}

export interface Runners {
  graphql(v: Variant): Promise<unknown>;
  direct(v: Variant): Promise<unknown>;
  /** The direct path, then a bare HTTP round trip of the GraphQL answer's bytes: an API layer that cost nothing but transport. */
  floor(v: Variant): Promise<unknown>;
  naive(v: Variant): Promise<unknown>;
  close(): Promise<void>;
}

/** A POST over a kept-alive connection with node:http (fetch costs the client a millisecond more). */
function post(endpoint: string, agent: Agent, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(endpoint, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve(text));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * A server that does nothing but HTTP and JSON: it parses each request body and answers with the
 * bytes the API answered to the same body. What it costs is the least any HTTP API sending the same
 * answer could cost, before it runs a query or serialises a result.
 */
async function transportOnly(answers: Map<string, string>): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      JSON.parse(body);
      const answer = answers.get(body);
      if (answer === undefined) {
        res.writeHead(500).end("no GraphQL answer recorded for this body");
        return;
      }
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(answer) });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}

const requestBody = (v: Variant) =>
  JSON.stringify(
    v.actors
      ? { query: ACTORS, variables: { query: v.actors } }
      : {
          query: SEARCH,
          variables: {
            ...v.events,
            filter: v.events!.filter && { ...v.events!.filter, actorIds: v.events!.filter.actorIds?.map((id) => toGlobal("Actor", id)) },
          },
        },
  );

export async function runners(endpoint: string, engine: SearchEngine, naiveDb: pg.Pool): Promise<Runners> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const floorAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answers = new Map<string, string>();
  const transport = await transportOnly(answers);
  const bodies = new Map<Variant, string>();
  const bodyOf = (v: Variant) => bodies.get(v) ?? bodies.set(v, requestBody(v)).get(v)!;
  const direct = async (v: Variant) => {
    if (v.actors) return engine.searchActors({ query: v.actors, first: 10 });
    const search = await engine.searchEvents(v.events!);
    search.prefetch(); // as the API does when a query asks for both
    const [page, facets] = await Promise.all([search.page(), search.facets()]);
    return { total: search.totalCount, page, facets, histogram: search.histogram("MONTH") };
  };
  return {
    async graphql(v) {
      const body = bodyOf(v);
      const text = await post(endpoint, agent, body);
      const json = JSON.parse(text) as { errors?: { message: string }[] };
      if (json.errors) throw new Error(`GraphQL error: ${json.errors[0]!.message}`);
      if (!answers.has(body)) answers.set(body, text);
      return json;
    },
    /**
     * The same work without GraphQL, HTTP or JSON: the engine's search (index sync, bitmaps), the
     * page's 20 event rows from PostgreSQL (every column, a superset of the fields the GraphQL query
     * asks for) and the six labelled facets (rows and labels in one round trip, as the API reads
     * them), and the month histogram; for actors, the same matches.
     */
    direct,
    async floor(v) {
      const found = await direct(v);
      const text = await post(transport.endpoint, floorAgent, bodyOf(v));
      if (!text.startsWith("{")) throw new Error(`transport-only server: ${text}`);
      return [found, JSON.parse(text)];
    },
    naive(v) {
      return v.actors ? naiveActors(naiveDb, v.actors) : naiveSearch(naiveDb, v.events!);
    },
    async close() {
      agent.destroy();
      floorAgent.destroy();
      await new Promise((resolve) => transport.server.close(resolve));
    },
  };
}
