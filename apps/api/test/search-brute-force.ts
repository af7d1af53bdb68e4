import { type EventType, FACET_FILTERS, type FacetField, type ParticipantRole } from "@parley/schema";
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import type { FixtureEvent } from "./search-fixture.ts";

/**
 * What searchEvents must answer over the fixture's corpus, worked out event by event: the brute
 * force the search tests hold the index to.
 */

/** The filter as the tests state it, with database IDs; turned into GraphQL variables by `toVariables`. */
export interface Filter {
  types?: EventType[];
  actorIds?: number[];
  roles?: ParticipantRole[];
  countries?: string[];
  placeIds?: number[];
  outletIds?: number[];
  from?: string;
  to?: string;
  contested?: boolean;
  participants?: { actorId: number; roles?: ParticipantRole[] }[];
}

export type Field = FacetField;

const FIELD_VALUES: Record<Field, (e: FixtureEvent) => (string | number)[]> = {
  TYPE: (e) => [e.type],
  ACTOR: (e) => e.actorIds,
  ROLE: (e) => e.roles,
  COUNTRY: (e) => e.countries,
  PLACE: (e) => e.placeIds,
  OUTLET: (e) => e.outletIds,
};

const chosen = (filter: Filter, field: Field) => (filter[FACET_FILTERS[field].filter] ?? []) as (string | number)[];

/** Someone in the event is one of `actors` (anyone when empty) in one of `roles` (any role when empty). */
function took(e: FixtureEvent, actors: (string | number)[], roles: (string | number)[]): boolean {
  return e.participants.some(
    (p) => (actors.length === 0 || actors.includes(p.actorId)) && (roles.length === 0 || roles.includes(p.role)),
  );
}

export function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Brute force: does the event contain every word of the query, as a whole word, in its text or names? */
export function textMatches(e: FixtureEvent, query: string | undefined): boolean {
  if (!query) return true;
  const haystack = fold([e.title, e.summary, ...e.names].join(" | "));
  return fold(query)
    .split(/\s+/)
    .every((word) => new RegExp(`(^|[^\\p{L}\\p{N}])${word}([^\\p{L}\\p{N}]|$)`, "u").test(haystack));
}

/**
 * Whether the event passes, leaving out the filters of the `except` facets. ACTOR and ROLE bind:
 * with both chosen, one of the actors in one of the roles.
 */
export function passes(e: FixtureEvent, filter: Filter, query?: string, except: Field | Field[] = []): boolean {
  const left = Array.isArray(except) ? except : [except];
  if (!textMatches(e, query)) return false;
  for (const field of Object.keys(FIELD_VALUES) as Field[]) {
    if (left.includes(field) || field === "ACTOR" || field === "ROLE") continue;
    const wanted = chosen(filter, field);
    if (wanted.length && !FIELD_VALUES[field](e).some((v) => wanted.includes(v))) return false;
  }
  const actors = left.includes("ACTOR") ? [] : chosen(filter, "ACTOR");
  const roles = left.includes("ROLE") ? [] : chosen(filter, "ROLE");
  if ((actors.length || roles.length) && !took(e, actors, roles)) return false;
  for (const { actorId, roles } of filter.participants ?? []) if (!took(e, [actorId], roles ?? [])) return false;
  if (filter.from && (e.end ?? e.start) < filter.from) return false;
  if (filter.to && e.start > filter.to) return false;
  if (filter.contested !== undefined && e.contested !== filter.contested) return false;
  return true;
}

/**
 * Brute force: the disjunctive count of every value of every facet, as `FIELD:value` → count. A
 * value counts the events that choosing it alone would give: an actor in the chosen roles, a role
 * held by one of the chosen actors.
 */
export function expectedFacetCounts(events: FixtureEvent[], filter: Filter, query?: string): Map<string, number> {
  const counts = new Map<string, number>();
  const bound = chosen(filter, "ACTOR").length > 0 || chosen(filter, "ROLE").length > 0;
  for (const field of Object.keys(FIELD_VALUES) as Field[]) {
    const except: Field[] = bound && (field === "ACTOR" || field === "ROLE") ? ["ACTOR", "ROLE"] : [field];
    const holds = (e: FixtureEvent, value: string | number) =>
      field === "ACTOR"
        ? took(e, [value], chosen(filter, "ROLE"))
        : field === "ROLE"
          ? took(e, chosen(filter, "ACTOR"), [value])
          : true;
    for (const e of events) {
      if (!passes(e, filter, query, except)) continue;
      for (const value of new Set(FIELD_VALUES[field](e))) {
        if (holds(e, value)) counts.set(`${field}:${value}`, (counts.get(`${field}:${value}`) ?? 0) + 1);
      }
    }
  }
  return counts;
}

/** The located places of the events with how many of them are at each, the most first (ties by place ID). */
export function expectedPlaces(events: FixtureEvent[], located: number[]): { placeId: number; count: number }[] {
  const counts = new Map<number, number>();
  for (const e of events) for (const p of e.placeIds) if (located.includes(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([placeId, count]) => ({ placeId, count }));
}

/** The events' fatalities summed as `FatalityTotals` sums them. */
export function expectedFatalities(events: FixtureEvent[]) {
  const sum = (pick: (e: FixtureEvent) => number | null) => {
    const known = events.map(pick).filter((n): n is number => n !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) : null;
  };
  const { length: known } = events.filter(
    (e) => e.fatalities.low !== null || e.fatalities.best !== null || e.fatalities.high !== null,
  );
  return {
    low: sum((e) => e.fatalities.low),
    best: sum((e) => e.fatalities.best),
    high: sum((e) => e.fatalities.high),
    events: known,
  };
}

export function toVariables(filter: Filter) {
  return {
    ...filter,
    actorIds: filter.actorIds?.map((id) => encodeGlobalID("Actor", id)),
    placeIds: filter.placeIds?.map((id) => encodeGlobalID("Place", id)),
    outletIds: filter.outletIds?.map((id) => encodeGlobalID("Actor", id)),
    participants: filter.participants?.map((p) => ({ ...p, actorId: encodeGlobalID("Actor", p.actorId) })),
  };
}

/** A facet value as the API returns it, back to the fixture's terms (`ACTOR:12`). */
export function facetKey(field: Field, value: string): string {
  if (FACET_FILTERS[field].filter.endsWith("Ids")) return `${field}:${decodeGlobalID(value).id}`;
  return `${field}:${value}`;
}

/** A global ID as a database ID. */
export const databaseId = (globalId: string) => Number(decodeGlobalID(globalId).id);
