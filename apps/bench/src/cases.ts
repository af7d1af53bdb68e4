import { defined } from "@parley/schema";
import type { EventQuery } from "@parley/search";
import { TYPEAHEAD_PREFIXES } from "@parley/testkit/load-mix";
import type pg from "pg";

/** What a variant asks of a search: a page with facets and histogram, or one of the pictures of every result. */
export type Ask = "page" | "places" | "fatalities";

export interface Variant {
  label: string;
  events?: EventQuery;
  /** Default "page". */
  ask?: Ask;
  actors?: string;
}

export interface BenchCase {
  name: string;
  /** Target p95 of the direct path, in milliseconds. */
  target: number;
  variants: Variant[];
}

/** The fixed query mix, with values picked from the corpus (most frequent actors and countries). */
export async function benchCases(db: pg.Pool, events: number): Promise<BenchCase[]> {
  // Issue 21: at ten million events the pictures of every result may take 100 ms, twice the 50 at a million.
  const pictures = events >= 10_000_000 ? 100 : 50;
  const { rows: actors } = await db.query<{ actor_id: number }>(
    `SELECT actor_id FROM participant WHERE event_id <= 50000 GROUP BY 1 ORDER BY count(*) DESC LIMIT 6`,
  );
  const { rows: countries } = await db.query<{ country: string }>(
    `SELECT p.country FROM event_place ep JOIN place p ON p.id = ep.place_id WHERE ep.event_id <= 50000 GROUP BY 1 ORDER BY count(*) DESC LIMIT 3`,
  );
  const { rows: mediators } = await db.query<{ actor_id: number }>(
    `SELECT actor_id FROM participant WHERE event_id <= 50000 AND role = 'MEDIATOR' GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`,
  );
  const actor = (i: number) => defined(actors[i % actors.length]).actor_id;
  const country = (i: number) => defined(countries[i % countries.length]).country;
  const page = { first: 20, sort: "RELEVANCE" as const };
  // Over every result: the landing page (kept counts), a single choice (kept counts), two filters
  // (bitmaps), a word (one pass over its events) and a year (a date range).
  const everyResult = (ask: Ask): Variant[] => [
    { label: "every event", ask, events: { ...page, first: 0 } },
    { label: "type ATTACK", ask, events: { ...page, first: 0, filter: { types: ["ATTACK"] } } },
    {
      label: `types ATTACK|ARMED_CLASH + country ${country(0)}`,
      ask,
      events: { ...page, first: 0, filter: { types: ["ATTACK", "ARMED_CLASH"], countries: [country(0)] } },
    },
    { label: '"market"', ask, events: { ...page, first: 0, query: "market" } },
    { label: "2021", ask, events: { ...page, first: 0, filter: { from: "2021-01-01", to: "2021-12-31" } } },
  ];
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
      variants: TYPEAHEAD_PREFIXES.map((q) => ({ label: q, actors: q })),
    },
    { name: "places", target: pictures, variants: everyResult("places") },
    { name: "fatalities", target: pictures, variants: everyResult("fatalities") },
    {
      name: "actors_in_roles",
      target: 100,
      variants: [
        {
          label: "actor + role MEDIATOR",
          events: { ...page, filter: { actorIds: [mediators[0]?.actor_id ?? actor(0)], roles: ["MEDIATOR"] } },
        },
        { label: "role PARTY (actors counted in it)", events: { ...page, filter: { roles: ["PARTY"] } } },
        {
          label: "dyad of the two largest actors",
          events: { ...page, filter: { participants: [{ actorId: actor(0) }, { actorId: actor(1) }] } },
        },
        {
          label: '"market" + 2 actors + 2 roles',
          events: { ...page, query: "market", filter: { actorIds: [actor(0), actor(2)], roles: ["PARTY", "TARGET"] } },
        },
      ],
    },
  ];
}
