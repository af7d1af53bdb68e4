import { FACET_FIELDS, type FacetField } from "@parley/schema";
import { dayFromIso } from "../src/days.ts";
import type { EventQuery } from "../src/event-query.ts";
import type { EventFacts } from "../src/facet-index.ts";
import type { FacetKey } from "../src/facet-key.ts";
import type { FacetCounts } from "../src/facets.ts";

/** The filter of a search, as the engine takes it. */
export type Query = NonNullable<EventQuery["filter"]>;

const LIMIT = 15;
const UNLIMITED: FacetField[] = ["TYPE", "ROLE"];

const valuesOf = (f: EventFacts, field: FacetField): FacetKey[] =>
  field === "TYPE"
    ? [f.type]
    : field === "ACTOR"
      ? f.participants.map((p) => p.actorId)
      : field === "ROLE"
        ? f.participants.map((p) => p.role)
        : field === "PLACE"
          ? f.places.map((p) => p.placeId)
          : field === "COUNTRY"
            ? f.places.map((p) => p.country)
            : f.outlets;

const chosen = (q: Query, field: FacetField): FacetKey[] =>
  ({ TYPE: q.types, ACTOR: q.actorIds, ROLE: q.roles, COUNTRY: q.countries, PLACE: q.placeIds, OUTLET: q.outletIds })[
    field
  ] ?? [];

/** Someone in the event is one of `actors` (any actor when empty) in one of `roles` (any role when empty). */
const took = (f: EventFacts, actors: FacetKey[], roles: FacetKey[]) =>
  f.participants.some(
    (p) => (actors.length === 0 || actors.includes(p.actorId)) && (roles.length === 0 || roles.includes(p.role)),
  );

/** Whether the event passes the search, leaving out the filters of the `except` facets. */
function passes(f: EventFacts, q: Query, except: FacetField[] = []): boolean {
  if (q.contested !== undefined && f.contested !== q.contested) return false;
  if (q.from && f.endDay < dayFromIso(q.from)) return false;
  if (q.to && f.startDay > dayFromIso(q.to)) return false;
  for (const { actorId, roles } of q.participants ?? []) if (!took(f, [actorId], roles ?? [])) return false;
  for (const field of FACET_FIELDS.codes) {
    const keys = chosen(q, field);
    if (keys.length === 0 || except.includes(field) || field === "ACTOR" || field === "ROLE") continue;
    if (!valuesOf(f, field).some((v) => keys.includes(v))) return false;
  }
  const actors = except.includes("ACTOR") ? [] : chosen(q, "ACTOR");
  const roles = except.includes("ROLE") ? [] : chosen(q, "ROLE");
  return (actors.length === 0 && roles.length === 0) || took(f, actors, roles);
}

const compareKeys = (a: FacetKey, b: FacetKey) =>
  typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));

/** Each facet as countFacets lists it: the most frequent values, then the chosen ones not among them. */
function facetOf(events: EventFacts[], q: Query, field: FacetField): FacetCounts {
  const counts = new Map<FacetKey, number>();
  const bound = field === "ACTOR" || field === "ROLE";
  // A value's count: the events that choosing it alone would give (ACTOR and ROLE bind each other).
  const holds = (f: EventFacts, value: FacetKey) =>
    field === "ACTOR"
      ? took(f, [value], chosen(q, "ROLE"))
      : field === "ROLE"
        ? took(f, chosen(q, "ACTOR"), [value])
        : valuesOf(f, field).includes(value);
  const except: FacetField[] =
    bound && (chosen(q, "ACTOR").length || chosen(q, "ROLE").length) ? ["ACTOR", "ROLE"] : [field];
  for (const f of events) {
    if (!passes(f, q, except)) continue;
    for (const value of new Set(valuesOf(f, field)))
      if (holds(f, value)) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const own = [...new Set(chosen(q, field))];
  const sorted = [...counts]
    .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
    .map(([key, count]) => ({ key, count, selected: own.includes(key) }));
  const shown = UNLIMITED.includes(field) ? sorted : sorted.slice(0, LIMIT);
  for (const key of own)
    if (!shown.some((v) => v.key === key)) shown.push({ key, count: counts.get(key) ?? 0, selected: true });
  return { field, values: shown };
}

/** What a search must answer, worked out from every event one by one. */
export function bruteForce(events: EventFacts[], q: Query, located: ReadonlySet<number>) {
  const results = events.filter((f) => passes(f, q)).sort((a, b) => b.startDay - a.startDay || b.id - a.id);
  const places = new Map<number, number>();
  for (const f of results)
    for (const p of new Set(f.places.map((x) => x.placeId)))
      if (located.has(p)) places.set(p, (places.get(p) ?? 0) + 1);
  const sum = (pick: (f: EventFacts) => number | null) => {
    const known = results.map(pick).filter((n): n is number => n !== null);
    return known.length ? known.reduce((a, b) => a + b, 0) : null;
  };
  return {
    ids: results.map((f) => f.id),
    facets: FACET_FIELDS.codes.map((field) => facetOf(events, q, field)),
    places: [...places].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([placeId, count]) => ({ placeId, count })),
    fatalities: {
      low: sum((f) => f.fatalities.low),
      best: sum((f) => f.fatalities.best),
      high: sum((f) => f.fatalities.high),
      events: results.filter(
        (f) => f.fatalities.low !== null || f.fatalities.best !== null || f.fatalities.high !== null,
      ).length,
    },
  };
}
