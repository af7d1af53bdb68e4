import { dayFromIso } from "./days.ts";
import type { EventQuery } from "./event-query.ts";
import type { EventFacts, FacetIndex } from "./facet-index.ts";
import type { TextMatch } from "./text.ts";

/** One event as `reaches` reads it: as the index holds it before a write, or from its facts after. */
export interface EventView {
  type: string;
  actors: readonly number[];
  roles: readonly string[];
  /** Whether the actor took part in the event in this role. */
  actorIn(actorId: number, role: string): boolean;
  countries: readonly string[];
  places: readonly number[];
  outlets: readonly number[];
  startDay: number;
  endDay: number;
  contested: boolean;
  holds(lexeme: string): boolean;
}

/**
 * The event as the index holds it; null when the index does not hold it. Some of it is read from
 * the index when asked: use it before the index applies a write, not after.
 */
export function indexedView(index: FacetIndex, id: number): EventView | null {
  if (!index.all.has(id)) return null;
  const values = index.forward.valuesOf(id);
  return {
    type: String(values.TYPE?.[0] ?? ""),
    actors: (values.ACTOR ?? []) as number[],
    roles: (values.ROLE ?? []) as string[],
    actorIn: (actorId, role) => index.actorRoles.get(actorId, role)?.has(id) ?? false,
    countries: (values.COUNTRY ?? []) as string[],
    places: (values.PLACE ?? []) as number[],
    outlets: (values.OUTLET ?? []) as number[],
    startDay: index.startDay[id] ?? 0,
    endDay: index.endDay[id] ?? 0,
    contested: index.contested.has(id),
    holds: (lexeme) => index.lexemes.holds(id, lexeme),
  };
}

/** The event as its new facts say. */
export function factsView(facts: EventFacts): EventView {
  return {
    type: facts.type,
    actors: facts.participants.map((p) => p.actorId),
    roles: facts.participants.map((p) => p.role),
    actorIn: (actorId, role) => facts.participants.some((p) => p.actorId === actorId && p.role === role),
    countries: facts.places.map((p) => p.country),
    places: facts.places.map((p) => p.placeId),
    outlets: facts.outlets,
    startDay: facts.startDay,
    endDay: facts.endDay,
    contested: facts.contested,
    holds: (lexeme) =>
      facts.lexemes.A.includes(lexeme) || facts.lexemes.B.includes(lexeme) || facts.lexemes.C.includes(lexeme),
  };
}

const anyOf = <T>(wanted: readonly T[] | undefined, held: readonly T[]) =>
  !wanted?.length || wanted.some((w) => held.includes(w));

/**
 * Whether the event, as `view` shows it, may count in anything the search answers: its results,
 * the scope of any of its facets (every filter but the facet's own), its histogram (every filter
 * but the dates), or as a chosen value whose label the search shows. When this is false for an
 * event both before and after a write, the write changes nothing the search answers, and the
 * engine keeps it in its cache.
 *
 * Sound rather than exact: where a condition cannot be told cheaply it counts as met (a text query
 * with NOT, a prefix or one PostgreSQL matched; actors and roles chosen together count as one
 * condition, since the facets bind them).
 */
export function reaches(input: EventQuery, text: TextMatch | null, view: EventView): boolean {
  const f = input.filter ?? {};
  // A chosen value is listed with its label even when no result holds it; a rename reaches the
  // search through the events that hold it.
  if (
    f.types?.includes(view.type) ||
    f.actorIds?.some((a) => view.actors.includes(a)) ||
    f.participants?.some((p) => view.actors.includes(p.actorId)) ||
    f.countries?.some((c) => view.countries.includes(c)) ||
    f.placeIds?.some((p) => view.places.includes(p)) ||
    f.outletIds?.some((o) => view.outlets.includes(o))
  )
    return true;
  // What every scope requires.
  if (text?.required && !text.required.some((lexeme) => view.holds(lexeme))) return false;
  if (f.contested !== undefined && view.contested !== f.contested) return false;
  for (const { actorId, roles } of f.participants ?? []) {
    const took = roles?.length ? roles.some((r) => view.actorIn(actorId, r)) : view.actors.includes(actorId);
    if (!took) return false;
  }
  // Every scope leaves out at most one of these: an event failing two is in none.
  let failed = 0;
  if ((f.from && view.endDay < dayFromIso(f.from)) || (f.to && view.startDay > dayFromIso(f.to))) failed++;
  if (!anyOf(f.types, [view.type])) failed++;
  if (f.actorIds?.length && f.roles?.length) {
    if (!anyOf(f.actorIds, view.actors) || !anyOf(f.roles, view.roles)) failed++;
  } else {
    if (!anyOf(f.actorIds, view.actors)) failed++;
    if (!anyOf(f.roles, view.roles)) failed++;
  }
  if (!anyOf(f.countries, view.countries)) failed++;
  if (!anyOf(f.placeIds, view.places)) failed++;
  if (!anyOf(f.outletIds, view.outlets)) failed++;
  return failed < 2;
}
