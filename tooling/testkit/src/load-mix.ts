import { seededRandom, weighted } from "@parley/corpus";
import { defined, type EventType, type FacetField } from "@parley/schema";
import type pg from "pg";

/** What the typeahead cases type: prefixes and misspellings of names in the generated corpus (`pnpm bench search` and the load mix). */
export const TYPEAHEAD_PREFIXES = [
  "Tehr",
  "Mehsud",
  "Yousafzai",
  "Haqani",
  "Lashkar-e",
  "Zabiullah",
  "Shahin",
  "Baradar",
  "Muttaki",
  "Jamaat ul",
];

export type Kind =
  | "search_landing"
  | "search_facets"
  | "search_text"
  | "event"
  | "actor"
  | "source"
  | "actor_typeahead"
  | "write";

/** One request of the mix: what it is and the GraphQL body it sends. */
export interface Variant {
  kind: Kind;
  body: string;
  /** Writes carry the editor token. */
  write: boolean;
}

/** Share of each kind in the mix, in percent: what a reading room does, with a desk editor writing now and then. */
export const WEIGHTS: Record<Kind, number> = {
  search_landing: 14,
  search_facets: 20,
  search_text: 14,
  event: 16,
  actor: 10,
  source: 6,
  actor_typeahead: 18,
  write: 2,
};

/** A search page as the web app asks for it: the page, its facets and its month histogram. Used by the benches and tests. */
export const SEARCH_PAGE = `query($query: String, $filter: EventFilter, $first: Int, $after: String, $sort: EventSort = RELEVANCE) {
  searchEvents(query: $query, filter: $filter, first: $first, after: $after, sort: $sort) {
    totalCount
    edges { cursor highlights node { id title type startDate } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value label count selected } }
    histogram(interval: MONTH) { start count }
  }
}`;
/** What SEARCH_PAGE answers (its `data`). */
export interface SearchPageData {
  searchEvents: {
    totalCount: number;
    edges: {
      cursor: string;
      highlights: string[];
      node: { id: string; title: string; type: EventType; startDate: string };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { field: FacetField; values: { value: string; label: string; count: number; selected: boolean }[] }[];
    histogram: { start: string; count: number }[];
  };
}
const EVENT = `query($id: ID!) { event(id: $id) { id title type summary startDate endDate datePrecision contested version
  places { name country lat lon } participants { role actor { id name } }
  claims { quote stance speakerLabel speaker { name } source { id title publishedAt outlet { name } } } } }`;
const ACTOR = `query($id: ID!) { actor(id: $id) { id name kind country aliases description
  events(first: 10) { totalCount edges { node { role event { id title startDate } } } } } }`;
const SOURCE = `query($id: ID!) { source(id: $id) { id title publishedAt url outlet { id name } cites { name }
  claims(first: 20) { edges { node { quote stance event { id title } } } } } }`;
const ACTORS = `query($query: String!) { searchActors(query: $query) { actor { id name kind } matchedName score } }`;
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { __typename
  ... on CreateEventSuccess { event { id version } } ... on Error { message } } }`;

/** Titles of the events the load test writes, so that it can remove them afterwards. */
export const WRITE_TITLE = "Load test write";

const gid = (typename: string, id: number) => Buffer.from(`${typename}:${id}`).toString("base64");
const body = (query: string, variables: object) => JSON.stringify({ query, variables });

/**
 * A fixed list of requests, with IDs and filter values taken from the corpus. Each kind has
 * several variants; the load clients draw from them by weight.
 */
export async function buildMix(db: pg.Pool): Promise<Variant[]> {
  const random = seededRandom(7);
  const {
    rows: [bounds],
  } = await db.query<{ events: number; actors: number; sources: number }>(
    `SELECT (SELECT max(id) FROM event)::int AS events, (SELECT max(id) FROM actor)::int AS actors, (SELECT max(id) FROM source)::int AS sources`,
  );
  const { rows: actors } = await db.query<{ actor_id: number }>(
    `SELECT actor_id FROM participant WHERE event_id <= 20000 GROUP BY 1 ORDER BY count(*) DESC LIMIT 8`,
  );
  const { rows: countries } = await db.query<{ country: string }>(
    `SELECT p.country FROM event_place ep JOIN place p ON p.id = ep.place_id WHERE ep.event_id <= 20000 GROUP BY 1 ORDER BY count(*) DESC LIMIT 4`,
  );
  const pick = <T>(list: T[]) => defined(list[Math.floor(random() * list.length)]);
  const upTo = (n: number) => 1 + Math.floor(random() * n);
  const variants: Variant[] = [];
  const add = (kind: Kind, text: string, variables: object, write = false) =>
    variants.push({ kind, body: body(text, variables), write });

  add("search_landing", SEARCH_PAGE, { first: 20 });
  add("search_landing", SEARCH_PAGE, { first: 20, filter: { from: "2020-01-01" } });
  for (const filter of [
    { types: ["ATTACK", "ARMED_CLASH"] },
    { countries: [countries[0]?.country ?? "PK"] },
    { types: ["NEGOTIATION"], countries: [pick(countries).country] },
    { actorIds: [gid("Actor", defined(actors[0]).actor_id)] },
    { actorIds: [gid("Actor", pick(actors).actor_id)], roles: ["PERPETRATOR"] },
    { contested: true },
    { types: ["CEASEFIRE"], from: "2021-01-01", to: "2022-12-31" },
  ])
    add("search_facets", SEARCH_PAGE, { first: 20, filter });
  for (const [i, query] of [
    "market",
    "mosque",
    "highway",
    "bridge",
    "ceasefire talks",
    "Tehreek",
    "checkpoint -attack",
  ].entries()) {
    add("search_text", SEARCH_PAGE, {
      first: 20,
      query,
      filter: i % 2 ? { countries: [pick(countries).country] } : {},
    });
  }
  for (let i = 0; i < 60; i++) add("event", EVENT, { id: gid("Event", upTo(defined(bounds).events)) });
  for (let i = 0; i < 40; i++) add("actor", ACTOR, { id: gid("Actor", upTo(defined(bounds).actors)) });
  for (let i = 0; i < 30; i++) add("source", SOURCE, { id: gid("Source", upTo(defined(bounds).sources)) });
  for (const query of TYPEAHEAD_PREFIXES) add("actor_typeahead", ACTORS, { query });
  for (let i = 0; i < 5; i++) {
    add(
      "write",
      CREATE,
      {
        input: {
          type: pick(["STATEMENT", "ATTACK", "NEGOTIATION"]),
          title: `${WRITE_TITLE} ${i + 1}`,
          summary: "Written by pnpm bench load.",
          startDate: `2024-0${1 + i}-1${i}`,
          participants: [{ actorId: gid("Actor", pick(actors).actor_id), role: "PARTY" }],
        },
      },
      true,
    );
  }
  return variants;
}

/** The variant indexes of each kind, and a sampler that draws a kind by weight, then a variant. */
export function sampler(variants: Variant[], seed: number): () => number {
  const random = seededRandom(seed);
  const byKind = new Map<Kind, number[]>();
  for (const [i, v] of variants.entries()) byKind.set(v.kind, [...(byKind.get(v.kind) ?? []), i]);
  const kind = weighted(
    random,
    Object.fromEntries([...byKind.keys()].map((k) => [k, WEIGHTS[k]])) as Record<Kind, number>,
  );
  return () => {
    const list = defined(byKind.get(kind()));
    return defined(list[Math.floor(random() * list.length)]);
  };
}
