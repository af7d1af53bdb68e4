import { Agent, createServer, request, type Server } from "node:http";
import { defined } from "@parley/schema";
import type { SearchEngine } from "@parley/search";
import { SEARCH_PAGE as SEARCH } from "@parley/testkit/load-mix";
import type pg from "pg";
import type { Ask, Variant } from "./cases.ts";
import { naiveActors, naivePictures, naiveSearch } from "./naive.ts";

/** The pictures of every result, as a map and a tally would ask for them: no page. */
const PICTURES: Record<Exclude<Ask, "page">, string> = {
  places: `query($query: String, $filter: EventFilter) { searchEvents(query: $query, filter: $filter, first: 0) { totalCount places(first: 200) { place { id name lat lon } count } } }`,
  fatalities: `query($query: String, $filter: EventFilter) { searchEvents(query: $query, filter: $filter, first: 0) { totalCount fatalities { low best high events } } }`,
};
const ACTORS = `query($query: String!) { searchActors(query: $query) { actor { id name kind } matchedName score } }`;

const toGlobal = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString("base64");

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
    const req = request(
      endpoint,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve(text));
        res.on("error", reject);
      },
    );
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
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-length": Buffer.byteLength(answer),
      });
      res.end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, server };
}

function requestBody(v: Variant): string {
  if (v.actors) return JSON.stringify({ query: ACTORS, variables: { query: v.actors } });
  const { filter, ...events } = defined(v.events);
  const variables = {
    ...events,
    filter: filter && {
      ...filter,
      actorIds: filter.actorIds?.map((id) => toGlobal("Actor", id)),
      participants: filter.participants?.map((p) => ({ ...p, actorId: toGlobal("Actor", p.actorId) })),
    },
  };
  const ask = v.ask ?? "page";
  return JSON.stringify({
    query: ask === "page" ? SEARCH : PICTURES[ask],
    variables: ask === "page" ? variables : { query: events.query, filter: variables.filter },
  });
}

export async function runners(endpoint: string, engine: SearchEngine, naiveDb: pg.Pool): Promise<Runners> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const floorAgent = new Agent({ keepAlive: true, maxSockets: 1 });
  const answers = new Map<string, string>();
  const transport = await transportOnly(answers);
  const bodies = new Map<Variant, string>();
  const bodyOf = (v: Variant) => bodies.get(v) ?? defined(bodies.set(v, requestBody(v)).get(v));
  const direct = async (v: Variant) => {
    if (v.actors) return engine.searchActors({ query: v.actors, first: 10 });
    const search = await engine.searchEvents(defined(v.events));
    // The pictures: the counting, and the places' rows as the API reads them (one statement).
    if (v.ask === "fatalities") return { total: search.totalCount, fatalities: search.fatalities() };
    if (v.ask === "places") return { total: search.totalCount, places: await search.placesWithRows(200) };
    search.prefetch(); // as the API does when a query asks for both
    const [page, facets] = await Promise.all([search.page(), search.facets()]);
    return { total: search.totalCount, page, facets, histogram: search.histogram("MONTH") };
  };
  return {
    async graphql(v) {
      const body = bodyOf(v);
      const text = await post(endpoint, agent, body);
      const json = JSON.parse(text) as { errors?: { message: string }[] };
      if (json.errors) throw new Error(`GraphQL error: ${defined(json.errors[0]).message}`);
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
      if (v.actors) return naiveActors(naiveDb, v.actors);
      return v.ask && v.ask !== "page"
        ? naivePictures(naiveDb, defined(v.events), v.ask)
        : naiveSearch(naiveDb, defined(v.events));
    },
    async close() {
      agent.destroy();
      floorAgent.destroy();
      await new Promise((resolve) => transport.server.close(resolve));
    },
  };
}
